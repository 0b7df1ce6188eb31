import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { useI18n } from '../i18n';

/** Last resort when a page throws while rendering (or a chunk fails to load after a deploy). */
export function RouteError() {
  const error = useRouteError();
  const { t } = useI18n();
  const detail = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : error instanceof Error ? error.message : '';
  return (
    <Center mih="60vh" p="md">
      <Stack align="center" gap="sm" maw={520}>
        <Title order={3}>{t('error.unknown')}</Title>
        {detail && (
          <Text c="dimmed" size="sm" ta="center">
            {detail}
          </Text>
        )}
        <Button onClick={() => window.location.reload()}>{t('common.retry')}</Button>
      </Stack>
    </Center>
  );
}
