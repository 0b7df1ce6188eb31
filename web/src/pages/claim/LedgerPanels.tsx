import { Alert, Button, Card, Grid, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState, type ReactNode } from 'react';
import { useAddClaimCost, useClaimStatement, useWaiveClaimCost } from '../../api/hooks';
import { CLAIM_COST_KINDS, OPEN_STATUSES, type ClaimCostKind, type ClaimDetail } from '../../api/types';
import { useCan } from '../../auth/session';
import { applyServerErrors, DateField, EnumSelect, MoneyField, notifyError, notifySaved, useMoneyStyle } from '../../components/forms';
import { StatementResult } from '../../components/StatementResult';
import { DateText, ErrorAlert, Money } from '../../components/ui';
import { isIsoDate, parseMoneyInput, todayIso } from '../../format';
import { useI18n } from '../../i18n';

/** What the claim owes today by the interest engine: principal, interest, costs and the total. */
export function BalanceCard({ claim }: { claim: ClaimDetail }) {
  const { t, te, date } = useI18n();
  const b = claim.balance;
  const money = (amount: string) => <Money amount={amount} currency={claim.currency} />;
  const row = (label: string, value: ReactNode, testId?: string) => (
    <Group justify="space-between">
      <Text c="dimmed" size="sm">
        {label}
      </Text>
      <Text data-testid={testId}>{value}</Text>
    </Group>
  );
  return (
    <Card withBorder padding="lg" radius="md" h="100%">
      <Title order={5} mb={4}>
        {t('claim.section.amounts')}
      </Title>
      <Text size="xs" c="dimmed" mb="md">
        {t(b.regimeIsDefault ? 'claim.balance.regimeDefault' : 'claim.balance.regime', { regime: te('interestRegime', b.regime) })}
      </Text>
      <Stack gap="sm">
        {row(t('claim.principal'), money(claim.principal), 'claim-principal')}
        {row(t('claim.principalPaid'), money(claim.totalPaid), 'claim-paid')}
        {row(t('claim.balance.principalDue'), money(b.principalDue), 'claim-outstanding')}
        {row(t('claim.balance.interestDue'), money(b.interestDue), 'claim-interest-due')}
        {row(t('claim.balance.costsDue'), money(b.costsDue), 'claim-costs-due')}
        <Group justify="space-between" pt="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
          <Stack gap={0}>
            <Text fw={600}>{t('claim.balance.totalDue')}</Text>
            <Text size="xs" c="dimmed">
              {t('claim.balance.asOf', { date: date(b.asOf) })}
            </Text>
          </Stack>
          <Text fw={700} size="xl" data-testid="claim-total-due">
            {money(b.totalDue)}
          </Text>
        </Group>
        {b.ratesKnownUntil && (
          <Alert color="yellow" variant="light" p="xs" data-testid="rates-known-until">
            <Text size="xs">{t('claim.balance.ratesKnownUntil', { date: date(b.ratesKnownUntil) })}</Text>
          </Alert>
        )}
        {b.problem && (
          <Alert color="red" variant="light" p="xs">
            <Text size="xs">{t('claim.balance.problem', { problem: b.problem })}</Text>
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

interface CostValues {
  kind: string;
  label: string;
  amount: string;
  incurredOn: string;
}

/** Costs charged on the claim; an operator charges one, a supervisor waives one with a reason. */
export function CostsPanel({ claim }: { claim: ClaimDetail }) {
  const { t, te, date } = useI18n();
  const canCharge = useCan('claim') && OPEN_STATUSES.includes(claim.status);
  const canWaive = useCan('waiver');
  const add = useAddClaimCost(claim.id, claim.debtorId);
  const waive = useWaiveClaimCost(claim.id, claim.debtorId);
  const style = useMoneyStyle(claim.currency);
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const [waiving, setWaiving] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const form = useForm<CostValues>({
    initialValues: { kind: 'reminder_fee', label: '', amount: '', incurredOn: todayIso() },
    validate: {
      label: (v) => (v.trim() ? null : t('validation.required')),
      amount: (v) => {
        const a = parseMoneyInput(v, style);
        return a && /[1-9]/.test(a) ? null : t('validation.amount');
      },
      incurredOn: (v) => (isIsoDate(v) ? null : t('validation.date')),
    },
  });
  const submit = form.onSubmit((v) => {
    setUnmatched([]);
    add.mutate(
      { kind: v.kind as ClaimCostKind, label: v.label.trim(), amount: parseMoneyInput(v.amount, style) ?? v.amount, incurredOn: v.incurredOn },
      {
        onSuccess: () => {
          notifySaved(t('cost.added'));
          form.reset();
        },
        onError: (e) => setUnmatched(applyServerErrors(form, e)),
      },
    );
  });
  const i18n = useI18n();

  return (
    <Card withBorder padding="lg" radius="md" mt="lg">
      <Title order={5} mb="md">
        {t('claim.section.costs')}
      </Title>
      {claim.costs.length === 0 ? (
        <Text c="dimmed" mb="md">
          {t('cost.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560} mb="md">
          <Table striped data-testid="costs-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('cost.incurredOn')}</Table.Th>
                <Table.Th>{t('cost.kind')}</Table.Th>
                <Table.Th>{t('cost.label')}</Table.Th>
                <Table.Th ta="right">{t('cost.amount')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {claim.costs.map((k) => (
                <Table.Tr key={k.id} style={{ opacity: k.waivedOn ? 0.6 : 1 }}>
                  <Table.Td>
                    <DateText value={k.incurredOn} />
                  </Table.Td>
                  <Table.Td>{te('costKind', k.kind)}</Table.Td>
                  <Table.Td>
                    {k.label}
                    {k.waivedOn && (
                      <Text size="xs" c="dimmed">
                        {t('cost.waived', { date: date(k.waivedOn), reason: k.waiverReason ?? '' })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right" td={k.waivedOn ? 'line-through' : undefined}>
                    <Money amount={k.amount} currency={claim.currency} />
                  </Table.Td>
                  <Table.Td ta="right">
                    {canWaive && !k.waivedOn && waiving !== k.id && (
                      <Button size="xs" variant="subtle" onClick={() => setWaiving(k.id)}>
                        {t('cost.waive')}
                      </Button>
                    )}
                    {waiving === k.id && (
                      <Group gap="xs" wrap="nowrap" justify="flex-end">
                        <TextInput size="xs" placeholder={t('cost.waiverReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
                        <Button
                          size="xs"
                          disabled={!reason.trim()}
                          loading={waive.isPending}
                          onClick={() =>
                            waive.mutate(
                              { costId: k.id, reason: reason.trim() },
                              {
                                onSuccess: () => {
                                  notifySaved(t('cost.waivedDone'));
                                  setWaiving(null);
                                  setReason('');
                                },
                                onError: (e) => notifyError(i18n, e),
                              },
                            )
                          }
                        >
                          {t('cost.waive')}
                        </Button>
                        <Button size="xs" variant="default" onClick={() => setWaiving(null)}>
                          {t('common.cancel')}
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canCharge && (
        <form onSubmit={submit} noValidate data-testid="cost-form">
          <Stack gap="sm" p="md" bg="gray.0" style={{ borderRadius: 8 }}>
            <Text fw={600}>{t('cost.add')}</Text>
            {add.error && <ErrorAlert error={add.error} extra={unmatched} />}
            <Grid gap="sm" align="flex-end">
              <Grid.Col span={{ base: 12, sm: 3 }}>
                <EnumSelect label={t('cost.kind')} prefix="costKind" values={CLAIM_COST_KINDS} {...form.getInputProps('kind')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <TextInput label={t('cost.label')} withAsterisk {...form.getInputProps('label')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 2 }}>
                <MoneyField label={t('cost.amount')} withAsterisk currency={claim.currency} {...form.getInputProps('amount')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 3 }}>
                <DateField label={t('cost.incurredOn')} maxDate={todayIso()} {...form.getInputProps('incurredOn')} />
              </Grid.Col>
            </Grid>
            <Group justify="space-between">
              <Text size="xs" c="dimmed">
                {t('cost.flatHint')}
              </Text>
              <Button type="submit" loading={add.isPending}>
                {t('cost.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}

/** The claim's interest statement to a chosen day, on screen and as a PDF in the UI language. */
export function StatementPanel({ claim }: { claim: ClaimDetail }) {
  const { t, locale, date } = useI18n();
  const [asOf, setAsOf] = useState(todayIso());
  const [shown, setShown] = useState(false);
  const valid = isIsoDate(asOf);
  const statement = useClaimStatement(claim.id, valid ? asOf : undefined, shown && valid);
  const pdfUrl = `/api/claims/${claim.id}/statement.pdf?lang=${locale}${valid ? `&asOf=${asOf}` : ''}`;
  return (
    <Card withBorder padding="lg" radius="md" mt="lg">
      <Group justify="space-between" align="flex-end" mb={shown ? 'md' : 0}>
        <Title order={5}>{t('claim.section.statement')}</Title>
        <Group align="flex-end" gap="sm">
          <DateField label={t('statement.asOf')} value={asOf} onChange={setAsOf} w={170} />
          <Button variant="default" onClick={() => setShown((s) => !s)} data-testid="show-statement">
            {shown ? t('statement.hide') : t('statement.show')}
          </Button>
          <Button component="a" href={pdfUrl} disabled={!valid} data-testid="statement-pdf">
            {t('statement.pdf')}
          </Button>
        </Group>
      </Group>
      {shown && statement.error && <ErrorAlert error={statement.error} />}
      {shown && statement.data && (
        <Stack gap="md" data-testid="claim-statement">
          {statement.data.ratesKnownUntil && (
            <Alert color="yellow" variant="light">
              {t('claim.balance.ratesKnownUntil', { date: date(statement.data.ratesKnownUntil) })}
            </Alert>
          )}
          <StatementResult s={statement.data.statement} />
        </Stack>
      )}
    </Card>
  );
}
