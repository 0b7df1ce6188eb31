import { sql } from 'kysely';
import { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { allocateByLaw } from '../../domain/allocation.ts';
import { today } from '../../domain/dates.ts';
import { conflict, fieldError, invalid, notFound } from '../../domain/errors.ts';
import { isoDate, requiredText } from '../../domain/fields.ts';
import { dateParam, msg } from '../../domain/messages/index.ts';
import { OPEN_STATUSES } from '../../domain/model.ts';
import type { Actor } from '../../domain/policies.ts';
import { refreshBalances } from '../claims/balances.ts';
import { dueOn, loadLedgers, refreshUnallocated, settleClaim } from '../claims/ledger.ts';
import { judgePromiseNow } from '../desk/judge-promises.ts';
import { currentRateBook } from '../interest/rate-book.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { assertId } from '../shared/scope.ts';
import { fetchPaymentDetail } from './payment-query.ts';
import { replanAfterReversal, unsettleAfterReversal } from './reversal-followups.ts';
import { claimOrigin } from './record-payment.ts';
import type { PaymentDetail } from './schema.ts';
import { refreshDebtorProfiles } from '../risk/refresh-debtor-profiles.ts';

export const ReversePaymentInput = z
  .object({
    /** Why (a returned direct debit, a bounced cheque, money of another debtor): mandatory, kept with the payment. */
    reason: requiredText(500),
    /** The day of the reversal (default today): promises the payment had kept are judged again as of it. */
    on: isoDate.optional(),
  })
  .strict();

/**
 * Reverses a payment (a supervisor's decision, with a reason): the payment stays on record, marked
 * reversed, and no longer counts — its allocation rows are kept as history but the ledger ignores them.
 * What it paid is owed again: its claims are re-split by the engine without it (art. 1194 c.c.: a later
 * payment on the same claim now meets the interest and costs first), they reopen (paid → partially paid)
 * and their stored balances are written anew. The later payments the engine imputed by law (art. 1193
 * c.c., the debtor named nothing) are imputed again, in their value-date order, to the oldest debts now
 * open — the reversed money may have been what made a claim paid that a later payment would otherwise
 * have met; payments the debtor assigned keep their claims. A promise the payment had kept is judged
 * again. One transaction, with audit events (before/after and the reason).
 */
export async function reversePayment(db: Db, actor: Actor, id: string, input: z.input<typeof ReversePaymentInput>): Promise<PaymentDetail> {
  return db.transaction().execute((trx) => reversePaymentTrx(trx, actor, id, input));
}

/** `reversePayment` on a transaction the caller holds (a bank return reverses the payment it returns). */
export async function reversePaymentTrx(trx: Trx, actor: Actor, id: string, input: z.input<typeof ReversePaymentInput>): Promise<PaymentDetail> {
  authorize(actor, 'create', 'reversal');
  const data = parseInput(ReversePaymentInput, input);
  assertId(id, 'payment');
  let lock = trx
    .selectFrom('payments')
    .select(['id', 'debtor_id', 'creditor_id', 'currency', 'value_date', 'created_at', 'reversed_at'])
    .where('id', '=', id)
    .where('tenant_id', '=', actor.tenantId);
  if (actor.creditorId !== null) lock = lock.where('creditor_id', '=', actor.creditorId);
  const payment = await lock.forUpdate().executeTakeFirst();
  if (!payment) throw notFound('payment');
  if (payment.reversed_at) throw conflict(msg('payment.already_reversed', { date: dateParam(payment.reversed_at.toISOString().slice(0, 10)) }));
  const on = data.on ?? today().toString();
  if (on > today().toString()) throw invalid([fieldError('on', 'payment.reversal_in_future')]);
  if (on < payment.value_date) throw invalid([fieldError('on', 'payment.reversal_before_value_date', { date: dateParam(payment.value_date) })]);

  // Every claim of the debtor with this creditor, locked in a fixed order as a booking locks them.
  const claimsBefore = await trx
    .selectFrom('claims')
    .select(['id', 'status', 'principal_paid', 'interest_paid', 'costs_paid', 'currency', 'due_date', 'issue_date', 'contract_date'])
    .where('tenant_id', '=', actor.tenantId)
    .where('debtor_id', '=', payment.debtor_id)
    .where('creditor_id', '=', payment.creditor_id)
    .orderBy('id')
    .forUpdate()
    .execute();
  const before = (await fetchPaymentDetail(trx, actor, id))!;
  await trx
    .updateTable('payments')
    .set({ reversed_at: sql`now()`, reversed_on: on, reversal_reason: data.reason, version: sql`version + 1`, updated_at: sql`now()` })
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', id)
    .execute();

  // The later payments imputed by law (and any booked after this one: the engine chose their claims
  // knowing it) are taken off their claims, to be imputed again below in their value-date order.
  const later = await trx
    .selectFrom('payments')
    .select(['id', 'amount', 'value_date'])
    .where('tenant_id', '=', actor.tenantId)
    .where('debtor_id', '=', payment.debtor_id)
    .where('creditor_id', '=', payment.creditor_id)
    .where('currency', '=', payment.currency)
    .where('reversed_at', 'is', null)
    .where('imputation', '=', 'law')
    .where((eb) => eb.or([eb('value_date', '>=', payment.value_date), eb('created_at', '>', payment.created_at)]))
    .orderBy('value_date')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const laterIds = later.map((p) => p.id);
  const laterBefore = new Map<string, PaymentDetail['allocations']>();
  for (const p of later) laterBefore.set(p.id, (await fetchPaymentDetail(trx, actor, p.id))!.allocations);
  const reopened = new Set(before.allocations.map((a) => a.claimId));
  for (const allocations of laterBefore.values()) for (const a of allocations) reopened.add(a.claimId);
  if (laterIds.length) {
    await trx.deleteFrom('payment_allocations').where('tenant_id', '=', actor.tenantId).where('payment_id', 'in', laterIds).execute();
  }

  // The claims as the ledger has them without the reversed payment and the lifted ones: re-split, reopened.
  const book = await currentRateBook(trx);
  const touchedPayments = new Set<string>(laterIds);
  const touchedClaims = new Set<string>(reopened);
  for (const ledger of (await loadLedgers(trx, actor, [...reopened])).values()) {
    for (const p of (await settleClaim(trx, actor, book, ledger)).keys()) touchedPayments.add(p);
  }

  // Each lifted payment imputed again by the law's order (art. 1193 c.c.), the engine splitting each
  // claim's share onto costs, interest and principal (art. 1194 c.c.), as when it was booked.
  for (const p of later) {
    const candidates = claimsBefore.filter((c) => c.currency === payment.currency && (claimOrigin(c) ?? p.value_date) <= p.value_date);
    const statuses = await trx
      .selectFrom('claims')
      .select(['id', 'status'])
      .where('tenant_id', '=', actor.tenantId)
      .where(
        'id',
        'in',
        candidates.length ? candidates.map((c) => c.id) : ['00000000-0000-0000-0000-000000000000'],
      )
      .execute();
    const open = new Set(statuses.filter((s) => OPEN_STATUSES.includes(s.status as never)).map((s) => s.id));
    const claims = candidates.filter((c) => open.has(c.id));
    const ledgers = await loadLedgers(trx, actor, claims.map((c) => c.id));
    const { allocations } = allocateByLaw(
      p.amount,
      claims.map((c) => ({ claimId: c.id, dueDate: c.due_date, outstanding: dueOn(book, ledgers.get(c.id)!, p.value_date, 'valueDate') })),
    );
    for (const a of allocations) {
      const ledger = ledgers.get(a.claimId)!;
      ledger.payments.push({ paymentId: p.id, date: p.value_date, amount: a.amount });
      for (const x of (await settleClaim(trx, actor, book, ledger)).keys()) touchedPayments.add(x);
      touchedClaims.add(a.claimId);
    }
  }
  await refreshUnallocated(trx, actor, touchedPayments);
  await refreshBalances(trx, actor.tenantId, [...touchedClaims]);

  for (const p of later) {
    const after = (await fetchPaymentDetail(trx, actor, p.id))!;
    await recordAudit(trx, actor, {
      action: 'payment.reimputed',
      entityType: 'payment',
      entityId: p.id,
      debtorId: payment.debtor_id,
      creditorId: payment.creditor_id,
      before: { allocations: laterBefore.get(p.id)! },
      after: { allocations: after.allocations, unallocated: after.unallocated, reversedPaymentId: id },
    });
  }
  const claimsAfter = await trx
    .selectFrom('claims')
    .select(['id', 'status', 'principal_paid', 'interest_paid', 'costs_paid'])
    .where('tenant_id', '=', actor.tenantId)
    .where('id', 'in', [...touchedClaims].length ? [...touchedClaims] : ['00000000-0000-0000-0000-000000000000'])
    .execute();
  for (const c of claimsAfter) {
    const b = claimsBefore.find((x) => x.id === c.id)!;
    const figures = (r: typeof c) => ({ status: r.status, principalPaid: r.principal_paid, interestPaid: r.interest_paid, costsPaid: r.costs_paid });
    if (JSON.stringify(figures(b)) === JSON.stringify(figures(c))) continue;
    await recordAudit(trx, actor, {
      action: 'claim.payment_reversed',
      entityType: 'claim',
      entityId: c.id,
      debtorId: payment.debtor_id,
      creditorId: payment.creditor_id,
      before: figures(b),
      after: { ...figures(c), paymentId: id, reason: data.reason },
    });
  }

  // A settlement it had paid is open again (its write-off undone); the plans on its claims are filled
  // again without it, and a plan it had paid runs again.
  const followUp = { paymentId: id, reason: data.reason, on, claimIds: [...touchedClaims] };
  const settlementsReopened = await unsettleAfterReversal(trx, actor, followUp);
  const plansReopened = await replanAfterReversal(trx, actor, followUp);

  // A promise this payment helped keep is judged again without it (judge-promises.ts).
  if (reopened.size) {
    const kept = await trx
      .selectFrom('promises')
      .selectAll()
      .where('tenant_id', '=', actor.tenantId)
      .where('debtor_id', '=', payment.debtor_id)
      .where('state', '=', 'kept')
      .where('made_on', '<=', payment.value_date)
      .where(sql<boolean>`claim_ids && ${sql.val([...reopened])}::uuid[]`)
      .orderBy('id')
      .forUpdate()
      .execute();
    for (const promise of kept) {
      await trx.updateTable('promises').set({ state: 'pending', judged_on: null }).where('tenant_id', '=', actor.tenantId).where('id', '=', promise.id).execute();
      const state = await judgePromiseNow(trx, { ...promise, state: 'pending', judged_on: null }, on, new Date());
      await recordAudit(trx, actor, {
        action: 'promise.rejudged',
        entityType: 'debtor',
        entityId: payment.debtor_id,
        debtorId: payment.debtor_id,
        before: { promiseId: promise.id, state: promise.state, paid: promise.paid },
        after: { promiseId: promise.id, state, reversedPaymentId: id, reason: data.reason },
      });
    }
  }

  const after = (await fetchPaymentDetail(trx, actor, id))!;
  await recordAudit(trx, actor, {
    action: 'payment.reversed',
    entityType: 'payment',
    entityId: id,
    debtorId: payment.debtor_id,
    creditorId: payment.creditor_id,
    before,
    after: { ...after, reason: data.reason, on, plansReopened, settlementsReopened },
  });
  await refreshDebtorProfiles(trx, actor.tenantId, [payment.debtor_id]);
  return after;
}

