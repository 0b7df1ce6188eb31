import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ClaimInterestView, getClaimInterest } from '../../usecases/claims/get-claim-interest.ts';
import { ClaimDetail } from '../../usecases/claims/schema.ts';
import { SetClaimInterestInput, setClaimInterest } from '../../usecases/claims/set-claim-interest.ts';
import { RecordReceiptInput, recordReceipt } from '../../usecases/communications/record-receipt.ts';
import { getInterestInvoiceFile } from '../../usecases/interest-invoices/get-interest-invoice-file.ts';
import { issueInterestInvoice } from '../../usecases/interest-invoices/issue-interest-invoice.ts';
import { listInterestInvoices } from '../../usecases/interest-invoices/list-interest-invoices.ts';
import { InterestInvoiceList, InterestInvoiceView, IssueInterestInvoiceInput } from '../../usecases/interest-invoices/schema.ts';
import { actorOf } from '../auth.ts';
import { requestLocale } from '../errors.ts';
import { errors, IdParams } from '../schemas.ts';
import type { RouteDeps } from './deps.ts';

const Receipt = z.object({ id: z.string(), receivedOn: z.string().nullable(), claimsUpdated: z.number().int() });

/** Interest as its own document (issue 17 item 5): interest invoices, a claim's interest terms (waiver, after notice), a notice's receipt. */
export const interestDocumentRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db }) => {
  const tags = ['interest'];
  app.get('/api/claims/:id/interest-invoices', { schema: { tags, params: IdParams, response: { 200: InterestInvoiceList, ...errors } } }, (req) => listInterestInvoices(db, actorOf(req), req.params.id));
  app.post('/api/claims/:id/interest-invoices', { schema: { tags, params: IdParams, body: IssueInterestInvoiceInput, response: { 201: InterestInvoiceView, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await issueInterestInvoice(db, actorOf(req), req.params.id, req.body)),
  );
  app.get('/api/interest-invoices/:id/file', { schema: { tags, params: IdParams, response: { 200: z.any().meta({ description: 'application/pdf' }), ...errors } } }, async (req, reply) => {
    const f = await getInterestInvoiceFile(db, actorOf(req), req.params.id);
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${f.fileName}"`).header('x-content-sha256', f.sha256).header('cache-control', 'private, no-cache').send(f.content);
  });
  app.get('/api/claims/:id/interest', { schema: { tags, params: IdParams, response: { 200: ClaimInterestView, ...errors } } }, (req) => getClaimInterest(db, actorOf(req), req.params.id));
  app.put('/api/claims/:id/interest', { schema: { tags, params: IdParams, body: SetClaimInterestInput, response: { 200: ClaimDetail, ...errors } } }, (req) =>
    setClaimInterest(db, actorOf(req), req.params.id, req.body, requestLocale(req)),
  );
  app.put('/api/communications/:id/receipt', { schema: { tags, params: IdParams, body: RecordReceiptInput, response: { 200: Receipt, ...errors } } }, (req) => recordReceipt(db, actorOf(req), req.params.id, req.body));
};
