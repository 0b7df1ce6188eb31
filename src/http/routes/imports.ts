import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, fieldError, invalid } from '../../domain/errors.ts';
import { LOCALES, msg, type Locale } from '../../domain/messages/index.ts';
import { DEFAULT_LIMITS } from '../../integrations/import-files/index.ts';
import { listSkipTracing, SkipTracingItem, SkipTracingQuery } from '../../usecases/debtors/list-skip-tracing.ts';
import { correctImportReject, CorrectRejectInput } from '../../usecases/imports/correct-reject.ts';
import { exportImportRejects, exportImportReport } from '../../usecases/imports/export-csv.ts';
import { getImportReport, ImportReport, importReportRows, REPORT_LISTS } from '../../usecases/imports/import-report.ts';
import { getImport, listImportRejects, listImports, ListImportsQuery, ListRejectsQuery } from '../../usecases/imports/list-imports.ts';
import { ImportPreview, previewImport } from '../../usecases/imports/preview-import.ts';
import { resolveImportReview, ResolveReviewInput } from '../../usecases/imports/resolve-review.ts';
import { runImport } from '../../usecases/imports/run-import.ts';
import { ImportJobView, ImportRejectView, ImportSummary, StartImportInput } from '../../usecases/imports/schema.ts';
import { RUN_IMPORT_JOB, startImport } from '../../usecases/imports/start-import.ts';
import { uploadImport } from '../../usecases/imports/upload-import.ts';
import { actorOf } from '../auth.ts';
import { requestLocale } from '../errors.ts';
import { errors, IdParams, pageOf } from '../schemas.ts';
import type { RouteDeps } from './deps.ts';

/** The uploaded file's name without its extension, safe in a header: `crediti.csv` → `crediti`. */
const csvName = (name: string) => name.replace(/\.(csv|txt|tsv|xlsx|xlsm|xls)$/i, '').replace(/[^A-Za-z0-9._-]+/g, '_');

/**
 * The language of a download: `?lang=` (a link cannot set Accept-Language, so the web UI names its
 * language there), else the request's (Accept-Language, then the user's stored locale).
 */
const downloadLocale = (req: Parameters<typeof requestLocale>[0], lang: Locale | undefined): Locale => lang ?? requestLocale(req);
const LangQuery = z.object({ lang: z.enum(LOCALES).optional() });

/** Errors of busboy (under @fastify/multipart) and of the request stream when a multipart body ends early or is malformed. */
function isBrokenMultipart(err: unknown): boolean {
  if (err instanceof AppError || !(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ECONNRESET' || code === 'ECONNABORTED') return true;
  return /Unexpected end of (form|multipart data)|Part terminated early|Malformed part header|Multipart: Boundary not found/i.test(err.message);
}

/**
 * Portfolio imports: upload (multipart, streamed to disk, never whole in memory), preview with the
 * suggested column mapping, start (a dry run answers at once; a real import is queued, run by a
 * worker of the job queue, and followed on GET /api/imports/:id), rejected rows (list, CSV, correction), the data-quality
 * report, and the skip-tracing work list.
 */
export const importRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db, jobs }) => {
  const tags = ['imports'];
  app.post(
    '/api/imports',
    {
      schema: {
        tags,
        consumes: ['multipart/form-data'],
        description: 'multipart/form-data: a `creditorId` field, then the `file` part (CSV or XLSX).',
        response: { 201: ImportJobView.extend({ resumed: z.boolean() }), ...errors },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      if (!req.isMultipart()) throw invalid([fieldError('file', 'import.upload.send_multipart')]);
      const fields: Record<string, string> = {};
      try {
        for await (const part of req.parts({ limits: { fileSize: DEFAULT_LIMITS.maxFileBytes, files: 1, fields: 10 } })) {
          if (part.type === 'field') {
            fields[part.fieldname] = String(part.value);
            continue;
          }
          const job = await uploadImport(db, actor, { creditorId: fields.creditorId ?? '', fileName: part.filename || 'import' }, part.file);
          if (part.file.truncated) {
            throw new AppError('validation', msg('import.upload.file_too_large'), [fieldError('file', 'import.upload.file_too_large')]);
          }
          return reply.status(201).send(job);
        }
      } catch (err) {
        // A body cut short (connection dropped, client gave up) is the sender's problem, not a server error.
        if (isBrokenMultipart(err)) throw invalid([fieldError('file', 'import.upload.truncated')], msg('import.upload.truncated'));
        throw err;
      }
      throw invalid([fieldError('file', 'import.upload.no_file')]);
    },
  );
  app.get('/api/imports', { schema: { tags, querystring: ListImportsQuery, response: { 200: pageOf(ImportJobView), ...errors } } }, (req) =>
    listImports(db, actorOf(req), req.query, requestLocale(req)),
  );
  app.get('/api/imports/:id', { schema: { tags, params: IdParams, response: { 200: ImportJobView, ...errors } } }, (req) =>
    getImport(db, actorOf(req), req.params.id, requestLocale(req)),
  );
  app.get(
    '/api/imports/:id/preview',
    { schema: { tags, params: IdParams, querystring: z.object({ sheet: z.string().max(100).optional() }), response: { 200: ImportPreview, ...errors } } },
    (req) => previewImport(db, actorOf(req), req.params.id, { sheet: req.query.sheet, locale: requestLocale(req) }),
  );
  app.post(
    '/api/imports/:id/start',
    { schema: { tags, params: IdParams, body: StartImportInput, response: { 200: ImportSummary, 202: ImportJobView, ...errors } } },
    async (req, reply) => {
      const actor = actorOf(req);
      if (req.body.dryRun) return runImport(db, actor, req.params.id, req.body, { locale: requestLocale(req) });
      // Recorded as queued, then run by a worker (any node); the job's state and counters are the progress to poll.
      const started = await startImport(db, actor, req.params.id, req.body, requestLocale(req));
      if (started.enqueue) {
        // A message that cannot be sent is not the user's problem: the resume job runs a job queued too long.
        await jobs
          .enqueue(RUN_IMPORT_JOB, { importJobId: started.job.id }, { singletonKey: started.job.id })
          .catch((err: unknown) => req.log.error({ err, importJob: started.job.id }, 'import not sent to the job queue'));
      }
      return reply.status(202).send(started.job);
    },
  );
  app.get(
    '/api/imports/:id/rejects',
    { schema: { tags, params: IdParams, querystring: ListRejectsQuery, response: { 200: pageOf(ImportRejectView), ...errors } } },
    (req) => listImportRejects(db, actorOf(req), req.params.id, req.query, requestLocale(req)),
  );
  const CsvFile = z.any().meta({ description: 'text/csv (UTF-8 with BOM, ; separated)' });
  app.get(
    '/api/imports/:id/rejects.csv',
    { schema: { tags, params: IdParams, querystring: LangQuery, response: { 200: CsvFile, ...errors } } },
    async (req, reply) => {
      const job = await getImport(db, actorOf(req), req.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="scarti-${csvName(job.fileName)}.csv"`)
        .send(Readable.from(exportImportRejects(db, actorOf(req), job.id, downloadLocale(req, req.query.lang))));
    },
  );
  app.post(
    '/api/imports/:id/rejects/:line',
    {
      schema: {
        tags,
        params: IdParams.extend({ line: z.coerce.number().int().min(1) }),
        body: CorrectRejectInput,
        response: { 200: ImportRejectView, ...errors },
      },
    },
    (req) => correctImportReject(db, actorOf(req), req.params.id, req.params.line, req.body, requestLocale(req)),
  );
  app.get('/api/imports/:id/report', { schema: { tags, params: IdParams, response: { 200: ImportReport, ...errors } } }, (req) =>
    getImportReport(db, actorOf(req), req.params.id),
  );
  app.get(
    '/api/imports/:id/report/:list',
    {
      schema: {
        tags,
        params: IdParams.extend({ list: z.enum(REPORT_LISTS) }),
        response: { 200: z.array(z.record(z.string(), z.string())), ...errors },
      },
    },
    (req) => importReportRows(db, actorOf(req), req.params.id, req.params.list, undefined, requestLocale(req)),
  );
  app.get(
    '/api/imports/:id/report.csv',
    { schema: { tags, params: IdParams, querystring: LangQuery.extend({ list: z.enum(REPORT_LISTS) }), response: { 200: CsvFile, ...errors } } },
    async (req, reply) => {
      const job = await getImport(db, actorOf(req), req.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${req.query.list}-${csvName(job.fileName)}.csv"`)
        .send(Readable.from(exportImportReport(db, actorOf(req), job.id, req.query.list, downloadLocale(req, req.query.lang))));
    },
  );
  app.post(
    '/api/imports/:id/reviews/:reviewId',
    {
      schema: {
        tags,
        params: IdParams.extend({ reviewId: z.string().max(64) }),
        body: ResolveReviewInput,
        response: { 200: z.object({ id: z.uuid(), status: z.enum(['merged', 'kept_separate']), debtorId: z.uuid() }), ...errors },
      },
    },
    (req) => resolveImportReview(db, actorOf(req), req.params.id, req.params.reviewId, req.body),
  );
  app.get(
    '/api/skip-tracing',
    { schema: { tags: ['debtors'], querystring: SkipTracingQuery, response: { 200: pageOf(SkipTracingItem), ...errors } } },
    (req) => listSkipTracing(db, actorOf(req), req.query),
  );
};
