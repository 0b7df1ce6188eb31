import { Button, Card, Group, MultiSelect, Select } from '@mantine/core';
import { Link } from 'react-router';
import { useClaims, useCreditorOptions } from '../api/hooks';
import { CLAIM_KINDS, CLAIM_STATUSES, COLLECTION_STAGES, CURRENCIES } from '../api/types';
import { useCan, useUser } from '../auth/session';
import { ClaimsTable } from '../components/ClaimsTable';
import { DateField, enumOptions } from '../components/forms';
import { SearchBox } from '../components/SearchBox';
import { ErrorAlert, PageHeader } from '../components/ui';
import { useListState } from '../components/useListState';
import { isIsoDate } from '../format';
import { useI18n } from '../i18n';

// loadId … open: set by the links of the portal's figures (issue 16), no control of their own.
const FILTERS = ['status', 'stage', 'kind', 'currency', 'creditorId', 'dueFrom', 'dueTo', 'loadId', 'taxYear', 'progress', 'worked', 'reached', 'open'] as const;

export default function ClaimsPage() {
  const { t, te } = useI18n();
  const user = useUser();
  const canCreate = useCan('claim');
  const list = useListState({ sort: 'dueDate', order: 'asc' }, FILTERS);
  const f = list.filters;
  const creditors = useCreditorOptions();
  const statuses = f.status ? f.status.split(',').filter(Boolean) : [];
  const query = useClaims({
    page: list.page,
    pageSize: list.pageSize,
    sort: list.sort,
    order: list.order,
    q: list.q || undefined,
    status: f.status || undefined,
    stage: f.stage || undefined,
    kind: f.kind || undefined,
    currency: f.currency || undefined,
    creditorId: f.creditorId || undefined,
    dueFrom: isIsoDate(f.dueFrom) ? f.dueFrom : undefined,
    dueTo: isIsoDate(f.dueTo) ? f.dueTo : undefined,
    loadId: f.loadId || undefined,
    taxYear: /^\d{4}$/.test(f.taxYear ?? '') ? Number(f.taxYear) : undefined,
    progress: f.progress || undefined,
    worked: f.worked === 'true' || f.worked === 'false' ? f.worked : undefined,
    reached: f.reached === 'true' || f.reached === 'false' ? f.reached : undefined,
    open: f.open === 'true' || f.open === 'false' ? f.open : undefined,
  });

  return (
    <>
      <PageHeader
        title={t('claims.title')}
        actions={
          canCreate && (
            <Button component={Link} to="/claims/new" data-testid="new-claim">
              {t('claims.new')}
            </Button>
          )
        }
      />
      <Card withBorder padding="md" radius="md" mb="md">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <SearchBox
            label={t('claims.search')}
            placeholder={t('claims.searchPlaceholder')}
            value={list.q}
            onSearch={list.setQ}
            testId="claim-search"
          />
          <MultiSelect
            label={t('claim.status')}
            placeholder={statuses.length ? undefined : t('common.all')}
            clearable
            w={260}
            data={enumOptions(te, 'claimStatus', CLAIM_STATUSES)}
            value={statuses}
            onChange={(v) => list.setFilter('status', v.join(','))}
            data-testid="filter-status"
          />
          <Select
            label={t('claim.stage')}
            placeholder={t('common.all')}
            clearable
            w={180}
            data={enumOptions(te, 'stage', COLLECTION_STAGES)}
            value={f.stage || null}
            onChange={(v) => list.setFilter('stage', v)}
          />
          <Select
            label={t('claim.kind')}
            placeholder={t('common.all')}
            clearable
            w={200}
            data={enumOptions(te, 'claimKind', CLAIM_KINDS)}
            value={f.kind || null}
            onChange={(v) => list.setFilter('kind', v)}
          />
        </Group>
        <Group align="flex-end" gap="sm" wrap="wrap" mt="sm">
          <Select
            label={t('claim.currency')}
            placeholder={t('common.all')}
            clearable
            w={120}
            data={[...CURRENCIES]}
            value={f.currency || null}
            onChange={(v) => list.setFilter('currency', v)}
            data-testid="filter-currency"
          />
          {/* a user bound to one creditor has nothing to choose */}
          {user.creditorId === null && (
            <Select
              label={t('claim.creditor')}
              placeholder={t('common.all')}
              clearable
              searchable
              w={260}
              data={(creditors.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
              value={f.creditorId || null}
              onChange={(v) => list.setFilter('creditorId', v)}
              data-testid="filter-creditor"
            />
          )}
          <DateField
            label={t('claims.dueFrom')}
            w={170}
            value={f.dueFrom}
            onChange={(v) => list.setFilter('dueFrom', v)}
            data-testid="filter-due-from"
          />
          <DateField
            label={t('claims.dueTo')}
            w={170}
            value={f.dueTo}
            onChange={(v) => list.setFilter('dueTo', v)}
            data-testid="filter-due-to"
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
        <ClaimsTable
          data={query.data}
          fetching={query.isFetching}
          page={list.page}
          pageSize={list.pageSize}
          sort={list.sort}
          order={list.order}
          onPage={list.setPage}
          onPageSize={list.setPageSize}
          onSort={list.setSort}
          showDebtor
          showCreditor={user.creditorId === null}
        />
      )}
    </>
  );
}
