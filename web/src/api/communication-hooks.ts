/**
 * TanStack Query hooks of communications: a debtor's communications, the local mailbox, phone tasks
 * and print batches. Kept apart from hooks.ts so each area's calls stay together.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, http, ApiError } from './client';
import { keys } from './hooks';
import type { BodyOf, ResponseOf } from './types';

export type Communication = ResponseOf<'/api/debtors/{id}/communications', 'get'>['items'][number];
export type MailboxItem = ResponseOf<'/api/mailbox', 'get'>['items'][number];
export type MailboxMessage = ResponseOf<'/api/mailbox/{id}', 'get'>;
export type PhoneTasks = ResponseOf<'/api/phone-tasks', 'get'>;
export type PhoneTask = PhoneTasks['tasks'][number];
export type PhoneDay = PhoneTasks['days'][number];
export type PhoneOutcome = BodyOf<'/api/phone-tasks/{id}/contacts', 'post'>['outcome'];
export type PrintQueueItem = ResponseOf<'/api/print-queue', 'get'>['items'][number];
export type PrintBatch = ResponseOf<'/api/print-batches', 'get'>['items'][number];

export const communicationKeys = {
  ofDebtor: (debtorId: string) => ['debtor', debtorId, 'communications'] as const,
  mailbox: (p?: object) => (p ? (['mailbox', p] as const) : (['mailbox'] as const)),
  message: (id: string) => ['mailbox-message', id] as const,
  phoneTasks: ['phone-tasks'] as const,
  printQueue: (p?: object) => (p ? (['print-queue', p] as const) : (['print-queue'] as const)),
  printBatches: (p?: object) => (p ? (['print-batches', p] as const) : (['print-batches'] as const)),
};

/** Where a communication's stored document is downloaded, byte for byte. */
export const documentUrl = (id: string) => `/api/communications/${id}/document`;
export const printBatchUrl = (id: string, file: 'pdf' | 'manifest') => `/api/print-batches/${id}/${file}`;

export function useDebtorCommunications(debtorId: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...communicationKeys.ofDebtor(debtorId), page, pageSize],
    queryFn: ({ signal }) =>
      call(http.GET('/api/debtors/{id}/communications', { params: { path: { id: debtorId }, query: { page, pageSize } }, signal })),
    placeholderData: keepPreviousData,
  });
}

/**
 * The HTML of an e-mail communication as stored, for a sandboxed preview. Fetched as text (the route
 * answers it as a download) — never put into the page's own DOM.
 */
export function useCommunicationHtml(id: string | null) {
  return useQuery({
    queryKey: ['communication-html', id],
    queryFn: async ({ signal }) => {
      const res = await fetch(documentUrl(id ?? ''), { credentials: 'same-origin', signal });
      if (!res.ok) throw new ApiError(res.status, res.status === 404 ? 'not_found' : 'unknown', res.statusText);
      return res.text();
    },
    enabled: id !== null,
    staleTime: Infinity,
  });
}

/* ---------- local mailbox ---------- */

export function useMailbox(params: { page: number; pageSize: number; q?: string }) {
  return useQuery({
    queryKey: communicationKeys.mailbox(params),
    queryFn: ({ signal }) => call(http.GET('/api/mailbox', { params: { query: { ...params, q: params.q || undefined } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useMailboxMessage(id: string | null) {
  return useQuery({
    queryKey: communicationKeys.message(id ?? ''),
    queryFn: ({ signal }) => call(http.GET('/api/mailbox/{id}', { params: { path: { id: id ?? '' } }, signal })),
    enabled: id !== null,
  });
}

/* ---------- phone tasks ---------- */

/** Open phone tasks; asked again every minute, since limits change as colleagues call. */
export function usePhoneTasks() {
  return useQuery({
    queryKey: communicationKeys.phoneTasks,
    queryFn: ({ signal }) => call(http.GET('/api/phone-tasks', { signal })),
    refetchInterval: 60_000,
  });
}

export function useRecordPhoneContact() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; outcome: PhoneOutcome; note?: string }) =>
      call(http.POST('/api/phone-tasks/{id}/contacts', { params: { path: { id } }, body })),
    // Refused calls are logged too: the list and the debtor's history change either way.
    onSettled: (_r, _e, v) => {
      void qc.invalidateQueries({ queryKey: communicationKeys.phoneTasks });
      // A wrong number makes the contact invalid and may put the debtor on the skip-tracing list.
      if (v.outcome === 'wrong_number') void qc.invalidateQueries({ queryKey: ['skip-tracing'] });
      const task = qc.getQueryData<PhoneTasks>(communicationKeys.phoneTasks)?.tasks.find((x) => x.id === v.id);
      if (task) {
        void qc.invalidateQueries({ queryKey: keys.history(task.debtorId) });
        void qc.invalidateQueries({ queryKey: communicationKeys.ofDebtor(task.debtorId) });
        // Both change the debtor's contacts (invalid number; phone numbers opted out).
        if (v.outcome === 'wrong_number' || v.outcome === 'asked_in_writing') void qc.invalidateQueries({ queryKey: keys.debtor(task.debtorId) });
      }
    },
  });
}

/* ---------- print batches ---------- */

export function usePrintQueue(params: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: communicationKeys.printQueue(params),
    queryFn: ({ signal }) => call(http.GET('/api/print-queue', { params: { query: params }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function usePrintBatches(params: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: communicationKeys.printBatches(params),
    queryFn: ({ signal }) => call(http.GET('/api/print-batches', { params: { query: params }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useCreatePrintBatch() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/print-batches', 'post'>) => call(http.POST('/api/print-batches', { body })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: communicationKeys.printQueue() });
      void qc.invalidateQueries({ queryKey: communicationKeys.printBatches() });
      void qc.invalidateQueries({ queryKey: ['debtor'] });
    },
  });
}
