/** TanStack Query hooks of the discharge report (relazione di scarico, issue 16 item 6). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, http } from './client';
import type { BodyOf, QueryOf, ResponseOf } from './types';

export type DischargeQuery = QueryOf<'/api/reports/discharge'>;
export type DischargePreview = ResponseOf<'/api/reports/discharge', 'get'>;
export type IssuedDischarge = ResponseOf<'/api/reports/discharge/issued', 'get'>['items'][number];
export type DischargeFormat = 'csv' | 'xlsx' | 'pdf';

const key = ['discharge-reports'] as const;

export function useDischargePreview(query: DischargeQuery | null) {
  return useQuery({
    queryKey: [...key, 'preview', query],
    queryFn: ({ signal }) => call(http.GET('/api/reports/discharge', { params: { query: query! }, signal })),
    enabled: query !== null,
  });
}

export function useIssuedDischarges(creditorId: string | undefined) {
  return useQuery({
    queryKey: [...key, 'issued', creditorId ?? null],
    queryFn: ({ signal }) => call(http.GET('/api/reports/discharge/issued', { params: { query: creditorId ? { creditorId } : {} }, signal })),
  });
}

export function useIssueDischarge() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/reports/discharge/issued', 'post'>) => call(http.POST('/api/reports/discharge/issued', { body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: [...key, 'issued'] }),
  });
}

/** A draft file of the report (not stored): downloaded by the browser. */
export function dischargeFileUrl(query: DischargeQuery, format: DischargeFormat, language: string): string {
  const p = new URLSearchParams({ creditorId: query.creditorId, format, language });
  if (query.loadId) p.set('loadId', query.loadId);
  if (query.asOf) p.set('asOf', query.asOf);
  return `/api/reports/discharge/file?${p.toString()}`;
}

export const issuedDischargeUrl = (id: string) => `/api/reports/discharge/issued/${id}/file`;

/* Scheduled reports to a creditor (issue 16 item 3). */
export type ReportSchedule = ResponseOf<'/api/reports/schedules', 'get'>['items'][number];
const schedulesKey = ['report-schedules'] as const;

export function useReportSchedules(creditorId: string | undefined) {
  return useQuery({
    queryKey: [...schedulesKey, creditorId ?? null],
    queryFn: ({ signal }) => call(http.GET('/api/reports/schedules', { params: { query: creditorId ? { creditorId } : {} }, signal })),
  });
}

export function useCreateReportSchedule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/reports/schedules', 'post'>) => call(http.POST('/api/reports/schedules', { body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: schedulesKey }),
  });
}

export function useUpdateReportSchedule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & BodyOf<'/api/reports/schedules/{id}', 'patch'>) => call(http.PATCH('/api/reports/schedules/{id}', { params: { path: { id } }, body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: schedulesKey }),
  });
}

export const reportRunUrl = (id: string, format: 'pdf' | 'xlsx') => `/api/reports/runs/${id}/file?format=${format}`;
