import { Alert, Badge, Button, Card, Code, CopyButton, Grid, Group, Modal, PasswordInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { isApiError } from '../api/client';
import { useCreditorOptions } from '../api/hooks';
import { ROLES, type Role } from '../api/types';
import {
  useCreateUser,
  useDeactivateUser,
  useReactivateUser,
  useResetUserPassword,
  useUpdateUser,
  useUsers,
  type User,
} from '../api/user-hooks';
import { useCan, useUser } from '../auth/session';
import { applyServerErrors, enumOptions, notifyError, notifySaved } from '../components/forms';
import { ErrorAlert, PageHeader, QueryState } from '../components/ui';
import { useI18n } from '../i18n';

interface CreateValues {
  email: string;
  name: string;
  role: string;
  creditorId: string;
  password: string;
}

/** A generated password, shown once: whoever closes the window without noting it resets again. */
interface Shown {
  email: string;
  password: string;
}

/** The tenant's users: administrators create them, change role and creditor, reset passwords, deactivate. */
export default function UsersPage() {
  const { t } = useI18n();
  const canAdmin = useCan('user');
  const users = useUsers();
  const [shown, setShown] = useState<Shown | null>(null);
  const [editing, setEditing] = useState<User | null>(null);

  if (!canAdmin) {
    return (
      <>
        <PageHeader title={t('users.title')} />
        <Alert color="gray">{t('users.adminsOnly')}</Alert>
      </>
    );
  }
  return (
    <>
      <PageHeader title={t('users.title')} subtitle={t('users.subtitle')} />
      <Stack gap="md">
        <QueryState query={users}>
          {(data) => <UsersTable users={data} onEdit={setEditing} onPassword={setShown} />}
        </QueryState>
        <CreateUserForm onPassword={setShown} />
      </Stack>
      <Modal opened={shown !== null} onClose={() => setShown(null)} title={t('users.oneTimeTitle')} data-testid="one-time-password-modal">
        {shown && (
          <Stack gap="sm">
            <Text size="sm">{t('users.oneTimeText', { email: shown.email })}</Text>
            <Group gap="sm">
              <Code fz="lg" data-testid="one-time-password">
                {shown.password}
              </Code>
              <CopyButton value={shown.password}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="light" onClick={copy}>
                    {copied ? t('users.copied') : t('users.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Button onClick={() => setShown(null)} data-testid="one-time-password-close">
              {t('users.oneTimeDone')}
            </Button>
          </Stack>
        )}
      </Modal>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={t('users.editTitle')}>
        {editing && <EditUserForm user={editing} onDone={() => setEditing(null)} />}
      </Modal>
    </>
  );
}

function UsersTable({ users, onEdit, onPassword }: { users: User[]; onEdit: (u: User) => void; onPassword: (s: Shown) => void }) {
  const i18n = useI18n();
  const { t, te } = i18n;
  const me = useUser();
  const creditors = useCreditorOptions();
  const creditorName = (id: string | null) => (id ? (creditors.data?.items.find((c) => c.id === id)?.name ?? '…') : '—');
  const deactivate = useDeactivateUser();
  const reactivate = useReactivateUser();
  const reset = useResetUserPassword();

  return (
    <Card withBorder padding="lg" radius="md">
      <Table.ScrollContainer minWidth={800}>
        <Table striped data-testid="users-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('users.name')}</Table.Th>
              <Table.Th>{t('users.email')}</Table.Th>
              <Table.Th>{t('users.role')}</Table.Th>
              <Table.Th>{t('users.creditor')}</Table.Th>
              <Table.Th>{t('users.status')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.map((u) => (
              <Table.Tr key={u.id} data-testid="user-row" data-email={u.email}>
                <Table.Td fw={600}>
                  {u.name}
                  {u.id === me.id && (
                    <Text span c="dimmed" size="xs">
                      {' '}
                      ({t('users.you')})
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{u.email}</Table.Td>
                <Table.Td data-testid="user-role-cell">{te('role', u.role)}</Table.Td>
                <Table.Td>{creditorName(u.creditorId)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={u.active ? 'green' : 'gray'} styles={{ label: { overflow: 'visible' } }} data-testid="user-status">
                    {u.active ? t('users.active') : t('users.inactive')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button size="compact-xs" variant="default" onClick={() => onEdit(u)} data-testid="user-edit">
                      {t('users.edit')}
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="default"
                      loading={reset.isPending && reset.variables === u.id}
                      data-testid="user-reset-password"
                      onClick={() => {
                        if (!window.confirm(t('users.resetConfirm', { name: u.name }))) return;
                        reset.mutate(u.id, {
                          onSuccess: (r) => r.oneTimePassword && onPassword({ email: r.email, password: r.oneTimePassword }),
                          onError: (e) => notifyError(i18n, e),
                        });
                      }}
                    >
                      {t('users.resetPassword')}
                    </Button>
                    {u.active ? (
                      <Button
                        size="compact-xs"
                        variant="light"
                        color="red"
                        loading={deactivate.isPending && deactivate.variables === u.id}
                        data-testid="user-deactivate"
                        onClick={() => {
                          if (!window.confirm(t('users.deactivateConfirm', { name: u.name }))) return;
                          deactivate.mutate(u.id, { onSuccess: () => notifySaved(t('users.deactivated')), onError: (e) => notifyError(i18n, e) });
                        }}
                      >
                        {t('users.deactivate')}
                      </Button>
                    ) : (
                      <Button
                        size="compact-xs"
                        variant="light"
                        loading={reactivate.isPending && reactivate.variables === u.id}
                        data-testid="user-reactivate"
                        onClick={() => reactivate.mutate(u.id, { onSuccess: () => notifySaved(t('users.reactivated')), onError: (e) => notifyError(i18n, e) })}
                      >
                        {t('users.reactivate')}
                      </Button>
                    )}
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

function RoleAndCreditor({ form }: { form: { getInputProps: (p: string) => object; getValues: () => { role: string } } }) {
  const { t, te } = useI18n();
  const creditors = useCreditorOptions();
  const isViewer = form.getValues().role === 'viewer';
  return (
    <>
      <Select label={t('users.role')} withAsterisk data={enumOptions(te, 'role', ROLES)} allowDeselect={false} {...form.getInputProps('role')} data-testid="user-role-select" />
      {isViewer && (
        <Select
          label={t('users.creditor')}
          description={t('users.creditorHint')}
          withAsterisk
          searchable
          data={(creditors.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
          {...form.getInputProps('creditorId')}
          data-testid="user-creditor-select"
        />
      )}
    </>
  );
}

function CreateUserForm({ onPassword }: { onPassword: (s: Shown) => void }) {
  const { t } = useI18n();
  const create = useCreateUser();
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const form = useForm<CreateValues>({
    initialValues: { email: '', name: '', role: 'operator', creditorId: '', password: '' },
    validate: {
      email: (v) => (v.trim() ? null : t('validation.required')),
      name: (v) => (v.trim() ? null : t('validation.required')),
      creditorId: (v, values) => (values.role !== 'viewer' || v ? null : t('validation.required')),
    },
  });
  const submit = form.onSubmit((v) => {
    setUnmatched([]);
    create.mutate(
      {
        email: v.email.trim(),
        name: v.name.trim(),
        role: v.role as Role,
        creditorId: v.role === 'viewer' ? v.creditorId : null,
        ...(v.password ? { password: v.password } : {}),
      },
      {
        onSuccess: (u) => {
          notifySaved(t('users.created'));
          form.reset();
          if (u.oneTimePassword) onPassword({ email: u.email, password: u.oneTimePassword });
        },
        onError: (e) => setUnmatched(applyServerErrors(form, e)),
      },
    );
  });
  return (
    <Card withBorder padding="lg" radius="md" data-testid="user-create">
      <Title order={5} mb="sm">
        {t('users.new')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Grid>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <TextInput label={t('users.email')} type="email" withAsterisk {...form.getInputProps('email')} data-testid="user-email" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <TextInput label={t('users.name')} withAsterisk {...form.getInputProps('name')} data-testid="user-name-input" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Stack gap="sm">
              <RoleAndCreditor form={form} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <PasswordInput label={t('users.password')} description={t('users.passwordHint')} autoComplete="new-password" {...form.getInputProps('password')} data-testid="user-password" />
          </Grid.Col>
        </Grid>
        {create.error && (unmatched.length > 0 || !isApiError(create.error) || create.error.fields.length === 0) && (
          <ErrorAlert error={create.error} extra={unmatched} />
        )}
        <Group justify="flex-end" mt="md">
          <Button type="submit" loading={create.isPending} data-testid="user-create-submit">
            {t('users.create')}
          </Button>
        </Group>
      </form>
    </Card>
  );
}

function EditUserForm({ user, onDone }: { user: User; onDone: () => void }) {
  const { t } = useI18n();
  const update = useUpdateUser();
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const form = useForm({
    initialValues: { name: user.name, role: user.role as string, creditorId: user.creditorId ?? '' },
    validate: {
      name: (v) => (v.trim() ? null : t('validation.required')),
      creditorId: (v, values) => (values.role !== 'viewer' || v ? null : t('validation.required')),
    },
  });
  const submit = form.onSubmit((v) => {
    setUnmatched([]);
    update.mutate(
      { id: user.id, body: { name: v.name.trim(), role: v.role as Role, creditorId: v.role === 'viewer' ? v.creditorId : null } },
      {
        onSuccess: () => {
          notifySaved(t('users.saved'));
          onDone();
        },
        onError: (e) => setUnmatched(applyServerErrors(form, e)),
      },
    );
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {user.email}
        </Text>
        <TextInput label={t('users.name')} withAsterisk {...form.getInputProps('name')} />
        <RoleAndCreditor form={form} />
        {update.error && (unmatched.length > 0 || !isApiError(update.error) || update.error.fields.length === 0) && (
          <ErrorAlert error={update.error} extra={unmatched} />
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending} data-testid="user-edit-submit">
            {t('users.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
