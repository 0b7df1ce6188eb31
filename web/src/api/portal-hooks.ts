/** TanStack Query hooks of the creditor portal's figures (issue 16 items 3 and 5). */
import { useQuery } from '@tanstack/react-query';
import { call, http } from './client';
import type { QueryOf, ResponseOf } from './types';

export type PortalQuery = QueryOf<'/api/portal/progress'>;
export type PortalProgress = ResponseOf<'/api/portal/progress', 'get'>;
export type PortalCollections = ResponseOf<'/api/portal/collections', 'get'>;
export type PortalKpis = ResponseOf<'/api/portal/kpis', 'get'>;

export function usePortalProgress(query: PortalQuery) {
  return useQuery({ queryKey: ['portal', 'progress', query], queryFn: ({ signal }) => call(http.GET('/api/portal/progress', { params: { query }, signal })) });
}

export function usePortalCollections(query: PortalQuery) {
  return useQuery({ queryKey: ['portal', 'collections', query], queryFn: ({ signal }) => call(http.GET('/api/portal/collections', { params: { query }, signal })) });
}

export function usePortalKpis(query: PortalQuery) {
  return useQuery({ queryKey: ['portal', 'kpis', query], queryFn: ({ signal }) => call(http.GET('/api/portal/kpis', { params: { query }, signal })) });
}

/** The progress table's file (a plain link: the browser downloads it with the session cookie). */
export function portalExportUrl(query: PortalQuery, format: 'csv' | 'xlsx'): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  p.set('format', format);
  return `/api/portal/progress/export?${p}`;
}

export type AgencyKpisQuery = QueryOf<'/api/portal/agency-kpis'>;
export type AgencyKpis = ResponseOf<'/api/portal/agency-kpis', 'get'>;

/** The agency's KPIs per operator and per queue (issue 16 item 7), for supervisors. */
export function useAgencyKpis(query: AgencyKpisQuery, enabled: boolean) {
  return useQuery({ queryKey: ['portal', 'agency-kpis', query], enabled, queryFn: ({ signal }) => call(http.GET('/api/portal/agency-kpis', { params: { query }, signal })) });
}

/** The per-operator and per-queue table's file. */
export function agencyKpisExportUrl(query: AgencyKpisQuery, format: 'csv' | 'xlsx'): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  p.set('format', format);
  return `/api/portal/agency-kpis/export?${p}`;
}
