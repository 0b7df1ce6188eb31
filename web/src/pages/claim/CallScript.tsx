import { Card, List, Stack, Text, Title } from '@mantine/core';
import { useCallScript } from '../../api/web13-hooks';
import { useI18n } from '../../i18n';

/**
 * The call script of a comune's position (GET /api/claims/:id/call-script): who is calling, identity
 * first, the act, the amount and how to pay, instalments, what to watch for. Nothing for other claims.
 */
export function CallScript({ claimId, externalRef }: { claimId: string; externalRef: string }) {
  const { t } = useI18n();
  const q = useCallScript(claimId);
  if (!q.data) return null;
  return (
    <Card withBorder radius="md" padding="sm" data-testid="call-script">
      <Title order={6} mb={4}>
        {t('callScript.title', { ref: externalRef })}
      </Title>
      <Stack gap={6}>
        {q.data.sections.map((s) => (
          <div key={s.key} data-testid={`call-script-${s.key}`}>
            <Text size="sm" fw={600}>
              {s.title}
            </Text>
            <List size="sm" spacing={2}>
              {s.lines.map((l, i) => (
                <List.Item key={i}>{l}</List.Item>
              ))}
            </List>
          </div>
        ))}
      </Stack>
    </Card>
  );
}
