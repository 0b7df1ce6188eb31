import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { today } from '../../domain/dates.ts';
import { notFound } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { firstRunAfter } from '../../domain/reports/schedule.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { checkVersion } from '../shared/present.ts';
import { assertId } from '../shared/scope.ts';
import { reportScheduleView } from './list-report-schedules.ts';
import { UpdateReportScheduleInput, type ReportScheduleView } from './schedule-schema.ts';

/**
 * Changes who gets a scheduled report, how often, in which language, or pauses it. A new frequency (or
 * a schedule switched back on) starts at its next due day: no report for a period before the change.
 */
export async function updateReportSchedule(db: Db, actor: Actor, id: string, input: z.input<typeof UpdateReportScheduleInput>): Promise<ReportScheduleView> {
  assertId(id, 'report_schedule');
  const data = parseInput(UpdateReportScheduleInput, input);
  return db.transaction().execute(async (trx) => {
    let q = trx.selectFrom('report_schedules').selectAll().where('tenant_id', '=', actor.tenantId).where('id', '=', id);
    if (actor.creditorId !== null) q = q.where('creditor_id', '=', actor.creditorId);
    const before = await q.forUpdate().executeTakeFirst();
    if (!before) throw notFound('report_schedule');
    authorize(actor, 'update', 'report_schedule');
    checkVersion(before.version, data.version);
    const frequency = data.frequency ?? before.frequency;
    const restart = frequency !== before.frequency || (data.active === true && !before.active);
    const after = {
      frequency,
      language: data.language ?? before.language,
      recipients: data.recipients ?? before.recipients,
      active: data.active ?? before.active,
      next_run_on: restart ? firstRunAfter(frequency, today().toString()) : before.next_run_on,
    };
    await trx
      .updateTable('report_schedules')
      .set({ ...after, updated_at: sql`now()`, version: sql`version + 1` })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'report_schedule.updated',
      entityType: 'report_schedule',
      entityId: id,
      creditorId: before.creditor_id,
      before: { frequency: before.frequency, language: before.language, recipients: before.recipients, active: before.active, nextRunOn: before.next_run_on },
      after: { ...after, nextRunOn: after.next_run_on },
    });
    return (await reportScheduleView(trx, actor, id))!;
  });
}
