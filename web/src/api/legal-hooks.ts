/** TanStack Query hooks of the legal hand-off dossier (issue 17 item 7). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, http } from './client';
import type { BodyOf, ResponseOf } from './types';

export type LegalSheet = ResponseOf<'/api/claims/{id}/legal/sheet', 'get'>;
export type LegalDossier = ResponseOf<'/api/legal/dossiers/{id}', 'get'>;
export type LegalDossierItem = ResponseOf<'/api/legal/dossiers', 'get'>['items'][number];

const key = ['legal'] as const;

export function useLegalSheet(claimId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...key, 'sheet', claimId],
    queryFn: ({ signal }) => call(http.GET('/api/claims/{id}/legal/sheet', { params: { path: { id: claimId } }, signal })),
    enabled,
  });
}

export function useLegalDossiers(claimId?: string) {
  return useQuery({
    queryKey: [...key, 'dossiers', claimId ?? null],
    queryFn: ({ signal }) => call(http.GET('/api/legal/dossiers', { params: { query: claimId ? { claimId } : {} }, signal })),
  });
}

export function useLegalDossier(id: string | null) {
  return useQuery({
    queryKey: [...key, 'dossier', id],
    queryFn: ({ signal }) => call(http.GET('/api/legal/dossiers/{id}', { params: { path: { id: id! } }, signal })),
    enabled: id !== null,
  });
}

export function useLawFirmUsers(enabled: boolean) {
  return useQuery({
    queryKey: [...key, 'firm-users'],
    queryFn: ({ signal }) => call(http.GET('/api/legal/firm-users', { signal })),
    enabled,
  });
}

export function useHandOver(claimId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/claims/{id}/legal/handover', 'post'>) => call(http.POST('/api/claims/{id}/legal/handover', { params: { path: { id: claimId } }, body })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: key });
      void qc.invalidateQueries({ queryKey: ['claims'] });
    },
  });
}

export function useRecordLegalOutcome(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/legal/dossiers/{id}/outcomes', 'post'>) => call(http.POST('/api/legal/dossiers/{id}/outcomes', { params: { path: { id } }, body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: key }),
  });
}

export const legalDossierFileUrl = (id: string, file: 'zip' | 'index.pdf') => `/api/legal/dossiers/${id}/${file}`;
