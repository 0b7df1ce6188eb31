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
import { msg } from '../../domain/messages/index.ts';

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
    .option('--dry-run', 'check and count everything, write nothing')
    .option('--json', 'print the summary as JSON')
    .addOption(new Option('--batch-size <rows>', 'rows per transaction').default('2000').hideHelp())
    .action(async (file, o) => {
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
        if (job.resumed) process.stderr.write(`Riprendo l'importazione ${job.id} dalla riga ${job.lastLine} (resuming)\n`);
        let lastPrint = 0;
        const summary = await runImport(
          database.db,
          actor,
          job.id,
          {
            mappingName: o.mapping,
            saveMappingAs: o.saveMapping,
            dryRun: Boolean(o.dryRun),
            options: { ...(o.sheet ? { sheet: o.sheet } : {}), ...(o.decimal ? { decimal: o.decimal } : {}) },
          },
          {
            batchSize: Math.max(1, Number(o.batchSize) || 2000),
            onProgress: (p) => {
              const now = Date.now();
              if (tty && now - lastPrint < 200) return;
              lastPrint = now;
              const rate = Math.round((p.rowsRead / Math.max(1, now - started)) * 1000);
              const n = (v: number) => v.toLocaleString('it-IT', { useGrouping: 'always' } as Intl.NumberFormatOptions);
              const line = `righe ${n(p.rowsRead)} · nuove ${n(p.imported)} · aggiornate ${n(p.updated)} · invariate ${n(p.unchanged)} · scartate ${n(p.rejected)} · ${n(rate)} righe/s`;
              process.stderr.write(tty ? `\r${line}   ` : `${line}\n`);
            },
          },
        );
        if (tty) process.stderr.write('\n');
        if (o.json) console.log(JSON.stringify({ ...summary, creditor: creditor.name, file: path.basename(file) }));
        else {
          printSummary(summary, creditor.name, file);
          // The rows a dry run would reject, with their reasons (--json lists up to 500).
          if (summary.dryRun && summary.rejects?.length) {
            for (const r of summary.rejects.slice(0, 10)) {
              console.log(`  riga ${r.line}: ${r.problems.map((p) => (p.column ? `${p.column}: ${p.message}` : p.message)).join(' | ')}`);
            }
            if (summary.rejected > 10) console.log(`  … e altre ${summary.rejected - 10} righe da scartare (--json per l'elenco / more: --json lists them)`);
          }
          // The first rejected rows with their reasons (all of them: the UI or GET …/rejects.csv).
          if (summary.rejected > 0 && !summary.dryRun) {
            const rejects = await listImportRejects(database.db, actor, job.id, { pageSize: 10 });
            for (const r of rejects.items) {
              console.log(`  riga ${r.line}: ${r.problems.map((p) => (p.column ? `${p.column}: ${p.message}` : p.message)).join(' | ')}`);
            }
            if (rejects.total > rejects.items.length) console.log(`  … e altre ${rejects.total - rejects.items.length} righe scartate`);
          }
        }
        if (summary.status === 'failed') process.exitCode = 1;
      } finally {
        await database.close();
      }
    });
}

function printSummary(s: ImportSummary, creditor: string, file: string): void {
  const dry = s.dryRun ? ' (prova: nulla è stato scritto / dry run: nothing written)' : '';
  console.log(`Importazione ${s.jobId} — ${path.basename(file)} per ${creditor}: ${s.status}${dry}`);
  if (s.error) console.log(`Errore: ${s.error}`);
  console.log(`  righe lette      ${s.rowsRead}`);
  console.log(`  importate        ${s.imported}`);
  console.log(`  aggiornate       ${s.updated}`);
  console.log(`  invariate        ${s.unchanged}`);
  console.log(`  scartate         ${s.rejected}${s.rejected && !s.dryRun ? `  (elenco completo: pagina Importazioni o GET /api/imports/${s.jobId}/rejects.csv)` : ''}`);
  console.log(`  debitori creati  ${s.debtorsCreated}`);
  console.log(`  debitori trovati ${s.debtorsMatched}`);
  if (s.reviews) console.log(`  da verificare    ${s.reviews} (possibili doppioni / possible duplicates)`);
  for (const w of s.warnings.slice(0, 10)) console.log(`  avviso: ${w}`);
  if (s.warnings.length > 10) console.log(`  … e altri ${s.warnings.length - 10} avvisi (--json per l'elenco / more warnings: --json lists them)`);
}

/** Refuses a path that is missing, a folder or unreadable, with the path and the reason. */
function fileProblem(file: string): void {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    throw new AppError('validation', `File non trovato: ${file} (file not found)`);
  }
  if (st.isDirectory()) throw new AppError('validation', `${file} è una cartella, non un file (is a folder, not a file)`);
  try {
    fs.accessSync(file, fs.constants.R_OK);
  } catch {
    throw new AppError('validation', `File non leggibile: ${file} (file not readable: permission denied)`);
  }
}
