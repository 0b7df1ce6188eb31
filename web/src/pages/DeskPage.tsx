import { Alert, Anchor, Badge, Button, Card, Grid, Group, Kbd, List, NativeSelect, SegmentedControl, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useState } from 'react';
import { useDebtor } from '../api/hooks';
import { useCan } from '../auth/session';
import {
  useDeskCall,
  useNextDebtor,
  useRecordDeskOutcome,
  useStartCall,
  useVerifyIdentity,
  type DeskCall,
  type DeskOutcomeBody,
  type DeskPosition,
  type NextAnswer,
} from '../api/desk-call-hooks';
import { MoneyField, useMoneyStyle } from '../components/forms';
import { ErrorAlert, Money, PageHeader } from '../components/ui';
import { parseMoneyInput } from '../format';
import { useI18n } from '../i18n';
import { componentStatementRows, groupNoticeCode } from './claim/position';
import { ProposePlanButton } from './plan/ProposePlanForm';

/*
 * The operator's desk (issue 14 items 2–3): "Prossimo" gives the debtor to call now (or says why nobody
 * and when); the numbers dial through the phone (tel:) and each click opens a call on the server; the
 * right-party check comes first — the server compares the answer and only then sends amounts, notice
 * codes and the script —; an outcome ends the call and must come before the next debtor.
 * Keyboard: Alt+N next, Alt+1…9 dial the n-th number, Alt+O the outcome list.
 */

type Found = Extract<NextAnswer, { found: true }>;

export default function DeskPage() {
  const { t, date } = useI18n();
  const next = useNextDebtor();
  const [answer, setAnswer] = useState<NextAnswer | null>(null);
  const [callId, setCallId] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const holding = answer?.found === true && !done;
  const pressNext = () => {
    if (holding || next.isPending) return;
    next.mutate(undefined, {
      onSuccess: (a) => {
        setAnswer(a);
        setCallId(null);
        setDone(false);
      },
    });
  };
  useHotkeys([['alt+N', pressNext]]);

  return (
    <>
      <PageHeader
        title={t('deskCall.title')}
        subtitle={t('deskCall.subtitle')}
        actions={
          <Button onClick={pressNext} loading={next.isPending} disabled={holding} data-testid="desk-next" rightSection={<Kbd size="xs">Alt+N</Kbd>}>
            {t('deskCall.next')}
          </Button>
        }
      />
      {next.error && <ErrorAlert error={next.error} />}
      {holding && (
        <Text size="sm" c="dimmed" mb="sm" data-testid="desk-outcome-first">
          {t('deskCall.outcomeFirst')}
        </Text>
      )}
      {!answer && !next.isPending && (
        <Alert color="gray" data-testid="desk-idle">
          {t('deskCall.pressNext')}
        </Alert>
      )}
      {answer && !answer.found && (
        <Alert color="yellow" title={t('deskCall.noneTitle')} data-testid="desk-none">
          <Text size="sm" data-testid="desk-none-reason">
            {answer.reason}
          </Text>
          {answer.next && (
            <Text size="sm" mt="xs" fw={600} data-testid="desk-none-next">
              {t('deskCall.nextMoment', { date: date(answer.next.date), time: answer.next.time })}
            </Text>
          )}
        </Alert>
      )}
      {answer?.found && (
        <Stack gap="md">
          <DebtorPhones found={answer} callId={callId} onCall={setCallId} />
          {callId && <CallScreen key={callId} callId={callId} found={answer} onRecorded={() => setDone(true)} />}
        </Stack>
      )}
    </>
  );
}

/** The debtor and its numbers: a click dials (tel:) and opens the call on the server. */
function DebtorPhones({ found, callId, onCall }: { found: Found; callId: string | null; onCall: (id: string) => void }) {
  const { t, te } = useI18n();
  const debtor = useDebtor(found.debtorId);
  const start = useStartCall();
  const phones = (debtor.data?.contacts ?? []).filter((c) => c.channel === 'phone' || c.channel === 'mobile');
  const callable = (c: (typeof phones)[number]) => c.status !== 'invalid' && c.consent !== 'withdrawn' && !c.thirdParty;
  const dial = (contactId: string) => start.mutate({ queueId: found.queueId, debtorId: found.debtorId, contactId }, { onSuccess: (c) => onCall(c.id) });
  useHotkeys(
    phones.slice(0, 9).map((c, i) => [
      `alt+${i + 1}`,
      () => {
        if (!callable(c)) return;
        dial(c.id);
        window.location.href = `tel:${c.value.replace(/[^\d+]/g, '')}`;
      },
    ]),
  );
  return (
    <Card withBorder radius="md" padding="lg" data-testid="desk-debtor">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={3} data-testid="desk-debtor-name">
            {found.debtorName}
          </Title>
          {found.callback && (
            <Badge color="grape" mt={4}>
              {t('deskCall.callbackDue')}
            </Badge>
          )}
        </div>
      </Group>
      <Title order={6} mt="md" mb="xs">
        {t('deskCall.numbers')}
      </Title>
      {debtor.error && <ErrorAlert error={debtor.error} />}
      {start.error && <ErrorAlert error={start.error} />}
      <Stack gap={6}>
        {phones.length === 0 && debtor.data && <Text c="dimmed">{t('deskCall.noNumbers')}</Text>}
        {phones.map((c, i) => (
          <Group key={c.id} gap="sm" data-testid={`desk-phone-${i + 1}`}>
            {i < 9 && <Kbd size="xs">Alt+{i + 1}</Kbd>}
            {callable(c) ? (
              <Anchor href={`tel:${c.value.replace(/[^\d+]/g, '')}`} onClick={() => dial(c.id)} data-testid="desk-dial" fw={600}>
                {c.value}
              </Anchor>
            ) : (
              <Text td="line-through" c="dimmed">
                {c.value}
              </Text>
            )}
            <Badge variant="light" color={c.status === 'invalid' ? 'red' : c.status === 'valid' ? 'green' : 'gray'}>
              {te('contactStatus', c.status)}
            </Badge>
            <Badge variant="light" color={c.consent === 'withdrawn' ? 'red' : c.consent === 'granted' ? 'green' : 'gray'}>
              {t('deskCall.consent', { consent: te('consent', c.consent) })}
            </Badge>
            {c.thirdParty && <Badge color="orange">{t('deskCall.thirdParty')}</Badge>}
            {callId && start.variables?.contactId === c.id && <Badge color="blue">{t('deskCall.calling')}</Badge>}
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

function CallScreen({ callId, found, onRecorded }: { callId: string; found: Found; onRecorded: () => void }) {
  const { t } = useI18n();
  const canPlan = useCan('claim');
  const q = useDeskCall(callId);
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <Text c="dimmed">{t('common.loading')}</Text>;
  const c = q.data;
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Stack gap="md">
          <IdentityCheck call={c} />
          {c.disclosed ? (
            <>
              {c.disclosed.positions.map((p) => (
                <PositionCard key={p.id} p={p} asOf={c.disclosed!.asOf} />
              ))}
              {canPlan && (
                <Group justify="flex-end">
                  {/* the positions shown; the desk names creditors, not their ids — the server refuses a mix */}
                  <ProposePlanButton
                    positions={c.disclosed.positions.map((p) => ({ id: p.id, externalRef: p.externalRef, creditorKey: p.creditorName, creditorName: p.creditorName, currency: p.currency, totalDue: p.balance.totalDue }))}
                  />
                </Group>
              )}
              <Promises call={c} />
            </>
          ) : (
            <Alert color="gray" data-testid="desk-hidden">
              {t('deskCall.hiddenUntilVerified')}
            </Alert>
          )}
          <History call={c} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <OutcomeForm call={c} found={found} onRecorded={onRecorded} />
      </Grid.Col>
    </Grid>
  );
}

/** The right-party check: the answer goes to the server; nothing is disclosed until it matches. */
function IdentityCheck({ call }: { call: DeskCall }) {
  const { t } = useI18n();
  const verify = useVerifyIdentity(call.id);
  const id = call.identity;
  const [method, setMethod] = useState<'tax_id' | 'birth_date'>(id.methods[0] ?? 'tax_id');
  const [value, setValue] = useState('');
  if (id.verified) {
    return (
      <Alert color="green" title={t('deskCall.identityVerified')} data-testid="desk-identity-ok">
        {t(id.method === 'birth_date' ? 'deskCall.byBirthDate' : 'deskCall.byTaxId')}
      </Alert>
    );
  }
  const message = verify.data?.message;
  return (
    <Card withBorder radius="md" padding="lg" data-testid="desk-identity">
      <Title order={5}>{t('deskCall.identityTitle')}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('deskCall.identityHint')}
      </Text>
      {id.methods.length === 0 ? (
        <Alert color="yellow">{t('deskCall.identityNoData')}</Alert>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (value.trim()) verify.mutate({ method, value }, { onSuccess: () => setValue('') });
          }}
        >
          <Stack gap="xs">
            <SegmentedControl
              value={method}
              onChange={(v) => setMethod(v as typeof method)}
              data={id.methods.map((m) => ({ value: m, label: t(m === 'tax_id' ? 'deskCall.taxId' : 'deskCall.birthDate') }))}
              data-testid="desk-identity-method"
            />
            <Group align="flex-end">
              <TextInput
                label={t(method === 'tax_id' ? 'deskCall.taxIdSaid' : 'deskCall.birthDateSaid')}
                value={value}
                onChange={(e) => setValue(e.currentTarget.value)}
                disabled={id.locked}
                autoFocus
                autoComplete="off"
                data-testid="desk-identity-value"
                style={{ flex: 1 }}
              />
              <Button type="submit" loading={verify.isPending} disabled={id.locked} data-testid="desk-identity-check">
                {t('deskCall.verify')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {verify.error && <ErrorAlert error={verify.error} />}
      {(message || id.locked) && (
        <Alert color={id.locked ? 'red' : 'orange'} mt="sm" data-testid="desk-identity-wrong">
          {message ?? t('deskCall.identityLocked')}
        </Alert>
      )}
    </Card>
  );
}

/** A position: what each component owes today, its notice code and the script. */
function PositionCard({ p, asOf }: { p: DeskPosition; asOf: string }) {
  const { t, te, date } = useI18n();
  const rows = componentStatementRows(p.components, p.balance);
  return (
    <Card withBorder radius="md" padding="lg" data-testid="desk-position">
      <Group justify="space-between" mb="xs">
        <Title order={5}>
          {te('claimKind', p.kind)}
          {p.taxYear ? ` ${p.taxYear}` : ''} — {p.externalRef}
        </Title>
        <Text size="sm" c="dimmed">
          {p.creditorName}
        </Text>
      </Group>
      {p.act && (
        <Text size="sm">
          {te('actKind', p.act.kind)} {p.act.number ?? ''} {p.act.date ? `(${date(p.act.date)})` : ''}
        </Text>
      )}
      {p.noticeCode && (
        <Text size="sm" data-testid="desk-notice-code">
          {t('position.noticeCode')}:{' '}
          <Text span ff="monospace" fw={600}>
            {groupNoticeCode(p.noticeCode)}
          </Text>
        </Text>
      )}
      <Table mt="sm" striped data-testid="desk-components">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('position.part')}</Table.Th>
            <Table.Th ta="right">{t('position.amount')}</Table.Th>
            <Table.Th ta="right">{t('position.paid')}</Table.Th>
            <Table.Th ta="right">{t('position.due')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Td>{r.kind === 'other_costs' ? t('position.otherCosts') : te('part', r.kind)}</Table.Td>
              <Table.Td ta="right">
                <Money amount={r.amount} currency={p.currency} />
              </Table.Td>
              <Table.Td ta="right">
                <Money amount={r.paid} currency={p.currency} />
              </Table.Td>
              <Table.Td ta="right">
                <Money amount={r.due} currency={p.currency} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th colSpan={3}>{t('position.total', { date: date(asOf) })}</Table.Th>
            <Table.Th ta="right" data-testid="desk-position-total">
              <Money amount={p.balance.totalDue} currency={p.currency} strong />
            </Table.Th>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
      {p.script.length > 0 && (
        <Stack gap={6} mt="md" data-testid="desk-script">
          <Title order={6}>{t('deskCall.script')}</Title>
          {p.script.map((s) => (
            <div key={s.key}>
              <Text size="sm" fw={600}>
                {s.title}
              </Text>
              <List size="sm" spacing={2}>
                {s.lines.map((l, i) => (
                  <List.Item key={i}>{l}</List.Item>
                ))}
              </List>
            </div>
          ))}
        </Stack>
      )}
    </Card>
  );
}

function Promises({ call }: { call: DeskCall }) {
  const { t, te, date, dateTime } = useI18n();
  const d = call.disclosed!;
  return (
    <Card withBorder radius="md" padding="lg" data-testid="desk-promises">
      <Title order={6} mb="xs">
        {t('deskCall.promises')}
      </Title>
      {d.promises.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('deskCall.noPromises')}
        </Text>
      ) : (
        <List size="sm">
          {d.promises.map((p) => (
            <List.Item key={p.id}>
              <Money amount={p.amount} currency="EUR" /> — {date(p.dueOn)} · {te('deskPromiseState', p.state)}
            </List.Item>
          ))}
        </List>
      )}
      <Title order={6} mt="md" mb="xs">
        {t('deskCall.notes')}
      </Title>
      {d.notes.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('deskCall.noNotes')}
        </Text>
      ) : (
        <Stack gap={4}>
          {d.notes.map((n) => (
            <Text key={n.id} size="sm">
              <Text span c="dimmed">
                {dateTime(n.createdAt)}
              </Text>{' '}
              {n.body}
            </Text>
          ))}
        </Stack>
      )}
    </Card>
  );
}

function History({ call }: { call: DeskCall }) {
  const { t, te, date } = useI18n();
  return (
    <Card withBorder radius="md" padding="lg" data-testid="desk-history">
      <Title order={6} mb="xs">
        {t('deskCall.history')}
      </Title>
      {call.history.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('deskCall.noHistory')}
        </Text>
      ) : (
        <List size="sm">
          {call.history.map((h, i) => (
            <List.Item key={i}>
              {date(h.date)} {h.time ?? ''} · {te('deskContactKind', h.kind)} ({h.channel}){h.outcomeLabel ? ` — ${h.outcomeLabel}` : ''}
              {!h.allowed && ` — ${t('deskCall.refusedByRules')}`}
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}

const CHANNELS = ['pagopa', 'f24', 'bank_transfer', 'cash_desk', 'other'] as const;

/** The outcome that ends the call; right-party outcomes only after the check. */
function OutcomeForm({ call, found, onRecorded }: { call: DeskCall; found: Found; onRecorded: () => void }) {
  const { t, te, date, money } = useI18n();
  const record = useRecordDeskOutcome();
  const style = useMoneyStyle('EUR');
  const [code, setCode] = useState<string | null>(null);
  const [amount, setAmount] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [channel, setChannel] = useState('pagopa');
  const [cbDate, setCbDate] = useState('');
  const [cbTime, setCbTime] = useState('');
  const [reason, setReason] = useState('');
  const [newValue, setNewValue] = useState('');
  const [newChannel, setNewChannel] = useState('phone');
  const [note, setNote] = useState('');
  const outcome = call.outcomes.find((o) => o.code === code);
  const needs = new Set(outcome?.needs ?? []);
  const verified = call.identity.verified;
  const d = call.disclosed;
  const result = record.data;

  if (!call.open || result) {
    return (
      <Alert color={result && !result.recorded ? 'orange' : 'green'} title={t('deskCall.outcomeRecorded')} data-testid="desk-outcome-done">
        {result && !result.recorded ? t('deskCall.callRefused') : t('deskCall.pressNextAgain')}
      </Alert>
    );
  }
  const submit = () => {
    if (!code) return;
    const body: DeskOutcomeBody = { queueId: found.queueId, debtorId: found.debtorId, callId: call.id, outcome: code, contactId: call.contactId };
    if (note.trim()) body.note = note.trim();
    if (needs.has('promise')) body.promise = { amount: parseMoneyInput(amount, style) ?? amount, dueOn, channel: channel as (typeof CHANNELS)[number] };
    if (needs.has('callbackAt')) body.callbackAt = { date: cbDate, time: cbTime };
    if (needs.has('reason') || reason.trim()) body.reason = reason.trim();
    if (needs.has('newContact')) body.newContact = { channel: newChannel as 'phone' | 'email' | 'address', value: newValue };
    record.mutate(body, { onSuccess: () => onRecorded() });
  };
  return (
    <Card withBorder radius="md" padding="lg" data-testid="desk-outcome">
      <Title order={5} mb="sm">
        {t('deskCall.outcome')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <NativeSelect
            label={t('deskCall.outcomeCode')}
            value={code ?? ''}
            onChange={(e) => setCode(e.currentTarget.value || null)}
            data={[{ value: '', label: t('deskCall.outcomePick') }, ...call.outcomes.map((o) => ({ value: o.code, label: o.label, disabled: o.rightParty && !verified }))]}
            data-testid="desk-outcome-code"
          />
          {!verified && (
            <Text size="xs" c="dimmed">
              {t('deskCall.rightPartyAfterCheck')}
            </Text>
          )}
          {needs.has('promise') && (
            <>
              {d && (
                <Alert color="blue" data-testid="desk-promise-rules">
                  {t('deskCall.promiseRules', {
                    min: money(d.minimumPromise, 'EUR'),
                    latest: date(d.latestPromiseDate),
                    days: d.promiseRules.maxDaysAhead,
                    grace: d.promiseRules.graceDays,
                  })}
                </Alert>
              )}
              <MoneyField label={t('deskCall.promiseAmount')} currency="EUR" value={amount} onChange={(e) => setAmount(e.currentTarget.value)} required data-testid="desk-promise-amount" />
              <TextInput type="date" label={t('deskCall.promiseDate')} value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} required data-testid="desk-promise-date" />
              <NativeSelect label={t('deskCall.promiseChannel')} value={channel} onChange={(e) => setChannel(e.currentTarget.value)} data={CHANNELS.map((c) => ({ value: c, label: te('deskPromiseChannel', c) }))} data-testid="desk-promise-channel" />
            </>
          )}
          {needs.has('callbackAt') && (
            <Group grow>
              <TextInput type="date" label={t('deskCall.callbackDate')} value={cbDate} onChange={(e) => setCbDate(e.currentTarget.value)} required data-testid="desk-callback-date" />
              <TextInput type="time" label={t('deskCall.callbackTime')} value={cbTime} onChange={(e) => setCbTime(e.currentTarget.value)} required data-testid="desk-callback-time" />
            </Group>
          )}
          {needs.has('newContact') && (
            <Group grow>
              <NativeSelect label={t('deskCall.newContactChannel')} value={newChannel} onChange={(e) => setNewChannel(e.currentTarget.value)} data={['phone', 'email', 'address'].map((c) => ({ value: c, label: te('deskNewContact', c) }))} />
              <TextInput label={t('deskCall.newContactValue')} value={newValue} onChange={(e) => setNewValue(e.currentTarget.value)} required />
            </Group>
          )}
          {(needs.has('reason') || outcome?.effect === 'refused') && (
            <Textarea label={t('deskCall.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required={needs.has('reason')} autosize minRows={2} data-testid="desk-reason" />
          )}
          <Textarea label={t('deskCall.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} data-testid="desk-note" />
          {record.error && <ErrorAlert error={record.error} />}
          <Button type="submit" disabled={!code} loading={record.isPending} data-testid="desk-outcome-save">
            {t('deskCall.recordOutcome')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
