import fs from 'node:fs';
import path from 'node:path';
import { Command, Option } from '@commander-js/extra-typings';
import type { Config } from '../../config.ts';
import { notFound } from '../../domain/errors.ts';
import { msg, translate } from '../../domain/messages/index.ts';
import { systemActor } from '../../domain/policies.ts';
import { downloadDischargeReport } from '../../usecases/reports/download-discharge-report.ts';
import { generateDischargeReport } from '../../usecases/reports/generate-discharge-report.ts';
import { issueDischargeReport } from '../../usecases/reports/issue-discharge-report.ts';
import { makeDailyDigests } from '../../usecases/alerts/make-daily-digests.ts';
import { makeDueReports } from '../../usecases/reports/make-due-reports.ts';
import { withDatabase } from '../open.ts';
import { resolveTenant } from '../tenant.ts';

/**
 * `incasso report discharge --creditor CODE [--load ID] [--as-of YYYY-MM-DD] --format csv|xlsx|pdf
 * [--out FILE] [--issue]`: the discharge report (relazione di scarico, issue 16 item 6) of a creditor's
 * whole mandate or one load, as the API and the UI give it — the same bytes for the same data. Without
 * --out it goes to standard output. --issue also seals it (stored with its SHA-256, issued by the CLI).
 * Refused (exit 1, nothing written) when carico = riscosso + sgravi + residuo does not hold.
 */
export function reportCommand(config: () => Config) {
  const cmd = new Command('report').description('Reports for creditors');
  cmd
    .command('discharge')
    .description('the discharge report (relazione di scarico) of a creditor’s mandate or of one load')
    .requiredOption('--creditor <creditor>', 'the creditor: code, id or exact name')
    .option('--load <id>', 'one load (import) of the creditor; default: the whole mandate')
    .option('--as-of <date>', 'YYYY-MM-DD (default: today)')
    .addOption(new Option('--format <format>', 'file format').choices(['csv', 'xlsx', 'pdf'] as const).makeOptionMandatory())
    .option('--out <file>', 'write to this file (default: standard output)')
    .option('--tenant <slug>', 'the tenant (default: the only one)')
    .option('--issue', 'issue it: store it sealed with its SHA-256')
    .action((o) =>
      withDatabase(config(), async (database, locale) => {
        const tenant = await resolveTenant(database.db, o.tenant);
        const actor = systemActor(tenant.id, 'cli');
        const creditors = await database.db
          .selectFrom('creditors')
          .select(['id'])
          .where('tenant_id', '=', actor.tenantId)
          .where((eb) => eb.or([eb('name', '=', o.creditor), eb('code', '=', o.creditor.toUpperCase()), ...(/^[0-9a-f-]{36}$/i.test(o.creditor) ? [eb('id', '=', o.creditor)] : [])]))
          .execute();
        if (creditors.length !== 1) throw notFound(msg('not_found.creditor_named', { name: o.creditor }));
        const query = { creditorId: creditors[0]!.id, format: o.format, language: locale, ...(o.load ? { loadId: o.load } : {}), ...(o.asOf ? { asOf: o.asOf } : {}) };
        // Issued: the sealed bytes as stored (generated once); otherwise generated without storing.
        const issued = o.issue ? await issueDischargeReport(database.db, actor, query, locale) : null;
        const file = issued ? { ...(await downloadDischargeReport(database.db, actor, issued.id)), positions: issued.positions } : await generateDischargeReport(database.db, actor, query, locale);
        if (o.out) {
          fs.writeFileSync(o.out, file.content);
          console.error(translate(msg('discharge.written', { file: path.resolve(o.out), positions: file.positions, sha256: file.sha256 }), locale));
        } else {
          process.stdout.write(file.content);
        }
      }),
    );
  cmd
    .command('scheduled')
    .description('make the creditors’ scheduled reports that are due and queue their e-mails (the daily job does this at 06:15)')
    .action(() =>
      withDatabase(config(), async (database, locale) => {
        const r = await makeDueReports(database.db);
        console.error(translate(msg('periodic.made', { made: r.made, mails: r.mails }), locale));
      }),
    );
  cmd
    .command('alerts')
    .description('make the users’ daily alert digests that are due and queue their e-mails (the daily job does this at 06:15)')
    .action(() =>
      withDatabase(config(), async (database, locale) => {
        const r = await makeDailyDigests(database.db);
        console.error(translate(msg('alerts.made', { digests: r.digests, mails: r.mails }), locale));
      }),
    );
  return cmd;
}
