import { Alert, Anchor, Badge, Card, Grid, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../api/client';
import type { ClaimDetail } from '../../api/types';
import { useClaimStatement } from '../../api/hooks';
import { useRavvedimento, type Ravvedimento } from '../../api/web13-hooks';
import { DateField } from '../../components/forms';
import { DateText, ErrorAlert, Field, Money } from '../../components/ui';
import { isIsoDate, todayIso } from '../../format';
import { useI18n } from '../../i18n';
import { componentStatementRows, decimalIn, groupNoticeCode, mayHaveRavvedimento } from './position';

/*
 * A comune's position (issue 13): the act it rests on, its pagoPA notice code, what it is made of and
 * — for a tax not yet assessed — what paying with ravvedimento operoso costs against the assessment.
 */

/** The act the position rests on and its pagoPA notice code. */
export function ActCard({ claim }: { claim: ClaimDetail }) {
  const { t, te } = useI18n();
  if (!claim.act && !claim.noticeCode) return null;
  const a = claim.act;
  return (
    <Card withBorder padding="lg" radius="md" mt="lg" data-testid="act-card">
      <Title order={5} mb="md">
        {t('position.act')}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="md">
        {a && (
          <>
            <Field label={t('position.actKind')} testId="act-kind">
              {te('actKind', a.kind)}
            </Field>
            <Field label={t('position.actNumber')} testId="act-number">
              {a.number}
            </Field>
            <Field label={t('position.actDate')}>
              <DateText value={a.date} />
            </Field>
            <Field label={t('position.notifiedOn')}>
              <DateText value={a.notifiedOn} />
            </Field>
            <Field label={t('position.enforceableOn')}>
              <DateText value={a.enforceableOn} />
            </Field>
          </>
        )}
        {claim.noticeCode && (
          <Field label={t('position.noticeCode')} testId="notice-code">
            <Text span ff="monospace" inherit style={{ whiteSpace: 'nowrap' }}>
              {groupNoticeCode(claim.noticeCode)}
            </Text>
          </Field>
        )}
      </SimpleGrid>
    </Card>
  );
}

/**
 * The position's parts: what each amounts to, what was paid or waived, what is due — the stored balance
 * (today), or the statement the engine computes to the day the user picks (before a payment, after the
 * interest of the coming months…).
 */
export function ComponentsPanel({ claim }: { claim: ClaimDetail }) {
  const { t, te, date } = useI18n();
  const [asOf, setAsOf] = useState(claim.balance.asOf);
  const other = isIsoDate(asOf) && asOf !== claim.balance.asOf;
  const statement = useClaimStatement(claim.id, asOf, other);
  const components = claim.components ?? [];
  if (!components.some((c) => c.kind !== 'principal') && !claim.act) return null;
  const s = other ? statement.data : undefined;
  const rows = s ? componentStatementRows(s.components, s.statement) : other ? [] : componentStatementRows(components, claim.balance);
  const total = s ? s.statement.totalDue : other ? null : claim.balance.totalDue;
  const day = s ? asOf : claim.balance.asOf;
  const money = (v: string | null) => (v === null ? '—' : <Money amount={v} currency={claim.currency} />);
  return (
    <Card withBorder padding="lg" radius="md" mt="lg" data-testid="components-panel">
      <Group justify="space-between" align="flex-end" mb="md">
        <Title order={5}>{t('position.components')}</Title>
        <DateField
          label={t('position.asOf')}
          value={asOf}
          onChange={(v) => setAsOf(v || claim.balance.asOf)}
          clearable={false}
          w={180}
          data-testid="components-as-of"
        />
      </Group>
      {other && statement.error ? (
        <ErrorAlert error={statement.error} onRetry={() => void statement.refetch()} />
      ) : other && !s ? (
        <Text c="dimmed">{t('common.loading')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped data-testid="components-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('position.part')}</Table.Th>
                <Table.Th>{t('position.tributeCode')}</Table.Th>
                <Table.Th ta="right">{t('position.amount')}</Table.Th>
                <Table.Th ta="right">{t('position.paid')}</Table.Th>
                <Table.Th ta="right">{t('position.waived')}</Table.Th>
                <Table.Th ta="right">{t('position.due')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.key} data-testid={`component-${r.kind}`}>
                  <Table.Td>{r.kind === 'other_costs' ? t('position.otherCosts') : te('part', r.kind)}</Table.Td>
                  <Table.Td ff="monospace">{r.tributeCode ?? '—'}</Table.Td>
                  <Table.Td ta="right">{money(r.amount)}</Table.Td>
                  <Table.Td ta="right">{money(r.paid)}</Table.Td>
                  <Table.Td ta="right">{money(r.waived)}</Table.Td>
                  <Table.Td ta="right">{money(r.due)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th colSpan={5}>{t('position.total', { date: date(day) })}</Table.Th>
                <Table.Th ta="right" data-testid="components-total">
                  {total !== null && <Money amount={total} currency={claim.currency} strong />}
                </Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      )}
      {s?.ratesKnownUntil && (
        <Alert color="yellow" mt="sm" data-testid="components-rates-until">
          {t('position.ratesKnownUntil', { date: date(s.ratesKnownUntil) })}
        </Alert>
      )}
    </Card>
  );
}

/** Ravvedimento operoso on a chosen day against the assessment that would follow; shown where the API answers. */
export function RavvedimentoPanel({ claim }: { claim: Pick<ClaimDetail, 'id' | 'kind' | 'act' | 'currency'> }) {
  const { t } = useI18n();
  const [payOn, setPayOn] = useState(todayIso());
  const valid = isIsoDate(payOn);
  const q = useRavvedimento(claim.id, payOn, mayHaveRavvedimento(claim) && valid);
  if (!mayHaveRavvedimento(claim)) return null;
  // Not a comune's tax (404): nothing to compare.
  if (q.error && isApiError(q.error) && q.error.status === 404) return null;
  return (
    <Card withBorder padding="lg" radius="md" mt="lg" data-testid="ravvedimento-panel">
      <Group justify="space-between" align="flex-end" mb="md">
        <Stack gap={2}>
          <Title order={5}>{t('ravv.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('ravv.subtitle')}
          </Text>
        </Stack>
        <DateField label={t('ravv.payOn')} value={payOn} onChange={(v) => setPayOn(v || todayIso())} clearable={false} w={180} data-testid="ravvedimento-pay-on" />
      </Group>
      {q.error ? (
        isApiError(q.error) && q.error.status === 409 ? (
          <Alert color="gray" data-testid="ravvedimento-not-applicable">
            {q.error.message}
          </Alert>
        ) : (
          <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />
        )
      ) : q.data ? (
        <Comparison r={q.data} currency={claim.currency} />
      ) : (
        <Text c="dimmed">{t('common.loading')}</Text>
      )}
    </Card>
  );
}

function Comparison({ r, currency }: { r: Ravvedimento; currency: string }) {
  const { t, date, money: fmt, locale } = useI18n();
  const dec = decimalIn(locale);
  const money = (v: string, testId?: string, strong?: boolean) => (
    <Text span inherit data-testid={testId} fw={strong ? 700 : undefined}>
      <Money amount={v} currency={currency} />
    </Text>
  );
  const line = (label: string, value: ReactNode) => (
    <Group justify="space-between" wrap="nowrap" gap="md">
      <Text size="sm">{label}</Text>
      <Text size="sm">{value}</Text>
    </Group>
  );
  const rv = r.ravvedimento;
  const a = r.assessment;
  return (
    <Stack gap="md">
      <Text size="sm" data-testid="ravvedimento-days-late">
        {t('ravv.daysLate', { days: rv.daysLate, due: date(r.dueDate) })}
      </Text>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card withBorder radius="md" padding="md" bg="green.0" data-testid="ravvedimento-side">
            <Title order={6} mb="sm">
              {t('ravv.ravvedimento')}
            </Title>
            <Stack gap={6}>
              {line(t('ravv.tax'), money(rv.tax))}
              {line(
                rv.fraction ? t('ravv.sanctionReduced', { fraction: rv.fraction, letter: rv.letter ?? '—', rate: dec(rv.reducedRate) }) : t('ravv.sanctionFull', { rate: '0' }),
                money(rv.sanction, 'ravvedimento-sanction'),
              )}
              {line(t('ravv.interestLegal'), money(rv.interest, 'ravvedimento-interest'))}
              <Group justify="space-between" pt={6} style={{ borderTop: '1px solid var(--mantine-color-gray-4)' }}>
                <Text fw={700}>{t('ravv.total')}</Text>
                {money(rv.total, 'ravvedimento-total', true)}
              </Group>
            </Stack>
            <Periods periods={rv.interestPeriods} currency={currency} />
            {rv.f24 ? (
              <Stack gap={4} mt="sm">
                <Text size="sm" fw={600}>
                  {t('ravv.f24')}
                </Text>
                <Table withTableBorder fz="sm" data-testid="ravvedimento-f24">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('ravv.f24Entity')}</Table.Th>
                      <Table.Th>{t('position.tributeCode')}</Table.Th>
                      <Table.Th>{t('ravv.f24Ravv')}</Table.Th>
                      <Table.Th>{t('ravv.f24Year')}</Table.Th>
                      <Table.Th ta="right">{t('ravv.f24Amount')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rv.f24.map((l) => (
                      <Table.Tr key={l.tributeCode}>
                        <Table.Td ff="monospace">{l.cadastralCode}</Table.Td>
                        <Table.Td ff="monospace">{l.tributeCode}</Table.Td>
                        <Table.Td>{l.reconsideration ? '✔' : ''}</Table.Td>
                        <Table.Td>{l.year}</Table.Td>
                        <Table.Td ta="right">{money(l.amount)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Stack>
            ) : (
              rv.f24Problem && (
                <Text size="xs" c="dimmed" mt="sm">
                  {rv.f24Problem}
                </Text>
              )
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card withBorder radius="md" padding="md" data-testid="assessment-side">
            <Title order={6} mb="sm">
              {t('ravv.assessment')}
            </Title>
            <Stack gap={6}>
              {line(t('ravv.tax'), money(a.tax))}
              {line(t('ravv.sanctionFull', { rate: dec(a.sanctionRate) }), money(a.sanction, 'assessment-sanction'))}
              {line(
                Number(a.interestPoints) === 0 ? t('ravv.interestLegal') : t('ravv.interestPoints', { points: dec(a.interestPoints) }),
                money(a.interest, 'assessment-interest'),
              )}
              <Group justify="space-between" pt={6} style={{ borderTop: '1px solid var(--mantine-color-gray-4)' }}>
                <Text fw={700}>{t('ravv.total')}</Text>
                {money(a.total, 'assessment-total', true)}
              </Group>
              {line(t('ravv.charges'), money(a.chargesIfUnpaid.amount, 'assessment-charges'))}
              {line(t('ravv.totalIfUnpaid'), money(a.totalIfUnpaid, 'assessment-total-if-unpaid'))}
            </Stack>
            <Periods periods={a.interestPeriods} currency={currency} />
          </Card>
        </Grid.Col>
      </Grid>
      <Badge size="lg" color="green" variant="light" style={{ textTransform: 'none' }} data-testid="ravvedimento-saving">
        {t('ravv.saving', { date: date(r.payOn), amount: fmt(r.saving, currency) })}
      </Badge>
      <Stack gap={2}>
        <Text size="xs" fw={600} c="dimmed">
          {t('ravv.reasons')}
        </Text>
        <List size="xs" c="dimmed">
          {[...rv.reasons, ...a.reasons].map((m, i) => (
            <List.Item key={i}>{m}</List.Item>
          ))}
        </List>
      </Stack>
    </Stack>
  );
}

function Periods({ periods, currency }: { periods: Ravvedimento['ravvedimento']['interestPeriods']; currency: string }) {
  const { t, date, money, locale } = useI18n();
  const dec = decimalIn(locale);
  if (periods.length === 0) return null;
  return (
    <Stack gap={2} mt="sm">
      <Text size="xs" fw={600} c="dimmed">
        {t('ravv.periods')}
      </Text>
      {periods.map((p) => (
        <Text key={p.from} size="xs" c="dimmed">
          {t('ravv.period', { from: date(p.from), to: date(p.to), days: p.days, rate: dec(p.rate), principal: money(p.principal, currency), amount: money(p.amount, currency) })}
        </Text>
      ))}
    </Stack>
  );
}

/**
 * The comparison in one line, for the call screen: what the debtor pays today with ravvedimento and
 * what the assessment would cost. Nothing is shown where the API does not answer (not a comune's tax
 * at the bonario stage, paid in time, …); the position page has the whole statement.
 */
export function RavvedimentoSummary({ claimId, externalRef, currency }: { claimId: string; externalRef: string; currency: string }) {
  const { t, money } = useI18n();
  const q = useRavvedimento(claimId, todayIso());
  if (!q.data) return null;
  const r = q.data;
  return (
    <Alert color="green" variant="light" p="xs" data-testid="call-ravvedimento">
      <Text size="sm">
        {t('ravv.callSummary', {
          ref: externalRef,
          ravvedimento: money(r.ravvedimento.total, currency),
          fraction: r.ravvedimento.fraction ?? '—',
          assessment: money(r.assessment.total, currency),
          saving: money(r.saving, currency),
        })}{' '}
        <Anchor component={Link} to={`/claims/${claimId}`} size="sm">
          {t('ravv.title')}
        </Anchor>
      </Text>
    </Alert>
  );
}
