import { Anchor, Badge, Card, Group, Select, Text } from '@mantine/core';
import { DataTable } from 'mantine-datatable';
import { Link } from 'react-router';
import { useCreditorOptions } from '../api/hooks';
import { useTimeBarred } from '../api/review-hooks';
import { useUser } from '../auth/session';
import { usePagerText } from '../components/pager';
import { ErrorAlert, Money, PageHeader } from '../components/ui';
import { PAGE_SIZES, useListState } from '../components/useListState';
import { useI18n } from '../i18n';

/**
 * The comune's review list: open positions past their decadenza (the power to assess has lapsed) or
 * prescription term. The dunning run and the call list leave them alone; the comune decides.
 */
export default function TimeBarredPage() {
  const { t, te, date } = useI18n();
  const pager = usePagerText();
  const user = useUser();
  const creditors = useCreditorOptions();
  const list = useListState({ sort: 'dueDate', order: 'asc' }, ['creditorId'] as const);
  const creditorId = list.filters.creditorId || undefined;
  const query = useTimeBarred({ page: list.page, pageSize: list.pageSize, creditorId });
  return (
    <>
      <PageHeader title={t('timeBarred.title')} subtitle={t('timeBarred.subtitle')} />
      {user.creditorId === null && (
        <Card withBorder padding="md" radius="md" mb="md">
          <Group align="flex-end" gap="sm">
            <Select
              label={t('claim.creditor')}
              placeholder={t('common.all')}
              clearable
              searchable
              w={260}
              data={(creditors.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
              value={creditorId ?? null}
              onChange={(v) => list.setFilter('creditorId', v)}
              data-testid="time-barred-creditor"
            />
          </Group>
        </Card>
      )}
      {query.error && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      <DataTable
        {...pager.withSizes}
        withTableBorder
        borderRadius="md"
        striped
        minHeight={160}
        data-testid="time-barred-table"
        idAccessor="claimId"
        records={query.data?.items ?? []}
        totalRecords={query.data?.total ?? 0}
        page={list.page}
        onPageChange={list.setPage}
        recordsPerPage={list.pageSize}
        recordsPerPageOptions={PAGE_SIZES}
        onRecordsPerPageChange={list.setPageSize}
        fetching={query.isFetching}
        noRecordsText={t('timeBarred.none')}
        columns={[
          {
            accessor: 'externalRef',
            title: t('timeBarred.col.position'),
            render: (r) => (
              <Anchor component={Link} to={`/claims/${r.claimId}`} data-testid="time-barred-claim">
                {r.externalRef}
              </Anchor>
            ),
          },
          {
            accessor: 'debtorName',
            title: t('timeBarred.col.debtor'),
            render: (r) => (
              <Anchor component={Link} to={`/debtors/${r.debtorId}`}>
                {r.debtorName}
              </Anchor>
            ),
          },
          ...(user.creditorId === null ? [{ accessor: 'creditorName', title: t('claim.creditor') }] : []),
          {
            accessor: 'kind',
            title: t('timeBarred.col.revenue'),
            render: (r) => (
              <Text size="sm">
                {te('claimKind', r.kind)}
                {r.taxYear !== null ? ` ${r.taxYear}` : ''}
              </Text>
            ),
          },
          {
            accessor: 'actKind',
            title: t('timeBarred.col.act'),
            render: (r) => (
              <Text size="sm">
                {r.actKind ? te('actKind', r.actKind) : t('timeBarred.noAct')}
                {r.actNumber ? ` ${r.actNumber}` : ''}
              </Text>
            ),
          },
          { accessor: 'dueDate', title: t('timeBarred.col.due'), render: (r) => date(r.dueDate) },
          {
            accessor: 'term',
            title: t('timeBarred.col.term'),
            render: (r) => (
              <Group gap={6} wrap="nowrap">
                <Text size="sm" data-testid="time-barred-term">
                  {t(`timeBarred.kind.${r.term.kind}`)} ({r.term.years} {t('timeBarred.years')})
                </Text>
                {!r.term.verified && (
                  <Badge size="xs" color="yellow" variant="light" title={t('timeBarred.unverifiedHint')}>
                    {t('timeBarred.unverified')}
                  </Badge>
                )}
              </Group>
            ),
          },
          { accessor: 'lapsedOn', title: t('timeBarred.col.lapsedOn'), render: (r) => <span data-testid="time-barred-lapsed">{date(r.lapsedOn)}</span> },
          { accessor: 'law', title: t('timeBarred.col.law'), render: (r) => <Text size="sm">{r.term.law}</Text> },
          { accessor: 'openPrincipal', title: t('timeBarred.col.open'), textAlign: 'right', render: (r) => <Money amount={r.openPrincipal} currency={r.currency} /> },
        ]}
      />
    </>
  );
}
