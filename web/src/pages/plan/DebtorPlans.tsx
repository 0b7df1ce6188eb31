import { useMemo } from 'react';
import { useClaims } from '../../api/hooks';
import type { Claim } from '../../api/types';
import { PlansPanel, type ClaimLabels } from './PlansPanel';
import { ProposePlanButton } from './ProposePlanForm';
import type { Position } from './plan-view';

/** The statuses a plan can take a position in (src/domain/claims/lifecycle.ts ACTIONABLE_STATUSES; the server checks). */
const PLANNABLE: readonly string[] = ['open', 'in_collection', 'partially_paid'];

/** The debtor's claims (up to the list's page limit), for the plans' labels and the proposal's positions. */
function useDebtorClaims(debtorId: string) {
  return useClaims({ debtorId, page: 1, pageSize: 200, sort: 'dueDate', order: 'asc' });
}

export function plannablePositions(claims: readonly Claim[]): Position[] {
  return claims
    .filter((c) => PLANNABLE.includes(c.status) && /[1-9]/.test(c.totalDue))
    .map((c) => ({ id: c.id, externalRef: c.externalRef, creditorKey: c.creditorId, creditorName: c.creditorName, currency: c.currency, totalDue: c.totalDue }));
}

/** The debtor page's plans tab. */
export function DebtorPlans({ debtorId }: { debtorId: string }) {
  const claims = useDebtorClaims(debtorId);
  const labels: ClaimLabels = useMemo(() => new Map((claims.data?.items ?? []).map((c) => [c.id, { externalRef: c.externalRef, creditorName: c.creditorName }])), [claims.data]);
  return <PlansPanel debtorId={debtorId} labels={labels} />;
}

/** "Proponi piano" in the debtor page's header: the debtor's open positions. */
export function DebtorProposePlan({ debtorId }: { debtorId: string }) {
  const claims = useDebtorClaims(debtorId);
  return <ProposePlanButton positions={plannablePositions(claims.data?.items ?? [])} />;
}
