import { Anchor, Text } from '@mantine/core';
import { DataTable, type DataTableColumn } from 'mantine-datatable';
import { Link } from 'react-router';
import type { Claim, Page } from '../api/types';
import { useI18n } from '../i18n';
import { DateText, Money, StageBadge, StatusBadge } from './ui';
import { PAGE_SIZES } from './useListState';
import { usePagerText } from './pager';

export interface ClaimsTableProps {
  data: Page<Claim> | undefined;
  fetching: boolean;
  page: number;
  pageSize: number;
  sort: string;
  order: 'asc' | 'desc';
  onPage: (p: number) => void;
  onPageSize: (s: number) => void;
  onSort: (sort: string, order: 'asc' | 'desc') => void;
  showDebtor?: boolean;
  showCreditor?: boolean;
  testId?: string;
}

/** Claims with server-side paging and sorting; the reference opens the claim. */
export function ClaimsTable(props: ClaimsTableProps) {
  const { t, te } = useI18n();
  const pager = usePagerText();
  const columns: DataTableColumn<Claim>[] = [
    {
      accessor: 'externalRef',
      title: t('claim.externalRef'),
      sortable: true,
      render: (c) => (
        <Anchor component={Link} to={`/claims/${c.id}`} fw={600} data-testid="claim-link">
          {c.externalRef}
        </Anchor>
      ),
    },
  ];
  if (props.showDebtor) {
    columns.push({
      accessor: 'debtorName',
      title: t('claim.debtor'),
      sortable: true,
      render: (c) => (
        <Anchor component={Link} to={`/debtors/${c.debtorId}`} c="inherit">
          {c.debtorName}
        </Anchor>
      ),
    });
  }
  if (props.showCreditor) columns.push({ accessor: 'creditorName', title: t('claim.creditor') });
  columns.push(
    {
      accessor: 'kind',
      title: t('claim.kind'),
      render: (c) => (
        <>
          {te('claimKind', c.kind)}
          {c.taxYear ? (
            <Text span size="xs" c="dimmed">
              {' '}
              {c.taxYear}
            </Text>
          ) : null}
        </>
      ),
    },
    { accessor: 'dueDate', title: t('claim.dueDate'), sortable: true, render: (c) => <DateText value={c.dueDate} /> },
    {
      accessor: 'principal',
      title: t('claim.principal'),
      sortable: true,
      textAlign: 'right',
      render: (c) => <Money amount={c.principal} currency={c.currency} />,
    },
    {
      // Principal, interest and costs still owed today: the balance stored with the claim and kept
      // current (sortable on the server over every claim).
      accessor: 'totalDue',
      title: t('claims.totalDue'),
      sortable: true,
      textAlign: 'right',
      render: (c) => <Money amount={c.balance.totalDue} currency={c.currency} strong />,
    },
    { accessor: 'status', title: t('claim.status'), render: (c) => <StatusBadge status={c.status} /> },
    { accessor: 'stage', title: t('claim.stage'), render: (c) => <StageBadge stage={c.stage} /> },
  );

  return (
    <DataTable<Claim>
      {...pager.withSizes}
      withTableBorder
      borderRadius="md"
      striped
      highlightOnHover
      minHeight={200}
      data-testid={props.testId ?? 'claims-table'}
      idAccessor="id"
      fetching={props.fetching}
      records={props.data?.items ?? []}
      totalRecords={props.data?.total ?? 0}
      page={props.page}
      onPageChange={props.onPage}
      recordsPerPage={props.pageSize}
      recordsPerPageOptions={PAGE_SIZES}
      onRecordsPerPageChange={props.onPageSize}
      noRecordsText={t('claims.none')}
      loadingText={t('common.loading')}
      sortStatus={{ columnAccessor: props.sort, direction: props.order }}
      onSortStatusChange={(s) => props.onSort(String(s.columnAccessor), s.direction)}
      columns={columns}
    />
  );
}
