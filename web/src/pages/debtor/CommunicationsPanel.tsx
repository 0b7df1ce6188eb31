import { Anchor, Button, Modal, Stack, Text } from '@mantine/core';
import { DataTable } from 'mantine-datatable';
import { useState } from 'react';
import { documentUrl, useCommunicationHtml, useDebtorCommunications, type Communication } from '../../api/communication-hooks';
import { EmailPreview } from '../../components/EmailPreview';
import { ErrorAlert, Loading, Money } from '../../components/ui';
import { PAGE_SIZES } from '../../components/useListState';
import { useI18n } from '../../i18n';
import { CommunicationStatusBadge, ShortHash } from '../communications/labels';
import { usePagerText } from '../../components/pager';

/**
 * What went out to a debtor (or waits: letters to print, phone tasks), newest first, each with its
 * stored document to download byte-identical and, for e-mails, a sandboxed preview.
 */
export function CommunicationsPanel({ debtorId }: { debtorId: string }) {
  const { t, te, date, dateTime, money } = useI18n();
  const pager = usePagerText();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(25);
  const [preview, setPreview] = useState<Communication | null>(null);
  const list = useDebtorCommunications(debtorId, page, pageSize);
  if (list.error && !list.data) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <>
      <DataTable
        {...pager.withSizes}
        withTableBorder
        borderRadius="md"
        striped
        minHeight={140}
        data-testid="debtor-communications"
        records={list.data?.items ?? []}
        totalRecords={list.data?.total ?? 0}
        page={page}
        onPageChange={setPage}
        recordsPerPage={pageSize}
        recordsPerPageOptions={PAGE_SIZES}
        onRecordsPerPageChange={(n) => {
          setPageSize(n);
          setPage(1);
        }}
        fetching={list.isFetching}
        noRecordsText={t('communication.none')}
        columns={[
          {
            accessor: 'createdAt',
            title: t('communication.date'),
            render: (c) => (
              <Stack gap={0}>
                <Text size="sm">{dateTime(c.createdAt)}</Text>
                {c.sentAt && (
                  <Text size="xs" c="dimmed">
                    {t('communication.sentAt', { at: dateTime(c.sentAt) })}
                  </Text>
                )}
              </Stack>
            ),
          },
          {
            accessor: 'channel',
            title: t('communication.channel'),
            render: (c) => (
              <Stack gap={0}>
                <Text size="sm">{te('dunningChannel', c.channel)}</Text>
                <Text size="xs" c="dimmed">
                  {t('communication.stepValue', { tier: te('stage', c.tier), no: c.stepNo })}
                </Text>
              </Stack>
            ),
          },
          {
            accessor: 'subject',
            title: t('communication.subject'),
            render: (c) => (
              <Stack gap={0}>
                <Text size="sm">{c.subject}</Text>
                <Text size="xs" c="dimmed">
                  {c.recipient}
                </Text>
              </Stack>
            ),
          },
          {
            accessor: 'claims',
            title: t('communication.claims'),
            render: (c) => (
              <Stack gap={0}>
                {c.claims.map((cl) => (
                  <Text key={cl.claimId} size="xs" td={cl.superseded ? 'line-through' : undefined}>
                    {cl.externalRef}
                  </Text>
                ))}
                {c.paymentReference && (
                  <Text size="xs" c="dimmed">
                    {t('communication.reference', { ref: c.paymentReference })}
                  </Text>
                )}
              </Stack>
            ),
          },
          {
            accessor: 'amount',
            title: t('communication.amount'),
            textAlign: 'right',
            render: (c) => (
              <Stack gap={0} align="flex-end">
                <Money amount={c.amount} currency={c.currency} />
                {c.fees !== '0.00' && (
                  <Text size="xs" c="dimmed">
                    {t('communication.feesOf', { fees: money(c.fees, c.currency) })}
                  </Text>
                )}
              </Stack>
            ),
          },
          { accessor: 'status', title: t('communication.status'), render: (c) => <CommunicationStatusBadge status={c.status} /> },
          {
            accessor: 'id',
            title: t('communication.document'),
            render: (c) =>
              c.documentType ? (
                <Stack gap={4} align="flex-start">
                  <Button component="a" href={documentUrl(c.id)} download size="compact-xs" variant="light" data-testid="communication-download">
                    {t(`communication.download.${c.documentType}`)}
                  </Button>
                  {c.documentType === 'html' && (
                    <Button size="compact-xs" variant="subtle" onClick={() => setPreview(c)} data-testid="communication-preview">
                      {t('communication.preview')}
                    </Button>
                  )}
                  {c.sha256 && <ShortHash hash={c.sha256} />}
                </Stack>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <Modal opened={preview !== null} onClose={() => setPreview(null)} size="xl" title={preview?.subject ?? ''}>
        {preview && (
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              {t('communication.previewOf', { to: preview.recipient, date: date(preview.runDate) })}
            </Text>
            <HtmlDocument id={preview.id} title={preview.subject} />
            <Anchor href={documentUrl(preview.id)} download size="sm">
              {t('communication.download.html')}
            </Anchor>
          </Stack>
        )}
      </Modal>
    </>
  );
}

function HtmlDocument({ id, title }: { id: string; title: string }) {
  const html = useCommunicationHtml(id);
  if (html.error) return <ErrorAlert error={html.error} onRetry={() => void html.refetch()} />;
  if (html.data === undefined) return <Loading />;
  return <EmailPreview html={html.data} title={title} />;
}
