import { Anchor, Button, Card, Group, Input, Modal, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { DataTable } from 'mantine-datatable';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCreditorOptions } from '../../api/hooks';
import { usePaymentsList, useReversePayment, type PaymentRow } from '../../api/plan-hooks';
import { PAYMENT_METHODS } from '../../api/types';
import { useCan, useUser } from '../../auth/session';
import { DateField, enumOptions, notifySaved } from '../../components/forms';
import { usePagerText } from '../../components/pager';
import { SearchBox } from '../../components/SearchBox';
import { DateText, ErrorAlert, Money, PageHeader } from '../../components/ui';
import { PAGE_SIZES, useListState } from '../../components/useListState';
import { isIsoDate } from '../../format';
import { useI18n } from '../../i18n';
import { paymentsExportUrl } from '../plan/plan-view';

const FILTERS = ['creditorId', 'from', 'to', 'method', 'reversed', 'source'] as const;
const SOURCES = ['bank', 'pagopa', 'manual'] as const;
type Source = (typeof SOURCES)[number];
type Sort = 'valueDate' | 'amount' | 'createdAt';

/**
 * Pagamenti (issue 15 item 7): every payment — typed, from a bank statement, from pagoPA — with
 * filters kept in the URL (how the money came in among them; each row says it, with the bank file), the totals of the filtered set per currency, a CSV export of the same set,
 * and the reversal (storno) for the roles that may (the server checks again).
 */
export default function PaymentsPage() {
  const { t, te, money, number, locale, date } = useI18n();
  const pager = usePagerText();
  const user = useUser();
  const mayReverse = useCan('reversal');
  const creditors = useCreditorOptions();
  const list = useListState({ sort: 'valueDate', order: 'desc' }, FILTERS);
  const f = list.filters;
  const filters = {
    q: list.q || undefined,
    creditorId: f.creditorId || undefined,
    from: isIsoDate(f.from) ? f.from : undefined,
    to: isIsoDate(f.to) ? f.to : undefined,
    method: (PAYMENT_METHODS as readonly string[]).includes(f.method) ? (f.method as (typeof PAYMENT_METHODS)[number]) : undefined,
    reversed: f.reversed === 'true' || f.reversed === 'false' ? (f.reversed as 'true' | 'false') : undefined,
    source: (SOURCES as readonly string[]).includes(f.source) ? (f.source as Source) : undefined,
  };
  const sort: Sort = list.sort === 'amount' || list.sort === 'createdAt' ? list.sort : 'valueDate';
  const query = usePaymentsList({ ...filters, page: list.page, pageSize: list.pageSize, sort, order: list.order });
  const reverse = useReversePayment();
  const [reversing, setReversing] = useState<PaymentRow | null>(null);
  const [reason, setReason] = useState('');

  return (
    <>
      <PageHeader
        title={t('payments.title')}
        subtitle={t('payments.subtitle')}
        actions={
          <Button component="a" href={paymentsExportUrl(filters, locale)} download variant="light" data-testid="payments-export">
            {t('payments.export')}
          </Button>
        }
      />
      <Card withBorder padding="md" radius="md" mb="md">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <SearchBox label={t('payments.search')} placeholder={t('payments.searchPlaceholder')} value={list.q} onSearch={list.setQ} testId="payments-search" />
          {user.creditorId === null && (
            <Select
              label={t('payments.col.creditor')}
              placeholder={t('common.all')}
              clearable
              searchable
              w={240}
              data={(creditors.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
              value={f.creditorId || null}
              onChange={(v) => list.setFilter('creditorId', v)}
              data-testid="payments-filter-creditor"
            />
          )}
          <Select
            label={t('payments.col.method')}
            placeholder={t('common.all')}
            clearable
            w={200}
            data={enumOptions(te, 'paymentMethod', PAYMENT_METHODS)}
            value={filters.method ?? null}
            onChange={(v) => list.setFilter('method', v)}
            data-testid="payments-filter-method"
          />
          <Select
            label={t('bankjob.source')}
            placeholder={t('common.all')}
            clearable
            w={200}
            data={SOURCES.map((v) => ({ value: v, label: t(`bankjob.source.${v}`) }))}
            value={filters.source ?? null}
            onChange={(v) => list.setFilter('source', v)}
            data-testid="payments-filter-source"
          />
          <DateField label={t('payments.from')} w={160} value={f.from} onChange={(v) => list.setFilter('from', v)} data-testid="payments-filter-from" />
          <DateField label={t('payments.to')} w={160} value={f.to} onChange={(v) => list.setFilter('to', v)} data-testid="payments-filter-to" />
          <Input.Wrapper label={t('payments.reversedFilter')}>
            <SegmentedControl
              value={filters.reversed ?? ''}
              onChange={(v) => list.setFilter('reversed', v || null)}
              data={[
                { value: '', label: t('payments.reversed.all') },
                { value: 'false', label: t('payments.reversed.false') },
                { value: 'true', label: t('payments.reversed.true') },
              ]}
              data-testid="payments-filter-reversed"
            />
          </Input.Wrapper>
          {list.hasFilters && (
            <Button variant="subtle" onClick={list.reset}>
              {t('common.resetFilters')}
            </Button>
          )}
        </Group>
      </Card>
      {query.data && query.data.totals.length > 0 && (
        <Group gap="lg" mb="sm" data-testid="payments-totals">
          {query.data.totals.map((x) => (
            <Text key={x.currency} size="sm">
              <strong>{t('payments.totals', { count: number(x.count), amount: money(x.amount, x.currency) })}</strong>
              {/[1-9]/.test(x.reversedAmount) && ` (${t('payments.totalsReversed', { amount: money(x.reversedAmount, x.currency) })})`}
            </Text>
          ))}
        </Group>
      )}
      {query.error && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      <DataTable
        {...pager.withSizes}
        withTableBorder
        borderRadius="md"
        striped
        minHeight={160}
        data-testid="payments-table"
        records={query.data?.items ?? []}
        totalRecords={query.data?.total ?? 0}
        page={list.page}
        onPageChange={list.setPage}
        recordsPerPage={list.pageSize}
        recordsPerPageOptions={PAGE_SIZES}
        onRecordsPerPageChange={list.setPageSize}
        sortStatus={{ columnAccessor: sort, direction: list.order }}
        onSortStatusChange={(s) => list.setSort(String(s.columnAccessor), s.direction)}
        fetching={query.isFetching}
        noRecordsText={t('payments.none')}
        rowStyle={(p) => (p.reversedAt ? { opacity: 0.6 } : undefined)}
        columns={[
          { accessor: 'valueDate', title: t('payments.col.date'), sortable: true, render: (p) => <DateText value={p.valueDate} /> },
          {
            accessor: 'debtorName',
            title: t('payments.col.debtor'),
            render: (p) => (
              <Anchor component={Link} to={`/debtors/${p.debtorId}`} size="sm">
                {p.debtorName}
              </Anchor>
            ),
          },
          ...(user.creditorId === null ? [{ accessor: 'creditorName', title: t('payments.col.creditor') }] : []),
          {
            accessor: 'amount',
            title: t('payments.col.amount'),
            textAlign: 'right',
            sortable: true,
            render: (p) => (
              <Stack gap={0} align="flex-end">
                <Money amount={p.amount} currency={p.currency} strong />
                {/[1-9]/.test(p.unallocated) && (
                  <Text size="xs" c="dimmed">
                    {t('payments.unallocated', { amount: money(p.unallocated, p.currency) })}
                  </Text>
                )}
              </Stack>
            ),
          },
          {
            accessor: 'method',
            title: t('payments.col.method'),
            render: (p) => (
              <Stack gap={0}>
                <Text size="sm">{te('paymentMethod', p.method)}</Text>
                <Text size="xs" c="dimmed" data-testid="payment-source" data-source={p.source}>
                  {p.sourceFileName ? t('bankjob.fromFile', { source: t(`bankjob.source.${p.source}`), file: p.sourceFileName }) : t(`bankjob.source.${p.source}`)}
                </Text>
              </Stack>
            ),
          },
          {
            accessor: 'reference',
            title: t('payments.col.reference'),
            render: (p) => (
              <Stack gap={0}>
                <Text size="sm">{p.reference ?? '—'}</Text>
                {p.payerName && (
                  <Text size="xs" c="dimmed">
                    {p.payerName}
                  </Text>
                )}
              </Stack>
            ),
          },
          {
            accessor: 'actions',
            title: '',
            render: (p) =>
              p.reversedAt ? (
                <Text size="xs" c="red" fw={600} style={{ whiteSpace: 'nowrap' }} data-testid="payment-reversed">
                  {t('payments.reversedOn', { date: date(p.reversedAt) })}
                </Text>
              ) : mayReverse ? (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  onClick={() => {
                    reverse.reset();
                    setReason('');
                    setReversing(p);
                  }}
                  data-testid="payment-reverse"
                >
                  {t('payments.reverse')}
                </Button>
              ) : null,
          },
        ]}
      />
      <Modal opened={reversing !== null} onClose={() => setReversing(null)} title={t('payments.reverseTitle')}>
        {reversing && (
          <Stack>
            <Text size="sm">
              {t('payments.reverseHint', { amount: money(reversing.amount, reversing.currency), date: date(reversing.valueDate), debtor: reversing.debtorName })}
            </Text>
            {reverse.error && <ErrorAlert error={reverse.error} />}
            <Textarea
              label={t('payments.reverseReason')}
              withAsterisk
              autosize
              minRows={2}
              maxLength={500}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              data-testid="payment-reverse-reason"
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setReversing(null)}>
                {t('common.cancel')}
              </Button>
              <Button
                color="red"
                disabled={!reason.trim()}
                loading={reverse.isPending}
                onClick={() =>
                  reverse.mutate(
                    { id: reversing.id, reason: reason.trim() },
                    {
                      onSuccess: () => {
                        notifySaved(t('payments.reverseDone'));
                        setReversing(null);
                      },
                    },
                  )
                }
                data-testid="payment-reverse-confirm"
              >
                {t('payments.reverse')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
