import { Badge, Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useGuarantees, useMediationOptions, useMediationOutcome, useMediations, useProposeMediation, type Mediation } from '../../api/guarantee-hooks';
import { useCreditorOptions } from '../../api/hooks';
import { useCan } from '../../auth/session';
import { DateField, MoneyField, notifyError, notifySaved, useMoneyStyle } from '../../components/forms';
import { QueryState } from '../../components/ui';
import { parseMoneyInput } from '../../format';
import { useI18n } from '../../i18n';
import { GuaranteeForm, GuaranteeTable } from '../guarantees/GuaranteeParts';

/**
 * A debtor's guarantees and mediations (issue 17 items 3–4): the guarantees that secure its debts (add,
 * enforce, release), the mediation or conciliation the rules propose toward a creditor (claims paused
 * while it runs) and the outcome of each.
 */
export function GuaranteesMediationPanel({ debtorId }: { debtorId: string }) {
  const { t } = useI18n();
  const canWrite = useCan('claim');
  const [adding, setAdding] = useState(false);
  const guarantees = useGuarantees({ debtorId });
  return (
    <Stack gap="md" data-testid="debtor-guarantees">
      <Card withBorder>
        <Group justify="space-between" mb="sm">
          <Title order={5}>{t('guarantees.title')}</Title>
          {canWrite && (
            <Button size="xs" variant="light" onClick={() => setAdding((a) => !a)} data-testid="debtor-guarantee-add">
              {t('guarantees.add')}
            </Button>
          )}
        </Group>
        <Stack gap="sm">
          {adding && <GuaranteeForm debtorId={debtorId} onDone={() => setAdding(false)} />}
          <QueryState query={guarantees}>{(data) => <GuaranteeTable items={data.items} showDebtor={false} />}</QueryState>
        </Stack>
      </Card>
      <MediationCard debtorId={debtorId} />
    </Stack>
  );
}

function MediationCard({ debtorId }: { debtorId: string }) {
  const i18n = useI18n();
  const { t, te, date, money } = i18n;
  const canWrite = useCan('claim');
  const creditors = useCreditorOptions();
  const [creditorId, setCreditorId] = useState<string | null>(null);
  const options = useMediationOptions(creditorId ? { creditorId, debtorId } : null);
  const mediations = useMediations({ debtorId });
  const propose = useProposeMediation();
  const [procedure, setProcedure] = useState<string | null>(null);
  const [body, setBody] = useState('');
  const [pauseUntil, setPauseUntil] = useState('');
  const o = options.data;
  return (
    <Card withBorder data-testid="debtor-mediation">
      <Title order={5} mb="sm">{t('mediation.title')}</Title>
      {canWrite && (
        <Stack gap="xs" mb="md">
          <Group align="end">
            <Select label={t('mediation.creditor')} data={(creditors.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))} value={creditorId} onChange={setCreditorId} w={260} data-testid="mediation-creditor" />
            {o && o.allowed.length > 0 && (
              <Select
                label={t('mediation.procedure')}
                data={o.allowed.map((p) => ({ value: p, label: te('mediationProcedure', p) }))}
                value={procedure ?? o.proposed?.procedure ?? null}
                onChange={setProcedure}
                w={300}
              />
            )}
            {o && o.allowed.length > 0 && <TextInput label={t('mediation.body')} value={body} onChange={(e) => setBody(e.currentTarget.value)} w={220} />}
            {o && o.allowed.length > 0 && <DateField label={t('mediation.pauseUntil')} value={pauseUntil} onChange={setPauseUntil} w={170} />}
            {o && o.allowed.length > 0 && creditorId && (
              <Button
                loading={propose.isPending}
                data-testid="mediation-propose"
                onClick={() =>
                  propose.mutate(
                    {
                      creditorId,
                      debtorId,
                      ...(procedure ? { procedure: procedure as NonNullable<typeof o.proposed>['procedure'] } : {}),
                      body: body.trim() || null,
                      ...(pauseUntil ? { pauseUntil } : {}),
                    },
                    { onSuccess: () => notifySaved(t('mediation.proposed')), onError: (e) => notifyError(i18n, e) },
                  )
                }
              >
                {t('mediation.propose')}
              </Button>
            )}
          </Group>
          {o &&
            (o.proposed ? (
              <Text size="sm" data-testid="mediation-rules">
                {t('mediation.rulesSay', { procedure: te('mediationProcedure', o.proposed.procedure), law: o.proposed.law })} ·{' '}
                {o.proposed.compulsory ? t('mediation.compulsory') : t('mediation.voluntary')} · {o.currency ? money(o.amount, o.currency) : ''}
              </Text>
            ) : (
              <Text size="sm" c="dimmed">{t('mediation.noneHere')}</Text>
            ))}
        </Stack>
      )}
      <QueryState query={mediations}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed">{t('mediation.none')}</Text>
          ) : (
            <Table withTableBorder data-testid="mediations-table">
              <Table.Tbody>
                {data.items.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>
                      {te('mediationProcedure', m.procedure)}
                      <Text size="xs" c="dimmed">{m.law}</Text>
                    </Table.Td>
                    <Table.Td>{m.creditorName}</Table.Td>
                    <Table.Td>{money(m.amount, m.currency)}</Table.Td>
                    <Table.Td>
                      {date(m.proposedOn)} → {date(m.pauseUntil)}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={m.outcome === 'agreed' ? 'green' : m.outcome === 'pending' ? 'yellow' : 'gray'}>{te('mediationOutcome', m.outcome)}</Badge>
                      {m.agreedAmount && <Text size="xs">{money(m.agreedAmount, m.currency)}</Text>}
                    </Table.Td>
                    <Table.Td>{canWrite && m.outcome === 'pending' && <OutcomeForm m={m} />}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
    </Card>
  );
}

function OutcomeForm({ m }: { m: Mediation }) {
  const i18n = useI18n();
  const { t, te } = i18n;
  const record = useMediationOutcome();
  const [outcome, setOutcome] = useState<'agreed' | 'failed' | 'refused'>('agreed');
  const [amount, setAmount] = useState('');
  const style = useMoneyStyle(m.currency);
  return (
    <Group gap={4} align="end">
      <Select size="xs" w={120} data={(['agreed', 'failed', 'refused'] as const).map((x) => ({ value: x, label: te('mediationOutcome', x) }))} value={outcome} allowDeselect={false} onChange={(v) => setOutcome((v ?? 'agreed') as typeof outcome)} />
      {outcome === 'agreed' && <MoneyField size="xs" w={130} placeholder={t('mediation.agreedAmount')} currency={m.currency} value={amount} onChange={(e) => setAmount(e.currentTarget.value)} />}
      <Button
        size="compact-xs"
        loading={record.isPending}
        onClick={() =>
          record.mutate(
            { id: m.id, body: { outcome, version: m.version, ...(outcome === 'agreed' ? { agreedAmount: parseMoneyInput(amount, style) ?? amount } : {}) } },
            { onSuccess: () => notifySaved(t('mediation.saved')), onError: (e) => notifyError(i18n, e) },
          )
        }
      >
        {t('mediation.recordOutcome')}
      </Button>
    </Group>
  );
}
