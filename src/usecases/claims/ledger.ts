import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { AllocationComponent } from '../../db/schema.ts';
import {
  claimBalance,
  claimCase,
  claimTotalsOf,
  derivesCharges,
  partKey,
  splitPayments,
  type ClaimComponentTerms,
  type ClaimBalance,
  type ClaimCost,
  type ClaimPayment,
  type ClaimTerms,
  type StatementTotals,
} from '../../domain/interest/claim-ledger.ts';
import { CHARGES_KEY, InterestInputError } from '../../domain/interest/compute.ts';
import type { DayCount } from '../../domain/interest/day-count.ts';
import { trimRate } from '../../domain/interest/rate-table.ts';
import { fastTotals } from '../../domain/interest/fast.ts';
import type { RateBook, Regime } from '../../domain/interest/regimes.ts';
import { fieldError, invalid } from '../../domain/errors.ts';
import { encodeMessage } from '../../domain/messages/index.ts';
import { money, sumMoney, toMoneyString } from '../../domain/money.ts';
import type { AllocationOrder, ClaimKind, ClaimStatus, Currency, DebtorKind, Jurisdiction } from '../../domain/model.ts';
import type { Actor } from '../../domain/policies.ts';
import { currentRateBook } from '../interest/rate-book.ts';
import { recordAudits, type AuditEntry } from '../shared/audit.ts';
import { bulkInsert, jsonRows, type BulkColumn } from '../../db/bulk-insert.ts';
import type { DB } from '../../db/schema.ts';
import { statusAfterSettlement } from '../../domain/claims/lifecycle.ts';
import { paidPerComponent, splitOntoComponents } from '../../domain/claims/components.ts';
import { DEFAULT_ALLOCATION_ORDER, validateRevenueRules } from '../../domain/municipal/revenue-rules.ts';
import { C803_CHARGES, chargesTermsOf } from '../../domain/municipal/charges.ts';
import type { MoneyPart } from '../../domain/municipal/parts.ts';
import type { ComponentKind } from '../../domain/model.ts';
import { interestPausesOf, type PlanPauseFacts } from '../../domain/plans/pauses.ts';
import { claimInterestPauses } from '../../domain/interest/claim-pauses.ts';
import { refreshBalances } from './balances.ts';

/** A claim with everything the engine derives its balance from. */
export interface ClaimLedger {
  id: string;
  debtorId: string;
  creditorId: string;
  externalRef: string;
  status: ClaimStatus;
  closedOn: string | null;
  principalPaid: string;
  /** The principal component principal allocations point at. */
  principalComponentId: string | null;
  interestPaid: string;
  costsPaid: string;
  terms: ClaimTerms;
  /** Per payment, what it gave the claim (the sum of its allocation rows), in booking order. */
  payments: ClaimPayment[];
  costs: ClaimCost[];
  /** The stored split, per payment: the engine's slot or part key (`partKey`) → amount. */
  stored: Map<string, Record<string, string>>;
  /** The claim's components by position, with what is paid on them (claim_components.paid). */
  components: LedgerComponent[];
  /** The stored split onto components, per payment: component id → amount. */
  storedShares: Map<string, Map<string, string>>;
}

export interface LedgerComponent extends ClaimComponentTerms {
  paid: string;
}

/** The claim's windows without interest: plans with interest on the deferral, no due date before the formal notice, a waiver. */
function pausesOf(c: { due_date: string; deferral_plans: PlanPauseFacts[] | null; interest_after_notice: boolean; interest_waived: boolean; notice_received_on: string | null }) {
  const pauses = [
    ...(c.deferral_plans ? interestPausesOf(c.deferral_plans) : []),
    ...claimInterestPauses({ dueDate: c.due_date, interestAfterNotice: c.interest_after_notice, noticeReceivedOn: c.notice_received_on, interestWaived: c.interest_waived }),
  ];
  return pauses.length ? { interestPauses: pauses } : {};
}

/** Loads the ledgers of the given claims of the actor's tenant (callers lock the claims first when they write). */
export async function loadLedgers(
  db: Db,
  scope: { tenantId: string },
  claimIds: readonly string[],
  opts: { history?: boolean } = {},
): Promise<Map<string, ClaimLedger>> {
  const out = new Map<string, ClaimLedger>();
  if (claimIds.length === 0) return out;
  // The plans with interest on the deferral these claims are in (their pauses of ordinary interest,
  // domain/plans/pauses.ts): one probe of the partial GIN index of migration 0040 for the whole chunk,
  // materialized, so each claim looks only at those few rows (none for claims never in such a plan).
  const claims = await db
    .with(
      (wb) => wb('dp').materialized(),
      (qb) =>
        qb
          .selectFrom('plans as p')
          .select(['p.claim_ids', 'p.state', 'p.started_on', 'p.lapsed_on', 'p.closed_on', 'p.interest', 'p.approved_at', 'p.needs_approval'])
          .where('p.tenant_id', '=', scope.tenantId)
          .where('p.deferral_rate', 'is not', null)
          .where('p.state', 'in', ['active', 'lapsed', 'paid', 'cancelled'])
          .where(sql<boolean>`p.claim_ids && ${sql.val([...claimIds])}::uuid[]`),
    )
    .selectFrom('claims as c')
    .innerJoin('debtors as d', (j) => j.onRef('d.id', '=', 'c.debtor_id').onRef('d.tenant_id', '=', 'c.tenant_id'))
    .innerJoin('creditors as k', (j) => j.onRef('k.id', '=', 'c.creditor_id').onRef('k.tenant_id', '=', 'c.tenant_id'))
    .select([
      'c.id',
      'c.debtor_id',
      'c.creditor_id',
      'c.external_ref',
      'c.status',
      'c.closed_on',
      'c.principal',
      'c.currency',
      'c.due_date',
      'c.jurisdiction',
      'c.kind',
      'd.kind as debtor_kind',
      'c.interest_regime',
      'c.contract_date',
      'c.judicial_claim_date',
      'c.interest_rate',
      'c.interest_base',
      'c.interest_spread',
      'c.day_count',
      'c.principal_paid',
      'c.interest_paid',
      'c.costs_paid',
      'k.flat_compensation',
      'k.allocation_order',
      'k.revenue_rules',
      'c.act_kind',
      'c.act_enforceable_on',
      'c.interest_after_notice',
      sql<boolean>`c.interest_waiver is not null`.as('interest_waived'),
      // A claim with no agreed due date: the first day a written communication about it reached the debtor.
      sql<string | null>`case when c.interest_after_notice then (select min(m.received_on)::text from communication_claims cc
          join communications m on m.tenant_id = cc.tenant_id and m.id = cc.communication_id
         where cc.tenant_id = c.tenant_id and cc.claim_id = c.id and m.received_on is not null) end`.as('notice_received_on'),
      // Read here only for terms alone: with the history, it is the first principal of the components read below.
      opts.history === false
        ? sql<string | null>`(select x.id from claim_components x where x.claim_id = c.id and x.kind = 'principal' order by x.position limit 1)`.as('principal_component_id')
        : sql<string | null>`null::uuid`.as('principal_component_id'),
      sql<PlanPauseFacts[] | null>`(select jsonb_agg(jsonb_build_object('state', dp.state, 'startedOn', dp.started_on, 'lapsedOn', dp.lapsed_on,
          'closedOn', dp.closed_on, 'interest', dp.interest::text, 'ran', dp.approved_at is not null or not dp.needs_approval))
        from dp where c.id = any(dp.claim_ids))`.as('deferral_plans'),
    ])
    .where('c.tenant_id', '=', scope.tenantId)
    .where('c.id', 'in', claimIds)
    .execute();
  const orders = new Map<string, readonly MoneyPart[]>();
  for (const c of claims) {
    let chargeRules = C803_CHARGES;
    if (c.revenue_rules) {
      const rules = validateRevenueRules(c.revenue_rules);
      if (rules.ok) {
        orders.set(c.id, rules.rules.allocationOrder);
        chargeRules = rules.rules.collectionCharges;
      }
    }
    out.set(c.id, {
      id: c.id,
      debtorId: c.debtor_id,
      creditorId: c.creditor_id,
      externalRef: c.external_ref,
      status: c.status as ClaimStatus,
      closedOn: c.closed_on,
      principalPaid: c.principal_paid,
      principalComponentId: c.principal_component_id,
      interestPaid: c.interest_paid,
      costsPaid: c.costs_paid,
      terms: {
        principal: c.principal,
        currency: c.currency as Currency,
        dueDate: c.due_date,
        jurisdiction: c.jurisdiction as Jurisdiction,
        kind: c.kind as ClaimKind,
        debtorKind: c.debtor_kind as DebtorKind,
        interestRegime: c.interest_regime as Regime | null,
        contractDate: c.contract_date,
        judicialClaimDate: c.judicial_claim_date,
        interestRate: trimStored(c.interest_rate),
        interestBase: c.interest_base as Regime | null,
        interestSpread: trimStored(c.interest_spread),
        dayCount: c.day_count as DayCount,
        flatCompensation: c.flat_compensation,
        allocationOrder: c.allocation_order as AllocationOrder,
        // An enforceable accertamento esecutivo or ingiunzione bears the c.803 charges (municipal/charges.ts).
        charges: chargesTermsOf({ kind: c.act_kind, enforceableOn: c.act_enforceable_on }, chargeRules),
        ...pausesOf(c),
      },
      payments: [],
      costs: [],
      stored: new Map(),
      components: [],
      storedShares: new Map(),
    });
  }
  // Terms only (the balances job rolls stored figures forward with nothing else: the interest base is
  // the stored balance's principal_due − parts_due, not the components).
  if (opts.history === false) return out;
  const components = await db
    .selectFrom('claim_components')
    .select(['id', 'claim_id', 'kind', 'position', 'amount', 'accrues_interest', 'paid', 'waived', 'tribute_code'])
    .where('tenant_id', '=', scope.tenantId)
    .where('claim_id', 'in', claimIds)
    .orderBy('claim_id')
    .orderBy('position')
    .execute();
  for (const k of components) {
    out.get(k.claim_id)?.components.push({
      id: k.id,
      kind: k.kind as ComponentKind,
      position: k.position,
      amount: k.amount,
      accrues: k.accrues_interest,
      waived: k.waived,
      tributeCode: k.tribute_code,
      paid: k.paid,
    });
  }
  for (const l of out.values()) {
    if (l.components.length === 0) continue;
    // The claim's principal: its first component of that kind (by position, as read).
    l.principalComponentId = l.components.find((k) => k.kind === 'principal')?.id ?? null;
    // A claim of one accruing component of another kind (a TARI act of its tax alone) is, to the engine,
    // one principal: its payments' capital goes on that component as a company's goes on its principal.
    if (l.principalComponentId === null && l.components.length === 1 && l.components[0]!.accrues) l.principalComponentId = l.components[0]!.id;
    l.terms.components = l.components;
    // A comune's act (components besides a principal) settles in its regulation's order (the
    // creditor's revenue rules; the regulation default of revenue-rules.ts when it has none); a
    // company's claim keeps its creditor's order.
    if (l.components.some((k) => k.kind !== 'principal')) l.terms.moneyOrder = orders.get(l.id) ?? DEFAULT_ALLOCATION_ORDER;
  }
  const rows = await db
    .selectFrom('payment_allocations as a')
    .innerJoin('payments as p', (j) => j.onRef('p.id', '=', 'a.payment_id').onRef('p.tenant_id', '=', 'a.tenant_id'))
    .select(['a.claim_id', 'a.payment_id', 'p.value_date', 'a.component', 'a.component_id', 'a.amount'])
    .where('a.tenant_id', '=', scope.tenantId)
    .where('a.claim_id', 'in', claimIds)
    .where('p.reversed_at', 'is', null)
    .orderBy('p.value_date')
    .orderBy('p.created_at')
    .orderBy('p.id')
    .execute();
  for (const r of rows) {
    const ledger = out.get(r.claim_id);
    if (!ledger) continue;
    let split = ledger.stored.get(r.payment_id);
    if (!split) {
      split = {};
      ledger.stored.set(r.payment_id, split);
      ledger.payments.push({ paymentId: r.payment_id, date: r.value_date, amount: '0.00' });
    }
    // A component that bears no interest is the engine's part of its kind; an accruing one its capital.
    const component = r.component_id ? ledger.components.find((k) => k.id === r.component_id) : undefined;
    const key = component && !component.accrues ? partKey(component.kind) : r.component;
    split[key] = toMoneyString(money(split[key] ?? '0').plus(r.amount));
    if (r.component_id) {
      let shares = ledger.storedShares.get(r.payment_id);
      if (!shares) ledger.storedShares.set(r.payment_id, (shares = new Map()));
      shares.set(r.component_id, toMoneyString(money(shares.get(r.component_id) ?? '0').plus(r.amount)));
    }
    const entry = ledger.payments.find((p) => p.paymentId === r.payment_id)!;
    entry.amount = toMoneyString(money(entry.amount).plus(r.amount));
  }
  const costs = await db
    .selectFrom('claim_costs')
    .select(['claim_id', 'incurred_on', 'amount', 'label'])
    .where('tenant_id', '=', scope.tenantId)
    .where('claim_id', 'in', claimIds)
    .where('waived_on', 'is', null)
    .orderBy('incurred_on')
    .orderBy('created_at')
    .execute();
  for (const k of costs) out.get(k.claim_id)?.costs.push({ date: k.incurred_on, amount: k.amount, label: k.label });
  return out;
}

/** numeric(7,4) comes back as "8.5000": the engine shows the rate as written. */
const trimStored = (v: string | null) => (v === null ? null : trimRate(v));

export const balanceOf = (book: RateBook, l: ClaimLedger, asOf: string, fast = false): ClaimBalance =>
  claimBalance(book, l.terms, l.payments, l.costs, asOf, fast);

/**
 * What the claim owes on a payment's value date, for allocating that payment. Refuses, with the field
 * named, a date the rate tables do not reach yet or terms the engine cannot use.
 */
export function dueOn(book: RateBook, l: ClaimLedger, date: string, path: string): string {
  try {
    // The fast path: the exact path's totals to the cent (or its error), without periods or payment rows.
    return fastTotals(book, claimCase(l.terms, l.payments, l.costs, date)).totalDue;
  } catch (err) {
    if (err instanceof InterestInputError) {
      throw invalid([fieldError(path, 'interest.claim_problem', { ref: l.externalRef, problem: encodeMessage(err.msg) })], err.msg);
    }
    throw err;
  }
}

const COMPONENTS = ['costs', 'interest', 'principal'] as const;

/** The engine's split of a payment by slot and part key. */
const slotsOf = (s: { costs: string; interest: string; principal: string; parts?: Record<string, string> }): Record<string, string> => ({
  costs: s.costs,
  interest: s.interest,
  principal: s.principal,
  ...s.parts,
});

/** What settling a claim writes: computed by {@link planSettlement}, written by {@link applySettlements}. */
export interface SettlementPlan {
  ledger: ClaimLedger;
  /** How much of each payment the claim could not take. */
  excess: Map<string, string>;
  /** Payments whose allocation rows on this claim are replaced (deleted, then `rows` inserted). */
  replaced: string[];
  rows: { tenant_id: string; payment_id: string; claim_id: string; component: AllocationComponent; component_id: string | null; amount: string }[];
  audits: AuditEntry[];
  /** The claim's sums and status after (written when `changed`). */
  after: { principalPaid: string; interestPaid: string; costsPaid: string; status: ClaimStatus; closedOn: string | null };
  changed: boolean;
  /** Components whose paid amount changes. */
  componentPaid: { id: string; paid: string }[];
  /** Per payment, the stored split after (as {@link loadLedgers} reads it back). */
  splits: Map<string, Record<string, string>>;
  /** The engine's statement up to the last payment, and the payments (in date order) it was computed with. */
  statement: StatementTotals;
  statementPayments: readonly ClaimPayment[];
}

/**
 * Replays a claim's payments through the engine and brings the stored split, the claim's sums and its
 * status in line, with an audit event for every split that changed (a payment booked with an earlier
 * value date re-splits the later ones). Returns how much of each payment the claim could not take.
 */
export async function settleClaim(trx: Db, actor: Actor, book: RateBook, l: ClaimLedger): Promise<Map<string, string>> {
  const plan = planSettlement(actor, book, l);
  await applySettlements(trx, actor, [plan]);
  return plan.excess;
}

/** What {@link settleClaim} writes for a claim, computed without writing (a batch of claims is written at once). */
export function planSettlement(actor: Actor, book: RateBook, l: ClaimLedger): SettlementPlan {
  let result;
  try {
    result = splitPayments(book, l.terms, l.payments, l.costs);
  } catch (err) {
    if (err instanceof InterestInputError) {
      throw invalid([fieldError(err.field, 'interest.claim_problem', { ref: l.externalRef, problem: encodeMessage(err.msg) })], err.msg);
    }
    throw err;
  }
  const excess = new Map<string, string>();
  const replaced: string[] = [];
  const allRows: SettlementPlan['rows'] = [];
  const audits: AuditEntry[] = [];
  const splits = new Map<string, Record<string, string>>();
  // Each payment's capital and parts onto the component rows. A claim that is one accruing principal
  // (every company claim) keeps the split it always had: principal rows on its principal component.
  const perComponent = l.components.length > 1 || l.components.some((k) => !k.accrues);
  const shares = perComponent ? splitOntoComponents(l.components, result.splits) : null;
  for (const [i, s] of result.splits.entries()) {
    excess.set(s.paymentId, s.excess);
    const stored = l.stored.get(s.paymentId) ?? {};
    const slots = slotsOf(s);
    const storedShares = l.storedShares.get(s.paymentId) ?? new Map<string, string>();
    const same =
      Object.entries(slots).every(([c, v]) => money(stored[c] ?? '0').eq(v)) &&
      Object.keys(stored).every((k) => k in slots) &&
      (shares === null ||
        (shares[i]!.every((x) => money(storedShares.get(x.componentId) ?? '0').eq(x.amount)) &&
          [...storedShares.keys()].every((id) => shares[i]!.some((x) => x.componentId === id))));
    if (same) {
      if (l.stored.has(s.paymentId)) splits.set(s.paymentId, stored);
      continue;
    }
    replaced.push(s.paymentId);
    const rows = COMPONENTS.filter((c) => money(s[c]).gt(0) && (c !== 'principal' || shares === null)).map((c) => ({
      tenant_id: actor.tenantId,
      payment_id: s.paymentId,
      claim_id: l.id,
      component: c as AllocationComponent,
      component_id: c === 'principal' ? l.principalComponentId : null,
      amount: s[c],
    }));
    // The c.803 charges the engine derived are no component row: their allocation names them alone.
    const charges = derivesCharges(l.terms) ? s.parts?.[CHARGES_KEY] : undefined;
    if (charges && money(charges).gt(0)) {
      rows.push({ tenant_id: actor.tenantId, payment_id: s.paymentId, claim_id: l.id, component: 'collection_charges', component_id: null, amount: charges });
    }
    for (const x of shares?.[i] ?? []) {
      rows.push({ tenant_id: actor.tenantId, payment_id: s.paymentId, claim_id: l.id, component: x.component as AllocationComponent, component_id: x.componentId, amount: x.amount });
    }
    allRows.push(...rows);
    // The split as loadLedgers reads it back: a component that bears no interest is its part, an accruing one its capital.
    const split: Record<string, string> = {};
    for (const r of rows) {
      const component = r.component_id ? l.components.find((k) => k.id === r.component_id) : undefined;
      const key = component && !component.accrues ? partKey(component.kind) : r.component;
      split[key] = toMoneyString(money(split[key] ?? '0').plus(r.amount));
    }
    if (rows.length) splits.set(s.paymentId, split);
    if (l.stored.has(s.paymentId)) {
      audits.push({
        action: 'claim.allocation_recomputed',
        entityType: 'claim',
        entityId: l.id,
        debtorId: l.debtorId,
        creditorId: l.creditorId,
        before: { paymentId: s.paymentId, ...stored },
        after: { paymentId: s.paymentId, costs: s.costs, interest: s.interest, principal: s.principal, ...s.parts, excess: s.excess },
      });
    }
  }
  const st = result.statement;
  // principal_paid covers every component (claims.principal is the act's amount).
  const totals = claimTotalsOf(st);
  const principalPaid = totals.principalPaid;
  const paidOff = l.payments.length > 0 && money(st.totalDue).eq(0);
  const lastPayment = l.payments.reduce<string | null>((m, p) => (m === null || p.date > m ? p.date : m), null);
  const status = statusAfterSettlement(l.status, { anyPayment: l.payments.length > 0, paidOff });
  const after = {
    principalPaid,
    interestPaid: st.interestPaid,
    // With the c.803 charges paid (claimTotalsOf).
    costsPaid: totals.costsPaid,
    status,
    closedOn: paidOff ? lastPayment : status === l.status ? l.closedOn : null,
  };
  const changed =
    !money(after.principalPaid).eq(l.principalPaid) ||
    !money(after.interestPaid).eq(l.interestPaid) ||
    !money(after.costsPaid).eq(l.costsPaid) ||
    after.status !== l.status ||
    after.closedOn !== l.closedOn;
  const componentPaid: { id: string; paid: string }[] = [];
  if (shares) {
    for (const [id, paid] of paidPerComponent(l.components, shares)) {
      const k = l.components.find((c) => c.id === id)!;
      if (!money(paid).eq(k.paid)) componentPaid.push({ id, paid });
    }
  } else if (l.principalComponentId && !money(after.principalPaid).eq(l.principalPaid)) {
    componentPaid.push({ id: l.principalComponentId, paid: after.principalPaid });
  }
  const statementPayments = l.payments
    .map((p, i) => ({ p: { ...p }, i }))
    .sort((a, b) => (a.p.date < b.p.date ? -1 : a.p.date > b.p.date ? 1 : a.i - b.i))
    .map(({ p }) => p);
  return { ledger: l, excess, replaced, rows: allRows, audits, after, changed, componentPaid, splits, statement: st, statementPayments };
}

/**
 * The claim's ledger as {@link loadLedgers} would read it back once `plan` is written: each replaced
 * payment gives the claim what its new allocation rows add up to (a payment the claim gives nothing
 * is no longer in it), the components' paid amounts are the plan's, and payments are in value-date
 * order (the ones written now last among their date, as their later `created_at` sorts them). Lets a
 * batch store balances from the ledgers it holds instead of loading them again.
 */
export function ledgerAfterSettlement(plan: SettlementPlan): ClaimLedger {
  const l = plan.ledger;
  const given = new Map<string, ReturnType<typeof money>>();
  for (const r of plan.rows) given.set(r.payment_id, (given.get(r.payment_id) ?? money(0)).plus(r.amount));
  const replaced = new Set(plan.replaced);
  const payments = l.payments
    .map((p) => (replaced.has(p.paymentId) ? { ...p, amount: toMoneyString(given.get(p.paymentId) ?? money(0)) } : p))
    .filter((p) => !replaced.has(p.paymentId) || given.has(p.paymentId))
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.date < b.p.date ? -1 : a.p.date > b.p.date ? 1 : a.i - b.i))
    .map(({ p }) => p);
  const paid = new Map(plan.componentPaid.map((c) => [c.id, c.paid]));
  const components = l.components.map((k) => (paid.has(k.id) ? { ...k, paid: paid.get(k.id)! } : k));
  return {
    ...l,
    status: plan.after.status,
    closedOn: plan.after.closedOn,
    principalPaid: plan.after.principalPaid,
    interestPaid: plan.after.interestPaid,
    costsPaid: plan.after.costsPaid,
    payments,
    components,
    terms: l.terms.components ? { ...l.terms, components } : l.terms,
  };
}

/** Writes the settlements of several claims (of one tenant) in a few statements, whatever their number. */
export async function applySettlements(trx: Db, actor: Actor, plans: readonly SettlementPlan[]): Promise<void> {
  // Only rows that exist: a payment booked now has none yet (a bank file's 80,000 deletes of nothing).
  const replaced = plans.flatMap((p) => p.replaced.filter((paymentId) => p.ledger.stored.has(paymentId) || p.ledger.storedShares.has(paymentId)).map((paymentId) => ({ paymentId, claimId: p.ledger.id })));
  if (replaced.length) {
    await sql`
      delete from payment_allocations a
       using unnest(${replaced.map((r) => r.paymentId)}::uuid[], ${replaced.map((r) => r.claimId)}::uuid[]) v(payment_id, claim_id)
       where a.tenant_id = ${actor.tenantId} and a.payment_id = v.payment_id and a.claim_id = v.claim_id`.execute(trx);
  }
  const rows = plans.flatMap((p) => p.rows);
  if (rows.length) await bulkInsert(trx, 'payment_allocations', ALLOCATION_COLUMNS, rows);
  const audits = plans.flatMap((p) => p.audits);
  if (audits.length) await recordAudits(trx, actor, audits);
  const changed = plans.filter((p) => p.changed);
  if (changed.length) {
    const v = jsonRows(changed, [
      ['uuid', (p) => p.ledger.id],
      ['numeric', (p) => p.after.principalPaid],
      ['numeric', (p) => p.after.interestPaid],
      ['numeric', (p) => p.after.costsPaid],
      ['text', (p) => p.after.status],
      ['date', (p) => p.after.closedOn],
    ]);
    await sql`
      update claims c
         set principal_paid = ${v.at(1)}, interest_paid = ${v.at(2)}, costs_paid = ${v.at(3)}, status = ${v.at(4)},
             closed_on = ${v.at(5)}, version = c.version + 1, updated_at = now()
        from ${v.from}
       where c.id = ${v.at(0)} and c.tenant_id = ${actor.tenantId}`.execute(trx);
  }
  const components = plans.flatMap((p) => p.componentPaid);
  if (components.length) {
    const v = jsonRows(components, [
      ['uuid', (c) => c.id],
      ['numeric', (c) => c.paid],
    ]);
    await sql`
      update claim_components k set paid = ${v.at(1)}
        from ${v.from}
       where k.id = ${v.at(0)} and k.tenant_id = ${actor.tenantId}`.execute(trx);
  }
}

const ALLOCATION_COLUMNS: BulkColumn<DB['payment_allocations']>[] = [
  { name: 'tenant_id', type: 'uuid' },
  { name: 'payment_id', type: 'uuid' },
  { name: 'claim_id', type: 'uuid' },
  { name: 'component', type: 'text' },
  { name: 'component_id', type: 'uuid' },
  { name: 'amount', type: 'numeric' },
];

/** Sets each payment's unallocated amount to what its allocation rows leave over. */
export async function refreshUnallocated(trx: Db, actor: Actor, paymentIds: Iterable<string>): Promise<void> {
  for (const id of new Set(paymentIds)) {
    const p = await trx
      .selectFrom('payments')
      .select(['amount', 'unallocated'])
      .where('tenant_id', '=', actor.tenantId)
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const rows = await trx
      .selectFrom('payment_allocations')
      .select('amount')
      .where('tenant_id', '=', actor.tenantId)
      .where('payment_id', '=', id)
      .execute();
    const left = toMoneyString(money(p.amount).minus(sumMoney(rows.map((r) => r.amount))));
    if (!money(left).eq(p.unallocated)) {
      await trx.updateTable('payments').set({ unallocated: left }).where('tenant_id', '=', actor.tenantId).where('id', '=', id).execute();
    }
  }
}

/**
 * Re-splits a claim's payments after its terms or costs changed and stores what it owes now (the
 * caller holds the claim's lock).
 */
export async function resettleClaim(trx: Db, actor: Actor, claimId: string): Promise<void> {
  const ledger = (await loadLedgers(trx, actor, [claimId])).get(claimId);
  if (!ledger) return;
  if (ledger.payments.length > 0) {
    const excess = await settleClaim(trx, actor, await currentRateBook(trx), ledger);
    await refreshUnallocated(trx, actor, excess.keys());
  }
  await refreshBalances(trx, actor.tenantId, [claimId]);
}
