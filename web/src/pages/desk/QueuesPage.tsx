import { Alert, Badge, Button, Card, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { ACT_KINDS, CLAIM_KINDS, LANGUAGES } from '../../../../src/domain/model';
import { useCreditorOptions } from '../../api/hooks';
import { useCreateQueue, useDeskOperators, useFillQueue, useQueues, useUpdateQueue, type Queue } from '../../api/desk-supervisor-hooks';
import { useCan } from '../../auth/session';
import { applyServerErrors, enumOptions, notifyError, notifySaved } from '../../components/forms';
import { PageHeader, QueryState } from '../../components/ui';
import { useI18n } from '../../i18n';

interface Values {
  name: string;
  creditorId: string;
  kinds: string[];
  actKinds: string[];
  minOwed: string;
  maxOwed: string;
  languages: string[];
  operatorIds: string[];
}

const fromQueue = (q: Queue | null): Values => ({
  name: q?.name ?? '',
  creditorId: q?.creditorId ?? '',
  kinds: q?.filter.kinds ?? [],
  actKinds: q?.filter.actKinds ?? [],
  minOwed: q?.filter.minOwed ? String(q.filter.minOwed) : '',
  maxOwed: q?.filter.maxOwed ? String(q.filter.maxOwed) : '',
  languages: q?.filter.languages ?? [],
  operatorIds: q?.operatorIds ?? [],
});

/** What the form sends: the filter without its empty parts. */
function body(v: Values) {
  const filter: Record<string, unknown> = {};
  if (v.kinds.length) filter.kinds = v.kinds;
  if (v.actKinds.length) filter.actKinds = v.actKinds;
  if (v.minOwed.trim()) filter.minOwed = v.minOwed.trim().replace(',', '.');
  if (v.maxOwed.trim()) filter.maxOwed = v.maxOwed.trim().replace(',', '.');
  if (v.languages.length) filter.languages = v.languages;
  return { name: v.name, creditorId: v.creditorId || null, filter, operatorIds: v.operatorIds };
}

/** The supervisor's work queues (issue 14 item 1): created per comune mandate and filter, staffed, refilled, switched off. */
export default function QueuesPage() {
  const { t } = useI18n();
  const canManage = useCan('supervision');
  const queues = useQueues();
  const [editing, setEditing] = useState<Queue | 'new' | null>(null);
  if (!canManage) {
    return (
      <>
        <PageHeader title={t('deskSup.queues.title')} />
        <Alert color="gray">{t('deskSup.queues.supervisorsOnly')}</Alert>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={t('deskSup.queues.title')}
        subtitle={t('deskSup.queues.subtitle')}
        actions={
          <Button onClick={() => setEditing('new')} data-testid="queue-new">
            {t('deskSup.queues.new')}
          </Button>
        }
      />
      <QueryState query={queues}>{(data) => <QueuesTable queues={data} onEdit={setEditing} />}</QueryState>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? t('deskSup.queues.new') : t('deskSup.queues.editTitle')} size="lg">
        {editing !== null && <QueueForm queue={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      </Modal>
    </>
  );
}

function QueuesTable({ queues, onEdit }: { queues: Queue[]; onEdit: (q: Queue) => void }) {
  const i18n = useI18n();
  const { t, te, number, money } = i18n;
  const operators = useDeskOperators();
  const update = useUpdateQueue();
  const fill = useFillQueue();
  const nameOf = (id: string) => operators.data?.find((o) => o.id === id)?.name ?? '…';
  const filterText = (q: Queue) =>
    [
      ...(q.filter.kinds ?? []).map((k) => te('claimKind', k)),
      ...(q.filter.actKinds ?? []).map((k) => te('actKind', k)),
      q.filter.minOwed || q.filter.maxOwed ? `${q.filter.minOwed ? money(String(q.filter.minOwed), 'EUR') : '…'} – ${q.filter.maxOwed ? money(String(q.filter.maxOwed), 'EUR') : '…'}` : null,
      ...(q.filter.languages ?? []).map((l) => te('language', l)),
    ]
      .filter(Boolean)
      .join(', ') || '—';
  if (queues.length === 0) return <Alert color="gray">{t('deskSup.queues.none')}</Alert>;
  return (
    <Card withBorder padding="lg" radius="md">
      <Table.ScrollContainer minWidth={900}>
        <Table striped data-testid="queues-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('deskSup.queues.name')}</Table.Th>
              <Table.Th>{t('deskSup.queues.creditor')}</Table.Th>
              <Table.Th>{t('deskSup.queues.filter')}</Table.Th>
              <Table.Th>{t('deskSup.queues.operators')}</Table.Th>
              <Table.Th ta="right">{t('deskSup.queues.debtors')}</Table.Th>
              <Table.Th ta="right">{t('deskSup.queues.dueNow')}</Table.Th>
              <Table.Th ta="right">{t('deskSup.queues.leased')}</Table.Th>
              <Table.Th>{t('deskSup.queues.status')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {queues.map((q) => (
              <Table.Tr key={q.id} data-testid="queue-row" data-name={q.name}>
                <Table.Td fw={600}>{q.name}</Table.Td>
                <Table.Td>{q.creditorName ?? t('deskSup.queues.anyCreditor')}</Table.Td>
                <Table.Td>
                  <Text size="sm">{filterText(q)}</Text>
                </Table.Td>
                <Table.Td data-testid="queue-operators">{q.operatorIds.map(nameOf).join(', ') || '—'}</Table.Td>
                <Table.Td ta="right" data-testid="queue-debtors">
                  {number(q.debtors)}
                </Table.Td>
                <Table.Td ta="right">{number(q.dueNow)}</Table.Td>
                <Table.Td ta="right">{number(q.leased)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={q.active ? 'green' : 'gray'} styles={{ label: { overflow: 'visible' } }} data-testid="queue-status">
                    {q.active ? t('deskSup.queues.active') : t('deskSup.queues.inactive')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button size="compact-xs" variant="default" onClick={() => onEdit(q)} data-testid="queue-edit">
                      {t('deskSup.queues.edit')}
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="default"
                      loading={fill.isPending && fill.variables === q.id}
                      onClick={() => fill.mutate(q.id, { onSuccess: (r) => notifySaved(t('deskSup.queues.filled', r)), onError: (e) => notifyError(i18n, e) })}
                      data-testid="queue-fill"
                    >
                      {t('deskSup.queues.fill')}
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="light"
                      color={q.active ? 'red' : 'blue'}
                      loading={update.isPending && update.variables.id === q.id}
                      onClick={() =>
                        update.mutate({ id: q.id, body: { active: !q.active, version: q.version } }, { onSuccess: () => notifySaved(t('deskSup.queues.saved')), onError: (e) => notifyError(i18n, e) })
                      }
                      data-testid="queue-toggle"
                    >
                      {q.active ? t('deskSup.queues.deactivate') : t('deskSup.queues.activate')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

function QueueForm({ queue, onDone }: { queue: Queue | null; onDone: () => void }) {
  const i18n = useI18n();
  const { t, te } = i18n;
  const creditors = useCreditorOptions();
  const operators = useDeskOperators();
  const create = useCreateQueue();
  const update = useUpdateQueue();
  const form = useForm<Values>({ initialValues: fromQueue(queue) });
  const busy = create.isPending || update.isPending;
  const submit = (v: Values) => {
    const done = { onSuccess: () => (notifySaved(t('deskSup.queues.saved')), onDone()), onError: (e: unknown) => applyServerErrors(form, e).length === 0 && notifyError(i18n, e) };
    if (queue) update.mutate({ id: queue.id, body: { ...body(v), version: queue.version } }, done);
    else create.mutate(body(v), done);
  };
  return (
    <form onSubmit={form.onSubmit(submit)} data-testid="queue-form">
      <Stack gap="sm">
        <TextInput label={t('deskSup.queues.name')} withAsterisk {...form.getInputProps('name')} data-testid="queue-name" />
        <Select
          label={t('deskSup.queues.creditor')}
          placeholder={t('deskSup.queues.anyCreditor')}
          clearable
          searchable
          data={(creditors.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
          {...form.getInputProps('creditorId')}
          onChange={(v) => form.setFieldValue('creditorId', v ?? '')}
          data-testid="queue-creditor"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MultiSelect label={t('deskSup.queues.kinds')} data={enumOptions(te, 'claimKind', CLAIM_KINDS)} {...form.getInputProps('kinds')} data-testid="queue-kinds" />
          <MultiSelect label={t('deskSup.queues.actKinds')} data={enumOptions(te, 'actKind', ACT_KINDS)} {...form.getInputProps('actKinds')} />
          <TextInput label={t('deskSup.queues.minOwed')} inputMode="decimal" {...form.getInputProps('minOwed')} />
          <TextInput label={t('deskSup.queues.maxOwed')} inputMode="decimal" {...form.getInputProps('maxOwed')} />
        </SimpleGrid>
        <MultiSelect label={t('deskSup.queues.languages')} data={enumOptions(te, 'language', LANGUAGES)} {...form.getInputProps('languages')} />
        <MultiSelect
          label={t('deskSup.queues.operators')}
          searchable
          data={(operators.data ?? []).map((o) => ({ value: o.id, label: `${o.name} (${te('role', o.role)})` }))}
          {...form.getInputProps('operatorIds')}
          data-testid="queue-operators-select"
        />
        {queue && (
          <Text size="xs" c="dimmed">
            {t('deskSup.queues.filterHint')}
          </Text>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={busy} data-testid="queue-save">
            {queue ? t('deskSup.queues.save') : t('deskSup.queues.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
