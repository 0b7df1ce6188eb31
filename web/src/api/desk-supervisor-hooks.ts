/**
 * TanStack Query hooks of the desk supervisor (issue 14): work queues managed and staffed, the board,
 * reassignment, outcome review and correction, the special queues. Kept apart from hooks.ts so this
 * area's calls stay together.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, http } from './client';
import type { BodyOf, QueryOf, ResponseOf } from './types';

export type Queue = ResponseOf<'/api/work/queues', 'get'>[number];
export type DeskOperator = ResponseOf<'/api/work/operators', 'get'>[number];
export type Board = ResponseOf<'/api/work/board', 'get'>;
export type BoardFigures = Board['total'];
export type OutcomeRecord = ResponseOf<'/api/work/outcomes', 'get'>[number];
export type ReviewItem = ResponseOf<'/api/work/reviews', 'get'>[number];
export type ReviewKind = QueryOf<'/api/work/reviews'>['kind'];

const deskKey = ['desk'] as const;
const queuesKey = [...deskKey, 'queues'] as const;

/** The board refreshes itself while it is open (the figures are live). */
export const BOARD_REFRESH_MS = 15_000;

export function useQueues() {
  return useQuery({ queryKey: queuesKey, queryFn: ({ signal }) => call(http.GET('/api/work/queues', { signal })) });
}

export function useDeskOperators() {
  return useQuery({ queryKey: [...deskKey, 'operators'], queryFn: ({ signal }) => call(http.GET('/api/work/operators', { signal })) });
}

export function useBoard(query: { from?: string; to?: string }) {
  return useQuery({
    queryKey: [...deskKey, 'board', query],
    queryFn: ({ signal }) => call(http.GET('/api/work/board', { params: { query }, signal })),
    refetchInterval: BOARD_REFRESH_MS,
  });
}

export function useOutcomes(query: QueryOf<'/api/work/outcomes'>) {
  return useQuery({
    queryKey: [...deskKey, 'outcomes', query],
    queryFn: ({ signal }) => call(http.GET('/api/work/outcomes', { params: { query }, signal })),
    refetchInterval: BOARD_REFRESH_MS,
  });
}

export function useReviews(kind: ReviewKind) {
  return useQuery({
    queryKey: [...deskKey, 'reviews', kind],
    queryFn: ({ signal }) => call(http.GET('/api/work/reviews', { params: { query: { kind } }, signal })),
    refetchInterval: BOARD_REFRESH_MS,
  });
}

/** Every desk mutation changes what the queues, the board and the lists show. */
function useDeskMutation<A, R>(fn: (arg: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: deskKey }) });
}

export const useCreateQueue = () => useDeskMutation((body: BodyOf<'/api/work/queues', 'post'>) => call(http.POST('/api/work/queues', { body })));
export const useUpdateQueue = () =>
  useDeskMutation(({ id, body }: { id: string; body: BodyOf<'/api/work/queues/{id}', 'patch'> }) =>
    call(http.PATCH('/api/work/queues/{id}', { params: { path: { id } }, body })),
  );
export const useFillQueue = () =>
  useDeskMutation((id: string) => call(http.POST('/api/work/queues/{id}/fill', { params: { path: { id } }, body: {} as never })));
export const useReassign = () => useDeskMutation((body: BodyOf<'/api/work/reassign', 'post'>) => call(http.POST('/api/work/reassign', { body })));
export const useCorrectOutcome = () =>
  useDeskMutation(({ id, body }: { id: string; body: BodyOf<'/api/work/outcomes/{id}/correction', 'post'> }) =>
    call(http.POST('/api/work/outcomes/{id}/correction', { params: { path: { id } }, body })),
  );
export const useResolveReview = () =>
  useDeskMutation(({ id, body }: { id: string; body: BodyOf<'/api/work/reviews/{id}', 'post'> }) =>
    call(http.POST('/api/work/reviews/{id}', { params: { path: { id } }, body })),
  );
