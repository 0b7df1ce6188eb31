import {
  Alert,
  Button,
  Card,
  Checkbox,
  CloseButton,
  Grid,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { randomId } from '@mantine/hooks';
import { useRef, useState } from 'react';
import { useCalculateInterest } from '../api/hooks';
import {
  CURRENCIES,
  DAY_COUNTS,
  DEBTOR_KINDS,
  INTEREST_REGIMES,
  type Currency,
  type DayCount,
  type DebtorKind,
  type InterestInput,
  type InterestRegime,
} from '../api/types';
import { applyServerErrors, DateField, EnumSelect, enumOptions, MoneyField } from '../components/forms';
import { ErrorAlert, PageHeader } from '../components/ui';
import { isIsoDate, moneyStyle, parseMoneyInput, parsePercentInput, todayIso } from '../format';
import { useI18n, type Locale } from '../i18n';
import { StatementResult } from '../components/StatementResult';

interface PaymentRow {
  key: string;
  date: string;
  amount: string;
}

interface InterestValues {
  principal: string;
  currency: string;
  regime: string;
  due: string;
  paid: string;
  contractDate: string;
  judicialClaimDate: string;
  dayCount: string;
  rate: string;
  base: string;
  spread: string;
  debtorKind: string;
  flatCompensation: boolean;
  payments: PaymentRow[];
}

const initialValues = (): InterestValues => ({
  principal: '',
  currency: 'EUR',
  regime: 'it-legal',
  due: '',
  paid: todayIso(),
  contractDate: '',
  judicialClaimDate: '',
  dayCount: 'act365',
  rate: '',
  base: 'it-legal',
  spread: '',
  debtorKind: '',
  flatCompensation: true,
  payments: [],
});

/** Hints go under their input, so the inputs of a row stay aligned. */
const BELOW: ('label' | 'input' | 'description' | 'error')[] = ['label', 'input', 'description', 'error'];

/** Regimes whose rate depends on when the contract was made (+7/+8, § 288 old and new rules). */
const USES_CONTRACT_DATE: readonly string[] = ['it-commercial', 'de-business'];
/** Regimes that add the €40 flat compensation for recovery costs (EUR claims only). */
const HAS_FLAT_COMPENSATION: readonly string[] = ['it-commercial', 'de-business', 'fr-commercial'];
/** What "spread" can be built on: a regime with a rate table of its own. */
const SPREAD_BASES = INTEREST_REGIMES.filter((r) => r !== 'spread' && r !== 'none' && r !== 'fixed');

/** The regime whose rules apply: the base one for "spread". */
const effectiveRegime = (v: Pick<InterestValues, 'regime' | 'base'>) => (v.regime === 'spread' ? v.base : v.regime);

/** A spread in points, possibly negative ("-1,5" → "-1.5"), or null. */
function parseSpreadInput(raw: string): string | null {
  const s = raw.trim();
  const negative = s.startsWith('-');
  const points = parsePercentInput(negative ? s.slice(1) : s);
  return points === null ? null : `${negative ? '-' : ''}${points}`;
}

/**
 * Form values → the API's case. Fields that the chosen regime does not use are left out, so a value
 * typed for another regime never changes the result; indices of `payments` match the form's rows,
 * so the server's `payments.N.amount` errors land on the right input.
 */
function toBody(v: InterestValues, locale: Locale): InterestInput {
  const style = moneyStyle(locale, v.currency);
  const regime = v.regime as InterestRegime;
  const effective = effectiveRegime(v);
  const body: InterestInput = {
    principal: parseMoneyInput(v.principal, style) ?? v.principal.trim(),
    currency: v.currency as Currency,
    regime,
    due: v.due,
    paid: v.paid,
    dayCount: v.dayCount as DayCount,
    flatCompensation: v.flatCompensation,
  };
  if (USES_CONTRACT_DATE.includes(effective) && v.contractDate) body.contractDate = v.contractDate;
  if (effective === 'it-legal' && v.judicialClaimDate) body.judicialClaimDate = v.judicialClaimDate;
  if (regime === 'fixed') body.rate = parsePercentInput(v.rate) ?? v.rate.trim();
  if (regime === 'spread') {
    body.base = (v.base || null) as InterestInput['base'];
    body.spread = parseSpreadInput(v.spread) ?? v.spread.trim();
  }
  if (v.debtorKind) body.debtorKind = v.debtorKind as DebtorKind;
  if (v.payments.length > 0) {
    body.payments = v.payments.map((p) => ({ date: p.date, amount: parseMoneyInput(p.amount, style) ?? p.amount.trim() }));
  }
  return body;
}

/** Asks the server for the statement of `body` as a PDF in the UI language and saves it. */
async function downloadStatementPdf(body: unknown, locale: string): Promise<void> {
  const res = await fetch(`/api/interest/statement.pdf?lang=${locale}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`PDF: ${res.status}`);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'prospetto-interessi.pdf';
  a.click();
  URL.revokeObjectURL(url);
}

export default function InterestPage() {
  const { t, te, locale } = useI18n();
  const calc = useCalculateInterest();
  const [unmatched, setUnmatched] = useState<string[]>([]);
  // The case the shown result answers: when the form moves away from it, the result is marked stale.
  const [computed, setComputed] = useState<string | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  const required = (v: string) => (v.trim() ? null : t('validation.required'));
  const date = (v: string) => (!v ? t('validation.required') : isIsoDate(v) ? null : t('validation.date'));
  const amount = (v: string) => {
    if (!v.trim()) return t('validation.required');
    const a = parseMoneyInput(v, moneyStyle(locale));
    return a && /[1-9]/.test(a) ? null : t('validation.amount');
  };
  const form = useForm<InterestValues>({
    initialValues: initialValues(),
    validate: {
      principal: amount,
      regime: required,
      due: date,
      paid: date,
      contractDate: (v) => (v && !isIsoDate(v) ? t('validation.date') : null),
      judicialClaimDate: (v) => (v && !isIsoDate(v) ? t('validation.date') : null),
      rate: (v, values) => (values.regime !== 'fixed' ? null : parsePercentInput(v) ? null : t('validation.percent')),
      base: (v, values) => (values.regime === 'spread' ? required(v) : null),
      spread: (v, values) => (values.regime !== 'spread' ? null : parseSpreadInput(v) ? null : t('validation.percent')),
      payments: { date, amount },
    },
  });
  const values = form.getValues();
  const effective = effectiveRegime(values);

  const submit = form.onSubmit((v) => {
    setUnmatched([]);
    const body = toBody(v, locale);
    setComputed(JSON.stringify(body));
    calc.mutate(body, {
      onSuccess: () => requestAnimationFrame(() => resultRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' })),
      onError: (e) => setUnmatched(applyServerErrors(form, e)),
    });
  });

  const regimeOptions = enumOptions(te, 'interestRegime', INTEREST_REGIMES);
  const renderRegime = ({ option }: { option: { value: string; label: string } }) => (
    <Stack gap={0} py={2}>
      <Text size="sm">{option.label}</Text>
      <Text size="xs" c="dimmed">
        {te('interestRegimeInfo', option.value)}
      </Text>
    </Stack>
  );
  const stale = calc.data !== undefined && computed !== null && computed !== JSON.stringify(toBody(values, locale));

  return (
    <>
      <PageHeader
        title={t('interest.title')}
        subtitle={t('interest.subtitle')}
        actions={
          calc.data && computed && !stale ? (
            <Button variant="light" data-testid="interest-pdf" onClick={() => void downloadStatementPdf(JSON.parse(computed), locale)}>
              {t('interest.pdf')}
            </Button>
          ) : undefined
        }
      />
      <form onSubmit={submit} noValidate data-testid="interest-form">
        <Stack gap="md">
          {calc.error && <ErrorAlert error={calc.error} extra={unmatched} />}
          <Card withBorder padding="lg" radius="md">
            <Title order={5} mb="sm">
              {t('interest.section.case')}
            </Title>
            <Grid gap="md">
              <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
                <MoneyField
                  label={t('interest.principal')}
                  withAsterisk
                  placeholder="1234,56"
                  currency={values.currency}
                  {...form.getInputProps('principal')}
                  data-testid="interest-principal"
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6, md: 2 }}>
                <Select
                  label={t('interest.currency')}
                  data={[...CURRENCIES]}
                  allowDeselect={false}
                  {...form.getInputProps('currency')}
                  data-testid="interest-currency"
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
                <DateField label={t('interest.due')} withAsterisk {...form.getInputProps('due')} data-testid="interest-due" />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
                <DateField label={t('interest.paid')} withAsterisk {...form.getInputProps('paid')} data-testid="interest-paid" />
              </Grid.Col>
            </Grid>
          </Card>

          <Card withBorder padding="lg" radius="md">
            <Title order={5} mb="sm">
              {t('interest.section.regime')}
            </Title>
            <Grid gap="md">
              <Grid.Col span={{ base: 12, md: 6 }}>
                <Select
                  label={t('interest.regime')}
                  withAsterisk
                  data={regimeOptions}
                  allowDeselect={false}
                  renderOption={renderRegime}
                  maxDropdownHeight={440}
                  description={values.regime ? te('interestRegimeInfo', values.regime) : undefined}
                  inputWrapperOrder={BELOW}
                  {...form.getInputProps('regime')}
                  data-testid="interest-regime"
                  wrapperProps={{ 'data-testid': 'interest-regime-field' }}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
                <Select
                  label={t('interest.debtorKind')}
                  clearable
                  placeholder={t('interest.debtorKindAny')}
                  data={enumOptions(te, 'debtorKind', DEBTOR_KINDS)}
                  {...form.getInputProps('debtorKind')}
                  onChange={(v) => form.setFieldValue('debtorKind', v ?? '')}
                  data-testid="interest-debtor-kind"
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
                <EnumSelect
                  label={t('interest.dayCount')}
                  prefix="dayCount"
                  values={DAY_COUNTS}
                  {...form.getInputProps('dayCount')}
                  data-testid="interest-day-count"
                />
              </Grid.Col>
              {values.regime === 'fixed' && (
                <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
                  <TextInput
                    label={t('interest.rate')}
                    withAsterisk
                    inputMode="decimal"
                    autoComplete="off"
                    placeholder="8,5"
                    {...form.getInputProps('rate')}
                    data-testid="interest-rate"
                  />
                </Grid.Col>
              )}
              {values.regime === 'spread' && (
                <>
                  <Grid.Col span={{ base: 12, sm: 6 }}>
                    <Select
                      label={t('interest.base')}
                      withAsterisk
                      data={enumOptions(te, 'interestRegime', SPREAD_BASES)}
                      allowDeselect={false}
                      renderOption={renderRegime}
                      maxDropdownHeight={440}
                      {...form.getInputProps('base')}
                      data-testid="interest-base"
                    />
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
                    <TextInput
                      label={t('interest.spread')}
                      withAsterisk
                      inputMode="decimal"
                      autoComplete="off"
                      placeholder="3"
                      {...form.getInputProps('spread')}
                      data-testid="interest-spread"
                    />
                  </Grid.Col>
                </>
              )}
              {USES_CONTRACT_DATE.includes(effective) && (
                <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
                  <DateField
                    label={t('interest.contractDate')}
                    description={t('interest.contractDateHint')}
                    inputWrapperOrder={BELOW}
                    {...form.getInputProps('contractDate')}
                    data-testid="interest-contract-date"
                  />
                </Grid.Col>
              )}
              {effective === 'it-legal' && (
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <DateField
                    label={t('interest.judicialClaimDate')}
                    description={t('interest.judicialClaimDateHint')}
                    inputWrapperOrder={BELOW}
                    {...form.getInputProps('judicialClaimDate')}
                    data-testid="interest-judicial-claim-date"
                  />
                </Grid.Col>
              )}
              <Grid.Col span={12}>
                <Checkbox
                  label={t('interest.flatCompensation')}
                  description={t('interest.flatCompensationHint')}
                  disabled={!HAS_FLAT_COMPENSATION.includes(effective) || values.currency !== 'EUR'}
                  {...form.getInputProps('flatCompensation', { type: 'checkbox' })}
                  data-testid="interest-flat-compensation"
                />
              </Grid.Col>
            </Grid>
          </Card>

          <Card withBorder padding="lg" radius="md">
            <Group justify="space-between" mb="sm">
              <Title order={5}>{t('interest.section.payments')}</Title>
              <Button
                variant="light"
                size="xs"
                onClick={() => form.insertListItem('payments', { key: randomId(), date: '', amount: '' })}
                data-testid="interest-add-payment"
              >
                + {t('interest.payments.add')}
              </Button>
            </Group>
            {values.payments.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('interest.payments.none')}
              </Text>
            ) : (
              <Stack gap="xs" data-testid="interest-payments">
                {values.payments.map((p, i) => (
                  <Grid key={p.key} gap="sm" align="flex-start">
                    <Grid.Col span={{ base: 12, sm: 4 }}>
                      <DateField
                        label={t('interest.payment.date')}
                        withAsterisk
                        {...form.getInputProps(`payments.${i}.date`)}
                        data-testid={`interest-payment-date-${i}`}
                      />
                    </Grid.Col>
                    <Grid.Col span={{ base: 10, sm: 4 }}>
                      <MoneyField
                        label={t('interest.payment.amount')}
                        withAsterisk
                        placeholder="1234,56"
                        currency={values.currency}
                        {...form.getInputProps(`payments.${i}.amount`)}
                        data-testid={`interest-payment-amount-${i}`}
                      />
                    </Grid.Col>
                    <Grid.Col span={{ base: 2, sm: 1 }} pt={32}>
                      <CloseButton
                        aria-label={t('interest.payments.remove')}
                        title={t('interest.payments.remove')}
                        onClick={() => form.removeListItem('payments', i)}
                        data-testid={`interest-payment-remove-${i}`}
                      />
                    </Grid.Col>
                  </Grid>
                ))}
              </Stack>
            )}
          </Card>

          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => {
                form.reset();
                calc.reset();
                setUnmatched([]);
                setComputed(null);
              }}
              data-testid="interest-reset"
            >
              {t('interest.reset')}
            </Button>
            <Button type="submit" loading={calc.isPending} data-testid="interest-calculate">
              {t('interest.calculate')}
            </Button>
          </Group>
        </Stack>
      </form>

      {calc.data && (
        <Stack gap="md" mt="xl" ref={resultRef} style={{ scrollMarginTop: 76 }} data-testid="interest-result">
          {stale && (
            <Alert color="yellow" variant="light" data-testid="interest-stale">
              {t('interest.stale')}
            </Alert>
          )}
          <StatementResult s={calc.data} />
        </Stack>
      )}
    </>
  );
}
