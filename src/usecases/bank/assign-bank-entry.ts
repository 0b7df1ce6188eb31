import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { conflict, notFound } from '../../domain/errors.ts';
import { msg } from '../../domain/messages/index.ts';
import { money } from '../../domain/money.ts';
import type { Actor } from '../../domain/policies.ts';
import { today } from '../../domain/dates.ts';
import { bookPayment } from '../payments/record-payment.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { AssignBankEntryInput } from './schema.ts';

export async function assignBankEntry(db: Db, actor: Actor, entryId: string, input: z.input<typeof AssignBankEntryInput>, now: { today?: string } = {}) {
  return db.transaction().execute((trx) => placeBankEntry(trx, actor, entryId, input, now));
}

/**
 * A person matches a waiting bank entry (issue 15 item 4): the credit becomes a payment of the debtor
 * to the creditor — on the claims named, or by the law's order (art. 1193 c.c.) — allocated by the
 * engine as any payment; the entry is marked matched by a person, in the same transaction with its
 * audit event. An entry already matched or ignored is not matched again (409).
 */
export async function placeBankEntry(trx: Trx, actor: Actor, entryId: string, input: z.input<typeof AssignBankEntryInput>, now: { today?: string } = {}) {
  authorize(actor, 'create', 'payment');
  const data = parseInput(AssignBankEntryInput, input);
  const entry = await trx.selectFrom('bank_entries').selectAll().where('tenant_id', '=', actor.tenantId).where('id', '=', entryId).forUpdate().executeTakeFirst();
  if (!entry) throw notFound('bank_entry');
  if (entry.state !== 'to_reconcile') throw conflict(msg('bank.entry_resolved'));
  if (entry.direction !== 'credit') throw conflict(msg('bank.entry_not_credit'));
  const payment = await bookPayment(
    trx,
    actor,
    {
      debtorId: data.debtorId,
      creditorId: data.creditorId,
      amount: money(entry.amount).toFixed(2),
      currency: entry.currency as 'EUR' | 'CHF',
      valueDate: entry.value_date ?? entry.booking_date ?? today().toString(),
      method: 'bank_transfer',
      reference: (entry.refs[0] ?? entry.end_to_end_id)?.slice(0, 140) ?? null,
      payerName: entry.party_name,
      note: entry.remittance?.slice(0, 2000) ?? null,
      ...(data.claimIds ? { claimIds: data.claimIds } : {}),
    },
    now,
  );
  await trx
    .updateTable('bank_entries')
    .set({ state: 'matched', matched_by: 'person', payment_id: payment.id, claim_ids: data.claimIds ?? [], resolved_by: actor.userId, resolved_at: sql`now()` })
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', entryId)
    .execute();
  await recordAudit(trx, actor, {
    action: 'bank_entry.assigned',
    entityType: 'bank_entry',
    entityId: entryId,
    debtorId: data.debtorId,
    creditorId: data.creditorId,
    before: { state: entry.state },
    after: { state: 'matched', paymentId: payment.id, claimIds: data.claimIds ?? null, amount: entry.amount },
  });
  return payment;
}
