import type { Db } from '../../db/connect.ts';
import { notFound } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { assertId } from '../shared/scope.ts';
import type { StatementListItem, StatementView } from './schema.ts';

type Ref = { id: string; number: number; year: number } | null;

/** Issued statements as the actor may see them (tenant; a creditor's user: its own), newest first. */
export function statementsVisible(db: Db, actor: Actor) {
  let q = db
    .selectFrom('remittance_statements as s')
    .innerJoin('creditors as cr', 'cr.id', 's.creditor_id')
    .leftJoin('remittance_statements as old', 'old.id', 's.corrects_id')
    .leftJoin('remittance_statements as fix', 'fix.corrects_id', 's.id')
    .select([
      's.id',
      's.creditor_id',
      'cr.name as creditor_name',
      's.number',
      's.year',
      's.currency',
      's.period_from',
      's.period_to',
      's.issued_on',
      's.issued_at',
      's.language',
      's.totals',
      's.pdf_sha256',
      's.xlsx_sha256',
      'old.id as old_id',
      'old.number as old_number',
      'old.year as old_year',
      'fix.id as fix_id',
      'fix.number as fix_number',
      'fix.year as fix_year',
    ])
    .where('s.tenant_id', '=', actor.tenantId);
  if (actor.creditorId !== null) q = q.where('s.creditor_id', '=', actor.creditorId);
  return q;
}

type Row = Awaited<ReturnType<ReturnType<typeof statementsVisible>['execute']>>[number];

export function statementItemOf(r: Row): StatementListItem {
  const ref = (id: string | null, number: number | null, year: number | null): Ref => (id && number !== null && year !== null ? { id, number, year } : null);
  return {
    id: r.id,
    creditorId: r.creditor_id,
    creditorName: r.creditor_name,
    number: r.number,
    year: r.year,
    currency: r.currency,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    issuedOn: r.issued_on,
    issuedAt: r.issued_at.toISOString(),
    language: r.language,
    corrects: ref(r.old_id, r.old_number, r.old_year),
    correctedBy: ref(r.fix_id, r.fix_number, r.fix_year),
    pdfSha256: r.pdf_sha256,
    xlsxSha256: r.xlsx_sha256,
    missingTermsOn: null,
    totals: r.totals as StatementView['totals'],
  };
}

/** One issued statement with its stored lines; 404 outside the actor's tenant (or creditor). */
export async function fetchStatement(db: Db, actor: Actor, id: string): Promise<StatementView> {
  assertId(id, 'statement');
  const row = await statementsVisible(db, actor).where('s.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('statement');
  const lines = await db.selectFrom('remittance_statement_lines').selectAll().where('tenant_id', '=', actor.tenantId).where('statement_id', '=', id).orderBy('position').execute();
  return {
    ...statementItemOf(row),
    lines: lines.map((l) => ({
      kind: l.kind,
      paymentId: l.payment_id,
      claimId: l.claim_id,
      claimRef: l.claim_ref,
      debtorName: l.debtor_name,
      valueDate: l.value_date,
      reversedOn: l.reversed_on,
      collected: l.collected,
      base: l.base,
      percent: l.percent,
      commission: l.commission,
      reimbursed: l.reimbursed,
      termsId: l.terms_id,
      unpriced: l.unpriced,
      paidToCreditor: l.paid_to_creditor,
    })),
  };
}
