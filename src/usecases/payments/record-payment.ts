import { sql } from 'kysely';
import { jsonRows } from '../../db/bulk-insert.ts';
import { currentRateBook } from '../interest/rate-book.ts';
import { applySettlements, dueOn, loadLedgers, planSettlement, refreshUnallocated, settleClaim, type SettlementPlan } from '../claims/ledger.ts';
import { uuid7 } from '../../db/uuid7.ts';
import { refreshBalances, storeSettledBalances } from '../claims/balances.ts';
import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { allocateByLaw, type Allocation } from '../../domain/allocation.ts';
import { oldestPlausibleValueDate, today } from '../../domain/dates.ts';
import { AppError, conflict, invalid, fieldError, type FieldError } from '../../domain/errors.ts';
import { money, sumMoney } from '../../domain/money.ts';
import { OPEN_STATUSES } from '../../domain/model.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit, recordAudits, type AuditEntry } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { debtorVisible, loadCreditor, loadDebtor } from '../shared/scope.ts';
import { followPlans } from '../plans/evaluate-plans.ts';
import { fetchPaymentDetail, iso } from './payment-query.ts';
import { RecordPaymentInput, type PaymentDetail } from './schema.ts';
import { amountParam, dateParam, msg } from '../../domain/messages/index.ts';
import { markDebtorProfilesStale, refreshDebtorProfiles } from '../risk/refresh-debtor-profiles.ts';

/**
 * Records money received from a debtor and applies it to that debtor's open claims of the same
 * creditor and currency: the oldest first (art. 1193 c.c.) unless the payer named the claims, and
 * within a claim to costs, interest and principal in the creditor's order (by default art. 1194 c.c.,
 * art. 85 CO), with interest computed by the engine up to the value date. A claim that owes nothing
 * more becomes paid; a partly covered one partially paid; money beyond what is owed stays on the
 * payment, unallocated, never lost. Payment, allocations, claim changes and audit events commit together.
 */
export async function recordPayment(
  db: Db,
  actor: Actor,
  input: z.input<typeof RecordPaymentInput>,
  now: { today?: string } = {},
): Promise<PaymentDetail> {
  return db.transaction().execute((trx) => bookPayment(trx, actor, input, now));
}

/** `recordPayment` on a transaction the caller holds (a bank statement books many in one). */
export async function bookPayment(
  trx: Trx,
  actor: Actor,
  input: z.input<typeof RecordPaymentInput>,
  now: { today?: string } = {},
): Promise<PaymentDetail> {
  authorize(actor, 'create', 'payment');
  const data = parseInput(RecordPaymentInput, input);
  const todayIso = now.today ?? today().toString();
  if (data.valueDate > todayIso) {
    throw invalid([fieldError('valueDate', 'payment.value_date_future')]);
  }
  const oldest = oldestPlausibleValueDate(todayIso);
  if (data.valueDate < oldest) {
    throw invalid([fieldError('valueDate', 'records.value_date_too_old', { date: dateParam(oldest) })]);
  }
  if (data.idempotencyKey) {
    const replay = await findByIdempotencyKey(trx, actor, data.idempotencyKey, data);
    if (replay) return replay;
  }
  const debtor = await loadDebtor(trx, actor, data.debtorId).catch(() => {
    throw invalid([fieldError('debtorId', 'claim.unknown_debtor')]);
  });
  const creditor = await loadCreditor(trx, actor, data.creditorId).catch(() => {
    throw invalid([fieldError('creditorId', 'claim.unknown_creditor')]);
  });
  const wanted = data.allocations?.map((a) => a.claimId) ?? data.claimIds;
  // Lock the candidate claims in a fixed order so concurrent payments cannot deadlock or double-apply.
  let cq = trx
    .selectFrom('claims')
    .select(['id', 'external_ref', 'currency', 'status', 'due_date', 'issue_date', 'contract_date'])
    .where('tenant_id', '=', actor.tenantId)
    .where('debtor_id', '=', debtor.id)
    .where('creditor_id', '=', creditor.id)
    .orderBy('id')
    .forUpdate();
  if (wanted) cq = cq.where('id', 'in', wanted.length ? wanted : ['00000000-0000-0000-0000-000000000000']);
  else cq = cq.where('status', 'in', OPEN_STATUSES).where('currency', '=', data.currency);
  const candidates = await cq.execute();
  // Money cannot pay a debt that did not exist yet: a claim counts from its contract or document date.
  const existedBy = (c: (typeof candidates)[number]) => {
    const origin = claimOrigin(c);
    return origin === null || origin <= data.valueDate;
  };
  const claims = wanted ? candidates : candidates.filter(existedBy);
  if (!wanted && candidates.length > 0 && claims.length === 0) {
    const first = candidates.map(claimOrigin).filter((d) => d !== null).sort()[0]!;
    throw invalid([fieldError('valueDate', 'records.value_date_before_claims', { date: dateParam(first) })]);
  }
  const byId = new Map(claims.map((c) => [c.id, c]));

  const problems: FieldError[] = [];
  const seen = new Set<string>();
  (wanted ?? []).forEach((id, i) => {
    const path = data.allocations ? `allocations.${i}.claimId` : `claimIds.${i}`;
    const c = byId.get(id);
    // Each part is checked against the claim's outstanding on its own: two parts could overpay it.
    if (data.allocations && seen.has(id)) problems.push(fieldError(path, 'records.allocation_repeated'));
    else if (!c) problems.push(fieldError(path, 'records.allocation_other_claim'));
    else if (c.currency !== data.currency) problems.push(fieldError(path, 'records.allocation_currency', { claimCurrency: c.currency, paymentCurrency: data.currency }));
    else if (!OPEN_STATUSES.includes(c.status as never)) problems.push(fieldError(path, 'records.allocation_not_open', { ref: c.external_ref }));
    else if (!existedBy(c)) {
      problems.push(fieldError(path, 'records.value_date_before_claim', { valueDate: dateParam(data.valueDate), ref: c.external_ref, origin: dateParam(claimOrigin(c)!) }));
    }
    seen.add(id);
  });
  if (problems.length) throw invalid(problems);

  // What each claim owes on the value date — costs, interest and principal — by the interest engine.
  const book = await currentRateBook(trx);
  const ledgers = await loadLedgers(trx, actor, claims.map((c) => c.id));
  const due = new Map(claims.map((c) => [c.id, dueOn(book, ledgers.get(c.id)!, data.valueDate, 'valueDate')]));
  let allocations: Allocation[];
  if (data.allocations) {
    data.allocations.forEach((a, i) => {
      if (money(a.amount).gt(due.get(a.claimId)!)) {
        problems.push(fieldError(`allocations.${i}.amount`, 'records.allocation_above_due', { date: dateParam(data.valueDate), due: amountParam(due.get(a.claimId)!) }));
      }
    });
    const total = sumMoney(data.allocations.map((a) => a.amount));
    if (total.gt(data.amount)) {
      problems.push(fieldError('allocations', 'records.allocations_exceed_payment'));
    }
    if (problems.length) throw invalid(problems);
    allocations = data.allocations;
  } else {
    // The debtor did not say which debt it pays: the law's order (art. 1193 c.c., in the domain).
    ({ allocations } = allocateByLaw(
      data.amount,
      claims.map((c) => ({ claimId: c.id, dueDate: c.due_date, outstanding: due.get(c.id)! })),
    ));
  }

  const payment = await trx
    .insertInto('payments')
    .values({
      tenant_id: actor.tenantId,
      creditor_id: creditor.id,
      debtor_id: debtor.id,
      amount: data.amount,
      unallocated: data.amount,
      currency: data.currency,
      value_date: data.valueDate,
      method: data.method,
      reference: data.reference ?? null,
      payer_name: data.payerName ?? null,
      note: data.note ?? null,
      idempotency_key: data.idempotencyKey ?? null,
      imputation: data.allocations ? 'payer' : data.claimIds ? 'claims' : 'law',
      created_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  // Each claim's share is split into costs, interest and principal by replaying the claim's payments.
  const touched = new Set<string>([payment.id]);
  for (const a of allocations) {
    const ledger = ledgers.get(a.claimId)!;
    const before = { principalPaid: ledger.principalPaid, interestPaid: ledger.interestPaid, costsPaid: ledger.costsPaid, status: ledger.status };
    ledger.payments.push({ paymentId: payment.id, date: data.valueDate, amount: a.amount });
    const excess = await settleClaim(trx, actor, book, ledger);
    for (const id of excess.keys()) touched.add(id);
    const after = (await loadLedgers(trx, actor, [a.claimId])).get(a.claimId)!;
    await recordAudit(trx, actor, {
      action: 'claim.payment_applied',
      entityType: 'claim',
      entityId: a.claimId,
      debtorId: debtor.id,
      creditorId: creditor.id,
      before,
      after: {
        principalPaid: after.principalPaid,
        interestPaid: after.interestPaid,
        costsPaid: after.costsPaid,
        status: after.status,
        paymentId: payment.id,
        allocated: a.amount,
        split: after.stored.get(payment.id) ?? {},
      },
    });
  }
  await refreshBalances(trx, actor.tenantId, allocations.map((a) => a.claimId));
  await refreshUnallocated(trx, actor, touched);
  // A running plan on these positions follows at once: its instalments filled in order, closed when paid in full.
  const planned = allocations.filter((a) => byId.get(a.claimId)?.status === 'in_plan').map((a) => a.claimId);
  if (planned.length) await followPlans(trx, actor.tenantId, planned, todayIso);
  const detail = (await fetchPaymentDetail(trx, actor, payment.id))!;
  await recordAudit(trx, actor, {
    action: 'payment.recorded',
    entityType: 'payment',
    entityId: payment.id,
    debtorId: debtor.id,
    creditorId: creditor.id,
    after: detail,
  });
  await refreshDebtorProfiles(trx, actor.tenantId, [debtor.id]);
  return detail;
}

/**
 * The payment already recorded under this key, if any. Concurrent requests with the same key are
 * serialised by a transaction-scoped advisory lock, so exactly one of them inserts. The same key with
 * different money facts is a client error, never a second payment.
 */
async function findByIdempotencyKey(
  trx: Trx,
  actor: Actor,
  key: string,
  data: { debtorId: string; creditorId: string; amount: string; currency: string; valueDate: string },
): Promise<PaymentDetail | null> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`payment:${actor.tenantId}:${key}`}, 0))`.execute(trx);
  const existing = await trx
    .selectFrom('payments')
    .select(['id', 'debtor_id', 'creditor_id', 'amount', 'currency', 'value_date'])
    .where('tenant_id', '=', actor.tenantId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
  if (!existing) return null;
  const same =
    existing.debtor_id === data.debtorId &&
    existing.creditor_id === data.creditorId &&
    money(existing.amount).eq(data.amount) &&
    existing.currency === data.currency &&
    existing.value_date === data.valueDate;
  if (!same) {
    throw conflict(msg('payment.idempotency_other'));
  }
  const detail = await fetchPaymentDetail(trx, actor, existing.id);
  if (!detail) throw conflict(msg('payment.idempotency_used'));
  return detail;
}

/**
 * When a claim came into existence as far as its facts say: the contract or the document (invoice,
 * notice) date, whichever is earlier. Null when neither is known (the due date alone does not say: a
 * debtor may pay before it).
 */
export function claimOrigin(c: { issue_date: string | null; contract_date: string | null }): string | null {
  const dates = [c.issue_date, c.contract_date].filter((d): d is string => d !== null);
  return dates.length ? dates.sort()[0]! : null;
}

/** A payment of a batch: booked (its detail) or refused by the checks {@link bookPayment} makes (its error). */
export type BookedPayment = { ok: true; payment: PaymentDetail } | { ok: false; error: AppError };

/**
 * Many payments on a transaction the caller holds, each as {@link bookPayment} books it — the same
 * checks, the same allocation by the engine, the same rows and audit events — in a few statements for
 * the whole batch instead of some thirty per payment (a bank statement of 100,000 entries, issue 15
 * item 8). For payments restricted to named claims (`claimIds`), the bank's case; a payment refused
 * by a check is returned with its error and writes nothing. Payments sharing a claim are booked one
 * after the other (in rounds), so each sees the ones before it as `bookPayment` would.
 */
export async function bookPayments(
  trx: Trx,
  actor: Actor,
  inputs: readonly (z.input<typeof RecordPaymentInput> & { claimIds: string[] })[],
  now: {
    today?: string;
    /** Of each payment's claims, those still open when it is booked (a claim an earlier payment paid off is left out, not refused). */
    onlyOpen?: boolean;
    /**
     * The debtors' profiles marked stale in this transaction instead of recomputed (a bank file's
     * chunk: the import refreshes them once per file, `refreshStaleDebtorProfiles`; decision 0006).
     */
    markProfiles?: boolean;
    /**
     * The id of each input's payment, chosen by the caller (a bank file's chunk writes its entries
     * naming their payments before booking them: migration 0058). A refused input gets no payment.
     */
    paymentIds?: readonly string[];
  } = {},
): Promise<BookedPayment[]> {
  authorize(actor, 'create', 'payment');
  const todayIso = now.today ?? today().toString();
  const oldest = oldestPlausibleValueDate(todayIso);
  const out: BookedPayment[] = new Array(inputs.length);
  const refuse = (i: number, e: unknown) => {
    if (!(e instanceof AppError)) throw e;
    out[i] = { ok: false, error: e };
  };
  type Parsed = { i: number; data: z.output<typeof RecordPaymentInput> & { claimIds: string[] } };
  let pending: Parsed[] = [];
  for (const [i, input] of inputs.entries()) {
    try {
      const data = parseInput(RecordPaymentInput, input);
      if (data.allocations || data.idempotencyKey || !data.claimIds) throw new Error('bookPayments: claimIds only, no allocations or idempotency key');
      if (data.valueDate > todayIso) throw invalid([fieldError('valueDate', 'payment.value_date_future')]);
      if (data.valueDate < oldest) throw invalid([fieldError('valueDate', 'records.value_date_too_old', { date: dateParam(oldest) })]);
      pending.push({ i, data: data as Parsed['data'] });
    } catch (e) {
      refuse(i, e);
    }
  }
  if (!pending.length) return out;
  const debtorIds = [...new Set(pending.map((p) => p.data.debtorId))];
  const creditorIds = [...new Set(pending.map((p) => p.data.creditorId))];
  // Their names for the payments' details (an array parameter, not 500 of them: one statement text however many debtors).
  const debtors = new Map(
    (await trx.selectFrom('debtors').select(['id', 'display_name']).where('tenant_id', '=', actor.tenantId).where(sql<boolean>`id = any(${debtorIds}::uuid[])`).where(debtorVisible(actor)).execute()).map((r) => [r.id, r.display_name]),
  );
  let kq = trx.selectFrom('creditors').select(['id', 'name']).where('tenant_id', '=', actor.tenantId).where('id', 'in', creditorIds);
  if (actor.creditorId !== null) kq = kq.where('id', '=', actor.creditorId);
  const creditors = new Map((await kq.execute()).map((r) => [r.id, r.name]));
  const book = await currentRateBook(trx);

  while (pending.length) {
    // A round: payments whose claims no earlier payment of the round (or a deferred one) names.
    const round: Parsed[] = [];
    const later: Parsed[] = [];
    const used = new Set<string>();
    for (const p of pending) {
      if (p.data.claimIds.some((id) => used.has(id))) later.push(p);
      else round.push(p);
      for (const id of p.data.claimIds) used.add(id);
    }
    pending = later;
    // Lock the candidate claims in a fixed order (as bookPayment does) so concurrent payments cannot deadlock or double-apply.
    const ids = [...new Set(round.flatMap((p) => p.data.claimIds))];
    const locked = ids.length
      ? await trx
          .selectFrom('claims')
          .select(['id', 'debtor_id', 'creditor_id', 'external_ref', 'currency', 'status', 'due_date', 'issue_date', 'contract_date'])
          .where('tenant_id', '=', actor.tenantId)
          .where('id', 'in', ids)
          .orderBy('id')
          .forUpdate()
          .execute()
      : [];
    const claimById = new Map(locked.map((c) => [c.id, c]));
    const ledgers = await loadLedgers(trx, actor, ids);
    const booked: { i: number; data: Parsed['data']; paymentId: string; allocations: Allocation[] }[] = [];
    for (const { i, data } of round) {
      try {
        if (now.onlyOpen) data.claimIds = data.claimIds.filter((id) => { const c = claimById.get(id); return !c || OPEN_STATUSES.includes(c.status as never); });
        if (!debtors.has(data.debtorId)) throw invalid([fieldError('debtorId', 'claim.unknown_debtor')]);
        if (!creditors.has(data.creditorId)) throw invalid([fieldError('creditorId', 'claim.unknown_creditor')]);
        const claims = data.claimIds.map((id) => claimById.get(id)).filter((c) => c !== undefined && c.debtor_id === data.debtorId && c.creditor_id === data.creditorId);
        const byId = new Map(claims.map((c) => [c!.id, c!]));
        const problems: FieldError[] = [];
        data.claimIds.forEach((id, k) => {
          const path = `claimIds.${k}`;
          const c = byId.get(id);
          if (!c) problems.push(fieldError(path, 'records.allocation_other_claim'));
          else if (c.currency !== data.currency) problems.push(fieldError(path, 'records.allocation_currency', { claimCurrency: c.currency, paymentCurrency: data.currency }));
          else if (!OPEN_STATUSES.includes(c.status as never)) problems.push(fieldError(path, 'records.allocation_not_open', { ref: c.external_ref }));
          else {
            const origin = claimOrigin(c);
            if (origin !== null && origin > data.valueDate) problems.push(fieldError(path, 'records.value_date_before_claim', { valueDate: dateParam(data.valueDate), ref: c.external_ref, origin: dateParam(origin) }));
          }
        });
        if (problems.length) throw invalid(problems);
        const ordered = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        const due = new Map(ordered.map((c) => [c.id, dueOn(book, ledgers.get(c.id)!, data.valueDate, 'valueDate')]));
        const { allocations } = allocateByLaw(
          data.amount,
          ordered.map((c) => ({ claimId: c.id, dueDate: c.due_date, outstanding: due.get(c.id)! })),
        );
        booked.push({ i, data, paymentId: '', allocations });
      } catch (e) {
        refuse(i, e);
      }
    }
    if (!booked.length) continue;
    for (const b of booked) b.paymentId = now.paymentIds?.[b.i] ?? uuid7();
    // Each claim's share is split into costs, interest and principal by replaying the claim's payments.
    const plans: SettlementPlan[] = [];
    const audits: { entry: AuditEntry; after: () => Record<string, unknown> }[] = [];
    const touched = new Set<string>();
    for (const b of booked) {
      touched.add(b.paymentId);
      for (const a of b.allocations) {
        const ledger = ledgers.get(a.claimId)!;
        const before = { principalPaid: ledger.principalPaid, interestPaid: ledger.interestPaid, costsPaid: ledger.costsPaid, status: ledger.status };
        ledger.payments.push({ paymentId: b.paymentId, date: b.data.valueDate, amount: a.amount });
        const plan = planSettlement(actor, book, ledger);
        plans.push(plan);
        for (const id of plan.excess.keys()) touched.add(id);
        audits.push({
          entry: { action: 'claim.payment_applied', entityType: 'claim', entityId: a.claimId, debtorId: b.data.debtorId, creditorId: b.data.creditorId, before },
          after: () => ({
            principalPaid: money(plan.after.principalPaid).toFixed(2),
            interestPaid: money(plan.after.interestPaid).toFixed(2),
            costsPaid: money(plan.after.costsPaid).toFixed(2),
            status: plan.after.status,
            paymentId: b.paymentId,
            allocated: a.amount,
            split: plan.splits.get(b.paymentId) ?? {},
          }),
        });
      }
    }
    // What each new payment leaves unallocated: its amount less the allocation rows the plans give it.
    const unallocated = new Map(booked.map((b) => [b.paymentId, money(b.data.amount)]));
    for (const r of plans.flatMap((p) => p.rows)) {
      const left = unallocated.get(r.payment_id);
      if (left) unallocated.set(r.payment_id, left.minus(r.amount));
    }
    const v = jsonRows(booked, [
      ['uuid', (b) => b.paymentId],
      ['uuid', (b) => b.data.creditorId],
      ['uuid', (b) => b.data.debtorId],
      ['numeric', (b) => b.data.amount],
      ['numeric', (b) => unallocated.get(b.paymentId)!.toFixed(2)],
      ['text', (b) => b.data.currency],
      ['date', (b) => b.data.valueDate],
      ['text', (b) => b.data.method],
      ['text', (b) => b.data.reference ?? null],
      ['text', (b) => b.data.payerName ?? null],
      ['text', (b) => b.data.note ?? null],
    ]);
    const created = await sql<{ id: string; created_at: string }>`
      insert into payments (id, tenant_id, creditor_id, debtor_id, amount, unallocated, currency, value_date, method, reference, payer_name, note, imputation, created_by, created_at)
      select ${v.at(0)}, ${actor.tenantId}::uuid, ${v.at(1)}, ${v.at(2)}, ${v.at(3)}, ${v.at(4)}, ${v.at(5)}, ${v.at(6)}, ${v.at(7)}, ${v.at(8)}, ${v.at(9)}, ${v.at(10)}, 'claims', ${actor.userId}::uuid,
             clock_timestamp() + (v.n * interval '1 microsecond')
        from ${v.from}
      returning id, ${iso('created_at')} as created_at`.execute(trx);
    const createdAt = new Map(created.rows.map((r) => [r.id, r.created_at]));
    // The balances from the ledgers in hand, as they are once the plans are written (no second read),
    // with the claims' new status: written before the claims, their trigger has nothing left to update.
    await storeSettledBalances(trx, book, plans);
    await applySettlements(trx, actor, plans);
    await recordAudits(trx, actor, audits.map((a) => ({ ...a.entry, after: a.after() })));
    const claimIds = [...new Set(booked.flatMap((b) => b.allocations.map((a) => a.claimId)))];
    // Running plans on these positions follow at once (as bookPayment): instalments filled, closed when paid.
    // Only positions that were in a plan are looked up (no query for the rest of a bank file).
    const planned = claimIds.filter((id) => claimById.get(id)?.status === 'in_plan');
    if (planned.length) await followPlans(trx, actor.tenantId, planned, todayIso);
    // Earlier payments the plans re-split (the new ones were written with theirs).
    const resplit = [...touched].filter((id) => !unallocated.has(id));
    if (resplit.length) {
      await sql`
        update payments p set unallocated = p.amount - coalesce((select sum(a.amount) from payment_allocations a where a.tenant_id = p.tenant_id and a.payment_id = p.id), 0)
         where p.tenant_id = ${actor.tenantId} and p.id = any(${resplit}::uuid[])
           and p.unallocated is distinct from p.amount - coalesce((select sum(a.amount) from payment_allocations a where a.tenant_id = p.tenant_id and a.payment_id = p.id), 0)`.execute(trx);
    }
    // Each payment's detail as fetchPaymentDetail reads it back, from what was just written (no second read).
    const allocated = new Map<string, PaymentDetail['allocations']>(booked.map((b) => [b.paymentId, []]));
    for (const r of plans.flatMap((p) => p.rows)) {
      allocated.get(r.payment_id)?.push({ claimId: r.claim_id, externalRef: claimById.get(r.claim_id)!.external_ref, component: r.component, amount: money(r.amount).toFixed(2) });
    }
    const dueOf = (id: string) => claimById.get(id)!.due_date;
    const details = new Map<string, PaymentDetail>(
      booked.map((b) => [
        b.paymentId,
        {
          id: b.paymentId,
          creditorId: b.data.creditorId,
          creditorName: creditors.get(b.data.creditorId)!,
          debtorId: b.data.debtorId,
          debtorName: debtors.get(b.data.debtorId)!,
          amount: money(b.data.amount).toFixed(2),
          unallocated: unallocated.get(b.paymentId)!.toFixed(2),
          currency: b.data.currency,
          valueDate: b.data.valueDate,
          method: b.data.method,
          reference: b.data.reference ?? null,
          payerName: b.data.payerName ?? null,
          note: b.data.note ?? null,
          reversedAt: null,
          version: 1,
          createdAt: createdAt.get(b.paymentId)!,
          allocations: allocated.get(b.paymentId)!.sort((x, y) => (dueOf(x.claimId) < dueOf(y.claimId) ? -1 : dueOf(x.claimId) > dueOf(y.claimId) ? 1 : x.claimId < y.claimId ? -1 : x.claimId > y.claimId ? 1 : 0)),
        },
      ]),
    );
    await recordAudits(
      trx,
      actor,
      booked.map((b) => ({ action: 'payment.recorded', entityType: 'payment', entityId: b.paymentId, debtorId: b.data.debtorId, creditorId: b.data.creditorId, after: details.get(b.paymentId)! })),
    );
    for (const b of booked) out[b.i] = { ok: true, payment: details.get(b.paymentId)! };
    if (now.markProfiles) await markDebtorProfilesStale(trx, actor.tenantId, booked.map((b) => b.data.debtorId));
    else await refreshDebtorProfiles(trx, actor.tenantId, booked.map((b) => b.data.debtorId));
  }
  return out;
}
