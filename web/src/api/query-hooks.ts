/** TanStack Query hooks of the queries between the agency and the creditor (issue 16 item 4). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, http } from './client';
import { keys } from './hooks';
import type { BodyOf, QueryOf, ResponseOf } from './types';

export type QueryThread = ResponseOf<'/api/queries/{id}', 'get'>;
export type QueryRow = ResponseOf<'/api/queries', 'get'>['items'][number];
export type QueriesFilter = QueryOf<'/api/queries'>;
export type AnswerBody = BodyOf<'/api/queries/{id}/answer', 'post'>;
export type OpenQueryBody = BodyOf<'/api/queries', 'post'>;

const key = ['queries'] as const;

export function useQueries(filter: QueriesFilter) {
  return useQuery({ queryKey: [...key, 'list', filter], queryFn: ({ signal }) => call(http.GET('/api/queries', { params: { query: filter }, signal })) });
}

/** Open queries waiting for each side; refreshed every minute for the navigation's badge. */
export function useQueryCounts() {
  return useQuery({ queryKey: [...key, 'counts'], queryFn: ({ signal }) => call(http.GET('/api/queries/counts', { signal })), refetchInterval: 60_000 });
}

export function useQueryThread(id: string | null) {
  return useQuery({
    queryKey: [...key, 'one', id],
    queryFn: ({ signal }) => call(http.GET('/api/queries/{id}', { params: { path: { id: id! } }, signal })),
    enabled: id !== null,
  });
}

/** An answer or a reply changes the thread, the lists, the counts and (answers) the position. */
function useInvalidate() {
  const qc = useQueryClient();
  return (q: QueryThread) => {
    void qc.invalidateQueries({ queryKey: key });
    void qc.invalidateQueries({ queryKey: keys.claim(q.claimId) });
    void qc.invalidateQueries({ queryKey: keys.claims() });
    void qc.invalidateQueries({ queryKey: ['plans'] });
  };
}

export function useOpenQuery() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (body: OpenQueryBody) => call(http.POST('/api/queries', { body })), onSuccess: done });
}

export function useReplyQuery(id: string) {
  const done = useInvalidate();
  return useMutation({ mutationFn: (text: string) => call(http.POST('/api/queries/{id}/messages', { params: { path: { id } }, body: { text } })), onSuccess: done });
}

export function useAnswerQuery(id: string) {
  const done = useInvalidate();
  return useMutation({ mutationFn: (body: AnswerBody) => call(http.POST('/api/queries/{id}/answer', { params: { path: { id } }, body })), onSuccess: done });
}

export function useCloseQuery(id: string) {
  const done = useInvalidate();
  return useMutation({ mutationFn: () => call(http.POST('/api/queries/{id}/close', { params: { path: { id } }, body: {} })), onSuccess: done });
}
