import { Alert, Button, Card, Checkbox, Fieldset, Grid, Group, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useCreditor, useSaveCreditor } from '../api/hooks';
import { ALLOCATION_ORDERS, CREDITOR_KINDS, CURRENCIES, JURISDICTIONS, type Creditor } from '../api/types';
import { useCan, useUser } from '../auth/session';
import { applyServerErrors, blankToNull, changedFields, DateField, EnumSelect, enumOptions, notifySaved } from '../components/forms';
import { ErrorAlert, PageHeader, QueryState } from '../components/ui';
import { isIsoDate, parseMoneyInput, parsePercentInput } from '../format';
import { useI18n } from '../i18n';
import { EMPTY_REGULATION, regulationBody, regulationValues, type RegulationValues } from './creditor/regulation';
import { RegulationSection } from './creditor/RegulationSection';
import { RiskRulesCard } from './risk/RiskRulesCard';
import { useSettings } from '../api/web13-hooks';

/** Codes (tax ids, IBAN) are easier to check in a fixed-width font; labels stay as they are. */
const MONO = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

interface CreditorValues extends RegulationValues {
  code: string;
  name: string;
  kind: string;
  taxCode: string;
  vatNumber: string;
  chUid: string;
  country: string;
  addressLine1: string;
  postalCode: string;
  city: string;
  province: string;
  email: string;
  pec: string;
  phone: string;
  iban: string;
  mandateReference: string;
  mandateSignedOn: string;
  mandateStartsOn: string;
  mandateEndsOn: string;
  commissionPercent: string;
  defaultCurrency: string;
  defaultJurisdiction: string;
  allocationOrder: string;
  flatCompensation: boolean;
  reminderFees: string;
  notes: string;
  active: boolean;
}

const EMPTY: CreditorValues = {
  code: '',
  name: '',
  kind: 'company',
  taxCode: '',
  vatNumber: '',
  chUid: '',
  country: 'IT',
  addressLine1: '',
  postalCode: '',
  city: '',
  province: '',
  email: '',
  pec: '',
  phone: '',
  iban: '',
  mandateReference: '',
  mandateSignedOn: '',
  mandateStartsOn: '',
  mandateEndsOn: '',
  commissionPercent: '',
  defaultCurrency: 'EUR',
  defaultJurisdiction: 'IT',
  allocationOrder: 'costs,interest,principal',
  flatCompensation: true,
  reminderFees: '',
  notes: '',
  active: true,
  ...EMPTY_REGULATION,
};

/** The comune's fields, edited by RegulationSection and sent by regulationBody. */
const REGULATION_KEYS = new Set<string>(Object.keys(EMPTY_REGULATION));

function toValues(c: Creditor): CreditorValues {
  const v = { ...EMPTY };
  for (const k of Object.keys(EMPTY) as (keyof CreditorValues)[]) {
    if (REGULATION_KEYS.has(k)) continue;
    const raw = c[k as keyof Creditor];
    if (k === 'active') v.active = c.active;
    else if (k === 'flatCompensation') v.flatCompensation = c.flatCompensation;
    else if (k === 'reminderFees') v.reminderFees = c.reminderFees.join(' / ');
    else (v[k] as string) = raw === null || raw === undefined ? '' : String(raw);
  }
  // numeric(7,4) comes back as "12.5000": show it as typed.
  if (v.commissionPercent.includes('.')) v.commissionPercent = v.commissionPercent.replace(/\.?0+$/, '');
  return { ...v, ...regulationValues(c) };
}

const ENUM_FIELDS = new Set(['kind', 'country', 'defaultCurrency', 'defaultJurisdiction', 'allocationOrder']);

function toBody(v: Partial<CreditorValues>, forCreate: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [k, raw] of Object.entries(v)) {
    if (REGULATION_KEYS.has(k)) continue;
    if (typeof raw === 'boolean') {
      if (!forCreate || k !== 'active') body[k] = raw;
      continue;
    }
    if (typeof raw !== 'string') continue;
    let value: string | null = ENUM_FIELDS.has(k) ? raw : blankToNull(raw);
    if (k === 'commissionPercent' && value !== null) value = parsePercentInput(value) ?? value;
    if (k === 'iban' && value !== null) value = value.replace(/\s+/g, '').toUpperCase();
    if (k === 'reminderFees') {
      // "30 / 50 / 80" or "30,00; 50,00": one amount per reminder step, in order.
      body[k] = (value ?? '').split(/[/;|]/).map((a) => a.trim()).filter(Boolean).map((a) => parseMoneyInput(a) ?? a);
      continue;
    }
    if (value === null && forCreate) continue;
    body[k] = value;
  }
  return body;
}

export default function CreditorFormPage() {
  const { id } = useParams();
  const creditor = useCreditor(id);
  if (!id) return <CreditorForm />;
  return <QueryState query={creditor}>{(c) => <CreditorForm key={`${c.id}:${c.version}`} creditor={c} />}</QueryState>;
}

function CreditorForm({ creditor }: { creditor?: Creditor }) {
  const { t, te } = useI18n();
  const navigate = useNavigate();
  const canWrite = useCan('creditor');
  const save = useSaveCreditor(creditor?.id);
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const initial = creditor ? toValues(creditor) : EMPTY;
  const dateRule = (v: string) => (v && !isIsoDate(v) ? t('validation.date') : null);
  const form = useForm<CreditorValues>({
    initialValues: initial,
    validate: {
      name: (v) => (v.trim() ? null : t('validation.required')),
      kind: (v) => (v ? null : t('validation.required')),
      commissionPercent: (v) => (v.trim() === '' || parsePercentInput(v) ? null : t('validation.percent')),
      mandateSignedOn: dateRule,
      mandateStartsOn: dateRule,
      mandateEndsOn: (v, values) =>
        dateRule(v) ?? (v && values.mandateStartsOn && v < values.mandateStartsOn ? t('validation.date') : null),
      email: (v) => (v.trim() === '' || /^[^\s@]+@[^\s@]+$/.test(v.trim()) ? null : t('validation.email')),
      pec: (v) => (v.trim() === '' || /^[^\s@]+@[^\s@]+$/.test(v.trim()) ? null : t('validation.email')),
    },
  });

  const submit = form.onSubmit((values) => {
    setUnmatched([]);
    const changed = changedFields(initial, values);
    const isComune = values.kind === 'public_entity';
    const body = creditor
      ? { ...toBody(changed, false), ...regulationBody(creditor, changed), version: creditor.version }
      : { ...toBody(values, true), ...(isComune ? regulationBody(undefined, { cadastralCode: changed.cadastralCode, pagopa: changed.pagopa }) : {}) };
    save.mutate(body, {
      onSuccess: () => {
        notifySaved(creditor ? t('common.saved') : t('creditors.created'));
        void navigate('/creditors');
      },
      onError: (e) => setUnmatched(applyServerErrors(form, e)),
    });
  });

  const title = creditor ? (canWrite ? t('creditors.edit') : creditor.name) : t('creditors.new');
  const col = { base: 12, sm: 6, md: 4 } as const;
  return (
    <>
      <PageHeader
        title={title}
        subtitle={creditor && canWrite ? creditor.name : undefined}
        back={{ to: '/creditors', label: t('creditors.title') }}
        actions={
          creditor && (
            <Button component={Link} to={`/creditors/${creditor.id}/templates`} variant="default" data-testid="creditor-templates-link">
              {t('creditor.templates')}
            </Button>
          )
        }
      />
      <form onSubmit={submit} noValidate data-testid="creditor-form">
        <Fieldset variant="unstyled" disabled={!canWrite} p={0} m={0}>
          <Stack gap="md" maw={1000}>
            {!canWrite && <Alert color="gray">{t('common.readOnly')}</Alert>}
            {save.error && <ErrorAlert error={save.error} extra={unmatched} />}
            <Card withBorder padding="lg" radius="md">
              <Title order={5} mb="sm">
                {t('creditors.section.identity')}
              </Title>
              <Grid gap="md">
                <Grid.Col span={{ base: 12, sm: 6, md: 8 }}>
                  <TextInput label={t('creditor.name')} withAsterisk {...form.getInputProps('name')} />
                </Grid.Col>
                <Grid.Col span={col}>
                  <TextInput
                    label={t('creditor.code')}
                    styles={MONO}
                    {...form.getInputProps('code')}
                    onChange={(e) => form.setFieldValue('code', e.currentTarget.value.toUpperCase())}
                  />
                </Grid.Col>
                <Grid.Col span={col}>
                  <EnumSelect label={t('creditor.kind')} prefix="creditorKind" values={CREDITOR_KINDS} withAsterisk {...form.getInputProps('kind')} />
                </Grid.Col>
                <Grid.Col span={col}>
                  <TextInput
                    label={t('creditor.taxCode')}
                    styles={MONO}
                    {...form.getInputProps('taxCode')}
                    onChange={(e) => form.setFieldValue('taxCode', e.currentTarget.value.toUpperCase())}
                  />
                </Grid.Col>
                <Grid.Col span={col}>
                  <TextInput label={t('creditor.vatNumber')} {...form.getInputProps('vatNumber')} />
                </Grid.Col>
                <Grid.Col span={col}>
                  <TextInput label={t('creditor.chUid')} placeholder="CHE-123.456.789" {...form.getInputProps('chUid')} />
                </Grid.Col>
                {creditor && (
                  <Grid.Col span={col} pt="xl">
                    <Checkbox label={t('creditor.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
                  </Grid.Col>
                )}
              </Grid>
            </Card>

            <Card withBorder padding="lg" radius="md">
              <Title order={5} mb="sm">
                {t('creditors.section.contacts')}
              </Title>
              <Grid gap="md">
                <Grid.Col span={{ base: 12, md: 8 }}>
                  <TextInput label={t('creditor.addressLine1')} {...form.getInputProps('addressLine1')} />
                </Grid.Col>
                <Grid.Col span={col}>
                  <Select
                    label={t('creditor.country')}
                    data={enumOptions(te, 'jurisdiction', JURISDICTIONS)}
                    allowDeselect={false}
                    {...form.getInputProps('country')}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 6, md: 2 }}>
                  <TextInput label={t('creditor.postalCode')} {...form.getInputProps('postalCode')} />
                </Grid.Col>
                <Grid.Col span={{ base: 12, md: 4 }}>
                  <TextInput label={t('creditor.city')} {...form.getInputProps('city')} />
                </Grid.Col>
                <Grid.Col span={{ base: 6, md: 2 }}>
                  <TextInput label={t('creditor.province')} {...form.getInputProps('province')} />
                </Grid.Col>
                <Grid.Col span={col}>
                  <TextInput label={t('creditor.phone')} type="tel" {...form.getInputProps('phone')} />
                </Grid.Col>
                <Grid.Col span={col}>
                  <TextInput label={t('creditor.email')} type="email" {...form.getInputProps('email')} />
                </Grid.Col>
                <Grid.Col span={col}>
                  <TextInput label={t('creditor.pec')} type="email" {...form.getInputProps('pec')} />
                </Grid.Col>
                <Grid.Col span={{ base: 12, md: 8 }}>
                  <TextInput label={t('creditor.iban')} styles={MONO} {...form.getInputProps('iban')} />
                </Grid.Col>
              </Grid>
            </Card>

            <Card withBorder padding="lg" radius="md">
              <Title order={5} mb="sm">
                {t('creditors.section.mandate')}
              </Title>
              <Grid gap="md">
                <Grid.Col span={col}>
                  <TextInput label={t('creditor.mandateReference')} {...form.getInputProps('mandateReference')} />
                </Grid.Col>
                <Grid.Col span={col}>
                  <DateField label={t('creditor.mandateSignedOn')} {...form.getInputProps('mandateSignedOn')} />
                </Grid.Col>
                <Grid.Col span={col}>
                  {/* A new creditor's aggio becomes its first terms version; afterwards terms change from a date, on Provvigioni. */}
                  {creditor ? (
                    <TextInput
                      label={t('creditor.commissionPercent')}
                      value={form.values.commissionPercent}
                      readOnly
                      description={
                        <Link to="/commission" data-testid="creditor-commission-link">
                          {t('creditor.commissionOnTerms')}
                        </Link>
                      }
                    />
                  ) : (
                    <TextInput label={t('creditor.commissionPercent')} inputMode="decimal" {...form.getInputProps('commissionPercent')} />
                  )}
                </Grid.Col>
                <Grid.Col span={col}>
                  <DateField label={t('creditor.mandateStartsOn')} {...form.getInputProps('mandateStartsOn')} />
                </Grid.Col>
                <Grid.Col span={col}>
                  <DateField label={t('creditor.mandateEndsOn')} {...form.getInputProps('mandateEndsOn')} />
                </Grid.Col>
                <Grid.Col span={col} />
                <Grid.Col span={col}>
                  <Select
                    label={t('creditor.defaultCurrency')}
                    data={[...CURRENCIES]}
                    allowDeselect={false}
                    {...form.getInputProps('defaultCurrency')}
                  />
                </Grid.Col>
                <Grid.Col span={col}>
                  <Select
                    label={t('creditor.defaultJurisdiction')}
                    data={enumOptions(te, 'jurisdiction', JURISDICTIONS)}
                    allowDeselect={false}
                    {...form.getInputProps('defaultJurisdiction')}
                  />
                </Grid.Col>
                <Grid.Col span={col}>
                  <EnumSelect
                    label={t('creditor.allocationOrder')}
                    description={t('creditor.allocationOrderHint')}
                    prefix="allocationOrder"
                    values={ALLOCATION_ORDERS}
                    {...form.getInputProps('allocationOrder')}
                  />
                </Grid.Col>
                <Grid.Col span={col}>
                  <TextInput
                    label={t('creditor.reminderFees')}
                    description={t('creditor.reminderFeesHint')}
                    placeholder="30 / 50 / 80"
                    {...form.getInputProps('reminderFees')}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 8 }}>
                  <Checkbox
                    mt="lg"
                    label={t('creditor.flatCompensation')}
                    description={t('creditor.flatCompensationHint')}
                    {...form.getInputProps('flatCompensation', { type: 'checkbox' })}
                  />
                </Grid.Col>
                <Grid.Col span={12}>
                  <Textarea label={t('creditor.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
                </Grid.Col>
              </Grid>
            </Card>

            {form.values.kind === 'public_entity' && (
              <RegulationSection
                form={form}
                creditor={creditor}
                canWrite={canWrite}
                adopting={save.isPending}
                onAdopt={() =>
                  creditor &&
                  save.mutate(
                    { revenueRules: {}, version: creditor.version },
                    { onSuccess: () => notifySaved(t('common.saved')), onError: (e) => setUnmatched(applyServerErrors(form, e)) },
                  )
                }
              />
            )}

            {canWrite && (
              <Group justify="flex-end">
                <Button variant="default" onClick={() => void navigate('/creditors')}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" loading={save.isPending} data-testid="save">
                  {creditor ? t('common.save') : t('common.create')}
                </Button>
              </Group>
            )}
          </Stack>
        </Fieldset>
      </form>
      {creditor && creditor.kind !== 'public_entity' && <CreditorRiskRules creditor={creditor} />}
    </>
  );
}

/**
 * A company creditor's own risk-class thresholds, over the agency's (settings); saved on their own,
 * outside the creditor's form. Shown to those who may read the agency's settings (not a creditor's viewer).
 */
function CreditorRiskRules({ creditor }: { creditor: Creditor }) {
  return useUser().role === 'viewer' ? null : <CreditorRiskRulesCard creditor={creditor} />;
}

function CreditorRiskRulesCard({ creditor }: { creditor: Creditor }) {
  const canWrite = useCan('creditor');
  const settings = useSettings();
  const save = useSaveCreditor(creditor.id);
  if (!settings.data) return null;
  return (
    <Stack gap="md" maw={1000} mt="md">
      <RiskRulesCard
        level="creditor"
        inForce={creditor.riskRules ?? settings.data.riskRules}
        own={!!creditor.riskRules}
        canWrite={canWrite}
        saving={save.isPending}
        onSave={(riskRules) => save.mutateAsync({ riskRules, version: creditor.version })}
      />
    </Stack>
  );
}
