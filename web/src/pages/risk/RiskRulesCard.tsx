import { Alert, Button, Card, Checkbox, Chip, Grid, Group, Select, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { isApiError } from '../../api/client';
import { notifySaved } from '../../components/forms';
import { ErrorAlert } from '../../components/ui';
import { moneyStyle, parseMoneyInput } from '../../format';
import { useI18n } from '../../i18n';
import { CRITERIA, formPathOf, GRADED, RISK_LETTERS, riskRulesBody, riskRulesProblems, riskRulesValues, type RiskRules, type RiskRulesValues } from './risk-rules';

interface Props {
  /** The rules this level uses now: its own, or those it inherits. */
  inForce: RiskRules;
  /** Whether this level (the agency, a creditor) has its own. */
  own: boolean;
  /** 'agency': the settings page (the alternative is the shipped defaults); 'creditor': a creditor (the alternative is the agency's). */
  level: 'agency' | 'creditor';
  canWrite: boolean;
  saving: boolean;
  /** Saves the rules, or null to use the inherited ones again; resolves when saved, rejects with the API error. */
  onSave: (rules: RiskRules | null) => Promise<unknown>;
}

/**
 * The risk-class thresholds (issue 17 item 1: rules kept as data): per class D, C, B the criteria a
 * debtor's profile must meet, how many recent invoices count, and when the advice is a guarantee or
 * closing the relationship. The classes are recomputed after a change.
 */
export function RiskRulesCard({ inForce, own, level, canWrite, saving, onSave }: Props) {
  const { t, locale } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const form = useForm<RiskRulesValues & { own: boolean }>({
    initialValues: { ...riskRulesValues(inForce), own },
    validate: (v) => {
      const out: Record<string, string> = {};
      if (!v.own) return out;
      for (const [path, problem] of Object.entries(riskRulesProblems(v))) out[path] = problem === 'required' ? t('validation.required') : t('riskRules.wholeNumber');
      return out;
    },
  });
  const editable = canWrite && form.values.own;

  const submit = form.onSubmit((v) => {
    setError(null);
    setUnmatched([]);
    const body = v.own ? riskRulesBody(v, (raw) => parseMoneyInput(raw, moneyStyle(locale))) : null;
    onSave(body).then(
      () => {
        notifySaved(t('riskRules.saved'));
        form.resetDirty();
      },
      (e: unknown) => {
        setError(e);
        if (!isApiError(e)) return;
        const errors: Record<string, string> = {};
        const rest: string[] = [];
        for (const f of e.fields) {
          const path = formPathOf(f.path);
          if (path) errors[path] = f.message;
          else rest.push(f.message);
        }
        form.setErrors(errors);
        setUnmatched(rest);
      },
    );
  });

  const cell = (g: (typeof GRADED)[number], c: (typeof CRITERIA)[number]) => (
    <Table.Td key={g}>
      <TextInput
        size="xs"
        w={90}
        inputMode="numeric"
        aria-label={`${t(`riskRules.criterion.${c}`)} — ${g}`}
        placeholder="—"
        disabled={!editable}
        {...form.getInputProps(`classes.${g}.${c}`)}
        data-testid={`risk-${g}-${c}`}
      />
    </Table.Td>
  );

  return (
    <Card withBorder padding="lg" radius="md" data-testid="risk-rules">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <div>
            <Title order={5}>{t('riskRules.title')}</Title>
            <Text size="sm" c="dimmed">
              {t('riskRules.hint')}
            </Text>
          </div>
          {error !== null && <ErrorAlert error={error} extra={unmatched} />}
          <Switch
            label={t(level === 'agency' ? 'riskRules.ownAgency' : 'riskRules.ownCreditor')}
            description={form.values.own ? undefined : t(level === 'agency' ? 'riskRules.usingDefaults' : 'riskRules.usingAgency')}
            disabled={!canWrite}
            {...form.getInputProps('own', { type: 'checkbox' })}
            data-testid="risk-own"
          />
          <Table withTableBorder withColumnBorders verticalSpacing={4} data-testid="risk-criteria">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('riskRules.criterion')}</Table.Th>
                {GRADED.map((g) => (
                  <Table.Th key={g}>{t(`riskClass.${g}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {CRITERIA.map((c) => (
                <Table.Tr key={c}>
                  <Table.Td>
                    <Text size="sm">{t(`riskRules.criterion.${c}`, { recent: form.values.recent })}</Text>
                  </Table.Td>
                  {GRADED.map((g) => cell(g, c))}
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Td>
                  <Text size="sm">{t('riskRules.criterion.worsening', { days: form.values.worseningDays })}</Text>
                </Table.Td>
                {GRADED.map((g) => (
                  <Table.Td key={g}>
                    <Checkbox
                      aria-label={`${t('riskRules.criterion.worsening', { days: form.values.worseningDays })} — ${g}`}
                      disabled={!editable}
                      {...form.getInputProps(`classes.${g}.worsening`, { type: 'checkbox' })}
                      data-testid={`risk-${g}-worsening`}
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed">
            {t('riskRules.blankHint')}
          </Text>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
              <TextInput label={t('riskRules.recent')} inputMode="numeric" disabled={!editable} {...form.getInputProps('recent')} data-testid="risk-recent" />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
              <TextInput label={t('riskRules.worseningDays')} inputMode="numeric" disabled={!editable} {...form.getInputProps('worseningDays')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
              <Select
                label={t('riskRules.noHistory')}
                data={RISK_LETTERS.map((l) => ({ value: l, label: t(`riskClass.${l}`) }))}
                allowDeselect={false}
                disabled={!editable}
                {...form.getInputProps('noHistory')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
              <TextInput label={t('riskRules.highExposure')} inputMode="decimal" disabled={!editable} {...form.getInputProps('highExposure')} data-testid="risk-exposure" />
            </Grid.Col>
          </Grid>
          {(['guaranteeClasses', 'closeClasses'] as const).map((k) => (
            <div key={k}>
              <Text size="sm" fw={500} mb={4}>
                {t(`riskRules.${k}`)}
              </Text>
              <Chip.Group multiple value={form.values[k]} onChange={(v) => editable && form.setFieldValue(k, v as RiskRulesValues[typeof k])}>
                <Group gap="xs">
                  {RISK_LETTERS.map((l) => (
                    <Chip key={l} value={l} size="xs" disabled={!editable} data-testid={`risk-${k}-${l}`}>
                      {l}
                    </Chip>
                  ))}
                </Group>
              </Chip.Group>
              {form.errors[k] && (
                <Text size="xs" c="red">
                  {form.errors[k]}
                </Text>
              )}
            </div>
          ))}
          {!canWrite && <Alert color="gray">{t('riskRules.readOnly')}</Alert>}
          {canWrite && (
            <Group justify="flex-end">
              <Button type="submit" loading={saving} disabled={!form.isDirty()} data-testid="risk-save">
                {t('riskRules.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Card>
  );
}
