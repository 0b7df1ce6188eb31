/**
 * TanStack Query hooks of dunning: strategies, a claim's hold, and the dunning run. Kept apart from
 * hooks.ts so each area's calls stay together; the query keys of claims and debtors come from there.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, http } from './client';
import { keys } from './hooks';
import type { BodyOf, ResponseOf } from './types';

export type StrategyTemplates = ResponseOf<'/api/strategy-templates', 'get'>;
export type Strategy = ResponseOf<'/api/strategies/{id}', 'get'>;
export type StrategyStep = Strategy['steps'][number];
export type Activation = ResponseOf<'/api/strategies/{id}/activate', 'post'>;
export type ClaimHold = ResponseOf<'/api/claims/{id}/hold', 'get'>;
export type DunningRun = ResponseOf<'/api/dunning/runs', 'post'>;
export type DunningAction = DunningRun['actions'][number];

export const dunningKeys = {
  templates: ['strategy-templates'] as const,
  strategies: (p?: object) => (p ? (['strategies', p] as const) : (['strategies'] as const)),
  strategy: (id: string) => ['strategy', id] as const,
  hold: (claimId: string) => [...keys.claim(claimId), 'hold'] as const,
};

/* ---------- strategies ---------- */

/** The shipped strategies and message templates: they change only with a release. */
export function useStrategyTemplates() {
  return useQuery({
    queryKey: dunningKeys.templates,
    queryFn: ({ signal }) => call(http.GET('/api/strategy-templates', { signal })),
    staleTime: Infinity,
  });
}

export function useStrategies(params: { creditorId?: string }, enabled = true) {
  return useQuery({
    queryKey: dunningKeys.strategies(params),
    queryFn: ({ signal }) => call(http.GET('/api/strategies', { params: { query: params }, signal })),
    enabled,
  });
}

export function useStrategy(id: string) {
  return useQuery({
    queryKey: dunningKeys.strategy(id),
    queryFn: ({ signal }) => call(http.GET('/api/strategies/{id}', { params: { path: { id } }, signal })),
  });
}

export function useCreateStrategy() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/strategies', 'post'>) => call(http.POST('/api/strategies', { body })),
    onSuccess: (s) => {
      qc.setQueryData(dunningKeys.strategy(s.id), s);
      void qc.invalidateQueries({ queryKey: dunningKeys.strategies() });
    },
  });
}

export function useUpdateStrategy(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/strategies/{id}', 'patch'>) => call(http.PATCH('/api/strategies/{id}', { params: { path: { id } }, body })),
    onSuccess: (s) => {
      qc.setQueryData(dunningKeys.strategy(id), s);
      void qc.invalidateQueries({ queryKey: dunningKeys.strategies() });
      // Claims following it may have a new next action date.
      void qc.invalidateQueries({ queryKey: keys.claims() });
      void qc.invalidateQueries({ queryKey: ['claim'] });
    },
  });
}

/** Activation moves the creditor's open claims, deactivation does not: both refresh strategies and claims. */
export function useSetStrategyActive() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, active }: { id: string; version: number; active: boolean }): Promise<Strategy | Activation> =>
      active
        ? call(http.POST('/api/strategies/{id}/activate', { params: { path: { id } }, body: { version } }))
        : call(http.POST('/api/strategies/{id}/deactivate', { params: { path: { id } }, body: { version } })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: dunningKeys.strategies() });
      void qc.invalidateQueries({ queryKey: ['strategy'] });
      void qc.invalidateQueries({ queryKey: keys.claims() });
      void qc.invalidateQueries({ queryKey: ['claim'] });
    },
  });
}

/* ---------- holds ---------- */

export function useClaimHold(claimId: string) {
  return useQuery({
    queryKey: dunningKeys.hold(claimId),
    queryFn: ({ signal }) => call(http.GET('/api/claims/{id}/hold', { params: { path: { id: claimId } }, signal })),
  });
}

function useHoldChange<V>(claimId: string, debtorId: string, request: (v: V) => Promise<ClaimHold>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (h) => {
      qc.setQueryData(dunningKeys.hold(claimId), h);
      void qc.invalidateQueries({ queryKey: keys.claim(claimId) });
      void qc.invalidateQueries({ queryKey: keys.history(debtorId) });
    },
  });
}

export function useHoldClaim(claimId: string, debtorId: string) {
  return useHoldChange(claimId, debtorId, (body: BodyOf<'/api/claims/{id}/hold', 'post'>) =>
    call(http.POST('/api/claims/{id}/hold', { params: { path: { id: claimId } }, body })),
  );
}

export function useReleaseClaimHold(claimId: string, debtorId: string) {
  return useHoldChange(claimId, debtorId, (version: number) =>
    call(http.DELETE('/api/claims/{id}/hold', { params: { path: { id: claimId }, query: { version } } })),
  );
}

/* ---------- dunning run ---------- */

/** What a run is asked for: the day, simulation or not, and optionally one creditor's claims only. */
export type DunningRunRequest = { date: string; dryRun: boolean; creditorId?: string };

/** A dry run changes nothing; a real run changes claims, debtors' histories and the dashboard. */
export function useDunningRun() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DunningRunRequest) => call(http.POST('/api/dunning/runs', { body })),
    onSuccess: (run) => {
      if (!run.dryRun) void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== keys.me[0] });
    },
  });
}
