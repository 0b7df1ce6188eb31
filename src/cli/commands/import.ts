import fs from 'node:fs';
import path from 'node:path';
import { Command, Option } from '@commander-js/extra-typings';
import type { Config } from '../../config.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { systemActor } from '../../domain/policies.ts';
import { listImportRejects } from '../../usecases/imports/list-imports.ts';
import { runImport } from '../../usecases/imports/run-import.ts';
import type { ImportSummary } from '../../usecases/imports/schema.ts';
import { uploadImport } from '../../usecases/imports/upload-import.ts';
import { openMigrated } from '../open.ts';
import { resolveTenant } from '../tenant.ts';
import { localeFromEnv, msg, translate, type Locale, type MessageCode, type MessageParams } from '../../domain/messages/index.ts';

/** A CLI text in the operator's language (INCASSO_LANG, then LANG). */
const say = (locale: Locale, code: MessageCode, params?: MessageParams) => translate(msg(code, params), locale);

/**
 * `incasso import FILE --creditor ID|CODE|NAME`: loads a portfolio file as an import job. Progress goes to
 * stderr (one updating line on a terminal, plain lines otherwise); the summary to stdout, as JSON with
 * --json. Running the same command again after a crash resumes the unfinished job of the same file.
 */
export function importCommand(config: () => Config) {
  return new Command('import')
    .description('import a CSV/XLSX list of claims for a creditor (resumable; the same file again changes nothing)')
    .argument('<file>', 'CSV (; , or tab; UTF-8 or Windows-1252) or XLSX file')
    .requiredOption('--creditor <creditor>', 'the creditor: id, code or exact name')
    .option('--tenant <slug>', 'the tenant (default: the only one)')
    .option('--mapping <name>', 'a saved column mapping of the creditor')
    .option('--save-mapping <name>', 'save the mapping used under this name')
    .option('--sheet <name>', 'XLSX: the sheet to read (default: the first)')
    .addOption(new Option('--decimal <sign>', 'decimal sign of the amounts (default: detected)').choices([',', '.', 'auto'] as const))
    .option(
      '--reference-pattern <pattern>',
      'a file without a document-number column: build each reference from {taxCode} {revenue} {year} {act} {notice} {debtorRef} (default {taxCode}-{revenue}-{year}-{act})',
    )
    .option('--dry-run', 'check and count everything, write nothing')
    .option('--json', 'print the summary as JSON')
    .addOption(new Option('--batch-size <rows>', 'rows per transaction').default('2000').hideHelp())
    .action(async (file, o) => {
      const locale = localeFromEnv(process.env);
      const t = (code: MessageCode, params?: MessageParams) => say(locale, code, params);
      // A file that cannot be read is said plainly before the database is opened.
      fileProblem(file);
      const database = await openMigrated(config());
      try {
        const tenant = await resolveTenant(database.db, o.tenant);
        const actor = systemActor(tenant.id, 'cli');
        const creditors = await database.db
          .selectFrom('creditors')
          .select(['id', 'name'])
          .where('tenant_id', '=', actor.tenantId)
          .where((eb) =>
            eb.or([
              eb('name', '=', o.creditor),
              eb('code', '=', o.creditor.toUpperCase()),
              ...(/^[0-9a-f-]{36}$/i.test(o.creditor) ? [eb('id', '=', o.creditor)] : []),
            ]),
          )
          .execute();
        if (creditors.length !== 1) throw notFound(msg('not_found.creditor_named', { name: o.creditor }));
        const creditor = creditors[0]!;

        const job = await uploadImport(database.db, actor, { creditorId: creditor.id, fileName: path.basename(file) }, (await fs.promises.open(file)).createReadStream());
        const tty = process.stderr.isTTY;
        const started = Date.now();
        if (job.resumed) process.stderr.write(`${t('import.cli.resuming', { id: job.id, line: job.lastLine })}\n`);
        let lastPrint = 0;
        const summary = await runImport(
          database.db,
          actor,
          job.id,
          {
            mappingName: o.mapping,
            saveMappingAs: o.saveMapping,
            dryRun: Boolean(o.dryRun),
            options: {
              ...(o.sheet ? { sheet: o.sheet } : {}),
              ...(o.decimal ? { decimal: o.decimal } : {}),
              ...(o.referencePattern ? { referencePattern: o.referencePattern } : {}),
            },
          },
          {
            locale,
            batchSize: Math.max(1, Number(o.batchSize) || 2000),
            onProgress: (p) => {
              const now = Date.now();
              if (tty && now - lastPrint < 200) return;
              lastPrint = now;
              const rate = Math.round((p.rowsRead / Math.max(1, now - started)) * 1000);
              const n = (v: number) => v.toLocaleString(NUMBER_LOCALE[locale], { useGrouping: 'always' } as Intl.NumberFormatOptions);
              const line = t('import.cli.progress', {
                rows: n(p.rowsRead),
                imported: n(p.imported),
                updated: n(p.updated),
                unchanged: n(p.unchanged),
                rejected: n(p.rejected),
                rate: n(rate),
              });
              process.stderr.write(tty ? `\r${line}   ` : `${line}\n`);
            },
          },
        );
        if (tty) process.stderr.write('\n');
        if (o.json) console.log(JSON.stringify({ ...summary, creditor: creditor.name, file: path.basename(file) }));
        else {
          printSummary(summary, creditor.name, file, locale);
          const rejectLine = (r: { line: number; problems: { column: string | null; message: string }[] }) =>
            `  ${t('import.cli.reject_line', { line: r.line, problems: r.problems.map((p) => (p.column ? `${p.column}: ${p.message}` : p.message)).join(' | ') })}`;
          // The rows a dry run would reject, with their reasons (--json lists up to 500).
          if (summary.dryRun && summary.rejects?.length) {
            for (const r of summary.rejects.slice(0, 10)) console.log(rejectLine(r));
            if (summary.rejected > 10) console.log(`  ${t('import.cli.more_to_reject', { count: summary.rejected - 10 })}`);
          }
          // The first rejected rows with their reasons (all of them: the UI or GET …/rejects.csv).
          if (summary.rejected > 0 && !summary.dryRun) {
            const rejects = await listImportRejects(database.db, actor, job.id, { pageSize: 10 }, locale);
            for (const r of rejects.items) console.log(rejectLine(r));
            if (rejects.total > rejects.items.length) console.log(`  ${t('import.cli.more_rejected', { count: rejects.total - rejects.items.length })}`);
          }
        }
        if (summary.status === 'failed') process.exitCode = 1;
      } finally {
        await database.close();
      }
    });
}

/** How counts are grouped in each language (Italian as before: 1.234.567). */
const NUMBER_LOCALE: Record<Locale, string> = { it: 'it-IT', en: 'en-GB', de: 'de-DE', fr: 'fr-FR' };

function printSummary(s: ImportSummary, creditor: string, file: string, locale: Locale): void {
  const t = (code: MessageCode, params?: MessageParams) => say(locale, code, params);
  const status = t(`import.status.${s.status}`);
  console.log(t(s.dryRun ? 'import.cli.title_dry_run' : 'import.cli.title', { id: s.jobId, file: path.basename(file), creditor, status }));
  if (s.error) console.log(t('import.cli.error', { error: s.error }));
  const rows: [MessageCode, number, string?][] = [
    ['import.cli.rows_read', s.rowsRead],
    ['import.cli.imported', s.imported],
    ['import.cli.updated', s.updated],
    ['import.cli.unchanged', s.unchanged],
    ['import.cli.rejected', s.rejected, s.rejected && !s.dryRun ? t('import.cli.rejected_list', { id: s.jobId }) : undefined],
    ['import.cli.debtors_created', s.debtorsCreated],
    ['import.cli.debtors_matched', s.debtorsMatched],
  ];
  if (s.reviews) rows.push(['import.cli.reviews', s.reviews, t('import.cli.reviews_hint')]);
  const labels = rows.map(([code]) => t(code));
  const width = Math.max(...labels.map((l) => l.length));
  rows.forEach(([, n, hint], i) => console.log(`  ${labels[i]!.padEnd(width)} ${n}${hint ? `  ${hint}` : ''}`));
  for (const w of s.warnings.slice(0, 10)) console.log(`  ${t('import.cli.warning', { warning: w })}`);
  if (s.warnings.length > 10) console.log(`  ${t('import.cli.more_warnings', { count: s.warnings.length - 10 })}`);
}

/** Refuses a path that is missing, a folder or unreadable, with the path and the reason. */
function fileProblem(file: string): void {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    throw new AppError('validation', msg('import.cli.file_not_found', { file }));
  }
  if (st.isDirectory()) throw new AppError('validation', msg('import.cli.file_is_folder', { file }));
  try {
    fs.accessSync(file, fs.constants.R_OK);
  } catch {
    throw new AppError('validation', msg('import.cli.file_not_readable', { file }));
  }
}
