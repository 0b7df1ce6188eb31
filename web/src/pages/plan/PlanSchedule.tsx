import { Badge, Spoiler, Stack, Table, Text } from '@mantine/core';
import type { Plan, PlanInstalment } from '../../api/plan-hooks';
import { DateText, Money } from '../../components/ui';
import { useI18n } from '../../i18n';

const STATE_COLOR: Record<string, string> = { paid: 'teal', partly_paid: 'yellow', late: 'red', due: 'gray' };

/**
 * A plan's instalments: number, due day, amount, paid, state (paid / partly paid / late) and the
 * reminder sent; with interest on the deferral, each instalment's capital and interest before its amount.
 */
export function PlanSchedule({ instalments, currency }: { instalments: readonly PlanInstalment[]; currency: string }) {
  const { t, te } = useI18n();
  const withInterest = instalments.some((i) => hasInterest(i.interest));
  const table = (
    <Table.ScrollContainer minWidth={withInterest ? 680 : 520}>
      <Table striped withTableBorder data-testid="plan-schedule">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('plan.col.number')}</Table.Th>
            <Table.Th>{t('plan.col.due')}</Table.Th>
            {withInterest && <Table.Th ta="right">{t('plan.col.capital')}</Table.Th>}
            {withInterest && <Table.Th ta="right">{t('plan.col.interest')}</Table.Th>}
            <Table.Th ta="right">{t('plan.col.amount')}</Table.Th>
            <Table.Th ta="right">{t('plan.col.paid')}</Table.Th>
            <Table.Th>{t('plan.col.state')}</Table.Th>
            <Table.Th>{t('plan.col.reminded')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {instalments.map((i) => (
            <Table.Tr key={i.number} data-testid="plan-instalment" data-state={i.state}>
              <Table.Td>{i.number}</Table.Td>
              <Table.Td>
                <DateText value={i.dueOn} />
              </Table.Td>
              {withInterest && (
                <Table.Td ta="right" data-testid="plan-instalment-capital">
                  <Money amount={i.capital} currency={currency} />
                </Table.Td>
              )}
              {withInterest && (
                <Table.Td ta="right" data-testid="plan-instalment-interest">
                  <Money amount={i.interest} currency={currency} />
                </Table.Td>
              )}
              <Table.Td ta="right">
                <Money amount={i.amount} currency={currency} />
              </Table.Td>
              <Table.Td ta="right">
                <Money amount={i.paid} currency={currency} />
              </Table.Td>
              <Table.Td>
                <Badge variant="light" size="sm" color={STATE_COLOR[i.state] ?? 'gray'}>
                  {te('instalmentState', i.state)}
                </Badge>
              </Table.Td>
              <Table.Td>{i.remindedOn ? <DateText value={i.remindedOn} /> : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
  // A long plan (up to 72 monthly instalments) opens on its first year.
  if (instalments.length <= 12) return table;
  return (
    <Spoiler maxHeight={470} showLabel={t('plan.showAll', { count: instalments.length })} hideLabel={t('plan.showLess')} data-testid="plan-schedule-more">
      {table}
    </Spoiler>
  );
}

const hasInterest = (a: string) => /[1-9]/.test(a);

/** With interest on the deferral: the capital deferred and the interest at its yearly rate (with the legal rate's source). */
export function PlanInterest({ plan }: { plan: Pick<Plan, 'capital' | 'interest' | 'deferralRate' | 'deferralRateSource' | 'currency'> }) {
  const { t, locale } = useI18n();
  if (plan.deferralRate === null) return null;
  const rate = locale === 'en' ? plan.deferralRate : plan.deferralRate.replace('.', ',');
  return (
    <Stack gap={0} data-testid="plan-interest">
      <Text size="sm">
        {t('plan.capital')}: <Money amount={plan.capital} currency={plan.currency} /> · {t('plan.deferralInterest', { rate })}: <Money amount={plan.interest} currency={plan.currency} />
      </Text>
      {plan.deferralRateSource && (
        <Text size="xs" c="dimmed">
          {t('plan.deferralRateSource', { source: plan.deferralRateSource })}
        </Text>
      )}
    </Stack>
  );
}
