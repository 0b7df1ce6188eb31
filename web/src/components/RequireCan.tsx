import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useCan, type Resource } from '../auth/session';
import { useI18n } from '../i18n';

/**
 * A create or edit form only for those the domain policy lets write `resource`. Others (a viewer
 * following an old link to /debtors/new) see that their access is read-only, never a form the server
 * would refuse.
 */
export function RequireCan({ resource, children }: { resource: Resource; children: ReactNode }) {
  const { t } = useI18n();
  if (!useCan(resource)) {
    return (
      <Alert color="gray" data-testid="read-only-notice">
        {t('common.readOnly')}
      </Alert>
    );
  }
  return <>{children}</>;
}
