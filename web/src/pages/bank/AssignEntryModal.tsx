import { ActionIcon, Alert, Button, Fieldset, Group, Modal, MultiSelect, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useAssignBankEntry, type BankEntry } from '../../api/bank-hooks';
import { isApiError } from '../../api/client';
import { useClaims, useCreditorOptions } from '../../api/hooks';
import { DebtorSelect } from '../../components/DebtorSelect';
import { MoneyField, useMoneyStyle } from '../../components/forms';
import { ErrorAlert } from '../../components/ui';
import { parseMoneyInput } from '../../format';
import { useI18n } from '../../i18n';
import { errorsByPart, splitIsExact, splitRemainder } from './split';

export type AssignMode = 'manual' | 'split';

interface PartDraft {
  key: number;
  debtorId: string;
  creditorId: string;
  claimIds: string[];
  amount: string;
}

const MAX_PARTS = 20;
let nextKey = 1;
const blankPart = (): PartDraft => ({ key: nextKey++, debtorId: '', creditorId: '', claimIds: [], amount: '' });

/**
 * "Abbina manualmente" and "Dividi" on a waiting bank entry: a person names the debtor (searched), the
 * creditor and optionally the debtor's open positions — once for the whole entry, or per part when the
 * entry pays for several (2–20 parts). The amount left to allocate is shown as the parts are typed,
 * computed exactly in cents; the split can be sent only when nothing is left. The server's refusal of a
 * part (`parts.1.claimIds`) is shown under that part.
 */
export function AssignEntryModal({ entry, mode, onClose }: { entry: BankEntry; mode: AssignMode; onClose: () => void }) {
  const { t, money } = useI18n();
  const assign = useAssignBankEntry();
  const style = useMoneyStyle(entry.currency);
  const [parts, setParts] = useState<PartDraft[]>(() => (mode === 'split' ? [blankPart(), blankPart()] : [blankPart()]));

  const split = mode === 'split';
  const amounts = parts.map((p) => (p.amount.trim() === '' ? null : parseMoneyInput(p.amount, style)));
  const remainder = splitRemainder(entry.amount, amounts);
  const over = remainder.startsWith('-');
  const complete = parts.every((p) => p.debtorId && p.creditorId);
  const ready = complete && (!split || splitIsExact(entry.amount, amounts));
  const serverErrors = isApiError(assign.error) ? errorsByPart(assign.error.fields, !split) : { parts: new Map<number, string[]>(), general: [] };

  const update = (key: number, change: Partial<PartDraft>) => setParts((ps) => ps.map((p) => (p.key === key ? { ...p, ...change } : p)));
  const submit = () => {
    const body = split
      ? {
          parts: parts.map((p, i) => ({
            debtorId: p.debtorId,
            creditorId: p.creditorId,
            amount: amounts[i]!,
            ...(p.claimIds.length ? { claimIds: p.claimIds } : {}),
          })),
        }
      : { debtorId: parts[0]!.debtorId, creditorId: parts[0]!.creditorId, ...(parts[0]!.claimIds.length ? { claimIds: parts[0]!.claimIds } : {}) };
    assign.mutate({ id: entry.id, body }, { onSuccess: onClose });
  };

  return (
    <Modal opened onClose={onClose} size="lg" title={t(split ? 'bank.splitTitle' : 'bank.manualTitle', { amount: money(entry.amount, entry.currency) })}>
      <Stack data-testid="bank-assign-form">
        {parts.map((p, i) => (
          <PartFields
            key={p.key}
            index={i}
            part={p}
            split={split}
            currency={entry.currency}
            amountInvalid={split && p.amount.trim() !== '' && amounts[i] === null}
            errors={serverErrors.parts.get(i) ?? []}
            onChange={(change) => update(p.key, change)}
            onRemove={split && parts.length > 2 ? () => setParts((ps) => ps.filter((x) => x.key !== p.key)) : undefined}
          />
        ))}
        {split && (
          <Group justify="space-between">
            <Button variant="subtle" size="compact-sm" disabled={parts.length >= MAX_PARTS} onClick={() => setParts((ps) => [...ps, blankPart()])} data-testid="bank-add-part">
              {t('bank.addPart')}
            </Button>
            <Text fw={600} c={remainder === '0.00' ? 'teal' : 'red'} data-testid="bank-remainder">
              {over ? t('bank.remainderOver', { amount: money(remainder.slice(1), entry.currency) }) : t('bank.remainder', { amount: money(remainder, entry.currency) })}
            </Text>
          </Group>
        )}
        {serverErrors.general.length > 0 && (
          <Alert color="red" data-testid="bank-assign-errors">
            {serverErrors.general.map((m) => (
              <Text size="sm" key={m}>
                {m}
              </Text>
            ))}
          </Alert>
        )}
        {assign.error && !isApiError(assign.error) && <ErrorAlert error={assign.error} />}
        {assign.error && isApiError(assign.error) && assign.error.fields.length === 0 && <ErrorAlert error={assign.error} />}
        <Group justify="flex-end">
          <Button disabled={!ready} loading={assign.isPending} onClick={submit} data-testid="bank-assign-confirm">
            {split ? t('bank.splitConfirm', { count: parts.length }) : t('bank.assignConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function PartFields({
  index,
  part,
  split,
  currency,
  amountInvalid,
  errors,
  onChange,
  onRemove,
}: {
  index: number;
  part: PartDraft;
  split: boolean;
  currency: string;
  amountInvalid?: boolean;
  errors: string[];
  onChange: (change: Partial<PartDraft>) => void;
  onRemove?: () => void;
}) {
  const { t, money } = useI18n();
  const creditors = useCreditorOptions();
  const claims = useClaims(
    { debtorId: part.debtorId, ...(part.creditorId ? { creditorId: part.creditorId } : {}), open: 'true', currency, page: 1, pageSize: 100, sort: 'dueDate', order: 'asc' },
    !!part.debtorId,
  );
  const claimOptions = (claims.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.externalRef} — ${money(c.totalDue, c.currency)}` }));
  const creditorOptions = (creditors.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));

  const fields = (
    <Stack gap="xs" data-testid={`bank-part-${index}`}>
      <DebtorSelect label={t('bank.partDebtor')} withAsterisk value={part.debtorId} onChange={(debtorId) => onChange({ debtorId, claimIds: [] })} data-testid={`bank-part-debtor-${index}`} />
      <Group grow align="flex-start">
        <Select
          label={t('bank.partCreditor')}
          withAsterisk
          searchable
          data={creditorOptions}
          value={part.creditorId || null}
          onChange={(id) => onChange({ creditorId: id ?? '', claimIds: [] })}
          data-testid={`bank-part-creditor-${index}`}
        />
        {split && (
          <MoneyField
            label={t('bank.partAmount')}
            withAsterisk
            currency={currency}
            value={part.amount}
            error={amountInvalid ? t('validation.amount') : undefined}
            onChange={(e) => onChange({ amount: typeof e === 'string' ? e : e.currentTarget.value })}
            data-testid={`bank-part-amount-${index}`}
          />
        )}
      </Group>
      <MultiSelect
        label={t('bank.partClaims')}
        description={t('bank.partClaimsHint')}
        data={claimOptions}
        value={part.claimIds}
        onChange={(claimIds) => onChange({ claimIds })}
        disabled={!part.debtorId}
        searchable
        clearable
        data-testid={`bank-part-claims-${index}`}
      />
      {errors.map((m) => (
        <Text size="sm" c="red" key={m} data-testid={`bank-part-error-${index}`}>
          {m}
        </Text>
      ))}
    </Stack>
  );
  if (!split) return fields;
  return (
    <Fieldset
      legend={
        <Group gap="xs">
          <Text fw={600} size="sm">
            {t('bank.part', { n: index + 1 })}
          </Text>
          {onRemove && (
            <ActionIcon variant="subtle" color="gray" size="sm" onClick={onRemove} aria-label={t('bank.removePart')}>
              ×
            </ActionIcon>
          )}
        </Group>
      }
    >
      {fields}
    </Fieldset>
  );
}
