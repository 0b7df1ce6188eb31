import { Anchor, Badge, Button, Card, Group, Select, Text } from '@mantine/core';
import { DataTable } from 'mantine-datatable';
import { Link } from 'react-router';
import { useCreditors } from '../api/hooks';
import { CREDITOR_KINDS, type Creditor } from '../api/types';
import { useCan } from '../auth/session';
import { enumOptions } from '../components/forms';
import { SearchBox } from '../components/SearchBox';
import { DateText, ErrorAlert, PageHeader } from '../components/ui';
import { PAGE_SIZES, useListState } from '../components/useListState';
import { useI18n } from '../i18n';
import { usePagerText } from '../components/pager';

const FILTERS = ['kind', 'active'] as const;

export default function CreditorsPage() {
  const { t, te } = useI18n();
  const pager = usePagerText();
  const canWrite = useCan('creditor');
  const list = useListState({ sort: 'name', order: 'asc' }, FILTERS);
  const query = useCreditors({
    page: list.page,
    pageSize: list.pageSize,
    sort: list.sort,
    order: list.order,
    q: list.q || undefined,
    kind: list.filters.kind || undefined,
    active: list.filters.active === 'true' || list.filters.active === 'false' ? list.filters.active : undefined,
  });

  return (
    <>
      <PageHeader
        title={t('creditors.title')}
        actions={
          canWrite && (
            <Button component={Link} to="/creditors/new" data-testid="new-creditor">
              {t('creditors.new')}
            </Button>
          )
        }
      />
      <Card withBorder padding="md" radius="md" mb="md">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <SearchBox
            label={t('creditors.search')}
            placeholder={t('creditors.searchPlaceholder')}
            value={list.q}
            onSearch={list.setQ}
            testId="creditor-search"
          />
          <Select
            label={t('creditor.kind')}
            placeholder={t('common.all')}
            clearable
            w={220}
            data={enumOptions(te, 'creditorKind', CREDITOR_KINDS)}
            value={list.filters.kind || null}
            onChange={(v) => list.setFilter('kind', v)}
          />
          <Select
            label={t('creditor.active')}
            placeholder={t('common.all')}
            clearable
            w={150}
            data={[
              { value: 'true', label: t('common.yes') },
              { value: 'false', label: t('common.no') },
            ]}
            value={list.filters.active || null}
            onChange={(v) => list.setFilter('active', v)}
          />
          {list.hasFilters && (
            <Button variant="subtle" onClick={list.reset}>
              {t('common.resetFilters')}
            </Button>
          )}
        </Group>
      </Card>
      {query.error && !query.data ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <DataTable<Creditor>
          {...pager.withSizes}
          withTableBorder
          borderRadius="md"
          striped
          highlightOnHover
          minHeight={200}
          data-testid="creditors-table"
          idAccessor="id"
          fetching={query.isFetching}
          records={query.data?.items ?? []}
          totalRecords={query.data?.total ?? 0}
          page={list.page}
          onPageChange={list.setPage}
          recordsPerPage={list.pageSize}
          recordsPerPageOptions={PAGE_SIZES}
          onRecordsPerPageChange={list.setPageSize}
          noRecordsText={t('common.noRecords')}
          loadingText={t('common.loading')}
          sortStatus={{ columnAccessor: list.sort, direction: list.order }}
          onSortStatusChange={(s) => list.setSort(String(s.columnAccessor), s.direction)}
          columns={[
            { accessor: 'code', title: t('creditor.code'), sortable: true, render: (c) => <Text ff="monospace" size="sm">{c.code ?? '—'}</Text> },
            {
              accessor: 'name',
              title: t('creditor.name'),
              sortable: true,
              render: (c) =>
                canWrite ? (
                  <Anchor component={Link} to={`/creditors/${c.id}/edit`} fw={600} data-testid="creditor-link">
                    {c.name}
                  </Anchor>
                ) : (
                  <Anchor component={Link} to={`/claims?creditorId=${c.id}`} fw={600}>
                    {c.name}
                  </Anchor>
                ),
            },
            { accessor: 'kind', title: t('creditor.kind'), render: (c) => te('creditorKind', c.kind) },
            { accessor: 'vatNumber', title: t('debtors.taxIds'), render: (c) => c.vatNumber ?? c.taxCode ?? c.chUid ?? '—' },
            { accessor: 'country', title: t('creditor.country') },
            {
              accessor: 'mandateEndsOn',
              title: t('creditor.mandateEndsOn'),
              render: (c) => <DateText value={c.mandateEndsOn} />,
            },
            {
              accessor: 'active',
              title: t('creditor.active'),
              render: (c) => (
                <Badge variant="light" color={c.active ? 'green' : 'gray'}>
                  {c.active ? t('creditor.active') : t('creditor.inactive')}
                </Badge>
              ),
            },
            {
              accessor: 'claims',
              title: '',
              textAlign: 'right',
              render: (c) => (
                <Anchor component={Link} to={`/claims?creditorId=${c.id}`} size="sm">
                  {t('claims.title')}
                </Anchor>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
