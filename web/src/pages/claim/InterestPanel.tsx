import { Anchor, Badge, Button, Card, Group, Select, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { interestInvoiceUrl, useClaimInterest, useIssueInterestInvoice, useInterestInvoices, useRecordReceipt, useSetClaimInterest, type ClaimInterest } from '../../api/interest-doc-hooks';
import type { ClaimDetail } from '../../api/types';
import { useCan } from '../../auth/session';
import { DateField, notifyError, notifySaved } from '../../components/forms';
import { Money, QueryState } from '../../components/ui';
import { isIsoDate } from '../../format';
import { useI18n } from '../../i18n';

const REASONS = ['small_amount', 'loyal_customer', 'force_majeure', 'other'] as const;
const TAX_KINDS = ['imu', 'tari', 'cup', 'cds_fine'];

/**
 * Interest as its own document (issue 17 item 5): whether interest runs only after the formal notice
 * (no agreed due date) and the day each written notice reached the debtor; the creditor's waiver with
 * its reason (a supervisor's); the separate interest invoices, numbered, to download, and a new one.
 */
export function InterestPanel({ claim }: { claim: ClaimDetail }) {
  const { t } = useI18n();
  const terms = useClaimInterest(claim.id);
  return (
    <Card withBorder padding="lg" radius="md" mt="lg" data-testid="claim-interest">
      <Title order={5} mb="md">
        {t('interestDocs.title')}
      </Title>
      <QueryState query={terms}>{(x) => <InterestView claim={claim} terms={x} />}</QueryState>
    </Card>
  );
}

function InterestView({ claim, terms }: { claim: ClaimDetail; terms: ClaimInterest }) {
  const i18n = useI18n();
  const { t, date } = i18n;
  const canEdit = useCan('claim');
  const canWaive = useCan('waiver');
  const set = useSetClaimInterest(claim.id);
  const receipt = useRecordReceipt(claim.id);
  const invoices = useInterestInvoices(claim.id);
  const issue = useIssueInterestInvoice(claim.id);
  const [reason, setReason] = useState<(typeof REASONS)[number]>('small_amount');
  const [note, setNote] = useState('');
  const [to, setTo] = useState('');
  const [received, setReceived] = useState<Record<string, string>>({});
  const done = (m: string) => ({ onSuccess: () => notifySaved(m), onError: (e: unknown) => notifyError(i18n, e) });
  const invoiceable = !TAX_KINDS.includes(claim.kind) && terms.waiver === null;

  return (
    <Stack gap="md">
      {terms.waiver ? (
        <Group justify="space-between">
          <Text size="sm" data-testid="interest-waived">
            {t('interestDocs.waived', { reason: t(`interestDocs.reason.${terms.waiver.reason}`), date: date(terms.waiver.on), by: terms.waiver.by })}
            {terms.waiver.note ? ` — ${terms.waiver.note}` : ''}
          </Text>
          {canWaive ? (
            <Button size="xs" variant="light" loading={set.isPending} onClick={() => set.mutate({ version: terms.version, waiver: null }, done(t('interestDocs.saved')))}>
              {t('interestDocs.revoke')}
            </Button>
          ) : null}
        </Group>
      ) : canWaive ? (
        <Group align="end">
          <Select label={t('interestDocs.waiveReason')} data={REASONS.map((r) => ({ value: r, label: t(`interestDocs.reason.${r}`) }))} value={reason} onChange={(v) => setReason((v as (typeof REASONS)[number] | null) ?? 'small_amount')} w={240} />
          <TextInput label={t('interestDocs.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} w={280} />
          <Button variant="light" color="orange" loading={set.isPending} data-testid="interest-waive" onClick={() => set.mutate({ version: terms.version, waiver: { reason, note: note.trim() || null } }, done(t('interestDocs.saved')))}>
            {t('interestDocs.waive')}
          </Button>
        </Group>
      ) : null}

      <Switch
        label={t('interestDocs.afterNotice')}
        description={t('interestDocs.afterNoticeHint')}
        checked={terms.afterNotice}
        disabled={!canEdit || set.isPending}
        onChange={(e) => set.mutate({ version: terms.version, afterNotice: e.currentTarget.checked }, done(t('interestDocs.saved')))}
      />
      {terms.notices.length > 0 ? (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('interestDocs.notice')}</Table.Th>
              <Table.Th>{t('interestDocs.receivedOn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {terms.notices.map((n) => (
              <Table.Tr key={n.id}>
                <Table.Td>
                  {date(n.runDate)} · {n.channel} · {n.tier}
                </Table.Td>
                <Table.Td>
                  {canEdit ? (
                    <Group gap="xs">
                      <DateField value={received[n.id] ?? n.receivedOn ?? ''} onChange={(v) => setReceived({ ...received, [n.id]: v })} w={150} />
                      <Button size="xs" variant="light" disabled={!isIsoDate(received[n.id] ?? '')} loading={receipt.isPending} onClick={() => receipt.mutate({ id: n.id, receivedOn: received[n.id]! }, done(t('interestDocs.saved')))}>
                        {t('common.save')}
                      </Button>
                    </Group>
                  ) : n.receivedOn ? (
                    date(n.receivedOn)
                  ) : (
                    '—'
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}

      <Title order={6}>{t('interestDocs.invoices')}</Title>
      <QueryState query={invoices}>
        {(list) =>
          list.items.length === 0 ? (
            <Text size="sm" c="dimmed">{t('interestDocs.noInvoices')}</Text>
          ) : (
            <Table data-testid="interest-invoices">
              <Table.Tbody>
                {list.items.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td>
                      <Badge variant="light">{i.number}/{i.year}</Badge>
                    </Table.Td>
                    <Table.Td>{date(i.periodFrom)} – {date(i.periodTo)}</Table.Td>
                    <Table.Td ta="right"><Money amount={i.amount} currency={i.currency} /></Table.Td>
                    <Table.Td>
                      <Anchor href={interestInvoiceUrl(i.id)}>PDF</Anchor>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
      {canEdit && invoiceable ? (
        <Group align="end">
          <DateField label={t('interestDocs.invoiceTo')} value={to} onChange={setTo} w={180} />
          <Button variant="light" loading={issue.isPending} data-testid="interest-invoice-issue" onClick={() => issue.mutate({ ...(isIsoDate(to) ? { to } : {}), language: i18n.locale }, done(t('interestDocs.issued')))}>
            {t('interestDocs.issue')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
