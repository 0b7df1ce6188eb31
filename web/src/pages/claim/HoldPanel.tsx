import { Alert, Anchor, Badge, Button, Card, Grid, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link } from 'react-router';
import { useClaimHold, useHoldClaim, useReleaseClaimHold, type ClaimHold } from '../../api/dunning-hooks';
import { OPEN_STATUSES, type ClaimDetail } from '../../api/types';
import { useCan } from '../../auth/session';
import { applyServerErrors, DateField, notifyError, notifySaved } from '../../components/forms';
import { DateText, ErrorAlert, Field, QueryState } from '../../components/ui';
import { isIsoDate, todayIso } from '../../format';
import { useI18n } from '../../i18n';

/** Where the claim stands in dunning, and the manual hold: "Sospendi" until a day, with a reason. */
export function HoldPanel({ claim }: { claim: ClaimDetail }) {
  const { t } = useI18n();
  const hold = useClaimHold(claim.id);
  return (
    <Card withBorder padding="lg" radius="md" mt="lg" data-testid="claim-dunning">
      <Title order={5} mb="md">
        {t('claimDunning.title')}
      </Title>
      <QueryState query={hold}>{(h) => <HoldView claim={claim} hold={h} />}</QueryState>
    </Card>
  );
}

function HoldView({ claim, hold }: { claim: ClaimDetail; hold: ClaimHold }) {
  const i18n = useI18n();
  const { t, date, money } = i18n;
  const canChange = useCan('claim');
  const canEdit = canChange && OPEN_STATUSES.includes(claim.status);
  const [holding, setHolding] = useState(false);
  const release = useReleaseClaimHold(claim.id, claim.debtorId);
  const held = hold.holdUntil !== null;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <Field label={t('claimDunning.strategy')} testId="claim-strategy">
          {hold.strategyId ? (
            <Anchor component={Link} to={`/strategies/${hold.strategyId}`} size="sm">
              {hold.strategyName}
            </Anchor>
          ) : (
            t('claimDunning.noStrategy')
          )}
        </Field>
        <Field label={t('claimDunning.lastStep')} testId="claim-last-step">
          {hold.dunningStepKey && hold.dunningStepOn
            ? t('claimDunning.lastStepValue', { no: hold.dunningStepNo, key: hold.dunningStepKey, date: date(hold.dunningStepOn) })
            : t('claimDunning.noStep')}
        </Field>
        <Field label={t('claimDunning.nextAction')} testId="claim-next-action">
          <DateText value={hold.nextActionOn} />
        </Field>
      </SimpleGrid>
      {held ? (
        <Alert color="orange" variant="light" data-testid="claim-hold">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={2}>
              <Badge color="orange" variant="filled" tt="none">
                {t('hold.badge', { date: date(hold.holdUntil) })}
              </Badge>
              <Text size="sm">
                {t('hold.reason')}: {hold.holdReason}
              </Text>
            </Stack>
            {canChange && (
              <Button
                size="xs"
                variant="light"
                color="orange"
                loading={release.isPending}
                onClick={() =>
                  release.mutate(hold.version, {
                    onSuccess: () => notifySaved(t('hold.released')),
                    onError: (e) => notifyError(i18n, e),
                  })
                }
                data-testid="release-hold"
              >
                {t('hold.release')}
              </Button>
            )}
          </Group>
        </Alert>
      ) : hold.pause ? (
        <Alert color="blue" variant="light" data-testid="claim-pause">
          <Badge color="blue" variant="filled" tt="none">
            {hold.pause.until ? t('hold.pausedUntil', { date: date(hold.pause.until) }) : t('hold.paused')}
          </Badge>
          <Text size="sm" mt={4}>
            {hold.pause.kind === 'promise' && hold.pause.amount
              ? t('hold.pausePromise', { amount: money(hold.pause.amount, claim.currency) })
              : t(`hold.pause.${hold.pause.kind}`)}
          </Text>
        </Alert>
      ) : (
        <Text size="sm" c="dimmed">
          {t('hold.none')}
        </Text>
      )}
      {canEdit &&
        (holding ? (
          <HoldForm claim={claim} hold={hold} onDone={() => setHolding(false)} />
        ) : (
          <Group>
            <Button variant="default" onClick={() => setHolding(true)} data-testid="hold-claim">
              {held ? t('hold.change') : t('hold.hold')}
            </Button>
          </Group>
        ))}
    </Stack>
  );
}

interface HoldValues {
  until: string;
  reason: string;
}

function HoldForm({ claim, hold, onDone }: { claim: ClaimDetail; hold: ClaimHold; onDone: () => void }) {
  const { t } = useI18n();
  const save = useHoldClaim(claim.id, claim.debtorId);
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const form = useForm<HoldValues>({
    initialValues: { until: hold.holdUntil ?? '', reason: hold.holdReason ?? '' },
    validate: {
      until: (v) => (!v ? t('validation.required') : isIsoDate(v) ? null : t('validation.date')),
      reason: (v) => (v.trim() ? null : t('validation.required')),
    },
  });
  const submit = form.onSubmit((v) => {
    setUnmatched([]);
    save.mutate(
      { until: v.until, reason: v.reason.trim(), version: hold.version },
      {
        onSuccess: () => {
          notifySaved(t('hold.held'));
          onDone();
        },
        onError: (e) => setUnmatched(applyServerErrors(form, e)),
      },
    );
  });
  return (
    <form onSubmit={submit} noValidate data-testid="hold-form">
      <Stack gap="sm" p="md" bg="gray.0" style={{ borderRadius: 8 }}>
        <Text size="sm" c="dimmed">
          {t('hold.hint')}
        </Text>
        {save.error && <ErrorAlert error={save.error} extra={unmatched} />}
        <Grid gap="sm" align="flex-end">
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <DateField label={t('hold.until')} withAsterisk minDate={todayIso()} {...form.getInputProps('until')} data-testid="hold-until" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <TextInput label={t('hold.reason')} withAsterisk maxLength={500} {...form.getInputProps('reason')} data-testid="hold-reason" />
          </Grid.Col>
        </Grid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="confirm-hold">
            {t('hold.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
