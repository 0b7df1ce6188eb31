import { Button, Group, Text } from '@mantine/core';
import { useGenerateNoticeCodes } from '../../api/hooks';
import { notifyError, notifySaved } from '../../components/forms';
import { useI18n } from '../../i18n';

/**
 * "Generate the missing notice codes": for a comune whose pagoPA notices incasso generates as its
 * technological partner, gives every open position without a codice avviso the next one
 * (POST /api/creditors/:id/notice-codes; codes already there never change).
 */
export function NoticeCodesButton({ creditorId }: { creditorId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const generate = useGenerateNoticeCodes(creditorId);
  return (
    <Group justify="space-between" align="center" wrap="nowrap" mt="md">
      <Text size="sm" c="dimmed">
        {t('pagopa.generateCodesHint')}
      </Text>
      <Button
        variant="light"
        loading={generate.isPending}
        data-testid="generate-notice-codes"
        onClick={() =>
          generate.mutate(undefined, {
            onSuccess: (r) => notifySaved(r.count > 0 ? t('pagopa.codesGenerated', { count: r.count }) : t('pagopa.noCodesMissing')),
            onError: (e) => notifyError(i18n, e),
          })
        }
      >
        {t('pagopa.generateCodes')}
      </Button>
    </Group>
  );
}
