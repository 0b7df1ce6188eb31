import { Command } from '@commander-js/extra-typings';
import type { Config } from '../../config.ts';
import { dateProblem, today } from '../../domain/dates.ts';
import { invalid } from '../../domain/errors.ts';
import { notFound } from '../../domain/errors.ts';
import { formatMoneyText } from '../../domain/money-format.ts';
import { smtpTransport } from '../../integrations/mail/transport.ts';
import { deliverOutbox } from '../../usecases/dunning/deliver-outbox.ts';
import { renderPendingLetters, type RenderResult } from '../../usecases/dunning/render-letters.ts';
import { runDunning, type DunningRunResult } from '../../usecases/dunning/run-dunning.ts';
import { openMigrated } from '../open.ts';
import { resolveTenant } from '../tenant.ts';
import { msg } from '../../domain/messages/index.ts';

export function dunningCommand(config: () => Config) {
  const cmd = new Command('dunning').description('Collection strategies: run the due steps (solleciti) and deliver the e-mails');
  cmd
    .command('run')
    .description('perform the steps due by a day: one communication per debtor and creditor, fees once per step')
    .option('--date <YYYY-MM-DD>', 'the day to act for (default: today, Europe/Rome)')
    .option('--tenant <slug>', 'only this tenant')
    .option('--creditor <code>', 'only this creditor (its code, e.g. FERLOM; needs --tenant)')
    .option('--dry-run', 'list what would be sent, to whom, by which channel, with amounts, fees and postage; write nothing')
    .option('--json', 'print the result as JSON')
    .option('--no-deliver', 'leave the e-mails in the outbox and the letters unrendered (the server does both)')
    .option('--batch-size <n>', 'debtors per transaction', (v) => Number.parseInt(v, 10), 250)
    .action(async (o) => {
      const c = config();
      const database = await openMigrated(c);
      try {
        let tenantId: string | undefined;
        if (o.tenant) {
          tenantId = (await resolveTenant(database.db, o.tenant)).id;
        }
        let creditorId: string | undefined;
        if (o.creditor) {
          if (!tenantId) throw invalid([{ path: 'creditor', message: '--creditor richiede --tenant (needs --tenant)' }]);
          const k = await database.db.selectFrom('creditors').select('id').where('tenant_id', '=', tenantId).where('code', '=', o.creditor).executeTakeFirst();
          if (!k) throw notFound(msg('not_found.creditor_named', { name: o.creditor }));
          creditorId = k.id;
        }
        const date = o.date ?? today().toString();
        const problem = dateProblem(date);
        if (problem) throw invalid([{ path: 'date', message: problem }]);
        if (!Number.isInteger(o.batchSize) || o.batchSize < 1 || o.batchSize > 1000) throw invalid([{ path: 'batch-size', message: '1–1000' }]);
        const result = await runDunning(database.db, {
          date,
          dryRun: Boolean(o.dryRun),
          tenantId,
          ...(creditorId ? { creditorId } : {}),
          batchSize: o.batchSize,
          onBatch: (p) => process.stderr.write(`lotto registrato: ${p.debtors} debitori, ${p.communications} comunicazioni, ${p.blocked} bloccate (batch committed)\n`),
        });
        let delivered = null;
        let rendered = null;
        if (!o.dryRun && o.deliver) {
          rendered = await renderPendingLetters(database.db);
          const transport = c.smtpUrl ? smtpTransport(c.smtpUrl) : null;
          try {
            delivered = await deliverOutbox(database.db, { transport, from: c.mailFrom, limit: 1000 });
          } finally {
            await transport?.close();
          }
        }
        if (o.json) console.log(JSON.stringify({ ...result, delivered, rendered }, null, 2));
        else printRun(result, delivered, rendered);
        if (result.failed.length) process.exitCode = 1;
      } finally {
        await database.close();
      }
    });
  return cmd;
}

function printRun(r: DunningRunResult, delivered: { sent: number; retrying: number; failed: number } | null, rendered: RenderResult | null): void {
  const head = r.dryRun ? 'Prova (nulla è stato inviato / dry run: nothing sent)' : 'Solleciti eseguiti (steps performed)';
  console.log(`${head} — ${r.date}: ${r.communications} comunicazioni, ${r.blocked} bloccate, ${r.debtors} debitori`);
  for (const a of r.actions) {
    const what = a.blocked ? `BLOCCATO: ${a.blocked}` : `${a.channel} → ${a.recipient}`;
    const fees = a.fees !== '0.00' ? `, spese ${formatMoneyText(a.fees, a.currency, 'it')}` : '';
    const postage = a.postage !== '0.00' ? `, affrancatura ${formatMoneyText(a.postage, a.currency, 'it')}` : '';
    console.log(`  ${a.debtorName} · passo ${a.stepNo} ${a.stepKey} (${a.tier}) · ${what} · ${formatMoneyText(a.amount, a.currency, 'it')}${fees}${postage}`);
    for (const c of a.claims) console.log(`      ${c.reference}: ${formatMoneyText(c.totalDue, a.currency, 'it')}${c.fee ? ` (spese ${c.fee})` : ''}`);
  }
  for (const f of r.failed) console.error(`ERRORE debitore ${f.debtorId}: ${f.message}`);
  if (rendered) console.log(`Lettere: ${rendered.rendered} PDF generati${rendered.failed ? `, ${rendered.failed} non generabili` : ''}`);
  if (delivered) console.log(`E-mail: ${delivered.sent} consegnate, ${delivered.retrying} da riprovare, ${delivered.failed} non consegnabili`);
}
