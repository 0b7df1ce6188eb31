import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportPayments } from '../../usecases/payments/export-payments.ts';
import { getPayment } from '../../usecases/payments/get-payment.ts';
import { listPayments, ListPaymentsQuery } from '../../usecases/payments/list-payments.ts';
import { recordPayment } from '../../usecases/payments/record-payment.ts';
import { ExportPaymentsQuery, PaymentDetail, PaymentPage, RecordPaymentInput, UpdatePaymentInput } from '../../usecases/payments/schema.ts';
import { reversePayment, ReversePaymentInput } from '../../usecases/payments/reverse-payment.ts';
import { updatePayment } from '../../usecases/payments/update-payment.ts';
import { actorOf } from '../auth.ts';
import { requestLocale } from '../errors.ts';
import { errors, IdParams } from '../schemas.ts';
import type { RouteDeps } from './deps.ts';

export const paymentRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db }) => {
  const tags = ['payments'];
  app.get('/api/payments', { schema: { tags, querystring: ListPaymentsQuery, response: { 200: PaymentPage, ...errors } } }, (req) =>
    listPayments(db, actorOf(req), req.query),
  );
  app.get(
    '/api/payments/export.csv',
    { schema: { tags, querystring: ExportPaymentsQuery, response: { 200: z.any().meta({ description: 'text/csv (UTF-8 with BOM, ; separated)' }), ...errors } } },
    async (req, reply) => {
      const lines = exportPayments(db, actorOf(req), req.query, req.query.lang ?? requestLocale(req));
      return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="pagamenti.csv"').send(Readable.from(lines));
    },
  );
  app.post('/api/payments', { schema: { tags, body: RecordPaymentInput, response: { 201: PaymentDetail, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await recordPayment(db, actorOf(req), req.body)),
  );
  app.get('/api/payments/:id', { schema: { tags, params: IdParams, response: { 200: PaymentDetail, ...errors } } }, (req) =>
    getPayment(db, actorOf(req), req.params.id),
  );
  app.patch(
    '/api/payments/:id',
    { schema: { tags, params: IdParams, body: UpdatePaymentInput, response: { 200: PaymentDetail, ...errors } } },
    (req) => updatePayment(db, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/payments/:id/reverse',
    { schema: { tags, params: IdParams, body: ReversePaymentInput, response: { 200: PaymentDetail, ...errors } } },
    (req) => reversePayment(db, actorOf(req), req.params.id, req.body),
  );
};
