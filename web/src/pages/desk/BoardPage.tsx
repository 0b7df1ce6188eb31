import { Alert, Anchor, Badge, Button, Card, Group, Modal, Select, Stack, Table, Tabs, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  useBoard,
  useCorrectOutcome,
  useDeskOperators,
  useOutcomes,
  useQueues,
  useReassign,
  useResolveReview,
  useReviews,
  type Board,
  type BoardFigures,
  type OutcomeRecord,
  type ReviewItem,
  type ReviewKind,
} from '../../api/desk-supervisor-hooks';
import { useCan } from '../../auth/session';
import { DateField, notifyError, notifySaved } from '../../components/forms';
import { PageHeader, QueryState } from '../../components/ui';
import { useI18n } from '../../i18n';
import { it as italian } from '../../i18n/it';

/** Today in Rome, as the server counts days. */
const romeToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date());
const REVIEW_KINDS: ReviewKind[] = ['skip_tracing', 'dispute', 'supervisor'];
/** The shipped outcome codes (src/domain/desk/outcomes.ts), as the UI labels them. */
const OUTCOME_CODES = Object.keys(italian)
  .filter((k) => k.startsWith('deskSup.outcome.'))
  .map((k) => k.slice('deskSup.outcome.'.length));

type Reassigning = { kind: 'operator'; userId: string; name: string } | { kind: 'debtor'; debtorId: string; name: string };

/**
 * The supervisor's board (issue 14 item 6): live figures per operator and queue, reassignment, outcome
 * review, the special queues. `?tab=outcomes&userId=…&queueId=…&from=…&to=…` opens the calls behind a
 * figure of the KPIs per operator and per queue (Andamento).
 */
export default function BoardPage() {
  const { t } = useI18n();
  const canSupervise = useCan('supervision');
  const [params] = useSearchParams();
  const [from, setFrom] = useState(() => params.get('from') ?? romeToday());
  const [to, setTo] = useState(() => params.get('to') ?? romeToday());
  const [reassigning, setReassigning] = useState<Reassigning | null>(null);
  const board = useBoard({ from, to });
  if (!canSupervise) {
    return (
      <>
        <PageHeader title={t('deskSup.board.title')} />
        <Alert color="gray">{t('deskSup.queues.supervisorsOnly')}</Alert>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={t('deskSup.board.title')}
        subtitle={t('deskSup.board.subtitle')}
        actions={
          <Group gap="xs" align="flex-end">
            <DateField label={t('deskSup.board.from')} value={from} onChange={(v) => v && setFrom(v)} clearable={false} data-testid="board-from" />
            <DateField label={t('deskSup.board.to')} value={to} onChange={(v) => v && setTo(v)} clearable={false} data-testid="board-to" />
            <Button
              variant="default"
              onClick={() => {
                setFrom(romeToday());
                setTo(romeToday());
              }}
            >
              {t('deskSup.board.today')}
            </Button>
          </Group>
        }
      />
      <Tabs defaultValue={params.get('tab') ?? 'board'} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="board" data-testid="board-tab-board">
            {t('deskSup.board.tab.board')}
          </Tabs.Tab>
          <Tabs.Tab value="outcomes" data-testid="board-tab-outcomes">
            {t('deskSup.board.tab.outcomes')}
          </Tabs.Tab>
          {REVIEW_KINDS.map((k) => (
            <Tabs.Tab key={k} value={k} data-testid={`board-tab-${k}`}>
              {t(`deskSup.board.tab.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="board">
          <QueryState query={board}>{(b) => <Figures board={b} onReassign={setReassigning} />}</QueryState>
        </Tabs.Panel>
        <Tabs.Panel value="outcomes">
          <OutcomesList from={from} to={to} onReassign={setReassigning} initialUserId={params.get('userId')} initialQueueId={params.get('queueId')} />
        </Tabs.Panel>
        {REVIEW_KINDS.map((k) => (
          <Tabs.Panel key={k} value={k}>
            <ReviewList kind={k} />
          </Tabs.Panel>
        ))}
      </Tabs>
      <Modal
        opened={reassigning !== null}
        onClose={() => setReassigning(null)}
        title={reassigning && (reassigning.kind === 'operator' ? t('deskSup.reassign.title', { name: reassigning.name }) : t('deskSup.reassign.debtorTitle', { name: reassigning.name }))}
      >
        {reassigning && <ReassignForm what={reassigning} onDone={() => setReassigning(null)} />}
      </Modal>
    </>
  );
}

function FiguresRow({ label, f, testId, action }: { label: string; f: BoardFigures; testId: string; action?: React.ReactNode }) {
  const { te, number, money } = useI18n();
  return (
    <Table.Tr data-testid={testId} data-label={label}>
      <Table.Td fw={600}>{label}</Table.Td>
      <Table.Td ta="right" data-testid="fig-attempts">
        {number(f.attempts)}
      </Table.Td>
      <Table.Td ta="right" data-testid="fig-contacts">
        {number(f.contacts)}
      </Table.Td>
      <Table.Td ta="right" data-testid="fig-right-party">
        {number(f.rightParty)}
      </Table.Td>
      <Table.Td ta="right" data-testid="fig-promises">
        {number(f.promises)}
        {f.promised.map((c) => ` · ${money(c.amount, c.currency)}`).join('')}
      </Table.Td>
      <Table.Td ta="right">
        {number(f.promisesKept)}
        {f.kept.map((c) => ` · ${money(c.amount, c.currency)}`).join('')}
      </Table.Td>
      <Table.Td ta="right">
        {f.collected.length === 0 ? '—' : f.collected.map((c) => <div key={c.currency}>{money(c.amount, c.currency)}</div>)}
      </Table.Td>
      <Table.Td ta="right">{number(f.refused)}</Table.Td>
      <Table.Td>
        <Stack gap={0}>
          {Object.entries(f.outcomes).map(([code, n]) => (
            <Text key={code} size="xs" style={{ whiteSpace: 'nowrap' }}>
              {te('deskSup', `outcome.${code}`)}: {number(n)}
            </Text>
          ))}
        </Stack>
      </Table.Td>
      <Table.Td>{action}</Table.Td>
    </Table.Tr>
  );
}

function FiguresHead({ first }: { first: string }) {
  const { t } = useI18n();
  return (
    <Table.Thead>
      <Table.Tr>
        <Table.Th>{first}</Table.Th>
        <Table.Th ta="right">{t('deskSup.board.attempts')}</Table.Th>
        <Table.Th ta="right">{t('deskSup.board.contacts')}</Table.Th>
        <Table.Th ta="right">{t('deskSup.board.rightParty')}</Table.Th>
        <Table.Th ta="right">{t('deskSup.board.promises')}</Table.Th>
        <Table.Th ta="right">{t('deskSup.board.kept')}</Table.Th>
        <Table.Th ta="right">{t('deskSup.board.collected')}</Table.Th>
        <Table.Th ta="right">{t('deskSup.board.refused')}</Table.Th>
        <Table.Th>{t('deskSup.board.outcomes')}</Table.Th>
        <Table.Th />
      </Table.Tr>
    </Table.Thead>
  );
}

function Figures({ board, onReassign }: { board: Board; onReassign: (r: Reassigning) => void }) {
  const { t } = useI18n();
  return (
    <Stack gap="md">
      <Card withBorder padding="lg" radius="md">
        <Title order={4} mb="sm">
          {t('deskSup.board.perOperator')}
        </Title>
        <Table.ScrollContainer minWidth={1250}>
          <Table striped data-testid="board-operators">
            <FiguresHead first={t('deskSup.board.operator')} />
            <Table.Tbody>
              {board.operators.map((o) => (
                <FiguresRow
                  key={o.userId ?? '-'}
                  label={o.name}
                  f={o}
                  testId="board-operator-row"
                  action={
                    o.userId && (
                      <Button size="compact-xs" variant="default" onClick={() => onReassign({ kind: 'operator', userId: o.userId!, name: o.name })} data-testid="board-reassign">
                        {t('deskSup.board.reassign')}
                      </Button>
                    )
                  }
                />
              ))}
              <FiguresRow label={t('deskSup.board.total')} f={board.total} testId="board-total-row" />
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      <Card withBorder padding="lg" radius="md">
        <Title order={4} mb="sm">
          {t('deskSup.board.perQueue')}
        </Title>
        <Table.ScrollContainer minWidth={1250}>
          <Table striped data-testid="board-queues">
            <FiguresHead first={t('deskSup.board.queue')} />
            <Table.Tbody>
              {board.queues.map((q) => (
                <FiguresRow key={q.queueId ?? '-'} label={q.name ?? t('deskSup.board.noQueue')} f={q} testId="board-queue-row" />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Text size="xs" c="dimmed" mt="xs">
          {t('deskSup.board.collectedHint', { days: board.collectedAfterDays })}
        </Text>
      </Card>
    </Stack>
  );
}

function ReassignForm({ what, onDone }: { what: Reassigning; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const operators = useDeskOperators();
  const reassign = useReassign();
  const [to, setTo] = useState<string>('');
  const [reason, setReason] = useState('');
  const options = [{ value: '', label: t('deskSup.reassign.release') }, ...(operators.data ?? []).filter((o) => what.kind !== 'operator' || o.id !== what.userId).map((o) => ({ value: o.id, label: o.name }))];
  return (
    <Stack gap="sm">
      <Text size="sm">{t('deskSup.reassign.hint')}</Text>
      <Select label={t('deskSup.reassign.to')} data={options} value={to} onChange={(v) => setTo(v ?? '')} allowDeselect={false} data-testid="reassign-to" />
      <Textarea label={t('deskSup.reassign.reason')} withAsterisk value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-testid="reassign-reason" />
      <Group justify="flex-end">
        <Button
          disabled={!reason.trim()}
          loading={reassign.isPending}
          data-testid="reassign-submit"
          onClick={() =>
            reassign.mutate(
              { ...(what.kind === 'operator' ? { fromUserId: what.userId } : { debtorId: what.debtorId }), toUserId: to || null, reason },
              { onSuccess: (r) => (notifySaved(t('deskSup.reassign.done', { count: r.moved })), onDone()), onError: (e) => notifyError(i18n, e) },
            )
          }
        >
          {t('deskSup.reassign.submit')}
        </Button>
      </Group>
    </Stack>
  );
}

function OutcomesList({ from, to, onReassign, initialUserId = null, initialQueueId = null }: { from: string; to: string; onReassign: (r: Reassigning) => void; initialUserId?: string | null; initialQueueId?: string | null }) {
  const { t, te, date } = useI18n();
  const operators = useDeskOperators();
  const queues = useQueues();
  const [userId, setUserId] = useState<string | null>(initialUserId);
  const [queueId, setQueueId] = useState<string | null>(initialQueueId);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [correcting, setCorrecting] = useState<OutcomeRecord | null>(null);
  const list = useOutcomes({ from, to, ...(userId ? { userId } : {}), ...(queueId ? { queueId } : {}), ...(outcome ? { outcome } : {}), limit: 200 });
  const outcomeOptions = OUTCOME_CODES.map((c) => ({ value: c, label: te('deskSup', `outcome.${c}`) }));
  return (
    <Card withBorder padding="lg" radius="md">
      <Group gap="sm" mb="sm">
        <Select placeholder={t('deskSup.outcomes.filterOperator')} clearable data={(operators.data ?? []).map((o) => ({ value: o.id, label: o.name }))} value={userId} onChange={setUserId} />
        <Select placeholder={t('deskSup.outcomes.filterQueue')} clearable data={(queues.data ?? []).map((q) => ({ value: q.id, label: q.name }))} value={queueId} onChange={setQueueId} />
        <Select placeholder={t('deskSup.outcomes.filterOutcome')} clearable searchable data={outcomeOptions} value={outcome} onChange={setOutcome} />
      </Group>
      <QueryState query={list}>
        {(rows) =>
          rows.length === 0 ? (
            <Text c="dimmed">{t('deskSup.outcomes.none')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={900}>
              <Table striped data-testid="outcomes-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('deskSup.outcomes.when')}</Table.Th>
                    <Table.Th>{t('deskSup.outcomes.debtor')}</Table.Th>
                    <Table.Th>{t('deskSup.board.operator')}</Table.Th>
                    <Table.Th>{t('deskSup.board.queue')}</Table.Th>
                    <Table.Th>{t('deskSup.outcomes.outcome')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={r.id} data-testid="outcome-row" data-outcome={r.counts ?? ''}>
                      <Table.Td>
                        {date(r.date)} {r.time}
                      </Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/debtors/${r.debtorId}`}>
                          {r.debtorName}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{r.operator}</Table.Td>
                      <Table.Td>{r.queueName ?? '—'}</Table.Td>
                      <Table.Td>
                        {r.allowed ? (
                          <Stack gap={0}>
                            <Text size="sm" fw={600} data-testid="outcome-counts">
                              {te('deskSup', `outcome.${r.counts}`)}
                            </Text>
                            {r.correction && (
                              <Text size="xs" c="dimmed" data-testid="outcome-correction">
                                {t('deskSup.outcomes.correctedFrom', { by: r.correction.by ?? '—', original: te('deskSup', `outcome.${r.outcome}`), reason: r.correction.reason })}
                              </Text>
                            )}
                          </Stack>
                        ) : (
                          <Text size="sm" c="red">
                            {t('deskSup.outcomes.refusedCall')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          {r.allowed && (
                            <Button size="compact-xs" variant="default" onClick={() => setCorrecting(r)} data-testid="outcome-correct">
                              {t('deskSup.outcomes.correct')}
                            </Button>
                          )}
                          <Button size="compact-xs" variant="subtle" onClick={() => onReassign({ kind: 'debtor', debtorId: r.debtorId, name: r.debtorName })}>
                            {t('deskSup.board.reassign')}
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
      <Modal opened={correcting !== null} onClose={() => setCorrecting(null)} title={t('deskSup.correct.title')} size="lg">
        {correcting && <CorrectForm record={correcting} options={outcomeOptions} onDone={() => setCorrecting(null)} />}
      </Modal>
    </Card>
  );
}

/**
 * The correction dialog. A correction changes how the call counts, never what it did: the effects
 * of the original outcome stay (server: correct-outcome.ts), and the dialog says what to do instead.
 */
function CorrectForm({ record, options, onDone }: { record: OutcomeRecord; options: { value: string; label: string }[]; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const correct = useCorrectOutcome();
  const [outcome, setOutcome] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  return (
    <Stack gap="sm">
      <Alert color="yellow" data-testid="correct-warning">
        {t('deskSup.correct.warning')}
      </Alert>
      <Select label={t('deskSup.correct.outcome')} withAsterisk searchable data={options.filter((o) => o.value !== record.counts)} value={outcome} onChange={setOutcome} data-testid="correct-outcome" />
      <Textarea label={t('deskSup.correct.reason')} withAsterisk value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-testid="correct-reason" />
      <Group justify="flex-end">
        <Button
          disabled={!outcome || !reason.trim()}
          loading={correct.isPending}
          data-testid="correct-submit"
          onClick={() =>
            outcome &&
            correct.mutate({ id: record.id, body: { outcome, reason } }, { onSuccess: () => (notifySaved(t('deskSup.correct.done')), onDone()), onError: (e) => notifyError(i18n, e) })
          }
        >
          {t('deskSup.correct.submit')}
        </Button>
      </Group>
    </Stack>
  );
}

function ReviewList({ kind }: { kind: ReviewKind }) {
  const { t, te, dateTime } = useI18n();
  const list = useReviews(kind);
  const [resolving, setResolving] = useState<{ item: ReviewItem; action: 'requeue' | 'close' } | null>(null);
  return (
    <Card withBorder padding="lg" radius="md">
      <Text size="sm" mb="sm">
        {t(`deskSup.reviews.hint.${kind}`)}{' '}
        {kind === 'skip_tracing' && (
          <Anchor component={Link} to="/skip-tracing">
            {t('deskSup.reviews.skipTracingPage')}
          </Anchor>
        )}
      </Text>
      <QueryState query={list}>
        {(rows) =>
          rows.length === 0 ? (
            <Text c="dimmed">{t('deskSup.reviews.none')}</Text>
          ) : (
            <Table striped data-testid={`reviews-${kind}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('deskSup.outcomes.debtor')}</Table.Th>
                  <Table.Th>{t('deskSup.outcomes.outcome')}</Table.Th>
                  <Table.Th>{t('deskSup.reviews.by')}</Table.Th>
                  <Table.Th>{t('deskSup.outcomes.when')}</Table.Th>
                  <Table.Th>{t('deskSup.board.queue')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.id} data-testid="review-row">
                    <Table.Td>
                      <Anchor component={Link} to={`/debtors/${r.debtorId}`}>
                        {r.debtorName}
                      </Anchor>{' '}
                      {kind === 'skip_tracing' && (
                        <Badge size="xs" variant="light" color={r.callable ? 'green' : 'gray'}>
                          {r.callable ? t('deskSup.reviews.callable') : t('deskSup.reviews.noNumber')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{te('deskSup', `outcome.${r.outcome}`)}</Table.Td>
                    <Table.Td>{r.operator}</Table.Td>
                    <Table.Td>{dateTime(r.at)}</Table.Td>
                    <Table.Td>{r.queueName ?? '—'}</Table.Td>
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Button size="compact-xs" variant="default" onClick={() => setResolving({ item: r, action: 'requeue' })} data-testid="review-requeue">
                          {t('deskSup.reviews.requeue')}
                        </Button>
                        <Button size="compact-xs" variant="subtle" onClick={() => setResolving({ item: r, action: 'close' })} data-testid="review-close">
                          {t('deskSup.reviews.close')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
      <Modal
        opened={resolving !== null}
        onClose={() => setResolving(null)}
        title={resolving && t(resolving.action === 'requeue' ? 'deskSup.reviews.requeueTitle' : 'deskSup.reviews.closeTitle', { name: resolving.item.debtorName })}
      >
        {resolving && <ResolveForm item={resolving.item} action={resolving.action} onDone={() => setResolving(null)} />}
      </Modal>
    </Card>
  );
}

function ResolveForm({ item, action, onDone }: { item: ReviewItem; action: 'requeue' | 'close'; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const queues = useQueues();
  const resolve = useResolveReview();
  const [queueId, setQueueId] = useState<string | null>(item.queueId);
  const [reason, setReason] = useState('');
  return (
    <Stack gap="sm">
      {action === 'close' && <Text size="sm">{t('deskSup.reviews.closeHint')}</Text>}
      {action === 'requeue' && (
        <Select
          label={t('deskSup.reviews.queue')}
          withAsterisk
          data={(queues.data ?? []).filter((q) => q.active).map((q) => ({ value: q.id, label: q.name }))}
          value={queueId}
          onChange={setQueueId}
          data-testid="review-queue"
        />
      )}
      <Textarea label={t('deskSup.reviews.reason')} withAsterisk value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-testid="review-reason" />
      <Group justify="flex-end">
        <Button
          disabled={!reason.trim() || (action === 'requeue' && !queueId)}
          loading={resolve.isPending}
          data-testid="review-submit"
          onClick={() =>
            resolve.mutate(
              { id: item.id, body: { action, reason, ...(action === 'requeue' && queueId ? { queueId } : {}) } },
              { onSuccess: () => (notifySaved(t('deskSup.reviews.done')), onDone()), onError: (e) => notifyError(i18n, e) },
            )
          }
        >
          {action === 'requeue' ? t('deskSup.reviews.requeue') : t('deskSup.reviews.close')}
        </Button>
      </Group>
    </Stack>
  );
}
