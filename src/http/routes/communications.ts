import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createPrintBatch } from '../../usecases/communications/create-print-batch.ts';
import { getCommunicationDocument } from '../../usecases/communications/get-communication-document.ts';
import { getMailboxMessage } from '../../usecases/communications/get-mailbox-message.ts';
import { getPrintBatchFile } from '../../usecases/communications/get-print-batch-file.ts';
import { listDebtorCommunications } from '../../usecases/communications/list-debtor-communications.ts';
import { listMailbox } from '../../usecases/communications/list-mailbox.ts';
import { listPhoneTasks } from '../../usecases/communications/list-phone-tasks.ts';
import { listPrintBatches } from '../../usecases/communications/list-print-batches.ts';
import { listPrintQueue } from '../../usecases/communications/list-print-queue.ts';
import { recordPhoneContact } from '../../usecases/communications/record-phone-contact.ts';
import {
  CommunicationView,
  CreatePrintBatchInput,
  ListDebtorCommunicationsQuery,
  ListMailboxQuery,
  ListPhoneTasksQuery,
  ListPrintBatchesQuery,
  ListPrintQueueQuery,
  MailboxItem,
  MailboxMessage,
  PhoneContactView,
  PhoneTasksView,
  PrintBatchView,
  PrintQueueItem,
  RecordPhoneContactInput,
  type StoredFile,
} from '../../usecases/communications/schema.ts';
import { actorOf } from '../auth.ts';
import { ErrorResponse, errors, IdParams, pageOf } from '../schemas.ts';
import type { RouteDeps } from './deps.ts';
import { dateParam, encodeMessage, msg, translate } from '../../domain/messages/index.ts';
import { requestLocale } from '../errors.ts';

/** A stored file, byte for byte, as a download carrying the SHA-256 recorded when it was made. */
function sendFile(reply: FastifyReply, file: StoredFile) {
  return reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .header('x-content-sha256', file.sha256)
    .header('cache-control', 'private, no-cache')
    .send(file.bytes);
}

const download = (type: string) => z.any().meta({ description: `${type}, byte-identical to the stored file; X-Content-SHA256 carries its SHA-256` });

export const communicationRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db }) => {
  const tags = ['communications'];
  app.get(
    '/api/debtors/:id/communications',
    { schema: { tags, params: IdParams, querystring: ListDebtorCommunicationsQuery, response: { 200: pageOf(CommunicationView), ...errors } } },
    (req) => listDebtorCommunications(db, actorOf(req), req.params.id, req.query, requestLocale(req)),
  );
  app.get(
    '/api/communications/:id/document',
    { schema: { tags, params: IdParams, response: { 200: download('application/pdf, text/html or text/plain'), ...errors } } },
    async (req, reply) => sendFile(reply, await getCommunicationDocument(db, actorOf(req), req.params.id)),
  );

  // The local mailbox: e-mails "sent" while no SMTP server is configured.
  app.get('/api/mailbox', { schema: { tags, querystring: ListMailboxQuery, response: { 200: pageOf(MailboxItem), ...errors } } }, (req) =>
    listMailbox(db, actorOf(req), req.query),
  );
  app.get('/api/mailbox/:id', { schema: { tags, params: IdParams, response: { 200: MailboxMessage, ...errors } } }, (req) =>
    getMailboxMessage(db, actorOf(req), req.params.id),
  );

  // Phone tasks: decided with the server's clock, in Europe/Rome.
  app.get('/api/phone-tasks', { schema: { tags, querystring: ListPhoneTasksQuery, response: { 200: PhoneTasksView, ...errors } } }, (req) =>
    listPhoneTasks(db, actorOf(req), req.query, new Date(), requestLocale(req)),
  );
  app.post(
    '/api/phone-tasks/:id/contacts',
    {
      schema: {
        tags,
        params: IdParams,
        body: RecordPhoneContactInput,
        response: { 201: PhoneContactView, ...errors, 422: ErrorResponse.meta({ description: 'The call is not permitted now (the refused attempt is logged)' }) },
      },
    },
    async (req, reply) => {
      const result = await recordPhoneContact(db, actorOf(req), req.params.id, req.body, new Date());
      // Refused: the use case committed the refused attempt to the contact log; the answer says why
      // (the rule's code as the field path, e.g. "outside_window") and when a call is next permitted.
      if (!result.recorded) {
        const locale = requestLocale(req);
        const { message: reason, code, nextSlot } = result.refusal;
        const message = nextSlot ? msg('dunning.call_refused_next', { reason: encodeMessage(reason), date: dateParam(nextSlot.date), time: nextSlot.time }) : reason;
        return reply.status(422).send({
          error: {
            code: 'contact_refused',
            message: translate(message, locale),
            messageCode: message.code,
            params: message.params ?? {},
            fields: [{ path: code, message: translate(reason, locale), messageCode: reason.code, params: reason.params ?? {} }],
          },
        });
      }
      const { recorded: _recorded, ...view } = result;
      return reply.status(201).send(view);
    },
  );

  // Letters for print: the queue, batches, their files.
  app.get('/api/print-queue', { schema: { tags, querystring: ListPrintQueueQuery, response: { 200: pageOf(PrintQueueItem), ...errors } } }, (req) =>
    listPrintQueue(db, actorOf(req), req.query),
  );
  app.post('/api/print-batches', { schema: { tags, body: CreatePrintBatchInput, response: { 201: PrintBatchView, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await createPrintBatch(db, actorOf(req), req.body)),
  );
  app.get('/api/print-batches', { schema: { tags, querystring: ListPrintBatchesQuery, response: { 200: pageOf(PrintBatchView), ...errors } } }, (req) =>
    listPrintBatches(db, actorOf(req), req.query),
  );
  app.get(
    '/api/print-batches/:id/pdf',
    { schema: { tags, params: IdParams, response: { 200: download('application/pdf'), ...errors } } },
    async (req, reply) => sendFile(reply, await getPrintBatchFile(db, actorOf(req), req.params.id, 'pdf')),
  );
  app.get(
    '/api/print-batches/:id/manifest',
    { schema: { tags, params: IdParams, response: { 200: download('text/csv'), ...errors } } },
    async (req, reply) => sendFile(reply, await getPrintBatchFile(db, actorOf(req), req.params.id, 'manifest')),
  );
};
