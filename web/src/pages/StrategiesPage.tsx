import { Alert, Anchor, Badge, Button, Card, Grid, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useCreateStrategy, useStrategies, useStrategyTemplates, type Strategy } from '../api/dunning-hooks';
import { useCreditorOptions } from '../api/hooks';
import { useCan } from '../auth/session';
import { applyServerErrors, notifySaved } from '../components/forms';
import { ErrorAlert, PageHeader, QueryState } from '../components/ui';
import { useI18n } from '../i18n';
import { SetActiveButton } from './strategy/SetActiveButton';

/** A creditor's collection strategies: which one is active, and a new one from a shipped template. */
export default function StrategiesPage() {
  const { t } = useI18n();
  const canWrite = useCan('strategy');
  const [params, setParams] = useSearchParams();
  const creditors = useCreditorOptions();
  const creditorId = params.get('creditorId') ?? '';
  const firstCreditor = creditors.data?.items[0]?.id;
  // The first creditor is shown until one is chosen (a viewer has only its own).
  useEffect(() => {
    if (!creditorId && firstCreditor) setParams({ creditorId: firstCreditor }, { replace: true });
  }, [creditorId, firstCreditor, setParams]);
  const strategies = useStrategies({ creditorId }, Boolean(creditorId));

  return (
    <>
      <PageHeader title={t('strategies.title')} subtitle={t('strategies.subtitle')} />
      <Card withBorder padding="md" radius="md" mb="md">
        <Select
          label={t('strategies.creditor')}
          placeholder={t('strategies.pickCreditor')}
          w={360}
          searchable
          data={(creditors.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={creditorId || null}
          onChange={(v) => v && setParams({ creditorId: v })}
          allowDeselect={false}
          data-testid="strategy-creditor"
        />
      </Card>
      {creditors.error && <ErrorAlert error={creditors.error} onRetry={() => void creditors.refetch()} />}
      {creditorId && (
        <Stack gap="md">
          <QueryState query={strategies}>{(data) => <StrategyTable items={data.items} canWrite={canWrite} />}</QueryState>
          {canWrite && <NewStrategyForm creditorId={creditorId} />}
        </Stack>
      )}
    </>
  );
}

function StrategyTable({ items, canWrite }: { items: Strategy[]; canWrite: boolean }) {
  const { t, te } = useI18n();
  return (
    <Card withBorder padding="lg" radius="md">
      {items.length > 0 && !items.some((s) => s.active) && (
        <Alert color="yellow" variant="light" mb="md" data-testid="no-active-strategy">
          {t('strategies.noActive')}
        </Alert>
      )}
      {items.length === 0 ? (
        <Text c="dimmed">{t('strategies.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped verticalSpacing="sm" data-testid="strategies-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('strategies.col.name')}</Table.Th>
                <Table.Th>{t('strategies.col.template')}</Table.Th>
                <Table.Th>{t('strategies.col.steps')}</Table.Th>
                <Table.Th ta="right">{t('strategies.col.openClaims')}</Table.Th>
                <Table.Th>{t('strategies.col.state')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((s) => (
                <Table.Tr key={s.id} data-testid="strategy-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/strategies/${s.id}`} fw={600} data-testid="strategy-link">
                      {s.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{s.template ? te('strategyTemplate', s.template) : t('strategies.custom')}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {s.steps.length}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {s.steps.map((p) => p.key).join(' · ')}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{s.openClaims}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={s.active ? 'green' : 'gray'} data-testid="strategy-state">
                      {s.active ? t('strategies.active') : t('strategies.inactive')}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">{canWrite && <SetActiveButton strategy={s} size="xs" />}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

interface NewValues {
  template: string;
  name: string;
}

function NewStrategyForm({ creditorId }: { creditorId: string }) {
  const { t, te } = useI18n();
  const navigate = useNavigate();
  const templates = useStrategyTemplates();
  const create = useCreateStrategy();
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const form = useForm<NewValues>({
    initialValues: { template: 'it-b2b', name: '' },
    validate: { template: (v) => (v ? null : t('validation.required')) },
  });
  const submit = form.onSubmit((v) => {
    setUnmatched([]);
    create.mutate(
      { creditorId, template: v.template as 'it-b2b', ...(v.name.trim() ? { name: v.name.trim() } : {}) },
      {
        onSuccess: (s) => {
          notifySaved(t('strategies.created'));
          void navigate(`/strategies/${s.id}`);
        },
        onError: (e) => setUnmatched(applyServerErrors(form, e)),
      },
    );
  });
  return (
    <Card withBorder padding="lg" radius="md">
      <Title order={5} mb="md">
        {t('strategies.new')}
      </Title>
      <form onSubmit={submit} noValidate data-testid="new-strategy-form">
        <Stack gap="sm">
          {create.error && <ErrorAlert error={create.error} extra={unmatched} />}
          <Grid gap="sm" align="flex-end">
            <Grid.Col span={{ base: 12, sm: 5 }}>
              <Select
                label={t('strategies.fromTemplate')}
                withAsterisk
                allowDeselect={false}
                data={(templates.data?.strategies ?? []).map((s) => ({ value: s.key, label: te('strategyTemplate', s.key) }))}
                {...form.getInputProps('template')}
                data-testid="strategy-template"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 5 }}>
              <TextInput
                label={t('strategies.name')}
                placeholder={form.values.template}
                {...form.getInputProps('name')}
                data-testid="strategy-name"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 2 }}>
              <Group justify="flex-end">
                <Button type="submit" loading={create.isPending} data-testid="create-strategy">
                  {t('strategies.create')}
                </Button>
              </Group>
            </Grid.Col>
          </Grid>
        </Stack>
      </form>
    </Card>
  );
}
