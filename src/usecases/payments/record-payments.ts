import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { AppError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { bookPayment } from './record-payment.ts';
import type { PaymentDetail, RecordPaymentInput } from './schema.ts';

/**
 * Books the payments of one bank statement together: all of them or none. Each is booked exactly as
 * `recordPayment` books one (same checks, allocation, balances, audit), on one transaction; a refused
 * payment names its place in the list (`payments.N.field`) and nothing of the statement is kept.
 */
export async function recordPayments(db: Db, actor: Actor, inputs: readonly z.input<typeof RecordPaymentInput>[], now: { today?: string } = {}): Promise<PaymentDetail[]> {
  return db.transaction().execute((trx) => bookPayments(trx, actor, inputs, now));
}

/** `recordPayments` on a transaction the caller holds. */
export async function bookPayments(trx: Trx, actor: Actor, inputs: readonly z.input<typeof RecordPaymentInput>[], now: { today?: string } = {}): Promise<PaymentDetail[]> {
  const booked: PaymentDetail[] = [];
  for (const [i, input] of inputs.entries()) {
    try {
      booked.push(await bookPayment(trx, actor, input, now));
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const fields = err.fields.length ? err.fields : [{ path: '', message: err.message, messageCode: err.msg.code, params: err.msg.params }];
      throw new AppError(
        err.code,
        err.msg,
        fields.map((f) => ({ ...f, path: f.path ? `payments.${i}.${f.path}` : `payments.${i}` })),
      );
    }
  }
  return booked;
}
