import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { today } from '../../domain/dates.ts';
import { fieldError, invalid } from '../../domain/errors.ts';
import { OPEN_STATUSES, type ClaimKind, type CreditorKind } from '../../domain/model.ts';
import type { Actor } from '../../domain/policies.ts';
import { assessSettlement, settlementRulesOf } from '../../domain/settlements.ts';
import { balanceOf, loadLedgers } from '../claims/ledger.ts';
import { currentRateBook } from '../interest/rate-book.ts';
import { recordAudit } from '../shared/audit.ts';
import { holdForSettlement } from './hold-for-settlement.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { loadCreditor, loadDebtor } from '../shared/scope.ts';
import { ProposeSettlementInput, type SettlementView } from './schema.ts';
import { fetchSettlement } from './settlement-query.ts';

/**
 * Offers a settlement (saldo e stralcio) on a debtor's open positions with a creditor: what they owe
 * today by the interest engine, the amount and the deadline, checked against the creditor's mandate
 * (domain/settlements.ts). Within an operator's authority it is offered at once; beyond it (or below
 * the creditor's minimum) it waits for a supervisor's approval. Nothing is written off now: only when
 * the settlement is paid (close-settlement.ts).
 */
export async function proposeSettlement(db: Db, actor: Actor, input: z.input<typeof ProposeSettlementInput>, now: { today?: string } = {}): Promise<SettlementView> {
  return db.transaction().execute((trx) => offerSettlement(trx, actor, input, now));
}

/** `proposeSettlement` on a transaction the caller holds. */
export async function offerSettlement(trx: Trx, actor: Actor, input: z.input<typeof ProposeSettlementInput>, now: { today?: string } = {}): Promise<SettlementView> {
  authorize(actor, 'create', 'settlement');
  const data = parseInput(ProposeSettlementInput, input);
  const debtor = await loadDebtor(trx, actor, data.debtorId);
  const creditor = await loadCreditor(trx, actor, data.creditorId);
  const todayIso = now.today ?? today().toString();
  const ids = [...new Set(data.claimIds)];
  const claims = await trx
    .selectFrom('claims')
    .select(['id', 'kind', 'status', 'currency'])
    .where('tenant_id', '=', actor.tenantId)
    .where('debtor_id', '=', debtor.id)
    .where('creditor_id', '=', creditor.id)
    .where('id', 'in', ids)
    .orderBy('id')
    .forUpdate()
    .execute();
  const currencies = new Set(claims.map((c) => c.currency));
  if (claims.length !== ids.length || currencies.size !== 1 || claims.some((c) => !OPEN_STATUSES.includes(c.status as never))) {
    throw invalid([fieldError('claimIds', 'settlement.positions')]);
  }
  // What they owe today, by the engine on each claim's ledger (the figures a balance is stored from).
  const book = await currentRateBook(trx);
  const ledgers = await loadLedgers(trx, actor, ids);
  const owed = ids.map((id) => balanceOf(book, ledgers.get(id)!, todayIso));
  const rules = settlementRulesOf(creditor.settlement_rules);
  const a = assessSettlement(
    {
      amount: data.amount,
      today: todayIso,
      deadline: data.deadline,
      owed,
      creditorKind: creditor.kind as CreditorKind,
      claimKinds: claims.map((c) => c.kind as ClaimKind),
    },
    rules,
  );
  if (!a.ok) throw invalid([fieldError(a.problem.field, a.problem.code, a.problem.params)]);
  const row = await trx
    .insertInto('settlements')
    .values({
      tenant_id: actor.tenantId,
      creditor_id: creditor.id,
      debtor_id: debtor.id,
      claim_ids: ids,
      currency: [...currencies][0]!,
      owed: a.owed,
      amount: data.amount,
      offered_on: todayIso,
      deadline: data.deadline,
      state: a.approvals.length ? 'awaiting_approval' : 'offered',
      approvals: a.approvals,
      note: data.note ?? null,
      proposed_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // Offered at once: dunning waits for the answer until the deadline.
  if (!a.approvals.length) await holdForSettlement(trx, actor, ids, data.deadline, todayIso);
  const view = (await fetchSettlement(trx, actor, row.id))!;
  await recordAudit(trx, actor, {
    action: 'settlement.proposed',
    entityType: 'debtor',
    entityId: debtor.id,
    debtorId: debtor.id,
    creditorId: creditor.id,
    after: { settlementId: view.id, ...view, rules },
  });
  return view;
}
