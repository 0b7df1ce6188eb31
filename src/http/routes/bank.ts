import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fieldError, invalid } from '../../domain/errors.ts';
import { assignBankEntry } from '../../usecases/bank/assign-bank-entry.ts';
import { ignoreBankEntry } from '../../usecases/bank/ignore-bank-entry.ts';
import { getBankFile } from '../../usecases/bank/get-bank-file.ts';
import { listBankEntries } from '../../usecases/bank/list-bank-entries.ts';
import { listBankFiles } from '../../usecases/bank/list-bank-files.ts';
import { RUN_BANK_FILE_JOB, uploadBankFile } from '../../usecases/bank/upload-bank-file.ts';
import { listBankCsvMappings, saveBankCsvMapping } from '../../usecases/bank/save-bank-csv-mapping.ts';
import { AssignBankEntryInput, BankCsvMappingView, BankFileDetail, BankEntriesQuery, BankEntryView, BankFileView, IgnoreBankEntryInput, SaveBankCsvMappingInput } from '../../usecases/bank/schema.ts';
import { PaymentDetail } from '../../usecases/payments/schema.ts';
import { actorOf } from '../auth.ts';
import { requestLocale } from '../errors.ts';
import { errors, IdParams, pageOf } from '../schemas.ts';
import type { RouteDeps } from './deps.ts';

/** The largest bank file taken over HTTP (a statement of ~100,000 entries); bigger ones: `incasso bank import`. */
const MAX_BANK_FILE = 200 * 1024 * 1024;

/** Bank files (camt.053/054, pagoPA flows and receipts) and the reconciliation list. */
export const bankRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db, jobs }) => {
  const tags = ['bank'];
  app.post(
    '/api/bank/files',
    {
      schema: {
        tags,
        consumes: ['multipart/form-data'],
        description:
          'multipart/form-data: the `file` part (camt.053 / camt.054 XML, a pagoPA reconciliation flow, a CSV of pagoPA receipts; recognised by content). `mapping`: a bank CSV export read with the saved mapping of that name. The file is stored and answered at once (202, queued); a job places its entries: poll GET /api/bank/files/{id} for its state and counts.',
        querystring: z.strictObject({ mapping: z.string().trim().min(1).max(60).optional() }),
        response: { 202: BankFileDetail, ...errors },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      if (!req.isMultipart()) throw invalid([fieldError('file', 'import.upload.send_multipart')]);
      for await (const part of req.parts({ limits: { fileSize: MAX_BANK_FILE, files: 1, fields: 5 } })) {
        if (part.type !== 'file') continue;
        const file = await uploadBankFile(db, actor, { fileName: part.filename || 'estratto.xml', mapping: req.query.mapping ?? null }, part.file, { maxBytes: MAX_BANK_FILE, locale: requestLocale(req) });
        // A message that cannot be sent is not the user's problem: the resume job runs a file queued too long.
        await jobs
          .enqueue(RUN_BANK_FILE_JOB, { bankFileId: file.id }, { singletonKey: file.id })
          .catch((err: unknown) => req.log.error({ err, bankFile: file.id }, 'bank file not sent to the job queue'));
        return reply.status(202).send(file);
      }
      throw invalid([fieldError('file', 'import.upload.no_file')]);
    },
  );
  app.get('/api/bank/files', { schema: { tags, response: { 200: z.array(BankFileView), ...errors } } }, (req) => listBankFiles(db, actorOf(req), requestLocale(req)));
  app.get('/api/bank/files/:id', { schema: { tags, params: IdParams, response: { 200: BankFileDetail, ...errors } } }, (req) => getBankFile(db, actorOf(req), req.params.id, requestLocale(req)));
  app.get('/api/bank/entries', { schema: { tags, querystring: BankEntriesQuery, response: { 200: pageOf(BankEntryView), ...errors } } }, (req) =>
    listBankEntries(db, actorOf(req), req.query, requestLocale(req)),
  );
  app.post('/api/bank/entries/:id/assign', { schema: { tags, params: IdParams, body: AssignBankEntryInput, response: { 200: z.object({ payments: z.array(PaymentDetail) }), ...errors } } }, (req) =>
    assignBankEntry(db, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/bank/entries/:id/ignore',
    { schema: { tags, params: IdParams, body: IgnoreBankEntryInput, response: { 200: z.object({ id: z.uuid(), state: z.literal('ignored') }), ...errors } } },
    (req) => ignoreBankEntry(db, actorOf(req), req.params.id, req.body),
  );
  app.get('/api/bank/csv-mappings', { schema: { tags, response: { 200: z.array(BankCsvMappingView), ...errors } } }, (req) => listBankCsvMappings(db, actorOf(req)));
  app.post('/api/bank/csv-mappings', { schema: { tags, body: SaveBankCsvMappingInput, response: { 200: BankCsvMappingView, ...errors } } }, (req) => saveBankCsvMapping(db, actorOf(req), req.body));
};
