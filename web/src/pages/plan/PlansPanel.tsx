import { Alert, Anchor, Badge, Button, Card, Group, List, Modal, NumberInput, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { isApiError } from '../../api/client';
import { useDecidePlan, useExtendPlan, usePlans, useRecordPlanReminder, type Plan, type PlanDecision } from '../../api/plan-hooks';
import { useOpenQuery } from '../../api/query-hooks';
import { useCan } from '../../auth/session';
import { DateField, notifySaved } from '../../components/forms';
import { ErrorAlert, Field, Money } from '../../components/ui';
import { isIsoDate, todayIso } from '../../format';
import { useI18n } from '../../i18n';
import { nextInstalment, planActions, planDocumentUrl, planResidual, remindable } from './plan-view';
import { PlanInterest, PlanSchedule } from './PlanSchedule';

const STATE_COLOR: Record<string, string> = { proposed: 'orange', active: 'blue', lapsed: 'red', paid: 'teal', cancelled: 'gray', rejected: 'gray' };

/** What a claim id stands for on this page (its reference and creditor), when the page knows it. */
export type ClaimLabels = ReadonlyMap<string, { externalRef: string; creditorName: string }>;

/**
 * The instalment plans of a debtor or of a claim (issue 15 item 7): state, amounts, the schedule,
 * why a plan needed approval, lapse and closing days, and what the user's role may do with each.
 */
export function PlansPanel({ debtorId, claimId, labels }: { debtorId?: string; claimId?: string; labels?: ClaimLabels }) {
  const { t } = useI18n();
  const plans = usePlans(claimId ? { claimId } : { debtorId });
  if (plans.error) return <ErrorAlert error={plans.error} onRetry={() => void plans.refetch()} />;
  const items = plans.data?.items ?? [];
  return (
    <Stack gap="md" data-testid="plans-panel">
      {plans.data && items.length === 0 && <Text c="dimmed">{t('plan.none')}</Text>}
      {items.map((p) => (
        <PlanCard key={p.id} plan={p} labels={labels} />
      ))}
    </Stack>
  );
}

type Dialog = { kind: PlanDecision } | { kind: 'extend' } | { kind: 'remind' } | { kind: 'ask' } | null;

function PlanCard({ plan, labels }: { plan: Plan; labels?: ClaimLabels }) {
  const { t, te, date, money, dateTime, locale } = useI18n();
  const actions = planActions(plan, { approve: useCan('plan_approval'), work: useCan('claim') });
  // A plan outside the rules can go to the creditor (a comune's own approval) as a query on its first position.
  const canQuery = useCan('query');
  const askable = canQuery && plan.state === 'proposed' && plan.reasons.length > 0 && plan.claimIds.length > 0;
  const [dialog, setDialog] = useState<Dialog>(null);
  const next = nextInstalment(plan);
  const refs = plan.claimIds.map((id) => labels?.get(id)?.externalRef).filter(Boolean);
  const creditor = plan.claimIds.map((id) => labels?.get(id)?.creditorName).find(Boolean);
  return (
    <Card withBorder radius="md" padding="lg" data-testid="plan-card" data-state={plan.state}>
      <Group justify="space-between" align="flex-start" mb="sm">
        <Stack gap={2}>
          <Group gap="xs">
            <Title order={5}>{t('plan.heading', { count: plan.count, date: date(plan.startedOn) })}</Title>
            <Badge color={STATE_COLOR[plan.state] ?? 'gray'} variant="light" data-testid="plan-state">
              {te('planState', plan.state)}
            </Badge>
          </Group>
          {(refs.length > 0 || creditor) && (
            <Text size="sm" c="dimmed">
              {[creditor, refs.length ? t('plan.positions', { refs: refs.join(', ') }) : null].filter(Boolean).join(' · ')}
            </Text>
          )}
        </Stack>
        <Anchor href={planDocumentUrl(plan.id, locale)} target="_blank" rel="noopener" size="sm" data-testid="plan-document">
          {t('plan.document')}
        </Anchor>
      </Group>

      <SimpleGrid cols={{ base: 2, sm: 4 }} mb="sm">
        <Field label={t('plan.total')}>
          <Money amount={plan.total} currency={plan.currency} strong />
        </Field>
        <Field label={t('plan.paid')}>
          <Money amount={plan.paid} currency={plan.currency} />
        </Field>
        <Field label={t('plan.residual')} testId="plan-residual">
          <Money amount={planResidual(plan)} currency={plan.currency} />
        </Field>
        <Field label={t('plan.next')} testId="plan-next">
          {next ? t('plan.nextValue', { number: next.number, date: date(next.dueOn), amount: money(next.left, plan.currency) }) : '—'}
        </Field>
      </SimpleGrid>
      {plan.deferralRate !== null && (
        <Stack mb="sm" gap={0}>
          <PlanInterest plan={plan} />
        </Stack>
      )}

      {plan.reasons.length > 0 && (
        <Alert color={plan.state === 'proposed' ? 'orange' : 'gray'} mb="sm" title={t('plan.reasons')} data-testid="plan-reasons">
          <List size="sm">
            {plan.reasons.map((r, i) => (
              <List.Item key={i}>{r}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {plan.lapsedOn && (
        <Alert color="red" mb="sm" data-testid="plan-lapsed">
          {t('plan.lapsedOn', { date: date(plan.lapsedOn) })}
        </Alert>
      )}
      <Stack gap={2} mb="sm">
        <Text size="xs" c="dimmed">
          {t('plan.proposedBy', { by: plan.proposedBy })}
          {plan.approvedBy && ` · ${t('plan.approvedBy', { by: plan.approvedBy, date: dateTime(plan.approvedAt) })}`}
          {plan.extendedOn && ` · ${t('plan.extendedOn', { date: date(plan.extendedOn) })}`}
          {plan.closedOn && ` · ${t('plan.closedOn', { date: date(plan.closedOn) })}`}
        </Text>
        {plan.decidedReason && (
          <Text size="xs" c="dimmed">
            {t('plan.decidedReason', { reason: plan.decidedReason })}
          </Text>
        )}
      </Stack>

      <PlanSchedule instalments={plan.instalments} currency={plan.currency} />

      {(actions.length > 0 || askable) && (
        <Group mt="md" gap="xs">
          {askable && (
            <Button size="xs" variant="light" color="orange" onClick={() => setDialog({ kind: 'ask' })} data-testid="plan-ask-creditor">
              {t('plan.askCreditor')}
            </Button>
          )}
          {actions.includes('approve') && (
            <Button size="xs" color="teal" onClick={() => setDialog({ kind: 'approve' })} data-testid="plan-approve">
              {t('plan.approve')}
            </Button>
          )}
          {actions.includes('reject') && (
            <Button size="xs" variant="light" color="red" onClick={() => setDialog({ kind: 'reject' })} data-testid="plan-reject">
              {t('plan.reject')}
            </Button>
          )}
          {actions.includes('remind') && remindable(plan).length > 0 && (
            <Button size="xs" variant="light" onClick={() => setDialog({ kind: 'remind' })} data-testid="plan-remind">
              {t('plan.remind')}
            </Button>
          )}
          {actions.includes('extend') && (
            <Button size="xs" variant="light" onClick={() => setDialog({ kind: 'extend' })} data-testid="plan-extend">
              {t('plan.extend')}
            </Button>
          )}
          {actions.includes('cancel') && (
            <Button size="xs" variant="subtle" color="gray" onClick={() => setDialog({ kind: 'cancel' })} data-testid="plan-cancel">
              {t('plan.cancel')}
            </Button>
          )}
        </Group>
      )}

      {dialog && (dialog.kind === 'approve' || dialog.kind === 'reject' || dialog.kind === 'cancel') && (
        <DecideDialog plan={plan} action={dialog.kind} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'extend' && <ExtendDialog plan={plan} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'remind' && <RemindDialog plan={plan} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'ask' && <AskCreditorDialog plan={plan} onClose={() => setDialog(null)} />}
    </Card>
  );
}

/** Sends the plan to the creditor for approval (a "plan outside the rules" query), with the reasons as its text. */
function AskCreditorDialog({ plan, onClose }: { plan: Plan; onClose: () => void }) {
  const { t } = useI18n();
  const open = useOpenQuery();
  const [text, setText] = useState(() => [t('plan.askCreditorText', { count: plan.count }), ...plan.reasons.map((r) => `- ${r}`)].join('\n'));
  return (
    <Modal opened onClose={onClose} title={t('plan.askCreditorTitle')}>
      <Stack>
        {/* The refusals name the plan, not a field of this dialog: shown in the alert. */}
        {open.error && <ErrorAlert error={open.error} extra={isApiError(open.error) ? open.error.fields.map((f) => f.message) : undefined} />}
        <Textarea label={t('queries.text')} withAsterisk autosize minRows={3} value={text} onChange={(e) => setText(e.currentTarget.value)} data-testid="plan-ask-text" data-autofocus />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="orange"
            disabled={!text.trim()}
            loading={open.isPending}
            onClick={() =>
              open.mutate(
                { claimId: plan.claimIds[0]!, kind: 'plan_approval', planId: plan.id, text: text.trim() },
                {
                  onSuccess: () => {
                    notifySaved(t('queries.sent'));
                    onClose();
                  },
                },
              )
            }
            data-testid="plan-ask-confirm"
          >
            {t('queries.send')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

const DECISION_TITLE = { approve: 'plan.approveTitle', reject: 'plan.rejectTitle', cancel: 'plan.cancelTitle' } as const;
const DECISION_BUTTON = { approve: 'plan.approve', reject: 'plan.reject', cancel: 'plan.cancel' } as const;

/** Approve (reason optional), reject or cancel (reason required). */
function DecideDialog({ plan, action, onClose }: { plan: Plan; action: PlanDecision; onClose: () => void }) {
  const { t } = useI18n();
  const decide = useDecidePlan();
  const [reason, setReason] = useState('');
  const reasonRequired = action !== 'approve';
  return (
    <Modal opened onClose={onClose} title={t(DECISION_TITLE[action])}>
      <Stack>
        {action === 'cancel' && plan.state === 'active' && <Text size="sm">{t('plan.cancelHint')}</Text>}
        {decide.error && <ErrorAlert error={decide.error} />}
        <Textarea
          label={reasonRequired ? t('plan.reason') : t('plan.reasonOptional')}
          withAsterisk={reasonRequired}
          autosize
          minRows={2}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          data-testid="plan-reason"
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color={action === 'approve' ? 'teal' : 'red'}
            disabled={reasonRequired && !reason.trim()}
            loading={decide.isPending}
            onClick={() =>
              decide.mutate(
                { id: plan.id, action, version: plan.version, reason: reason.trim() || undefined },
                {
                  onSuccess: () => {
                    notifySaved(t('plan.done'));
                    onClose();
                  },
                },
              )
            }
            data-testid="plan-decide-confirm"
          >
            {t(DECISION_BUTTON[action])}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The one extension of c.798: a new number of instalments for the residual, with the reason. */
function ExtendDialog({ plan, onClose }: { plan: Plan; onClose: () => void }) {
  const { t } = useI18n();
  const extend = useExtendPlan();
  const [count, setCount] = useState<number | string>('');
  const [firstDueOn, setFirstDueOn] = useState('');
  const [reason, setReason] = useState('');
  const ok = typeof count === 'number' && Number.isInteger(count) && count >= 1 && count <= 240 && reason.trim() !== '' && (firstDueOn === '' || isIsoDate(firstDueOn));
  return (
    <Modal opened onClose={onClose} title={t('plan.extendTitle')}>
      <Stack>
        <Text size="sm">{t('plan.extendHint')}</Text>
        {extend.error && <ErrorAlert error={extend.error} />}
        <NumberInput label={t('plan.extendCount')} withAsterisk min={1} max={240} allowDecimal={false} value={count} onChange={setCount} data-testid="plan-extend-count" />
        <DateField label={t('plan.firstDueOn')} value={firstDueOn} onChange={setFirstDueOn} minDate={todayIso()} />
        <Textarea label={t('plan.extendReason')} withAsterisk autosize minRows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-testid="plan-extend-reason" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={!ok}
            loading={extend.isPending}
            onClick={() =>
              extend.mutate(
                { id: plan.id, body: { count: Number(count), reason: reason.trim(), version: plan.version, ...(firstDueOn ? { firstDueOn } : {}) } },
                {
                  onSuccess: () => {
                    notifySaved(t('plan.done'));
                    onClose();
                  },
                },
              )
            }
            data-testid="plan-extend-confirm"
          >
            {t('plan.extend')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** An express reminder (sollecito) sent about an instalment: only those count for the lapse of c.800. */
function RemindDialog({ plan, onClose }: { plan: Plan; onClose: () => void }) {
  const { t, date } = useI18n();
  const remind = useRecordPlanReminder();
  const numbers = remindable(plan);
  const [number, setNumber] = useState<string | null>(numbers[0] !== undefined ? String(numbers[0]) : null);
  const [sentOn, setSentOn] = useState(todayIso());
  const options = plan.instalments.filter((i) => numbers.includes(i.number)).map((i) => ({ value: String(i.number), label: `${i.number} — ${date(i.dueOn)}` }));
  return (
    <Modal opened onClose={onClose} title={t('plan.remindTitle')}>
      <Stack>
        <Text size="sm">{t('plan.remindHint')}</Text>
        {remind.error && <ErrorAlert error={remind.error} />}
        <Select label={t('plan.remindNumber')} data={options} value={number} onChange={setNumber} allowDeselect={false} data-testid="plan-remind-number" />
        <DateField label={t('plan.remindSentOn')} value={sentOn} onChange={setSentOn} maxDate={todayIso()} clearable={false} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={!number || !isIsoDate(sentOn)}
            loading={remind.isPending}
            onClick={() =>
              number &&
              remind.mutate(
                { id: plan.id, body: { number: Number(number), sentOn } },
                {
                  onSuccess: () => {
                    notifySaved(t('plan.done'));
                    onClose();
                  },
                },
              )
            }
            data-testid="plan-remind-confirm"
          >
            {t('plan.remind')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
