import { Anchor, Badge, Box, Button, Card, Grid, Group, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useClaim, useRecordPayment } from '../api/hooks';
import { OPEN_STATUSES, PAYMENT_METHODS, type ClaimDetail, type Currency, type PaymentMethod } from '../api/types';
import { useCan } from '../auth/session';
import { applyServerErrors, blankToNull, DateField, EnumSelect, MoneyField, notifySaved, useMoneyStyle } from '../components/forms';
import { DateText, ErrorAlert, Field, Money, PageHeader, QueryState, StageBadge, StatusBadge } from '../components/ui';
import { formatRate, isIsoDate, parseMoneyInput, todayIso } from '../format';
import { useI18n } from '../i18n';
import { BalanceCard, CostsPanel, StatementPanel } from './claim/LedgerPanels';
import { HoldPanel } from './claim/HoldPanel';
import { InterestPanel } from './claim/InterestPanel';
import { QueriesPanel } from './claim/QueriesPanel';
import { LegalPanel } from './claim/LegalPanel';
import { CallScript } from './claim/CallScript';
import { ActCard, ComponentsPanel, RavvedimentoPanel } from './claim/PositionPanels';
import { NotesPanel } from './debtor/NotesPanel';
import { PlansPanel } from './plan/PlansPanel';
import { SettlementsPanel } from './plan/SettlementsPanel';

export default function ClaimPage() {
  const { id = '' } = useParams();
  const claim = useClaim(id);
  return <QueryState query={claim}>{(c) => <ClaimView claim={c} />}</QueryState>;
}

function ClaimView({ claim }: { claim: ClaimDetail }) {
  const { t, te, dateTime, locale } = useI18n();
  const canEdit = useCan('claim');
  const canPay = useCan('payment');
  const isOpen = OPEN_STATUSES.includes(claim.status);

  return (
    <>
      <PageHeader
        title={<span data-testid="claim-ref">{claim.externalRef}</span>}
        back={{ to: `/debtors/${claim.debtorId}`, label: claim.debtorName }}
        subtitle={
          <>
            <Anchor component={Link} to={`/debtors/${claim.debtorId}`} size="sm">
              {claim.debtorName}
            </Anchor>
            {' · '}
            {t('claim.creditor')}: {claim.creditorName}
          </>
        }
        badges={
          <>
            <StatusBadge status={claim.status} />
            <StageBadge stage={claim.stage} />
          </>
        }
        actions={
          canEdit && (
            <Button component={Link} to={`/claims/${claim.id}/edit`} data-testid="edit-claim">
              {t('common.edit')}
            </Button>
          )
        }
      />

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <BalanceCard claim={claim} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card withBorder padding="lg" radius="md" h="100%">
            <Title order={5} mb="md">
              {t('claim.section.data')}
            </Title>
            <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="md" verticalSpacing="md">
              <Field label={t('claim.kind')}>{te('claimKind', claim.kind)}</Field>
              <Field label={t('claim.issueDate')}>
                <DateText value={claim.issueDate} />
              </Field>
              <Field label={t('claim.dueDate')} testId="claim-due-date">
                <DateText value={claim.dueDate} />
              </Field>
              <Field label={t('claim.contractDate')}>
                <DateText value={claim.contractDate} />
              </Field>
              <Field label={t('claim.taxYear')}>{claim.taxYear ?? '—'}</Field>
              <Field label={t('claim.jurisdiction')}>{te('jurisdiction', claim.jurisdiction)}</Field>
              <Field label={t('claim.interestRegime')}>
                {claim.interestRegime ? te('interestRegime', claim.interestRegime) : t('claim.interestRegimeDefault')}
              </Field>
              {claim.interestRate && <Field label={t('claim.interestRate')}>{formatRate(claim.interestRate, locale)}</Field>}
              {claim.interestBase && (
                <Field label={t('claim.interestBase')}>
                  {te('interestRegime', claim.interestBase)} {claim.interestSpread && `+ ${formatRate(claim.interestSpread, locale).replace(/\s?%$/, '')}`}
                </Field>
              )}
              <Field label={t('claim.dayCount')}>{te('dayCount', claim.dayCount)}</Field>
              {claim.judicialClaimDate && (
                <Field label={t('claim.judicialClaimDate')}>
                  <DateText value={claim.judicialClaimDate} />
                </Field>
              )}
              <Field label={t('claim.nextActionOn')}>
                <DateText value={claim.nextActionOn} />
              </Field>
              <Field label={t('claim.closedOn')}>
                <DateText value={claim.closedOn} />
              </Field>
              <Field label={t('common.createdAt')}>{dateTime(claim.createdAt)}</Field>
              <Field label={t('common.updatedAt')}>{dateTime(claim.updatedAt)}</Field>
            </SimpleGrid>
            {claim.description && (
              <Stack mt="md" gap={2}>
                <Field label={t('claim.description')}>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {claim.description}
                  </Text>
                </Field>
              </Stack>
            )}
          </Card>
        </Grid.Col>
      </Grid>

      <ActCard claim={claim} />
      <ComponentsPanel claim={claim} />
      <RavvedimentoPanel claim={claim} />
      {claim.act && (
        <Box mt="lg">
          <CallScript claimId={claim.id} externalRef={claim.externalRef} />
        </Box>
      )}

      <HoldPanel claim={claim} />
      <QueriesPanel claim={claim} />

      <Card withBorder padding="lg" radius="md" mt="lg">
        <Title order={5} mb="md">
          {t('plan.title')}
        </Title>
        <PlansPanel claimId={claim.id} labels={new Map([[claim.id, { externalRef: claim.externalRef, creditorName: claim.creditorName }]])} />
      </Card>
      <SettlementsPanel claimId={claim.id} />

      <Card withBorder padding="lg" radius="md" mt="lg">
        <Title order={5} mb="md">
          {t('claim.section.payments')}
        </Title>
        {claim.allocations.length === 0 ? (
          <Text c="dimmed" mb="md">
            {t('payment.none')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={600} mb="md">
            <Table striped data-testid="allocations-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('payment.valueDate')}</Table.Th>
                  <Table.Th>{t('payment.method')}</Table.Th>
                  <Table.Th>{t('payment.reference')}</Table.Th>
                  <Table.Th>{t('payment.component')}</Table.Th>
                  <Table.Th ta="right">{t('payment.allocated')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {claim.allocations.map((a, i) => (
                  <Table.Tr key={`${a.paymentId}-${a.component}-${i}`} style={{ opacity: a.reversed ? 0.55 : 1 }}>
                    <Table.Td>
                      <DateText value={a.valueDate} />
                    </Table.Td>
                    <Table.Td>{te('paymentMethod', a.method)}</Table.Td>
                    <Table.Td>{a.reference ?? '—'}</Table.Td>
                    <Table.Td>
                      {te('component', a.component)}
                      {a.reversed && (
                        <Badge ml="xs" color="red" variant="light" size="sm">
                          {t('payment.reversed')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">
                      <Money amount={a.amount} currency={claim.currency} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {canPay && isOpen && <RecordPaymentForm claim={claim} />}
      </Card>

      <CostsPanel claim={claim} />
      <StatementPanel claim={claim} />
      <InterestPanel claim={claim} />
      <LegalPanel claim={claim} />

      <Card withBorder padding="lg" radius="md" mt="lg">
        <Title order={5} mb="md">
          {t('claim.section.notes')}
        </Title>
        <NotesPanel debtorId={claim.debtorId} claimId={claim.id} />
      </Card>
    </>
  );
}

interface PaymentValues {
  amount: string;
  valueDate: string;
  method: string;
  reference: string;
}

function RecordPaymentForm({ claim }: { claim: ClaimDetail }) {
  const { t } = useI18n();
  const record = useRecordPayment(claim.debtorId, claim.id);
  const style = useMoneyStyle(claim.currency);
  const [unmatched, setUnmatched] = useState<string[]>([]);
  // One key per payment being entered: a double click or a retry after a lost answer records it once.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const form = useForm<PaymentValues>({
    initialValues: { amount: '', valueDate: todayIso(), method: 'bank_transfer', reference: '' },
    validate: {
      amount: (v) => {
        if (!v.trim()) return t('validation.required');
        const a = parseMoneyInput(v, style);
        return a && /[1-9]/.test(a) ? null : t('validation.amount');
      },
      valueDate: (v) => (!v ? t('validation.required') : isIsoDate(v) ? null : t('validation.date')),
    },
  });

  const submit = form.onSubmit((values) => {
    setUnmatched([]);
    const body = {
      debtorId: claim.debtorId,
      creditorId: claim.creditorId,
      currency: claim.currency as Currency,
      amount: parseMoneyInput(values.amount, style) ?? values.amount,
      valueDate: values.valueDate,
      method: values.method as PaymentMethod,
      reference: blankToNull(values.reference),
      claimIds: [claim.id],
      idempotencyKey,
    };
    record.mutate(body, {
      onSuccess: () => {
        notifySaved(t('payment.recorded'));
        form.reset();
        setIdempotencyKey(crypto.randomUUID());
      },
      onError: (e) => setUnmatched(applyServerErrors(form, e)),
    });
  });

  return (
    <form onSubmit={submit} noValidate data-testid="payment-form">
      <Stack gap="sm" p="md" bg="gray.0" style={{ borderRadius: 8 }}>
        <Text fw={600}>{t('payment.record')}</Text>
        {record.error && <ErrorAlert error={record.error} extra={unmatched} />}
        <Grid gap="sm" align="flex-end">
          <Grid.Col span={{ base: 12, sm: 3 }}>
            <MoneyField
              label={t('payment.amount')}
              withAsterisk
              placeholder={claim.balance.totalDue}
              currency={claim.currency}
              {...form.getInputProps('amount')}
              data-testid="payment-amount"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 3 }}>
            <DateField label={t('payment.valueDate')} withAsterisk maxDate={todayIso()} {...form.getInputProps('valueDate')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 3 }}>
            <EnumSelect label={t('payment.method')} prefix="paymentMethod" values={PAYMENT_METHODS} {...form.getInputProps('method')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 3 }}>
            <TextInput label={t('payment.reference')} {...form.getInputProps('reference')} />
          </Grid.Col>
        </Grid>
        <Group justify="flex-end">
          <Button type="submit" loading={record.isPending} data-testid="record-payment">
            {t('payment.record')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
