import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Trx } from '../../db/connect.ts';
import { termsOn, type TermsVersion } from '../../domain/commission/calculate.ts';
import { today } from '../../domain/dates.ts';
import { conflict, fieldError, invalid, unprocessable } from '../../domain/errors.ts';
import { dateParam, msg, type Locale } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { renderStatementPdf, type StatementDocumentInput } from '../../integrations/pdf/remittance-statement-pdf.ts';
import { renderStatementXlsx } from '../../integrations/xlsx/remittance-statement-xlsx.ts';
import { recordAudit } from '../shared/audit.ts';
import { computeStatement } from './statement-data.ts';
import type { StatementView } from './schema.ts';
import { fetchStatement } from './statement-query.ts';

type Computed = Awaited<ReturnType<typeof computeStatement>>;

/** The renderers' input of a computed statement. */
export function documentInput(
  c: Computed,
  opts: { language: Locale; date: string; agencyName: string; number: { number: number; year: number } | null; corrects: { number: number; year: number } | null },
): StatementDocumentInput {
  const period: TermsVersion | null = termsOn(c.versions, c.periodTo);
  return {
    language: opts.language,
    date: opts.date,
    number: opts.number,
    corrects: opts.corrects,
    agencyName: opts.agencyName,
    creditorName: c.creditorName,
    currency: c.currency,
    periodFrom: c.periodFrom,
    periodTo: c.periodTo,
    lines: c.lines,
    totals: c.totals,
    cap: period?.terms.capPerStatement ?? null,
    feePerPosition: period?.terms.feePerPosition ?? null,
    feePerContact: period?.terms.feePerContact ?? null,
  };
}

/** The period is a real one and over (a statement reports what is final). */
export function checkPeriod(from: string, to: string): void {
  if (to < from) throw invalid([fieldError('periodTo', 'commission.period_order')]);
  if (to >= today().toString()) throw invalid([fieldError('periodTo', 'commission.period_future')]);
}

/**
 * Issues a statement on `trx`: the creditor row is locked (one issuer per creditor at a time), the
 * period must not overlap another issued statement still in force (except the one corrected), the
 * terms must cover it; the number is the tenant's next of the year (the counter row moves in this
 * transaction: a failed issue leaves no gap); lines, totals, the PDF and the XLSX with their SHA-256
 * are stored and never change (migration 0038's trigger).
 */
export async function sealStatement(
  trx: Trx,
  actor: Actor,
  creditorId: string,
  period: { from: string; to: string; currency: string },
  language: Locale,
  corrects: { id: string; number: number; year: number } | null,
): Promise<StatementView> {
  const creditor = await trx.selectFrom('creditors').select(['id', 'name']).where('tenant_id', '=', actor.tenantId).where('id', '=', creditorId).forUpdate().executeTakeFirstOrThrow();
  const clash = await trx
    .selectFrom('remittance_statements as s')
    .select(['s.number', 's.year'])
    .where('s.tenant_id', '=', actor.tenantId)
    .where('s.creditor_id', '=', creditor.id)
    .where('s.currency', '=', period.currency)
    .where('s.period_from', '<=', period.to)
    .where('s.period_to', '>=', period.from)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('remittance_statements as s2').select(sql`1`.as('one')).whereRef('s2.corrects_id', '=', 's.id'))))
    .$if(corrects !== null, (q) => q.where('s.id', '!=', corrects!.id))
    .executeTakeFirst();
  if (clash) throw conflict(msg('commission.period_issued', { number: clash.number, year: clash.year }));
  const computed = await computeStatement(trx, actor, creditor, period, corrects ? { excludeStatementId: corrects.id } : {});
  if (computed.missingTermsOn) throw unprocessable(msg('commission.no_terms', { date: dateParam(computed.missingTermsOn) }));
  const issuedOn = today().toString();
  const year = Number(issuedOn.slice(0, 4));
  const { last_number: number } = await trx
    .insertInto('remittance_statement_numbers')
    .values({ tenant_id: actor.tenantId, year, last_number: 1 })
    .onConflict((oc) => oc.columns(['tenant_id', 'year']).doUpdateSet({ last_number: sql`remittance_statement_numbers.last_number + 1` }))
    .returning('last_number')
    .executeTakeFirstOrThrow();
  const tenant = await trx.selectFrom('tenants').select('name').where('id', '=', actor.tenantId).executeTakeFirstOrThrow();
  const doc = documentInput(computed, { language, date: issuedOn, agencyName: tenant.name, number: { number, year }, corrects: corrects && { number: corrects.number, year: corrects.year } });
  const pdf = await renderStatementPdf(doc);
  const xlsx = await renderStatementXlsx(doc);
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  const usedTerms = computed.versions.filter((v) => computed.lines.some((l) => l.termsId === v.id) || termsOn(computed.versions, period.to)?.id === v.id);
  const row = await trx
    .insertInto('remittance_statements')
    .values({
      tenant_id: actor.tenantId,
      creditor_id: creditor.id,
      year,
      number,
      currency: period.currency,
      period_from: period.from,
      period_to: period.to,
      issued_on: issuedOn,
      language,
      corrects_id: corrects?.id ?? null,
      totals: JSON.stringify(computed.totals),
      terms: JSON.stringify(usedTerms),
      pdf,
      pdf_sha256: sha(pdf),
      xlsx,
      xlsx_sha256: sha(xlsx),
      issued_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (computed.lines.length > 0) {
    await trx
      .insertInto('remittance_statement_lines')
      .values(
        computed.lines.map((l, i) => ({
          statement_id: row.id,
          tenant_id: actor.tenantId,
          position: i + 1,
          kind: l.kind,
          payment_id: l.paymentId,
          claim_id: l.claimId,
          claim_ref: l.claimRef,
          debtor_name: l.debtorName,
          value_date: l.valueDate,
          reversed_on: l.reversedOn,
          collected: l.collected,
          base: l.base,
          percent: l.percent,
          commission: l.commission,
          reimbursed: l.reimbursed,
          terms_id: l.termsId,
          unpriced: l.unpriced,
          paid_to_creditor: l.paidToCreditor,
        })),
      )
      .execute();
  }
  await recordAudit(trx, actor, {
    action: corrects ? 'remittance_statement.corrected' : 'remittance_statement.issued',
    entityType: 'remittance_statement',
    entityId: row.id,
    creditorId: creditor.id,
    after: { number, year, periodFrom: period.from, periodTo: period.to, currency: period.currency, totals: computed.totals, pdfSha256: sha(pdf), xlsxSha256: sha(xlsx), corrects: corrects?.id ?? null },
  });
  return fetchStatement(trx as Db, actor, row.id);
}
