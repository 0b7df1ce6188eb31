import fs from 'node:fs';
import readline from 'node:readline';
import { Command, Option } from '@commander-js/extra-typings';
import { AppError, renderAppError } from '../../domain/errors.ts';
import { localeFromEnv, msg, translate } from '../../domain/messages/index.ts';
import { DAY_COUNTS } from '../../domain/interest/day-count.ts';
import type { Statement } from '../../domain/interest/compute.ts';
import { INTEREST_REGIMES } from '../../domain/model.ts';
import type { Config } from '../../config.ts';
import { rateBookForCli } from '../rate-book.ts';
import { computeInterest } from '../../usecases/interest/compute-interest.ts';

const collect = (value: string, previous: string[]) => [...previous, value];

function payment(spec: string, i: number) {
  const [date, amount, ...rest] = spec.split(':');
  if (!date || !amount || rest.length) {
    throw new AppError('validation', msg('interest.cli_payment_format', { spec }), [{ path: `payments.${i}`, message: 'DATE:AMOUNT' }]);
  }
  return { date, amount };
}

function errorMessage(err: unknown): string {
  if (err instanceof AppError) {
    const shown = renderAppError(err, localeFromEnv(process.env));
    return shown.fields.length ? shown.fields.map((f) => `${f.path}: ${f.message}`).join('; ') : shown.message;
  }
  return err instanceof Error ? err.message : String(err);
}

function printTable(s: Statement): void {
  const line = (cells: string[], widths: number[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const widths = [10, 10, 6, 8, 16, 14];
  console.log(`Regime ${s.regime} · ${s.dayCount} · ${s.currency} · scadenza ${s.due} → ${s.paid}`);
  console.log(line(['dal', 'al', 'giorni', 'tasso %', 'capitale', 'interessi'], widths));
  for (const p of s.periods) console.log(line([p.from, p.to, String(p.days), p.rate, p.principal, p.amount], widths));
  for (const p of s.payments) {
    console.log(`pagamento ${p.date} ${p.amount}: spese ${p.costs}, interessi ${p.interest}, capitale ${p.principal}${p.unallocated !== '0.00' ? `, eccedenza ${p.unallocated}` : ''}`);
  }
  for (const k of s.costItems) console.log(`costo ${k.date} ${k.amount} ${k.label}`);
  console.log(`\ninteressi ${s.interest} (pagati ${s.interestPaid}, dovuti ${s.interestDue}) · spese ${s.costs} · capitale residuo ${s.principalDue}`);
  console.log(`TOTALE DOVUTO ${s.totalDue} ${s.currency}`);
  console.log(`\nBase giuridica: ${s.basis.join('; ')}`);
}

export function interestCommand(config: () => Config) {
  return new Command('interest')
    .description('Compute late-payment interest (one case, or a JSON-lines batch with --batch)')
    .option('--principal <amount>', 'principal, e.g. 10000 or 1234.56')
    .option('--due <date>', 'due date YYYY-MM-DD (interest runs from the next day)')
    .option('--paid <date>', 'payment or statement date YYYY-MM-DD (included)')
    .addOption(new Option('--regime <regime>').choices(INTEREST_REGIMES))
    .option('--contract-date <date>', 'date the contract was concluded (D.Lgs. 231/2002: +7 before 2013)')
    .option('--judicial-claim-date <date>', 'art. 1284 c.4 c.c.: commercial rate from this date (it-legal)')
    .addOption(new Option('--day-count <convention>').choices(DAY_COUNTS).default('act365' as const))
    .option('--rate <percent>', 'contractual annual rate for --regime fixed')
    .addOption(new Option('--base <regime>', 'base regime for --regime spread').choices(INTEREST_REGIMES))
    .option('--spread <points>', 'points added to the base regime')
    .option('--payment <date:amount>', 'a part payment (repeatable)', collect, [] as string[])
    .addOption(new Option('--currency <currency>').choices(['EUR', 'CHF'] as const).default('EUR' as const))
    .addOption(new Option('--debtor-kind <kind>').choices(['consumer', 'sole_trader', 'company', 'public_administration'] as const))
    .option('--no-flat-compensation', 'do not add the €40 flat recovery compensation')
    .option('--batch <file>', 'read one JSON case per line ("-" for standard input); write one JSON result per line')
    .option('--json', 'print the statement as JSON')
    .action(async (o) => {
      const book = await rateBookForCli(config());
      if (o.batch) {
        const input = o.batch === '-' ? process.stdin : fs.createReadStream(o.batch, 'utf8');
        const lines = readline.createInterface({ input, crlfDelay: Infinity });
        let n = 0;
        let failed = 0;
        for await (const raw of lines) {
          n++;
          if (raw.trim() === '') {
            process.stdout.write(`${JSON.stringify({ error: translate(msg('interest.cli_empty_line'), localeFromEnv(process.env)) })}\n`);
            failed++;
            continue;
          }
          let out: string;
          try {
            out = JSON.stringify(computeInterest(book, JSON.parse(raw) as unknown));
          } catch (err) {
            failed++;
            out = JSON.stringify({
              error: err instanceof SyntaxError ? translate(msg('interest.cli_bad_json', { detail: err.message }), localeFromEnv(process.env)) : errorMessage(err),
            });
          }
          // Respect back-pressure: a million lines must not pile up in memory.
          if (!process.stdout.write(`${out}\n`)) await new Promise((r) => process.stdout.once('drain', r));
        }
        process.stderr.write(`${n} cases, ${failed} with errors\n`);
        return;
      }
      const missing = (['principal', 'due', 'paid', 'regime'] as const).filter((k) => !o[k]);
      if (missing.length) throw new AppError('validation', msg('interest.cli_missing_options', { options: missing.map((m) => `--${m}`).join(', ') }));
      const statement = computeInterest(book, {
        principal: o.principal,
        due: o.due,
        paid: o.paid,
        regime: o.regime,
        currency: o.currency,
        contractDate: o.contractDate,
        judicialClaimDate: o.judicialClaimDate,
        dayCount: o.dayCount,
        rate: o.rate,
        base: o.base,
        spread: o.spread,
        debtorKind: o.debtorKind,
        payments: o.payment.map(payment),
        flatCompensation: o.flatCompensation,
      });
      if (o.json) process.stdout.write(`${JSON.stringify(statement)}\n`);
      else printTable(statement);
    });
}
