import type { Trx } from '../../db/connect.ts';
import { systemActor, type Actor } from '../../domain/policies.ts';
import { reversePaymentTrx } from '../payments/reverse-payment.ts';
import type { BankLine } from './place-bank-entry.ts';

/** End-to-end ids that name nothing (ISO 20022: the payer gave none). */
export const NO_E2E = new Set(['NOTPROVIDED', 'NOT PROVIDED']);

/**
 * A debit that returns money we booked (issue 15 items 4 and 6): a returned direct debit (R-transaction,
 * RtrInf/Rsn) or a reversed credit (RvslInd). When it can be tied to exactly one payment we recorded
 * and that still counts — the credit we matched with the same end-to-end id, else a payment carrying
 * one of its structured references — for the same amount and currency, that payment is reversed
 * (`reversePaymentTrx`: allocations undone, later payments re-split, plans, promises and settlements
 * brought along) in the entry's transaction, so the entry and the reversal are recorded together or
 * not at all. The bank's return is a fact, not a person's decision: the reversal is the system's,
 * its reason the return code, file and place. The entry is recorded first (its unique key: a second
 * reading reverses nothing). Returns the outcome, or null when nothing ties it (then a person looks:
 * the reconciliation list).
 */
export async function reverseReturnedPayment(
  trx: Trx,
  actor: Actor,
  w: { fileName: string; line: BankLine; today: string },
  /** Records the entry as matched to the payment (null: another import recorded it first). */
  place: (paymentId: string) => Promise<string | null>,
): Promise<'matched' | 'already' | null> {
  const line = w.line;
  if (line.direction !== 'debit' || !(line.reversal || line.returnReason)) return null;
  const paymentId = (await byEndToEnd(trx, actor.tenantId, line)) ?? (await byReference(trx, actor.tenantId, line));
  if (!paymentId) return null;
  const payment = await trx.selectFrom('payments').select('value_date').where('tenant_id', '=', actor.tenantId).where('id', '=', paymentId).executeTakeFirstOrThrow();
  // The day of the return, if it can be one (not before the payment, not in the future).
  const day = line.valueDate ?? line.bookingDate ?? w.today;
  const on = day >= payment.value_date && day <= w.today ? day : w.today >= payment.value_date ? w.today : payment.value_date;
  const reason = [line.returnReason ?? 'RvslInd', w.fileName, line.source].join(' · ').slice(0, 500);
  const entryId = await place(paymentId);
  if (!entryId) return 'already';
  const reversed = await reversePaymentTrx(trx, systemActor(actor.tenantId, 'bank-return'), paymentId, { reason, on });
  const claimIds = [...new Set(reversed.allocations.map((a) => a.claimId))];
  await trx.updateTable('bank_entries').set({ claim_ids: claimIds }).where('tenant_id', '=', actor.tenantId).where('id', '=', entryId).execute();
  return 'matched';
}

/** The one credit we matched and booked with the same end-to-end id, for the same money, still counting. */
async function byEndToEnd(trx: Trx, tenantId: string, line: BankLine): Promise<string | null> {
  const e2e = line.endToEndId?.trim();
  if (!e2e || NO_E2E.has(e2e.toUpperCase())) return null;
  const rows = await trx
    .selectFrom('bank_entries as e')
    .innerJoin('payments as p', (j) => j.onRef('p.id', '=', 'e.payment_id').onRef('p.tenant_id', '=', 'e.tenant_id'))
    .select('p.id')
    .distinct()
    .where('e.tenant_id', '=', tenantId)
    .where('e.direction', '=', 'credit')
    .where('e.end_to_end_id', '=', e2e.slice(0, 100))
    .where('p.reversed_at', 'is', null)
    .where('p.amount', '=', line.amount)
    .where('p.currency', '=', line.currency as 'EUR' | 'CHF')
    .limit(2)
    .execute();
  return rows.length === 1 ? rows[0]!.id : null;
}

/** The one payment booked with one of the line's structured references, for the same money, still counting. */
async function byReference(trx: Trx, tenantId: string, line: BankLine): Promise<string | null> {
  const refs = line.references.map((r) => r.slice(0, 140)).filter(Boolean);
  if (!refs.length) return null;
  const rows = await trx
    .selectFrom('payments')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('reference', 'in', refs)
    .where('reversed_at', 'is', null)
    .where('amount', '=', line.amount)
    .where('currency', '=', line.currency as 'EUR' | 'CHF')
    .limit(2)
    .execute();
  return rows.length === 1 ? rows[0]!.id : null;
}
