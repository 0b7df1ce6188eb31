/**
 * Pure helpers of the plans and payments screens (issue 15 item 7). Amounts stay exact decimal
 * strings: differences are computed in integer cents (BigInt), never through a float.
 */
import type { Locale } from '../../i18n';

const AMOUNT = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

function cents(amount: string): bigint {
  const m = AMOUNT.exec(amount.trim());
  if (!m) throw new RangeError(`not an amount: ${amount}`);
  const [, sign, int = '0', frac = ''] = m;
  const v = BigInt(int) * 100n + BigInt((frac + '00').slice(0, 2));
  return sign ? -v : v;
}

function fromCents(v: bigint): string {
  const neg = v < 0n;
  const abs = neg ? -v : v;
  const s = `${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
  return neg ? `-${s}` : s;
}

/** a − b of two decimal strings, exact: "100.00" − "33.34" → "66.66". */
export function moneyMinus(a: string, b: string): string {
  return fromCents(cents(a) - cents(b));
}

/** The sum of decimal strings, exact ("0.00" for none). */
export function moneySum(amounts: readonly string[]): string {
  return fromCents(amounts.reduce((s, a) => s + cents(a), 0n));
}

export interface PlanLike {
  state: string;
  total: string;
  paid: string;
  extensionUsed: boolean;
  instalments: readonly { number: number; dueOn: string; amount: string; paid: string; state: string; remindedOn: string | null }[];
}

/** What the plan still wants: total − paid (never below zero). */
export function planResidual(plan: Pick<PlanLike, 'total' | 'paid'>): string {
  const r = cents(plan.total) - cents(plan.paid);
  return fromCents(r > 0n ? r : 0n);
}

/** The next instalment still to pay (the first not paid in full) of a running plan, with what is left of it. */
export function nextInstalment(plan: PlanLike): { number: number; dueOn: string; left: string } | null {
  if (plan.state !== 'active' && plan.state !== 'proposed') return null;
  const i = plan.instalments.find((x) => x.state !== 'paid');
  return i ? { number: i.number, dueOn: i.dueOn, left: moneyMinus(i.amount, i.paid) } : null;
}

export type PlanAction = 'approve' | 'reject' | 'cancel' | 'extend' | 'remind';

/**
 * What the user may do with a plan, by its state and the user's role — as the server decides it
 * (approve/reject/extend need `plan_approval`, cancel and reminders are work on the claims); the
 * server checks again.
 */
export function planActions(plan: Pick<PlanLike, 'state' | 'extensionUsed'>, may: { approve: boolean; work: boolean }): PlanAction[] {
  const out: PlanAction[] = [];
  if (plan.state === 'proposed' && may.approve) out.push('approve', 'reject');
  if ((plan.state === 'proposed' || plan.state === 'active') && may.work) out.push('cancel');
  if (plan.state === 'active' && !plan.extensionUsed && may.approve) out.push('extend');
  if (plan.state === 'active' && may.work) out.push('remind');
  return out;
}

/** The instalments a reminder (sollecito) can be recorded for: not paid in full and not reminded yet. */
export function remindable(plan: PlanLike): number[] {
  return plan.instalments.filter((i) => i.state !== 'paid' && i.remindedOn === null).map((i) => i.number);
}

/** The plan's document (PDF) in the UI's language. */
export function planDocumentUrl(id: string, locale: Locale): string {
  return `/api/plans/${encodeURIComponent(id)}/document?lang=${locale}`;
}

export interface Position {
  id: string;
  externalRef: string;
  /** What tells creditors apart (the id, or the name where only the name is known). */
  creditorKey: string;
  creditorName: string;
  currency: string;
  totalDue: string;
}

/** The statuses a plan can take a position in (src/domain/claims/lifecycle.ts ACTIONABLE_STATUSES; the server checks). */
const PLANNABLE: readonly string[] = ['open', 'in_collection', 'partially_paid'];

/** A debtor's claims that a plan can take: plannable status and something owed. */
export function plannablePositions(
  claims: readonly { id: string; externalRef: string; creditorId: string; creditorName: string; currency: string; totalDue: string; status: string }[],
): Position[] {
  return claims
    .filter((c) => PLANNABLE.includes(c.status) && cents(c.totalDue) > 0n)
    .map((c) => ({ id: c.id, externalRef: c.externalRef, creditorKey: c.creditorId, creditorName: c.creditorName, currency: c.currency, totalDue: c.totalDue }));
}

export interface PositionGroup {
  key: string;
  creditorName: string;
  currency: string;
  positions: Position[];
  total: string;
}

/** A plan is for one creditor in one currency: the positions grouped so, in the order first seen. */
export function groupPositions(positions: readonly Position[]): PositionGroup[] {
  const groups = new Map<string, Position[]>();
  for (const p of positions) {
    const key = `${p.creditorKey}|${p.currency}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups].map(([key, ps]) => ({ key, creditorName: ps[0]!.creditorName, currency: ps[0]!.currency, positions: ps, total: moneySum(ps.map((p) => p.totalDue)) }));
}

export interface PaymentFilterValues {
  q?: string;
  creditorId?: string;
  debtorId?: string;
  from?: string;
  to?: string;
  method?: string;
  reversed?: string;
  source?: string;
}

/** The CSV export of the payments list with the same filters, headers in the UI's language. */
export function paymentsExportUrl(filters: PaymentFilterValues, locale: Locale): string {
  const sp = new URLSearchParams();
  for (const k of ['q', 'creditorId', 'debtorId', 'from', 'to', 'method', 'reversed', 'source'] as const) {
    const v = filters[k]?.trim();
    if (v) sp.set(k, v);
  }
  sp.set('lang', locale);
  return `/api/payments/export.csv?${sp.toString()}`;
}
