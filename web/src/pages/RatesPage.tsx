import { Button, Card, Grid, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useAddRatePeriod, useRates } from '../api/hooks';
import { useCan } from '../auth/session';
import { applyServerErrors, DateField, notifySaved } from '../components/forms';
import { ErrorAlert, PageHeader, QueryState } from '../components/ui';
import { formatRate, parsePercentInput } from '../format';
import { useI18n } from '../i18n';

const SERIES = ['it-legal', 'it-commercial-reference', 'ecb-mro', 'de-basiszins', 'fr-legal'] as const;
type Series = (typeof SERIES)[number];

interface Values {
  series: string;
  from: string;
  to: string;
  rate: string;
  rate2: string;
  source: string;
}

/** The statutory rate tables: what is known, and (administrators) the next published period. */
export default function RatesPage() {
  const { t, te, date, locale } = useI18n();
  const rates = useRates();
  const canAdd = useCan('rate');
  return (
    <>
      <PageHeader title={t('rates.title')} subtitle={t('rates.subtitle')} />
      <QueryState query={rates}>
        {(data) => (
          <Stack gap="md">
            <Card withBorder padding="lg" radius="md" data-testid="rates-known">
              <Title order={5} mb="sm">
                {t('rates.known')}
              </Title>
              <Table.ScrollContainer minWidth={600}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('rates.serie')}</Table.Th>
                      <Table.Th>{t('rates.from')}</Table.Th>
                      <Table.Th>{t('rates.to')}</Table.Th>
                      <Table.Th ta="right">{t('rates.rate')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.series.map((s) => (
                      <Table.Tr key={s.series}>
                        <Table.Td>{te('rateSeries', s.series)}</Table.Td>
                        <Table.Td>{date(s.lastFrom)}</Table.Td>
                        <Table.Td>{s.lastTo ? date(s.lastTo) : t('rates.inForce')}</Table.Td>
                        <Table.Td ta="right">{formatRate(s.rate, locale)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Card>
            {canAdd && <AddPeriodForm />}
            <Card withBorder padding="lg" radius="md">
              <Title order={5} mb="sm">
                {t('rates.added')}
              </Title>
              {data.added.length === 0 ? (
                <Text c="dimmed" size="sm">
                  {t('rates.none')}
                </Text>
              ) : (
                <Table.ScrollContainer minWidth={700}>
                  <Table striped data-testid="rates-added">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('rates.serie')}</Table.Th>
                        <Table.Th>{t('rates.from')}</Table.Th>
                        <Table.Th>{t('rates.to')}</Table.Th>
                        <Table.Th ta="right">{t('rates.rate')}</Table.Th>
                        <Table.Th>{t('rates.source')}</Table.Th>
                        <Table.Th>{t('rates.addedBy')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.added.map((a) => (
                        <Table.Tr key={`${a.series}-${a.from}`}>
                          <Table.Td>{te('rateSeries', a.series)}</Table.Td>
                          <Table.Td>{date(a.from)}</Table.Td>
                          <Table.Td>{a.to ? date(a.to) : t('rates.inForce')}</Table.Td>
                          <Table.Td ta="right">
                            {formatRate(a.rate, locale)}
                            {a.rate2 ? ` / ${formatRate(a.rate2, locale)}` : ''}
                          </Table.Td>
                          <Table.Td>{a.source}</Table.Td>
                          <Table.Td>{a.addedBy}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Card>
          </Stack>
        )}
      </QueryState>
    </>
  );
}

function AddPeriodForm() {
  const { t, te } = useI18n();
  const add = useAddRatePeriod();
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const form = useForm<Values>({
    initialValues: { series: 'it-commercial-reference', from: '', to: '', rate: '', rate2: '', source: '' },
    validate: {
      from: (v) => (v ? null : t('validation.required')),
      rate: (v) => (parsePercentInput(v) ? null : t('validation.percent')),
      rate2: (v, values) => (values.series !== 'fr-legal' || parsePercentInput(v) ? null : t('validation.percent')),
      source: (v) => (v.trim().length >= 5 ? null : t('validation.required')),
    },
  });
  const series = form.getValues().series as Series;
  const submit = form.onSubmit((v) => {
    setUnmatched([]);
    add.mutate(
      {
        series: v.series as Series,
        from: v.from,
        to: v.to || null,
        rate: parsePercentInput(v.rate) ?? v.rate,
        rate2: v.series === 'fr-legal' ? (parsePercentInput(v.rate2) ?? v.rate2) : null,
        source: v.source.trim(),
      },
      {
        onSuccess: () => {
          notifySaved(t('rates.saved'));
          form.reset();
        },
        onError: (e) => setUnmatched(applyServerErrors(form, e)),
      },
    );
  });
  return (
    <Card withBorder padding="lg" radius="md">
      <form onSubmit={submit} noValidate data-testid="rate-form">
        <Title order={5}>{t('rates.add')}</Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('rates.addHint')}
        </Text>
        {add.error && <ErrorAlert error={add.error} extra={unmatched} />}
        <Grid gap="sm" align="flex-end">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Select
              label={t('rates.serie')}
              withAsterisk
              allowDeselect={false}
              data={SERIES.map((s) => ({ value: s, label: te('rateSeries', s) }))}
              {...form.getInputProps('series')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>
            <DateField label={t('rates.from')} withAsterisk {...form.getInputProps('from')} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>
            <DateField label={t('rates.to')} {...form.getInputProps('to')} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>
            <TextInput label={t('rates.rate')} withAsterisk inputMode="decimal" {...form.getInputProps('rate')} />
          </Grid.Col>
          {series === 'fr-legal' && (
            <Grid.Col span={{ base: 6, md: 3 }}>
              <TextInput label={t('rates.rate2')} withAsterisk inputMode="decimal" {...form.getInputProps('rate2')} />
            </Grid.Col>
          )}
          <Grid.Col span={{ base: 12, md: series === 'fr-legal' ? 6 : 9 }}>
            <TextInput label={t('rates.source')} withAsterisk {...form.getInputProps('source')} />
          </Grid.Col>
          <Grid.Col span={12}>
            <Button type="submit" loading={add.isPending}>
              {t('rates.save')}
            </Button>
          </Grid.Col>
        </Grid>
      </form>
    </Card>
  );
}
