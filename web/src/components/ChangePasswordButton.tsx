import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { isApiError } from '../api/client';
import { useChangeOwnPassword } from '../api/user-hooks';
import { useI18n } from '../i18n';
import { applyServerErrors, notifySaved } from './forms';
import { ErrorAlert } from './ui';

/** In the header: any signed-in user replaces their own password (a one-time password first of all). */
export function ChangePasswordButton() {
  const { t } = useI18n();
  const [opened, { open, close }] = useDisclosure();
  return (
    <>
      <Button variant="subtle" size="xs" onClick={open} data-testid="change-password">
        {t('users.changeOwn')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('users.changeOwn')}>
        {opened && <ChangePasswordForm onDone={close} />}
      </Modal>
    </>
  );
}

function ChangePasswordForm({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const change = useChangeOwnPassword();
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', repeat: '' },
    validate: {
      currentPassword: (v) => (v ? null : t('validation.required')),
      repeat: (v, values) => (v === values.newPassword ? null : t('users.repeatMismatch')),
    },
  });
  const submit = form.onSubmit((v) => {
    setUnmatched([]);
    change.mutate(
      { currentPassword: v.currentPassword, newPassword: v.newPassword },
      {
        onSuccess: () => {
          notifySaved(t('users.changedOwn'));
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
          {t('users.changeOwnHint')}
        </Text>
        <PasswordInput label={t('users.currentPassword')} autoComplete="current-password" withAsterisk {...form.getInputProps('currentPassword')} />
        <PasswordInput label={t('users.newPassword')} autoComplete="new-password" withAsterisk {...form.getInputProps('newPassword')} />
        <PasswordInput label={t('users.repeatPassword')} autoComplete="new-password" withAsterisk {...form.getInputProps('repeat')} />
        {change.error && (unmatched.length > 0 || !isApiError(change.error) || change.error.fields.length === 0) && (
          <ErrorAlert error={change.error} extra={unmatched} />
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={change.isPending} data-testid="change-password-submit">
            {t('users.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
