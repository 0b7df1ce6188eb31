/**
 * TanStack Query hooks of the desk's call screen (issue 14 item 3): "next", a call per number
 * dialled, its right-party check and the outcome that ends it.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, http } from './client';
import type { BodyOf, ResponseOf } from './types';

export type NextAnswer = ResponseOf<'/api/work/next', 'post'>;
export type DeskCall = ResponseOf<'/api/work/calls/{id}', 'get'>;
export type DeskPosition = NonNullable<DeskCall['disclosed']>['positions'][number];
export type DeskOutcomeBody = BodyOf<'/api/work/outcomes', 'post'>;
export type IdentityAnswer = ResponseOf<'/api/work/calls/{id}/identity', 'post'>;

const callKey = (id: string) => ['desk-call', id] as const;

export function useNextDebtor() {
  return useMutation({ mutationFn: (queueId?: string) => call(http.POST('/api/work/next', { body: queueId ? { queueId } : {} })) });
}

export function useStartCall() {
  return useMutation({
    mutationFn: (body: BodyOf<'/api/work/calls', 'post'>) => call(http.POST('/api/work/calls', { body })),
  });
}

export function useDeskCall(id: string | null) {
  return useQuery({
    queryKey: callKey(id ?? ''),
    queryFn: ({ signal }) => call(http.GET('/api/work/calls/{id}', { params: { path: { id: id ?? '' } }, signal })),
    enabled: id !== null,
  });
}

export function useVerifyIdentity(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/work/calls/{id}/identity', 'post'>) => call(http.POST('/api/work/calls/{id}/identity', { params: { path: { id } }, body })),
    onSettled: () => void qc.invalidateQueries({ queryKey: callKey(id) }),
  });
}

export function useRecordDeskOutcome() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DeskOutcomeBody) => call(http.POST('/api/work/outcomes', { body })),
    onSettled: (_r, _e, v) => {
      if (v.callId) void qc.invalidateQueries({ queryKey: callKey(v.callId) });
      void qc.invalidateQueries({ queryKey: ['debtor', v.debtorId] });
    },
  });
}
