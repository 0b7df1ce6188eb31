import { Anchor, Text } from '@mantine/core';
import { DataTable } from 'mantine-datatable';
import { Link, useSearchParams } from 'react-router';
import { useSkipTracing } from '../api/hooks';
import { ErrorAlert, Money, PageHeader } from '../components/ui';
import { PAGE_SIZES, useListState } from '../components/useListState';
import { useI18n } from '../i18n';
import { usePagerText } from '../components/pager';

/** Debtors with open claims and no contact that could reach them: the operator's tracing work list. */
export default function SkipTracingPage() {
  const { t, number } = useI18n();
  const pager = usePagerText();
  const [sp] = useSearchParams();
  const list = useListState({ sort: 'name', order: 'asc' }, [] as const);
  const importJobId = sp.get('importJobId') ?? undefined;
  const query = useSkipTracing({ page: list.page, pageSize: list.pageSize, importJobId });
  return (
    <>
      <PageHeader title={t('skip.title')} subtitle={t('skip.subtitle')} />
      {query.error && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      <DataTable
        {...pager.withSizes}
        withTableBorder
        borderRadius="md"
        striped
        minHeight={160}
        data-testid="skip-tracing-table"
        idAccessor="debtorId"
        records={query.data?.items ?? []}
        totalRecords={query.data?.total ?? 0}
        page={list.page}
        onPageChange={list.setPage}
        recordsPerPage={list.pageSize}
        recordsPerPageOptions={PAGE_SIZES}
        onRecordsPerPageChange={list.setPageSize}
        fetching={query.isFetching}
        noRecordsText={t('skip.none')}
        columns={[
          {
            accessor: 'displayName',
            title: t('skip.col.debtor'),
            render: (d) => (
              <Anchor component={Link} to={`/debtors/${d.debtorId}`} data-testid="skip-debtor">
                {d.displayName}
              </Anchor>
            ),
          },
          { accessor: 'taxCode', title: t('skip.col.taxCode'), render: (d) => d.taxCode ?? d.vatNumber ?? '—' },
          { accessor: 'address', title: t('skip.col.address'), render: (d) => <Text size="sm">{d.address ?? '—'}</Text> },
          { accessor: 'openClaims', title: t('skip.col.claims'), textAlign: 'right', render: (d) => number(d.openClaims) },
          {
            accessor: 'outstanding',
            title: t('skip.col.outstanding'),
            textAlign: 'right',
            render: (d) =>
              d.outstanding.map((o) => (
                <div key={o.currency}>
                  <Money amount={o.amount} currency={o.currency} />
                </div>
              )),
          },
          { accessor: 'invalidContacts', title: t('skip.col.invalid'), textAlign: 'right', render: (d) => number(d.invalidContacts) },
        ]}
      />
    </>
  );
}
