import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { AppError, conflict, fieldError, invalid, notFound } from '../../domain/errors.ts';
import { amountParam, msg } from '../../domain/messages/index.ts';
import { money, sumMoney } from '../../domain/money.ts';
import type { Actor } from '../../domain/policies.ts';
import { today } from '../../domain/dates.ts';
import { bookPayment } from '../payments/record-payment.ts';
import type { PaymentDetail } from '../payments/schema.ts';
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
 * engine as any payment; or the person splits it into parts (a transfer that pays for two taxpayers
 * of a family, or two creditors' positions), each its own payment, the parts making exactly the
 * entry's amount — no cent left over or invented. The entry is marked matched by a person, in the
 * same transaction with its payments and audit event. An entry already matched or ignored is not
 * matched again (409).
 */
export async function placeBankEntry(trx: Trx, actor: Actor, entryId: string, input: z.input<typeof AssignBankEntryInput>, now: { today?: string } = {}): Promise<{ payments: PaymentDetail[] }> {
  authorize(actor, 'create', 'payment');
  const data = parseInput(AssignBankEntryInput, input);
  const entry = await trx.selectFrom('bank_entries').selectAll().where('tenant_id', '=', actor.tenantId).where('id', '=', entryId).forUpdate().executeTakeFirst();
  if (!entry) throw notFound('bank_entry');
  if (entry.state !== 'to_reconcile') throw conflict(msg('bank.entry_resolved'));
  if (entry.direction !== 'credit') throw conflict(msg('bank.entry_not_credit'));
  const amount = money(entry.amount);
  const parts = 'parts' in data ? data.parts : [{ ...data, amount: amount.toFixed(2) }];
  const sum = sumMoney(parts.map((p) => p.amount));
  if (!sum.eq(amount)) throw invalid([fieldError('parts', 'bank.split_sum', { sum: amountParam(sum.toFixed(2)), amount: amountParam(amount.toFixed(2)) })]);
  const payments: PaymentDetail[] = [];
  for (const [i, part] of parts.entries()) {
    const booked = await bookPayment(
      trx,
      actor,
      {
        debtorId: part.debtorId,
        creditorId: part.creditorId,
        amount: part.amount,
        currency: entry.currency as 'EUR' | 'CHF',
        valueDate: entry.value_date ?? entry.booking_date ?? today().toString(),
        method: 'bank_transfer',
        reference: (entry.refs[0] ?? entry.end_to_end_id)?.slice(0, 140) ?? null,
        payerName: entry.party_name,
        note: entry.remittance?.slice(0, 2000) ?? null,
        ...(part.claimIds ? { claimIds: part.claimIds } : {}),
      },
      now,
    ).catch((err: unknown) => {
      // A refused part names its place: parts.1.claimIds.
      if (!(err instanceof AppError) || !('parts' in data)) throw err;
      throw new AppError(err.code, err.msg, (err.fields.length ? err.fields : [{ path: '', message: err.message, messageCode: err.msg.code, params: err.msg.params }]).map((f) => ({ ...f, path: f.path ? `parts.${i}.${f.path}` : `parts.${i}` })));
    });
    payments.push(booked);
  }
  const claimIds = [...new Set(parts.flatMap((p) => p.claimIds ?? []))];
  await trx
    .updateTable('bank_entries')
    .set({ state: 'matched', matched_by: 'person', payment_id: payments[0]!.id, payment_ids: payments.map((p) => p.id), claim_ids: claimIds, resolved_by: actor.userId, resolved_at: sql`now()` })
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', entryId)
    .execute();
  await recordAudit(trx, actor, {
    action: 'bank_entry.assigned',
    entityType: 'bank_entry',
    entityId: entryId,
    debtorId: parts[0]!.debtorId,
    creditorId: parts[0]!.creditorId,
    before: { state: entry.state },
    after: {
      state: 'matched',
      amount: entry.amount,
      parts: parts.map((p, i) => ({ debtorId: p.debtorId, creditorId: p.creditorId, claimIds: p.claimIds ?? null, amount: p.amount, paymentId: payments[i]!.id })),
    },
  });
  return { payments };
}
