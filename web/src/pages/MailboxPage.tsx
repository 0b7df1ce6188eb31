import { Anchor, Card, Code, Grid, Group, Stack, Tabs, Text } from '@mantine/core';
import { DataTable } from 'mantine-datatable';
import { Link, useSearchParams } from 'react-router';
import { useMailbox, useMailboxMessage, type MailboxMessage } from '../api/communication-hooks';
import { EmailPreview } from '../components/EmailPreview';
import { SearchBox } from '../components/SearchBox';
import { ErrorAlert, PageHeader, QueryState } from '../components/ui';
import { PAGE_SIZES, useListState } from '../components/useListState';
import { useI18n } from '../i18n';
import { usePagerText } from '../components/pager';

/**
 * The local mailbox: the e-mails "sent" while no SMTP server is configured (the embedded demo), newest
 * first, each readable as the debtor would have received it — its HTML in a sandboxed frame.
 */
export default function MailboxPage() {
  const { t, dateTime } = useI18n();
  const pager = usePagerText();
  const list = useListState({ sort: 'receivedAt', order: 'desc' }, [] as const);
  const [sp, setSp] = useSearchParams();
  const selected = sp.get('message');
  const select = (id: string | null) =>
    setSp(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (id) next.set('message', id);
        else next.delete('message');
        return next;
      },
      { replace: true },
    );
  const query = useMailbox({ page: list.page, pageSize: list.pageSize, q: list.q });
  return (
    <>
      <PageHeader title={t('mailbox.title')} subtitle={t('mailbox.subtitle')} />
      <Group mb="md">
        <SearchBox value={list.q} onSearch={list.setQ} label={t('common.search')} placeholder={t('mailbox.search')} testId="mailbox-search" />
      </Group>
      {query.error && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: selected ? 5 : 12 }}>
          <DataTable
            {...pager.withSizes}
            withTableBorder
            borderRadius="md"
            striped
            highlightOnHover
            minHeight={160}
            data-testid="mailbox-table"
            records={query.data?.items ?? []}
            totalRecords={query.data?.total ?? 0}
            page={list.page}
            onPageChange={list.setPage}
            recordsPerPage={list.pageSize}
            recordsPerPageOptions={PAGE_SIZES}
            onRecordsPerPageChange={list.setPageSize}
            fetching={query.isFetching}
            noRecordsText={t('mailbox.none')}
            onRowClick={({ record }) => select(record.id)}
            rowStyle={(m) => (m.id === selected ? { background: 'var(--mantine-color-blue-0)' } : undefined)}
            columns={[
              { accessor: 'receivedAt', title: t('mailbox.receivedAt'), width: 120, render: (m) => dateTime(m.receivedAt) },
              {
                accessor: 'subject',
                title: t('mailbox.subject'),
                render: (m) => (
                  <Stack gap={0}>
                    <Anchor component="button" type="button" size="sm" ta="left" data-testid="mailbox-open" onClick={() => select(m.id)}>
                      {m.subject}
                    </Anchor>
                    <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                      {t('mailbox.toDebtor', { to: m.to, debtor: m.debtorName ?? '—' })}
                    </Text>
                  </Stack>
                ),
              },
            ]}
          />
        </Grid.Col>
        {selected && (
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <MessageView id={selected} onClose={() => select(null)} />
          </Grid.Col>
        )}
      </Grid>
    </>
  );
}

function MessageView({ id, onClose }: { id: string; onClose: () => void }) {
  const message = useMailboxMessage(id);
  return <QueryState query={message}>{(m) => <Message message={m} onClose={onClose} />}</QueryState>;
}

function Message({ message: m, onClose }: { message: MailboxMessage; onClose: () => void }) {
  const { t, dateTime } = useI18n();
  return (
    <Card withBorder radius="md" padding="md" data-testid="mailbox-message">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Text fw={700} data-testid="mailbox-message-subject">
            {m.subject}
          </Text>
          <Anchor component="button" type="button" size="sm" onClick={onClose}>
            {t('mailbox.close')}
          </Anchor>
        </Group>
        <Text size="sm" c="dimmed">
          {t('mailbox.header', { to: m.to, at: dateTime(m.receivedAt) })}
        </Text>
        {m.debtorId && (
          <Anchor component={Link} to={`/debtors/${m.debtorId}?tab=communications`} size="sm">
            {m.debtorName ?? m.debtorId}
          </Anchor>
        )}
        <Text size="xs" c="dimmed">
          Message-ID: {m.messageId}
        </Text>
        <Tabs defaultValue={m.bodyHtml !== null ? 'html' : 'text'} keepMounted={false}>
          <Tabs.List>
            {m.bodyHtml !== null && <Tabs.Tab value="html">{t('mailbox.html')}</Tabs.Tab>}
            <Tabs.Tab value="text">{t('mailbox.text')}</Tabs.Tab>
          </Tabs.List>
          {m.bodyHtml !== null && (
            <Tabs.Panel value="html" pt="sm">
              <EmailPreview html={m.bodyHtml} title={m.subject} />
            </Tabs.Panel>
          )}
          <Tabs.Panel value="text" pt="sm">
            <Code block style={{ whiteSpace: 'pre-wrap' }} data-testid="mailbox-text">
              {m.bodyText}
            </Code>
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </Card>
  );
}
