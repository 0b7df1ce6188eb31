import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { today } from '../../domain/dates.ts';
import { conflict, fieldError, invalid, notFound } from '../../domain/errors.ts';
import { validateRow, type ImportField } from '../../domain/import/index.ts';
import { DEFAULT_LOCALE, msg, type Locale, type Message } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { applyBatch, CREDITOR_IMPORT_COLUMNS, creditorContext, type BatchContext } from './apply-batch.ts';
import { getImport } from './list-imports.ts';
import { ImportOptions, type ImportRejectView } from './schema.ts';
import { renderProblem, storedMessage, storeProblem } from './stored-messages.ts';

/** A reason as a form's field error (rendered in the reader's language by the error layer). */
const fieldOf = (path: string, m: Message) => fieldError(path, m.code, m.params);

/** header → corrected cell text; headers not given keep the value read from the file. */
export const CorrectRejectInput = z.object({ cells: z.record(z.string().max(200), z.string().max(10_000)) }).strict();

/**
 * Imports a rejected row again after a person corrected its cells: checked by the same rules as the
 * file, applied the same way (same matching, same claim identity), counted on the job. A row still
 * wrong answers its problems per column and stays on the list.
 */
export async function correctImportReject(
  db: Db,
  actor: Actor,
  jobId: string,
  line: number,
  input: z.input<typeof CorrectRejectInput>,
  locale: Locale = DEFAULT_LOCALE,
): Promise<ImportRejectView> {
  authorize(actor, 'create', 'import');
  const data = parseInput(CorrectRejectInput, input);
  const job = await getImport(db, actor, jobId);
  if (!job.headers || !job.mapping) throw conflict(msg('import.not_started'));
  const headers = job.headers;
  const columns = new Map<ImportField, number>();
  for (const [field, header] of Object.entries(job.mapping)) {
    const i = headers.indexOf(header);
    if (i >= 0) columns.set(field as ImportField, i);
  }
  const options = ImportOptions.parse(job.options);
  const creditor = await db
    .selectFrom('creditors')
    .select(['default_jurisdiction', ...CREDITOR_IMPORT_COLUMNS])
    .where('id', '=', job.creditorId)
    .executeTakeFirstOrThrow();
  // The same rules as the file's rows: the comune's codes and account, the references built the same way.
  const comune = creditorContext(creditor, columns, options.referencePattern);
  const ctx: BatchContext = {
    actor,
    jobId: job.id,
    fileName: job.fileName,
    creditorId: job.creditorId,
    jurisdiction: (creditor.default_jurisdiction ?? 'IT') as BatchContext['jurisdiction'],
    headers,
    columns,
    rowContext: { today: today().toString(), defaultCurrency: options.defaultCurrency, defaultCountry: options.defaultCountry, decimal: options.decimal, ...comune.row },
    taxTerms: comune.taxTerms,
  };
  return db.transaction().execute(async (trx) => {
    const reject = await trx
      .selectFrom('import_rejects')
      .select(['line', 'cells', 'problems', 'status'])
      .where('tenant_id', '=', actor.tenantId)
      .where('job_id', '=', job.id)
      .where('line', '=', line)
      .forUpdate()
      .executeTakeFirst();
    if (!reject) throw notFound('rejected_row');
    if (reject.status !== 'open') throw conflict(msg(reject.status === 'reimported' ? 'import.row_already_reimported' : 'import.row_already_dismissed'));
    const cells = { ...reject.cells, ...data.cells };
    const values: Partial<Record<ImportField, string>> = {};
    for (const [field, index] of columns) {
      const v = cells[headers[index]!]?.trim();
      if (v) values[field] = v;
    }
    const checked = validateRow(values, ctx.rowContext);
    if (!checked.record) {
      const problems = checked.problems.map((p) => storeProblem(p.field, job.mapping![p.field] ?? null, p));
      await trx
        .updateTable('import_rejects')
        .set({ cells: JSON.stringify(cells), problems: JSON.stringify(problems) })
        .where('job_id', '=', job.id)
        .where('line', '=', line)
        .execute();
      throw invalid(checked.problems.map((p) => fieldOf(`cells.${job.mapping![p.field] ?? p.field}`, p)));
    }
    // Applied as a one-row batch; the old reject row is set aside first so the batch can record anew.
    await trx.deleteFrom('import_rejects').where('job_id', '=', job.id).where('line', '=', line).execute();
    const c = await applyBatch(trx, ctx, [{ kind: 'row', line, cells: headers.map((h) => cells[h] ?? '') }]);
    if (c.rejected > 0) {
      const again = await trx.selectFrom('import_rejects').select('problems').where('job_id', '=', job.id).where('line', '=', line).executeTakeFirstOrThrow();
      throw invalid(again.problems.map((p) => fieldOf(`cells.${p.column ?? p.field ?? 'row'}`, storedMessage(p))));
    }
    await trx
      .insertInto('import_rejects')
      .values({
        tenant_id: actor.tenantId,
        job_id: job.id,
        line,
        cells: JSON.stringify(cells),
        problems: JSON.stringify(reject.problems),
        status: 'reimported',
        resolved_at: sql`now()` as never,
      })
      .execute();
    await trx
      .updateTable('import_jobs')
      .set({
        rejected: sql`rejected - 1`,
        imported: sql`imported + ${c.imported}`,
        updated: sql`updated + ${c.updated}`,
        unchanged: sql`unchanged + ${c.unchanged}`,
        debtors_created: sql`debtors_created + ${c.debtorsCreated}`,
        debtors_matched: sql`debtors_matched + ${c.debtorsMatched}`,
        updated_at: sql`now()`,
      })
      .where('id', '=', job.id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'import.row_corrected',
      entityType: 'import',
      entityId: job.id,
      creditorId: job.creditorId,
      before: { line, cells: reject.cells },
      after: { line, cells },
    });
    return { line, cells, problems: reject.problems.map((p) => renderProblem(p, locale)), status: 'reimported' as const };
  });
}
