import { Anchor, Button, Card, Group, SegmentedControl, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { agencyKpisExportUrl, useAgencyKpis, type AgencyKpis, type AgencyKpisQuery } from '../../api/portal-hooks';
import { DateField } from '../../components/forms';
import { ErrorAlert } from '../../components/ui';
import { useI18n } from '../../i18n';

/** The current month in Rome, as the server counts days. */
function romeMonth(): { from: string; to: string } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date());
  const [y, m] = today.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${today.slice(0, 8)}01`, to: `${today.slice(0, 8)}${String(last).padStart(2, '0')}` };
}

type Row = AgencyKpis['operators'][number] | AgencyKpis['queues'][number] | AgencyKpis['total'];

/**
 * The same KPIs per operator and per queue (issue 16 item 7), for the agency's supervisors: a period
 * (the current month by default) and the creditor chosen above; each count of calls opens the desk's
 * calls behind it (the board's list of outcomes); the table as CSV or XLSX.
 */
export function AgencyKpisSection({ creditorId }: { creditorId: string | null }) {
  const { t, money, number } = useI18n();
  const [period, setPeriod] = useState(romeMonth);
  const [by, setBy] = useState<'operators' | 'queues'>('operators');
  const query: AgencyKpisQuery = { ...period, ...(creditorId ? { creditorId } : {}) };
  const kpis = useAgencyKpis(query, true);
  const pct = (v: string | null) => (v === null ? '—' : `${v.replace('.', ',')} %`);
  const amounts = (list: { currency: string; amount: string }[]) => (list.length === 0 ? '—' : list.map((c) => money(c.amount, c.currency)).join(' · '));
  const duration = (s: number | null) => (s === null ? '—' : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`);
  const callsLink = (r: Row, n: number) =>
    r.calls && n > 0 ? (
      <Anchor component={Link} to={`/work/board?${new URLSearchParams({ tab: 'outcomes', ...r.calls })}`}>
        {number(n)}
      </Anchor>
    ) : (
      number(n)
    );
  const cells = (r: Row) => (
    <>
      <Table.Td ta="right" data-testid="agency-fig-attempts">
        {callsLink(r, r.attempts)}
      </Table.Td>
      <Table.Td ta="right" data-testid="agency-fig-right-party">
        {callsLink(r, r.rightParty)}
      </Table.Td>
      <Table.Td ta="right">{pct(r.rpcRate)}</Table.Td>
      <Table.Td ta="right">{number(r.promises)}</Table.Td>
      <Table.Td ta="right">{amounts(r.promised)}</Table.Td>
      <Table.Td ta="right">{number(r.promisesKept)}</Table.Td>
      <Table.Td ta="right">{number(r.promisesBroken)}</Table.Td>
      <Table.Td ta="right">{pct(r.keptRate)}</Table.Td>
      <Table.Td ta="right">{number(r.plans)}</Table.Td>
      <Table.Td ta="right">{amounts(r.collected)}</Table.Td>
      <Table.Td ta="right">{duration(r.averageHandlingSeconds)}</Table.Td>
    </>
  );
  const data = kpis.data;
  return (
    <Card withBorder padding="lg" radius="md" data-testid="agency-kpis">
      <Group justify="space-between" align="flex-end" mb="xs">
        <Title order={4}>{t('portalAgency.title')}</Title>
        <Group gap="xs" align="flex-end">
          <DateField label={t('portalAgency.from')} value={period.from} onChange={(v) => v && setPeriod((p) => ({ ...p, from: v }))} clearable={false} data-testid="agency-kpis-from" />
          <DateField label={t('portalAgency.to')} value={period.to} onChange={(v) => v && setPeriod((p) => ({ ...p, to: v }))} clearable={false} data-testid="agency-kpis-to" />
          <Button component="a" variant="default" href={agencyKpisExportUrl(query, 'csv')} data-testid="agency-kpis-csv">
            {t('portal.exportCsv')}
          </Button>
          <Button component="a" variant="default" href={agencyKpisExportUrl(query, 'xlsx')} data-testid="agency-kpis-xlsx">
            {t('portal.exportXlsx')}
          </Button>
        </Group>
      </Group>
      {data && (
        <Text size="sm" c="dimmed" mb="sm">
          {t('portalAgency.subtitle', { days: data.attributionDays })}
        </Text>
      )}
      <SegmentedControl
        mb="sm"
        value={by}
        onChange={(v) => setBy(v as 'operators' | 'queues')}
        data={[
          { value: 'operators', label: t('portalAgency.byOperator') },
          { value: 'queues', label: t('portalAgency.byQueue') },
        ]}
        data-testid="agency-kpis-by"
      />
      {kpis.error ? <ErrorAlert error={kpis.error} /> : null}
      {data && (
        <>
          <Table.ScrollContainer minWidth={1100}>
            <Table withTableBorder striped data-testid={`agency-kpis-${by}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{by === 'operators' ? t('portalAgency.operator') : t('portalAgency.queue')}</Table.Th>
                  <Table.Th ta="right">{t('portalAgency.attempts')}</Table.Th>
                  <Table.Th ta="right">{t('portalAgency.rightParty')}</Table.Th>
                  <Table.Th ta="right">{t('portalAgency.rpcRate')}</Table.Th>
                  <Table.Th ta="right">{t('portalAgency.promises')}</Table.Th>
                  <Table.Th ta="right">{t('portalAgency.promised')}</Table.Th>
                  <Table.Th ta="right">{t('portalAgency.kept')}</Table.Th>
                  <Table.Th ta="right">{t('portalAgency.broken')}</Table.Th>
                  <Table.Th ta="right">{t('portalAgency.keptRate')}</Table.Th>
                  <Table.Th ta="right">{t('portalAgency.plans')}</Table.Th>
                  <Table.Th ta="right">{t('portalAgency.collected')}</Table.Th>
                  <Table.Th ta="right">{t('portalAgency.handling')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {by === 'operators'
                  ? data.operators.map((r) => (
                      <Table.Tr key={r.userId ?? '-'} data-testid={`agency-kpis-row-${r.userId ?? 'none'}`}>
                        <Table.Td>{r.name ?? t('portalAgency.noOperator')}</Table.Td>
                        {cells(r)}
                      </Table.Tr>
                    ))
                  : data.queues.map((r) => (
                      <Table.Tr key={r.queueId ?? '-'} data-testid={`agency-kpis-row-${r.queueId ?? 'none'}`}>
                        <Table.Td>{r.name ?? t('portalAgency.noQueue')}</Table.Td>
                        {cells(r)}
                      </Table.Tr>
                    ))}
                <Table.Tr fw={700} data-testid="agency-kpis-total">
                  <Table.Td>{t('portalAgency.total')}</Table.Td>
                  {cells(data.total)}
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {data.notAttributed.length > 0 && (
            <Text size="sm" c="dimmed" mt="xs">
              {t('portalAgency.notAttributed', { days: data.attributionDays, amount: amounts(data.notAttributed) })}
            </Text>
          )}
        </>
      )}
    </Card>
  );
}
