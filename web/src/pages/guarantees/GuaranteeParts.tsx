import { Anchor, Badge, Button, Card, FileInput, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  guaranteeDocumentUrl,
  guarantorLetterUrl,
  useAddGuaranteeDocument,
  useCreateGuarantee,
  useEnforceGuarantee,
  useReleaseGuarantee,
  type Guarantee,
} from '../../api/guarantee-hooks';
import { useClaims, useCreditorOptions, useDebtors } from '../../api/hooks';
import { useCan } from '../../auth/session';
import { DateField, MoneyField, notifyError, notifySaved, useMoneyStyle } from '../../components/forms';
import { parseMoneyInput } from '../../format';
import { useI18n } from '../../i18n';

export const GUARANTEE_KINDS = ['bank_guarantee', 'insurance_guarantee', 'pledge', 'security_deposit', 'personal_guarantee'] as const;
export const GUARANTEE_STATES = ['active', 'expired', 'enforced', 'released'] as const;
const GUARANTOR_KINDS = ['bank', 'insurer', 'person', 'company'] as const;
/** Which guarantor gives which guarantee (domain/guarantees/rules.ts ISSUERS). */
const ISSUER: Record<(typeof GUARANTEE_KINDS)[number], (typeof GUARANTOR_KINDS)[number]> = {
  bank_guarantee: 'bank',
  insurance_guarantee: 'insurer',
  pledge: 'person',
  security_deposit: 'company',
  personal_guarantee: 'person',
};

const STATE_COLOR: Record<string, string> = { active: 'green', expired: 'gray', enforced: 'orange', released: 'blue' };

/** The guarantees with their state, validity, what they cover, documents and demands; enforce and release. */
export function GuaranteeTable({ items, showDebtor = true }: { items: Guarantee[]; showDebtor?: boolean }) {
  const i18n = useI18n();
  const { t, te, date, money } = i18n;
  const canEnforce = useCan('communication');
  const canRelease = useCan('waiver');
  const canAttach = useCan('claim');
  const enforce = useEnforceGuarantee();
  const release = useReleaseGuarantee();
  const attach = useAddGuaranteeDocument();
  const [confirm, setConfirm] = useState<Guarantee | null>(null);
  const [releasing, setReleasing] = useState<Guarantee | null>(null);
  const [reason, setReason] = useState('');

  if (items.length === 0) return <Text c="dimmed">{t('guarantees.none')}</Text>;
  return (
    <>
      <Table striped withTableBorder data-testid="guarantees-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('guarantees.kind')}</Table.Th>
            <Table.Th>{t('guarantees.guarantor')}</Table.Th>
            {showDebtor && <Table.Th>{t('guarantees.debtor')}</Table.Th>}
            <Table.Th>{t('guarantees.creditor')}</Table.Th>
            <Table.Th ta="right">{t('guarantees.amount')}</Table.Th>
            <Table.Th>{t('guarantees.validity')}</Table.Th>
            <Table.Th>{t('guarantees.covers')}</Table.Th>
            <Table.Th>{t('guarantees.state')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((g) => (
            <Table.Tr key={g.id} data-testid="guarantee-row">
              <Table.Td>
                {te('guaranteeKind', g.kind)}
                {g.reference && <Text size="xs" c="dimmed">n. {g.reference}</Text>}
              </Table.Td>
              <Table.Td>
                {g.guarantor.name}
                <Text size="xs" c="dimmed">{te('guarantorKind', g.guarantor.kind)}</Text>
              </Table.Td>
              {showDebtor && (
                <Table.Td>
                  <Anchor component={Link} to={`/debtors/${g.debtorId}`}>{g.debtorName}</Anchor>
                </Table.Td>
              )}
              <Table.Td>{g.creditorName}</Table.Td>
              <Table.Td ta="right">{money(g.amount, g.currency)}</Table.Td>
              <Table.Td>
                {date(g.validFrom)} – {g.validTo ? date(g.validTo) : t('guarantees.noEnd')}
                {g.state === 'active' && g.daysToExpiry !== null && (
                  <Text size="xs" c={g.daysToExpiry <= 30 ? 'red' : 'dimmed'} data-testid="guarantee-days-left">
                    {t('guarantees.daysLeft', { days: g.daysToExpiry })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{g.covers === 'relationship' ? t('guarantees.covers.relationship') : g.claims.map((c) => c.reference).join(', ')}</Table.Td>
              <Table.Td>
                <Badge color={STATE_COLOR[g.state] ?? 'gray'} data-testid="guarantee-state">{te('guaranteeState', g.state)}</Badge>
                {g.enforcedAmount && <Text size="xs">{money(g.enforcedAmount, g.currency)}</Text>}
              </Table.Td>
              <Table.Td>
                <Stack gap={4}>
                  {g.documents.map((d) => (
                    <Anchor key={d.id} href={guaranteeDocumentUrl(g.id, d.id)} size="xs" download>
                      {d.fileName}
                    </Anchor>
                  ))}
                  {g.letters.map((l) => (
                    <Stack key={l.id} gap={0}>
                      <Anchor href={guarantorLetterUrl(g.id, l.id)} size="xs" download data-testid="guarantor-letter">
                        {t('guarantees.letters')} {date(l.sentOn)} (PDF)
                      </Anchor>
                      <Text size="xs" c={l.status === 'failed' ? 'red' : 'dimmed'} data-testid="guarantor-letter-delivery">
                        {te('dunningChannel', l.channel)} · {l.recipient} · {te('guarantorLetterStatus', l.status)}
                      </Text>
                    </Stack>
                  ))}
                  <Group gap={4}>
                    {canAttach && (
                      <FileInput
                        size="xs"
                        w={140}
                        placeholder={t('guarantees.addDocument')}
                        accept="application/pdf,image/jpeg,image/png"
                        onChange={(file) => file && attach.mutate({ id: g.id, file }, { onSuccess: () => notifySaved(t('guarantees.saved')), onError: (e) => notifyError(i18n, e) })}
                      />
                    )}
                    {canEnforce && g.state === 'active' && (
                      <Button size="compact-xs" color="orange" variant="light" onClick={() => setConfirm(g)} data-testid="guarantee-enforce">
                        {t('guarantees.enforce')}
                      </Button>
                    )}
                    {canRelease && (g.state === 'active' || g.state === 'expired') && (
                      <Button size="compact-xs" variant="light" onClick={() => setReleasing(g)} data-testid="guarantee-release">
                        {t('guarantees.release')}
                      </Button>
                    )}
                  </Group>
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={confirm !== null} onClose={() => setConfirm(null)} title={t('guarantees.enforce')}>
        <Stack>
          <Text size="sm">{t('guarantees.enforceConfirm')}</Text>
          <Group justify="flex-end">
            <Button
              color="orange"
              loading={enforce.isPending}
              data-testid="guarantee-enforce-confirm"
              onClick={() =>
                confirm &&
                enforce.mutate({ id: confirm.id, version: confirm.version }, { onSuccess: () => { setConfirm(null); notifySaved(t('guarantees.enforced')); }, onError: (e) => notifyError(i18n, e) })
              }
            >
              {t('guarantees.enforce')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={releasing !== null} onClose={() => setReleasing(null)} title={t('guarantees.release')}>
        <Stack>
          <TextInput label={t('guarantees.releaseReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-testid="guarantee-release-reason" />
          <Group justify="flex-end">
            <Button
              loading={release.isPending}
              disabled={!reason.trim()}
              onClick={() =>
                releasing &&
                release.mutate({ id: releasing.id, version: releasing.version, reason: reason.trim() }, { onSuccess: () => { setReleasing(null); setReason(''); notifySaved(t('guarantees.released')); }, onError: (e) => notifyError(i18n, e) })
              }
            >
              {t('guarantees.release')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** Adding a guarantee with its guarantor, what it covers and its document; the debtor fixed or chosen. */
export function GuaranteeForm({ debtorId: fixedDebtor, onDone }: { debtorId?: string; onDone?: () => void }) {
  const i18n = useI18n();
  const { t, te } = i18n;
  const creditors = useCreditorOptions();
  const [search, setSearch] = useState('');
  const debtors = useDebtors({ q: search || undefined, pageSize: 20 }, !fixedDebtor);
  const [debtorId, setDebtorId] = useState<string | null>(fixedDebtor ?? null);
  const [creditorId, setCreditorId] = useState<string | null>(null);
  const claims = useClaims({ debtorId: debtorId ?? undefined, pageSize: 100 } as never, debtorId !== null);
  const [kind, setKind] = useState<(typeof GUARANTEE_KINDS)[number]>('bank_guarantee');
  const [guarantorKind, setGuarantorKind] = useState<(typeof GUARANTOR_KINDS)[number]>('bank');
  const [guarantorName, setGuarantorName] = useState('');
  const [guarantorEmail, setGuarantorEmail] = useState('');
  const [address, setAddress] = useState('');
  const [postalCode, setPostalCode] = useState('');
  const [city, setCity] = useState('');
  const [reference, setReference] = useState('');
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState<'EUR' | 'CHF'>('EUR');
  const [validFrom, setValidFrom] = useState('');
  const [validTo, setValidTo] = useState('');
  const [covers, setCovers] = useState<'claims' | 'relationship'>('relationship');
  const [claimIds, setClaimIds] = useState<string[]>([]);
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
  const create = useCreateGuarantee();
  const style = useMoneyStyle(currency);

  const claimOptions = ((claims.data as { items?: { id: string; externalRef: string; creditorId: string }[] } | undefined)?.items ?? [])
    .filter((c) => !creditorId || c.creditorId === creditorId)
    .map((c) => ({ value: c.id, label: c.externalRef }));

  const submit = () => {
    if (!debtorId || !creditorId) return;
    const value = parseMoneyInput(amount, style);
    create.mutate(
      {
        body: {
          creditorId,
          debtorId,
          guarantor: { kind: guarantorKind, name: guarantorName.trim() || null, email: guarantorEmail.trim() || null, addressLine1: address.trim() || null, postalCode: postalCode.trim() || null, city: city.trim() || null },
          kind,
          reference: reference.trim() || null,
          amount: value ?? amount,
          currency,
          validFrom,
          validTo: validTo || null,
          covers,
          ...(covers === 'claims' ? { claimIds } : {}),
          note: note.trim() || null,
        },
        file,
      },
      { onSuccess: () => { notifySaved(t('guarantees.saved')); onDone?.(); }, onError: (e) => notifyError(i18n, e) },
    );
  };

  return (
    <Card withBorder data-testid="guarantee-form">
      <Title order={5} mb="sm">{t('guarantees.add')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {!fixedDebtor && (
          <Select
            label={t('guarantees.debtor')}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            data={(debtors.data?.items ?? []).map((d) => ({ value: d.id, label: d.displayName }))}
            value={debtorId}
            onChange={setDebtorId}
            data-testid="guarantee-debtor"
          />
        )}
        <Select label={t('guarantees.creditor')} data={(creditors.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))} value={creditorId} onChange={setCreditorId} data-testid="guarantee-creditor" />
        <Select
          label={t('guarantees.kind')}
          data={GUARANTEE_KINDS.map((k) => ({ value: k, label: te('guaranteeKind', k) }))}
          value={kind}
          allowDeselect={false}
          onChange={(v) => {
            const k = (v ?? 'bank_guarantee') as (typeof GUARANTEE_KINDS)[number];
            setKind(k);
            setGuarantorKind(ISSUER[k]);
          }}
          data-testid="guarantee-kind"
        />
        <Select label={t('guarantees.guarantorKind')} data={GUARANTOR_KINDS.map((k) => ({ value: k, label: te('guarantorKind', k) }))} value={guarantorKind} allowDeselect={false} onChange={(v) => setGuarantorKind((v ?? 'bank') as (typeof GUARANTOR_KINDS)[number])} />
        <TextInput label={t('guarantees.guarantorName')} value={guarantorName} onChange={(e) => setGuarantorName(e.currentTarget.value)} data-testid="guarantee-guarantor-name" />
        <TextInput label={t('guarantees.email')} value={guarantorEmail} onChange={(e) => setGuarantorEmail(e.currentTarget.value)} />
        <TextInput label={t('guarantees.address')} value={address} onChange={(e) => setAddress(e.currentTarget.value)} />
        <TextInput label={t('guarantees.postalCode')} value={postalCode} onChange={(e) => setPostalCode(e.currentTarget.value)} />
        <TextInput label={t('guarantees.city')} value={city} onChange={(e) => setCity(e.currentTarget.value)} />
        <TextInput label={t('guarantees.reference')} value={reference} onChange={(e) => setReference(e.currentTarget.value)} data-testid="guarantee-reference" />
        <MoneyField label={t('guarantees.amount')} currency={currency} value={amount} onChange={(e) => setAmount(e.currentTarget.value)} data-testid="guarantee-amount" />
        <Select label="€ / CHF" data={['EUR', 'CHF']} value={currency} allowDeselect={false} onChange={(v) => setCurrency((v ?? 'EUR') as 'EUR' | 'CHF')} />
        <DateField label={t('guarantees.validFrom')} value={validFrom} onChange={setValidFrom} data-testid="guarantee-valid-from" />
        <DateField label={t('guarantees.validTo')} value={validTo} onChange={setValidTo} data-testid="guarantee-valid-to" />
        <Select
          label={t('guarantees.covers')}
          data={[
            { value: 'relationship', label: t('guarantees.covers.relationship') },
            { value: 'claims', label: t('guarantees.covers.claims') },
          ]}
          value={covers}
          allowDeselect={false}
          onChange={(v) => setCovers((v ?? 'relationship') as 'claims' | 'relationship')}
        />
        {covers === 'claims' && <MultiSelect label={t('guarantees.claims')} data={claimOptions} value={claimIds} onChange={setClaimIds} searchable />}
        <FileInput label={t('guarantees.document')} accept="application/pdf,image/jpeg,image/png" value={file} onChange={setFile} clearable data-testid="guarantee-document" />
      </SimpleGrid>
      <Textarea mt="sm" label={t('guarantees.note')} autosize minRows={1} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
      <Group justify="flex-end" mt="sm">
        <Button onClick={submit} loading={create.isPending} disabled={!debtorId || !creditorId || !amount || !validFrom} data-testid="guarantee-save">
          {t('guarantees.add')}
        </Button>
      </Group>
    </Card>
  );
}
