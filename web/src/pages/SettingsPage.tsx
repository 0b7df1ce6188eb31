import { Alert, Button, Card, Fieldset, Grid, Group, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { JURISDICTIONS } from '../api/types';
import { useSaveSettings, useSettings, type Settings } from '../api/web13-hooks';
import { useCan } from '../auth/session';
import { applyServerErrors, blankToNull, changedFields, DateField, EnumSelect, enumOptions, notifySaved } from '../components/forms';
import { ErrorAlert, PageHeader, QueryState } from '../components/ui';
import { isIsoDate } from '../format';
import { useI18n } from '../i18n';
import { RiskRulesCard } from './risk/RiskRulesCard';

const ALBO_SECTIONS = ['ordinary', 'support'] as const;

interface SettingsValues {
  letterhead: { name: string; lines: string; country: string; email: string; phone: string; vatNumber: string };
  albo: { section: string; number: string; registeredOn: string };
}

function toValues(s: Settings): SettingsValues {
  const l = s.letterhead;
  return {
    letterhead: {
      name: l?.name ?? '',
      lines: (l?.lines ?? []).join('\n'),
      country: l?.country ?? 'IT',
      email: l?.email ?? '',
      phone: l?.phone ?? '',
      vatNumber: l?.vatNumber ?? '',
    },
    albo: { section: s.albo?.section ?? '', number: s.albo?.number ?? '', registeredOn: s.albo?.registeredOn ?? '' },
  };
}

/** The PATCH body for what changed: a part left empty is cleared (null). */
function toBody(changed: Partial<SettingsValues>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (changed.letterhead) {
    const l = changed.letterhead;
    const lines = l.lines.split('\n').map((x) => x.trim()).filter(Boolean);
    body.letterhead =
      !l.name.trim() && lines.length === 0
        ? null
        : { name: l.name.trim(), lines, country: l.country, email: blankToNull(l.email), phone: blankToNull(l.phone), vatNumber: blankToNull(l.vatNumber) };
  }
  if (changed.albo) {
    const a = changed.albo;
    body.albo = !a.section && !a.number.trim() && !a.registeredOn ? null : { section: a.section, number: a.number.trim(), registeredOn: a.registeredOn };
  }
  return body;
}

/** The agency's own settings (administrators): letterhead and albo registration. */
export default function SettingsPage() {
  const settings = useSettings();
  return (
    <QueryState query={settings}>
      {(s) => (
        <>
          <SettingsForm key={JSON.stringify([s.letterhead, s.albo])} settings={s} />
          <AgencyRiskRules key={JSON.stringify(s.riskRules)} settings={s} />
        </>
      )}
    </QueryState>
  );
}

/** The risk-class thresholds for every creditor without its own (administrators). */
function AgencyRiskRules({ settings }: { settings: Settings }) {
  const canWrite = useCan('settings');
  const save = useSaveSettings();
  return (
    <Stack gap="md" maw={1000} mt="md">
      <RiskRulesCard
        level="agency"
        inForce={settings.riskRules}
        own={!settings.riskRulesIsDefault}
        canWrite={canWrite}
        saving={save.isPending}
        onSave={(riskRules) => save.mutateAsync({ riskRules })}
      />
    </Stack>
  );
}

function SettingsForm({ settings }: { settings: Settings }) {
  const { t, te } = useI18n();
  const canWrite = useCan('settings');
  const save = useSaveSettings();
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const initial = toValues(settings);
  const form = useForm<SettingsValues>({
    initialValues: initial,
    validate: {
      albo: {
        section: (v, values) => (!v && (values.albo.number.trim() || values.albo.registeredOn) ? t('settings.alboIncomplete') : null),
        number: (v, values) => (!v.trim() && (values.albo.section || values.albo.registeredOn) ? t('settings.alboIncomplete') : null),
        registeredOn: (v, values) =>
          v && !isIsoDate(v) ? t('validation.date') : !v && (values.albo.section || values.albo.number.trim()) ? t('settings.alboIncomplete') : null,
      },
    },
  });

  const submit = form.onSubmit((values) => {
    setUnmatched([]);
    const body = toBody(changedFields(initial, values));
    if (Object.keys(body).length === 0) return;
    save.mutate(body, {
      onSuccess: () => notifySaved(t('common.saved')),
      onError: (e) => setUnmatched(applyServerErrors(form, e)),
    });
  });

  const col = { base: 12, sm: 6, md: 4 } as const;
  return (
    <>
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      <form onSubmit={submit} noValidate data-testid="settings-form">
        <Fieldset variant="unstyled" disabled={!canWrite} p={0} m={0}>
          <Stack gap="md" maw={1000}>
            {!canWrite && <Alert color="gray">{t('settings.readOnly')}</Alert>}
            {save.error && <ErrorAlert error={save.error} extra={unmatched} />}
            <Card withBorder padding="lg" radius="md">
              <Title order={5} mb="sm">
                {t('settings.letterhead')}
              </Title>
              <Grid gap="md">
                <Grid.Col span={{ base: 12, md: 8 }}>
                  <TextInput label={t('settings.letterheadName')} {...form.getInputProps('letterhead.name')} data-testid="letterhead-name" />
                </Grid.Col>
                <Grid.Col span={col}>
                  <Select
                    label={t('settings.letterheadCountry')}
                    data={enumOptions(te, 'jurisdiction', JURISDICTIONS)}
                    allowDeselect={false}
                    {...form.getInputProps('letterhead.country')}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, md: 8 }}>
                  <Textarea label={t('settings.letterheadLines')} autosize minRows={2} maxRows={6} {...form.getInputProps('letterhead.lines')} />
                </Grid.Col>
                <Grid.Col span={col}>
                  <TextInput label={t('settings.letterheadVat')} {...form.getInputProps('letterhead.vatNumber')} />
                </Grid.Col>
                <Grid.Col span={col}>
                  <TextInput label={t('settings.letterheadEmail')} type="email" {...form.getInputProps('letterhead.email')} />
                </Grid.Col>
                <Grid.Col span={col}>
                  <TextInput label={t('settings.letterheadPhone')} type="tel" {...form.getInputProps('letterhead.phone')} />
                </Grid.Col>
              </Grid>
            </Card>

            <Card withBorder padding="lg" radius="md" data-testid="albo-section">
              <Title order={5}>{t('settings.albo')}</Title>
              <Text size="sm" c="dimmed" mb="sm">
                {t('settings.alboHint')}
              </Text>
              <Grid gap="md">
                <Grid.Col span={{ base: 12, md: 6 }}>
                  <EnumSelect
                    label={t('settings.alboSection')}
                    prefix="alboSection"
                    values={ALBO_SECTIONS}
                    // Picking the section already chosen keeps it (the clear button removes it).
                    allowDeselect={false}
                    clearable
                    {...form.getInputProps('albo.section')}
                    onChange={(v) => form.setFieldValue('albo.section', v ?? '')}
                    data-testid="albo-section-select"
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
                  <TextInput label={t('settings.alboNumber')} {...form.getInputProps('albo.number')} data-testid="albo-number" />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
                  <DateField label={t('settings.alboRegisteredOn')} {...form.getInputProps('albo.registeredOn')} data-testid="albo-registered-on" />
                </Grid.Col>
              </Grid>
            </Card>

            {canWrite && (
              <Group justify="flex-end">
                <Button type="submit" loading={save.isPending} data-testid="save">
                  {t('common.save')}
                </Button>
              </Group>
            )}
          </Stack>
        </Fieldset>
      </form>
    </>
  );
}
