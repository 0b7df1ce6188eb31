import { ActionIcon, Alert, Badge, Button, Card, Group, Modal, MultiSelect, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useStrategy, useStrategyTemplates, useUpdateStrategy, type Strategy, type StrategyTemplates } from '../api/dunning-hooks';
import { CURRENCIES, DEBTOR_KINDS, LANGUAGES } from '../api/types';
import { useCan } from '../auth/session';
import { applyServerErrors, enumOptions, MoneyField, notifySaved } from '../components/forms';
import { ErrorAlert, PageHeader, QueryState } from '../components/ui';
import { parseMoneyInput } from '../format';
import { useI18n } from '../i18n';
import { SetActiveButton } from './strategy/SetActiveButton';
import {
  CHANNELS,
  ACTION_CHOICES,
  conditionCount,
  DELAY_FROM,
  emptyConditions,
  FEE_MODES,
  INTEREST_MODES,
  newUid,
  PAYMENT_SLIPS,
  RISK_CLASSES,
  TIERS,
  toStep,
  toStepValues,
  type StepValues,
  type Values,
} from './strategy/step-form';

export default function StrategyPage() {
  const { id = '' } = useParams();
  const strategy = useStrategy(id);
  const templates = useStrategyTemplates();
  return (
    <QueryState query={strategy}>
      {(s) => <QueryState query={templates}>{(tpl) => <StrategyEditor key={`${s.id}:${s.version}`} strategy={s} templates={tpl} />}</QueryState>}
    </QueryState>
  );
}

function StrategyEditor({ strategy, templates }: { strategy: Strategy; templates: StrategyTemplates }) {
  const { t, te } = useI18n();
  const canWrite = useCan('strategy');
  const save = useUpdateStrategy(strategy.id);
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const [conditionsOf, setConditionsOf] = useState<number | null>(null);
  const form = useForm<Values>({
    initialValues: { name: strategy.name, steps: strategy.steps.map(toStepValues) },
    validate: {
      name: (v) => (v.trim() ? null : t('validation.required')),
      steps: {
        key: (v) => (v.trim() ? null : t('validation.required')),
        delayDays: (v) => (v === '' || !Number.isInteger(Number(v)) ? t('validation.required') : null),
        channels: (v) => (v.length ? null : t('validation.required')),
        feeAmount: (v, values, path) => {
          const i = Number(path.split('.')[1]);
          return values.steps[i]?.feeMode === 'amount' && !parseMoneyInput(v) ? t('validation.amount') : null;
        },
      },
    },
  });

  /** Every message for a field and what lies under it ("steps.2.channels" also shows "steps.2.channels.0"). */
  const errorAt = (path: string) => {
    const messages = Object.entries(form.errors)
      .filter(([k, v]) => v && (k === path || k.startsWith(`${path}.`)))
      .map(([, v]) => String(v));
    return messages.length ? messages.join(' · ') : undefined;
  };
  const templatesOf = (tier: string) => templates.messageTemplates.filter((m) => m.tier === tier);

  const submit = form.onSubmit((v) => {
    setUnmatched([]);
    save.mutate(
      { name: v.name.trim(), steps: v.steps.map(toStep), version: strategy.version },
      {
        onSuccess: () => notifySaved(t('strategies.saved')),
        onError: (e) => setUnmatched(applyServerErrors(form, e)),
      },
    );
  });

  const addStep = () => {
    const last = form.values.steps.at(-1);
    const tier = last?.tier ?? 'soft';
    const taken = new Set(form.values.steps.map((s) => s.key));
    let n = form.values.steps.length + 1;
    while (taken.has(`step-${n}`)) n++;
    form.insertListItem('steps', {
      uid: newUid(),
      key: `step-${n}`,
      tier,
      delayDays: last ? 15 : 10,
      delayFrom: last ? 'previous' : 'due',
      channels: ['email'],
      template: templatesOf(tier)[0]?.key ?? 'soft-reminder',
      feeMode: 'none',
      feeAmount: '',
      interest: last?.interest ?? 'none',
      waiveBelow: '',
      postage: '',
      paymentSlip: '',
      action: 'message',
      conditions: emptyConditions(),
    } satisfies StepValues);
  };

  const setTier = (i: number, tier: string | null) => {
    if (!tier) return;
    form.setFieldValue(`steps.${i}.tier`, tier);
    const options = templatesOf(tier);
    if (!options.some((m) => m.key === form.values.steps[i]?.template)) form.setFieldValue(`steps.${i}.template`, options[0]?.key ?? '');
  };

  const editing = conditionsOf === null ? undefined : form.values.steps[conditionsOf];

  return (
    <>
      <PageHeader
        title={strategy.name}
        back={{ to: `/strategies?creditorId=${strategy.creditorId}`, label: t('strategies.title') }}
        subtitle={`${t('strategies.creditor')}: ${strategy.creditorName} · ${strategy.template ? te('strategyTemplate', strategy.template) : t('strategies.custom')} · ${t('strategies.col.openClaims')}: ${strategy.openClaims}`}
        badges={
          <Badge variant="light" color={strategy.active ? 'green' : 'gray'} data-testid="strategy-state">
            {strategy.active ? t('strategies.active') : t('strategies.inactive')}
          </Badge>
        }
        actions={canWrite && <SetActiveButton strategy={strategy} />}
      />
      <form onSubmit={submit} noValidate data-testid="strategy-form">
        <Card withBorder padding="lg" radius="md">
          <Stack gap="md">
            {!canWrite && (
              <Alert color="gray" variant="light">
                {t('strategies.readOnly')}
              </Alert>
            )}
            {save.error && <ErrorAlert error={save.error} extra={unmatched} />}
            <TextInput label={t('strategies.name')} withAsterisk maw={420} disabled={!canWrite} {...form.getInputProps('name')} data-testid="strategy-name" />
            <div>
              <Title order={5}>{t('strategies.steps')}</Title>
              <Text size="sm" c="dimmed">
                {t('strategies.stepsHint')}
              </Text>
              <Text size="sm" c="dimmed">
                {t('step.actionHint')}
              </Text>
            </div>
            <Table.ScrollContainer minWidth={1940}>
              <Table verticalSpacing="xs" horizontalSpacing="xs" data-testid="steps-table" style={{ verticalAlign: 'top' }}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('step.no')}</Table.Th>
                    <Table.Th>{t('step.key')}</Table.Th>
                    <Table.Th>{t('step.tier')}</Table.Th>
                    <Table.Th>{t('step.delayDays')}</Table.Th>
                    <Table.Th>{t('step.delayFrom')}</Table.Th>
                    <Table.Th>{t('step.action')}</Table.Th>
                    <Table.Th>{t('step.channels')}</Table.Th>
                    <Table.Th>{t('step.template')}</Table.Th>
                    <Table.Th>{t('step.fee')}</Table.Th>
                    <Table.Th>{t('step.interest')}</Table.Th>
                    <Table.Th>{t('step.waiveBelow')}</Table.Th>
                    <Table.Th>{t('step.postage')}</Table.Th>
                    <Table.Th>{t('step.paymentSlip')}</Table.Th>
                    <Table.Th>{t('step.conditions')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {form.values.steps.map((s, i) => {
                    const p = `steps.${i}`;
                    const count = conditionCount(s.conditions);
                    const conditionsError = errorAt(`${p}.conditions`);
                    return (
                      <Table.Tr key={s.uid} data-testid="step-row">
                        <Table.Td pt="md">
                          <Text fw={600}>{i + 1}</Text>
                        </Table.Td>
                        <Table.Td w={120}>
                          <TextInput size="xs" aria-label={t('step.key')} disabled={!canWrite} {...form.getInputProps(`${p}.key`)} error={errorAt(`${p}.key`)} data-testid="step-key" />
                        </Table.Td>
                        <Table.Td w={140}>
                          <Select
                            size="xs"
                            aria-label={t('step.tier')}
                            disabled={!canWrite}
                            allowDeselect={false}
                            data={enumOptions(te, 'stage', TIERS)}
                            value={s.tier}
                            onChange={(v) => setTier(i, v)}
                            error={errorAt(`${p}.tier`)}
                            data-testid="step-tier"
                          />
                        </Table.Td>
                        <Table.Td w={80}>
                          <NumberInput
                            size="xs"
                            aria-label={t('step.delayDays')}
                            disabled={!canWrite}
                            min={0}
                            max={3650}
                            allowDecimal={false}
                            allowNegative={false}
                            {...form.getInputProps(`${p}.delayDays`)}
                            error={errorAt(`${p}.delayDays`)}
                            data-testid="step-delay"
                          />
                        </Table.Td>
                        <Table.Td w={150}>
                          <Select
                            size="xs"
                            aria-label={t('step.delayFrom')}
                            disabled={!canWrite}
                            allowDeselect={false}
                            data={enumOptions(te, 'delayFrom', DELAY_FROM)}
                            {...form.getInputProps(`${p}.delayFrom`)}
                            error={errorAt(`${p}.delayFrom`)}
                            data-testid="step-delay-from"
                          />
                        </Table.Td>
                        <Table.Td w={190}>
                          <Select
                            size="xs"
                            aria-label={t('step.action')}
                            disabled={!canWrite}
                            allowDeselect={false}
                            data={enumOptions(te, 'stepAction', ACTION_CHOICES)}
                            {...form.getInputProps(`${p}.action`)}
                            error={errorAt(`${p}.action`)}
                            data-testid="step-action"
                          />
                        </Table.Td>
                        <Table.Td w={230}>
                          {s.action === 'propose_mediation' ? (
                            <Text size="xs" c="dimmed" pt={6}>
                              {t('step.noMessage')}
                            </Text>
                          ) : (
                            <Stack gap={2}>
                              <MultiSelect
                                size="xs"
                                aria-label={t('step.channels')}
                                disabled={!canWrite}
                                data={enumOptions(te, 'dunningChannel', CHANNELS)}
                                {...form.getInputProps(`${p}.channels`)}
                                error={errorAt(`${p}.channels`)}
                                data-testid="step-channels"
                              />
                              {s.action === 'enforce_guarantee' && (
                                <Text size="xs" c="dimmed">
                                  {t('step.toGuarantor')}
                                </Text>
                              )}
                            </Stack>
                          )}
                        </Table.Td>
                        <Table.Td w={250}>
                          {s.action === 'message' ? (
                            <Select
                              size="xs"
                              aria-label={t('step.template')}
                              disabled={!canWrite}
                              allowDeselect={false}
                              data={templatesOf(s.tier).map((m) => ({ value: m.key, label: te('messageTemplate', m.key) }))}
                              {...form.getInputProps(`${p}.template`)}
                              error={errorAt(`${p}.template`)}
                              data-testid="step-template"
                            />
                          ) : (
                            <Text size="xs" c="dimmed" pt={6}>
                              {te('stepAction', s.action)}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td w={200}>
                          <Stack gap={4}>
                            <Select
                              size="xs"
                              aria-label={t('step.fee')}
                              disabled={!canWrite}
                              allowDeselect={false}
                              data={enumOptions(te, 'feeMode', FEE_MODES)}
                              {...form.getInputProps(`${p}.feeMode`)}
                              data-testid="step-fee-mode"
                            />
                            {s.feeMode === 'amount' && (
                              <MoneyField
                                size="xs"
                                aria-label={t('step.feeAmount')}
                                disabled={!canWrite}
                                {...form.getInputProps(`${p}.feeAmount`)}
                                error={errorAt(`${p}.feeAmount`) ?? errorAt(`${p}.fee`)}
                                data-testid="step-fee-amount"
                              />
                            )}
                            {s.feeMode !== 'amount' && errorAt(`${p}.fee`) && (
                              <Text size="xs" c="red">
                                {errorAt(`${p}.fee`)}
                              </Text>
                            )}
                          </Stack>
                        </Table.Td>
                        <Table.Td w={160}>
                          <Select
                            size="xs"
                            aria-label={t('step.interest')}
                            disabled={!canWrite}
                            allowDeselect={false}
                            data={enumOptions(te, 'interestMode', INTEREST_MODES)}
                            {...form.getInputProps(`${p}.interest`)}
                            error={errorAt(`${p}.interest`)}
                            data-testid="step-interest"
                          />
                        </Table.Td>
                        <Table.Td w={110}>
                          <MoneyField size="xs" aria-label={t('step.waiveBelow')} disabled={!canWrite} {...form.getInputProps(`${p}.waiveBelow`)} error={errorAt(`${p}.waiveBelow`)} data-testid="step-waive-below" />
                        </Table.Td>
                        <Table.Td w={100}>
                          <MoneyField size="xs" aria-label={t('step.postage')} disabled={!canWrite} {...form.getInputProps(`${p}.postage`)} error={errorAt(`${p}.postage`)} />
                        </Table.Td>
                        <Table.Td w={130}>
                          <Select
                            size="xs"
                            aria-label={t('step.paymentSlip')}
                            disabled={!canWrite}
                            allowDeselect={false}
                            data={[{ value: '', label: t('step.default') }, ...enumOptions(te, 'paymentSlip', PAYMENT_SLIPS)]}
                            {...form.getInputProps(`${p}.paymentSlip`)}
                            error={errorAt(`${p}.paymentSlip`)}
                          />
                        </Table.Td>
                        <Table.Td w={140}>
                          <Button
                            size="xs"
                            variant={conditionsError ? 'light' : 'subtle'}
                            color={conditionsError ? 'red' : undefined}
                            onClick={() => setConditionsOf(i)}
                            data-testid="step-conditions"
                          >
                            {count ? t('step.conditionsSet', { count }) : t('step.conditionsNone')}
                          </Button>
                        </Table.Td>
                        <Table.Td w={100}>
                          {canWrite && (
                            <Group gap={2} wrap="nowrap">
                              <ActionIcon variant="subtle" aria-label={t('step.moveUp')} disabled={i === 0} onClick={() => form.reorderListItem('steps', { from: i, to: i - 1 })}>
                                ↑
                              </ActionIcon>
                              <ActionIcon
                                variant="subtle"
                                aria-label={t('step.moveDown')}
                                disabled={i === form.values.steps.length - 1}
                                onClick={() => form.reorderListItem('steps', { from: i, to: i + 1 })}
                              >
                                ↓
                              </ActionIcon>
                              <ActionIcon
                                variant="subtle"
                                color="red"
                                aria-label={t('step.remove')}
                                disabled={form.values.steps.length === 1}
                                onClick={() => form.removeListItem('steps', i)}
                                data-testid="step-remove"
                              >
                                ✕
                              </ActionIcon>
                            </Group>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {form.errors.steps && (
              <Alert color="red" variant="light" data-testid="steps-error">
                {form.errors.steps}
              </Alert>
            )}
            {canWrite && (
              <Group justify="space-between">
                <Button variant="default" onClick={addStep} disabled={form.values.steps.length >= 20} data-testid="add-step">
                  {t('strategies.addStep')}
                </Button>
                <Group gap="xs">
                  <Button variant="subtle" onClick={() => form.reset()} disabled={!form.isDirty()}>
                    {t('strategies.reset')}
                  </Button>
                  <Button type="submit" loading={save.isPending} data-testid="save-strategy">
                    {t('common.save')}
                  </Button>
                </Group>
              </Group>
            )}
          </Stack>
        </Card>
      </form>

      <Modal
        opened={editing !== undefined}
        onClose={() => setConditionsOf(null)}
        title={editing ? t('step.conditionsTitle', { key: editing.key }) : ''}
        size="lg"
        centered
      >
        {conditionsOf !== null && editing && (
          <Stack gap="sm" data-testid="conditions-form">
            <Text size="sm" c="dimmed">
              {t('step.conditionsHint')}
            </Text>
            {(['debtorKinds', 'currencies', 'languages', 'riskClasses'] as const).map((k) => (
              <MultiSelect
                key={k}
                label={t(`step.${k}`)}
                placeholder={editing.conditions[k].length ? undefined : t('step.any')}
                disabled={!canWrite}
                clearable
                data={
                  k === 'debtorKinds'
                    ? enumOptions(te, 'debtorKind', DEBTOR_KINDS)
                    : k === 'languages'
                      ? enumOptions(te, 'language', LANGUAGES)
                      : k === 'riskClasses'
                        ? enumOptions(te, 'riskClass', RISK_CLASSES)
                        : CURRENCIES.map((c) => ({ value: c, label: c }))
                }
                {...form.getInputProps(`steps.${conditionsOf}.conditions.${k}`)}
                error={errorAt(`steps.${conditionsOf}.conditions.${k}`)}
              />
            ))}
            <Select
              label={t('step.reachableByPhone')}
              disabled={!canWrite}
              allowDeselect={false}
              data={(['any', 'true', 'false'] as const).map((v) => ({ value: v, label: t(`step.reachableByPhone.${v}`) }))}
              {...form.getInputProps(`steps.${conditionsOf}.conditions.reachableByPhone`)}
              error={errorAt(`steps.${conditionsOf}.conditions.reachableByPhone`)}
              data-testid="condition-reachable-by-phone"
            />
            <Group grow>
              <MoneyField
                label={t('step.minAmount')}
                disabled={!canWrite}
                {...form.getInputProps(`steps.${conditionsOf}.conditions.minAmount`)}
                error={errorAt(`steps.${conditionsOf}.conditions.minAmount`)}
              />
              <MoneyField
                label={t('step.maxAmount')}
                disabled={!canWrite}
                {...form.getInputProps(`steps.${conditionsOf}.conditions.maxAmount`)}
                error={errorAt(`steps.${conditionsOf}.conditions.maxAmount`)}
              />
            </Group>
            <Group justify="flex-end">
              <Button onClick={() => setConditionsOf(null)} data-testid="close-conditions">
                {t('common.close')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
