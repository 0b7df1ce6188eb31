/** TanStack Query hooks of the agency's pay (issue 16 items 1–2): mandate terms and remittance statements. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, http } from './client';
import type { BodyOf, QueryOf, ResponseOf } from './types';

export type TermsVersion = ResponseOf<'/api/creditors/{id}/mandate-terms', 'get'>['items'][number];
export type TermsBody = BodyOf<'/api/creditors/{id}/mandate-terms', 'post'>;
export type Statement = ResponseOf<'/api/remittance-statements/{id}', 'get'>;
export type StatementItem = ResponseOf<'/api/remittance-statements', 'get'>['items'][number];
export type PreviewQuery = QueryOf<'/api/remittance-statements/preview'>;

const termsKey = (creditorId: string) => ['mandate-terms', creditorId] as const;
const statementsKey = ['remittance-statements'] as const;

export function useMandateTerms(creditorId: string | null) {
  return useQuery({
    queryKey: termsKey(creditorId ?? ''),
    enabled: !!creditorId,
    queryFn: ({ signal }) => call(http.GET('/api/creditors/{id}/mandate-terms', { params: { path: { id: creditorId! } }, signal })),
  });
}

export function useCreateMandateTerms(creditorId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TermsBody) => call(http.POST('/api/creditors/{id}/mandate-terms', { params: { path: { id: creditorId } }, body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: termsKey(creditorId) }),
  });
}

export function useStatementPreview(query: PreviewQuery | null) {
  return useQuery({
    queryKey: [...statementsKey, 'preview', query],
    enabled: !!query,
    queryFn: ({ signal }) => call(http.GET('/api/remittance-statements/preview', { params: { query: query! }, signal })),
  });
}

export function useStatements(creditorId: string | null) {
  return useQuery({
    queryKey: [...statementsKey, 'list', creditorId],
    enabled: !!creditorId,
    queryFn: ({ signal }) => call(http.GET('/api/remittance-statements', { params: { query: { creditorId: creditorId! } }, signal })),
  });
}

export function useIssueStatement() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/remittance-statements', 'post'>) => call(http.POST('/api/remittance-statements', { body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: statementsKey }),
  });
}

export function useCorrectStatement() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, language }: { id: string; language?: 'it' | 'en' | 'de' | 'fr' }) =>
      call(http.POST('/api/remittance-statements/{id}/correction', { params: { path: { id } }, body: language ? { language } : {} })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: statementsKey }),
  });
}

export const statementFileUrl = (id: string, format: 'pdf' | 'xlsx') => `/api/remittance-statements/${id}/${format}`;
