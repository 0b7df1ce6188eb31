import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { today } from '../../domain/dates.ts';
import type { Actor } from '../../domain/policies.ts';
import { firstRunAfter } from '../../domain/reports/schedule.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { loadCreditor } from '../shared/scope.ts';
import { reportScheduleView } from './list-report-schedules.ts';
import { CreateReportScheduleInput, type ReportScheduleView } from './schedule-schema.ts';

/**
 * A creditor's scheduled report: weekly or monthly, in a language, to the addresses the creditor names.
 * The first is made on the next due day (Monday / the 1st) for the period just ended.
 */
export async function createReportSchedule(db: Db, actor: Actor, input: z.input<typeof CreateReportScheduleInput>): Promise<ReportScheduleView> {
  return db.transaction().execute((trx) => addReportSchedule(trx, actor, input));
}

export async function addReportSchedule(trx: Trx, actor: Actor, input: z.input<typeof CreateReportScheduleInput>): Promise<ReportScheduleView> {
  const data = parseInput(CreateReportScheduleInput, input);
  const creditor = await loadCreditor(trx, actor, data.creditorId);
  authorize(actor, 'create', 'report_schedule');
  const row = await trx
    .insertInto('report_schedules')
    .values({
      tenant_id: actor.tenantId,
      creditor_id: creditor.id,
      frequency: data.frequency,
      language: data.language,
      recipients: data.recipients,
      next_run_on: firstRunAfter(data.frequency, today().toString()),
      created_by_label: actor.label,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: 'report_schedule.created',
    entityType: 'report_schedule',
    entityId: row.id,
    creditorId: creditor.id,
    after: { frequency: data.frequency, language: data.language, recipients: data.recipients },
  });
  return (await reportScheduleView(trx, actor, row.id))!;
}
