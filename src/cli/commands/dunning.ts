import { Command } from '@commander-js/extra-typings';
import type { Config } from '../../config.ts';
import { dateIssue, today } from '../../domain/dates.ts';
import { fieldError, invalid } from '../../domain/errors.ts';
import { notFound } from '../../domain/errors.ts';
import { formatMoneyText } from '../../domain/money-format.ts';
import type { RenderResult } from '../../usecases/dunning/render-letters.ts';
import type { DunningRunResult } from '../../usecases/dunning/run-dunning.ts';
import { performDunningRun } from '../../usecases/dunning/start-dunning-run.ts';
import { openMigrated } from '../open.ts';
import { resolveTenant } from '../tenant.ts';
import { dateParam, encodeMessage, localeFromEnv, msg, translate, type Locale, type MessageCode, type MessageParams } from '../../domain/messages/index.ts';

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
      const locale = localeFromEnv(process.env);
      const database = await openMigrated(c);
      try {
        let tenantId: string | undefined;
        if (o.tenant) {
          tenantId = (await resolveTenant(database.db, o.tenant)).id;
        }
        let creditorId: string | undefined;
        if (o.creditor) {
          if (!tenantId) throw invalid([fieldError('creditor', 'dunning.cli_creditor_needs_tenant')]);
          const k = await database.db.selectFrom('creditors').select('id').where('tenant_id', '=', tenantId).where('code', '=', o.creditor).executeTakeFirst();
          if (!k) throw notFound(msg('not_found.creditor_named', { name: o.creditor }));
          creditorId = k.id;
        }
        const date = o.date ?? today().toString();
        const problem = dateIssue(date);
        if (problem) throw invalid([fieldError('date', problem.code, problem.params)]);
        if (!Number.isInteger(o.batchSize) || o.batchSize < 1 || o.batchSize > 1000) throw invalid([{ path: 'batch-size', message: '1–1000' }]);
        const { result, rendered, delivered } = await performDunningRun(
          database.db,
          {
            date,
            dryRun: Boolean(o.dryRun),
            tenantId,
            ...(creditorId ? { creditorId } : {}),
            batchSize: o.batchSize,
            deliver: o.deliver,
            finishEarlier: true,
            onBatch: (p) => process.stderr.write(`${translate(msg('dunning.cli_batch_committed', p), locale)}\n`),
          },
          { smtpUrl: c.smtpUrl, mailFrom: c.mailFrom, limit: 1000 },
        );
        if (o.json) console.log(JSON.stringify({ ...worded(result, locale), delivered, rendered }, null, 2));
        else printRun(result, delivered, rendered, locale);
        if (result.failed.length) process.exitCode = 1;
      } finally {
        await database.close();
      }
    });
  return cmd;
}

/** The run with its reasons worded in `locale` (the --json output). */
function worded(r: DunningRunResult, locale: Locale) {
  return {
    ...r,
    actions: r.actions.map((a) => ({ ...a, blocked: a.blocked && translate(a.blocked, locale) })),
    failed: r.failed.map((f) => ({ ...f, message: translate(f.message, locale) })),
  };
}

function printRun(
  r: DunningRunResult,
  delivered: { sent: number; retrying: number; failed: number } | null,
  rendered: RenderResult | null,
  locale: Locale,
): void {
  const t = (code: MessageCode, params?: MessageParams) => translate(msg(code, params), locale);
  const money = (amount: string, currency: string) => formatMoneyText(amount, currency, locale);
  const head = t(r.dryRun ? 'dunning.cli_dry_run' : 'dunning.cli_performed');
  console.log(t('dunning.cli_summary', { head, date: dateParam(r.date), communications: r.communications, blocked: r.blocked, debtors: r.debtors }));
  for (const a of r.actions) {
    const what = a.blocked ? t('dunning.cli_blocked', { reason: encodeMessage(a.blocked) }) : `${a.channel} → ${a.recipient}`;
    const fees = a.fees !== '0.00' ? `, ${t('dunning.cli_fees', { amount: money(a.fees, a.currency) })}` : '';
    const postage = a.postage !== '0.00' ? `, ${t('dunning.cli_postage', { amount: money(a.postage, a.currency) })}` : '';
    const step = t('dunning.cli_step', { no: a.stepNo, key: a.stepKey, tier: a.tier });
    console.log(`  ${a.debtorName} · ${step} · ${what} · ${money(a.amount, a.currency)}${fees}${postage}`);
    for (const c of a.claims) console.log(`      ${c.reference}: ${money(c.totalDue, a.currency)}${c.fee ? ` (${t('dunning.cli_fees', { amount: money(c.fee, a.currency) })})` : ''}`);
  }
  for (const f of r.failed) console.error(t('dunning.cli_failed', { debtor: f.debtorId, problem: encodeMessage(f.message) }));
  if (rendered) console.log(rendered.failed ? t('dunning.cli_letters_failed', { rendered: rendered.rendered, failed: rendered.failed }) : t('dunning.cli_letters', { rendered: rendered.rendered }));
  if (delivered) console.log(t('dunning.cli_emails', { sent: delivered.sent, retrying: delivered.retrying, failed: delivered.failed }));
}
