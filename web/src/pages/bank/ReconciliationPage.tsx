import { Alert, Badge, Button, FileButton, Group, Loader, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { DataTable } from 'mantine-datatable';
import { useState } from 'react';
import { useAssignBankEntry, useBankEntries, useBankFile, useBankFiles, useIgnoreBankEntry, useUploadBankFile, type BankEntry } from '../../api/bank-hooks';
import { useCan } from '../../auth/session';
import { usePagerText } from '../../components/pager';
import { DateText, ErrorAlert, Money, PageHeader } from '../../components/ui';
import { PAGE_SIZES, useListState } from '../../components/useListState';
import { useI18n } from '../../i18n';
import { AssignEntryModal, type AssignMode } from './AssignEntryModal';

type State = 'to_reconcile' | 'matched' | 'ignored';

/**
 * Riconciliazione (issue 15): upload a camt.053 / camt.054 file — stored at once and placed by a
 * job, its progress shown while it runs; what a reference, notice code or document number matched is booked, the rest waits here with the reason and the debtors the
 * payer's IBAN or name suggests — a person assigns it (it becomes a payment) or sets it aside.
 */
export default function ReconciliationPage() {
  const { t, number } = useI18n();
  const pager = usePagerText();
  const mayWrite = useCan('payment');
  const [state, setState] = useState<State>('to_reconcile');
  const list = useListState({ sort: 'date', order: 'desc' }, [] as const);
  const query = useBankEntries({ state, page: list.page, pageSize: list.pageSize });
  const upload = useUploadBankFile();
  const assign = useAssignBankEntry();
  const ignore = useIgnoreBankEntry();
  // The file last uploaded: stored at once, placed by a job; its state and counts are polled while it runs.
  const [uploadedId, setUploadedId] = useState<string | null>(null);
  const uploaded = useBankFile(uploadedId);
  const summary = uploadedId ? uploaded.data : undefined;
  // Files still being placed (uploaded earlier, or by someone else): shown with their counts so far.
  const files = useBankFiles();
  const working = (files.data ?? []).filter((f) => (f.status === 'queued' || f.status === 'running') && f.id !== uploadedId);
  const [ignoring, setIgnoring] = useState<BankEntry | null>(null);
  const [reason, setReason] = useState('');
  const [assigning, setAssigning] = useState<{ entry: BankEntry; mode: AssignMode } | null>(null);

  return (
    <>
      <PageHeader
        title={t('bank.title')}
        subtitle={t('bank.subtitle')}
        actions={
          mayWrite ? (
            <FileButton onChange={(f) => f && upload.mutate(f, { onSuccess: (file) => setUploadedId(file.id) })} accept=".xml,application/xml,text/xml">
              {(props) => (
                <Button {...props} loading={upload.isPending} data-testid="bank-upload">
                  {t('bank.upload')}
                </Button>
              )}
            </FileButton>
          ) : undefined
        }
      />
      {upload.error && <ErrorAlert error={upload.error} />}
      {summary && (
        <Alert
          color={summary.status === 'done' ? 'teal' : summary.status === 'failed' ? 'red' : 'blue'}
          mb="md"
          withCloseButton
          onClose={() => setUploadedId(null)}
          data-testid="bank-summary"
          data-status={summary.status}
        >
          {summary.status === 'queued' || summary.status === 'running' ? (
            <Group gap="xs">
              <Loader size="xs" />
              <Text size="sm">
                {summary.status === 'queued'
                  ? t('bankjob.queued', { file: summary.fileName })
                  : t('bankjob.running', { file: summary.fileName, entries: number(summary.entries), matched: number(summary.matched), toReconcile: number(summary.toReconcile) })}
              </Text>
            </Group>
          ) : (
            <Text size="sm">
              {t('bank.summary', {
                file: summary.fileName,
                entries: number(summary.entries),
                matched: number(summary.matched),
                toReconcile: number(summary.toReconcile),
                alreadyRecorded: number(summary.alreadyRecorded),
                notBooked: number(summary.notBooked),
              })}
            </Text>
          )}
          {summary.error && <Text size="sm">{summary.error}</Text>}
          {summary.problemItems.slice(0, 5).map((p) => (
            <Text size="xs" key={p.index}>
              {t('bank.problem', { index: p.index, problem: p.message })}
            </Text>
          ))}
        </Alert>
      )}
      {working.map((f) => (
        <Alert key={f.id} color="blue" mb="xs" data-testid="bank-working" data-status={f.status}>
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm">
              {f.status === 'queued'
                ? t('bankjob.queued', { file: f.fileName })
                : t('bankjob.running', { file: f.fileName, entries: number(f.entries), matched: number(f.matched), toReconcile: number(f.toReconcile) })}
            </Text>
          </Group>
        </Alert>
      ))}
      {uploaded.error && <ErrorAlert error={uploaded.error} onRetry={() => void uploaded.refetch()} />}
      <SegmentedControl
        mb="sm"
        value={state}
        onChange={(v) => {
          setState(v as State);
          list.setPage(1);
        }}
        data={[
          { value: 'to_reconcile', label: t('bank.state.to_reconcile') },
          { value: 'matched', label: t('bank.state.matched') },
          { value: 'ignored', label: t('bank.state.ignored') },
        ]}
        data-testid="bank-state"
      />
      {query.error && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {(assign.error ?? ignore.error) && <ErrorAlert error={assign.error ?? ignore.error} />}
      <DataTable
        {...pager.withSizes}
        withTableBorder
        borderRadius="md"
        striped
        minHeight={160}
        data-testid="bank-entries"
        records={query.data?.items ?? []}
        totalRecords={query.data?.total ?? 0}
        page={list.page}
        onPageChange={list.setPage}
        recordsPerPage={list.pageSize}
        recordsPerPageOptions={PAGE_SIZES}
        onRecordsPerPageChange={list.setPageSize}
        fetching={query.isFetching}
        noRecordsText={t('bank.none')}
        columns={[
          { accessor: 'valueDate', title: t('bank.col.date'), render: (e) => <DateText value={e.valueDate ?? e.bookingDate} /> },
          {
            accessor: 'amount',
            title: t('bank.col.amount'),
            textAlign: 'right',
            render: (e) => (
              <Group gap={4} justify="flex-end" wrap="nowrap">
                {e.direction === 'debit' && <Badge color="red" size="xs">{t('bank.debit')}</Badge>}
                <Money amount={e.amount} currency={e.currency} />
              </Group>
            ),
          },
          {
            accessor: 'partyName',
            title: t('bank.col.payer'),
            render: (e) => (
              <Stack gap={0}>
                <Text size="sm">{e.partyName ?? '—'}</Text>
                {e.partyIban && (
                  <Text size="xs" c="dimmed">
                    {e.partyIban}
                  </Text>
                )}
              </Stack>
            ),
          },
          { accessor: 'remittance', title: t('bank.col.remittance'), render: (e) => <Text size="sm">{[...e.references, e.remittance].filter(Boolean).join(' · ') || '—'}</Text> },
          {
            accessor: 'reason',
            title: state === 'matched' ? t('bank.col.matchedBy') : t('bank.col.reason'),
            render: (e) =>
              state === 'matched' ? (
                <Text size="sm">{e.matchedBy ? t(`bank.matchedBy.${e.matchedBy}` as 'bank.matchedBy.reference') : '—'}</Text>
              ) : (
                <Text size="sm" data-testid="bank-reason">
                  {e.reason ?? '—'}
                </Text>
              ),
          },
          {
            accessor: 'actions',
            title: '',
            render: (e) =>
              state === 'to_reconcile' && mayWrite ? (
                <Stack gap={4}>
                  {e.direction === 'credit' &&
                    e.suggestions.map((s) => (
                      <Button
                        key={`${s.debtorId}|${s.creditorId ?? ''}`}
                        size="compact-xs"
                        variant="light"
                        disabled={!s.creditorId}
                        loading={assign.isPending && assign.variables?.id === e.id}
                        onClick={() => s.creditorId && assign.mutate({ id: e.id, body: { debtorId: s.debtorId, creditorId: s.creditorId, claimIds: s.claimIds } })}
                        data-testid="bank-assign"
                      >
                        {t('bank.assignTo', { debtor: s.debtorName, creditor: s.creditorName ?? '—' })}
                      </Button>
                    ))}
                  {e.direction === 'credit' && (
                    <Group gap={4} wrap="nowrap">
                      <Button size="compact-xs" variant="light" color="gray" onClick={() => setAssigning({ entry: e, mode: 'manual' })} data-testid="bank-manual">
                        {t('bank.manual')}
                      </Button>
                      <Button size="compact-xs" variant="light" color="gray" onClick={() => setAssigning({ entry: e, mode: 'split' })} data-testid="bank-split">
                        {t('bank.split')}
                      </Button>
                    </Group>
                  )}
                  <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setIgnoring(e)} data-testid="bank-ignore">
                    {t('bank.ignore')}
                  </Button>
                </Stack>
              ) : e.paymentId ? (
                <Text size="xs" c="dimmed">
                  {t('bank.booked')}
                </Text>
              ) : null,
          },
        ]}
      />
      {assigning && <AssignEntryModal key={`${assigning.entry.id}:${assigning.mode}`} entry={assigning.entry} mode={assigning.mode} onClose={() => setAssigning(null)} />}
      <Modal opened={ignoring !== null} onClose={() => setIgnoring(null)} title={t('bank.ignoreTitle')}>
        <Stack>
          <TextInput label={t('bank.ignoreReason')} value={reason} onChange={(ev) => setReason(ev.currentTarget.value)} data-testid="bank-ignore-reason" data-autofocus />
          <Group justify="flex-end">
            <Button
              disabled={!reason.trim()}
              loading={ignore.isPending}
              onClick={() =>
                ignoring &&
                ignore.mutate(
                  { id: ignoring.id, reason: reason.trim() },
                  {
                    onSuccess: () => {
                      setIgnoring(null);
                      setReason('');
                    },
                  },
                )
              }
              data-testid="bank-ignore-confirm"
            >
              {t('bank.ignore')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
