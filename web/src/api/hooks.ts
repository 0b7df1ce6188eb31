/** TanStack Query hooks: one per endpoint the UI uses. Components never call fetch themselves. */
import {
  keepPreviousData,
  QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryKey,
} from '@tanstack/react-query';
import { api, isApiError } from './client';
import type {
  Address,
  Claim,
  ClaimDetail,
  Contact,
  Creditor,
  Dashboard,
  Debtor,
  DebtorDetail,
  DebtorListItem,
  HistoryEntry,
  ListParams,
  Me,
  Note,
  Page,
  Payment,
  PaymentDetail,
} from './types';

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

/* ---------- session ---------- */

export function useMe() {
  return useQuery({
    queryKey: keys.me,
    queryFn: async ({ signal }) => {
      try {
        const r = await api.get<{ user: Me }>('/auth/me', undefined, signal);
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
    mutationFn: (input: { email: string; password: string }) => api.post<{ user: Me }>('/auth/login', input),
    onSuccess: (r) => {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      qc.setQueryData(keys.me, r.user);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/auth/logout'),
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
    queryFn: ({ signal }) => api.get<Dashboard>('/dashboard', undefined, signal),
  });
}

/* ---------- creditors ---------- */

export interface CreditorListParams extends ListParams {
  kind?: string;
  active?: 'true' | 'false';
}

export function useCreditors(params: CreditorListParams, enabled = true) {
  return useQuery({
    queryKey: keys.creditors(params),
    queryFn: ({ signal }) => api.get<Page<Creditor>>('/creditors', { ...params }, signal),
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
    queryFn: ({ signal }) => api.get<Creditor>(`/creditors/${id}`, undefined, signal),
    enabled: Boolean(id),
  });
}

export function useSaveCreditor(id?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      id ? api.patch<Creditor>(`/creditors/${id}`, body) : api.post<Creditor>('/creditors', body),
    onSuccess: (c) => {
      qc.setQueryData(keys.creditor(c.id), c);
      void qc.invalidateQueries({ queryKey: keys.creditors() });
      void qc.invalidateQueries({ queryKey: keys.dashboard });
    },
  });
}

/* ---------- debtors ---------- */

export interface DebtorListParams extends ListParams {
  kind?: string;
  hardship?: 'true' | 'false';
  creditorId?: string;
}

export function useDebtors(params: DebtorListParams, enabled = true) {
  return useQuery({
    queryKey: keys.debtors(params),
    queryFn: ({ signal }) => api.get<Page<DebtorListItem>>('/debtors', { ...params }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useDebtor(id: string | undefined) {
  return useQuery({
    queryKey: keys.debtor(id ?? ''),
    queryFn: ({ signal }) => api.get<DebtorDetail>(`/debtors/${id}`, undefined, signal),
    enabled: Boolean(id),
  });
}

export function useDebtorHistory(id: string) {
  return useQuery({
    queryKey: keys.history(id),
    queryFn: ({ signal }) => api.get<Page<HistoryEntry>>(`/debtors/${id}/history`, { pageSize: 200 }, signal),
  });
}

function invalidateDebtor(qc: QueryClient, debtorId: string) {
  const prefixes: QueryKey[] = [keys.debtor(debtorId), keys.debtors(), keys.claims(), keys.dashboard, keys.notes()];
  for (const queryKey of prefixes) void qc.invalidateQueries({ queryKey });
}

export function useSaveDebtor(id?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      id ? api.patch<Debtor>(`/debtors/${id}`, body) : api.post<DebtorDetail>('/debtors', body),
    onSuccess: (d) => invalidateDebtor(qc, d.id),
  });
}

export function useAddContact(debtorId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<Contact>(`/debtors/${debtorId}/contacts`, body),
    onSuccess: () => invalidateDebtor(qc, debtorId),
  });
}

export function useUpdateContact(debtorId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & Record<string, unknown>) => api.patch<Contact>(`/contacts/${id}`, body),
    onSuccess: () => invalidateDebtor(qc, debtorId),
  });
}

export function useAddAddress(debtorId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<Address>(`/debtors/${debtorId}/addresses`, body),
    onSuccess: () => invalidateDebtor(qc, debtorId),
  });
}

export function useUpdateAddress(debtorId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & Record<string, unknown>) => api.patch<Address>(`/addresses/${id}`, body),
    onSuccess: () => invalidateDebtor(qc, debtorId),
  });
}

/* ---------- claims ---------- */

export interface ClaimListParams extends ListParams {
  status?: string;
  stage?: string;
  kind?: string;
  creditorId?: string;
  debtorId?: string;
  currency?: string;
  dueFrom?: string;
  dueTo?: string;
  open?: 'true' | 'false';
}

export function useClaims(params: ClaimListParams, enabled = true) {
  return useQuery({
    queryKey: keys.claims(params),
    queryFn: ({ signal }) => api.get<Page<Claim>>('/claims', { ...params }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useClaim(id: string | undefined) {
  return useQuery({
    queryKey: keys.claim(id ?? ''),
    queryFn: ({ signal }) => api.get<ClaimDetail>(`/claims/${id}`, undefined, signal),
    enabled: Boolean(id),
  });
}

export function useSaveClaim(id?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      id ? api.patch<Claim>(`/claims/${id}`, body) : api.post<Claim>('/claims', body),
    onSuccess: (c) => {
      void qc.invalidateQueries({ queryKey: keys.claim(c.id) });
      invalidateDebtor(qc, c.debtorId);
    },
  });
}

/* ---------- payments ---------- */

export function usePayments(params: { debtorId?: string; claimId?: string; creditorId?: string } & ListParams, enabled = true) {
  return useQuery({
    queryKey: keys.payments(params),
    queryFn: ({ signal }) => api.get<Page<Payment>>('/payments', { ...params }, signal),
    enabled,
  });
}

export function useRecordPayment(debtorId: string, claimId?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<PaymentDetail>('/payments', body),
    onSuccess: () => {
      if (claimId) void qc.invalidateQueries({ queryKey: keys.claim(claimId) });
      void qc.invalidateQueries({ queryKey: keys.payments() });
      invalidateDebtor(qc, debtorId);
    },
  });
}

/* ---------- notes ---------- */

export function useNotes(params: { debtorId?: string; claimId?: string } & ListParams, enabled = true) {
  return useQuery({
    queryKey: keys.notes(params),
    queryFn: ({ signal }) => api.get<Page<Note>>('/notes', { ...params }, signal),
    enabled,
  });
}

export function useAddNote(debtorId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { debtorId: string; claimId?: string; body: string }) => api.post<Note>('/notes', body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.notes() });
      void qc.invalidateQueries({ queryKey: keys.history(debtorId) });
    },
  });
}
