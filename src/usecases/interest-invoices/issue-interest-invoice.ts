import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import type { InterestInvoicesTable } from '../../db/schema.ts';
import { plainDateOf, today } from '../../domain/dates.ts';
import { unprocessable } from '../../domain/errors.ts';
import { claimStatement, type ClaimTerms } from '../../domain/interest/claim-ledger.ts';
import { dateParam, msg } from '../../domain/messages/index.ts';
import { money, toMoneyString } from '../../domain/money.ts';
import type { Actor } from '../../domain/policies.ts';
import { renderInterestInvoicePdf } from '../../integrations/pdf/interest-invoice-pdf.ts';
import { loadLedgers, type ClaimLedger } from '../claims/ledger.ts';
import { currentRateBook } from '../interest/rate-book.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { loadClaim } from '../shared/scope.ts';
import { IssueInterestInvoiceInput, type InterestInvoiceView } from './schema.ts';

/** A comune's revenues: their interest is liquidated in the act, never invoiced. */
const TAX_KINDS = new Set(['imu', 'tari', 'cup', 'cds_fine']);

export function interestInvoiceView(r: Omit<Selectable<InterestInvoicesTable>, 'pdf' | 'tenant_id' | 'creditor_id' | 'debtor_id' | 'issued_at'>): InterestInvoiceView {
  return {
    id: r.id,
    claimId: r.claim_id,
    number: r.number,
    year: r.year,
    issuedOn: r.issued_on,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    amount: r.amount,
    currency: r.currency,
    language: r.language,
    sha256: r.sha256,
    issuedBy: r.issued_by_label,
  };
}

/** All interest accrued on the claim up to `day` (inclusive), from the engine, counting only what happened by then. */
function interestUpTo(book: Awaited<ReturnType<typeof currentRateBook>>, l: ClaimLedger, day: string) {
  if (day < l.terms.dueDate) return { interest: money(0), periods: [] };
  const { statement } = claimStatement(
    book,
    l.terms as ClaimTerms,
    l.payments.filter((p) => p.date <= day),
    l.costs.filter((c) => c.date <= day),
    day,
  );
  return { interest: money(statement.interest), periods: statement.periods };
}

/**
 * A separate invoice of the interest a claim accrued (issue 17 item 5; seed 003, option 2): from the
 * day after the previous interest invoice (or the first day of interest) to `to`, the amount being the
 * engine's accrued interest at `to` less that at the day before the period — the same figures as the
 * claim's statement, so the invoices of a claim add up to its interest. Numbered per creditor and year
 * in the transaction (no gaps: a failed issue rolls the counter back), sealed with its SHA-256, no VAT.
 * The claim's balance does not change: the invoice documents interest the claim already owes.
 */
export async function issueInterestInvoice(db: Db, actor: Actor, claimId: string, input: z.input<typeof IssueInterestInvoiceInput> = {}): Promise<InterestInvoiceView> {
  const data = parseInput(IssueInterestInvoiceInput, input);
  return db.transaction().execute((trx) => sealInterestInvoice(trx, actor, claimId, data));
}

async function sealInterestInvoice(trx: Trx, actor: Actor, claimId: string, data: z.output<typeof IssueInterestInvoiceInput>): Promise<InterestInvoiceView> {
  const claim = await loadClaim(trx, actor, claimId, { forUpdate: true });
  authorize(actor, 'update', 'claim');
  if (TAX_KINDS.has(claim.kind) || claim.act_kind !== null) throw unprocessable(msg('interest_invoice.tax_claim'));
  if (claim.interest_waiver) throw unprocessable(msg('interest_invoice.waived'));
  const day = today().toString();
  const to = data.to ?? day;
  if (to > day) throw unprocessable(msg('interest_invoice.future', { date: dateParam(day) }));
  const previous = await trx
    .selectFrom('interest_invoices')
    .select('period_to')
    .where('tenant_id', '=', actor.tenantId)
    .where('claim_id', '=', claim.id)
    .orderBy('period_to', 'desc')
    .limit(1)
    .executeTakeFirst();
  const from = plainDateOf(previous?.period_to ?? claim.due_date)
    .add({ days: 1 })
    .toString();
  if (to < from) throw unprocessable(msg('interest_invoice.already_to', { date: dateParam(previous?.period_to ?? claim.due_date) }));
  const ledger = (await loadLedgers(trx, actor, [claim.id])).get(claim.id)!;
  const book = await currentRateBook(trx);
  const end = interestUpTo(book, ledger, to);
  const start = interestUpTo(book, ledger, plainDateOf(from).subtract({ days: 1 }).toString());
  const amount = end.interest.minus(start.interest);
  if (!amount.gt(0)) throw unprocessable(msg('interest_invoice.nothing', { from: dateParam(from), to: dateParam(to) }));

  const year = plainDateOf(day).year;
  const counter = await sql<{ last: number }>`
    insert into interest_invoice_numbers (tenant_id, creditor_id, year, last) values (${actor.tenantId}, ${claim.creditor_id}, ${year}, 1)
    on conflict (tenant_id, creditor_id, year) do update set last = interest_invoice_numbers.last + 1
    returning last`.execute(trx);
  const number = counter.rows[0]!.last;
  const creditor = await trx
    .selectFrom('creditors')
    .select(['name', 'address_line1', 'postal_code', 'city', 'province', 'vat_number', 'tax_code', 'ch_uid', 'iban', 'default_jurisdiction'])
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', claim.creditor_id)
    .executeTakeFirstOrThrow();
  const debtor = await trx.selectFrom('debtors').select(['display_name', 'vat_number', 'tax_code']).where('tenant_id', '=', actor.tenantId).where('id', '=', claim.debtor_id).executeTakeFirstOrThrow();
  const address = await trx
    .selectFrom('addresses')
    .select(['line1', 'line2', 'postal_code', 'city', 'province', 'country'])
    .where('tenant_id', '=', actor.tenantId)
    .where('debtor_id', '=', claim.debtor_id)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', day)]))
    .orderBy(sql`case kind when 'billing' then 0 when 'registered_office' then 1 when 'residence' then 2 else 3 end`)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  const place = (a: { postal_code: string | null; city: string | null; province: string | null }) => [a.postal_code, a.city, a.province ? `(${a.province})` : null].filter(Boolean).join(' ');
  const periods = end.periods
    .filter((p) => p.to >= from && p.from <= to)
    .map((p) => ({ from: p.from < from ? from : p.from, to: p.to > to ? to : p.to, rate: p.rate, principal: p.principal }));
  const pdf = await renderInterestInvoicePdf({
    language: data.language,
    number,
    year,
    issuedOn: day,
    creditor: {
      name: creditor.name,
      lines: [creditor.address_line1, creditor.city ? place(creditor) : null, creditor.vat_number ? `P. IVA ${creditor.vat_number}` : creditor.ch_uid ?? creditor.tax_code].filter((x): x is string => !!x),
      iban: creditor.iban,
      jurisdiction: creditor.default_jurisdiction as 'IT' | 'CH' | 'DE' | 'FR',
    },
    debtor: {
      name: debtor.display_name,
      lines: [
        ...(address ? [address.line1, address.line2, place(address)].filter((x): x is string => !!x) : []),
        ...(debtor.vat_number ? [`P. IVA ${debtor.vat_number}`] : debtor.tax_code ? [`C.F. ${debtor.tax_code}`] : []),
      ],
    },
    claim: { ref: claim.external_ref, issuedOn: claim.issue_date, dueDate: claim.due_date, principal: claim.principal },
    period: { from, to },
    periods,
    amount: toMoneyString(amount),
    currency: claim.currency,
  });
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const row = await trx
    .insertInto('interest_invoices')
    .values({
      tenant_id: actor.tenantId,
      creditor_id: claim.creditor_id,
      claim_id: claim.id,
      debtor_id: claim.debtor_id,
      year,
      number,
      issued_on: day,
      period_from: from,
      period_to: to,
      amount: toMoneyString(amount),
      currency: claim.currency,
      language: data.language,
      pdf,
      sha256,
      issued_by_label: actor.label,
    })
    .returning(['id', 'claim_id', 'year', 'number', 'issued_on', 'period_from', 'period_to', 'amount', 'currency', 'language', 'sha256', 'issued_by_label'])
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: 'claim.interest_invoiced',
    entityType: 'claim',
    entityId: claim.id,
    debtorId: claim.debtor_id,
    creditorId: claim.creditor_id,
    after: { invoiceId: row.id, number: `${number}/${year}`, from, to, amount: toMoneyString(amount), sha256 },
  });
  return interestInvoiceView(row);
}
