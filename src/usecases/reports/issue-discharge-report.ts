import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import type { Locale } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { openDischargeReport, resolveDischargeScope } from './discharge-data.ts';
import { renderDischargeFile, type DischargeFile } from './discharge-file.ts';
import { assertIdentity } from './generate-discharge-report.ts';
import { IssueDischargeInput, type DischargeReportView } from './schema.ts';
import { dischargeReportView } from './list-discharge-reports.ts';

/**
 * Issues a discharge report (issue 16 item 6): generated from the records on one transaction, refused
 * when the identity carico = riscosso + sgravi + residuo does not hold, then stored sealed — the bytes
 * with their SHA-256, who issued it and when — with its audit event. The table refuses changes: a
 * correction is a new report.
 */
export async function coreIssueDischargeReport(trx: Trx, actor: Actor, input: z.input<typeof IssueDischargeInput>, locale: Locale): Promise<DischargeReportView> {
  const q = parseInput(IssueDischargeInput, input);
  const scope = await resolveDischargeScope(trx, actor, q);
  authorize(actor, 'create', 'discharge_report');
  const source = await openDischargeReport(trx, actor.tenantId, scope);
  const report = source.head;
  const language = q.language ?? locale;
  let file: DischargeFile;
  try {
    assertIdentity(report);
    file = await renderDischargeFile(source, scope, q.format, language);
  } finally {
    await source.close();
  }
  const row = await trx
    .insertInto('discharge_reports')
    .values({
      tenant_id: actor.tenantId,
      creditor_id: scope.creditorId,
      import_job_id: scope.loadId,
      as_of: scope.asOf,
      format: q.format,
      language,
      file_name: file.fileName,
      content: file.content,
      sha256: file.sha256,
      positions: report.positions,
      totals: JSON.stringify({ totals: report.totals, groups: report.groups }),
      issued_by: actor.userId,
      issued_by_label: actor.label,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: 'discharge_report.issued',
    entityType: 'discharge_report',
    entityId: row.id,
    creditorId: scope.creditorId,
    after: { asOf: scope.asOf, loadId: scope.loadId, format: q.format, sha256: file.sha256, positions: report.positions, totals: report.totals },
  });
  return dischargeReportView(row);
}

export function issueDischargeReport(db: Db, actor: Actor, input: z.input<typeof IssueDischargeInput>, locale: Locale = 'it'): Promise<DischargeReportView> {
  // Repeatable read: the scope and the positions are read from one snapshot.
  return db.transaction().setIsolationLevel('repeatable read').execute((trx) => coreIssueDischargeReport(trx, actor, input, locale));
}
