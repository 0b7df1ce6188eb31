/**
 * Where a position stands for the creditor portal (issue 16 item 3). Its status decides first (paid,
 * written off, returned, disputed, in a plan, promised); an open position is then reached (a right-party
 * conversation), unreachable (its number found not to exist or to be someone else's, nobody reached),
 * worked (any contact attempt) or just loaded. The SQL function `portal_stage` (migration 0047) is the
 * same rule; the desk's facts are `claims.worked_on`, `reached_on`, `unreachable_on`.
 */
export const PORTAL_STAGES = ['loaded', 'worked', 'reached', 'unreachable', 'promised', 'in_plan', 'paid', 'disputed', 'returned', 'written_off'] as const;
export type PortalStage = (typeof PORTAL_STAGES)[number];

const BY_STATUS: Partial<Record<string, PortalStage>> = {
  paid: 'paid',
  written_off: 'written_off',
  returned: 'returned',
  disputed: 'disputed',
  in_plan: 'in_plan',
  promised: 'promised',
};

export function portalStage(p: { status: string; workedOn: string | null; reachedOn: string | null; unreachableOn: string | null }): PortalStage {
  return BY_STATUS[p.status] ?? (p.reachedOn ? 'reached' : p.unreachableOn ? 'unreachable' : p.workedOn ? 'worked' : 'loaded');
}
