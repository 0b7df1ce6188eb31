import { Anchor, Badge, Button, Card, FileInput, Group, Select, Stack, Text } from '@mantine/core';
import { DataTable } from 'mantine-datatable';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useCreditorOptions, useImports, useUploadImport } from '../api/hooks';
import { useCan } from '../auth/session';
import { ErrorAlert, PageHeader } from '../components/ui';
import { PAGE_SIZES, useListState } from '../components/useListState';
import { useI18n } from '../i18n';
import { usePagerText } from '../components/pager';

const STATUS_COLOR: Record<string, string> = { uploaded: 'gray', queued: 'blue', validating: 'blue', importing: 'blue', done: 'green', failed: 'red' };

export function ImportStatusBadge({ status }: { status: string }) {
  const { te } = useI18n();
  return (
    <Badge color={STATUS_COLOR[status] ?? 'gray'} variant="light" data-testid="import-status">
      {te('importStatus', status)}
    </Badge>
  );
}

/** The list of imports, and the upload that starts a new one. */
export default function ImportsPage() {
  const { t, number, dateTime } = useI18n();
  const pager = usePagerText();
  const canImport = useCan('import');
  const list = useListState({ sort: 'createdAt', order: 'desc' }, [] as const);
  const query = useImports({ page: list.page, pageSize: list.pageSize });
  return (
    <>
      <PageHeader title={t('imports.title')} subtitle={t('imports.subtitle')} />
      {canImport && <UploadCard />}
      {query.error && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      <DataTable
        {...pager.withSizes}
        withTableBorder
        borderRadius="md"
        striped
        minHeight={160}
        data-testid="imports-table"
        records={query.data?.items ?? []}
        totalRecords={query.data?.total ?? 0}
        page={list.page}
        onPageChange={list.setPage}
        recordsPerPage={list.pageSize}
        recordsPerPageOptions={PAGE_SIZES}
        onRecordsPerPageChange={list.setPageSize}
        fetching={query.isFetching}
        noRecordsText={t('imports.none')}
        columns={[
          {
            accessor: 'fileName',
            title: t('imports.col.file'),
            render: (j) => (
              <Anchor component={Link} to={`/imports/${j.id}`} data-testid="import-link">
                {j.fileName}
              </Anchor>
            ),
          },
          { accessor: 'creditorName', title: t('imports.creditor') },
          { accessor: 'status', title: t('imports.col.status'), render: (j) => <ImportStatusBadge status={j.status} /> },
          { accessor: 'rowsRead', title: t('imports.col.rows'), textAlign: 'right', render: (j) => number(j.rowsRead) },
          { accessor: 'imported', title: t('imports.col.imported'), textAlign: 'right', render: (j) => number(j.imported) },
          { accessor: 'updated', title: t('imports.col.updated'), textAlign: 'right', render: (j) => number(j.updated) },
          { accessor: 'rejected', title: t('imports.col.rejected'), textAlign: 'right', render: (j) => number(j.rejected) },
          { accessor: 'createdAt', title: t('imports.col.date'), render: (j) => dateTime(j.createdAt) },
        ]}
      />
    </>
  );
}

function UploadCard() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const creditors = useCreditorOptions();
  const upload = useUploadImport();
  const [creditorId, setCreditorId] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  return (
    <Card withBorder padding="lg" radius="md" mb="md">
      <Stack gap="sm">
        <Text fw={600}>{t('imports.upload')}</Text>
        {upload.error && <ErrorAlert error={upload.error} />}
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select
            label={t('imports.creditor')}
            w={280}
            searchable
            data={(creditors.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
            value={creditorId}
            onChange={setCreditorId}
            data-testid="import-creditor"
          />
          <FileInput
            label={t('imports.file')}
            w={320}
            accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={setFile}
            clearable
            data-testid="import-file"
          />
          <Button
            disabled={!creditorId || !file}
            loading={upload.isPending}
            data-testid="import-upload"
            onClick={() =>
              upload.mutate({ creditorId: creditorId!, file: file! }, { onSuccess: (job) => void navigate(`/imports/${job.id}`) })
            }
          >
            {t('imports.uploadButton')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
