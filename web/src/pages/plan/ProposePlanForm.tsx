import { Alert, Button, Checkbox, Group, List, Modal, NumberInput, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useProposePlan, type Plan } from '../../api/plan-hooks';
import { isApiError } from '../../api/client';
import { DateField, MoneyField, useMoneyStyle } from '../../components/forms';
import { ErrorAlert, Money } from '../../components/ui';
import { isIsoDate, parseMoneyInput, todayIso } from '../../format';
import { useI18n } from '../../i18n';
import { groupPositions, moneySum, type Position } from './plan-view';
import { PlanInterest, PlanSchedule } from './PlanSchedule';

/**
 * Proposes an instalment plan for open positions of one creditor (issue 15 item 1): the positions,
 * the number of instalments, optionally the first due day and a first amount negotiated apart. The
 * server answers the plan — active when within the creditor's rules, otherwise proposed with the
 * reasons it needs approval — and its schedule, shown here. Used on the debtor page and on the desk.
 */
export function ProposePlanForm({ positions, onProposed }: { positions: readonly Position[]; onProposed?: (plan: Plan) => void }) {
  const { t, money } = useI18n();
  const groups = groupPositions(positions);
  const [groupKey, setGroupKey] = useState<string | null>(groups[0]?.key ?? null);
  const group = groups.find((g) => g.key === groupKey) ?? groups[0];
  const [chosen, setChosen] = useState<string[]>(() => group?.positions.map((p) => p.id) ?? []);
  const [count, setCount] = useState<number | string>(12);
  const [firstDueOn, setFirstDueOn] = useState('');
  const [firstAmount, setFirstAmount] = useState('');
  const style = useMoneyStyle(group?.currency);
  const propose = useProposePlan();
  const [result, setResult] = useState<Plan | null>(null);

  if (!group) return <Text c="dimmed">{t('plan.noPositions')}</Text>;

  if (result) {
    return (
      <Stack data-testid="plan-proposed">
        <Alert color={result.needsApproval ? 'orange' : 'teal'} title={result.needsApproval ? t('plan.proposedNeedsApproval') : t('plan.proposedActive')} data-testid="plan-proposed-answer">
          {result.reasons.length > 0 && (
            <List size="sm">
              {result.reasons.map((r, i) => (
                <List.Item key={i}>{r}</List.Item>
              ))}
            </List>
          )}
        </Alert>
        <Text size="sm">
          {t('plan.total')}: <Money amount={result.total} currency={result.currency} strong />
        </Text>
        <PlanInterest plan={result} />
        <PlanSchedule instalments={result.instalments} currency={result.currency} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setResult(null)}>
            {t('plan.proposeAnother')}
          </Button>
        </Group>
      </Stack>
    );
  }

  const selected = group.positions.filter((p) => chosen.includes(p.id));
  const amount = firstAmount.trim() ? parseMoneyInput(firstAmount, style) : null;
  const countOk = typeof count === 'number' && Number.isInteger(count) && count >= 1 && count <= 240;
  const ok = selected.length > 0 && countOk && (firstDueOn === '' || isIsoDate(firstDueOn)) && (firstAmount.trim() === '' || amount !== null);

  const submit = () => {
    propose.mutate(
      {
        claimIds: selected.map((p) => p.id),
        count: Number(count),
        ...(firstDueOn ? { firstDueOn } : {}),
        ...(amount ? { firstAmount: amount } : {}),
      },
      {
        onSuccess: (plan) => {
          setResult(plan);
          onProposed?.(plan);
        },
      },
    );
  };

  return (
    <Stack gap="sm" data-testid="plan-propose-form">
      {groups.length > 1 && (
        <Select
          label={t('plan.creditorGroup')}
          data={groups.map((g) => ({ value: g.key, label: `${g.creditorName} (${g.currency}) — ${money(g.total, g.currency)}` }))}
          value={group.key}
          allowDeselect={false}
          onChange={(k) => {
            setGroupKey(k);
            setChosen(groups.find((g) => g.key === k)?.positions.map((p) => p.id) ?? []);
          }}
          data-testid="plan-creditor"
        />
      )}
      <Checkbox.Group label={t('plan.choosePositions')} value={chosen} onChange={setChosen}>
        <Stack gap={4} mt={4}>
          {group.positions.map((p) => (
            <Checkbox
              key={p.id}
              value={p.id}
              label={
                <>
                  {p.externalRef} — <Money amount={p.totalDue} currency={p.currency} />
                </>
              }
              data-testid="plan-position"
            />
          ))}
        </Stack>
      </Checkbox.Group>
      <Text size="sm" fw={600} data-testid="plan-selected-total">
        {t('plan.selectedTotal', { amount: money(moneySum(selected.map((p) => p.totalDue)), group.currency) })}
      </Text>
      <Group grow align="flex-start">
        <NumberInput label={t('plan.count')} withAsterisk min={1} max={240} allowDecimal={false} value={count} onChange={setCount} data-testid="plan-count" />
        <DateField label={t('plan.firstDueOn')} value={firstDueOn} onChange={setFirstDueOn} minDate={todayIso()} data-testid="plan-first-due" />
        <MoneyField
          label={t('plan.firstAmount')}
          currency={group.currency}
          value={firstAmount}
          onChange={(e) => setFirstAmount(typeof e === 'string' ? e : e.currentTarget.value)}
          error={firstAmount.trim() && amount === null ? t('validation.amount') : undefined}
          data-testid="plan-first-amount"
        />
      </Group>
      {/* The server's field problems (a position already in a plan, one that lapsed, too many instalments) listed with the error. */}
      {propose.error && <ErrorAlert error={propose.error} extra={isApiError(propose.error) ? propose.error.fields.map((f) => f.message) : undefined} />}
      <Group justify="flex-end">
        <Button onClick={submit} disabled={!ok} loading={propose.isPending} data-testid="plan-propose-submit">
          {t('plan.propose')}
        </Button>
      </Group>
    </Stack>
  );
}

/** "Proponi piano": the form in a dialog, for the positions given. */
export function ProposePlanButton({ positions, onProposed, variant = 'light' }: { positions: readonly Position[]; onProposed?: (plan: Plan) => void; variant?: 'light' | 'filled' | 'default' }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant={variant} onClick={() => setOpen(true)} disabled={positions.length === 0} data-testid="plan-propose">
        {t('plan.propose')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('plan.proposeTitle')} size="lg">
        {open && <ProposePlanForm positions={positions} onProposed={onProposed} />}
      </Modal>
    </>
  );
}
