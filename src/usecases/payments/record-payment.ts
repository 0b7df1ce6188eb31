import { sql } from 'kysely';
import { currentRateBook } from '../interest/rate-book.ts';
import { dueOn, loadLedgers, refreshUnallocated, settleClaim } from '../claims/ledger.ts';
import { refreshBalances } from '../claims/balances.ts';
import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { allocateByLaw, type Allocation } from '../../domain/allocation.ts';
import { oldestPlausibleValueDate, today } from '../../domain/dates.ts';
import { conflict, invalid, fieldError, type FieldError } from '../../domain/errors.ts';
import { money, sumMoney } from '../../domain/money.ts';
import { OPEN_STATUSES } from '../../domain/model.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { loadCreditor, loadDebtor } from '../shared/scope.ts';
import { followPlans } from '../plans/evaluate-plans.ts';
import { fetchPaymentDetail } from './payment-query.ts';
import { RecordPaymentInput, type PaymentDetail } from './schema.ts';
import { msg } from '../../domain/messages/index.ts';

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
    throw invalid([fieldError('valueDate', 'records.value_date_too_old', { date: oldest })]);
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
    throw invalid([fieldError('valueDate', 'records.value_date_before_claims', { date: first })]);
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
      problems.push(fieldError(path, 'records.value_date_before_claim', { valueDate: data.valueDate, ref: c.external_ref, origin: claimOrigin(c)! }));
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
        problems.push(fieldError(`allocations.${i}.amount`, 'records.allocation_above_due', { date: data.valueDate, due: due.get(a.claimId)! }));
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
