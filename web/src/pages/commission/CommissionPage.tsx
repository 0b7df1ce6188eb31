import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, Modal, NumberInput, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useCreditorOptions } from '../../api/hooks';
import {
  statementFileUrl,
  useCorrectStatement,
  useCreateMandateTerms,
  useIssueStatement,
  useMandateTerms,
  useStatementPreview,
  useStatements,
  type Statement,
  type TermsBody,
  type TermsVersion,
} from '../../api/commission-hooks';
import { DateField, notifyError, notifySaved } from '../../components/forms';
import { ErrorAlert, Money, PageHeader } from '../../components/ui';
import { useI18n } from '../../i18n';

/** The previous calendar month: the default period of a statement. */
function lastMonth(): { from: string; to: string } {
  const now = new Date();
  const first = new Date(Date.UTC(now.getFullYear(), now.getMonth() - 1, 1));
  const last = new Date(Date.UTC(now.getFullYear(), now.getMonth(), 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

/**
 * Provvigioni (issue 16 items 1–2): a creditor's mandate terms (the aggio and what goes with it, one
 * version per effective date), the preview of a period's remittance statement, issuing it, and the
 * issued statements with their PDF and XLSX and a correction. Administrators and supervisors; the
 * server checks again.
 */
export default function CommissionPage() {
  const { t } = useI18n();
  const creditors = useCreditorOptions();
  const [creditorId, setCreditorId] = useState<string | null>(null);
  const creditor = creditors.data?.items.find((c) => c.id === creditorId);
  return (
    <>
      <PageHeader title={t('commission.title')} subtitle={t('commission.subtitle')} />
      <Card withBorder padding="md" radius="md" mb="md">
        <Select
          label={t('commission.creditor')}
          searchable
          w={320}
          data={(creditors.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={creditorId}
          onChange={setCreditorId}
          data-testid="commission-creditor"
        />
      </Card>
      {creditorId && (
        <Stack gap="md">
          <TermsCard creditorId={creditorId} />
          <StatementCard creditorId={creditorId} currency={creditor?.defaultCurrency ?? 'EUR'} />
          <StatementsCard creditorId={creditorId} />
        </Stack>
      )}
    </>
  );
}

function TermsCard({ creditorId }: { creditorId: string }) {
  const { t, date, money } = useI18n();
  const terms = useMandateTerms(creditorId);
  const [adding, setAdding] = useState(false);
  const describe = (v: TermsVersion) => {
    const r = v.terms.rules.map((rule) => {
      const bounds = [rule.minPerPosition && `min ${money(rule.minPerPosition, 'EUR')}`, rule.maxPerPosition && `max ${money(rule.maxPerPosition, 'EUR')}`].filter(Boolean).join(', ');
      return `${rule.percent} %${rule.claimKinds?.length ? ` (${rule.claimKinds.join(', ')})` : ''}${bounds ? ` [${bounds}]` : ''}`;
    });
    return r.join(' · ');
  };
  return (
    <Card withBorder padding="md" radius="md">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('commission.terms')}</Title>
        <Button size="xs" variant="light" onClick={() => setAdding(true)} data-testid="commission-terms-add">
          {t('commission.termsAdd')}
        </Button>
      </Group>
      {terms.error && <ErrorAlert error={terms.error} />}
      {terms.data && terms.data.items.length === 0 && <Text c="dimmed">{t('commission.termsNone')}</Text>}
      {terms.data && terms.data.items.length > 0 && (
        <Table striped data-testid="commission-terms">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('commission.from')}</Table.Th>
              <Table.Th>{t('commission.to')}</Table.Th>
              <Table.Th>{t('commission.rate')}</Table.Th>
              <Table.Th>{t('commission.cap')}</Table.Th>
              <Table.Th>{t('commission.fees')}</Table.Th>
              <Table.Th>{t('commission.vat')}</Table.Th>
              <Table.Th>{t('commission.remittance')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {terms.data.items.map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td>{date(v.effectiveFrom)}</Table.Td>
                <Table.Td>{v.effectiveTo ? date(v.effectiveTo) : '—'}</Table.Td>
                <Table.Td>{describe(v)}</Table.Td>
                <Table.Td>{v.terms.capPerStatement ? money(v.terms.capPerStatement, 'EUR') : '—'}</Table.Td>
                <Table.Td>
                  {[v.terms.feePerPosition && t('commission.feePerPositionShort', { fee: money(v.terms.feePerPosition, 'EUR') }), v.terms.feePerContact && t('commission.feePerContactShort', { fee: money(v.terms.feePerContact, 'EUR') })]
                    .filter(Boolean)
                    .join(' · ') || '—'}
                </Table.Td>
                <Table.Td>{v.terms.vatPercent} %</Table.Td>
                <Table.Td>
                  {t(v.terms.remittance === 'net' ? 'commission.net' : 'commission.gross')} · {t(v.terms.paymentsReceivedBy === 'agency' ? 'commission.paidToAgency' : 'commission.paidToCreditor')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('commission.termsAdd')} size="lg">
        {adding && <TermsForm creditorId={creditorId} current={terms.data?.items[0] ?? null} onDone={() => setAdding(false)} />}
      </Modal>
    </Card>
  );
}

const amountText = (v: string | number | null | undefined) => (v === '' || v === null || v === undefined ? null : Number(v).toFixed(2));

function TermsForm({ creditorId, current, onDone }: { creditorId: string; current: TermsVersion | null; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const create = useCreateMandateTerms(creditorId);
  const rule = current?.terms.rules[0];
  const [from, setFrom] = useState<string>('');
  const [percent, setPercent] = useState<string | number>(rule?.percent ?? '');
  const [min, setMin] = useState<string | number>(rule?.minPerPosition ?? '');
  const [max, setMax] = useState<string | number>(rule?.maxPerPosition ?? '');
  const [cap, setCap] = useState<string | number>(current?.terms.capPerStatement ?? '');
  const [feePosition, setFeePosition] = useState<string | number>(current?.terms.feePerPosition ?? '');
  const [feeContact, setFeeContact] = useState<string | number>(current?.terms.feePerContact ?? '');
  const [vat, setVat] = useState<string | number>(current?.terms.vatPercent ?? '22');
  const [remittance, setRemittance] = useState<'net' | 'gross'>(current?.terms.remittance ?? 'gross');
  const [receivedBy, setReceivedBy] = useState<'creditor' | 'agency'>(current?.terms.paymentsReceivedBy ?? 'creditor');
  const [chargesInBase, setChargesInBase] = useState(false);
  const [chargesAgency, setChargesAgency] = useState(false);
  const submit = () => {
    const base: TermsBody['terms']['base'] = ['principal', 'tax', 'sanctions', 'act_interest', 'interest', 'costs', 'fees'];
    const agency: TermsBody['terms']['base'] = [];
    if (chargesAgency) agency.push('notification_costs', 'collection_charges');
    else if (chargesInBase) base.push('notification_costs', 'collection_charges');
    const body: TermsBody = {
      effectiveFrom: from,
      terms: {
        rules: [{ percent: String(percent), minPerPosition: amountText(min), maxPerPosition: amountText(max) }],
        base,
        agencyComponents: agency,
        capPerStatement: amountText(cap),
        feePerPosition: amountText(feePosition),
        feePerContact: amountText(feeContact),
        vatPercent: String(vat),
        remittance,
        paymentsReceivedBy: receivedBy,
        period: 'monthly',
      },
    };
    create.mutate(body, {
      onSuccess: () => {
        notifySaved(t('commission.termsSaved'));
        onDone();
      },
      onError: (e) => notifyError(i18n, e),
    });
  };
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('commission.termsHint')}
      </Text>
      <DateField label={t('commission.from')} value={from} onChange={setFrom} required data-testid="terms-from" />
      <Group grow>
        <NumberInput label={t('commission.ratePercent')} value={percent} onChange={setPercent} decimalScale={4} min={0} max={100} required data-testid="terms-percent" />
        <NumberInput label={t('commission.minPerPosition')} value={min} onChange={setMin} decimalScale={2} min={0} />
        <NumberInput label={t('commission.maxPerPosition')} value={max} onChange={setMax} decimalScale={2} min={0} />
      </Group>
      <Group grow>
        <NumberInput label={t('commission.cap')} value={cap} onChange={setCap} decimalScale={2} min={0} />
        <NumberInput label={t('commission.feePerPosition')} value={feePosition} onChange={setFeePosition} decimalScale={2} min={0} />
        <NumberInput label={t('commission.feePerContact')} value={feeContact} onChange={setFeeContact} decimalScale={2} min={0} />
      </Group>
      <NumberInput label={t('commission.vatPercent')} value={vat} onChange={setVat} decimalScale={2} min={0} max={100} w={160} />
      <Checkbox label={t('commission.chargesAgency')} checked={chargesAgency} onChange={(e) => setChargesAgency(e.currentTarget.checked)} />
      {!chargesAgency && <Checkbox label={t('commission.chargesInBase')} checked={chargesInBase} onChange={(e) => setChargesInBase(e.currentTarget.checked)} />}
      <Group>
        <SegmentedControl value={receivedBy} onChange={(v) => setReceivedBy(v as 'creditor' | 'agency')} data={[{ value: 'creditor', label: t('commission.paidToCreditor') }, { value: 'agency', label: t('commission.paidToAgency') }]} />
        <SegmentedControl value={remittance} onChange={(v) => setRemittance(v as 'net' | 'gross')} data={[{ value: 'gross', label: t('commission.gross') }, { value: 'net', label: t('commission.net') }]} />
      </Group>
      <Group justify="flex-end">
        <Button onClick={submit} loading={create.isPending} disabled={!from || percent === ''} data-testid="terms-save">
          {t('commission.termsSave')}
        </Button>
      </Group>
    </Stack>
  );
}

function StatementCard({ creditorId, currency }: { creditorId: string; currency: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [period, setPeriod] = useState(lastMonth);
  const [shown, setShown] = useState<{ from: string; to: string } | null>(null);
  const preview = useStatementPreview(shown ? { creditorId, periodFrom: shown.from, periodTo: shown.to, currency: currency as 'EUR' } : null);
  const issue = useIssueStatement();
  const [language, setLanguage] = useState<'it' | 'en' | 'de' | 'fr'>('it');
  return (
    <Card withBorder padding="md" radius="md">
      <Title order={4} mb="sm">
        {t('commission.statement')}
      </Title>
      <Group align="flex-end" gap="sm" mb="sm">
        <DateField label={t('commission.from')} value={period.from} onChange={(v) => setPeriod((p) => ({ ...p, from: v }))} />
        <DateField label={t('commission.to')} value={period.to} onChange={(v) => setPeriod((p) => ({ ...p, to: v }))} />
        <Button variant="light" onClick={() => setShown(period)} data-testid="statement-preview">
          {t('commission.preview')}
        </Button>
      </Group>
      {preview.error && <ErrorAlert error={preview.error} />}
      {preview.data && (
        <Stack gap="sm">
          {preview.data.missingTermsOn && <Alert color="yellow">{t('commission.missingTerms', { date: i18n.date(preview.data.missingTermsOn) })}</Alert>}
          <StatementTable statement={preview.data} />
          <Group justify="flex-end">
            <Select w={140} value={language} onChange={(v) => setLanguage((v as typeof language) ?? 'it')} data={['it', 'en', 'de', 'fr']} aria-label={t('commission.language')} />
            <Button
              loading={issue.isPending}
              disabled={!!preview.data.missingTermsOn}
              onClick={() =>
                issue.mutate(
                  { creditorId, periodFrom: preview.data.periodFrom, periodTo: preview.data.periodTo, currency: currency as 'EUR', language },
                  { onSuccess: (s) => notifySaved(t('commission.issued', { number: `${s.number}/${s.year}` })), onError: (e) => notifyError(i18n, e) },
                )
              }
              data-testid="statement-issue"
            >
              {t('commission.issue')}
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}

function StatementTable({ statement }: { statement: Pick<Statement, 'lines' | 'totals' | 'currency'> }) {
  const { t, date } = useI18n();
  const c = statement.currency;
  const s = statement.totals;
  const rows: [string, string][] = [
    [t('commission.totCollected'), s.collected],
    ...(s.collectedByCreditor && s.collectedByCreditor !== '0.00' ? [[t('commission.totPaidToCreditor'), s.collectedByCreditor] as [string, string]] : []),
    [t('commission.totCommission'), s.commission],
    ...(s.capAdjustment !== '0.00' ? [[t('commission.totCap'), s.capAdjustment] as [string, string]] : []),
    [t('commission.totFixedFees'), (Number(s.positionFees) + Number(s.contactFees)).toFixed(2)],
    [t('commission.totVat', { percent: s.vatPercent }), s.vat],
    ...(s.reimbursed !== '0.00' ? [[t('commission.totReimbursed'), s.reimbursed] as [string, string]] : []),
    [t('commission.totDue'), s.dueToAgency],
    ...(s.paymentsReceivedBy === 'agency' ? [[t('commission.totRemit'), s.toRemit] as [string, string]] : []),
    ...(s.remittance === 'gross' ? [[t('commission.totInvoice'), s.toInvoice] as [string, string]] : []),
  ];
  return (
    <>
      {statement.lines.length === 0 ? (
        <Text c="dimmed">{t('commission.noLines')}</Text>
      ) : (
        <Table striped withTableBorder data-testid="statement-lines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('commission.valueDate')}</Table.Th>
              <Table.Th>{t('commission.debtor')}</Table.Th>
              <Table.Th>{t('commission.position')}</Table.Th>
              <Table.Th ta="right">{t('commission.collected')}</Table.Th>
              <Table.Th ta="right">{t('commission.ratePercent')}</Table.Th>
              <Table.Th ta="right">{t('commission.commission')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {statement.lines.map((l, i) => (
              <Table.Tr key={i}>
                <Table.Td>
                  {date(l.valueDate)}
                  {l.kind === 'reversal' && (
                    <Badge ml="xs" color="red" variant="light" size="sm">
                      {t('commission.reversedOn', { date: date(l.reversedOn) })}
                    </Badge>
                  )}
                  {l.paidToCreditor && (
                    <Badge ml="xs" color="gray" variant="light" size="sm">
                      {t('commission.linePaidToCreditor')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{l.debtorName}</Table.Td>
                <Table.Td>{l.claimRef}</Table.Td>
                <Table.Td ta="right">
                  <Money amount={l.collected} currency={c} />
                </Table.Td>
                <Table.Td ta="right">{l.unpriced ? '—' : `${l.percent} %`}</Table.Td>
                <Table.Td ta="right">
                  <Money amount={l.commission} currency={c} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Table w={420} ml="auto" data-testid="statement-totals">
        <Table.Tbody>
          {rows.map(([label, amount], i) => (
            <Table.Tr key={label}>
              <Table.Td fw={i === rows.length - 1 ? 700 : undefined}>{label}</Table.Td>
              <Table.Td ta="right">
                <Money amount={amount} currency={c} strong={i === rows.length - 1} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}

function StatementsCard({ creditorId }: { creditorId: string }) {
  const i18n = useI18n();
  const { t, date } = i18n;
  const list = useStatements(creditorId);
  const correct = useCorrectStatement();
  return (
    <Card withBorder padding="md" radius="md">
      <Title order={4} mb="sm">
        {t('commission.statements')}
      </Title>
      {list.error && <ErrorAlert error={list.error} />}
      {list.data && list.data.items.length === 0 && <Text c="dimmed">{t('commission.noStatements')}</Text>}
      {list.data && list.data.items.length > 0 && (
        <Table striped data-testid="statements">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('commission.number')}</Table.Th>
              <Table.Th>{t('commission.period')}</Table.Th>
              <Table.Th>{t('commission.issuedOn')}</Table.Th>
              <Table.Th ta="right">{t('commission.totDue')}</Table.Th>
              <Table.Th>{t('commission.files')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.items.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  {s.number}/{s.year}
                  {s.corrects && (
                    <Badge ml="xs" variant="light" size="sm">
                      {t('commission.corrects', { number: `${s.corrects.number}/${s.corrects.year}` })}
                    </Badge>
                  )}
                  {s.correctedBy && (
                    <Badge ml="xs" color="gray" variant="light" size="sm">
                      {t('commission.correctedBy', { number: `${s.correctedBy.number}/${s.correctedBy.year}` })}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {date(s.periodFrom)} – {date(s.periodTo)}
                </Table.Td>
                <Table.Td>{date(s.issuedOn)}</Table.Td>
                <Table.Td ta="right">
                  <Money amount={s.totals.dueToAgency} currency={s.currency} />
                </Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    <Anchor href={statementFileUrl(s.id!, 'pdf')} download>
                      PDF
                    </Anchor>
                    <Anchor href={statementFileUrl(s.id!, 'xlsx')} download>
                      XLSX
                    </Anchor>
                  </Group>
                </Table.Td>
                <Table.Td>
                  {!s.correctedBy && (
                    <Button
                      size="xs"
                      variant="subtle"
                      loading={correct.isPending}
                      onClick={() => correct.mutate({ id: s.id! }, { onSuccess: (n) => notifySaved(t('commission.issued', { number: `${n.number}/${n.year}` })), onError: (e) => notifyError(i18n, e) })}
                    >
                      {t('commission.correct')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

