import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { today } from '../../domain/dates.ts';
import { invalid, notFound, fieldError } from '../../domain/errors.ts';
import { isoDate } from '../../domain/fields.ts';
import { paidPerComponent, splitOntoComponents } from '../../domain/claims/components.ts';
import { claimStatement } from '../../domain/interest/claim-ledger.ts';
import { COMPONENT_KINDS } from '../../domain/model.ts';
import { dateParam } from '../../domain/messages/index.ts';
import { money, toMoneyString } from '../../domain/money.ts';
import { InterestInputError, type Statement } from '../../domain/interest/compute.ts';
import type { Actor } from '../../domain/policies.ts';
import { renderStatementPdf, PDF_LANGUAGES, type PdfLanguage } from '../../integrations/pdf/interest-statement-pdf.ts';
import { currentRateBook } from '../interest/rate-book.ts';
import { StatementView } from '../interest/statement-view.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { assertId } from '../shared/scope.ts';
import { claimsQuery } from './claim-query.ts';
import { loadLedgers } from './ledger.ts';

export const ClaimStatementQuery = z.object({
  /** The day the statement runs to (default: today). */
  asOf: isoDate.optional(),
  lang: z.enum(PDF_LANGUAGES).default('it'),
});

export const ClaimStatementView = z.object({
  claimId: z.uuid(),
  externalRef: z.string(),
  creditorName: z.string(),
  debtorName: z.string(),
  description: z.string().nullable(),
  /** Set when the rate tables end before the day asked for: the statement stops there. */
  ratesKnownUntil: z.string().nullable(),
  statement: StatementView,
  /**
   * What the claim's money is made of, to the statement's day: each component (a company's claim has
   * one, its principal) with its amount, what the payments gave it, what was waived and what is due.
   */
  components: z.array(
    z.object({
      id: z.uuid(),
      position: z.number(),
      kind: z.enum(COMPONENT_KINDS),
      accruesInterest: z.boolean(),
      tributeCode: z.string().nullable(),
      amount: z.string(),
      paid: z.string(),
      waived: z.string(),
      due: z.string(),
    }),
  ),
  /** Per payment of the statement (same order), how it split onto the components. */
  componentSplits: z.array(
    z.object({
      date: z.string(),
      amount: z.string(),
      components: z.array(z.object({ componentId: z.uuid(), kind: z.enum(COMPONENT_KINDS), amount: z.string() })),
    }),
  ),
});
export type ClaimStatementView = z.infer<typeof ClaimStatementView>;

/**
 * The interest statement (prospetto di calcolo) of one claim to a day: every period with its rate,
 * the payments and how each was split, the costs, the totals and the legal basis — the same figures
 * as the claim's balance, from the same engine.
 */
export async function getClaimStatement(db: Db, actor: Actor, id: string, query: z.input<typeof ClaimStatementQuery> = {}): Promise<ClaimStatementView> {
  authorize(actor, 'read', 'claim');
  assertId(id, 'claim');
  const { asOf } = parseInput(ClaimStatementQuery, query);
  const claim = await claimsQuery(db, actor)
    .select(['c.id', 'c.external_ref', 'k.name as creditor_name', 'd.display_name as debtor_name', 'c.description'])
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!claim) throw notFound('claim');
  const ledger = (await loadLedgers(db, actor, [id])).get(id)!;
  const day = asOf ?? today().toString();
  const lastPayment = ledger.payments.reduce((m, p) => (p.date > m ? p.date : m), '');
  if (lastPayment > day) {
    throw invalid([fieldError('asOf', 'claim.payment_after_date', { date: dateParam(lastPayment) })]);
  }
  try {
    const { statement, ratesKnownUntil } = claimStatement(await currentRateBook(db), ledger.terms, ledger.payments, ledger.costs, day);
    const shares = splitOntoComponents(ledger.components, statement.payments);
    const paid = paidPerComponent(ledger.components, shares);
    return {
      claimId: claim.id,
      externalRef: claim.external_ref,
      creditorName: claim.creditor_name,
      debtorName: claim.debtor_name,
      description: claim.description,
      ratesKnownUntil,
      statement,
      components: ledger.components.map((k) => ({
        id: k.id,
        position: k.position,
        kind: k.kind,
        accruesInterest: k.accrues,
        tributeCode: k.tributeCode,
        amount: toMoneyString(k.amount),
        paid: paid.get(k.id)!,
        waived: toMoneyString(k.waived ?? '0'),
        due: toMoneyString(money(k.amount).minus(k.waived ?? '0').minus(paid.get(k.id)!)),
      })),
      componentSplits: statement.payments.map((p, i) => ({
        date: p.date,
        amount: p.amount,
        components: shares[i]!.map((x) => ({ componentId: x.componentId, kind: x.kind, amount: x.amount })),
      })),
    };
  } catch (err) {
    if (err instanceof InterestInputError) throw invalid([fieldError(err.field, err.msg.code, err.msg.params)], err.msg);
    throw err;
  }
}

const HEADING: Record<PdfLanguage, { creditor: string; debtor: string; claim: string; known: string }> = {
  it: { creditor: 'Creditore', debtor: 'Debitore', claim: 'Pratica', known: 'Tassi noti fino al' },
  en: { creditor: 'Creditor', debtor: 'Debtor', claim: 'Claim', known: 'Rates known until' },
  de: { creditor: 'Gläubiger', debtor: 'Schuldner', claim: 'Forderung', known: 'Zinssätze bekannt bis' },
  fr: { creditor: 'Créancier', debtor: 'Débiteur', claim: 'Créance', known: 'Taux connus jusqu’au' },
};

/** The claim's statement as an A4 PDF in the language asked for. */
export async function claimStatementPdf(
  db: Db,
  actor: Actor,
  id: string,
  query: z.input<typeof ClaimStatementQuery> = {},
  /** `created`: date the file (and derive its ID from the content) so the same statement gives the same bytes. */
  opts: { created?: string } = {},
): Promise<{ view: ClaimStatementView; pdf: Buffer }> {
  const { lang } = parseInput(ClaimStatementQuery, query);
  const view = await getClaimStatement(db, actor, id, query);
  const h = HEADING[lang];
  const heading = [
    `${h.creditor}: ${view.creditorName}`,
    `${h.debtor}: ${view.debtorName}`,
    `${h.claim}: ${view.externalRef}${view.description ? ` — ${view.description}` : ''}`,
    ...(view.ratesKnownUntil ? [`${h.known} ${view.ratesKnownUntil}`] : []),
  ];
  return { view, pdf: await renderStatementPdf(view.statement as Statement, { language: lang, heading, ...(opts.created ? { created: opts.created } : {}) }) };
}
