/** TanStack Query hooks of bank files and the reconciliation list (issue 15). */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, http } from './client';
import type { BodyOf, QueryOf, ResponseOf } from './types';

export type BankEntry = ResponseOf<'/api/bank/entries', 'get'>['items'][number];
export type BankFile = ResponseOf<'/api/bank/files', 'get'>[number];
export type BankFileDetail = ResponseOf<'/api/bank/files/{id}', 'get'>;

const bankKey = ['bank'] as const;

export function useBankEntries(query: QueryOf<'/api/bank/entries'>) {
  return useQuery({
    queryKey: [...bankKey, 'entries', query],
    queryFn: ({ signal }) => call(http.GET('/api/bank/entries', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** The files imported, newest first; polled every few seconds while one of them is queued or running. */
export function useBankFiles() {
  return useQuery({
    queryKey: [...bankKey, 'files'],
    queryFn: ({ signal }) => call(http.GET('/api/bank/files', { signal })),
    refetchInterval: (q) => (q.state.data?.some((f) => f.status === 'queued' || f.status === 'running') ? 3000 : false),
  });
}

/**
 * One bank file; polled every second while it is queued or running, so its counts move on screen.
 * When it finishes, the reconciliation list and payments are read again.
 */
export function useBankFile(id: string | null) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: [...bankKey, 'file', id],
    enabled: id !== null,
    queryFn: async ({ signal }) => {
      const file = await call(http.GET('/api/bank/files/{id}', { params: { path: { id: id! } }, signal }));
      if (file.status === 'done' || file.status === 'failed') {
        void qc.invalidateQueries({ queryKey: [...bankKey, 'entries'] });
        void qc.invalidateQueries({ queryKey: [...bankKey, 'files'] });
        void qc.invalidateQueries({ queryKey: ['payments'] });
      }
      return file;
    },
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'queued' || q.state.data.status === 'running') ? 1000 : false),
  });
}

export function useUploadBankFile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return call(http.POST('/api/bank/files', { body: form as never, bodySerializer: (b: unknown) => b as FormData }));
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: bankKey }),
  });
}

export function useAssignBankEntry() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: BodyOf<'/api/bank/entries/{id}/assign', 'post'> }) =>
      call(http.POST('/api/bank/entries/{id}/assign', { params: { path: { id } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: bankKey }),
  });
}

export function useIgnoreBankEntry() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => call(http.POST('/api/bank/entries/{id}/ignore', { params: { path: { id } }, body: { reason } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: bankKey }),
  });
}
