import { Alert, Anchor, Button, Card, Grid, Group, List, Progress, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { IMPORT_FIELDS, missingFields, NAME_FIELDS, type ImportField } from '../../../src/domain/import/fields';
import { useCorrectReject, useImport, useImportPreview, useImportRejects, useImportReport, useImportReviews, useResolveReview, useStartImport } from '../api/hooks';
import { useCan } from '../auth/session';
import { applyServerErrors, notifySaved } from '../components/forms';
import { ErrorAlert, PageHeader, QueryState } from '../components/ui';
import { useI18n } from '../i18n';
import { ImportStatusBadge } from './ImportsPage';

type Job = NonNullable<ReturnType<typeof useImport>['data']>;
type DryRunReject = { line: number; problems: { column: string | null; message: string }[] };
type DryRunSummary = { rejected: number; rejects?: DryRunReject[] };

/** The rows a dry run would reject, with their reasons (the server lists the first 500). */
function DryRunRejects({ rejects, total }: { rejects: DryRunReject[]; total: number }) {
  const { t } = useI18n();
  return (
    <Table.ScrollContainer minWidth={500} mt="sm">
      <Text size="sm" fw={600} mb={4}>
        {t('importDry.rejectsTitle')}
      </Text>
      <Table striped data-testid="dry-run-rejects">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>{t('import.line')}</Table.Th>
            <Table.Th>{t('import.problems')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rejects.map((r) => (
            <Table.Tr key={r.line} data-testid="dry-run-reject">
              <Table.Td>{r.line}</Table.Td>
              <Table.Td>
                {r.problems.map((p, i) => (
                  <Text size="sm" key={i}>
                    {p.column ? <strong>{p.column}: </strong> : null}
                    {p.message}
                  </Text>
                ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {total > rejects.length && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('importDry.more', { shown: rejects.length, total })}
        </Text>
      )}
    </Table.ScrollContainer>
  );
}

export default function ImportPage() {
  const { id = '' } = useParams();
  const job = useImport(id);
  return <QueryState query={job}>{(j) => <ImportView job={j} />}</QueryState>;
}

function ImportView({ job }: { job: Job }) {
  const { t, number } = useI18n();
  const running = job.status === 'queued' || job.status === 'validating' || job.status === 'importing';
  return (
    <>
      <PageHeader
        title={job.fileName}
        back={{ to: '/imports', label: t('imports.title') }}
        subtitle={`${t('imports.creditor')}: ${job.creditorName}`}
        badges={<ImportStatusBadge status={job.status} />}
      />
      {job.status === 'uploaded' && <MappingPanel job={job} />}
      {running && (
        <Card withBorder padding="lg" radius="md" mb="md">
          <Text mb="xs">{t('import.running', { line: number(job.lastLine) })}</Text>
          <Progress value={100} animated />
        </Card>
      )}
      {job.status === 'failed' && (
        <Alert color="red" title={t('import.failed')} mb="md" data-testid="import-error">
          {job.error}
        </Alert>
      )}
      {(job.status === 'done' || running || job.rowsRead > 0) && <Counts job={job} />}
      {job.status === 'done' && (
        <>
          <ReportPanel job={job} />
          <ReviewsPanel job={job} />
          <RejectsPanel job={job} />
        </>
      )}
    </>
  );
}

function Counts({ job }: { job: Job }) {
  const { t, number } = useI18n();
  const items: [string, number, string][] = [
    [t('imports.col.rows'), job.rowsRead, 'rows'],
    [t('imports.col.imported'), job.imported, 'imported'],
    [t('imports.col.updated'), job.updated, 'updated'],
    [t('imports.col.unchanged'), job.unchanged, 'unchanged'],
    [t('imports.col.rejected'), job.rejected, 'rejected'],
    [t('import.debtorsCreated'), job.debtorsCreated, 'debtors-created'],
    [t('import.debtorsMatched'), job.debtorsMatched, 'debtors-matched'],
  ];
  return (
    <Card withBorder padding="lg" radius="md" mb="md">
      <SimpleGrid cols={{ base: 2, sm: 4, md: 7 }}>
        {items.map(([label, value, id]) => (
          <Stack gap={0} key={id}>
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text fw={700} size="xl" data-testid={`count-${id}`}>
              {number(value)}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
      {job.warnings.length > 0 && (
        <Stack gap={4} mt="md">
          <Text size="sm" fw={600}>
            {t('import.warnings')}
          </Text>
          <List size="xs" spacing={2}>
            {job.warnings.slice(0, 20).map((w, i) => (
              <List.Item key={i}>{w}</List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Card>
  );
}

/** Preview, column mapping (suggested from the headers), dry run and start. */
function MappingPanel({ job }: { job: Job }) {
  const { t } = useI18n();
  const canImport = useCan('import');
  const preview = useImportPreview(job.id, true);
  const start = useStartImport(job.id);
  const [mapping, setMapping] = useState<Partial<Record<ImportField, string>>>({});
  const [decimal, setDecimal] = useState<'auto' | ',' | '.'>('auto');
  const [saveAs, setSaveAs] = useState('');
  const [dry, setDry] = useState<DryRunSummary | null>(null);
  const [unmatched, setUnmatched] = useState<string[]>([]);
  useEffect(() => {
    if (preview.data) setMapping(preview.data.suggested as Partial<Record<ImportField, string>>);
  }, [preview.data]);
  const used = useMemo(() => new Set(Object.values(mapping)), [mapping]);
  // A comune's list may have components instead of an amount, and no document number (the reference is
  // then built from the taxpayer, revenue, year and act): the domain says what is still missing.
  const missing = [...missingFields((f) => Boolean(mapping[f])), ...(NAME_FIELDS.some((f) => mapping[f]) ? [] : ['debtorName' as const])];
  const body = (dryRun: boolean) => ({
    mapping: Object.fromEntries(Object.entries(mapping).filter(([, h]) => h)) as Record<string, string>,
    options: { decimal },
    dryRun,
    ...(saveAs.trim() && !dryRun ? { saveMappingAs: saveAs.trim() } : {}),
  });
  // Errors of the mapping have no form input: they are all listed above the buttons.
  const fake = { getValues: () => ({}), setErrors: () => undefined } as never;

  return (
    <QueryState query={preview}>
      {(p) => (
        <Stack gap="md" mb="md">
          <Card withBorder padding="lg" radius="md">
            <Title order={5} mb={4}>
              {t('import.preview')}
            </Title>
            <Text size="xs" c="dimmed" mb="sm" data-testid="import-detected">
              {t('import.detected', { format: p.format.toUpperCase(), encoding: p.encoding ?? '—', delimiter: p.delimiter === '\t' ? 'TAB' : (p.delimiter ?? '—') })}
            </Text>
            <Table.ScrollContainer minWidth={600}>
              <Table striped withTableBorder fz="xs" data-testid="import-preview">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('import.line')}</Table.Th>
                    {p.headers.map((h, i) => (
                      <Table.Th key={i}>{h}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {p.rows.map((r) => (
                    <Table.Tr key={r.line}>
                      <Table.Td>{r.line}</Table.Td>
                      {r.cells ? (
                        p.headers.map((_, i) => <Table.Td key={i}>{r.cells![i] ?? ''}</Table.Td>)
                      ) : (
                        <Table.Td colSpan={p.headers.length} c="red">
                          {r.problem}
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>

          <Card withBorder padding="lg" radius="md">
            <Title order={5} mb={4}>
              {t('import.mapping')}
            </Title>
            <Text size="sm" c="dimmed" mb="md">
              {t('import.mappingHint')}
            </Text>
            {p.presets.length > 0 && (
              <Select
                label={t('import.preset')}
                w={320}
                mb="md"
                data={p.presets.map((x) => x.name)}
                onChange={(name) => {
                  const preset = p.presets.find((x) => x.name === name);
                  if (preset) setMapping(preset.mapping as Partial<Record<ImportField, string>>);
                }}
              />
            )}
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm" data-testid="import-mapping">
              {IMPORT_FIELDS.map((f) => (
                <Select
                  key={f.name}
                  label={t(`importField.${f.name}` as never)}
                  withAsterisk={f.required}
                  description={p.confidence[f.name] === 'likely' ? t('import.likely') : undefined}
                  clearable
                  placeholder={t('import.notMapped')}
                  data={p.headers.map((h) => ({ value: h, label: h, disabled: used.has(h) && mapping[f.name as ImportField] !== h }))}
                  value={mapping[f.name as ImportField] ?? null}
                  onChange={(v) => setMapping((m) => ({ ...m, [f.name]: v ?? undefined }))}
                  data-testid={`map-${f.name}`}
                />
              ))}
            </SimpleGrid>
            <Grid mt="md" align="flex-end">
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <Select
                  label={t('import.decimal')}
                  allowDeselect={false}
                  data={[
                    { value: 'auto', label: t('import.decimalAuto') },
                    { value: ',', label: t('import.decimalComma') },
                    { value: '.', label: t('import.decimalPoint') },
                  ]}
                  value={decimal}
                  onChange={(v) => setDecimal((v ?? 'auto') as 'auto' | ',' | '.')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <TextInput label={t('import.saveMappingAs')} value={saveAs} onChange={(e) => setSaveAs(e.currentTarget.value)} />
              </Grid.Col>
            </Grid>
            {missing.length > 0 && (
              <Alert color="yellow" mt="md" variant="light">
                {missing.map((f) => t(`importField.${f}` as never)).join(', ')}
              </Alert>
            )}
            {start.error && (
              <div style={{ marginTop: 12 }}>
                <ErrorAlert error={start.error} extra={unmatched} />
              </div>
            )}
            {dry && (
              <Alert color="blue" mt="md" variant="light" data-testid="dry-run-result">
                {t('import.dryRunResult', dry as unknown as Record<string, number>)}
              </Alert>
            )}
            {dry && dry.rejects && dry.rejects.length > 0 && <DryRunRejects rejects={dry.rejects} total={dry.rejected} />}
            {canImport && (
              <Group justify="flex-end" mt="md">
                <Button
                  variant="default"
                  disabled={missing.length > 0}
                  loading={start.isPending && start.variables?.dryRun === true}
                  data-testid="import-dry-run"
                  onClick={() =>
                    start.mutate(body(true), {
                      onSuccess: (r) => setDry(r as unknown as DryRunSummary),
                      onError: (e) => setUnmatched(applyServerErrors(fake, e)),
                    })
                  }
                >
                  {t('import.dryRun')}
                </Button>
                <Button
                  disabled={missing.length > 0}
                  loading={start.isPending && start.variables?.dryRun === false}
                  data-testid="import-start"
                  onClick={() => start.mutate(body(false), { onError: (e) => setUnmatched(applyServerErrors(fake, e)) })}
                >
                  {t('import.start')}
                </Button>
              </Group>
            )}
          </Card>
        </Stack>
      )}
    </QueryState>
  );
}

const REPORT_LISTS = ['unreachable', 'duplicates', 'flags', 'time_barred', 'reviews'] as const;

function ReportPanel({ job }: { job: Job }) {
  const { t, number, locale } = useI18n();
  const report = useImportReport(job.id, true);
  const value = (list: (typeof REPORT_LISTS)[number]) => {
    const r = report.data;
    if (!r) return 0;
    return list === 'unreachable'
      ? r.unreachable
      : list === 'duplicates'
        ? r.duplicateTaxIds
        : list === 'flags'
          ? r.deceased + r.ceased
          : list === 'time_barred'
            ? r.timeBarred
            : r.reviews;
  };
  return (
    <Card withBorder padding="lg" radius="md" mb="md">
      <Group justify="space-between" mb="sm">
        <Title order={5}>{t('import.report')}</Title>
        <Button component={Link} to={`/skip-tracing?importJobId=${job.id}`} variant="light" size="xs" data-testid="open-skip-tracing">
          {t('import.openSkipTracing')}
        </Button>
      </Group>
      <Table data-testid="import-report">
        <Table.Tbody>
          {REPORT_LISTS.map((list) => (
            <Table.Tr key={list}>
              <Table.Td>{t(`report.${list}`)}</Table.Td>
              <Table.Td ta="right" fw={600} data-testid={`report-${list}`}>
                {number(value(list))}
              </Table.Td>
              <Table.Td ta="right" w={80}>
                <Anchor href={`/api/imports/${job.id}/report.csv?list=${list}&lang=${locale}`} size="sm">
                  {t('import.reportCsv')}
                </Anchor>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

function RejectsPanel({ job }: { job: Job }) {
  const { t, locale } = useI18n();
  const canImport = useCan('import');
  const [page, setPage] = useState(1);
  const rejects = useImportRejects(job.id, page, true);
  const [editing, setEditing] = useState<number | null>(null);
  return (
    <Card withBorder padding="lg" radius="md" mb="md">
      <Group justify="space-between" mb="sm">
        <Title order={5}>{t('import.rejects')}</Title>
        {job.rejected > 0 && (
          <Button component="a" href={`/api/imports/${job.id}/rejects.csv?lang=${locale}`} variant="light" size="xs" data-testid="rejects-csv">
            {t('import.rejectsCsv')}
          </Button>
        )}
      </Group>
      {rejects.error && <ErrorAlert error={rejects.error} />}
      {rejects.data && rejects.data.items.length === 0 ? (
        <Text c="dimmed">{t('import.rejectsNone')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table striped data-testid="rejects-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>{t('import.line')}</Table.Th>
                <Table.Th>{t('import.problems')}</Table.Th>
                <Table.Th w={120} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(rejects.data?.items ?? []).map((r) => (
                <Table.Tr key={r.line} data-testid="reject-row">
                  <Table.Td>{r.line}</Table.Td>
                  <Table.Td>
                    {r.problems.map((p, i) => (
                      <Text size="sm" key={i}>
                        {p.column ? <strong>{p.column}: </strong> : null}
                        {p.message}
                      </Text>
                    ))}
                    {editing === r.line && job.headers && (
                      <CorrectForm jobId={job.id} line={r.line} headers={job.headers} cells={r.cells} onDone={() => setEditing(null)} />
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    {canImport && editing !== r.line && job.headers && Object.keys(r.cells).length > 0 && (
                      <Button size="xs" variant="subtle" onClick={() => setEditing(r.line)}>
                        {t('import.correct')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {rejects.data && rejects.data.total > rejects.data.pageSize && (
        <Group justify="flex-end" mt="sm" gap="xs">
          <Button size="xs" variant="default" disabled={page === 1} onClick={() => setPage((x) => x - 1)}>
            ←
          </Button>
          <Button size="xs" variant="default" disabled={page * rejects.data.pageSize >= rejects.data.total} onClick={() => setPage((x) => x + 1)}>
            →
          </Button>
        </Group>
      )}
    </Card>
  );
}

function CorrectForm(props: { jobId: string; line: number; headers: string[]; cells: Record<string, string>; onDone: () => void }) {
  const { t } = useI18n();
  const correct = useCorrectReject(props.jobId);
  const [cells, setCells] = useState<Record<string, string>>(props.cells);
  return (
    <Stack gap="xs" mt="sm" p="sm" bg="gray.0" style={{ borderRadius: 8 }}>
      {correct.error && <ErrorAlert error={correct.error} />}
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        {props.headers.map((h) => (
          <TextInput key={h} size="xs" label={h} value={cells[h] ?? ''} onChange={(e) => setCells((c) => ({ ...c, [h]: e.currentTarget.value }))} />
        ))}
      </SimpleGrid>
      <Group justify="flex-end" gap="xs">
        <Button size="xs" variant="default" onClick={props.onDone}>
          {t('common.cancel')}
        </Button>
        <Button
          size="xs"
          loading={correct.isPending}
          onClick={() =>
            correct.mutate(
              { line: props.line, cells },
              {
                onSuccess: () => {
                  notifySaved(t('import.corrected'));
                  props.onDone();
                },
              },
            )
          }
        >
          {t('import.reimport')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Uncertain matches (same name, no tax id, another address): a supervisor merges or keeps them apart. */
function ReviewsPanel({ job }: { job: Job }) {
  const { t } = useI18n();
  const canImport = useCan('import');
  const reviews = useImportReviews(job.id, true);
  const resolve = useResolveReview(job.id);
  const open = (reviews.data ?? []).filter((r) => r.status === 'open');
  if (open.length === 0) return null;
  return (
    <Card withBorder padding="lg" radius="md" mb="md">
      <Title order={5} mb="sm">
        {t('report.reviews')}
      </Title>
      {resolve.error && <ErrorAlert error={resolve.error} />}
      <Table striped data-testid="reviews-table">
        <Table.Tbody>
          {open.map((r) => (
            <Table.Tr key={r.reviewId}>
              <Table.Td w={70}>{r.line}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/debtors/${r.debtorId}`}>
                  {r.debtor}
                </Anchor>
                {' ↔ '}
                <Anchor component={Link} to={`/debtors/${r.candidateId}`}>
                  {r.candidate}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {r.reason}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                {canImport && (
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button size="xs" variant="light" onClick={() => resolve.mutate({ reviewId: r.reviewId!, decision: 'merge' })}>
                      {t('review.merge')}
                    </Button>
                    <Button size="xs" variant="default" onClick={() => resolve.mutate({ reviewId: r.reviewId!, decision: 'keep_separate' })}>
                      {t('review.keep')}
                    </Button>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
