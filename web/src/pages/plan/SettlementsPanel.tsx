import { Badge, Button, Card, List, Table, Text, Title } from '@mantine/core';
import { useApproveSettlement, useSettlements } from '../../api/plan-hooks';
import { useCan } from '../../auth/session';
import { notifySaved } from '../../components/forms';
import { DateText, ErrorAlert, Money } from '../../components/ui';
import { useI18n } from '../../i18n';

const STATE_COLOR: Record<string, string> = { awaiting_approval: 'orange', offered: 'blue', paid: 'teal', expired: 'gray', rejected: 'gray', cancelled: 'gray' };

/**
 * The settlement offers (saldo e stralcio) of a position: state, amount, discount, deadline, why one
 * needs approval — and the approval, for those who may give it (the server checks again).
 */
export function SettlementsPanel({ claimId }: { claimId: string }) {
  const { t, te, money } = useI18n();
  const list = useSettlements({ claimId });
  const mayApprove = useCan('waiver');
  const approve = useApproveSettlement();
  const items = list.data?.items ?? [];
  if (list.data && items.length === 0) return null;
  return (
    <Card withBorder padding="lg" radius="md" mt="lg" data-testid="settlements-panel">
      <Title order={5} mb="md">
        {t('settlement.title')}
      </Title>
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {approve.error && <ErrorAlert error={approve.error} />}
      <Table.ScrollContainer minWidth={600}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('settlement.offeredOn')}</Table.Th>
              <Table.Th>{t('plan.col.state')}</Table.Th>
              <Table.Th ta="right">{t('settlement.owed')}</Table.Th>
              <Table.Th ta="right">{t('settlement.amount')}</Table.Th>
              <Table.Th>{t('settlement.deadline')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((s) => (
              <Table.Tr key={s.id} data-testid="settlement-row" data-state={s.state}>
                <Table.Td>
                  <DateText value={s.offeredOn} />
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" size="sm" color={STATE_COLOR[s.state] ?? 'gray'}>
                    {te('settlementState', s.state)}
                  </Badge>
                  {s.reasons.length > 0 && (
                    <List size="xs" mt={4}>
                      {s.reasons.map((r, i) => (
                        <List.Item key={i}>{r}</List.Item>
                      ))}
                    </List>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  <Money amount={s.owed} currency={s.currency} />
                </Table.Td>
                <Table.Td ta="right">
                  <Money amount={s.amount} currency={s.currency} strong />
                  <Text size="xs" c="dimmed">
                    {t('settlement.discount', { amount: money(s.discount, s.currency) })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <DateText value={s.deadline} />
                </Table.Td>
                <Table.Td>
                  {s.state === 'awaiting_approval' && mayApprove && (
                    <Button
                      size="compact-xs"
                      color="teal"
                      loading={approve.isPending && approve.variables === s.id}
                      onClick={() => approve.mutate(s.id, { onSuccess: () => notifySaved(t('settlement.approved')) })}
                      data-testid="settlement-approve"
                    >
                      {t('plan.approve')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
