import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { today } from '../../domain/dates.ts';
import { conflict, notFound } from '../../domain/errors.ts';
import { amountParam, dateParam, msg } from '../../domain/messages/index.ts';
import { money, toMoneyString } from '../../domain/money.ts';
import type { Actor } from '../../domain/policies.ts';
import { refreshBalances } from '../claims/balances.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { assertId } from '../shared/scope.ts';
import { CloseSettlementInput, type SettlementView } from './schema.ts';
import { fetchSettlement } from './settlement-query.ts';

/**
 * Closes an offered settlement as of `on` (default today). Paid — the payments on its positions with
 * a value date from the offer to the deadline (payments not reversed, their allocations to those
 * claims) reach the amount — the remainder each position still owes is written off: the claim becomes
 * `written_off` with the settlement, the amount given up and who agreed it in its audit trail. Not paid
 * after the deadline: it expires, nothing is given up. Not paid before it: refused (409), still open.
 */
export async function closeSettlement(db: Db, actor: Actor, id: string, input: z.input<typeof CloseSettlementInput> = {}): Promise<SettlementView> {
  return db.transaction().execute((trx) => concludeSettlement(trx, actor, id, input));
}

/** `closeSettlement` on a transaction the caller holds (the daily `close-settlements` job). */
export async function concludeSettlement(trx: Trx, actor: Actor, id: string, input: z.input<typeof CloseSettlementInput> = {}): Promise<SettlementView> {
  authorize(actor, 'create', 'settlement');
  const data = parseInput(CloseSettlementInput, input);
  assertId(id, 'settlement');
  const s = await fetchSettlement(trx, actor, id, { forUpdate: true });
  if (!s) throw notFound('settlement');
  if (s.state !== 'offered') throw conflict(msg('settlement.not_open', { state: s.state }));
  const on = data.on ?? today().toString();
  const claims = await trx
    .selectFrom('claims')
    .select(['id', 'status'])
    .where('tenant_id', '=', actor.tenantId)
    .where('id', 'in', s.claimIds)
    .orderBy('id')
    .forUpdate()
    .execute();
  const paid = await trx
    .selectFrom('payment_allocations as a')
    .innerJoin('payments as y', (j) => j.onRef('y.id', '=', 'a.payment_id').onRef('y.tenant_id', '=', 'a.tenant_id'))
    .select([sql<string>`coalesce(sum(a.amount), 0)::text`.as('paid'), sql<string | null>`max(y.value_date)::text`.as('last')])
    .where('a.tenant_id', '=', actor.tenantId)
    .where('a.claim_id', 'in', s.claimIds)
    .where('y.value_date', '>=', s.offeredOn)
    .where('y.value_date', '<=', s.deadline)
    .where('y.reversed_at', 'is', null)
    .executeTakeFirstOrThrow();
  const enough = money(paid.paid).gte(s.amount);
  if (!enough && on <= s.deadline) {
    throw conflict(msg('settlement.not_yet_paid', { paid: amountParam(toMoneyString(money(paid.paid))), amount: amountParam(s.amount), deadline: dateParam(s.deadline) }));
  }
  const state = enough ? 'paid' : 'expired';
  await trx
    .updateTable('settlements')
    .set((eb) => ({ state, paid_on: enough ? paid.last : null, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', id)
    .execute();
  const writtenOff: { claimId: string; amount: string }[] = [];
  if (enough) {
    // What each position still owes on the day it was paid is given up (the stored balance, by the engine).
    await refreshBalances(trx, actor.tenantId, s.claimIds, paid.last!);
    const balances = await trx.selectFrom('claim_balances').select(['claim_id', 'total_due']).where('claim_id', 'in', s.claimIds).execute();
    for (const c of claims) {
      if (c.status === 'paid') continue;
      const remainder = balances.find((b) => b.claim_id === c.id)?.total_due ?? '0';
      await trx
        .updateTable('claims')
        .set({ status: 'written_off', closed_on: paid.last, version: sql`version + 1`, updated_at: sql`now()` })
        .where('tenant_id', '=', actor.tenantId)
        .where('id', '=', c.id)
        .execute();
      writtenOff.push({ claimId: c.id, amount: remainder });
      await recordAudit(trx, actor, {
        action: 'claim.written_off',
        entityType: 'claim',
        entityId: c.id,
        debtorId: s.debtorId,
        creditorId: s.creditorId,
        before: { status: c.status },
        after: { status: 'written_off', settlementId: id, writtenOff: remainder, approvedBy: s.approvedBy },
      });
    }
    await refreshBalances(trx, actor.tenantId, s.claimIds);
  }
  await recordAudit(trx, actor, {
    action: enough ? 'settlement.paid' : 'settlement.expired',
    entityType: 'debtor',
    entityId: s.debtorId,
    debtorId: s.debtorId,
    creditorId: s.creditorId,
    before: { settlementId: id, state: s.state },
    after: { settlementId: id, state, paid: paid.paid, amount: s.amount, writtenOff },
  });
  return (await fetchSettlement(trx, actor, id))!;
}
