import { Alert, Anchor, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { DataTable } from 'mantine-datatable';
import { useEffect, useState } from 'react';
import { useCreditorOptions, useImports } from '../api/hooks';
import { dischargeFileUrl, issuedDischargeUrl, useDischargePreview, useIssuedDischarges, useIssueDischarge, type DischargeFormat, type DischargeQuery } from '../api/report-hooks';
import { useCan } from '../auth/session';
import { notifySaved } from '../components/forms';
import { ErrorAlert, Money, PageHeader } from '../components/ui';
import { useI18n } from '../i18n';

const FORMATS: DischargeFormat[] = ['pdf', 'xlsx', 'csv'];

/**
 * The discharge report (issue 16 item 6): a creditor's whole mandate or one load, as of a day — the
 * identity carico = riscosso + sgravi + residuo per revenue and tax year, the outcomes, the positions;
 * drafts to download in PDF, XLSX or CSV; issued (sealed) reports with their SHA-256. The agency's
 * supervisors issue; the creditor's read-only user sees and downloads its own.
 */
export default function DischargeReportPage() {
  const { t, te, locale, date, dateTime } = useI18n();
  const canIssue = useCan('discharge_report');
  const creditors = useCreditorOptions();
  const options = (creditors.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));
  const [creditorId, setCreditorId] = useState<string | null>(null);
  useEffect(() => {
    if (creditorId === null && options.length === 1) setCreditorId(options[0]!.value);
  }, [creditorId, options]);
  const [loadId, setLoadId] = useState<string | null>(null);
  const [asOf, setAsOf] = useState('');
  const loads = useImports({ page: 1, pageSize: 100, ...(creditorId ? { creditorId } : {}) });
  const query: DischargeQuery | null = creditorId ? { creditorId, ...(loadId ? { loadId } : {}), ...(/^\d{4}-\d{2}-\d{2}$/.test(asOf) ? { asOf } : {}) } : null;
  const preview = useDischargePreview(query);
  const issued = useIssuedDischarges(creditorId ?? undefined);
  const issue = useIssueDischarge();
  const r = preview.data;

  return (
    <>
      <PageHeader title={t('discharge.title')} subtitle={t('discharge.subtitle')} />
      <Stack gap="lg">
        <Group align="end">
          <Select label={t('discharge.creditor')} data={options} value={creditorId} onChange={(v) => { setCreditorId(v); setLoadId(null); }} searchable w={280} data-testid="discharge-creditor" />
          <Select
            label={t('discharge.load')}
            placeholder={t('discharge.wholeMandate')}
            clearable
            data={(loads.data?.items ?? []).filter((j) => j.creditorId === creditorId).map((j) => ({ value: j.id, label: `${j.fileName} (${date(j.createdAt.slice(0, 10))})` }))}
            value={loadId}
            onChange={setLoadId}
            w={280}
            disabled={!creditorId}
          />
          <TextInput label={t('discharge.asOf')} placeholder="YYYY-MM-DD" value={asOf} onChange={(e) => setAsOf(e.currentTarget.value)} w={150} />
        </Group>
        {preview.error ? <ErrorAlert error={preview.error} /> : null}
        {r && query ? (
          <>
            {r.holds ? (
              <Alert color="green" data-testid="discharge-holds">{t('discharge.holds')}</Alert>
            ) : (
              <Alert color="red" data-testid="discharge-breaks" title={t('discharge.breaks')}>
                {r.breaks.slice(0, 20).map((b) => (
                  <Text key={b.claimId + b.problem} size="sm">{b.reference}: {te('dischargeProblem', b.problem)}</Text>
                ))}
              </Alert>
            )}
            <Card withBorder>
              <Title order={4} mb="sm">{t('discharge.byRevenue')}</Title>
              <Table data-testid="discharge-totals">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('discharge.revenue')}</Table.Th>
                    <Table.Th>{t('discharge.year')}</Table.Th>
                    <Table.Th ta="right">{t('discharge.positions')}</Table.Th>
                    <Table.Th ta="right">{t('discharge.loaded')}</Table.Th>
                    <Table.Th ta="right">{t('discharge.collected')}</Table.Th>
                    <Table.Th ta="right">{t('discharge.annulled')}</Table.Th>
                    <Table.Th ta="right">{t('discharge.residual')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {r.groups.map((g) => (
                    <Table.Tr key={`${g.revenue}-${g.taxYear}-${g.currency}`}>
                      <Table.Td>{g.revenue.toUpperCase()}</Table.Td>
                      <Table.Td>{g.taxYear ?? '—'}</Table.Td>
                      <Table.Td ta="right">{g.positions}</Table.Td>
                      <Table.Td ta="right"><Money amount={g.loaded} currency={g.currency} /></Table.Td>
                      <Table.Td ta="right"><Money amount={g.collected} currency={g.currency} /></Table.Td>
                      <Table.Td ta="right"><Money amount={g.annulled} currency={g.currency} /></Table.Td>
                      <Table.Td ta="right"><Money amount={g.residual} currency={g.currency} /></Table.Td>
                    </Table.Tr>
                  ))}
                  {r.totals.map((x) => (
                    <Table.Tr key={x.currency} fw={700}>
                      <Table.Td>{t('discharge.total')}</Table.Td>
                      <Table.Td />
                      <Table.Td ta="right">{x.positions}</Table.Td>
                      <Table.Td ta="right"><Money amount={x.loaded} currency={x.currency} strong /></Table.Td>
                      <Table.Td ta="right"><Money amount={x.collected} currency={x.currency} strong /></Table.Td>
                      <Table.Td ta="right"><Money amount={x.annulled} currency={x.currency} strong /></Table.Td>
                      <Table.Td ta="right"><Money amount={x.residual} currency={x.currency} strong /></Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Card withBorder>
                <Title order={5} mb="xs">{t('discharge.outcomes')}</Title>
                <Group gap="xs">
                  {Object.entries(r.summary.byState).filter(([, n]) => n > 0).map(([s, n]) => (
                    <Badge key={s} variant="light">{te('dischargeState', s)}: {n}</Badge>
                  ))}
                </Group>
              </Card>
              <Card withBorder>
                <Title order={5} mb="xs">{t('discharge.activity')}</Title>
                <Text size="sm">{t('discharge.activityText', { attempts: r.summary.attempts, rightParty: r.summary.rightParty, letters: r.summary.letters, plans: r.summary.plans })}</Text>
                <Text size="sm">{t('discharge.social', { hardship: r.summary.debtorsHardship, deceased: r.summary.debtorsDeceased })}</Text>
              </Card>
            </SimpleGrid>
            <Group>
              <Text size="sm" fw={500}>{t('discharge.download')}</Text>
              {FORMATS.map((f) => (
                <Anchor key={f} href={dischargeFileUrl(query, f, locale)} data-testid={`discharge-file-${f}`}>{f.toUpperCase()}</Anchor>
              ))}
              {canIssue ? (
                FORMATS.map((f) => (
                  <Button
                    key={f}
                    size="xs"
                    variant="light"
                    disabled={!r.holds}
                    loading={issue.isPending}
                    data-testid={`discharge-issue-${f}`}
                    onClick={() => issue.mutate({ ...query, format: f, language: locale }, { onSuccess: () => notifySaved(t('discharge.issued')) })}
                  >
                    {t('discharge.issue', { format: f.toUpperCase() })}
                  </Button>
                ))
              ) : null}
            </Group>
            {issue.error ? <ErrorAlert error={issue.error} /> : null}
            <DataTable
              withTableBorder
              records={r.rows}
              idAccessor="claimId"
              columns={[
                { accessor: 'reference', title: t('discharge.reference') },
                { accessor: 'taxpayer', title: t('discharge.taxpayer') },
                { accessor: 'revenue', title: t('discharge.revenue'), render: (x) => x.revenue.toUpperCase() },
                { accessor: 'taxYear', title: t('discharge.year') },
                { accessor: 'state', title: t('discharge.state'), render: (x) => te('dischargeState', x.state) },
                { accessor: 'reason', title: t('discharge.reason'), render: (x) => te('dischargeReason', x.reason) },
                { accessor: 'loaded', title: t('discharge.loaded'), textAlign: 'right', render: (x) => <Money amount={x.loaded} currency={x.currency} /> },
                { accessor: 'collected', title: t('discharge.collected'), textAlign: 'right', render: (x) => <Money amount={x.collected} currency={x.currency} /> },
                { accessor: 'annulled', title: t('discharge.annulled'), textAlign: 'right', render: (x) => <Money amount={x.annulled} currency={x.currency} /> },
                { accessor: 'residual', title: t('discharge.residual'), textAlign: 'right', render: (x) => <Money amount={x.residual} currency={x.currency} /> },
              ]}
            />
          </>
        ) : null}
        <Card withBorder>
          <Title order={4} mb="sm">{t('discharge.issuedTitle')}</Title>
          <DataTable
            records={issued.data?.items ?? []}
            fetching={issued.isFetching}
            noRecordsText={t('discharge.noneIssued')}
            minHeight={120}
            data-testid="discharge-issued"
            columns={[
              { accessor: 'issuedAt', title: t('discharge.issuedAt'), render: (x) => dateTime(x.issuedAt) },
              { accessor: 'asOf', title: t('discharge.asOf'), render: (x) => date(x.asOf) },
              { accessor: 'format', title: t('discharge.format'), render: (x) => x.format.toUpperCase() },
              { accessor: 'positions', title: t('discharge.positions') },
              { accessor: 'issuedBy', title: t('discharge.issuedBy') },
              { accessor: 'sha256', title: 'SHA-256', render: (x) => <Text ff="monospace" size="xs">{x.sha256.slice(0, 16)}…</Text> },
              { accessor: 'id', title: '', render: (x) => <Anchor href={issuedDischargeUrl(x.id)}>{t('discharge.downloadIssued')}</Anchor> },
            ]}
          />
        </Card>
      </Stack>
    </>
  );
}
