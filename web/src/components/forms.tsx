import { Select, TextInput, type SelectProps, type TextInputProps } from '@mantine/core';
import { DateInput, type DateInputProps } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { isApiError } from '../api/client';
import { formatMoneyInput, moneyStyle, parseDateInput, parseMoneyInput, type MoneyStyle } from '../format';
import { useI18n, type EnumPrefix, type I18n } from '../i18n';
import { describeError } from './ui';

/** Options for a Select from a list of stored enum values, labelled in the UI language. */
export function enumOptions(te: I18n['te'], prefix: EnumPrefix, values: readonly string[]) {
  return values.map((value) => ({ value, label: te(prefix, value) }));
}

interface FormLike {
  setErrors: (errors: Record<string, string>) => void;
  getValues: () => object;
}

/**
 * Puts the server's field errors (`error.fields[].path`) under the matching inputs. Returns the
 * messages that match no input of this form, to be shown above it.
 */
export function applyServerErrors(form: FormLike, error: unknown): string[] {
  if (!isApiError(error) || error.fields.length === 0) return [];
  const values = form.getValues();
  const errors: Record<string, string> = {};
  const unmatched: string[] = [];
  for (const f of error.fields) {
    const root = f.path.split('.')[0] ?? '';
    if (root in values) errors[f.path] = errors[f.path] ? `${errors[f.path]} · ${f.message}` : f.message;
    else unmatched.push(f.path && f.path !== '(body)' ? `${f.path}: ${f.message}` : f.message);
  }
  form.setErrors(errors);
  return unmatched;
}

export function notifySaved(message: string) {
  notifications.show({ color: 'green', message, autoClose: 3000 });
}

export function notifyError(i18n: Pick<I18n, 't' | 'has'>, error: unknown) {
  const { title, detail } = describeError(i18n, error);
  notifications.show({ color: 'red', title, message: detail ?? '', autoClose: 6000 });
}

/** '' → null: the API reads null as "clear this field". */
export const blankToNull = (v: string) => (v.trim() === '' ? null : v.trim());

/**
 * The fields of `values` that differ from `initial`, for a PATCH that sends only what changed.
 */
export function changedFields<T extends object>(initial: T, values: T): Partial<T> {
  const out: Partial<T> = {};
  for (const k of Object.keys(values) as (keyof T)[]) {
    if (JSON.stringify(values[k] ?? null) !== JSON.stringify(initial[k] ?? null)) out[k] = values[k];
  }
  return out;
}

/**
 * A calendar date input. Its value stays a 'YYYY-MM-DD' string ('' when empty); it shows and accepts
 * the date day first in the UI language ("31/03/2026"), whatever the browser's own locale.
 */
export function DateField({
  value,
  onChange,
  ...props
}: Omit<DateInputProps, 'value' | 'onChange' | 'defaultValue'> & {
  value?: string | null;
  onChange?: (value: string) => void;
}) {
  const { locale, date } = useI18n();
  return (
    <DateInput
      valueFormat={(d) => date(d)}
      dateParser={parseDateInput}
      placeholder={locale === 'de' ? 'TT.MM.JJJJ' : locale === 'en' ? 'DD/MM/YYYY' : locale === 'fr' ? 'JJ/MM/AAAA' : 'GG/MM/AAAA'}
      clearable
      popoverProps={{ withinPortal: true }}
      value={value ? value : null}
      onChange={(v) => onChange?.(v ?? '')}
      {...props}
    />
  );
}

/** Amount input: text, never a number, so "1234,56" keeps every digit. */
/** The edit-form money style of the UI language (and the currency: francs the Swiss way). */
export function useMoneyStyle(currency?: string): MoneyStyle {
  const { locale } = useI18n();
  return moneyStyle(locale, currency);
}

/**
 * An amount typed the way the UI language writes it (1.245,00 in Italian, 1,245.00 in English); on
 * leaving the field a readable amount is rewritten in that form. Forms send `parseMoneyInput(value,
 * style)`: the exact decimal string, never a float.
 */
export function MoneyField({ currency, onBlur, ...props }: TextInputProps & { currency?: string }) {
  const style = useMoneyStyle(currency);
  const onChange = props.onChange as ((v: unknown) => void) | undefined;
  return (
    <TextInput
      inputMode="decimal"
      autoComplete="off"
      placeholder={formatMoneyInput('1234.56', style)}
      rightSection={currency ? <span style={{ fontSize: 12, color: 'var(--mantine-color-dimmed)' }}>{currency}</span> : undefined}
      rightSectionWidth={currency ? 44 : undefined}
      {...props}
      onBlur={(e) => {
        const text = e.currentTarget.value;
        const amount = parseMoneyInput(text, style);
        if (amount !== null && onChange) {
          const shown = formatMoneyInput(amount, style);
          if (shown !== text) onChange(shown);
        }
        onBlur?.(e);
      }}
    />
  );
}

/** A Select over enum values with translated labels. */
export function EnumSelect({
  prefix,
  values,
  ...props
}: Omit<SelectProps, 'data'> & { prefix: EnumPrefix; values: readonly string[] }) {
  const { te } = useI18n();
  return <Select data={enumOptions(te, prefix, values)} allowDeselect={false} {...props} />;
}
