import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useClaims } from '../../api/hooks';
import { PlansPanel, type ClaimLabels } from './PlansPanel';
import { ProposePlanButton } from './ProposePlanForm';
import { plannablePositions } from './plan-view';

/** The debtor's claims (up to the list's page limit), for the plans' labels and the proposal's positions. */
function useDebtorClaims(debtorId: string) {
  return useClaims({ debtorId, page: 1, pageSize: 200, sort: 'dueDate', order: 'asc' });
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
  const [, setParams] = useSearchParams();
  // The new plan is then on the plans tab, behind the dialog that shows the answer.
  const showPlans = () => setParams((prev) => new URLSearchParams([...[...prev].filter(([k]) => k !== 'tab'), ['tab', 'plans']]), { replace: true });
  return <ProposePlanButton positions={plannablePositions(claims.data?.items ?? [])} onProposed={showPlans} />;
}
