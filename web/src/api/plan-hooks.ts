/** TanStack Query hooks of instalment plans and of the payments list (issue 15 item 7). */
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { call, http } from './client';
import { keys } from './hooks';
import type { BodyOf, QueryOf, ResponseOf } from './types';

export type Plan = ResponseOf<'/api/plans/{id}', 'get'>;
export type PlanInstalment = Plan['instalments'][number];
export type ProposePlanBody = BodyOf<'/api/plans', 'post'>;
export type PaymentsQuery = QueryOf<'/api/payments'>;
export type PaymentsPage = ResponseOf<'/api/payments', 'get'>;
export type PaymentRow = PaymentsPage['items'][number];

const planKey = ['plans'] as const;

/** What a plan's change touches: its lists, its claims (status in_plan) and its debtor. */
function invalidatePlanWorld(qc: QueryClient, plan: Plan) {
  void qc.invalidateQueries({ queryKey: planKey });
  for (const id of plan.claimIds) void qc.invalidateQueries({ queryKey: keys.claim(id) });
  void qc.invalidateQueries({ queryKey: keys.claims() });
  void qc.invalidateQueries({ queryKey: keys.debtor(plan.debtorId) });
}

export function usePlans(query: { debtorId?: string; claimId?: string }) {
  return useQuery({
    queryKey: [...planKey, query],
    queryFn: ({ signal }) => call(http.GET('/api/plans', { params: { query }, signal })),
  });
}

export function useProposePlan() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ProposePlanBody) => call(http.POST('/api/plans', { body })),
    onSuccess: (plan) => invalidatePlanWorld(qc, plan),
  });
}

export type PlanDecision = 'approve' | 'reject' | 'cancel';

export function useDecidePlan() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, version, reason }: { id: string; action: PlanDecision; version: number; reason?: string }) => {
      const opts = { params: { path: { id } }, body: { version, ...(reason ? { reason } : {}) } };
      if (action === 'approve') return call(http.POST('/api/plans/{id}/approve', opts));
      if (action === 'reject') return call(http.POST('/api/plans/{id}/reject', opts));
      return call(http.POST('/api/plans/{id}/cancel', opts));
    },
    onSuccess: (plan) => invalidatePlanWorld(qc, plan),
  });
}

export function useExtendPlan() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: BodyOf<'/api/plans/{id}/extend', 'post'> }) => call(http.POST('/api/plans/{id}/extend', { params: { path: { id } }, body })),
    onSuccess: (plan) => invalidatePlanWorld(qc, plan),
  });
}

export function useRecordPlanReminder() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: BodyOf<'/api/plans/{id}/reminders', 'post'> }) =>
      call(http.POST('/api/plans/{id}/reminders', { params: { path: { id } }, body })),
    onSuccess: (plan) => invalidatePlanWorld(qc, plan),
  });
}

/* ---------- payments (the Pagamenti page) ---------- */

export function usePaymentsList(query: PaymentsQuery) {
  return useQuery({
    queryKey: keys.payments(query),
    queryFn: ({ signal }) => call(http.GET('/api/payments', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useReversePayment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => call(http.POST('/api/payments/{id}/reverse', { params: { path: { id } }, body: { reason } })),
    onSuccess: (p) => {
      void qc.invalidateQueries({ queryKey: keys.payments() });
      void qc.invalidateQueries({ queryKey: keys.claims() });
      void qc.invalidateQueries({ queryKey: ['claim'] });
      void qc.invalidateQueries({ queryKey: keys.debtor(p.debtorId) });
      void qc.invalidateQueries({ queryKey: planKey });
    },
  });
}

/* ---------- settlements (saldo e stralcio) ---------- */

export type SettlementItem = ResponseOf<'/api/settlements', 'get'>['items'][number];
const settlementKey = ['settlements'] as const;

export function useSettlements(query: { debtorId?: string; claimId?: string }) {
  return useQuery({
    queryKey: [...settlementKey, query],
    queryFn: ({ signal }) => call(http.GET('/api/settlements', { params: { query }, signal })),
  });
}

export function useApproveSettlement() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(http.POST('/api/settlements/{id}/approve', { params: { path: { id } } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: settlementKey }),
  });
}
