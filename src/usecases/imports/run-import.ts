import fs from 'node:fs';
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { today } from '../../domain/dates.ts';
import type { StoredMessage } from '../../db/schema.ts';
import { AppError, fieldError, invalid, notFound, type FieldError } from '../../domain/errors.ts';
import { detectDecimal, suggestMapping, type ImportField } from '../../domain/import/index.ts';
import { COMPONENT_FIELDS, missingFields } from '../../domain/import/fields.ts';
import { DEFAULT_REFERENCE_PATTERN } from '../../domain/import/reference.ts';
import { DEFAULT_LOCALE, encodeMessage, msg, type Locale, type Message } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { openTable, TableFileError, type OpenedTable, type TableItem, type TableLimits } from '../../integrations/import-files/index.ts';
import { assignMissingNoticeCodes } from '../creditors/notice-codes.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { assertId } from '../shared/scope.ts';
import { batchCommitted, CREDITOR_IMPORT_COLUMNS, creditorContext, ImportRaceLost, openBatch, prepareBatch, writeBatch, zeroCounts, type BatchContext, type BatchCounts, type PreparedBatch } from './apply-batch.ts';
import { materialiseImportFile } from './upload-import.ts';
import { ImportOptions, StartImportInput, type ImportMapping, type ImportSummary } from './schema.ts';
import { renderNote, renderProblem, storeNote } from './stored-messages.ts';

export interface RunImportHooks {
  /** Rows per transaction (default 2000). */
  batchSize?: number;
  today?: string;
  limits?: Partial<TableLimits>;
  /** Called after every committed batch with the job's running totals. */
  onProgress?: (p: BatchCounts & { lastLine: number }) => void;
  /** The language of the returned summary's texts (what is stored stays coded). */
  locale?: Locale;
}

const NAME_FIELDS: ImportField[] = ['debtorName', 'lastName', 'companyName'];

class DryRunRollback extends Error {}

/**
 * Runs an uploaded import job to its end: reads the stored file, maps its columns (explicit mapping,
 * a saved preset, or suggestions from the header names), then applies the rows in batches, each batch
 * one transaction together with the job's counters and resume point (`last_line`). A crash leaves the
 * last committed batch and nothing of the next; running the job again resumes after it, and every
 * claim is identified by creditor + reference, so nothing is ever imported twice. A finished job run
 * again changes nothing. A dry run does the same work in one transaction and rolls it back.
 */
export async function runImport(
  db: Db,
  actor: Actor,
  jobId: string,
  input: StartImportInput = {},
  hooks: RunImportHooks = {},
): Promise<ImportSummary> {
  authorize(actor, 'create', 'import');
  assertId(jobId, 'import');
  const data = parseInput(StartImportInput, input);
  const locale = hooks.locale ?? DEFAULT_LOCALE;
  let q = db.selectFrom('import_jobs').selectAll().where('id', '=', jobId).where('tenant_id', '=', actor.tenantId);
  if (actor.creditorId !== null) q = q.where('creditor_id', '=', actor.creditorId);
  const job = await q.executeTakeFirst();
  if (!job) throw notFound('import');
  if (job.status === 'done' && !data.dryRun) return summaryOf(job, false, 0, locale);

  const creditor = await db
    .selectFrom('creditors')
    .select(['id', 'default_currency', 'default_jurisdiction', 'country', ...CREDITOR_IMPORT_COLUMNS])
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', job.creditor_id)
    .executeTakeFirstOrThrow();
  const options = ImportOptions.parse({
    defaultCurrency: creditor.default_currency,
    defaultCountry: creditor.default_jurisdiction,
    ...(job.options as object),
    ...(data.options ?? {}),
  });

  const { dir, file } = await materialiseImportFile(db, job.id);
  const fail = async (message: Message): Promise<ImportSummary> => {
    const error = encodeMessage(message);
    if (!data.dryRun) {
      await db.updateTable('import_jobs').set({ status: 'failed', error, finished_at: sql`now()`, updated_at: sql`now()` }).where('id', '=', job.id).execute();
    }
    return { ...summaryOf(job, data.dryRun, 0, locale), status: 'failed', error: renderNote(error, locale) };
  };
  try {
    if (!data.dryRun) {
      await db
        .updateTable('import_jobs')
        .set({ status: 'validating', error: null, started_at: sql`coalesce(started_at, now())`, updated_at: sql`now()` })
        .where('id', '=', job.id)
        .execute();
    }
    const open = () => openTable(file, { sheet: options.sheet, limits: hooks.limits });
    let table: OpenedTable;
    try {
      table = await open();
    } catch (err) {
      if (err instanceof TableFileError) return await fail(err.msg);
      throw err;
    }

    // Columns: an explicit mapping, else a saved preset, else the job's own (a resumed run), else suggestions.
    let mapping: ImportMapping | undefined = data.mapping;
    if (!mapping && data.mappingName) {
      const preset = await db
        .selectFrom('import_mappings')
        .select(['mapping', 'options'])
        .where('tenant_id', '=', actor.tenantId)
        .where('creditor_id', '=', job.creditor_id)
        .where('name', '=', data.mappingName)
        .executeTakeFirst();
      if (!preset) throw invalid([fieldError('mappingName', 'import.mapping.no_preset', { name: data.mappingName })]);
      mapping = preset.mapping as ImportMapping;
    }
    mapping ??= (job.mapping as ImportMapping | null) ?? undefined;
    const columns = new Map<ImportField, number>();
    const normal = (h: string) => h.trim().toLowerCase();
    if (mapping) {
      const problems: FieldError[] = [];
      for (const [field, header] of Object.entries(mapping)) {
        if (!header) continue;
        const index = table.headers.findIndex((h) => normal(h) === normal(header));
        if (index < 0) problems.push(fieldError(`mapping.${field}`, 'import.mapping.column_absent', { header }));
        else columns.set(field as ImportField, index);
      }
      if (problems.length) throw invalid(problems, msg('import.mapping.mismatch'));
    } else {
      for (const [field, index] of Object.entries(suggestMapping(table.headers).mapping)) columns.set(field as ImportField, index);
    }
    // Fields without which a row cannot become a claim: a reference (or the columns to build one), an
    // amount (or a comune's components), a due date, a name.
    const referencePattern = options.referencePattern ?? DEFAULT_REFERENCE_PATTERN;
    const missing = missingFields((f) => columns.has(f), referencePattern);
    if (!NAME_FIELDS.some((f) => columns.has(f))) missing.push('debtorName');
    if (missing.length) {
      return await fail(msg('import.required_columns_missing', { fields: missing.join(', '), headers: table.headers.join(' | ') }));
    }
    // No reference column: each row's reference is built from its values (said in the report).
    const buildsReferences = !columns.has('externalRef');
    const jobNotes: StoredMessage[] = buildsReferences ? [storeNote(msg('import.references_built', { pattern: referencePattern }))] : [];
    const namedMapping = Object.fromEntries([...columns].map(([f, i]) => [f, table.headers[i]!]));

    // The decimal sign of the amounts, from the file itself when not given.
    let decimal = options.decimal;
    if (decimal === 'auto') {
      const samples: string[] = [];
      const amountColumns = (['principal', ...COMPONENT_FIELDS] as const).flatMap((f) => (columns.has(f) ? [columns.get(f)!] : []));
      for await (const item of table.items()) {
        if (item.kind === 'row') for (const c of amountColumns) if (item.cells[c]) samples.push(item.cells[c]);
        if (samples.length >= 1000) break;
      }
      decimal = detectDecimal(samples) ?? 'auto';
      table = await open();
    }

    if (data.saveMappingAs && !data.dryRun) {
      await db
        .insertInto('import_mappings')
        .values({
          tenant_id: actor.tenantId,
          creditor_id: job.creditor_id,
          name: data.saveMappingAs,
          mapping: JSON.stringify(namedMapping),
          options: JSON.stringify({ decimal: options.decimal, sheet: options.sheet }),
          created_by: actor.userId,
        })
        .onConflict((oc) => oc.columns(['tenant_id', 'creditor_id', 'name']).doUpdateSet({ mapping: JSON.stringify(namedMapping), updated_at: sql`now()` }))
        .execute();
    }

    const comune = creditorContext(creditor, columns, options.referencePattern);
    const ctx: BatchContext = {
      actor,
      jobId: job.id,
      fileName: job.file_name,
      creditorId: job.creditor_id,
      jurisdiction: creditor.default_jurisdiction as BatchContext['jurisdiction'],
      headers: table.headers,
      columns,
      rowContext: {
        today: hooks.today ?? today().toString(),
        defaultCurrency: options.defaultCurrency,
        defaultCountry: options.defaultCountry,
        decimal,
        ...comune.row,
      },
      seenDebtors: new Set(),
      seenNotices: new Map(),
      taxTerms: comune.taxTerms,
    };
    const describe = {
      format: table.format,
      encoding: table.encoding,
      delimiter: table.delimiter,
      sheet: table.sheet,
      headers: JSON.stringify(table.headers),
      mapping: JSON.stringify(namedMapping),
      options: JSON.stringify({ ...options, decimal }),
    };
    const batchSize = hooks.batchSize ?? 2000;
    const totals = zeroCounts();
    const work = async (conn: Db, dryRun: boolean) => {
      if (!dryRun) {
        await conn.updateTable('import_jobs').set({ ...describe, status: 'importing', updated_at: sql`now()` }).where('id', '=', job.id).execute();
      }
      let batch: TableItem[] = [];
      let next = openBatch(ctx);
      // One batch is written while the next is read and checked: the CPU work runs during the
      // database's, and each batch still commits (or not) whole, in file order. The next batch's rows
      // are checked as they are read, handing the event loop back every few rows while a write is
      // under way, so its next statement leaves as soon as the database answers (a whole batch
      // checked in one go would keep the database waiting for node, one after the other).
      let pending: Promise<void> = Promise.resolve();
      let writing = false;
      let sinceYield = 0;
      const commit = async (items: TableItem[], first: PreparedBatch) => {
        let prepared = first;
        let done: BatchCounts | undefined;
        const apply = async (trx: Db) => {
          done = undefined;
          // The job row is the batch's lock: two runners of one job take turns and skip what is done.
          const current = await trx.selectFrom('import_jobs').select('last_line').where('id', '=', job.id).forUpdate().executeTakeFirstOrThrow();
          if (prepared.lastLine <= current.last_line) return;
          const todo = items[0]!.line > current.last_line ? prepared : prepareBatch(ctx, items.filter((i) => i.line > current.last_line));
          const c = await writeBatch(trx, ctx, todo);
          done = c;
          await trx
            .updateTable('import_jobs')
            .set({
              rows_read: sql`rows_read + ${c.rowsRead}`,
              imported: sql`imported + ${c.imported}`,
              updated: sql`updated + ${c.updated}`,
              unchanged: sql`unchanged + ${c.unchanged}`,
              rejected: sql`rejected + ${c.rejected}`,
              debtors_created: sql`debtors_created + ${c.debtorsCreated}`,
              debtors_matched: sql`debtors_matched + ${c.debtorsMatched}`,
              last_line: prepared.lastLine,
              updated_at: sql`now()`,
            })
            .where('id', '=', job.id)
            .execute();
        };
        if (dryRun) {
          try {
            await apply(conn);
            batchCommitted(ctx); // one transaction for the whole run: what it wrote stays visible to it
          } catch (err) {
            if (raceLost(err)) throw raceMessage(prepared.lastLine);
            throw err;
          }
        } else {
          // A batch that lost a race with another import (the same debtors or claims written at
          // once, or the two waiting on each other) is rolled back and redone on what is there now.
          for (let attempt = 1; ; attempt++) {
            try {
              await conn.transaction().execute(apply);
              batchCommitted(ctx);
              break;
            } catch (err) {
              if (!raceLost(err)) throw err;
              if (attempt >= MAX_BATCH_ATTEMPTS) throw raceMessage(prepared.lastLine);
              await new Promise((r) => setTimeout(r, 20 * attempt + Math.floor(Math.random() * 50)));
              prepared = prepareBatch(ctx, items); // counts start again from zero
            }
          }
        }
        // Counted once the batch is committed (a redone batch is not counted twice).
        if (done) add(totals, done);
        hooks.onProgress?.({ ...totals, lastLine: prepared.lastLine });
      };
      const flush = async () => {
        if (batch.length === 0) return;
        const items = batch;
        batch = [];
        const prepared = next.finish();
        next = openBatch(ctx);
        await pending;
        writing = true;
        pending = commit(items, prepared);
        // Awaited (and rethrown) at the next flush or at the end.
        pending.then(
          () => (writing = false),
          () => (writing = false),
        );
      };
      for await (const item of table.items()) {
        if (item.line <= job.last_line) continue;
        batch.push(item);
        next.add(item);
        if (writing && ++sinceYield >= ROWS_BETWEEN_YIELDS) {
          sinceYield = 0;
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
        if (batch.length >= batchSize) await flush();
      }
      await flush();
      await pending;
    };

    if (data.dryRun) {
      let rejects: NonNullable<ImportSummary['rejects']> = [];
      await db
        .transaction()
        .execute(async (trx) => {
          await work(trx, true);
          // The rows it would reject, read back before everything is rolled back.
          const rows = await trx
            .selectFrom('import_rejects')
            .select(['line', 'cells', 'problems'])
            .where('job_id', '=', job.id)
            .where('line', '>', job.last_line)
            .orderBy('line')
            .limit(DRY_RUN_REJECTS)
            .execute();
          rejects = rows.map((r) => ({ line: r.line, cells: r.cells, problems: r.problems.map((p) => renderProblem(p, locale)) }));
          throw new DryRunRollback();
        })
        .catch((err: unknown) => {
          if (!(err instanceof DryRunRollback)) throw err;
        });
      const warnings = [...jobNotes, ...table.warnings().map(storeNote), ...totals.warnings].map((w) => renderNote(w, locale));
      return { ...summaryFromTotals(job.id, totals, true, 'done'), warnings, rejects };
    }
    await work(db, false);
    const warnings: StoredMessage[] = [...jobNotes, ...table.warnings().map(storeNote), ...totals.warnings];
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('import_jobs')
        .set({ status: 'done', finished_at: sql`now()`, warnings: JSON.stringify(warnings), updated_at: sql`now()` })
        .where('id', '=', job.id)
        .execute();
      // A comune whose notices incasso generates as its partner: the loaded positions get their codes with the job's end.
      const codes = await assignMissingNoticeCodes(trx, actor.tenantId, job.creditor_id);
      if (codes.count > 0) {
        await recordAudit(trx, actor, {
          action: 'creditor.notice_codes_generated',
          entityType: 'creditor',
          entityId: job.creditor_id,
          creditorId: job.creditor_id,
          after: { count: codes.count, first: codes.first, last: codes.last, importId: job.id },
        });
      }
      const done = await trx.selectFrom('import_jobs').selectAll().where('id', '=', job.id).executeTakeFirstOrThrow();
      await recordAudit(trx, actor, {
        action: 'import.completed',
        entityType: 'import',
        entityId: job.id,
        creditorId: job.creditor_id,
        after: { ...summaryOf(done, false, 0, DEFAULT_LOCALE), fileName: job.file_name },
      });
    });
    const done = await db.selectFrom('import_jobs').selectAll().where('id', '=', job.id).executeTakeFirstOrThrow();
    const reviews = await db
      .selectFrom('import_reviews')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('job_id', '=', job.id)
      .executeTakeFirstOrThrow();
    return summaryOf(done, false, Number(reviews.n), locale);
  } catch (err) {
    if (err instanceof AppError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    await fail(msg('import.stopped', { reason: message })).catch(() => undefined);
    throw err;
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

/**
 * Rows checked between two returns to the event loop while a batch is being written (≈ 0.5–1 ms of
 * node's work, a row ≈ 70–100 µs: the longest a database answer waits for node to send the write's
 * next statement; a return costs a few µs).
 */
const ROWS_BETWEEN_YIELDS = 8;

/** How often a batch that lost a race with another import is redone before the job pauses. */
const MAX_BATCH_ATTEMPTS = 8;

/** Rejected rows a dry run lists (all of them are counted). */
const DRY_RUN_REJECTS = 500;

const raceMessage = (line: number) => new AppError('conflict', msg('import.concurrent_import', { line }));

/** A batch's write lost to a concurrent import: our own check, a deadlock, a serialisation failure or a duplicate key. */
function raceLost(err: unknown): boolean {
  if (err instanceof ImportRaceLost) return true;
  const code = (err as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001' || code === '23505';
}

/** Row notes kept on a job: enough to act on, bounded for a file of a million rows. */
const MAX_WARNINGS = 200;

function add(a: BatchCounts, b: BatchCounts): void {
  for (const k of Object.keys(a) as (keyof BatchCounts)[]) {
    if (k === 'warnings') a.warnings.push(...b.warnings.slice(0, Math.max(0, MAX_WARNINGS - a.warnings.length)));
    else a[k] += b[k];
  }
}

function summaryFromTotals(jobId: string, t: BatchCounts, dryRun: boolean, status: ImportSummary['status']): Omit<ImportSummary, 'warnings'> {
  const { warnings: _stored, ...counts } = t;
  return { jobId, dryRun, status, ...counts, error: null };
}

function summaryOf(
  job: {
    id: string;
    status: ImportSummary['status'];
    rows_read: number;
    imported: number;
    updated: number;
    unchanged: number;
    rejected: number;
    debtors_created: number;
    debtors_matched: number;
    warnings: StoredMessage[];
    error: string | null;
  },
  dryRun: boolean,
  reviews: number,
  locale: Locale,
): ImportSummary {
  return {
    jobId: job.id,
    dryRun,
    status: job.status,
    rowsRead: job.rows_read,
    imported: job.imported,
    updated: job.updated,
    unchanged: job.unchanged,
    rejected: job.rejected,
    debtorsCreated: job.debtors_created,
    debtorsMatched: job.debtors_matched,
    reviews,
    warnings: (job.warnings ?? []).map((w) => renderNote(w, locale)),
    error: job.error === null ? null : renderNote(job.error, locale),
  };
}
