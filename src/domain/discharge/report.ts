import { money, sumMoney, toMoneyString, type Money } from '../money.ts';
import type { ClaimKind, ClaimStatus, ComponentKind } from '../model.ts';

/**
 * The discharge report (relazione di scarico, issue 16 item 6): at the end of a load or of a mandate,
 * every position's final state and reason as of a date, the actions taken, and its money split so that
 *
 *     loaded (carico) = collected (riscosso) + annulled / reduced (sgravi) + residual (residuo)
 *
 * holds to the cent per position, per revenue × tax year, and for the whole report. The term itself
 * is not found in public sources (municipal-notes.md §4.3); the report is modelled on the
 * *comunicazione di inesigibilità* of the ruoli (art. 19 D.Lgs. 112/1999: per partita the actions
 * taken and the outcome), the *relazione di esito finale per pratica negativa* "contenente le cause
 * dell'insuccesso" of the tenders, and the analytic reporting "per partita, annualità e tipologia di
 * tributo/entrata" the capitolati ask for. Inesigibilità needs a reason and evidence per position
 * (municipal-notes.md §4.3, model regulation), hence a reason code and the attempts made.
 *
 * Pure: the use case hands in what incasso stores; this decides and adds up.
 */

export const FINAL_STATES = ['paid_full', 'paid_part', 'in_plan', 'annulled', 'disputed', 'deceased', 'unreachable', 'uncollectable', 'returned'] as const;
export type FinalState = (typeof FINAL_STATES)[number];

export const REASON_CODES = [
  'paid',
  'part_paid',
  'plan_running',
  'annulled_by_creditor',
  'settlement',
  'waived_in_full',
  'dispute_pending',
  'debtor_deceased',
  'no_valid_contact',
  'ceased',
  'hardship',
  'refused',
  'no_payment',
  'not_worked',
  'returned_to_creditor',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** A component of the position as loaded, with what the ledger collected on it up to the as-of date and what was waived. */
export interface ComponentInput {
  kind: ComponentKind;
  amount: string;
  /** Σ allocations of unreversed payments value-dated on or before the as-of date. */
  collected: string;
  waived: string;
}

export interface PositionInput {
  claimId: string;
  reference: string;
  taxpayer: string;
  taxId: string | null;
  revenue: ClaimKind;
  taxYear: number | null;
  currency: string;
  /** The act's amount as loaded (claims.principal). */
  loaded: string;
  /** What the claim's stored balance says was paid on its components (claims.principal_paid); checked against the ledger when the report is as of today. */
  storedPaid: string;
  status: ClaimStatus;
  /** How a written-off position was closed: by a settlement (saldo e stralcio) or by the creditor / a person. */
  writtenOffBy: 'settlement' | 'creditor' | null;
  components: ComponentInput[];
  /** Interest and costs collected beyond the carico (not part of the identity). */
  otherCollected: string;
  debtor: { deceased: boolean; ceased: boolean; hardship: boolean; debtorId: string };
  activity: { attempts: number; rightParty: number; letters: number; plans: number };
  /** A plan running on the position at the as-of date. */
  planRunning: boolean;
  /** The debtor has no phone number left that may be called (all invalid, withdrawn or none). */
  noCallableContact: boolean;
  lastOutcomeEffect: string | null;
}

export interface PositionRow {
  claimId: string;
  debtorId: string;
  reference: string;
  taxpayer: string;
  taxId: string | null;
  revenue: ClaimKind;
  taxYear: number | null;
  currency: string;
  state: FinalState;
  reason: ReasonCode;
  loaded: string;
  collected: string;
  annulled: string;
  residual: string;
  otherCollected: string;
  attempts: number;
  rightParty: number;
  letters: number;
  plans: number;
  /** Per component kind: loaded / collected / annulled / residual. */
  components: { kind: ComponentKind; loaded: string; collected: string; annulled: string; residual: string }[];
}

export interface Totals {
  positions: number;
  loaded: string;
  collected: string;
  annulled: string;
  residual: string;
  otherCollected: string;
}

export interface GroupTotals extends Totals {
  revenue: ClaimKind;
  taxYear: number | null;
  currency: string;
}

/** Why a position breaks the identity (or the ledger disagrees with the stored balances). */
export const IDENTITY_PROBLEMS = ['loaded_not_components', 'negative_residual', 'ledger_not_balances', 'identity'] as const;
export type IdentityProblem = (typeof IDENTITY_PROBLEMS)[number];

export interface Break {
  reference: string;
  claimId: string;
  problem: IdentityProblem;
}

export interface DischargeReport {
  asOf: string;
  rows: PositionRow[];
  groups: GroupTotals[];
  /** Whole-report totals, per currency (amounts in different currencies are never added). */
  totals: (Totals & { currency: string })[];
  breaks: Break[];
  summary: Summary;
}

export interface Summary {
  byState: Record<FinalState, number>;
  byReason: Partial<Record<ReasonCode, number>>;
  /** Call attempts and right-party conversations, once per debtor. */
  attempts: number;
  rightParty: number;
  /** Letters and plans, per position (a letter on two positions counts twice). */
  letters: number;
  plans: number;
  /** Positions with at least one attempt / right-party contact: the KPIs' numerators (municipal-notes §8.5). */
  positionsAttempted: number;
  positionsReached: number;
  /** Social-protection cases, counted by debtor, never named. */
  debtorsHardship: number;
  debtorsDeceased: number;
}

const ZERO = money(0);

/**
 * The final state and its reason. Order matters: an annulment and a full payment are final whatever
 * else happened; a returned position is the creditor's again; a running plan carries the residual; a
 * pending dispute waits for the creditor; then the debtor's own situation; a part payment; otherwise
 * uncollectable with the best reason the records give.
 */
export function finalState(p: PositionInput, residual: Money, collected: Money, annulled: Money): { state: FinalState; reason: ReasonCode } {
  return decide(p, residual.isZero(), collected.gt(0), annulled.gt(0));
}

function decide(p: PositionInput, noResidual: boolean, someCollected: boolean, someAnnulled: boolean): { state: FinalState; reason: ReasonCode } {
  if (p.status === 'written_off') return { state: 'annulled', reason: p.writtenOffBy === 'settlement' ? 'settlement' : 'annulled_by_creditor' };
  if (noResidual && someCollected) return { state: 'paid_full', reason: 'paid' };
  if (noResidual && someAnnulled) return { state: 'annulled', reason: 'waived_in_full' };
  if (p.status === 'returned') {
    return { state: 'returned', reason: p.debtor.deceased ? 'debtor_deceased' : p.debtor.ceased ? 'ceased' : 'returned_to_creditor' };
  }
  if (p.planRunning || p.status === 'in_plan') return { state: 'in_plan', reason: 'plan_running' };
  if (p.status === 'disputed') return { state: 'disputed', reason: 'dispute_pending' };
  if (p.debtor.deceased) return { state: 'deceased', reason: 'debtor_deceased' };
  if (p.noCallableContact && p.activity.attempts > 0 && p.activity.rightParty === 0) return { state: 'unreachable', reason: 'no_valid_contact' };
  if (someCollected) return { state: 'paid_part', reason: 'part_paid' };
  if (p.debtor.ceased) return { state: 'uncollectable', reason: 'ceased' };
  if (p.debtor.hardship || p.lastOutcomeEffect === 'hardship') return { state: 'uncollectable', reason: 'hardship' };
  if (p.lastOutcomeEffect === 'refused') return { state: 'uncollectable', reason: 'refused' };
  if (p.activity.attempts + p.activity.letters > 0) return { state: 'uncollectable', reason: 'no_payment' };
  return { state: 'uncollectable', reason: 'not_worked' };
}

/**
 * One position's row. Per component: collected is what the ledger allocated to it; annulled is what
 * was waived (sgravio) and, for a position the creditor annulled or wrote off, everything not
 * collected; residual is the rest. The identity is then checked against the loaded amount as stored,
 * the components' sum, and (as of today) the stored balances.
 */
export function positionRow(p: PositionInput, checkStoredBalances: boolean): { row: PositionRow; breaks: Break[] } {
  return positionRowInCents(p, checkStoredBalances) ?? positionRowExact(p, checkStoredBalances);
}

/**
 * Amounts with at most two decimals (what numeric(15,2) columns and their sums give) as integer
 * cents: exact, and an order of magnitude cheaper than decimal objects for the per-row arithmetic of
 * a report of 200,000 positions. Null for any other text (more decimals, an exponent): then
 * decimal.js decides (`positionRowExact`, the definition; both give the same rows).
 */
const CENTS = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;
export function cents(text: string): bigint | null {
  const m = CENTS.exec(text);
  if (!m) return null;
  const c = BigInt(m[2]! + (m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -c : c;
}
/** Integer cents as an amount with two decimals, as `toMoneyString` writes it. */
export function centsText(c: bigint): string {
  const neg = c < 0n;
  const digits = (neg ? -c : c).toString().padStart(3, '0');
  return `${neg ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

function positionRowInCents(p: PositionInput, checkStoredBalances: boolean): { row: PositionRow; breaks: Break[] } | null {
  const loaded = cents(p.loaded);
  const storedPaid = cents(p.storedPaid);
  const other = cents(p.otherCollected);
  if (loaded === null || storedPaid === null || other === null) return null;
  const parsed: { kind: ComponentKind; loaded: bigint; collected: bigint; annulled: bigint; residual: bigint }[] = [];
  for (const c of p.components) {
    const amount = cents(c.amount);
    const collected = cents(c.collected);
    const waived = cents(c.waived);
    if (amount === null || collected === null || waived === null) return null;
    parsed.push({ kind: c.kind, loaded: amount, collected, annulled: waived, residual: 0n });
  }
  const found = new Set<IdentityProblem>();
  const annulAll = p.status === 'written_off';
  let compLoaded = 0n;
  let collected = 0n;
  let annulled = 0n;
  let residual = 0n;
  for (const c of parsed) {
    c.residual = c.loaded - c.collected - c.annulled;
    if (c.residual < 0n) found.add('negative_residual');
    if (annulAll && c.residual > 0n) {
      c.annulled += c.residual;
      c.residual = 0n;
    }
    compLoaded += c.loaded;
    collected += c.collected;
    annulled += c.annulled;
    residual += c.residual;
  }
  // The problems in the order the exact path finds them (its breaks keep the first of each).
  const problems: IdentityProblem[] = [];
  if (found.has('negative_residual')) problems.push('negative_residual');
  if (compLoaded !== loaded) problems.push('loaded_not_components');
  if (checkStoredBalances && storedPaid !== collected) problems.push('ledger_not_balances');
  if (collected + annulled + residual !== loaded) problems.push('identity');
  const { state, reason } = decide(p, residual === 0n, collected > 0n, annulled > 0n);
  const s = centsText;
  return {
    row: {
      claimId: p.claimId,
      debtorId: p.debtor.debtorId,
      reference: p.reference,
      taxpayer: p.taxpayer,
      taxId: p.taxId,
      revenue: p.revenue,
      taxYear: p.taxYear,
      currency: p.currency,
      state,
      reason,
      loaded: s(loaded),
      collected: s(collected),
      annulled: s(annulled),
      residual: s(residual),
      otherCollected: s(other),
      attempts: p.activity.attempts,
      rightParty: p.activity.rightParty,
      letters: p.activity.letters,
      plans: p.activity.plans,
      components: parsed.map((c) => ({ kind: c.kind, loaded: s(c.loaded), collected: s(c.collected), annulled: s(c.annulled), residual: s(c.residual) })),
    },
    breaks: problems.map((problem) => ({ reference: p.reference, claimId: p.claimId, problem })),
  };
}

/** `positionRow` in decimal.js: the definition, for amounts that are not plain cents. */
export function positionRowExact(p: PositionInput, checkStoredBalances: boolean): { row: PositionRow; breaks: Break[] } {
  const breaks: Break[] = [];
  const br = (problem: IdentityProblem) => breaks.push({ reference: p.reference, claimId: p.claimId, problem });
  const annulAll = p.status === 'written_off';
  const components = p.components.map((c) => {
    const amount = money(c.amount);
    const collected = money(c.collected);
    let annulled = money(c.waived);
    let residual = amount.minus(collected).minus(annulled);
    if (residual.lt(0)) br('negative_residual');
    if (annulAll && residual.gt(0)) {
      annulled = annulled.plus(residual);
      residual = ZERO;
    }
    return { kind: c.kind, loaded: amount, collected, annulled, residual };
  });
  const loaded = money(p.loaded);
  const compLoaded = sumMoney(components.map((c) => c.loaded));
  if (!compLoaded.eq(loaded)) br('loaded_not_components');
  const collected = sumMoney(components.map((c) => c.collected));
  if (checkStoredBalances && !money(p.storedPaid).eq(collected)) br('ledger_not_balances');
  const annulled = sumMoney(components.map((c) => c.annulled));
  const residual = sumMoney(components.map((c) => c.residual));
  if (!collected.plus(annulled).plus(residual).eq(loaded)) br('identity');
  const { state, reason } = finalState(p, residual, collected, annulled);
  const s = toMoneyString;
  return {
    row: {
      claimId: p.claimId,
      debtorId: p.debtor.debtorId,
      reference: p.reference,
      taxpayer: p.taxpayer,
      taxId: p.taxId,
      revenue: p.revenue,
      taxYear: p.taxYear,
      currency: p.currency,
      state,
      reason,
      loaded: s(loaded),
      collected: s(collected),
      annulled: s(annulled),
      residual: s(residual),
      otherCollected: s(money(p.otherCollected)),
      attempts: p.activity.attempts,
      rightParty: p.activity.rightParty,
      letters: p.activity.letters,
      plans: p.activity.plans,
      components: components.map((c) => ({ kind: c.kind, loaded: s(c.loaded), collected: s(c.collected), annulled: s(c.annulled), residual: s(c.residual) })),
    },
    breaks: [...new Map(breaks.map((b) => [b.problem, b])).values()],
  };
}

/**
 * Stable order: revenue, tax year (none last), reference, claim id; text by Unicode code point — the
 * order of PostgreSQL's "C" collation on UTF-8, so the database can sort a large report the same way.
 */
export function compareRows(a: Pick<PositionRow, 'revenue' | 'taxYear' | 'reference' | 'claimId'>, b: typeof a): number {
  return (
    cmpCodePoints(a.revenue, b.revenue) ||
    (a.taxYear ?? 99999) - (b.taxYear ?? 99999) ||
    cmpCodePoints(a.reference, b.reference) ||
    cmpCodePoints(a.claimId, b.claimId)
  );
}
const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
/** UTF-16 units mapped so that they compare as code points: surrogates (U+10000 and up) after U+E000–U+FFFF. */
const unit = (u: number) => (u >= 0xd800 && u <= 0xdfff ? u + 0x2000 : u >= 0xe000 ? u - 0x800 : u);
export function cmpCodePoints(x: string, y: string): number {
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const a = x.charCodeAt(i);
    const b = y.charCodeAt(i);
    if (a !== b) return unit(a) - unit(b);
  }
  return x.length - y.length;
}

/** Sums of the rows' amounts (two decimals each: `toMoneyString`/`centsText` wrote them) in integer cents, exact. */
interface Acc {
  positions: number;
  loaded: bigint;
  collected: bigint;
  annulled: bigint;
  residual: bigint;
  otherCollected: bigint;
}
const acc = (): Acc => ({ positions: 0, loaded: 0n, collected: 0n, annulled: 0n, residual: 0n, otherCollected: 0n });
function rowCents(text: string): bigint {
  const c = cents(text);
  if (c === null) throw new Error(`discharge report: a row amount with more than two decimals: ${text}`);
  return c;
}
function add(a: Acc, r: { loaded: bigint; collected: bigint; annulled: bigint; residual: bigint; otherCollected: bigint }) {
  a.positions++;
  a.loaded += r.loaded;
  a.collected += r.collected;
  a.annulled += r.annulled;
  a.residual += r.residual;
  a.otherCollected += r.otherCollected;
}
const out = (a: Acc): Totals => ({
  positions: a.positions,
  loaded: centsText(a.loaded),
  collected: centsText(a.collected),
  annulled: centsText(a.annulled),
  residual: centsText(a.residual),
  otherCollected: centsText(a.otherCollected),
});
const holds = (t: Totals) => money(t.loaded).eq(money(t.collected).plus(t.annulled).plus(t.residual));

/** The report without its rows: what is printed before them and what the identity certifies. */
export type DischargeHead = Omit<DischargeReport, 'rows'> & { positions: number };

/**
 * The report's totals, breaks and narrative, built one position at a time in any order (sums of
 * exact decimals do not depend on the order): a large report is read in chunks and its rows need not
 * be kept. Calls and social-protection cases are counted once per debtor, so the debtors seen are kept.
 */
export class DischargeTotaller {
  private readonly groups = new Map<string, { key: { revenue: ClaimKind; taxYear: number | null; currency: string }; acc: Acc }>();
  private readonly totals = new Map<string, Acc>();
  private readonly breaks: Break[] = [];
  private readonly calls = new Map<string, number>();
  private readonly hardship = new Set<string>();
  private readonly deceased = new Set<string>();
  private attempts = 0;
  private rightParty = 0;
  private positions = 0;
  private readonly summary: Summary = {
    byState: Object.fromEntries(FINAL_STATES.map((s) => [s, 0])) as Record<FinalState, number>,
    byReason: {},
    attempts: 0,
    rightParty: 0,
    letters: 0,
    plans: 0,
    positionsAttempted: 0,
    positionsReached: 0,
    debtorsHardship: 0,
    debtorsDeceased: 0,
  };

  constructor(readonly asOf: string, readonly checkStoredBalances: boolean) {}

  /** One position: its row (the caller prints or drops it), counted into the totals. */
  add(p: PositionInput): PositionRow {
    const { row: r, breaks } = positionRow(p, this.checkStoredBalances);
    this.breaks.push(...breaks);
    this.positions++;
    const k = `${r.revenue}|${r.taxYear ?? ''}|${r.currency}`;
    let g = this.groups.get(k);
    if (!g) this.groups.set(k, (g = { key: { revenue: r.revenue, taxYear: r.taxYear, currency: r.currency }, acc: acc() }));
    const amounts = { loaded: rowCents(r.loaded), collected: rowCents(r.collected), annulled: rowCents(r.annulled), residual: rowCents(r.residual), otherCollected: rowCents(r.otherCollected) };
    add(g.acc, amounts);
    let t = this.totals.get(r.currency);
    if (!t) this.totals.set(r.currency, (t = acc()));
    add(t, amounts);
    const s = this.summary;
    s.byState[r.state]++;
    s.byReason[r.reason] = (s.byReason[r.reason] ?? 0) + 1;
    s.letters += r.letters;
    s.plans += r.plans;
    if (r.attempts > 0) s.positionsAttempted++;
    if (r.rightParty > 0) s.positionsReached++;
    // Calls are the debtor's, not the position's: counted once per debtor.
    if (!this.calls.has(r.debtorId)) {
      this.calls.set(r.debtorId, 1);
      this.attempts += r.attempts;
      this.rightParty += r.rightParty;
    }
    if (p.debtor.hardship || p.lastOutcomeEffect === 'hardship') this.hardship.add(p.debtor.debtorId);
    if (p.debtor.deceased) this.deceased.add(p.debtor.debtorId);
    return r;
  }

  /** Totals per revenue × tax year × currency and per currency, the identity checked at every level, the narrative's figures. */
  finish(): DischargeHead {
    const summary: Summary = { ...this.summary, byState: { ...this.summary.byState }, byReason: { ...this.summary.byReason } };
    summary.attempts = this.attempts;
    summary.rightParty = this.rightParty;
    summary.debtorsHardship = this.hardship.size;
    summary.debtorsDeceased = this.deceased.size;
    const groupList = [...this.groups.values()]
      .sort((a, b) => cmp(a.key.currency, b.key.currency) || cmp(a.key.revenue, b.key.revenue) || (a.key.taxYear ?? 99999) - (b.key.taxYear ?? 99999))
      .map((g) => ({ ...g.key, ...out(g.acc) }));
    const totalList = [...this.totals.entries()].sort(([a], [b]) => cmp(a, b)).map(([currency, a]) => ({ currency, ...out(a) }));
    const breaks = [...this.breaks];
    // Each level is a sum of rows that hold, so they hold too; checked anyway — this is what the report certifies.
    if (breaks.length === 0 && (!groupList.every(holds) || !totalList.every(holds))) throw new Error('discharge report: totals break the identity although every row holds');
    breaks.sort((a, b) => cmp(a.reference, b.reference) || cmp(a.problem, b.problem));
    return { asOf: this.asOf, positions: this.positions, groups: groupList, totals: totalList, breaks, summary };
  }
}

/**
 * The report: rows in a stable order, totals per revenue × tax year × currency and per currency, the
 * identity checked at every level, and the narrative's figures.
 *
 * @param checkStoredBalances the as-of date is today or later: the ledger's allocations must equal the
 *   components' stored `paid` (an earlier date reads the ledger only, since balances are today's).
 */
export function buildDischargeReport(asOf: string, positions: readonly PositionInput[], checkStoredBalances: boolean): DischargeReport {
  const totaller = new DischargeTotaller(asOf, checkStoredBalances);
  const rows = positions.map((p) => totaller.add(p));
  rows.sort(compareRows);
  const { positions: _count, ...head } = totaller.finish();
  return { ...head, rows };
}

/** Collection rate of the report (municipal-notes §8.5): collected ÷ (loaded − annulled), in percent with two decimals; null when nothing is net loaded. */
export function collectionRate(t: Totals): string | null {
  const base = money(t.loaded).minus(t.annulled);
  if (base.lte(0)) return null;
  return money(t.collected).div(base).times(100).toDecimalPlaces(2).toFixed(2);
}

/**
 * A capital allocation stored without its component row (a claim whose one component accrues interest
 * and is not a `principal`: the ledger writes it as `principal` with no component id, ledger.ts) goes
 * onto the accruing components by position, each taking at most what it still owes after what the
 * ledger already gave it and what was waived — as `splitOntoComponents` (domain/claims/components.ts)
 * spreads the engine's capital. Whatever is left goes to the last accruing component (then the
 * identity check shows it as a negative residual instead of losing it). Returns the new collected
 * amounts, in the order given.
 */
export function assignCapital(components: readonly { amount: string; waived: string; collected: string; accrues: boolean }[], capital: string): string[] {
  const out = components.map((c) => money(c.collected));
  let left = money(capital);
  const accruing = components.map((c, i) => ({ c, i })).filter((x) => x.c.accrues);
  for (const { c, i } of accruing) {
    if (left.lte(0)) break;
    const owed = money(c.amount).minus(c.waived).minus(out[i]!);
    if (owed.lte(0)) continue;
    const share = owed.lt(left) ? owed : left;
    out[i] = out[i]!.plus(share);
    left = left.minus(share);
  }
  const last = accruing[accruing.length - 1];
  if (left.gt(0) && last) out[last.i] = out[last.i]!.plus(left);
  return out.map((m) => toMoneyString(m));
}
