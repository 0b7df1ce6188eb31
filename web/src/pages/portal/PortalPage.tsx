import { LineChart } from '@mantine/charts';
import { Anchor, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useCreditorOptions } from '../../api/hooks';
import { portalExportUrl, usePortalCollections, usePortalKpis, usePortalProgress, type PortalCollections, type PortalKpis, type PortalProgress, type PortalQuery } from '../../api/portal-hooks';
import { useCan } from '../../auth/session';
import { ErrorAlert, PageHeader } from '../../components/ui';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n/it';
import { AgencyKpisSection } from './AgencyKpis';

const STAGES = ['loaded', 'worked', 'reached', 'unreachable', 'promised', 'in_plan', 'paid', 'disputed', 'returned', 'written_off'] as const;

/** The claims list filtered to a figure's positions. */
const claimsLink = (filter: Record<string, string>) => `/claims?${new URLSearchParams(filter)}`;

/** A figure that opens the positions behind it. */
function Fig({ filter, children, testId }: { filter: Record<string, string>; children: React.ReactNode; testId?: string }) {
  return (
    <Anchor component={Link} to={claimsLink(filter)} data-testid={testId}>
      {children}
    </Anchor>
  );
}

/**
 * Andamento (issue 16 items 3 and 5): the creditor's user sees its own mandate, the agency any
 * creditor or all — progress by load, revenue and tax year with the positions per stage, collected per
 * month, the collection rate by placement month over time, ageing and the KPIs; each figure links to
 * the filtered claims list; the progress table as CSV or XLSX. The server scopes every figure. The
 * agency's supervisors also see the same KPIs per operator and per queue over a period (item 7).
 */
export default function PortalPage() {
  const { t } = useI18n();
  // Per operator and per queue (item 7): the agency's KPIs and the desk's board, for whoever supervises the desk.
  const canSupervise = useCan('supervision');
  const creditors = useCreditorOptions();
  const options = (creditors.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));
  const [creditorId, setCreditorId] = useState<string | null>(null);
  useEffect(() => {
    if (creditorId === null && options.length === 1) setCreditorId(options[0]!.value);
  }, [creditorId, options]);
  const query: PortalQuery = creditorId ? { creditorId } : {};
  const progress = usePortalProgress(query);
  const collections = usePortalCollections(query);
  const kpis = usePortalKpis(query);
  return (
    <>
      <PageHeader
        title={t('portal.title')}
        subtitle={t('portal.subtitle')}
        actions={
          <Group>
            {canSupervise && (
              <Button component={Link} to="/work/board" variant="subtle" data-testid="portal-by-operator">
                {t('portal.byOperator')}
              </Button>
            )}
            <Button component="a" variant="default" href={portalExportUrl(query, 'csv')} data-testid="portal-export-csv">
              {t('portal.exportCsv')}
            </Button>
            <Button component="a" variant="default" href={portalExportUrl(query, 'xlsx')} data-testid="portal-export-xlsx">
              {t('portal.exportXlsx')}
            </Button>
          </Group>
        }
      />
      <Stack gap="lg">
        {options.length > 1 && (
          <Select label={t('portal.creditor')} placeholder={t('portal.allCreditors')} clearable data={options} value={creditorId} onChange={setCreditorId} searchable w={320} data-testid="portal-creditor" />
        )}
        {progress.error ? <ErrorAlert error={progress.error} /> : null}
        {kpis.data && <Kpis data={kpis.data} />}
        {canSupervise && <AgencyKpisSection creditorId={creditorId} />}
        {collections.data && <Collections data={collections.data} />}
        {progress.data && <Progress data={progress.data} />}
      </Stack>
    </>
  );
}

function Kpis({ data }: { data: PortalKpis }) {
  const { t, money, number } = useI18n();
  const pct = (v: string | null) => (v === null ? '—' : `${v.replace('.', ',')} %`);
  return (
    <Card withBorder padding="lg" radius="md">
      <Title order={4} mb="md">
        {t('portal.kpis')}
      </Title>
      {data.byCurrency.map((c) => (
        <Stack key={c.currency} gap="md" data-testid={`portal-kpis-${c.currency}`}>
          <SimpleGrid cols={{ base: 2, md: 3, lg: 6 }}>
            <Stat label={t('portal.collectionRate')} filter={c.collectionRate.filter} value={pct(c.collectionRate.value)} testId="kpi-collection-rate" />
            <Stat label={t('portal.rpcRate')} filter={c.rpcRate.filter} value={pct(c.rpcRate.value)} testId="kpi-rpc-rate" />
            <Stat label={t('portal.promiseKeptRate')} filter={data.promiseKeptRate.filter} value={pct(data.promiseKeptRate.value)} testId="kpi-promise-kept" />
            <Stat label={t('portal.averageDays')} filter={c.averageDaysToCollect.filter} value={c.averageDaysToCollect.value ?? '—'} testId="kpi-days" />
            <Stat label={t('portal.dso')} filter={c.ageing[0] ? { ...c.ageing[0].filter, dueFrom: '' } : {}} value={c.dso ?? '—'} testId="kpi-dso" />
            <Stat label={t('portal.expectedFromPlans')} filter={c.expectedFromPlans.filter} value={money(c.expectedFromPlans.amount, c.currency)} testId="kpi-plans" />
          </SimpleGrid>
          <Table withTableBorder data-testid="portal-ageing">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('portal.ageing')}</Table.Th>
                <Table.Th ta="right">{t('portal.positions')}</Table.Th>
                <Table.Th ta="right">{t('portal.residual')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.ageing.map((b) => (
                <Table.Tr key={b.key}>
                  <Table.Td>{t(`portalAgeing.${b.key}` as MessageKey)}</Table.Td>
                  <Table.Td ta="right">
                    <Fig filter={b.filter}>{number(b.claims)}</Fig>
                  </Table.Td>
                  <Table.Td ta="right">{money(b.residual, c.currency)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ))}
    </Card>
  );
}

function Stat({ label, value, filter, testId }: { label: string; value: string; filter: Record<string, string>; testId: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text fw={700} size="xl">
        <Fig filter={Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== ''))} testId={testId}>
          {value}
        </Fig>
      </Text>
    </Stack>
  );
}

function Collections({ data }: { data: PortalCollections }) {
  const { t, money, date } = useI18n();
  const currencies = [...new Set(data.stairStep.map((s) => s.currency))];
  const [currency, setCurrency] = useState<string | null>(null);
  const shown = currency && currencies.includes(currency) ? currency : (currencies[0] ?? 'EUR');
  const rows = data.stairStep.filter((s) => s.currency === shown);
  const longest = Math.max(0, ...rows.map((r) => r.steps.length));
  // One line per placement month, by months since placement: the stair-step (numbers only for drawing).
  const chart = Array.from({ length: longest }, (_, k) => Object.fromEntries([['k', String(k)], ...rows.map((r) => {
    const rate = r.steps[k]?.rate;
    return [r.placedMonth.slice(0, 7), rate === undefined || rate === null ? null : Number(rate)];
  })]));
  const colors = ['blue.6', 'teal.6', 'orange.6', 'grape.6', 'red.6', 'cyan.6', 'lime.6', 'pink.6'];
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      <Card withBorder padding="lg" radius="md">
        <Group justify="space-between" mb="md">
          <Title order={4}>{t('portal.rateOverTime')}</Title>
          {currencies.length > 1 && <Select data={currencies} value={shown} onChange={setCurrency} w={100} />}
        </Group>
        <LineChart
          h={260}
          data={chart}
          dataKey="k"
          series={rows.slice(-8).map((r, i) => ({ name: r.placedMonth.slice(0, 7), color: colors[i % colors.length]! }))}
          valueFormatter={(v) => `${v} %`}
          xAxisLabel={t('portal.monthsSince')}
          connectNulls={false}
          withLegend
          data-testid="portal-rate-chart"
        />
      </Card>
      <Card withBorder padding="lg" radius="md">
        <Title order={4} mb="md">
          {t('portal.collectedPerMonth')}
        </Title>
        <Table withTableBorder data-testid="portal-per-month">
          <Table.Tbody>
            {data.perMonth.map((m) => (
              <Table.Tr key={`${m.month}-${m.currency}`}>
                <Table.Td>{date(m.month).slice(3)}</Table.Td>
                <Table.Td ta="right">{money(m.amount, m.currency)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </SimpleGrid>
  );
}

function Progress({ data }: { data: PortalProgress }) {
  const { t, te, money, number, date } = useI18n();
  if (data.rows.length === 0) return <Text c="dimmed">{t('portal.empty')}</Text>;
  return (
    <Card withBorder padding="lg" radius="md">
      <Title order={4} mb="md">
        {t('portal.stages')}
      </Title>
      <Table.ScrollContainer minWidth={1200}>
        <Table withTableBorder striped data-testid="portal-progress">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('portal.creditor')}</Table.Th>
              <Table.Th>{t('portal.load')}</Table.Th>
              <Table.Th>{t('portal.revenue')}</Table.Th>
              <Table.Th>{t('portal.taxYear')}</Table.Th>
              <Table.Th ta="right">{t('portal.positions')}</Table.Th>
              <Table.Th ta="right">{t('portal.loaded')}</Table.Th>
              <Table.Th ta="right">{t('portal.collected')}</Table.Th>
              <Table.Th ta="right">{t('portal.annulled')}</Table.Th>
              <Table.Th ta="right">{t('portal.residual')}</Table.Th>
              <Table.Th ta="right">{t('portal.collectionRate')}</Table.Th>
              {STAGES.map((s) => (
                <Table.Th key={s} ta="right">
                  {t(`portalStage.${s}` as MessageKey)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...data.rows, ...data.totals.map((tot) => ({ ...tot, creditorName: t('portal.total', { currency: tot.currency }), loadLabel: null as string | null, loadedOn: null as string | null, revenue: null as string | null, taxYear: null as number | null }))].map((r, i) => (
              <Table.Tr key={i}>
                <Table.Td>{r.creditorName}</Table.Td>
                <Table.Td>{r.loadLabel ? `${r.loadLabel}${r.loadedOn ? ` (${date(r.loadedOn)})` : ''}` : r.revenue ? t('portal.noLoad') : ''}</Table.Td>
                <Table.Td>{r.revenue ? te('claimKind', r.revenue) : ''}</Table.Td>
                <Table.Td>{r.taxYear ?? ''}</Table.Td>
                <Table.Td ta="right">
                  <Fig filter={r.filter}>{number(r.claims)}</Fig>
                </Table.Td>
                <Table.Td ta="right">{money(r.loaded, r.currency)}</Table.Td>
                <Table.Td ta="right">{money(r.collected, r.currency)}</Table.Td>
                <Table.Td ta="right">{money(r.annulled, r.currency)}</Table.Td>
                <Table.Td ta="right">{money(r.residual, r.currency)}</Table.Td>
                <Table.Td ta="right">{r.collectionRate === null ? '—' : `${r.collectionRate.replace('.', ',')} %`}</Table.Td>
                {STAGES.map((s) => (
                  <Table.Td key={s} ta="right">
                    {r.stages[s]?.claims ? <Fig filter={r.stages[s].filter}>{number(r.stages[s].claims)}</Fig> : '0'}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
