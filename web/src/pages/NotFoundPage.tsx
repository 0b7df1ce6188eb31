import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useI18n } from '../i18n';

export default function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Stack align="flex-start" gap="sm" py="xl">
      <Title order={2}>{t('common.notFound')}</Title>
      <Text c="dimmed">{t('common.notFoundText')}</Text>
      <Button component={Link} to="/" variant="light">
        {t('common.goHome')}
      </Button>
    </Stack>
  );
}
