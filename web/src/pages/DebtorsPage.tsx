import { Anchor, Button, Card, Group, Select, Stack, Text } from '@mantine/core';
import { DataTable, type DataTableSortStatus } from 'mantine-datatable';
import { Link } from 'react-router';
import { useDebtors } from '../api/hooks';
import { DEBTOR_KINDS, type DebtorListItem } from '../api/types';
import { useCan } from '../auth/session';
import { enumOptions } from '../components/forms';
import { SearchBox } from '../components/SearchBox';
import { DateText, ErrorAlert, HardshipBadge, MoneyList, PageHeader } from '../components/ui';
import { PAGE_SIZES, useListState } from '../components/useListState';
import { useI18n } from '../i18n';
import { usePagerText } from '../components/pager';
import { RiskBadge } from './debtor/RiskPanel';

const FILTERS = ['kind', 'hardship', 'riskClass'] as const;
import { RISK_CLASSES } from './strategy/step-form';

export default function DebtorsPage() {
  const { t, te } = useI18n();
  const pager = usePagerText();
  const canCreate = useCan('debtor');
  const list = useListState({ sort: 'displayName', order: 'asc' }, FILTERS);
  const query = useDebtors({
    page: list.page,
    pageSize: list.pageSize,
    sort: list.sort,
    order: list.order,
    q: list.q || undefined,
    kind: list.filters.kind || undefined,
    hardship: list.filters.hardship === 'true' || list.filters.hardship === 'false' ? list.filters.hardship : undefined,
    riskClass: (RISK_CLASSES as readonly string[]).includes(list.filters.riskClass ?? '') ? (list.filters.riskClass as (typeof RISK_CLASSES)[number]) : undefined,
  });
  const sortStatus: DataTableSortStatus<DebtorListItem> = { columnAccessor: list.sort, direction: list.order };

  return (
    <>
      <PageHeader
        title={t('debtors.title')}
        actions={
          canCreate && (
            <Button component={Link} to="/debtors/new" data-testid="new-debtor">
              {t('debtors.new')}
            </Button>
          )
        }
      />
      <Card withBorder padding="md" radius="md" mb="md">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <SearchBox
            label={t('debtors.search')}
            placeholder={t('debtors.searchPlaceholder')}
            value={list.q}
            onSearch={list.setQ}
            testId="debtor-search"
          />
          <Select
            label={t('debtor.kind')}
            placeholder={t('common.all')}
            clearable
            w={220}
            data={enumOptions(te, 'debtorKind', DEBTOR_KINDS)}
            value={list.filters.kind || null}
            onChange={(v) => list.setFilter('kind', v)}
            data-testid="filter-kind"
          />
          <Select
            label={t('debtors.hardshipFilter')}
            placeholder={t('common.all')}
            clearable
            w={150}
            data={[
              { value: 'true', label: t('common.yes') },
              { value: 'false', label: t('common.no') },
            ]}
            value={list.filters.hardship || null}
            onChange={(v) => list.setFilter('hardship', v)}
            data-testid="filter-hardship"
          />
          <Select
            label={t('risk.filter')}
            placeholder={t('common.all')}
            clearable
            w={180}
            data={enumOptions(te, 'riskClass', RISK_CLASSES)}
            value={list.filters.riskClass || null}
            onChange={(v) => list.setFilter('riskClass', v)}
            data-testid="filter-risk-class"
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
        <DataTable<DebtorListItem>
          {...pager.withSizes}
          withTableBorder
          borderRadius="md"
          striped
          highlightOnHover
          minHeight={220}
          verticalAlign="top"
          data-testid="debtors-table"
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
          sortStatus={sortStatus}
          onSortStatusChange={(s) => list.setSort(String(s.columnAccessor), s.direction)}
          columns={[
            {
              accessor: 'displayName',
              title: t('debtor.displayName'),
              sortable: true,
              render: (d) => (
                <Stack gap={2}>
                  <Group gap={6}>
                    <Anchor component={Link} to={`/debtors/${d.id}`} fw={600} data-testid="debtor-link">
                      {d.displayName}
                    </Anchor>
                    {d.hardship && <HardshipBadge />}
                  </Group>
                </Stack>
              ),
            },
            { accessor: 'kind', title: t('debtor.kind'), render: (d) => te('debtorKind', d.kind) },
            { accessor: 'riskClass', title: t('risk.classLabel'), sortable: true, render: (d) => <RiskBadge riskClass={d.riskClass} /> },
            {
              accessor: 'taxCode',
              title: t('debtors.taxIds'),
              render: (d) => (
                <Stack gap={0}>
                  {[d.taxCode, d.vatNumber, d.chUid]
                    .filter((v): v is string => Boolean(v))
                    .filter((v, i, a) => a.indexOf(v) === i)
                    .map((v) => (
                      <Text key={v} size="sm" ff="monospace">
                        {v}
                      </Text>
                    ))}
                </Stack>
              ),
            },
            {
              accessor: 'outstanding',
              title: t('claim.outstanding'),
              textAlign: 'right',
              render: (d) => <MoneyList items={d.outstanding ?? []} />,
            },
            {
              accessor: 'createdAt',
              title: t('common.createdAt'),
              sortable: true,
              render: (d) => <DateText value={d.createdAt} />,
            },
          ]}
        />
      )}
    </>
  );
}
