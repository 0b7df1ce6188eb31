import { Badge, Button, Card, Group, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { usePlans } from '../../api/plan-hooks';
import { useAnswerQuery, useCloseQuery, useOpenQuery, useQueries, useQueryThread, useReplyQuery, type AnswerBody, type QueryRow } from '../../api/query-hooks';
import type { ClaimDetail } from '../../api/types';
import { useCan, useUser } from '../../auth/session';
import { DateField, notifySaved } from '../../components/forms';
import { ErrorAlert } from '../../components/ui';
import { parseMoneyInput, todayIso } from '../../format';
import { useI18n } from '../../i18n';

const KINDS = ['dispute', 'plan_approval', 'return', 'question'] as const;
const VIAS = ['pec', 'phone', 'email', 'letter'] as const;

/** Whose turn a query is, as a badge: "waiting for you" on the reader's side. */
export function WaitingBadge({ q }: { q: Pick<QueryRow, 'status' | 'waitingFor' | 'answer'> }) {
  const { t, te } = useI18n();
  const user = useUser();
  const mine = (user.role === 'viewer' ? 'creditor' : 'agency') === q.waitingFor;
  if (q.status !== 'open') return <Badge color="gray" variant="light" tt="none">{q.answer ? te('queryAnswer', q.answer) : te('queryStatus', q.status)}</Badge>;
  return (
    <Badge color={mine ? 'orange' : 'blue'} variant="light" tt="none" data-testid="query-waiting">
      {mine ? t('queries.waitingForYou') : te('queryWaiting', q.waitingFor)}
    </Badge>
  );
}

/**
 * The position's queries with the creditor (issue 16 item 4): each thread, the reply box, the
 * creditor's answer form (its own user, or a supervisor recording an answer given by PEC or phone),
 * and, for the agency, a new query.
 */
export function QueriesPanel({ claim }: { claim: ClaimDetail }) {
  const { t, te, dateTime } = useI18n();
  const list = useQueries({ claimId: claim.id });
  const canOpen = useCan('query');
  const [openId, setOpenId] = useState<string | null>(null);
  const items = list.data?.items ?? [];
  // The thread shown: the one chosen, else the open one, else the latest.
  const shown = openId ?? items.find((q) => q.status === 'open')?.id ?? items[0]?.id ?? null;
  return (
    <Card withBorder padding="lg" radius="md" mt="lg" data-testid="queries-panel">
      <Title order={5} mb="md">{t('queries.panelTitle')}</Title>
      {list.error ? <ErrorAlert error={list.error} /> : null}
      <Stack gap="xs">
        {items.length === 0 && <Text size="sm" c="dimmed">{t('queries.none')}</Text>}
        {items.map((q) => (
          <Group key={q.id} justify="space-between" wrap="nowrap">
            <Button variant={q.id === shown ? 'light' : 'subtle'} size="compact-sm" onClick={() => setOpenId(q.id)} data-testid={`query-${q.kind}`}>
              {te('queryKind', q.kind)} · {dateTime(q.createdAt)}
            </Button>
            <WaitingBadge q={q} />
          </Group>
        ))}
      </Stack>
      {shown && <Thread id={shown} claim={claim} />}
      {canOpen && <OpenForm claim={claim} />}
    </Card>
  );
}

function Thread({ id, claim }: { id: string; claim: ClaimDetail }) {
  const { t, te, dateTime } = useI18n();
  const thread = useQueryThread(id);
  const reply = useReplyQuery(id);
  const close = useCloseQuery(id);
  const canOpen = useCan('query');
  const [text, setText] = useState('');
  const q = thread.data;
  if (thread.error) return <ErrorAlert error={thread.error} />;
  if (!q) return null;
  return (
    <Stack gap="sm" mt="md" data-testid="query-thread">
      {q.messages.map((m) => (
        <Paper key={m.id} withBorder p="sm" bg={m.side === 'creditor' ? 'blue.0' : undefined} data-testid="query-message">
          <Text size="xs" c="dimmed">{te('querySide', m.side)} · {m.author} · {dateTime(m.createdAt)}</Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{m.text}</Text>
        </Paper>
      ))}
      {q.answer && (
        <Text size="sm" data-testid="query-answer">
          {t('queries.answeredAs', { answer: te('queryAnswer', q.answer), by: q.answeredBy ?? '', via: te('queryVia', q.answeredVia) })}
        </Text>
      )}
      {q.status === 'open' && (
        <>
          <Textarea label={t('queries.reply')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} data-testid="query-reply-text" />
          {reply.error ? <ErrorAlert error={reply.error} /> : null}
          <Group>
            <Button size="xs" variant="default" disabled={!text.trim()} loading={reply.isPending} data-testid="query-reply" onClick={() => reply.mutate(text, { onSuccess: () => { setText(''); notifySaved(t('queries.sent')); } })}>
              {t('queries.send')}
            </Button>
            {canOpen && q.kind === 'question' && (
              <Button size="xs" variant="subtle" loading={close.isPending} onClick={() => close.mutate()}>{t('queries.close')}</Button>
            )}
          </Group>
          {q.answers.length > 0 && <AnswerForm id={q.id} answers={q.answers} claim={claim} />}
        </>
      )}
    </Stack>
  );
}

function AnswerForm({ id, answers, claim }: { id: string; answers: AnswerBody['answer'][]; claim: ClaimDetail }) {
  const { t, te } = useI18n();
  const user = useUser();
  const answer = useAnswerQuery(id);
  const [choice, setChoice] = useState<AnswerBody['answer'] | null>(null);
  const [text, setText] = useState('');
  const [via, setVia] = useState<string | null>(null);
  const [amounts, setAmounts] = useState<Record<number, string>>({});
  const [paid, setPaid] = useState({ amount: '', valueDate: todayIso(), reference: '' });
  const agency = user.role !== 'viewer';
  const submit = () => {
    if (!choice) return;
    const body: AnswerBody = { answer: choice };
    if (text.trim()) body.text = text;
    if (agency && via) body.via = via as AnswerBody['via'];
    if (choice === 'corrected') {
      body.components = Object.entries(amounts)
        .filter(([, v]) => v.trim() !== '')
        .map(([position, v]) => ({ position: Number(position), amount: parseMoneyInput(v) ?? v }));
    }
    if (choice === 'already_paid') {
      body.payment = { amount: parseMoneyInput(paid.amount) ?? paid.amount, valueDate: paid.valueDate, ...(paid.reference.trim() ? { reference: paid.reference.trim() } : {}) };
    }
    answer.mutate(body, { onSuccess: () => notifySaved(t('queries.answered')) });
  };
  return (
    <Paper withBorder p="md" data-testid="query-answer-form">
      <Title order={6} mb="xs">{agency ? t('queries.recordAnswer') : t('queries.giveAnswer')}</Title>
      <Stack gap="xs">
        <Select
          label={t('queries.answer')}
          data={answers.map((a) => ({ value: a, label: te('queryAnswer', a) }))}
          value={choice}
          onChange={(v) => setChoice(v as AnswerBody['answer'] | null)}
          allowDeselect={false}
          data-testid="query-answer-choice"
        />
        {agency && (
          <Select label={t('queries.via')} data={VIAS.map((v) => ({ value: v, label: te('queryVia', v) }))} value={via} onChange={setVia} data-testid="query-answer-via" />
        )}
        {choice === 'corrected' &&
          (claim.components ?? []).map((c) => (
            <TextInput
              key={c.position}
              label={`${te('part', c.kind)} (${c.amount})`}
              placeholder={c.amount}
              value={amounts[c.position] ?? ''}
              onChange={(e) => setAmounts({ ...amounts, [c.position]: e.currentTarget.value })}
              data-testid={`query-component-${c.position}`}
            />
          ))}
        {choice === 'already_paid' && (
          <Group grow>
            <TextInput label={t('queries.paidAmount')} value={paid.amount} onChange={(e) => setPaid({ ...paid, amount: e.currentTarget.value })} data-testid="query-paid-amount" />
            <DateField label={t('queries.paidOn')} value={paid.valueDate} onChange={(v) => setPaid({ ...paid, valueDate: v })} />
            <TextInput label={t('queries.paidReference')} value={paid.reference} onChange={(e) => setPaid({ ...paid, reference: e.currentTarget.value })} />
          </Group>
        )}
        <Textarea label={t('queries.answerText')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} data-testid="query-answer-text" />
        {answer.error ? <ErrorAlert error={answer.error} /> : null}
        <Group>
          <Button disabled={!choice} loading={answer.isPending} onClick={submit} data-testid="query-answer-submit">
            {t('queries.submitAnswer')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function OpenForm({ claim }: { claim: ClaimDetail }) {
  const { t, te } = useI18n();
  const open = useOpenQuery();
  const [kind, setKind] = useState<(typeof KINDS)[number]>('question');
  const [text, setText] = useState('');
  const [planId, setPlanId] = useState<string | null>(null);
  const plans = usePlans({ claimId: claim.id });
  const proposed = (plans.data?.items ?? []).filter((p) => p.state === 'proposed');
  return (
    <Paper withBorder p="md" mt="md">
      <Title order={6} mb="xs">{t('queries.new')}</Title>
      <Stack gap="xs">
        <Select label={t('queries.kind')} data={KINDS.map((k) => ({ value: k, label: te('queryKind', k) }))} value={kind} onChange={(v) => v && setKind(v as (typeof KINDS)[number])} allowDeselect={false} data-testid="query-new-kind" />
        {kind === 'plan_approval' && (
          <Select
            label={t('queries.plan')}
            placeholder={proposed.length ? undefined : t('queries.noProposedPlan')}
            data={proposed.map((p) => ({ value: p.id, label: `${p.count} × · ${p.total} ${p.currency}` }))}
            value={planId}
            onChange={setPlanId}
          />
        )}
        <Textarea label={kind === 'return' ? t('queries.returnReason') : t('queries.text')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} data-testid="query-new-text" />
        {open.error ? <ErrorAlert error={open.error} /> : null}
        <Group>
          <Button
            size="xs"
            disabled={!text.trim()}
            loading={open.isPending}
            data-testid="query-new-submit"
            onClick={() =>
              open.mutate(
                { claimId: claim.id, kind, text, ...(kind === 'plan_approval' && planId ? { planId } : {}) },
                { onSuccess: () => { setText(''); notifySaved(t('queries.sent')); } },
              )
            }
          >
            {t('queries.send')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
