import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { today } from '../../domain/dates.ts';
import { isTimeBarred } from '../../domain/import/index.ts';
import { DEFAULT_LOCALE, type Locale } from '../../domain/messages/index.ts';
import type { ClaimKind, Jurisdiction } from '../../domain/model.ts';
import type { Actor } from '../../domain/policies.ts';
import { withoutUsableContact } from '../debtors/list-skip-tracing.ts';
import { getImport } from './list-imports.ts';
import { renderNote } from './stored-messages.ts';

export const REPORT_LISTS = ['unreachable', 'duplicates', 'flags', 'time_barred', 'reviews'] as const;
export type ReportList = (typeof REPORT_LISTS)[number];

export const ImportReport = z.object({
  jobId: z.uuid(),
  asOf: z.string(),
  rejected: z.number(),
  /** Debtors of the file with no contact that is not known to be invalid: to the skip-tracing list. */
  unreachable: z.number(),
  /** One tax id, several names: a typo or a wrong match to check. */
  duplicateTaxIds: z.number(),
  deceased: z.number(),
  ceased: z.number(),
  /** Claims whose limitation period has run by their due date alone (no interruption recorded). */
  timeBarred: z.number(),
  /** Same name without a tax id, another address: created apart, to confirm or merge. */
  reviews: z.number(),
});
export type ImportReport = z.infer<typeof ImportReport>;

/** The debtors and claims an import brought or changed. */
const jobDebtors = (db: Db, actor: Actor, jobId: string) =>
  db
    .selectFrom('claims')
    .select('debtor_id')
    .distinct()
    .where('tenant_id', '=', actor.tenantId)
    .where('import_job_id', '=', jobId);

/**
 * The data-quality report after an import (bonifica): unreachable debtors, tax ids carried by several
 * names, deceased or ceased debtors, claims already time-barred, matches to review, rejected rows.
 * Each list can be read in full with `importReportRows` (and exported as CSV).
 */
export async function getImportReport(db: Db, actor: Actor, jobId: string, asOf = today().toString()): Promise<ImportReport> {
  const job = await getImport(db, actor, jobId);
  const rows = await Promise.all(REPORT_LISTS.map((list) => importReportRows(db, actor, jobId, list, asOf)));
  const [unreachable, duplicates, flags, timeBarred, reviews] = rows;
  return {
    jobId,
    asOf,
    rejected: job.rejected,
    unreachable: unreachable!.length,
    duplicateTaxIds: new Set(duplicates!.map((r) => r.taxCode)).size,
    deceased: flags!.filter((r) => r.deceased === 'true').length,
    ceased: flags!.filter((r) => r.ceased === 'true').length,
    timeBarred: timeBarred!.length,
    reviews: reviews!.length,
  };
}

/** One list of the report as rows of text cells (for the screen and the CSV export); reasons in `locale`. */
export async function importReportRows(
  db: Db,
  actor: Actor,
  jobId: string,
  list: ReportList,
  asOf = today().toString(),
  locale: Locale = DEFAULT_LOCALE,
): Promise<Record<string, string>[]> {
  await getImport(db, actor, jobId);
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  switch (list) {
    case 'unreachable': {
      const rows = await db
        .selectFrom('debtors as d')
        .select(['d.id', 'd.display_name', 'd.tax_code', 'd.vat_number'])
        .where('d.tenant_id', '=', actor.tenantId)
        .where('d.id', 'in', jobDebtors(db, actor, jobId))
        .where(withoutUsableContact)
        .orderBy('d.display_name')
        .execute();
      return rows.map((r) => ({ debtorId: r.id, name: r.display_name, taxCode: text(r.tax_code), vatNumber: text(r.vat_number) }));
    }
    case 'duplicates': {
      const rows = await sql<{ tax_code: string; id: string; display_name: string }>`
        select d.tax_code, d.id, d.display_name from debtors d
        where d.tenant_id = ${actor.tenantId} and d.tax_code in (
          select x.tax_code from debtors x
          where x.tenant_id = ${actor.tenantId} and x.tax_code is not null
            and x.tax_code in (select y.tax_code from debtors y where y.id in (${jobDebtors(db, actor, jobId)}) and y.tax_code is not null)
          group by x.tax_code having count(distinct upper(x.display_name)) > 1)
        ${actor.creditorId === null ? sql`` : sql`and exists (select 1 from claims c where c.tenant_id = d.tenant_id and c.debtor_id = d.id and c.creditor_id = ${actor.creditorId})`}
        order by d.tax_code, d.display_name`.execute(db);
      return rows.rows.map((r) => ({ taxCode: r.tax_code, debtorId: r.id, name: r.display_name }));
    }
    case 'flags': {
      const rows = await db
        .selectFrom('debtors')
        .select(['id', 'display_name', 'tax_code', 'deceased', 'ceased'])
        .where('tenant_id', '=', actor.tenantId)
        .where('id', 'in', jobDebtors(db, actor, jobId))
        .where((eb) => eb.or([eb('deceased', '=', true), eb('ceased', '=', true)]))
        .orderBy('display_name')
        .execute();
      return rows.map((r) => ({ debtorId: r.id, name: r.display_name, taxCode: text(r.tax_code), deceased: String(r.deceased), ceased: String(r.ceased) }));
    }
    case 'time_barred': {
      const rows = await db
        .selectFrom('claims as c')
        .innerJoin('debtors as d', (j) => j.onRef('d.id', '=', 'c.debtor_id').onRef('d.tenant_id', '=', 'c.tenant_id'))
        .select(['c.id', 'c.external_ref', 'c.kind', 'c.due_date', 'c.tax_year', 'c.jurisdiction', 'c.principal', 'c.currency', 'd.display_name'])
        .where('c.tenant_id', '=', actor.tenantId)
        .where('c.import_job_id', '=', jobId)
        .orderBy('c.due_date')
        .execute();
      return rows
        .filter((c) => isTimeBarred(c.kind as ClaimKind, c.due_date, c.tax_year, c.jurisdiction as Jurisdiction, asOf))
        .map((c) => ({ claimId: c.id, externalRef: c.external_ref, debtor: c.display_name, kind: c.kind, dueDate: c.due_date, principal: c.principal, currency: c.currency }));
    }
    case 'reviews': {
      let q = db
        .selectFrom('import_reviews as r')
        .innerJoin('debtors as d', 'd.id', 'r.debtor_id')
        .innerJoin('debtors as k', 'k.id', 'r.candidate_id')
        .select(['r.id', 'r.line', 'r.reason', 'r.status', 'd.id as debtorId', 'd.display_name as debtor', 'k.id as candidateId', 'k.display_name as candidate'])
        .where('r.tenant_id', '=', actor.tenantId)
        .where('r.job_id', '=', jobId);
      // A viewer bound to a creditor sees no debtor of another mandate, not even as a possible match.
      if (actor.creditorId !== null) {
        const creditorId = actor.creditorId;
        q = q.where(({ exists, selectFrom }) =>
          exists(
            selectFrom('claims as c').select('c.id').whereRef('c.debtor_id', '=', 'k.id').where('c.tenant_id', '=', actor.tenantId).where('c.creditor_id', '=', creditorId),
          ),
        );
      }
      const rows = await q.orderBy('r.line').execute();
      return rows.map((r) => ({ reviewId: r.id, line: String(r.line), debtorId: r.debtorId, debtor: r.debtor, candidateId: r.candidateId, candidate: r.candidate, reason: renderNote(r.reason, locale), status: r.status }));
    }
  }
}
