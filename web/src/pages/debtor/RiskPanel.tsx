import { Badge, Button, Card, Group, SegmentedControl, SimpleGrid, Stack, Table, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { call, http } from '../../api/client';
import { keys } from '../../api/hooks';
import type { BodyOf, DebtorDetail } from '../../api/types';
import { useCan } from '../../auth/session';
import { notifyError, notifySaved } from '../../components/forms';
import { DateText, Field, Money } from '../../components/ui';
import { formatNumber } from '../../format';
import { useI18n } from '../../i18n';

type Risk = NonNullable<DebtorDetail['risk']>;
type Profile = Risk['profile'];
type Choice = Risk['choices'][number]['choice'];

export const RISK_COLORS: Record<string, string> = { A: 'teal', B: 'blue', C: 'orange', D: 'red' };

/** The class as a badge (lists and the page header). */
export function RiskBadge({ riskClass }: { riskClass: string | null | undefined }) {
  const { t } = useI18n();
  if (!riskClass) return null;
  return (
    <Badge color={RISK_COLORS[riskClass] ?? 'gray'} variant="filled" radius="sm" title={t('risk.classLabel')} data-testid="risk-class">
      {riskClass}
    </Badge>
  );
}

function Figures({ p }: { p: Profile }) {
  const { t, locale } = useI18n();
  const f = p.figures;
  // Days late and counts, written the UI language's way ("28,5" in Italian); never money.
  const dash = (v: string | number | null) => (v === null ? '—' : formatNumber(v, locale));
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" data-testid="risk-figures">
      <Field label={t('risk.onTime')}>{f.onTimePercent === null ? '—' : `${f.onTimePercent}% (${f.paidOnTime}/${f.paid})`}</Field>
      <Field label={t('risk.avgDaysLate')}>{dash(f.avgDaysLate)}</Field>
      <Field label={t('risk.medianDaysLate')}>{dash(f.medianDaysLate)}</Field>
      <Field label={t('risk.trend')}>
        {dash(f.lateness12)} / {dash(f.latenessPrev12)} {p.worsening && <Badge color="orange" size="xs">{t('risk.worsening')}</Badge>}
      </Field>
      <Field label={t('risk.promises')}>
        {f.promisesKept} / {f.promisesBroken}
      </Field>
      <Field label={t('risk.plansLapsed')}>{f.plansLapsed}</Field>
      <Field label={t('risk.disputes')}>{f.disputes}</Field>
      <Field label={t('risk.exposure')}>
        {Object.keys(f.exposure).length === 0
          ? '—'
          : Object.entries(f.exposure).map(([cur, amount]) => (
              <div key={cur}>
                <Money amount={amount} currency={cur} />
              </div>
            ))}
      </Field>
      <Field label={t('risk.oldestOverdue')}>{f.oldestOverdueOn ? <DateText value={f.oldestOverdueOn} /> : '—'}</Field>
    </SimpleGrid>
  );
}

function AdviceForm({ debtorId, recommend }: { debtorId: string; recommend: Choice }) {
  const i18n = useI18n();
  const { t } = i18n;
  const qc = useQueryClient();
  const [choice, setChoice] = useState<Choice>(recommend);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: BodyOf<'/api/debtors/{id}/advice', 'post'>) => call(http.POST('/api/debtors/{id}/advice', { params: { path: { id: debtorId } }, body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.debtor(debtorId) }),
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason.trim()) return setError(t('validation.required'));
        save.mutate(
          { choice, reason: reason.trim() },
          {
            onSuccess: () => {
              setReason('');
              setError(null);
              notifySaved(t('risk.choiceSaved'));
            },
            onError: (err) => notifyError(i18n, err),
          },
        );
      }}
    >
      <Stack gap="xs">
        <SegmentedControl
          value={choice}
          onChange={(v) => setChoice(v as Choice)}
          data={(['negotiate', 'guarantee', 'close'] as const).map((c) => ({ value: c, label: t(`risk.advice.${c}`) }))}
          data-testid="advice-choice"
        />
        <Textarea label={t('risk.choiceReason')} value={reason} error={error} autosize minRows={2} onChange={(e) => setReason(e.currentTarget.value)} data-testid="advice-reason" />
        <Group justify="flex-end">
          <Button type="submit" size="sm" loading={save.isPending} data-testid="advice-save">
            {t('risk.recordChoice')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The payment-behaviour profile, its class with the explanation, the advice and the choices recorded on it. */
export function RiskPanel({ debtor }: { debtor: DebtorDetail }) {
  const { t, dateTime } = useI18n();
  const canDecide = useCan('debtor');
  const risk = debtor.risk;
  if (!risk) return <Text c="dimmed">{t('risk.none')}</Text>;
  return (
    <Stack gap="md" data-testid="risk-panel">
      <Card withBorder padding="md" radius="md">
        <Group gap="sm" mb="sm" wrap="nowrap" align="flex-start">
          <RiskBadge riskClass={risk.profile.riskClass} />
          <Text size="sm" data-testid="risk-explanation">
            {risk.profile.explanation}
          </Text>
        </Group>
        <Figures p={risk.profile} />
      </Card>
      {risk.advice && (
        <Card withBorder padding="md" radius="md" data-testid="risk-advice">
          <Text size="xs" c="dimmed" tt="uppercase" fw={700} mb={6}>
            {t('risk.adviceTitle')}
          </Text>
          <Text fw={700} data-testid="risk-advice-recommend">
            {t(`risk.advice.${risk.advice.recommend}`)}
          </Text>
          <Stack gap={2} my="xs">
            {risk.advice.reasons.map((r) => (
              <Text size="sm" key={r}>
                • {r}
              </Text>
            ))}
          </Stack>
          {canDecide && <AdviceForm debtorId={debtor.id} recommend={risk.advice.recommend} />}
        </Card>
      )}
      {risk.choices.length > 0 && (
        <Table data-testid="advice-choices">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('common.createdAt')}</Table.Th>
              <Table.Th>{t('risk.recommended')}</Table.Th>
              <Table.Th>{t('risk.chosen')}</Table.Th>
              <Table.Th>{t('risk.choiceReason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {risk.choices.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  {dateTime(c.decidedAt)} {c.decidedBy ?? ''}
                </Table.Td>
                <Table.Td>{t(`risk.advice.${c.recommended}`)}</Table.Td>
                <Table.Td>{t(`risk.advice.${c.choice}`)}</Table.Td>
                <Table.Td>{c.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {risk.perCreditor.length > 0 && (
        <Card withBorder padding="md" radius="md">
          <Text size="xs" c="dimmed" tt="uppercase" fw={700} mb={6}>
            {t('risk.perCreditor')}
          </Text>
          <Stack gap="xs">
            {risk.perCreditor.map((p) => (
              <Group key={p.creditorId} gap="sm" wrap="nowrap" align="flex-start">
                <RiskBadge riskClass={p.riskClass} />
                <Text size="sm">
                  <b>{p.creditorName}</b> — {p.explanation}
                </Text>
              </Group>
            ))}
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
