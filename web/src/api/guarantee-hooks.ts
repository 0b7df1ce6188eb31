/** TanStack Query hooks of guarantees and mediation (issue 17 items 3–4). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, http } from './client';
import type { BodyOf, QueryOf, ResponseOf } from './types';

export type Guarantee = ResponseOf<'/api/guarantees/{id}', 'get'>;
export type Mediation = ResponseOf<'/api/mediations', 'get'>['items'][number];
export type MediationOptions = ResponseOf<'/api/mediations/options', 'get'>;

const gKey = ['guarantees'] as const;
const mKey = ['mediations'] as const;

export function useGuarantees(query: QueryOf<'/api/guarantees'>) {
  return useQuery({
    queryKey: [...gKey, query],
    queryFn: ({ signal }) => call(http.GET('/api/guarantees', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** Where a guarantee's document or the demand sent to its guarantor is downloaded, byte for byte. */
export const guaranteeDocumentUrl = (id: string, fileId: string) => `/api/guarantees/${id}/documents/${fileId}`;
export const guarantorLetterUrl = (id: string, fileId: string) => `/api/guarantees/${id}/letters/${fileId}`;

function useInvalidate() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: gKey });
    void qc.invalidateQueries({ queryKey: mKey });
    void qc.invalidateQueries({ queryKey: ['claims'] });
  };
}

/** Records a guarantee, then (if given) uploads its document. */
export function useCreateGuarantee() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: async ({ body, file }: { body: BodyOf<'/api/guarantees', 'post'>; file?: File | null }) => {
      const g = await call(http.POST('/api/guarantees', { body }));
      if (!file) return g;
      const form = new FormData();
      form.append('file', file);
      return call(http.POST('/api/guarantees/{id}/documents', { params: { path: { id: g.id } }, body: form as never, bodySerializer: (b: unknown) => b as FormData }));
    },
    onSuccess: done,
  });
}

export function useAddGuaranteeDocument() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, file }: { id: string; file: File }) => {
      const form = new FormData();
      form.append('file', file);
      return call(http.POST('/api/guarantees/{id}/documents', { params: { path: { id } }, body: form as never, bodySerializer: (b: unknown) => b as FormData }));
    },
    onSuccess: done,
  });
}

export function useEnforceGuarantee() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => call(http.POST('/api/guarantees/{id}/enforce', { params: { path: { id } }, body: { version } })),
    onSuccess: done,
  });
}

export function useReleaseGuarantee() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, version, reason }: { id: string; version: number; reason: string }) => call(http.POST('/api/guarantees/{id}/release', { params: { path: { id } }, body: { version, reason } })),
    onSuccess: done,
  });
}

export function useMediations(query: QueryOf<'/api/mediations'>) {
  return useQuery({ queryKey: [...mKey, query], queryFn: ({ signal }) => call(http.GET('/api/mediations', { params: { query }, signal })) });
}

export function useMediationOptions(query: QueryOf<'/api/mediations/options'> | null) {
  return useQuery({
    queryKey: [...mKey, 'options', query],
    enabled: query !== null,
    queryFn: ({ signal }) => call(http.GET('/api/mediations/options', { params: { query: query! }, signal })),
  });
}

export function useProposeMediation() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (body: BodyOf<'/api/mediations', 'post'>) => call(http.POST('/api/mediations', { body })), onSuccess: done });
}

export function useMediationOutcome() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: BodyOf<'/api/mediations/{id}/outcome', 'post'> }) => call(http.POST('/api/mediations/{id}/outcome', { params: { path: { id } }, body })),
    onSuccess: done,
  });
}
