import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import type { ClaimStatus } from '../../domain/claims/lifecycle.ts';
import { today } from '../../domain/dates.ts';
import { conflict, fieldError, invalid } from '../../domain/errors.ts';
import { amountParam, DEFAULT_LOCALE, msg, type Locale } from '../../domain/messages/index.ts';
import { money, sumMoney, toMoneyString } from '../../domain/money.ts';
import { answeringActor, type Actor } from '../../domain/policies.ts';
import { ANSWERS_OF, sideOf, statusAfterConfirmation, type QueryVia } from '../../domain/queries/rules.ts';
import { refreshBalances } from '../claims/balances.ts';
import { resettleClaim } from '../claims/ledger.ts';
import { bookPayment } from '../payments/record-payment.ts';
import { grantPlan } from '../plans/approve-plan.ts';
import { declinePlan } from '../plans/reject-plan.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { checkVersion } from '../shared/present.ts';
import { loadClaim } from '../shared/scope.ts';
import { addQueryMessage, fetchQueryView, loadQuery } from './query-view.ts';
import { AnswerQueryInput, type QueryView } from './schema.ts';

type Claim = Awaited<ReturnType<typeof loadClaim>>;

/**
 * The creditor answers a query (issue 16 item 4), and the answer changes the position in the same
 * transaction as the query's state and the audit trail:
 * - confirmed: the position stands — a disputed one goes back to work (dunning and desk resume);
 * - corrected: the components take the amounts the creditor gives (a partial sgravio), the act's
 *   amount is their sum, payments are re-split and the stored balance follows;
 * - annulled: cancelled in autotutela (art. 2-quater D.L. 564/1994; art. 10 L. 212/2000 for
 *   tributes) — the position is closed, written off, reported as `annulled_by_creditor` in the
 *   discharge report;
 * - already_paid: the debtor paid the creditor directly — recorded as a payment of the position;
 * - approved / rejected: the plan outside the rules, by the plans' own approval use case;
 * - acknowledged: the creditor took back a returned position.
 * The creditor's own user answers on the portal; an agency supervisor or administrator may record an
 * answer the creditor gave by PEC, phone, e-mail or letter (`via`, kept on the query and its audit event).
 */
export async function answerQuery(db: Db, actor: Actor, id: string, input: z.input<typeof AnswerQueryInput>, locale: Locale = DEFAULT_LOCALE): Promise<QueryView> {
  return db.transaction().execute((trx) => determineQuery(trx, actor, id, input, locale));
}

/** `answerQuery` on a transaction the caller holds. */
export async function determineQuery(trx: Trx, actor: Actor, id: string, input: z.input<typeof AnswerQueryInput>, locale: Locale = DEFAULT_LOCALE): Promise<QueryView> {
  const data = parseInput(AnswerQueryInput, input);
  const query = await loadQuery(trx, actor, id, { forUpdate: true });
  authorize(actor, 'create', 'query_answer');
  checkVersion(query.version, data.version);
  if (query.status !== 'open') throw conflict(msg('queries.not_open', { status: query.status }));
  if (!ANSWERS_OF[query.kind].includes(data.answer)) throw invalid([fieldError('answer', 'queries.answer_not_for_kind')]);
  const side = sideOf(actor);
  // The creditor's user answers on the portal; the agency records how the creditor answered.
  let via: QueryVia;
  if (side === 'creditor') via = 'portal';
  else if (!data.via || data.via === 'portal') throw invalid([fieldError('via', 'field.required')]);
  else via = data.via;
  if (data.answer === 'corrected' && !data.components) throw invalid([fieldError('components', 'queries.components_required')]);
  if (data.answer === 'already_paid' && !data.payment) throw invalid([fieldError('payment', 'queries.payment_required')]);

  // The answer's steps run with the rights to carry out the creditor's decision, as the one who answered.
  const act = answeringActor(actor);
  const claim = await loadClaim(trx, actor, query.claim_id, { forUpdate: true });
  const effect: Record<string, unknown> = {};
  switch (data.answer) {
    case 'confirmed':
      await resume(trx, act, claim);
      break;
    case 'corrected':
      Object.assign(effect, await correctComponents(trx, act, claim, data.components!));
      break;
    case 'annulled':
      Object.assign(effect, await annul(trx, act, claim, query.id, via));
      break;
    case 'already_paid': {
      const p = data.payment!;
      const payment = await bookPayment(trx, act, {
        debtorId: claim.debtor_id,
        creditorId: claim.creditor_id,
        amount: p.amount,
        currency: claim.currency,
        valueDate: p.valueDate,
        // Not money the agency collected: the statements list it apart and never remit it.
        method: 'paid_to_creditor',
        reference: p.reference ?? null,
        claimIds: [claim.id],
        idempotencyKey: `query:${query.id}`,
      });
      effect.paymentId = payment.id;
      // Paid in part: the dispute's pause ends (paid in full, the payment closed it).
      await resume(trx, act, await loadClaim(trx, actor, claim.id, { forUpdate: true }));
      break;
    }
    case 'approved':
      await grantPlan(trx, act, query.plan_id!, { reason: data.text?.slice(0, 500) }, locale);
      break;
    case 'rejected':
      await declinePlan(trx, act, query.plan_id!, { reason: data.text?.slice(0, 500) }, locale);
      break;
    case 'acknowledged':
      break;
  }
  await trx
    .updateTable('queries')
    .set({ status: 'answered', waiting_for: null, answer: data.answer, answered_by: actor.label, answered_via: via, answered_at: new Date(), version: sql`version + 1`, updated_at: sql`now()` })
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', query.id)
    .execute();
  if (data.text) await addQueryMessage(trx, actor, query.id, side, data.text);
  await recordAudit(trx, actor, {
    action: 'query.answered',
    entityType: 'query',
    entityId: query.id,
    debtorId: query.debtor_id,
    creditorId: query.creditor_id,
    before: { status: 'open', waitingFor: query.waiting_for },
    // Recorded by the agency for the creditor: says how the creditor answered.
    after: { status: 'answered', answer: data.answer, via, recordedForCreditor: side === 'agency', claimId: claim.id, ...effect },
  });
  return fetchQueryView(trx, actor, query.id, locale);
}

async function setStatus(trx: Trx, actor: Actor, claim: Claim, status: ClaimStatus, extra: Record<string, unknown> = {}): Promise<void> {
  if (status === claim.status) return;
  await trx
    .updateTable('claims')
    .set({ status, version: sql`version + 1`, updated_at: sql`now()` })
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', claim.id)
    .execute();
  await recordAudit(trx, actor, {
    action: 'claim.status_changed',
    entityType: 'claim',
    entityId: claim.id,
    debtorId: claim.debtor_id,
    creditorId: claim.creditor_id,
    before: { status: claim.status },
    after: { status, ...extra },
  });
}

const anyPayment = (c: Claim) => [c.principal_paid, c.interest_paid, c.costs_paid].some((v) => !money(v).isZero());

/** The dispute's pause ends: a disputed position goes back to work. */
async function resume(trx: Trx, actor: Actor, claim: Claim): Promise<void> {
  await setStatus(trx, actor, claim, statusAfterConfirmation(claim.status as ClaimStatus, { anyPayment: anyPayment(claim) }));
}

/** The components the creditor names take its amounts, exactly; the act's amount is their sum; payments re-split, balance stored. */
async function correctComponents(trx: Trx, actor: Actor, claim: Claim, corrected: readonly { position: number; amount: string }[]) {
  const parts = await trx
    .selectFrom('claim_components')
    .select(['id', 'position', 'kind', 'amount', 'paid', 'waived'])
    .where('tenant_id', '=', actor.tenantId)
    .where('claim_id', '=', claim.id)
    .orderBy('position')
    .execute();
  const problems = corrected.flatMap((c, i) => {
    const part = parts.find((p) => p.position === c.position);
    if (!part) return [fieldError(`components.${i}.position`, 'queries.component_unknown', { position: c.position })];
    const floor = money(part.paid).plus(part.waived);
    if (money(c.amount).lt(floor)) return [fieldError(`components.${i}.amount`, 'queries.component_below_paid', { position: c.position, paid: amountParam(toMoneyString(floor)) })];
    return [];
  });
  if (problems.length) throw invalid(problems);
  const changed = corrected.filter((c) => !money(parts.find((p) => p.position === c.position)!.amount).eq(c.amount));
  if (!changed.length) throw invalid([fieldError('components', 'queries.correction_same')]);
  const before = parts.map((p) => ({ position: p.position, kind: p.kind, amount: p.amount }));
  for (const c of changed) {
    await trx
      .updateTable('claim_components')
      .set({ amount: toMoneyString(money(c.amount)) })
      .where('tenant_id', '=', actor.tenantId)
      .where('claim_id', '=', claim.id)
      .where('position', '=', c.position)
      .execute();
  }
  const after = before.map((p) => ({ ...p, amount: toMoneyString(money(changed.find((c) => c.position === p.position)?.amount ?? p.amount)) }));
  const principal = toMoneyString(sumMoney(after.map((p) => p.amount)));
  await trx
    .updateTable('claims')
    .set({ principal, version: sql`version + 1`, updated_at: sql`now()` })
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', claim.id)
    .execute();
  await recordAudit(trx, actor, {
    action: 'claim.corrected',
    entityType: 'claim',
    entityId: claim.id,
    debtorId: claim.debtor_id,
    creditorId: claim.creditor_id,
    before: { principal: claim.principal, components: before },
    after: { principal, components: after },
  });
  await resume(trx, actor, claim);
  // Payments re-split on the new amounts, the claim's paid figures and status follow, the balance is stored.
  await resettleClaim(trx, actor, claim.id);
  return { principal };
}

/** Annulled in autotutela: the position is closed, written off, with the reason the discharge report reads. */
async function annul(trx: Trx, actor: Actor, claim: Claim, queryId: string, via: QueryVia) {
  await refreshBalances(trx, actor.tenantId, [claim.id]);
  const balance = await trx.selectFrom('claim_balances').select('total_due').where('claim_id', '=', claim.id).executeTakeFirst();
  const writtenOff = balance?.total_due ?? '0.00';
  await trx
    .updateTable('claims')
    .set({ status: 'written_off', closed_on: today().toString(), version: sql`version + 1`, updated_at: sql`now()` })
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', claim.id)
    .execute();
  // Not `claim.written_off`: that event marks a settlement's write-off (saldo e stralcio) for the discharge report.
  await recordAudit(trx, actor, {
    action: 'claim.annulled',
    entityType: 'claim',
    entityId: claim.id,
    debtorId: claim.debtor_id,
    creditorId: claim.creditor_id,
    before: { status: claim.status },
    after: { status: 'written_off', reason: 'annulled_by_creditor', writtenOff, queryId, via },
  });
  await refreshBalances(trx, actor.tenantId, [claim.id]);
  return { writtenOff };
}
