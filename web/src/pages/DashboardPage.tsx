import { BarChart } from '@mantine/charts';
import { Anchor, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useDashboard } from '../api/hooks';
import { CLAIM_STATUSES, OPEN_STATUSES, type ClaimStatus, type Dashboard } from '../api/types';
import { EnumSelectInline } from '../components/EnumSelectInline';
import { Money, PageHeader, QueryState, StatusBadge } from '../components/ui';
import { useI18n } from '../i18n';
import { AlertsCard } from './dashboard/AlertsCard';

export default function DashboardPage() {
  const { t } = useI18n();
  const dashboard = useDashboard();
  return (
    <>
      <PageHeader title={t('dashboard.title')} />
      <AlertsCard />
      <div style={{ height: 16 }} />
      <QueryState query={dashboard}>{(d) => <DashboardView data={d} />}</QueryState>
    </>
  );
}

const statusOrder = (s: string) => {
  const i = (CLAIM_STATUSES as readonly string[]).indexOf(s);
  return i < 0 ? 99 : i;
};

function DashboardView({ data }: { data: Dashboard }) {
  const { t, te, money, number } = useI18n();
  // Euro first (the usual case), then the others.
  const totals = [...data.byCurrency].sort((a, b) => (a.currency === 'EUR' ? -1 : b.currency === 'EUR' ? 1 : a.currency.localeCompare(b.currency)));
  const currencies = totals.map((c) => c.currency);
  const [chartCurrency, setChartCurrency] = useState<string | null>(null);
  const shownCurrency = chartCurrency && currencies.includes(chartCurrency) ? chartCurrency : (currencies[0] ?? 'EUR');

  if (data.byCurrency.length === 0) {
    return (
      <Card withBorder padding="xl">
        <Text c="dimmed" data-testid="dashboard-empty">
          {t('dashboard.noOpen')}
        </Text>
      </Card>
    );
  }

  const byStatus = [...data.byStatus].sort(
    (a, b) => statusOrder(a.status) - statusOrder(b.status) || currencies.indexOf(a.currency) - currencies.indexOf(b.currency),
  );
  const rowsOfStatus = (status: string) => byStatus.filter((r) => r.status === status).length;
  const chartData = byStatus
    .filter((r) => r.currency === shownCurrency && OPEN_STATUSES.includes(r.status as ClaimStatus))
    // A chart needs numbers; these are for drawing only, the tables show the exact strings.
    .map((r) => ({ status: te('claimStatus', r.status), totalDue: Number(r.totalDue), count: r.count }));
  // The server sends creditors largest total due first.
  const byCreditor = data.byCreditor;

  return (
    <Stack gap="lg">
      {data.pending > 0 && (
        <Text size="sm" c="dimmed" data-testid="dashboard-pending">
          {t('dashboard.pending', { count: number(data.pending) })}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} data-testid="dashboard-totals">
        {totals.map((c) => (
          <Card key={c.currency} withBorder padding="lg" radius="md" data-testid={`stat-${c.currency}`}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
              {t('dashboard.openInCurrency', { currency: c.currency })}
            </Text>
            <Group justify="space-between" align="flex-end" mt="sm">
              <Stack gap={0}>
                <Text size="xs" c="dimmed">
                  {t('dashboard.openClaims')}
                </Text>
                <Text fw={700} size="28px" data-testid="stat-count">
                  {number(c.count)}
                </Text>
              </Stack>
              <Stack gap={0} align="flex-end">
                <Text size="xs" c="dimmed">
                  {t('dashboard.outstanding')}
                </Text>
                <Text fw={700} size="xl" data-testid="stat-outstanding">
                  {money(c.principalDue, c.currency)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('dashboard.principal')}: {money(c.principal, c.currency)}
                </Text>
                <Text size="xs" c="dimmed" data-testid="stat-interest-due">
                  {t('dashboard.interestDue')}: {money(c.interestDue, c.currency)} · {t('dashboard.costsDue')}:{' '}
                  {money(c.costsDue, c.currency)}
                </Text>
                <Text size="sm" fw={600} data-testid="stat-total-due">
                  {t('dashboard.totalDue')}: {money(c.totalDue, c.currency)}
                </Text>
              </Stack>
            </Group>
          </Card>
        ))}
      </SimpleGrid>

      <Card withBorder padding="lg" radius="md">
        <Group justify="space-between" mb="md">
          <Title order={4}>{t('dashboard.chartTitle', { currency: shownCurrency })}</Title>
          {currencies.length > 1 && (
            <EnumSelectInline
              label={t('claim.currency')}
              value={shownCurrency}
              values={currencies}
              onChange={setChartCurrency}
            />
          )}
        </Group>
        <BarChart
          h={280}
          data={chartData}
          dataKey="status"
          series={[{ name: 'totalDue', label: t('dashboard.totalDue'), color: 'blue.6' }]}
          valueFormatter={(v) => money(String(v), shownCurrency)}
          tickLine="y"
          gridAxis="y"
          yAxisProps={{ width: 110 }}
          data-testid="dashboard-chart"
        />
      </Card>

      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Card withBorder padding="lg" radius="md">
          <Title order={4} mb="sm">
            {t('dashboard.byStatus')}
          </Title>
          <Table.ScrollContainer minWidth={420}>
            <Table withRowBorders data-testid="dashboard-by-status">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('claim.status')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.count')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.principal')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.totalDue')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {byStatus.map((r, i) => {
                  const first = i === 0 || byStatus[i - 1]?.status !== r.status;
                  return (
                    <Table.Tr key={`${r.status}-${r.currency}`}>
                      {first && (
                        <Table.Td rowSpan={rowsOfStatus(r.status)} style={{ verticalAlign: 'top' }}>
                          <Anchor component={Link} to={`/claims?status=${r.status}`} underline="never">
                            <StatusBadge status={r.status} />
                          </Anchor>
                        </Table.Td>
                      )}
                      <Table.Td ta="right">
                        <Anchor component={Link} to={`/claims?status=${r.status}&currency=${r.currency}`} c="inherit" size="sm">
                          {number(r.count)}
                        </Anchor>
                      </Table.Td>
                      <Table.Td ta="right">
                        <Money amount={r.principal} currency={r.currency} />
                      </Table.Td>
                      <Table.Td ta="right">
                        <Money amount={r.totalDue} currency={r.currency} strong />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>

        <Card withBorder padding="lg" radius="md">
          <Title order={4} mb="sm">
            {t('dashboard.byCreditor')}
          </Title>
          <Table.ScrollContainer minWidth={420}>
            <Table striped highlightOnHover data-testid="dashboard-by-creditor">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('claim.creditor')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.count')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.principal')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.outstanding')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.totalDue')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {byCreditor.map((r) => (
                  <Table.Tr key={`${r.creditorId}-${r.currency}`}>
                    <Table.Td>
                      <Anchor component={Link} to={`/claims?creditorId=${r.creditorId}&currency=${r.currency}`}>
                        {r.creditorName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td ta="right">{number(r.count)}</Table.Td>
                    <Table.Td ta="right">
                      <Money amount={r.principal} currency={r.currency} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Money amount={r.principalDue} currency={r.currency} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Money amount={r.totalDue} currency={r.currency} strong />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
