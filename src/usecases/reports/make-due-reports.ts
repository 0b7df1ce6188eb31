import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Db, Trx } from '../../db/connect.ts';
import type { ReportSchedulesTable } from '../../db/schema.ts';
import { today } from '../../domain/dates.ts';
import { dateParam, msg, translate } from '../../domain/messages/index.ts';
import { systemActor } from '../../domain/policies.ts';
import { nextRunAfter, periodOf, reportFileBase } from '../../domain/reports/schedule.ts';
import { renderPeriodicPdf } from '../../integrations/reports/periodic-pdf.ts';
import { renderPeriodicXlsx } from '../../integrations/reports/periodic-xlsx.ts';
import { recordAudit } from '../shared/audit.ts';
import { loadPeriodicReport } from './periodic-report-data.ts';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * The scheduled reports due today (or before: a server that was down catches up, one report per
 * period missed), each in its own transaction: the schedule is locked (`SKIP LOCKED`: several nodes may
 * run this at once, each report is made by one of them), the report is made, stored with its SHA-256,
 * one e-mail per recipient is put in the outbox, and the schedule moves to its next due day. A crash
 * before the commit leaves nothing behind and the next run makes the same report; after it, the
 * outbox delivers each e-mail exactly once — a period is never reported twice (unique per schedule and
 * period) nor lost.
 */
export async function makeDueReports(db: Db, opts: { today?: string } = {}): Promise<{ made: number; mails: number }> {
  const day = opts.today ?? today().toString();
  let made = 0;
  let mails = 0;
  for (;;) {
    const r = await db.transaction().execute(async (trx) => {
      const s = await trx
        .selectFrom('report_schedules')
        .selectAll()
        .where('active', '=', true)
        .where('next_run_on', '<=', day)
        .orderBy('next_run_on')
        .orderBy('id')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!s) return null;
      return makeReport(trx, s, day);
    });
    if (r === null) break;
    made++;
    mails += r;
  }
  return { made, mails };
}

async function makeReport(trx: Trx, s: Selectable<ReportSchedulesTable>, day: string): Promise<number> {
  const actor = systemActor(s.tenant_id, 'reports');
  const period = periodOf(s.frequency, s.next_run_on);
  const creditor = await trx.selectFrom('creditors').select(['id', 'name']).where('tenant_id', '=', s.tenant_id).where('id', '=', s.creditor_id).executeTakeFirstOrThrow();
  const report = await loadPeriodicReport(trx, s.tenant_id, creditor, period, day);
  const input = { report, frequency: s.frequency, locale: s.language };
  const [pdf, xlsx] = [await renderPeriodicPdf(input), await renderPeriodicXlsx(input)];
  const run = await trx
    .insertInto('report_runs')
    .values({
      tenant_id: s.tenant_id,
      schedule_id: s.id,
      creditor_id: s.creditor_id,
      period_from: period.from,
      period_to: period.to,
      language: s.language,
      pdf,
      pdf_sha256: sha256(pdf),
      xlsx,
      xlsx_sha256: sha256(xlsx),
    })
    .onConflict((oc) => oc.columns(['schedule_id', 'period_to']).doNothing())
    .returning('id')
    .executeTakeFirst();
  let sent = 0;
  if (run) {
    const t = (code: Parameters<typeof msg>[0], params?: Parameters<typeof msg>[1]) => translate(msg(code, params), s.language);
    const frequency = t(`periodic.${s.frequency}`);
    const base = reportFileBase(period.to);
    const params = { creditor: creditor.name, frequency, from: dateParam(period.from), to: dateParam(period.to) };
    const rows = s.recipients.map((recipient, i) => ({
      tenant_id: s.tenant_id,
      run_id: run.id,
      recipient,
      subject: t('periodic.mail_subject', params),
      body_text: t('periodic.mail_body', { ...params, pdf: `${base}.pdf`, xlsx: `${base}.xlsx` }),
      message_id: `<report-${run.id}-${i}@incasso>`,
    }));
    const inserted = await trx.insertInto('report_mails').values(rows).returning('id').execute();
    await trx
      .insertInto('outbox')
      .values(inserted.map((m) => ({ tenant_id: s.tenant_id, report_mail_id: m.id })))
      .execute();
    sent = inserted.length;
    await recordAudit(trx, actor, {
      action: 'report.made',
      entityType: 'report_run',
      entityId: run.id,
      creditorId: s.creditor_id,
      after: { scheduleId: s.id, periodFrom: period.from, periodTo: period.to, recipients: s.recipients, pdfSha256: sha256(pdf), xlsxSha256: sha256(xlsx) },
    });
  }
  await trx.updateTable('report_schedules').set({ next_run_on: nextRunAfter(s.frequency, s.next_run_on) }).where('id', '=', s.id).execute();
  return sent;
}
