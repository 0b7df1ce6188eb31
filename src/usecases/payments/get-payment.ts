import type { Db } from '../../db/connect.ts';
import { notFound } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { assertId } from '../shared/scope.ts';
import { fetchPaymentDetail } from './payment-query.ts';
import type { PaymentDetail } from './schema.ts';

export async function getPayment(db: Db, actor: Actor, id: string): Promise<PaymentDetail> {
  authorize(actor, 'read', 'payment');
  assertId(id, 'payment');
  const payment = await fetchPaymentDetail(db, actor, id);
  if (!payment) throw notFound('payment');
  return payment;
}
