import { Card, Grid, Group, List, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { basisText, FLAT_COMPENSATION_LABEL, type BasisLanguage, type BasisLine } from '../../../src/domain/interest/basis';
import type { InterestStatement } from '../api/types';
import { formatRate } from '../format';
import { useI18n } from '../i18n';
import { DateText, Money } from './ui';

const basisLanguage = (locale: string): BasisLanguage => (['it', 'en', 'de', 'fr'].includes(locale) ? (locale as BasisLanguage) : 'it');

/** Amounts are decimal strings: "0.00" has no non-zero digit. */
const nonZero = (amount: string) => /[1-9]/.test(amount);

/**
 * An interest statement on screen: the total with its regime and legal basis (in the UI language),
 * the summary, every period, the payments' split and the costs. The calculator and the claim page
 * both show statements this way.
 */
export function StatementResult({ s }: { s: InterestStatement }) {
  const { t, te, date, number, locale } = useI18n();
  const money = (amount: string) => <Money amount={amount} currency={s.currency} />;
  const firstDay = s.periods[0]?.from ?? s.due;
  // Without payments "due" equals "accrued": the paid/due breakdown only matters once something was paid.
  const paid = s.payments.length > 0;

  return (
    <>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card withBorder padding="lg" radius="md" h="100%">
            <Text size="xs" c="dimmed" tt="uppercase" fw={700} style={{ letterSpacing: 0.4 }}>
              {t('interest.result.interest')}
            </Text>
            <Text
              fz={40}
              fw={800}
              c="blue.8"
              lh={1.15}
              style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
              data-testid="interest-total"
            >
              {money(s.interest)}
            </Text>
            <Text size="sm" c="dimmed" mt={4}>
              {te('interestRegime', s.regime)} · {t('interest.result.period', { from: date(firstDay), to: date(s.paid) })} ·{' '}
              {te('dayCount', s.dayCount)}
            </Text>
            <Title order={6} mt="lg" mb={6}>
              {t('interest.basis')}
            </Title>
            <List size="sm" spacing={4} data-testid="interest-basis">
              {s.basisCodes.map((b, i) => (
                <List.Item key={`${b.code}:${i}`}>{basisText(b as BasisLine, basisLanguage(locale))}</List.Item>
              ))}
            </List>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card withBorder padding="lg" radius="md" h="100%">
            <Title order={5} mb="sm">
              {t('interest.totals')}
            </Title>
            <Table verticalSpacing={5} horizontalSpacing={0} data-testid="interest-totals">
              <Table.Tbody>
                {paid ? (
                  <>
                    <TotalRow label={t('interest.total.principal')}>{money(s.principal)}</TotalRow>
                    <TotalRow label={t('interest.total.principalPaid')}>{money(s.principalPaid)}</TotalRow>
                    <TotalRow label={t('interest.total.principalDue')} strong>
                      {money(s.principalDue)}
                    </TotalRow>
                    <TotalRow label={t('interest.total.interest')}>{money(s.interest)}</TotalRow>
                    <TotalRow label={t('interest.total.interestPaid')}>{money(s.interestPaid)}</TotalRow>
                    <TotalRow label={t('interest.total.interestDue')} strong>
                      {money(s.interestDue)}
                    </TotalRow>
                    {nonZero(s.costs) && (
                      <>
                        <TotalRow label={t('interest.total.costs')}>{money(s.costs)}</TotalRow>
                        <TotalRow label={t('interest.total.costsPaid')}>{money(s.costsPaid)}</TotalRow>
                        <TotalRow label={t('interest.total.costsDue')} strong>
                          {money(s.costsDue)}
                        </TotalRow>
                      </>
                    )}
                  </>
                ) : (
                  <>
                    <TotalRow label={t('interest.total.principal')}>{money(s.principal)}</TotalRow>
                    <TotalRow label={t('interest.total.interest')}>{money(s.interest)}</TotalRow>
                    <TotalRow label={t('interest.total.costs')}>{money(s.costs)}</TotalRow>
                  </>
                )}
              </Table.Tbody>
            </Table>
            <Group
              justify="space-between"
              mt="sm"
              pt="sm"
              wrap="nowrap"
              style={{ borderTop: '2px solid var(--mantine-color-gray-4)' }}
            >
              <Text fw={700} tt="uppercase">
                {t('interest.total.due')}
              </Text>
              <Text fw={800} fz={22} data-testid="interest-total-due">
                {money(s.totalDue)}
              </Text>
            </Group>
          </Card>
        </Grid.Col>
      </Grid>

      <Card withBorder padding="lg" radius="md">
        <Title order={5} mb="sm">
          {t('interest.periods')}
        </Title>
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover data-testid="interest-periods">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('interest.col.from')}</Table.Th>
                <Table.Th>{t('interest.col.to')}</Table.Th>
                <Table.Th ta="right">{t('interest.col.days')}</Table.Th>
                <Table.Th ta="right">{t('interest.col.rate')}</Table.Th>
                <Table.Th ta="right">{t('interest.col.principal')}</Table.Th>
                <Table.Th ta="right">{t('interest.col.interest')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.periods.map((p) => (
                <Table.Tr key={`${p.from}:${p.to}:${p.principal}`}>
                  <Table.Td>
                    <DateText value={p.from} />
                  </Table.Td>
                  <Table.Td>
                    <DateText value={p.to} />
                  </Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {number(p.days)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                    {formatRate(p.rate, locale)}
                  </Table.Td>
                  <Table.Td ta="right">{money(p.principal)}</Table.Td>
                  <Table.Td ta="right">{money(p.amount)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr style={{ borderTop: '2px solid var(--mantine-color-gray-4)' }}>
                <Table.Th colSpan={2}>{t('common.total')}</Table.Th>
                <Table.Th ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {number(s.periods.reduce((n, p) => n + p.days, 0))}
                </Table.Th>
                <Table.Th colSpan={2} />
                <Table.Th ta="right">{money(s.interest)}</Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
        {/* Days no interest accrued (a plan with interest on the deferral ran): the gaps between the periods. */}
        {(s.pauses ?? []).map((z) => (
          <Text key={z.from} size="sm" c="dimmed" mt="xs" data-testid="interest-pause">
            {z.reason === 'waiver'
              ? t('interest.pausedWaiver')
              : z.reason === 'formal_notice'
                ? z.to === null
                  ? t('interest.pausedNoticeRunning')
                  : t('interest.pausedNotice', { to: date(z.to) })
                : z.to === null
                  ? t('interest.pausedRunning', { from: date(z.from) })
                  : t('interest.paused', { from: date(z.from), to: date(z.to) })}
          </Text>
        ))}
      </Card>

      {s.payments.length > 0 && (
        <Card withBorder padding="lg" radius="md">
          <Title order={5} mb="sm">
            {t('interest.allocations')}
          </Title>
          <Table.ScrollContainer minWidth={640}>
            <Table striped data-testid="interest-allocations">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('interest.col.date')}</Table.Th>
                  <Table.Th ta="right">{t('interest.col.amount')}</Table.Th>
                  <Table.Th ta="right">{t('interest.col.costs')}</Table.Th>
                  <Table.Th ta="right">{t('interest.col.interest')}</Table.Th>
                  <Table.Th ta="right">{t('interest.col.principal')}</Table.Th>
                  <Table.Th ta="right">{t('interest.col.excess')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.payments.map((p, i) => (
                  <Table.Tr key={`${p.date}:${i}`}>
                    <Table.Td>
                      <DateText value={p.date} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Money amount={p.amount} currency={s.currency} strong />
                    </Table.Td>
                    <Table.Td ta="right">{money(p.costs)}</Table.Td>
                    <Table.Td ta="right">{money(p.interest)}</Table.Td>
                    <Table.Td ta="right">{money(p.principal)}</Table.Td>
                    <Table.Td ta="right" c={nonZero(p.unallocated) ? 'orange.8' : undefined}>
                      {money(p.unallocated)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}

      {s.costItems.length > 0 && (
        <Card withBorder padding="lg" radius="md">
          <Title order={5} mb="sm">
            {t('interest.costItems')}
          </Title>
          <Table.ScrollContainer minWidth={480}>
            <Table data-testid="interest-cost-items">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('interest.col.date')}</Table.Th>
                  <Table.Th>{t('interest.col.label')}</Table.Th>
                  <Table.Th ta="right">{t('interest.col.amount')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.costItems.map((c, i) => (
                  <Table.Tr key={`${c.date}:${i}`}>
                    <Table.Td>
                      <DateText value={c.date} />
                    </Table.Td>
                    <Table.Td>{c.code === 'flat_compensation' ? FLAT_COMPENSATION_LABEL[basisLanguage(locale)] : c.label}</Table.Td>
                    <Table.Td ta="right">{money(c.amount)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </>
  );
}

function TotalRow({ label, strong, children }: { label: string; strong?: boolean; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Td c={strong ? undefined : 'dimmed'} fw={strong ? 600 : undefined} fz="sm">
        {label}
      </Table.Td>
      <Table.Td ta="right" fw={strong ? 600 : undefined} fz="sm">
        {children}
      </Table.Td>
    </Table.Tr>
  );
}
