import type { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { notFound } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { reportFileBase } from '../../domain/reports/schedule.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { assertId } from '../shared/scope.ts';
import { ReportRunFileQuery } from './schedule-schema.ts';

/** A scheduled report as it was made and sent (PDF or XLSX), with its SHA-256; a viewer gets its own creditor's only. */
export async function getReportRunFile(db: Db, actor: Actor, id: string, query: z.input<typeof ReportRunFileQuery>): Promise<{ fileName: string; contentType: string; sha256: string; content: Buffer }> {
  authorize(actor, 'read', 'report_schedule');
  assertId(id, 'report_run');
  const { format } = parseInput(ReportRunFileQuery, query);
  let q = db.selectFrom('report_runs').select(['period_to', 'pdf', 'pdf_sha256', 'xlsx', 'xlsx_sha256']).where('tenant_id', '=', actor.tenantId).where('id', '=', id);
  if (actor.creditorId !== null) q = q.where('creditor_id', '=', actor.creditorId);
  const r = await q.executeTakeFirst();
  if (!r) throw notFound('report_run');
  return format === 'pdf'
    ? { fileName: `${reportFileBase(r.period_to)}.pdf`, contentType: 'application/pdf', sha256: r.pdf_sha256, content: r.pdf }
    : { fileName: `${reportFileBase(r.period_to)}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', sha256: r.xlsx_sha256, content: r.xlsx };
}
