import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { notFound } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { diff, recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { checkVersion, toColumns } from '../shared/present.ts';
import { assertId } from '../shared/scope.ts';
import { fetchPaymentDetail } from './payment-query.ts';
import { UpdatePaymentInput, type PaymentDetail } from './schema.ts';

/**
 * Corrects a payment's description (method, reference, payer, note). Amount, date and allocation are
 * facts of the bank account: a wrong one is reversed and recorded again, never edited in place.
 */
export async function updatePayment(db: Db, actor: Actor, id: string, input: z.input<typeof UpdatePaymentInput>): Promise<PaymentDetail> {
  return db.transaction().execute((trx) => amendPayment(trx, actor, id, input));
}

/** `updatePayment` on a transaction the caller holds. */
export async function amendPayment(trx: Trx, actor: Actor, id: string, input: z.input<typeof UpdatePaymentInput>): Promise<PaymentDetail> {
  const data = parseInput(UpdatePaymentInput, input);
  assertId(id, 'payment');
  let lock = trx.selectFrom('payments').select(['id', 'version']).where('id', '=', id).where('tenant_id', '=', actor.tenantId);
  if (actor.creditorId !== null) lock = lock.where('creditor_id', '=', actor.creditorId);
  const locked = await lock.forUpdate().executeTakeFirst();
  if (!locked) throw notFound('payment');
  authorize(actor, 'update', 'payment');
  checkVersion(locked.version, data.version);
  const before = (await fetchPaymentDetail(trx, actor, id))!;
  const changes = diff(before as unknown as Record<string, unknown>, data as Record<string, unknown>);
  if (!changes) return before;
  await trx
    .updateTable('payments')
    .set({ ...toColumns(changes.after), version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('tenant_id', '=', actor.tenantId)
    .execute();
  await recordAudit(trx, actor, {
    action: 'payment.updated',
    entityType: 'payment',
    entityId: id,
    debtorId: before.debtorId,
    creditorId: before.creditorId,
    ...changes,
  });
  return (await fetchPaymentDetail(trx, actor, id))!;
}
