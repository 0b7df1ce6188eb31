import { useMemo } from 'react';
import { useI18n } from '../i18n';

/**
 * The words of a DataTable's pager in the UI language (mantine-datatable's defaults are English:
 * "Records per page", "Previous page", "No records"). Spread `withSizes` on a table with a page-size
 * selector, `text` on one without, `empty` on a table without pages.
 */
export function usePagerText() {
  const { t } = useI18n();
  return useMemo(() => {
    const empty = { noRecordsText: t('common.noRecords') };
    const text = {
      ...empty,
      loadingText: t('common.loading'),
      paginationText: ({ from, to, totalRecords }: { from: number; to: number; totalRecords: number }) =>
        t('common.pagination', { from, to, total: totalRecords }),
      getPaginationControlProps: (control: 'first' | 'last' | 'previous' | 'next') => ({ 'aria-label': t(`pager.${control}`) }),
    };
    return { empty, text, withSizes: { ...text, recordsPerPageLabel: t('common.recordsPerPage') } };
  }, [t]);
}
