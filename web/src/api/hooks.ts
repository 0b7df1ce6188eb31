/** TanStack Query hooks: one per endpoint the UI uses. Components never call the API themselves. */
import { keepPreviousData, QueryClient, useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { call, http, isApiError } from './client';
import type { BodyOf, ListParams, QueryOf } from './types';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        // Client errors (404, 403, …) will not change by asking again.
        retry: (count, error) => !(isApiError(error) && error.status > 0 && error.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
}

export const keys = {
  me: ['me'] as const,
  dashboard: ['dashboard'] as const,
  debtors: (p?: object) => (p ? (['debtors', p] as const) : (['debtors'] as const)),
  debtor: (id: string) => ['debtor', id] as const,
  history: (id: string) => ['debtor', id, 'history'] as const,
  claims: (p?: object) => (p ? (['claims', p] as const) : (['claims'] as const)),
  claim: (id: string) => ['claim', id] as const,
  creditors: (p?: object) => (p ? (['creditors', p] as const) : (['creditors'] as const)),
  creditor: (id: string) => ['creditor', id] as const,
  notes: (p?: object) => (p ? (['notes', p] as const) : (['notes'] as const)),
  payments: (p?: object) => (p ? (['payments', p] as const) : (['payments'] as const)),
};

/**
 * Form bodies are assembled field by field from what changed; the server validates them. These
 * aliases keep the request types visible where the calls are made.
 */
type Body = Record<string, unknown>;
const as = <T>(body: Body) => body as T;

/* ---------- session ---------- */

export function useMe() {
  return useQuery({
    queryKey: keys.me,
    queryFn: async ({ signal }) => {
      try {
        const r = await call(http.GET('/api/auth/me', { signal }));
        return r.user;
      } catch (e) {
        if (isApiError(e) && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: Infinity,
    retry: false,
  });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/auth/login', 'post'>) => call(http.POST('/api/auth/login', { body })),
    onSuccess: (r) => {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== keys.me[0] });
      qc.setQueryData(keys.me, r.user);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    // Fastify refuses an empty JSON body: send none and no content type.
    mutationFn: () => call(http.POST('/api/auth/logout', {})),
    onSettled: () => {
      qc.clear();
      qc.setQueryData(keys.me, null);
    },
  });
}

/* ---------- dashboard ---------- */

export function useDashboard() {
  return useQuery({
    queryKey: keys.dashboard,
    queryFn: ({ signal }) => call(http.GET('/api/dashboard', { signal })),
  });
}

/* ---------- creditors ---------- */

export type CreditorListParams = ListParams & { kind?: string; active?: 'true' | 'false' };

export function useCreditors(params: CreditorListParams, enabled = true) {
  return useQuery({
    queryKey: keys.creditors(params),
    queryFn: ({ signal }) =>
      call(http.GET('/api/creditors', { params: { query: params as QueryOf<'/api/creditors'> }, signal })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Every creditor, for select boxes (a tenant has tens, not thousands). */
export function useCreditorOptions() {
  return useCreditors({ pageSize: 200, sort: 'name', order: 'asc' });
}

export function useCreditor(id: string | undefined) {
  return useQuery({
    queryKey: keys.creditor(id ?? ''),
    queryFn: ({ signal }) => call(http.GET('/api/creditors/{id}', { params: { path: { id: id ?? '' } }, signal })),
    enabled: Boolean(id),
  });
}

export function useSaveCreditor(id?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) =>
      id
        ? call(http.PATCH('/api/creditors/{id}', { params: { path: { id } }, body: as<BodyOf<'/api/creditors/{id}', 'patch'>>(body) }))
        : call(http.POST('/api/creditors', { body: as<BodyOf<'/api/creditors', 'post'>>(body) })),
    onSuccess: (c) => {
      qc.setQueryData(keys.creditor(c.id), c);
      void qc.invalidateQueries({ queryKey: keys.creditors() });
      void qc.invalidateQueries({ queryKey: keys.dashboard });
    },
  });
}

/* ---------- debtors ---------- */

export type DebtorListParams = ListParams & { kind?: string; hardship?: 'true' | 'false'; creditorId?: string };

export function useDebtors(params: DebtorListParams, enabled = true) {
  return useQuery({
    queryKey: keys.debtors(params),
    queryFn: ({ signal }) => call(http.GET('/api/debtors', { params: { query: params as QueryOf<'/api/debtors'> }, signal })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useDebtor(id: string | undefined) {
  return useQuery({
    queryKey: keys.debtor(id ?? ''),
    queryFn: ({ signal }) => call(http.GET('/api/debtors/{id}', { params: { path: { id: id ?? '' } }, signal })),
    enabled: Boolean(id),
  });
}

export function useDebtorHistory(id: string) {
  return useQuery({
    queryKey: keys.history(id),
    queryFn: ({ signal }) =>
      call(http.GET('/api/debtors/{id}/history', { params: { path: { id }, query: { pageSize: 200 } }, signal })),
  });
}

function invalidateDebtor(qc: QueryClient, debtorId: string) {
  const prefixes: QueryKey[] = [keys.debtor(debtorId), keys.debtors(), keys.claims(), keys.dashboard, keys.notes()];
  for (const queryKey of prefixes) void qc.invalidateQueries({ queryKey });
}

export function useSaveDebtor(id?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) =>
      id
        ? call(http.PATCH('/api/debtors/{id}', { params: { path: { id } }, body: as<BodyOf<'/api/debtors/{id}', 'patch'>>(body) }))
        : call(http.POST('/api/debtors', { body: as<BodyOf<'/api/debtors', 'post'>>(body) })),
    onSuccess: (d) => invalidateDebtor(qc, d.id),
  });
}

export function useAddContact(debtorId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) =>
      call(
        http.POST('/api/debtors/{id}/contacts', {
          params: { path: { id: debtorId } },
          body: as<BodyOf<'/api/debtors/{id}/contacts', 'post'>>(body),
        }),
      ),
    onSuccess: () => invalidateDebtor(qc, debtorId),
  });
}

export function useUpdateContact(debtorId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & Body) =>
      call(http.PATCH('/api/contacts/{id}', { params: { path: { id } }, body: as<BodyOf<'/api/contacts/{id}', 'patch'>>(body) })),
    onSuccess: () => invalidateDebtor(qc, debtorId),
  });
}

export function useAddAddress(debtorId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) =>
      call(
        http.POST('/api/debtors/{id}/addresses', {
          params: { path: { id: debtorId } },
          body: as<BodyOf<'/api/debtors/{id}/addresses', 'post'>>(body),
        }),
      ),
    onSuccess: () => invalidateDebtor(qc, debtorId),
  });
}

export function useUpdateAddress(debtorId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & Body) =>
      call(http.PATCH('/api/addresses/{id}', { params: { path: { id } }, body: as<BodyOf<'/api/addresses/{id}', 'patch'>>(body) })),
    onSuccess: () => invalidateDebtor(qc, debtorId),
  });
}

/* ---------- claims ---------- */

export type ClaimListParams = ListParams & {
  status?: string;
  stage?: string;
  kind?: string;
  creditorId?: string;
  debtorId?: string;
  currency?: string;
  dueFrom?: string;
  dueTo?: string;
  open?: 'true' | 'false';
};

export function useClaims(params: ClaimListParams, enabled = true) {
  return useQuery({
    queryKey: keys.claims(params),
    queryFn: ({ signal }) => call(http.GET('/api/claims', { params: { query: params as QueryOf<'/api/claims'> }, signal })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useClaim(id: string | undefined) {
  return useQuery({
    queryKey: keys.claim(id ?? ''),
    queryFn: ({ signal }) => call(http.GET('/api/claims/{id}', { params: { path: { id: id ?? '' } }, signal })),
    enabled: Boolean(id),
  });
}

export function useSaveClaim(id?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) =>
      id
        ? call(http.PATCH('/api/claims/{id}', { params: { path: { id } }, body: as<BodyOf<'/api/claims/{id}', 'patch'>>(body) }))
        : call(http.POST('/api/claims', { body: as<BodyOf<'/api/claims', 'post'>>(body) })),
    onSuccess: (c) => {
      void qc.invalidateQueries({ queryKey: keys.claim(c.id) });
      invalidateDebtor(qc, c.debtorId);
    },
  });
}

/** The claim's interest statement to a day (default today), from the same engine as its balance. */
export function useClaimStatement(id: string, asOf: string | undefined, enabled = true) {
  return useQuery({
    queryKey: [...keys.claim(id), 'statement', asOf ?? ''],
    queryFn: ({ signal }) =>
      call(http.GET('/api/claims/{id}/statement', { params: { path: { id }, query: asOf ? { asOf } : {} }, signal })),
    enabled,
  });
}

export function useAddClaimCost(claimId: string, debtorId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/claims/{id}/costs', 'post'>) => call(http.POST('/api/claims/{id}/costs', { params: { path: { id: claimId } }, body })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.claim(claimId) });
      invalidateDebtor(qc, debtorId);
    },
  });
}

export function useWaiveClaimCost(claimId: string, debtorId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ costId, reason }: { costId: string; reason: string }) =>
      call(http.POST('/api/claims/{id}/costs/{costId}/waive', { params: { path: { id: claimId, costId } }, body: { reason } })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.claim(claimId) });
      invalidateDebtor(qc, debtorId);
    },
  });
}

/* ---------- payments ---------- */

export function useRecordPayment(debtorId: string, claimId?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/payments', 'post'>) => call(http.POST('/api/payments', { body })),
    onSuccess: () => {
      if (claimId) void qc.invalidateQueries({ queryKey: keys.claim(claimId) });
      void qc.invalidateQueries({ queryKey: keys.payments() });
      invalidateDebtor(qc, debtorId);
    },
  });
}

/* ---------- notes ---------- */

export type NoteListParams = ListParams & { debtorId?: string; claimId?: string };

export function useNotes(params: NoteListParams, enabled = true) {
  return useQuery({
    queryKey: keys.notes(params),
    queryFn: ({ signal }) => call(http.GET('/api/notes', { params: { query: params as QueryOf<'/api/notes'> }, signal })),
    enabled,
  });
}

export function useAddNote(debtorId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/notes', 'post'>) => call(http.POST('/api/notes', { body })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.notes() });
      void qc.invalidateQueries({ queryKey: keys.history(debtorId) });
    },
  });
}

/* ---------- interest calculator ---------- */

/** Computes a statement; nothing is stored, so nothing to invalidate. */
export function useRates() {
  return useQuery({ queryKey: ['rates'], queryFn: ({ signal }) => call(http.GET('/api/rates', { signal })) });
}

export function useCalculateInterest() {
  return useMutation({
    mutationFn: (body: BodyOf<'/api/interest/calculate', 'post'>) => call(http.POST('/api/interest/calculate', { body })),
  });
}

/* ---------- imports ---------- */

export function useImports(params: ListParams & { creditorId?: string }) {
  return useQuery({
    queryKey: ['imports', params],
    queryFn: ({ signal }) => call(http.GET('/api/imports', { params: { query: params as QueryOf<'/api/imports'> }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** A job; polled every second while it runs, so counters move on screen. */
export function useImport(id: string) {
  return useQuery({
    queryKey: ['import', id],
    queryFn: ({ signal }) => call(http.GET('/api/imports/{id}', { params: { path: { id } }, signal })),
    refetchInterval: (q) => (q.state.data && ['queued', 'validating', 'importing'].includes(q.state.data.status) ? 1000 : false),
  });
}

export function useImportPreview(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['import', id, 'preview'],
    queryFn: ({ signal }) => call(http.GET('/api/imports/{id}/preview', { params: { path: { id } }, signal })),
    enabled,
  });
}

/** Sends the file as multipart (the server streams it to disk): the creditor first, then the file. */
export function useUploadImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ creditorId, file }: { creditorId: string; file: File }) => {
      const form = new FormData();
      form.append('creditorId', creditorId);
      form.append('file', file, file.name);
      return call(http.POST('/api/imports', { body: form as never, bodySerializer: (b: unknown) => b as FormData }));
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['imports'] }),
  });
}

export function useStartImport(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/imports/{id}/start', 'post'>) => call(http.POST('/api/imports/{id}/start', { params: { path: { id } }, body })),
    onSuccess: (_d, body) => {
      if (!body.dryRun) void qc.invalidateQueries({ queryKey: ['import', id] });
    },
  });
}

export function useImportRejects(id: string, page: number, enabled: boolean) {
  return useQuery({
    queryKey: ['import', id, 'rejects', page],
    queryFn: ({ signal }) => call(http.GET('/api/imports/{id}/rejects', { params: { path: { id }, query: { page, pageSize: 20 } }, signal })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCorrectReject(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ line, cells }: { line: number; cells: Record<string, string> }) =>
      call(http.POST('/api/imports/{id}/rejects/{line}', { params: { path: { id, line } }, body: { cells } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['import', id] }),
  });
}

export function useImportReport(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['import', id, 'report'],
    queryFn: ({ signal }) => call(http.GET('/api/imports/{id}/report', { params: { path: { id } }, signal })),
    enabled,
  });
}

export function useSkipTracing(params: ListParams & { creditorId?: string; importJobId?: string }) {
  return useQuery({
    queryKey: ['skip-tracing', params],
    queryFn: ({ signal }) => call(http.GET('/api/skip-tracing', { params: { query: params as QueryOf<'/api/skip-tracing'> }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useImportReviews(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['import', id, 'reviews'],
    queryFn: ({ signal }) => call(http.GET('/api/imports/{id}/report/{list}', { params: { path: { id, list: 'reviews' } }, signal })),
    enabled,
  });
}

export function useResolveReview(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ reviewId, decision }: { reviewId: string; decision: 'merge' | 'keep_separate' }) =>
      call(http.POST('/api/imports/{id}/reviews/{reviewId}', { params: { path: { id, reviewId } }, body: { decision } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['import', id] }),
  });
}
