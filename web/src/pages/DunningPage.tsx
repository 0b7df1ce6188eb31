import { Alert, Anchor, Badge, Button, Card, Group, List, Modal, SegmentedControl, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { DataTable } from 'mantine-datatable';
import { useState } from 'react';
import { Link } from 'react-router';
import { useDunningRun, type DunningAction, type DunningRun } from '../api/dunning-hooks';
import { useCreditorOptions, useDebtor } from '../api/hooks';
import { useCan } from '../auth/session';
import { DateField } from '../components/forms';
import { ErrorAlert, Money, PageHeader } from '../components/ui';
import { isIsoDate, todayIso } from '../format';
import { useI18n } from '../i18n';
import { usePagerText } from '../components/pager';

type Filter = 'all' | 'sendable' | 'blocked';
const PAGE_SIZE = 50;
/** The creditor selector's value for a run over every creditor (Select options need a non-empty value). */
const ALL = 'all';
/** Badges in table cells keep their whole label. */
const BADGE_STYLES = { root: { overflow: 'visible' }, label: { overflow: 'visible', whiteSpace: 'nowrap' } } as const;

/** The day's reminder run, for every creditor or one: a simulation of what would go out, then the run itself. */
export default function DunningPage() {
  const { t, date: formatDate } = useI18n();
  // The run is a supervisor's decision (the server checks the same policy).
  const canRun = useCan('strategy');
  const [date, setDate] = useState(todayIso());
  const [creditorId, setCreditorId] = useState(ALL);
  const [confirming, setConfirming] = useState(false);
  const creditors = useCreditorOptions();
  const run = useDunningRun();
  const valid = isIsoDate(date);
  const creditorName = creditorId === ALL ? null : (creditors.data?.items.find((c) => c.id === creditorId)?.name ?? null);
  const start = (dryRun: boolean) =>
    run.mutate({ date, dryRun, ...(creditorId === ALL ? {} : { creditorId }) }, { onSettled: () => setConfirming(false) });

  return (
    <>
      <PageHeader title={t('dunning.title')} subtitle={t('dunning.subtitle')} />
      <Card withBorder padding="md" radius="md" mb="md">
        {canRun ? (
          <Group align="flex-end" gap="sm" wrap="wrap">
            <DateField label={t('dunning.date')} w={200} clearable={false} value={date} onChange={setDate} data-testid="dunning-date" />
            <Select
              label={t('dunning.creditor')}
              w={320}
              searchable
              allowDeselect={false}
              data={[{ value: ALL, label: t('dunning.allCreditors') }, ...(creditors.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))]}
              value={creditorId}
              onChange={(v) => setCreditorId(v ?? ALL)}
              data-testid="dunning-creditor"
            />
            <Button variant="light" disabled={!valid} loading={run.isPending && run.variables?.dryRun} onClick={() => start(true)} data-testid="dunning-dry-run">
              {t('dunning.dryRun')}
            </Button>
            <Button color="red" disabled={!valid || run.isPending} onClick={() => setConfirming(true)} data-testid="dunning-run">
              {t('dunning.run')}
            </Button>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('dunning.notAllowed')}
          </Text>
        )}
      </Card>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('dunning.runTitle', { date: formatDate(date) })} centered>
        <Text size="sm" mb="sm" fw={600} data-testid="dunning-run-scope">
          {creditorName ? t('dunning.runCreditor', { creditor: creditorName }) : t('dunning.runAllCreditors')}
        </Text>
        <Text size="sm" mb="lg">
          {t('dunning.runText')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={run.isPending} onClick={() => start(false)} data-testid="confirm-dunning-run">
            {t('dunning.run')}
          </Button>
        </Group>
      </Modal>
      {creditors.error && <ErrorAlert error={creditors.error} onRetry={() => void creditors.refetch()} />}
      {run.error && <ErrorAlert error={run.error} />}
      {run.data && !run.isPending && <RunResult key={`${run.data.date}:${String(run.data.dryRun)}:${run.submittedAt}`} run={run.data} />}
    </>
  );
}

function RunResult({ run }: { run: DunningRun }) {
  const { t, te, date } = useI18n();
  const pager = usePagerText();
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState(1);
  const shown = run.actions.filter((a) => (filter === 'all' ? true : filter === 'blocked' ? a.blocked !== null : a.blocked === null));
  const records = shown.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const stat = (label: string, value: number, testId: string) => (
    <Card withBorder padding="sm" radius="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={700} size="xl" data-testid={testId}>
        {value}
      </Text>
    </Card>
  );
  return (
    <Stack gap="md" data-testid="dunning-result">
      <Alert color={run.dryRun ? 'blue' : 'green'} variant="light" data-testid="dunning-result-title">
        <Text size="sm" fw={600}>
          {t(run.dryRun ? 'dunning.dryRunResult' : 'dunning.runResult', { date: date(run.date) })}
        </Text>
        {run.rendered && (
          <Text size="sm" data-testid="dunning-rendered">
            {t('dunning.rendered', { ...run.rendered })}
          </Text>
        )}
        {run.delivered && (
          <Text size="sm" data-testid="dunning-delivered">
            {t('dunning.delivered', { ...run.delivered })}
          </Text>
        )}
      </Alert>
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
        {stat(t('dunning.debtors'), run.debtors, 'dunning-debtors')}
        {stat(t('dunning.communications'), run.communications, 'dunning-communications')}
        {stat(t('dunning.blockedCount'), run.blocked, 'dunning-blocked')}
        {stat(t('dunning.failedCount'), run.failed.length, 'dunning-failed-count')}
        {stat(t('dunning.claimsAssigned'), run.claimsAssigned, 'dunning-claims-assigned')}
      </SimpleGrid>
      {run.failed.length > 0 && (
        <Alert color="red" variant="light" title={t('dunning.failedTitle', { count: run.failed.length })} data-testid="dunning-failed">
          <Text size="sm" mb="xs">
            {t('dunning.failedText')}
          </Text>
          <List size="sm" spacing={4}>
            {run.failed.map((f) => (
              <List.Item key={f.debtorId} data-testid="dunning-failed-debtor">
                <FailedDebtorLink debtorId={f.debtorId} />: {f.message}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {run.actions.length === 0 ? (
        <Text c="dimmed" data-testid="dunning-none">
          {t('dunning.none')}
        </Text>
      ) : (
        <>
          <SegmentedControl
            w="fit-content"
            value={filter}
            onChange={(v) => {
              setFilter(v as Filter);
              setPage(1);
            }}
            data={(['all', 'sendable', 'blocked'] as const).map((f) => ({ value: f, label: t(`dunning.filter.${f}`) }))}
          />
          <DataTable<DunningAction>
            {...pager.text}
            withTableBorder
            borderRadius="md"
            striped
            minHeight={150}
            data-testid="dunning-actions"
            idAccessor={(a) => `${a.debtorId}:${a.creditorId}:${a.currency}:${a.audience}:${a.stepKey}`}
            records={records}
            totalRecords={shown.length}
            page={page}
            onPageChange={setPage}
            recordsPerPage={PAGE_SIZE}
            noRecordsText={t('common.noRecords')}
            rowStyle={(a) => (a.blocked ? { background: 'var(--mantine-color-red-0)' } : undefined)}
            columns={[
              {
                accessor: 'debtorName',
                title: t('dunning.col.debtor'),
                render: (a) => (
                  <Anchor component={Link} to={`/debtors/${a.debtorId}`} size="sm" fw={600}>
                    {a.debtorName}
                  </Anchor>
                ),
              },
              { accessor: 'creditorName', title: t('dunning.col.creditor') },
              {
                accessor: 'stepKey',
                title: t('dunning.col.step'),
                render: (a) => (
                  <Stack gap={2}>
                    <Text size="sm">
                      {a.stepNo} · {a.stepKey}
                    </Text>
                    <Group gap={4}>
                      <Badge size="xs" variant="outline" color="gray" tt="none" styles={BADGE_STYLES}>
                        {te('stage', a.tier)}
                      </Badge>
                      {a.audience === 'creditor' && (
                        <Badge size="xs" variant="light" color="grape" tt="none" styles={BADGE_STYLES}>
                          {t('dunning.toCreditor')}
                        </Badge>
                      )}
                      {a.audience === 'guarantor' && (
                        <Badge size="xs" variant="light" color="orange" tt="none" styles={BADGE_STYLES}>
                          {t('dunning.toGuarantor')}
                        </Badge>
                      )}
                      {a.audience === 'mediation' && (
                        <Badge size="xs" variant="light" color="teal" tt="none" styles={BADGE_STYLES}>
                          {t('dunning.mediation')}
                        </Badge>
                      )}
                    </Group>
                  </Stack>
                ),
              },
              { accessor: 'channel', title: t('dunning.col.channel'), render: (a) => (a.channel ? te('dunningChannel', a.channel) : '—') },
              {
                accessor: 'recipient',
                title: t('dunning.col.recipient'),
                render: (a) => (
                  <Text size="sm" style={{ wordBreak: 'break-word' }} data-testid="dunning-recipient">
                    {a.recipient ?? '—'}
                  </Text>
                ),
              },
              {
                accessor: 'claims',
                title: t('dunning.col.claims'),
                render: (a) => (
                  <Stack gap={0}>
                    {a.claims.map((c) => (
                      <Text key={c.id} size="xs" style={{ whiteSpace: 'nowrap' }}>
                        <Anchor component={Link} to={`/claims/${c.id}`} size="xs">
                          {c.reference}
                        </Anchor>{' '}
                        ({c.stepNo}) <Money amount={c.totalDue} currency={a.currency} />
                      </Text>
                    ))}
                  </Stack>
                ),
              },
              { accessor: 'amount', title: t('dunning.col.amount'), textAlign: 'right', render: (a) => <Money amount={a.amount} currency={a.currency} strong /> },
              { accessor: 'fees', title: t('dunning.col.fees'), textAlign: 'right', render: (a) => <Money amount={a.fees} currency={a.currency} /> },
              { accessor: 'postage', title: t('dunning.col.postage'), textAlign: 'right', render: (a) => <Money amount={a.postage} currency={a.currency} /> },
              {
                accessor: 'blocked',
                title: t('dunning.col.blocked'),
                render: (a) =>
                  a.blocked ? (
                    <Text size="xs" c="red" data-testid="dunning-blocked-reason">
                      {a.blocked}
                    </Text>
                  ) : a.skipped ? (
                    <Text size="xs" c="dimmed" data-testid="dunning-skipped-reason">
                      {t('dunning.skipped', { reason: a.skipped })}
                    </Text>
                  ) : (
                    ''
                  ),
              },
            ]}
          />
        </>
      )}
    </Stack>
  );
}

/** A debtor the run could not act on, by name (the run's answer carries only the id). */
function FailedDebtorLink({ debtorId }: { debtorId: string }) {
  const debtor = useDebtor(debtorId);
  return (
    <Anchor component={Link} to={`/debtors/${debtorId}`} size="sm" fw={600}>
      {debtor.data?.displayName ?? debtorId}
    </Anchor>
  );
}
