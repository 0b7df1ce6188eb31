import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export interface ListDefaults {
  sort: string;
  order: 'asc' | 'desc';
  pageSize?: number;
}

export const PAGE_SIZES = [10, 25, 50, 100];

/**
 * A list page's state (page, size, sort, search, filters) kept in the URL, so that reload, back and
 * shared links show the same list.
 */
export function useListState<F extends string>(defaults: ListDefaults, filterKeys: readonly F[]) {
  const [sp, setSp] = useSearchParams();

  const page = Math.max(1, Number(sp.get('page')) || 1);
  const sizeParam = Number(sp.get('pageSize'));
  const pageSize = PAGE_SIZES.includes(sizeParam) ? sizeParam : (defaults.pageSize ?? 25);
  const sort = sp.get('sort') || defaults.sort;
  const order: 'asc' | 'desc' = sp.get('order') === 'desc' ? 'desc' : sp.get('order') === 'asc' ? 'asc' : defaults.order;
  const q = sp.get('q') ?? '';
  const filterString = filterKeys.map((k) => `${k}=${sp.get(k) ?? ''}`).join('&');
  const filters = useMemo(
    () => Object.fromEntries(filterKeys.map((k) => [k, sp.get(k) ?? ''])) as Record<F, string>,
    [filterString],
  );

  const update = useCallback(
    (patch: Record<string, string | number | null | undefined>, resetPage = true) => {
      setSp(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch)) {
            if (v === null || v === undefined || v === '') next.delete(k);
            else next.set(k, String(v));
          }
          if (resetPage && !('page' in patch)) next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setSp],
  );

  return {
    page,
    pageSize,
    sort,
    order,
    q,
    filters,
    setPage: (p: number) => update({ page: p > 1 ? p : null }, false),
    setPageSize: (s: number) => update({ pageSize: s }),
    setSort: (s: string, o: 'asc' | 'desc') => update({ sort: s, order: o }),
    setQ: (v: string) => update({ q: v.trim() }),
    setFilter: (k: F, v: string | null) => update({ [k]: v }),
    reset: () => setSp(new URLSearchParams(), { replace: true }),
    hasFilters: q !== '' || filterKeys.some((k) => (sp.get(k) ?? '') !== ''),
  };
}
