import { Anchor, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useQueries, type QueriesFilter } from '../api/query-hooks';
import { useUser } from '../auth/session';
import { ErrorAlert, PageHeader, StatusBadge } from '../components/ui';
import { useI18n } from '../i18n';
import { WaitingBadge } from './claim/QueriesPanel';

type View = 'mine' | 'theirs' | 'answered';

/**
 * "Richieste" (issue 16 item 4): the queries between the agency and the creditor — by default those
 * waiting for the reader's side (the creditor's user: its creditor's; the agency: its own), with the
 * counts of both sides. Each links to its position, where the thread is answered.
 */
export default function QueriesPage() {
  const { t, te, dateTime } = useI18n();
  const user = useUser();
  const mySide = user.role === 'viewer' ? 'creditor' : 'agency';
  const otherSide = mySide === 'agency' ? 'creditor' : 'agency';
  const [view, setView] = useState<View>('mine');
  const filter: QueriesFilter = view === 'answered' ? { status: 'answered' } : { status: 'open', waitingFor: view === 'mine' ? mySide : otherSide };
  const list = useQueries(filter);
  const counts = list.data?.counts;
  return (
    <>
      <PageHeader title={t('queries.title')} subtitle={t('queries.subtitle')} />
      <Stack gap="md">
        <SegmentedControl
          value={view}
          onChange={(v) => setView(v as View)}
          data={[
            { value: 'mine', label: `${t('queries.waitingForYou')} (${counts?.[mySide] ?? '…'})` },
            { value: 'theirs', label: `${mySide === 'agency' ? t('queries.waitingForCreditor') : t('queries.waitingForAgency')} (${counts?.[otherSide] ?? '…'})` },
            { value: 'answered', label: t('queries.answeredList') },
          ]}
          data-testid="queries-view"
          w="fit-content"
        />
        {list.error ? <ErrorAlert error={list.error} /> : null}
        <Table striped data-testid="queries-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('queries.kind')}</Table.Th>
              <Table.Th>{t('queries.position')}</Table.Th>
              <Table.Th>{t('queries.debtor')}</Table.Th>
              <Table.Th>{t('queries.creditor')}</Table.Th>
              <Table.Th>{t('queries.opened')}</Table.Th>
              <Table.Th>{t('queries.state')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data?.items ?? []).map((q) => (
              <Table.Tr key={q.id} data-testid="query-row">
                <Table.Td>{te('queryKind', q.kind)}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Anchor component={Link} to={`/claims/${q.claimId}`} data-testid="query-claim-link">{q.claimRef}</Anchor>
                    <StatusBadge status={q.claimStatus} />
                  </Group>
                </Table.Td>
                <Table.Td>{q.debtorName}</Table.Td>
                <Table.Td>{q.creditorName}</Table.Td>
                <Table.Td>{dateTime(q.createdAt)}</Table.Td>
                <Table.Td><WaitingBadge q={q} /></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {list.data && list.data.items.length === 0 && <Text c="dimmed">{t('queries.empty')}</Text>}
      </Stack>
    </>
  );
}
