import { Button, Card, Checkbox, Grid, Group, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { RequireCan } from '../components/RequireCan';
import { useDebtor, useSaveDebtor } from '../api/hooks';
import { DEBTOR_KINDS, LANGUAGES, type DebtorDetail } from '../api/types';
import { applyServerErrors, blankToNull, changedFields, DateField, EnumSelect, notifySaved } from '../components/forms';
import { ErrorAlert, PageHeader, QueryState } from '../components/ui';
import { isIsoDate } from '../format';
import { useI18n } from '../i18n';

/** Codes (tax ids, IBAN) are easier to check in a fixed-width font; labels stay as they are. */
const MONO = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

interface DebtorFormValues {
  kind: string;
  firstName: string;
  lastName: string;
  companyName: string;
  taxCode: string;
  vatNumber: string;
  chUid: string;
  birthDate: string;
  language: string;
  hardship: boolean;
  hardshipNote: string;
  notes: string;
}

const EMPTY: DebtorFormValues = {
  kind: 'consumer',
  firstName: '',
  lastName: '',
  companyName: '',
  taxCode: '',
  vatNumber: '',
  chUid: '',
  birthDate: '',
  language: 'it',
  hardship: false,
  hardshipNote: '',
  notes: '',
};

function toValues(d: DebtorDetail): DebtorFormValues {
  return {
    kind: d.kind,
    firstName: d.firstName ?? '',
    lastName: d.lastName ?? '',
    companyName: d.companyName ?? '',
    taxCode: d.taxCode ?? '',
    vatNumber: d.vatNumber ?? '',
    chUid: d.chUid ?? '',
    birthDate: d.birthDate ?? '',
    language: d.language,
    hardship: d.hardship,
    hardshipNote: d.hardshipNote ?? '',
    notes: d.notes ?? '',
  };
}

/** Form values → API body: text trimmed, blanks null (on update) or left out (on create). */
function toBody(v: Partial<DebtorFormValues>, forCreate: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [k, value] of Object.entries(v)) {
    if (typeof value === 'string') {
      const s = k === 'kind' || k === 'language' ? value : blankToNull(value);
      if (s === null && forCreate) continue;
      body[k] = s;
    } else body[k] = value;
  }
  return body;
}

export default function DebtorFormPage() {
  const { id } = useParams();
  const debtor = useDebtor(id);
  return (
    <RequireCan resource="debtor">
      {id ? <QueryState query={debtor}>{(d) => <DebtorForm key={`${d.id}:${d.version}`} debtor={d} />}</QueryState> : <DebtorForm />}
    </RequireCan>
  );
}

function DebtorForm({ debtor }: { debtor?: DebtorDetail }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const save = useSaveDebtor(debtor?.id);
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const initial = debtor ? toValues(debtor) : EMPTY;
  const form = useForm<DebtorFormValues>({
    initialValues: initial,
    validate: {
      kind: (v) => (v ? null : t('validation.required')),
      lastName: (v, values) =>
        values.kind === 'consumer' && !v.trim() ? t('validation.required') : null,
      companyName: (v, values) =>
        (values.kind === 'company' || values.kind === 'public_administration') && !v.trim()
          ? t('validation.required')
          : null,
      birthDate: (v) => (v && !isIsoDate(v) ? t('validation.date') : null),
    },
  });
  const kind = form.values.kind;
  const isPerson = kind === 'consumer' || kind === 'sole_trader';
  const hasCompanyName = kind !== 'consumer';

  const submit = form.onSubmit((values) => {
    setUnmatched([]);
    const body = debtor
      ? { ...toBody(changedFields(initial, values), false), version: debtor.version }
      : toBody(values, true);
    save.mutate(body, {
      onSuccess: (d) => {
        notifySaved(debtor ? t('common.saved') : t('debtors.created'));
        void navigate(`/debtors/${d.id}`);
      },
      onError: (e) => setUnmatched(applyServerErrors(form, e)),
    });
  });

  const title = debtor ? t('debtors.edit') : t('debtors.new');
  return (
    <>
      <PageHeader
        title={title}
        subtitle={debtor?.displayName}
        back={debtor ? { to: `/debtors/${debtor.id}`, label: debtor.displayName } : { to: '/debtors', label: t('debtors.title') }}
      />
      <form onSubmit={submit} noValidate data-testid="debtor-form">
        <Stack gap="md" maw={900}>
          {save.error && <ErrorAlert error={save.error} extra={unmatched} />}
          <Card withBorder padding="lg" radius="md">
            <Grid gap="md">
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <EnumSelect
                  label={t('debtor.kind')}
                  prefix="debtorKind"
                  values={DEBTOR_KINDS}
                  withAsterisk
                  {...form.getInputProps('kind')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <Select
                  label={t('debtor.language')}
                  data={LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
                  allowDeselect={false}
                  {...form.getInputProps('language')}
                />
              </Grid.Col>
              {isPerson && (
                <>
                  <Grid.Col span={{ base: 12, sm: 6 }}>
                    <TextInput label={t('debtor.lastName')} withAsterisk={kind === 'consumer'} {...form.getInputProps('lastName')} />
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, sm: 6 }}>
                    <TextInput label={t('debtor.firstName')} {...form.getInputProps('firstName')} />
                  </Grid.Col>
                </>
              )}
              {hasCompanyName && (
                <Grid.Col span={12}>
                  <TextInput
                    label={t('debtor.companyName')}
                    withAsterisk={!isPerson}
                    {...form.getInputProps('companyName')}
                  />
                </Grid.Col>
              )}
              {isPerson && (
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <DateField label={t('debtor.birthDate')} {...form.getInputProps('birthDate')} />
                </Grid.Col>
              )}
            </Grid>
          </Card>
          <Card withBorder padding="lg" radius="md">
            <Title order={5} mb="sm">
              {t('debtors.taxIds')}
            </Title>
            <Grid gap="md">
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <TextInput
                  label={t('debtor.taxCode')}
                  styles={MONO}
                  autoComplete="off"
                  {...form.getInputProps('taxCode')}
                  onChange={(e) => form.setFieldValue('taxCode', e.currentTarget.value.toUpperCase())}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <TextInput label={t('debtor.vatNumber')} autoComplete="off" {...form.getInputProps('vatNumber')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <TextInput label={t('debtor.chUid')} placeholder="CHE-123.456.789" autoComplete="off" {...form.getInputProps('chUid')} />
              </Grid.Col>
            </Grid>
          </Card>
          <Card withBorder padding="lg" radius="md">
            <Stack>
              <Checkbox
                label={t('debtor.hardship')}
                {...form.getInputProps('hardship', { type: 'checkbox' })}
                data-testid="hardship"
              />
              {form.values.hardship && (
                <Textarea label={t('debtor.hardshipNote')} autosize minRows={2} {...form.getInputProps('hardshipNote')} />
              )}
              <Textarea label={t('debtor.notes')} autosize minRows={3} {...form.getInputProps('notes')} />
            </Stack>
          </Card>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => void navigate(debtor ? `/debtors/${debtor.id}` : '/debtors')}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="save">
              {debtor ? t('common.save') : t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
