import type { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { ListReportSchedulesQuery, type ReportRunView, type ReportScheduleView } from './schedule-schema.ts';

/**
 * The scheduled reports of the tenant (or of one creditor) with their latest runs and each e-mail's
 * state; a creditor's viewer sees its own creditor's only.
 */
export async function listReportSchedules(db: Db, actor: Actor, query: z.input<typeof ListReportSchedulesQuery> = {}): Promise<{ items: ReportScheduleView[] }> {
  authorize(actor, 'read', 'report_schedule');
  const q = parseInput(ListReportSchedulesQuery, query);
  let s = db
    .selectFrom('report_schedules as s')
    .innerJoin('creditors as c', (j) => j.onRef('c.id', '=', 's.creditor_id').onRef('c.tenant_id', '=', 's.tenant_id'))
    .select(['s.id', 's.creditor_id', 'c.name', 's.frequency', 's.language', 's.recipients', 's.active', 's.next_run_on', 's.version'])
    .where('s.tenant_id', '=', actor.tenantId);
  if (actor.creditorId !== null) s = s.where('s.creditor_id', '=', actor.creditorId);
  if (q.creditorId) s = s.where('s.creditor_id', '=', q.creditorId);
  const schedules = await s.orderBy('c.name').orderBy('s.frequency').orderBy('s.id').execute();
  const runs = schedules.length
    ? await db
        .selectFrom('report_runs as r')
        .select(['r.id', 'r.schedule_id', 'r.period_from', 'r.period_to', 'r.language', 'r.pdf_sha256', 'r.xlsx_sha256', 'r.created_at'])
        .where('r.tenant_id', '=', actor.tenantId)
        .where(
          'r.schedule_id',
          'in',
          schedules.map((x) => x.id),
        )
        .orderBy('r.period_to', 'desc')
        .execute()
    : [];
  const mails = runs.length
    ? await db
        .selectFrom('report_mails')
        .select(['run_id', 'recipient', 'status', 'sent_at', 'error'])
        .where('tenant_id', '=', actor.tenantId)
        .where(
          'run_id',
          'in',
          runs.map((r) => r.id),
        )
        .orderBy('recipient')
        .execute()
    : [];
  const byRun = new Map<string, ReportRunView['mails']>();
  for (const m of mails) byRun.set(m.run_id!, [...(byRun.get(m.run_id!) ?? []), { recipient: m.recipient, status: m.status, sentAt: m.sent_at?.toISOString() ?? null, error: m.error }]);
  const bySchedule = new Map<string, ReportRunView[]>();
  for (const r of runs) {
    const list = bySchedule.get(r.schedule_id) ?? [];
    if (list.length >= 12) continue;
    list.push({
      id: r.id,
      periodFrom: r.period_from,
      periodTo: r.period_to,
      language: r.language,
      pdfSha256: r.pdf_sha256,
      xlsxSha256: r.xlsx_sha256,
      createdAt: r.created_at.toISOString(),
      mails: byRun.get(r.id) ?? [],
    });
    bySchedule.set(r.schedule_id, list);
  }
  return {
    items: schedules.map((x) => ({
      id: x.id,
      creditorId: x.creditor_id,
      creditorName: x.name,
      frequency: x.frequency,
      language: x.language,
      recipients: x.recipients,
      active: x.active,
      nextRunOn: x.next_run_on,
      version: x.version,
      runs: bySchedule.get(x.id) ?? [],
    })),
  };
}

/** One schedule as the list shows it (404 when not visible to the actor). */
export async function reportScheduleView(db: Db, actor: Actor, id: string): Promise<ReportScheduleView | undefined> {
  return (await listReportSchedules(db, actor)).items.find((s) => s.id === id);
}
