import fs from 'node:fs';
import path from 'node:path';
import { Command } from '@commander-js/extra-typings';
import type { Config } from '../../config.ts';
import { localeFromEnv, msg, translate, type Locale, type MessageCode, type MessageParams } from '../../domain/messages/index.ts';
import { systemActor } from '../../domain/policies.ts';
import { getBankFile } from '../../usecases/bank/get-bank-file.ts';
import { importBankFile } from '../../usecases/bank/import-bank-file.ts';
import { resumeBankFiles } from '../../usecases/bank/resume-bank-files.ts';
import { saveBankCsvMapping } from '../../usecases/bank/save-bank-csv-mapping.ts';
import { openMigrated } from '../open.ts';
import { resolveTenant } from '../tenant.ts';

const say = (locale: Locale, code: MessageCode, params?: MessageParams) => translate(msg(code, params), locale);

/**
 * `incasso bank import FILE`: a camt.053 statement or camt.054 notification, a pagoPA reconciliation
 * flow (FlussoRiversamento) or a CSV of pagoPA receipts — told apart by content — read as a stream; each
 * matched credit becomes a payment in its own transaction with its entry, so a crash and a re-run
 * record every entry once. Exit code 0 when the file was read to its end, 1 when it stopped (the
 * entries before are kept; the message says why).
 */
export function bankCommand(config: () => Config) {
  const bank = new Command('bank').description('bank files: statements (camt.053), notifications (camt.054), pagoPA flows and receipts');
  bank
    .command('import')
    .description('import a camt.053 / camt.054 file, a pagoPA reconciliation flow or a CSV of pagoPA receipts (recognised by content): matched credits become payments, the rest goes to reconciliation (the same file again changes nothing)')
    .argument('<file>', 'ISO 20022 camt.053 or camt.054 XML (.001.02 to .001.08), pagoPA FlussoRiversamento XML, or CSV with IUV or codice avviso, importo, data')
    .option('--tenant <slug>', 'the tenant (default: the only one)')
    .option('--mapping <name>', "a bank's CSV export: read it with the tenant's mapping of that name (see `bank mapping`)")
    .option('--json', 'print the summary as JSON')
    .action(async (file, o) => {
      const locale = localeFromEnv(process.env);
      const t = (code: MessageCode, params?: MessageParams) => say(locale, code, params);
      const stat = await fs.promises.stat(file).catch(() => null);
      if (!stat?.isFile()) {
        process.stderr.write(`incasso: ${t('bank.cli.no_file', { file })}\n`);
        process.exit(2);
      }
      const database = await openMigrated(config());
      try {
        const tenant = await resolveTenant(database.db, o.tenant);
        const actor = systemActor(tenant.id, 'cli');
        const tty = process.stderr.isTTY;
        let lastPrint = 0;
        const summary = await importBankFile(
          database.db,
          actor,
          { name: path.basename(file), chunks: fs.createReadStream(file, { highWaterMark: 1 << 16 }) },
          {
            mapping: o.mapping ?? null,
            // Two chunks side by side on PostgreSQL (two connections); PGlite has one.
            connections: database.engine === 'postgres' ? 2 : 1,
            onProgress: (s) => {
              const now = Date.now();
              if (now - lastPrint < (tty ? 200 : 1000)) return;
              lastPrint = now;
              const line = t('bank.cli.progress', { entries: s.entries, matched: s.matched, toReconcile: s.toReconcile, alreadyRecorded: s.alreadyRecorded });
              process.stderr.write(tty ? `\r${line}   ` : `${line}\n`);
            },
          },
        );
        if (tty && lastPrint) process.stderr.write('\n');
        if (o.json) {
          console.log(
            JSON.stringify({
              ...summary,
              problems: summary.problems.map((p) => ({ index: p.index, code: p.message.code, message: translate(p.message, locale) })),
              error: summary.error ? { code: summary.error.code, message: translate(summary.error, locale) } : null,
            }),
          );
        } else {
          console.log(t('bank.cli.summary', { file: path.basename(file), entries: summary.entries, matched: summary.matched, toReconcile: summary.toReconcile, alreadyRecorded: summary.alreadyRecorded, notBooked: summary.notBooked }));
          for (const p of summary.problems.slice(0, 20)) console.log(`  ${t('bank.cli.problem', { index: p.index, problem: translate(p.message, locale) })}`);
          if (summary.problems.length > 20) console.log(`  ${t('bank.cli.more_problems', { count: summary.problems.length - 20 })}`);
          if (summary.error) console.log(t('bank.cli.stopped', { reason: translate(summary.error, locale) }));
        }
        if (summary.status === 'failed') process.exitCode = 1;
      } finally {
        await database.close();
      }
    });
  bank
    .command('run')
    .description('place now the bank files uploaded in the UI that wait for a worker, or whose run stopped (a node started with --no-scheduler works no queue)')
    .option('--tenant <slug>', 'the tenant (default: the only one)')
    .option('--json', 'print the files placed as JSON')
    .action(async (o) => {
      const locale = localeFromEnv(process.env);
      const database = await openMigrated(config());
      try {
        const tenant = await resolveTenant(database.db, o.tenant);
        const ids = await resumeBankFiles(database.db, 0, { tenantId: tenant.id });
        const files = await Promise.all(ids.map((id) => getBankFile(database.db, systemActor(tenant.id, 'cli'), id, locale)));
        if (o.json) console.log(JSON.stringify(files));
        else if (!files.length) console.log(say(locale, 'bank.cli.none_waiting'));
        for (const f of o.json ? [] : files) {
          console.log(say(locale, 'bank.cli.summary', { file: f.fileName, entries: f.entries, matched: f.matched, toReconcile: f.toReconcile, alreadyRecorded: f.alreadyRecorded, notBooked: f.notBooked }));
          if (f.error) console.log(say(locale, 'bank.cli.stopped', { reason: f.error }));
        }
      } finally {
        await database.close();
      }
    });
  bank
    .command('mapping')
    .description("save how a bank's CSV export is read, under a name (columns by their header); then `bank import FILE --mapping NAME`")
    .argument('<name>', 'the name of the mapping (e.g. the bank)')
    .requiredOption('--account <iban>', 'the account the export is of')
    .requiredOption('--date <column>', 'the booking date column')
    .option('--value-date <column>', 'the value date column')
    .option('--amount <column>', 'a signed amount column (or with --sign)')
    .option('--sign <column>', 'a column saying credit or debit (C/D, +/-, Avere/Dare)')
    .option('--credit <column>', 'the credits column (Avere, Entrate), with --debit instead of --amount')
    .option('--debit <column>', 'the debits column (Dare, Uscite)')
    .option('--payer <column>', 'the payer column')
    .option('--iban <column>', "the payer's IBAN column")
    .option('--reference <column>', 'a structured reference column (RF, QRR, notice code)')
    .option('--remittance <column...>', 'the remittance text column(s)')
    .option('--currency <code>', 'EUR or CHF', 'EUR')
    .option('--tenant <slug>', 'the tenant (default: the only one)')
    .action(async (name, o) => {
      const locale = localeFromEnv(process.env);
      const database = await openMigrated(config());
      try {
        const tenant = await resolveTenant(database.db, o.tenant);
        const saved = await saveBankCsvMapping(database.db, systemActor(tenant.id, 'cli'), {
          name,
          mapping: {
            account: o.account,
            currency: o.currency as 'EUR' | 'CHF',
            date: o.date,
            valueDate: o.valueDate ?? null,
            amount: o.amount ?? null,
            sign: o.sign ?? null,
            credit: o.credit ?? null,
            debit: o.debit ?? null,
            payer: o.payer ?? null,
            iban: o.iban ?? null,
            reference: o.reference ?? null,
            remittance: o.remittance ?? [],
          },
        });
        console.log(say(locale, 'bank.cli.mapping_saved', { name: saved.name }));
      } finally {
        await database.close();
      }
    });
  return bank;
}
