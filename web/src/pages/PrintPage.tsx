import { Anchor, Badge, Button, Card, Checkbox, Group, Select, Stack, Text, Title } from '@mantine/core';
import { DataTable } from 'mantine-datatable';
import { useState } from 'react';
import { Link } from 'react-router';
import { printBatchUrl, useCreatePrintBatch, usePrintBatches, usePrintQueue } from '../api/communication-hooks';
import { useCreditorOptions } from '../api/hooks';
import { useCan } from '../auth/session';
import { notifySaved } from '../components/forms';
import { ErrorAlert, Money, PageHeader } from '../components/ui';
import { PAGE_SIZES } from '../components/useListState';
import { useI18n } from '../i18n';
import { ShortHash } from './communications/labels';
import { usePagerText } from '../components/pager';

/**
 * Letters for the post: those waiting to be printed and the print batches made of them — one merged
 * PDF for a print-and-post service and its CSV manifest, both downloaded exactly as stored.
 */
export default function PrintPage() {
  const { t } = useI18n();
  const canCreate = useCan('communication');
  return (
    <>
      <PageHeader title={t('print.title')} subtitle={t('print.subtitle')} />
      <Stack gap="xl">
        <Queue canCreate={canCreate} />
        <Batches />
      </Stack>
    </>
  );
}

function Queue({ canCreate }: { canCreate: boolean }) {
  const { t, te, date, number } = useI18n();
  const pager = usePagerText();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(25);
  const queue = usePrintQueue({ page, pageSize });
  const creditors = useCreditorOptions();
  const create = useCreatePrintBatch();
  const [creditorId, setCreditorId] = useState<string | null>(null);
  const [duplex, setDuplex] = useState(false);
  const waiting = queue.data?.total ?? 0;
  return (
    <Stack gap="sm">
      <Title order={4}>{t('print.queue', { count: number(waiting) })}</Title>
      {canCreate && (
        <Card withBorder radius="md" padding="md">
          <Stack gap="sm">
            {create.error && <ErrorAlert error={create.error} />}
            <Group align="flex-end" gap="sm" wrap="wrap">
              <Select
                label={t('print.creditor')}
                placeholder={t('print.allCreditors')}
                clearable
                searchable
                w={280}
                data={(creditors.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
                value={creditorId}
                onChange={setCreditorId}
                data-testid="print-creditor"
              />
              <Checkbox label={t('print.duplex')} checked={duplex} onChange={(e) => setDuplex(e.currentTarget.checked)} mb={8} />
              <Button
                loading={create.isPending}
                disabled={waiting === 0}
                data-testid="create-print-batch"
                onClick={() =>
                  create.mutate(
                    { duplex, ...(creditorId ? { creditorId } : {}) },
                    { onSuccess: (b) => notifySaved(t('print.created', { ref: b.refNo, letters: b.letters, pages: b.pages })) },
                  )
                }
              >
                {t('print.create')}
              </Button>
            </Group>
            <Text size="xs" c="dimmed">
              {t('print.hint')}
            </Text>
          </Stack>
        </Card>
      )}
      {queue.error && <ErrorAlert error={queue.error} onRetry={() => void queue.refetch()} />}
      <DataTable
        {...pager.withSizes}
        withTableBorder
        borderRadius="md"
        striped
        minHeight={140}
        data-testid="print-queue"
        records={queue.data?.items ?? []}
        totalRecords={waiting}
        page={page}
        onPageChange={setPage}
        recordsPerPage={pageSize}
        recordsPerPageOptions={PAGE_SIZES}
        onRecordsPerPageChange={(n) => {
          setPageSize(n);
          setPage(1);
        }}
        fetching={queue.isFetching}
        noRecordsText={t('print.queueEmpty')}
        columns={[
          { accessor: 'runDate', title: t('print.date'), render: (l) => date(l.runDate) },
          {
            accessor: 'debtorName',
            title: t('print.debtor'),
            render: (l) => (
              <Anchor component={Link} to={l.kind === 'guarantor_letter' ? '/guarantees' : `/debtors/${l.debtorId}?tab=communications`} size="sm">
                {l.debtorName}
              </Anchor>
            ),
          },
          { accessor: 'recipient', title: t('print.address') },
          { accessor: 'creditorName', title: t('print.creditor') },
          {
            accessor: 'channel',
            title: t('print.channel'),
            render: (l) => (
              <Group gap={6} wrap="nowrap">
                {te('dunningChannel', l.channel)}
                {l.kind === 'guarantor_letter' && (
                  <Badge size="sm" variant="light" color="grape" title={t('print.guarantorLetterHint')}>
                    {t('print.guarantorLetter')}
                  </Badge>
                )}
              </Group>
            ),
          },
          { accessor: 'amount', title: t('print.amount'), textAlign: 'right', render: (l) => <Money amount={l.amount} currency={l.currency} /> },
          {
            accessor: 'printable',
            title: '',
            render: (l) =>
              l.printable ? null : (
                <Badge color="red" variant="light" title={t('print.notPrintableHint')}>
                  {t('print.notPrintable')}
                </Badge>
              ),
          },
        ]}
      />
    </Stack>
  );
}

function Batches() {
  const { t, dateTime, number } = useI18n();
  const pager = usePagerText();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const batches = usePrintBatches({ page, pageSize });
  return (
    <Stack gap="sm">
      <Title order={4}>{t('print.batches')}</Title>
      {batches.error && <ErrorAlert error={batches.error} onRetry={() => void batches.refetch()} />}
      <DataTable
        {...pager.withSizes}
        withTableBorder
        borderRadius="md"
        striped
        minHeight={140}
        data-testid="print-batches"
        records={batches.data?.items ?? []}
        totalRecords={batches.data?.total ?? 0}
        page={page}
        onPageChange={setPage}
        recordsPerPage={pageSize}
        recordsPerPageOptions={PAGE_SIZES}
        onRecordsPerPageChange={(n) => {
          setPageSize(n);
          setPage(1);
        }}
        fetching={batches.isFetching}
        noRecordsText={t('print.batchesEmpty')}
        columns={[
          { accessor: 'refNo', title: t('print.batch'), render: (b) => `#${b.refNo}` },
          { accessor: 'createdAt', title: t('print.createdAt'), render: (b) => dateTime(b.createdAt) },
          { accessor: 'letters', title: t('print.letters'), textAlign: 'right', render: (b) => number(b.letters) },
          { accessor: 'pages', title: t('print.pages'), textAlign: 'right', render: (b) => number(b.pages) },
          { accessor: 'duplex', title: t('print.duplexShort'), render: (b) => t(b.duplex ? 'common.yes' : 'common.no') },
          { accessor: 'createdBy', title: t('print.createdBy') },
          { accessor: 'pdfSha256', title: t('communication.sha256'), render: (b) => <ShortHash hash={b.pdfSha256} /> },
          {
            accessor: 'id',
            title: t('print.files'),
            render: (b) => (
              <Group gap={6} wrap="nowrap">
                <Button component="a" href={printBatchUrl(b.id, 'pdf')} download size="compact-xs" variant="light" data-testid="print-batch-pdf">
                  PDF
                </Button>
                <Button component="a" href={printBatchUrl(b.id, 'manifest')} download size="compact-xs" variant="light" data-testid="print-batch-manifest">
                  {t('print.manifest')}
                </Button>
              </Group>
            ),
          },
        ]}
      />
    </Stack>
  );
}
