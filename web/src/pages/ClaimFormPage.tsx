import { Button, Card, Grid, Group, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { RequireCan } from '../components/RequireCan';
import { useClaim, useCreditorOptions, useDebtor, useSaveClaim } from '../api/hooks';
import {
  CLAIM_KINDS,
  CLAIM_STATUSES,
  COLLECTION_STAGES,
  CURRENCIES,
  DAY_COUNTS,
  INTEREST_REGIMES,
  JURISDICTIONS,
  PAYMENT_DRIVEN_STATUSES,
  type ClaimDetail,
} from '../api/types';
import { DebtorSelect } from '../components/DebtorSelect';
import {
  applyServerErrors,
  blankToNull,
  changedFields,
  DateField,
  EnumSelect,
  enumOptions,
  MoneyField,
  notifySaved,
} from '../components/forms';
import { ErrorAlert, Field, Loading, PageHeader, QueryState } from '../components/ui';
import { formatMoneyInput, isIsoDate, moneyStyle, parseMoneyInput, type MoneyStyle } from '../format';
import type { Locale } from '../i18n';
import { useI18n } from '../i18n';

interface ClaimValues {
  creditorId: string;
  debtorId: string;
  externalRef: string;
  kind: string;
  description: string;
  principal: string;
  currency: string;
  issueDate: string;
  dueDate: string;
  contractDate: string;
  taxYear: string;
  jurisdiction: string;
  interestRegime: string;
  judicialClaimDate: string;
  interestRate: string;
  interestBase: string;
  interestSpread: string;
  dayCount: string;
  status: string;
  stage: string;
}

/** The interest terms: sent together, so a regime and its rate or spread never disagree. */
const TERMS = ['interestRegime', 'interestRate', 'interestBase', 'interestSpread'] as const;
const SPREAD_BASES = INTEREST_REGIMES.filter((r) => !['spread', 'none', 'fixed'].includes(r));

const EMPTY: ClaimValues = {
  creditorId: '',
  debtorId: '',
  externalRef: '',
  kind: 'invoice',
  description: '',
  principal: '',
  currency: 'EUR',
  issueDate: '',
  dueDate: '',
  contractDate: '',
  taxYear: '',
  jurisdiction: 'IT',
  interestRegime: '',
  judicialClaimDate: '',
  interestRate: '',
  interestBase: '',
  interestSpread: '',
  dayCount: 'act365',
  status: 'open',
  stage: 'none',
};

function toValues(c: ClaimDetail, locale: Locale): ClaimValues {
  return {
    creditorId: c.creditorId,
    debtorId: c.debtorId,
    externalRef: c.externalRef,
    kind: c.kind,
    description: c.description ?? '',
    principal: formatMoneyInput(c.principal, moneyStyle(locale, c.currency)),
    currency: c.currency,
    issueDate: c.issueDate ?? '',
    dueDate: c.dueDate,
    contractDate: c.contractDate ?? '',
    taxYear: c.taxYear === null ? '' : String(c.taxYear),
    jurisdiction: c.jurisdiction,
    interestRegime: c.interestRegime ?? '',
    judicialClaimDate: c.judicialClaimDate ?? '',
    interestRate: c.interestRate ?? '',
    interestBase: c.interestBase ?? '',
    interestSpread: c.interestSpread ?? '',
    dayCount: c.dayCount,
    status: c.status,
    stage: c.stage,
  };
}

/** Form values → API body. `principal` goes as the exact decimal string of what was typed in the UI language's style. */
function toBody(v: Partial<ClaimValues>, forCreate: boolean, style: MoneyStyle): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [k, raw] of Object.entries(v) as [keyof ClaimValues, string][]) {
    if (!forCreate && (k === 'creditorId' || k === 'debtorId')) continue;
    let value: unknown;
    if (k === 'principal') value = parseMoneyInput(raw, style) ?? raw;
    else if (k === 'interestRate' || k === 'interestSpread') value = raw.trim() === '' ? null : raw.trim().replace(',', '.');
    else if (k === 'taxYear') value = raw.trim() === '' ? null : Number(raw);
    else value = blankToNull(raw);
    if (value === null && forCreate) continue;
    body[k] = value;
  }
  return body;
}

export default function ClaimFormPage() {
  return (
    <RequireCan resource="claim">
      <ClaimFormLoader />
    </RequireCan>
  );
}

function ClaimFormLoader() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const claim = useClaim(id);
  const presetDebtorId = params.get('debtorId') ?? '';
  const presetDebtor = useDebtor(id ? undefined : presetDebtorId || undefined);
  if (id) return <QueryState query={claim}>{(c) => <ClaimForm key={`${c.id}:${c.version}`} claim={c} />}</QueryState>;
  if (presetDebtorId && presetDebtor.isPending) return <Loading />;
  return (
    <ClaimForm
      presetDebtor={presetDebtor.data ? { id: presetDebtor.data.id, name: presetDebtor.data.displayName } : undefined}
    />
  );
}

function ClaimForm({ claim, presetDebtor }: { claim?: ClaimDetail; presetDebtor?: { id: string; name: string } }) {
  const { t, te, locale } = useI18n();
  const navigate = useNavigate();
  const save = useSaveClaim(claim?.id);
  const creditors = useCreditorOptions();
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const initial = claim ? toValues(claim, locale) : { ...EMPTY, debtorId: presetDebtor?.id ?? '' };
  const form = useForm<ClaimValues>({
    initialValues: initial,
    validate: {
      creditorId: (v) => (claim || v ? null : t('validation.required')),
      debtorId: (v) => (claim || v ? null : t('validation.required')),
      externalRef: (v) => (v.trim() ? null : t('validation.required')),
      kind: (v) => (v ? null : t('validation.required')),
      principal: (v, values) => {
        if (!v.trim()) return t('validation.required');
        const amount = parseMoneyInput(v, moneyStyle(locale, values.currency));
        return amount && /[1-9]/.test(amount) ? null : t('validation.amount');
      },
      dueDate: (v) => (!v ? t('validation.required') : isIsoDate(v) ? null : t('validation.date')),
      issueDate: (v) => (v && !isIsoDate(v) ? t('validation.date') : null),
      contractDate: (v) => (v && !isIsoDate(v) ? t('validation.date') : null),
      taxYear: (v) => (v.trim() === '' || /^(19|2[01])\d{2}$/.test(v.trim()) ? null : t('validation.year')),
    },
  });

  const statusOptions = CLAIM_STATUSES.filter(
    (s) => !PAYMENT_DRIVEN_STATUSES.includes(s) || s === initial.status,
  ).map((s) => ({ value: s, label: te('claimStatus', s), disabled: PAYMENT_DRIVEN_STATUSES.includes(s) }));

  const submit = form.onSubmit((raw) => {
    setUnmatched([]);
    // Terms that do not belong to the chosen regime are cleared, never sent stale.
    const values = {
      ...raw,
      interestRate: raw.interestRegime === 'fixed' ? raw.interestRate : '',
      interestBase: raw.interestRegime === 'spread' ? raw.interestBase : '',
      interestSpread: raw.interestRegime === 'spread' ? raw.interestSpread : '',
    };
    const changed = changedFields(initial, values);
    if (TERMS.some((k) => k in changed)) for (const k of TERMS) changed[k] = values[k];
    const style = moneyStyle(locale, values.currency);
    const body = claim ? { ...toBody(changed, false, style), version: claim.version } : toBody(values, true, style);
    save.mutate(body, {
      onSuccess: (c) => {
        notifySaved(claim ? t('common.saved') : t('claims.created'));
        void navigate(`/claims/${c.id}`);
      },
      onError: (e) => setUnmatched(applyServerErrors(form, e)),
    });
  });

  const cancelTo = claim ? `/claims/${claim.id}` : presetDebtor ? `/debtors/${presetDebtor.id}` : '/claims';
  return (
    <>
      <PageHeader
        title={claim ? t('claims.edit') : t('claims.new')}
        subtitle={claim ? `${claim.externalRef} · ${claim.debtorName}` : undefined}
        back={claim ? { to: `/claims/${claim.id}`, label: claim.externalRef } : { to: '/claims', label: t('claims.title') }}
      />
      <form onSubmit={submit} noValidate data-testid="claim-form">
        <Stack gap="md" maw={960}>
          {save.error && <ErrorAlert error={save.error} extra={unmatched} />}
          <Card withBorder padding="lg" radius="md">
            <Grid gap="md">
              {claim ? (
                <>
                  <Grid.Col span={{ base: 12, sm: 6 }}>
                    <Field label={t('claim.creditor')}>{claim.creditorName}</Field>
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, sm: 6 }}>
                    <Field label={t('claim.debtor')}>{claim.debtorName}</Field>
                  </Grid.Col>
                </>
              ) : (
                <>
                  <Grid.Col span={{ base: 12, sm: 6 }}>
                    <Select
                      label={t('claim.creditor')}
                      withAsterisk
                      searchable
                      data={(creditors.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
                      {...form.getInputProps('creditorId')}
                      onChange={(v) => {
                        form.setFieldValue('creditorId', v ?? '');
                        const c = creditors.data?.items.find((x) => x.id === v);
                        if (c) {
                          form.setFieldValue('currency', c.defaultCurrency);
                          form.setFieldValue('jurisdiction', c.defaultJurisdiction);
                        }
                      }}
                      data-testid="claim-creditor"
                    />
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, sm: 6 }}>
                    <DebtorSelect
                      label={t('claim.debtor')}
                      withAsterisk
                      initialLabel={presetDebtor?.name}
                      value={form.values.debtorId}
                      error={form.errors.debtorId}
                      onChange={(id) => form.setFieldValue('debtorId', id)}
                      data-testid="claim-debtor"
                    />
                  </Grid.Col>
                </>
              )}
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <TextInput label={t('claim.externalRef')} withAsterisk {...form.getInputProps('externalRef')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <EnumSelect label={t('claim.kind')} prefix="claimKind" values={CLAIM_KINDS} withAsterisk {...form.getInputProps('kind')} />
              </Grid.Col>
              <Grid.Col span={12}>
                <Textarea label={t('claim.description')} autosize minRows={2} {...form.getInputProps('description')} />
              </Grid.Col>
            </Grid>
          </Card>
          <Card withBorder padding="lg" radius="md">
            <Title order={5} mb="sm">
              {t('claim.section.amounts')}
            </Title>
            <Grid gap="md">
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <MoneyField
                  label={t('claim.principal')}
                  withAsterisk
                  currency={form.values.currency}
                  {...form.getInputProps('principal')}
                  data-testid="claim-principal"
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 2 }}>
                <Select label={t('claim.currency')} data={[...CURRENCIES]} allowDeselect={false} {...form.getInputProps('currency')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 3 }}>
                <DateField label={t('claim.issueDate')} {...form.getInputProps('issueDate')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 3 }}>
                <DateField label={t('claim.dueDate')} withAsterisk {...form.getInputProps('dueDate')} data-testid="claim-due-date" />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 3 }}>
                <DateField label={t('claim.contractDate')} {...form.getInputProps('contractDate')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 3 }}>
                <TextInput label={t('claim.taxYear')} inputMode="numeric" maxLength={4} {...form.getInputProps('taxYear')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 3 }}>
                <Select
                  label={t('claim.jurisdiction')}
                  data={enumOptions(te, 'jurisdiction', JURISDICTIONS)}
                  allowDeselect={false}
                  {...form.getInputProps('jurisdiction')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 3 }}>
                <Select
                  label={t('claim.interestRegime')}
                  clearable
                  placeholder="—"
                  data={enumOptions(te, 'interestRegime', INTEREST_REGIMES)}
                  {...form.getInputProps('interestRegime')}
                  onChange={(v) => form.setFieldValue('interestRegime', v ?? '')}
                  description={form.values.interestRegime ? undefined : t('claim.interestRegimeDefault')}
                />
              </Grid.Col>
              {form.values.interestRegime === 'fixed' && (
                <Grid.Col span={{ base: 12, sm: 3 }}>
                  <TextInput label={t('claim.interestRate')} withAsterisk inputMode="decimal" {...form.getInputProps('interestRate')} />
                </Grid.Col>
              )}
              {form.values.interestRegime === 'spread' && (
                <>
                  <Grid.Col span={{ base: 12, sm: 3 }}>
                    <Select
                      label={t('claim.interestBase')}
                      withAsterisk
                      data={enumOptions(te, 'interestRegime', SPREAD_BASES)}
                      {...form.getInputProps('interestBase')}
                      onChange={(v) => form.setFieldValue('interestBase', v ?? '')}
                    />
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, sm: 3 }}>
                    <TextInput label={t('claim.interestSpread')} withAsterisk inputMode="decimal" {...form.getInputProps('interestSpread')} />
                  </Grid.Col>
                </>
              )}
              <Grid.Col span={{ base: 12, sm: 3 }}>
                <EnumSelect label={t('claim.dayCount')} prefix="dayCount" values={DAY_COUNTS} {...form.getInputProps('dayCount')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 3 }}>
                <DateField label={t('claim.judicialClaimDate')} {...form.getInputProps('judicialClaimDate')} />
              </Grid.Col>
            </Grid>
          </Card>
          <Card withBorder padding="lg" radius="md">
            <Grid gap="md">
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <Select label={t('claim.status')} data={statusOptions} allowDeselect={false} {...form.getInputProps('status')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <EnumSelect label={t('claim.stage')} prefix="stage" values={COLLECTION_STAGES} {...form.getInputProps('stage')} />
              </Grid.Col>
            </Grid>
          </Card>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => void navigate(cancelTo)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="save">
              {claim ? t('common.save') : t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
