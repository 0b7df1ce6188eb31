import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { DischargeReportsTable } from '../../db/schema.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { ListDischargeQuery, type DischargeReportView } from './schema.ts';

export function dischargeReportView(r: Omit<Selectable<DischargeReportsTable>, 'content' | 'tenant_id'>): DischargeReportView {
  return {
    id: r.id,
    creditorId: r.creditor_id,
    loadId: r.import_job_id,
    asOf: r.as_of,
    format: r.format,
    language: r.language,
    fileName: r.file_name,
    sha256: r.sha256,
    positions: r.positions,
    totals: r.totals,
    issuedBy: r.issued_by_label,
    issuedAt: r.issued_at.toISOString(),
  };
}

/** Issued discharge reports, newest first, with their seal and who issued them; a viewer sees its creditor's only. */
export async function listDischargeReports(db: Db, actor: Actor, query: z.input<typeof ListDischargeQuery>): Promise<{ items: DischargeReportView[] }> {
  authorize(actor, 'read', 'discharge_report');
  const q = parseInput(ListDischargeQuery, query);
  let s = db
    .selectFrom('discharge_reports')
    .select(['id', 'creditor_id', 'import_job_id', 'as_of', 'format', 'language', 'file_name', 'sha256', 'positions', 'totals', 'issued_by', 'issued_by_label', 'issued_at'])
    .where('tenant_id', '=', actor.tenantId);
  if (actor.creditorId !== null) s = s.where('creditor_id', '=', actor.creditorId);
  if (q.creditorId) s = s.where('creditor_id', '=', q.creditorId);
  const rows = await s.orderBy('issued_at', 'desc').orderBy('id', 'desc').limit(500).execute();
  return { items: rows.map(dischargeReportView) };
}
