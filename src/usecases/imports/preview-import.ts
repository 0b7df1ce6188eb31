import fs from 'node:fs';
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { fieldError, invalid } from '../../domain/errors.ts';
import { suggestMapping } from '../../domain/import/index.ts';
import { DEFAULT_LOCALE, translate, type Locale } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { openTable, TableFileError } from '../../integrations/import-files/index.ts';
import { getImport } from './list-imports.ts';
import { materialiseImportFile } from './upload-import.ts';

export const ImportPreview = z.object({
  jobId: z.uuid(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  sheet: z.string().nullable(),
  headers: z.array(z.string()),
  /** The first rows as read (problems included, with their line). */
  rows: z.array(z.object({ line: z.number(), cells: z.array(z.string()).nullable(), problem: z.string().nullable() })),
  /** field → header: what the header names suggest. */
  suggested: z.record(z.string(), z.string()),
  confidence: z.record(z.string(), z.enum(['exact', 'likely'])),
  /** The creditor's saved mappings. */
  presets: z.array(z.object({ name: z.string(), mapping: z.record(z.string(), z.string()) })),
  warnings: z.array(z.string()),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

/**
 * What an uploaded file looks like before it is imported: format, encoding and delimiter as detected,
 * the headers, the first rows, the mapping the header names suggest and the creditor's saved mappings.
 */
export async function previewImport(
  db: Db,
  actor: Actor,
  jobId: string,
  opts: { sheet?: string; rows?: number; locale?: Locale } = {},
): Promise<ImportPreview> {
  const locale = opts.locale ?? DEFAULT_LOCALE;
  const job = await getImport(db, actor, jobId);
  const { dir, file } = await materialiseImportFile(db, job.id);
  try {
    let table;
    try {
      table = await openTable(file, { sheet: opts.sheet });
    } catch (err) {
      if (err instanceof TableFileError) throw invalid([fieldError('file', err.msg.code, err.msg.params)], err.msg);
      throw err;
    }
    const rows: ImportPreview['rows'] = [];
    for await (const item of table.items()) {
      rows.push(
        item.kind === 'row'
          ? { line: item.line, cells: item.cells, problem: null }
          : { line: item.line, cells: null, problem: translate(item.message, locale) },
      );
      if (rows.length >= (opts.rows ?? 20)) break;
    }
    const s = suggestMapping(table.headers);
    const presets = await db
      .selectFrom('import_mappings')
      .select(['name', 'mapping'])
      .where('tenant_id', '=', actor.tenantId)
      .where('creditor_id', '=', job.creditorId)
      .orderBy('name')
      .execute();
    return {
      jobId: job.id,
      format: table.format,
      encoding: table.encoding,
      delimiter: table.delimiter,
      sheet: table.sheet,
      headers: table.headers,
      rows,
      suggested: Object.fromEntries(Object.entries(s.mapping).map(([f, i]) => [f, table.headers[i as number]!])),
      confidence: s.confidence as Record<string, 'exact' | 'likely'>,
      presets: presets.map((p) => ({ name: p.name, mapping: p.mapping })),
      warnings: table.warnings().map((w) => translate(w, locale)),
    };
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}
