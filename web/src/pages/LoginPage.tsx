import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../api/client';
import { useLogin, useMe } from '../api/hooks';
import { safeNext } from '../auth/next';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { describeError } from '../components/ui';
import { useI18n } from '../i18n';

export default function LoginPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const login = useLogin();
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (v.trim() ? null : t('validation.required')),
      password: (v) => (v ? null : t('validation.required')),
    },
  });
  const next = safeNext(params.get('next'));

  if (me.data) return <Navigate to={next} replace />;

  let errorText: string | null = null;
  if (login.error) {
    if (isApiError(login.error) && login.error.status === 401) errorText = t('login.failed');
    else if (isApiError(login.error) && login.error.status === 429) errorText = t('login.rateLimited');
    else errorText = describeError(i18n, login.error).title;
  }

  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Stack w={400} maw="100%" gap="md">
        <Group justify="space-between">
          <Stack gap={0}>
            <Text fw={800} size="28px" c="blue.8" style={{ letterSpacing: -0.5 }}>
              incasso
            </Text>
            <Text size="sm" c="dimmed">
              {t('login.subtitle')}
            </Text>
          </Stack>
          <LanguageSwitch />
        </Group>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <form
            noValidate
            onSubmit={form.onSubmit((values) =>
              login.mutate(
                { email: values.email.trim(), password: values.password },
                { onSuccess: () => void navigate(next, { replace: true }) },
              ),
            )}
          >
            <Stack>
              <Title order={3}>{t('login.title')}</Title>
              {errorText && (
                <Alert color="red" role="alert" data-testid="login-error">
                  {errorText}
                </Alert>
              )}
              <TextInput
                label={t('login.email')}
                type="email"
                autoComplete="username"
                autoFocus
                {...form.getInputProps('email')}
              />
              <PasswordInput
                label={t('login.password')}
                autoComplete="current-password"
                visibilityToggleButtonProps={{ 'aria-label': t('login.toggleVisibility') }}
                {...form.getInputProps('password')}
              />
              <Button type="submit" loading={login.isPending} fullWidth mt="xs">
                {t('login.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Stack>
    </Center>
  );
}
