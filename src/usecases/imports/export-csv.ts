import type { Db } from '../../db/connect.ts';
import { DEFAULT_LOCALE, msg, translate, type Locale } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { csvLine } from '../../integrations/import-files/index.ts';
import { importReportRows, type ReportList } from './import-report.ts';
import { getImport } from './list-imports.ts';
import { renderProblem } from './stored-messages.ts';

/**
 * A job's rejected rows as CSV (; separated, UTF-8 with BOM for spreadsheets), page by page: the line,
 * the reasons (in `locale`, the reader's language), then the row's own cells under the file's
 * headers — corrected, it can be imported again. Cells that a spreadsheet would run as formulas are
 * neutralised.
 */
export async function* exportImportRejects(db: Db, actor: Actor, jobId: string, locale: Locale = DEFAULT_LOCALE): AsyncGenerator<string> {
  const job = await getImport(db, actor, jobId);
  const headers = job.headers ?? [];
  yield `\ufeff${csvLine([translate(msg('import.csv.line'), locale), translate(msg('import.csv.problems'), locale), ...headers])}`;
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('import_rejects')
      .select(['line', 'cells', 'problems'])
      .where('tenant_id', '=', actor.tenantId)
      .where('job_id', '=', job.id)
      .where('status', '=', 'open')
      .where('line', '>', after)
      .orderBy('line')
      .limit(2000)
      .execute();
    if (rows.length === 0) return;
    for (const r of rows) {
      const problems = r.problems
        .map((stored) => renderProblem(stored, locale))
        .map((p) => (p.column ? `${p.column}: ${p.message}` : p.message))
        .join(' | ');
      yield csvLine([String(r.line), problems, ...headers.map((h) => r.cells[h] ?? '')]);
    }
    after = rows[rows.length - 1]!.line;
  }
}

/** One list of the data-quality report as CSV (reasons in `locale`). */
export async function* exportImportReport(db: Db, actor: Actor, jobId: string, list: ReportList, locale: Locale = DEFAULT_LOCALE): AsyncGenerator<string> {
  const rows = await importReportRows(db, actor, jobId, list, undefined, locale);
  const columns = rows[0] ? Object.keys(rows[0]) : ['—'];
  yield `\ufeff${csvLine(columns)}`;
  for (const r of rows) yield csvLine(columns.map((c) => r[c] ?? ''));
}
