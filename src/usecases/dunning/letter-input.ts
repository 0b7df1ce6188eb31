import { isQRIBAN } from 'swissqrbill/utils';
import { parseDate } from '../../domain/dates.ts';
import { claimReferences, fillTemplate, templateFor, templateForAct, type InterestMode, type Language } from '../../domain/dunning/index.ts';
import { asLanguage } from '../../domain/dunning/words.ts';
import { customizedTemplate } from '../../domain/dunning/custom-templates.ts';
import { templateSlot } from '../shared/creditor-templates.ts';
import { agencyLetterhead, creditorSender } from '../shared/letter-sender.ts';
import { FLAT_COMPENSATION_LABEL } from '../../domain/interest/basis.ts';
import type { ClaimBalance } from '../../domain/interest/claim-ledger.ts';
import { claimStatement } from '../../domain/interest/claim-ledger.ts';
import type { RateBook, Regime } from '../../domain/interest/regimes.ts';
import { money, sumMoney, toMoneyString } from '../../domain/money.ts';
import { properCaseName } from '../../domain/names.ts';
import { formatMoneyText } from '../../domain/money-format.ts';
import { validateIban } from '../../domain/tax-ids.ts';
import { LetterPaymentError, type LetterClaim, type LetterInput, type LetterParty, type LetterPayment } from '../../integrations/letters/index.ts';
import { longDate as longDateText } from '../../integrations/letters/format.ts';
import { balanceOf, type ClaimLedger } from '../claims/ledger.ts';
import type { DebtorPlan, PlannedClaim } from './decide.ts';
import type { DebtorContext } from './load-context.ts';
import { encodeMessage, msg } from '../../domain/messages/index.ts';
import { comuneName, creditorOf } from '../../domain/municipal/comune-name.ts';
import { agencyLine, governingAct, isComune, municipalLetter, municipalPosition } from './municipal-letter.ts';

/**
 * The fully decided letter (the renderers' input) of one plan: every text in the reader's language,
 * every amount exact. What each claim shows follows its own step's interest mode: interest is in the
 * amounts only where the step charges it (with the claim's interest statement); a step that mentions
 * it says so in its text.
 *
 * Payment references are derived from the claim so that the payment can be matched later: the
 * claim's number with prefix 1 for a letter about one claim, the communication's number with prefix 2
 * for a letter about several (the communication lists its claims). CHF to a Swiss QR-IBAN: QRR;
 * otherwise the structured creditor reference RF (ISO 11649, SCOR on the QR-bill).
 */

import { CLAIM_REFERENCE_PREFIX, COMMUNICATION_REFERENCE_PREFIX } from '../../domain/dunning/references.ts';
export { CLAIM_REFERENCE_PREFIX, COMMUNICATION_REFERENCE_PREFIX };

/** Days the reader has to pay, by tier (a formal notice sets a fair term, art. 1454 c.c. uses 15). */
const PAY_WITHIN: Record<string, number> = { soft: 10, formal: 15, negotiation: 15, closure: 15, legal: 10 };

export interface LetterClaimData {
  claim: PlannedClaim;
  row: DebtorContext['claims'][number];
  ledger: ClaimLedger;
  balance: ClaimBalance;
}

export interface LetterContext {
  ctx: DebtorContext;
  plan: DebtorPlan;
  book: RateBook;
  date: string;
  interest: InterestMode;
  claims: LetterClaimData[];
  communicationRefNo: string;
  documentId: string;
}

/**
 * What one claim asks for under an interest mode. Interest is asked for only where the step charges
 * it; where it is only mentioned ("interest accrues from …") the text says so and the amounts leave
 * it out, as where it is not named at all.
 */
export function claimAmounts(b: ClaimBalance, mode: InterestMode, flat: FlatCompensation = NO_FLAT) {
  const withInterest = mode === 'charge';
  // The flat compensation is a late-payment entitlement like interest: a step that names neither
  // (interest 'none', the friendly first reminder) asks for neither.
  const withFlat = mode !== 'none';
  const interest = withInterest ? b.interest : '0.00';
  const costs = withFlat ? b.costs : toMoneyString(money(b.costs).minus(flat.amount));
  const paid = sumMoney([b.principalPaid, withFlat ? b.costsPaid : toMoneyString(money(b.costsPaid).minus(flat.paid)), withInterest ? b.interestPaid : '0.00']);
  const totalDue = sumMoney([b.principalDue, withFlat ? b.costsDue : toMoneyString(money(b.costsDue).minus(flat.due)), withInterest ? b.interestDue : '0.00']);
  return { interest, costs, paid: toMoneyString(paid), totalDue: toMoneyString(totalDue), flat: withFlat && money(flat.amount).gt(0) ? flat.amount : null };
}

/** What a claim asks for on `date` under a mode (the dunning action's amount; the same as its letter's). */
export function claimDue(book: RateBook, ledger: ClaimLedger, date: string, mode: InterestMode): string {
  const b = balanceOf(book, ledger, date);
  return claimAmounts(b, mode, flatCompensationOf(ledger, b)).totalDue;
}

/** The statutory flat compensation within a claim's costs: amount, paid and due part. */
export interface FlatCompensation {
  amount: string;
  paid: string;
  due: string;
}
const NO_FLAT: FlatCompensation = { amount: '0.00', paid: '0.00', due: '0.00' };

/**
 * The €40 flat compensation within a balance's costs: the engine adds it on top of the cost items
 * booked on the claim (compute.ts, code 'flat_compensation'), so it is the costs less those items.
 * It is dated the day after the due date, before any fee, so payments to costs settle it first.
 */
export function flatCompensationOf(ledger: ClaimLedger, b: ClaimBalance): FlatCompensation {
  const booked = sumMoney(ledger.costs.filter((c) => c.date <= b.asOf).map((c) => c.amount));
  const amount = money(b.costs).minus(booked);
  if (amount.lte(0)) return NO_FLAT;
  const paid = money(b.costsPaid).gt(amount) ? amount : money(b.costsPaid);
  return { amount: toMoneyString(amount), paid: toMoneyString(paid), due: toMoneyString(amount.minus(paid)) };
}

/**
 * The flat compensation named with its law, in the reader's language. Only the regimes that grant
 * it add it: Italian commercial interest (art. 6 D.Lgs. 231/2002), German business interest for
 * contracts after 28 July 2014 (§ 288 Abs. 5 BGB), French commercial interest (art. D441-5 C. com.).
 */
const FLAT_LAW: Partial<Record<Regime, Record<Language, string>>> = {
  'it-commercial': { it: 'art. 6 D.Lgs. 231/2002', en: 'art. 6 Italian Legislative Decree 231/2002', de: 'Art. 6 ital. D.Lgs. 231/2002', fr: 'art. 6 D.Lgs. italien 231/2002' },
  'de-business': { it: '§ 288 c. 5 BGB tedesco', en: '§ 288(5) German Civil Code', de: '§ 288 Abs. 5 BGB', fr: '§ 288 al. 5 BGB allemand' },
  'fr-commercial': { it: 'art. D441-5 Code de commerce francese', en: 'art. D441-5 French Commercial Code', de: 'Art. D441-5 franz. Code de commerce', fr: 'art. D441-5 du Code de commerce' },
};

function flatLabel(regime: Regime, language: Language): string {
  const law = FLAT_LAW[regime]?.[language];
  // After "di cui" / "including" / "dont" in lower case; German nouns keep their capital ("davon Pauschale").
  const full = FLAT_COMPENSATION_LABEL[language];
  const label = language === 'de' ? full : full.charAt(0).toLowerCase() + full.slice(1);
  return law ? `${label} (${law})` : label;
}

export function buildLetter(l: LetterContext): LetterInput {
  const { ctx, plan } = l;
  const creditor = ctx.creditors.get(plan.creditorId)!;
  const language = asLanguage(ctx.debtor.language);
  // A comune is named as one, once ("Comune di Valdoria"), wherever the letter names it.
  // Only for its revenues (IMU, TARI, CUP, CdS fines, other entrate): a public body's invoice is written as any invoice.
  const comune = isComune(creditor) && l.claims.some((c) => c.row.kind !== 'invoice');
  const creditorName = comune ? comuneName(creditor.name) : creditor.name;
  const creditorParty = creditorSender(creditor, creditorName);
  const letterhead = agencyLetterhead(ctx.tenant.settings);
  const sender = letterhead ?? creditorParty;

  const claims: LetterClaim[] = l.claims.map(({ claim, row, ledger, balance }) => {
    // A claim behind the lead shows its own step's interest, never more than the message's.
    const mode = weaker(claim.step.interest, l.interest);
    const a = claimAmounts(balance, mode, flatCompensationOf(ledger, balance));
    const out: LetterClaim = {
      reference: row.external_ref,
      description: row.description,
      issueDate: row.issue_date,
      dueDate: row.due_date,
      principal: ledger.terms.principal,
      interest: a.interest,
      costs: a.costs,
      paid: a.paid,
      totalDue: a.totalDue,
    };
    if (a.flat) out.flatCompensation = { amount: a.flat, label: flatLabel(balance.regime, language) };
    // A comune's letter shows the interest accrued since the act as a component, not a statement.
    if (mode === 'charge' && !comune && money(balance.interest).gt(0)) {
      out.statement = claimStatement(l.book, ledger.terms, ledger.payments, ledger.costs, l.date).statement;
    }
    return out;
  });
  const sum = (f: (c: LetterClaim) => string) => toMoneyString(sumMoney(claims.map(f)));
  const totals = { principal: sum((c) => c.principal), interest: sum((c) => c.interest), costs: sum((c) => c.costs), paid: sum((c) => c.paid), totalDue: sum((c) => c.totalDue) };

  const payBy = parseDate(l.date).add({ days: PAY_WITHIN[plan.step.tier] ?? 15 }).toString();
  const references = claims.map((c) => c.reference);
  // A comune's positions: what each act says it is made of, and how to pay it (pagoPA, F24).
  const municipal = comune
    ? municipalLetter(
        // The agency by the name it writes under (its letterhead), or its own when the letter goes out on the comune's.
        agencyLine(ctx.tenant, letterhead ? sender.name : ctx.tenant.name, creditor.name, language),
        l.claims.map(({ claim, row, balance }) =>
          municipalPosition({ row, creditor, components: ctx.components?.get(row.id) ?? [], balance, mode: weaker(claim.step.interest, l.interest), payBy, language, debtor: { name: ctx.debtor.display_name, taxCode: ctx.debtor.tax_code ?? null } }),
        ),
      )
    : undefined;
  const asked = municipal ? toMoneyString(sumMoney(municipal.positions.map((p) => p.totalDue))) : totals.totalDue;
  const lastRate = claims.flatMap((c) => c.statement?.periods ?? []).at(-1)?.rate;
  // A name imported in capitals is addressed in proper case where that is safe (domain/names.ts).
  const debtorName = properCaseName(ctx.debtor.display_name);
  // The wording follows the act behind the positions: never "paying avoids the assessment" once it exists.
  const template = comune ? templateForAct(plan.step.template, governingAct(l.claims.map((c) => c.row.act_kind ?? null))) : plan.step.template;
  // The creditor's own wording of this template in this language, where it has one.
  const own = ctx.templates?.get(templateSlot(creditor.id, template, language));
  const shipped = templateFor(template, language);
  const filled = fillTemplate(
    own ? customizedTemplate(shipped, own.text, language) : shipped,
    {
      debtorName,
      creditorName,
      creditorOf: creditorOf(creditor.name, comune, language),
      senderName: sender.name,
      senderContact: [sender.phone, sender.email].filter(Boolean).join(' · ') || sender.name,
      totalDue: formatMoneyText(asked, plan.currency, language),
      payBy: longDateText(payBy, language),
      references: references.join(', '),
      claimCount: String(claims.length),
      interestRate: lastRate ? `${lastRate.replace('.', language === 'en' ? '.' : ',')}%` : '',
    },
    l.interest,
  );

  const address = ctx.address;
  const recipient: LetterParty = {
    name: debtorName,
    lines: address
      ? [address.line1, address.line2, [address.postal_code, address.city, address.province].filter(Boolean).join(' ')].filter((x): x is string => Boolean(x && x.trim()))
      : [],
    country: address?.country ?? 'IT',
  };

  // A citizen pays a comune through pagoPA or F24, never by bank transfer: no IBAN, the notice code as reference.
  if (municipal) {
    const notices = municipal.positions.flatMap((p) => (p.pagopa ? [p.pagopa.noticeCode] : []));
    return {
      ...letterOf(l, filled, language, sender, recipient, claims, totals, letterhead ? creditorName : null),
      payment: { iban: '', payee: creditorParty, referenceType: 'NON', reference: notices.length === 1 ? notices[0]! : null, payBy, amount: asked, message: shorten(references.join(', '), 140) },
      municipal,
    };
  }
  // The one IBAN check (country length and structure, check digits), before any slip is laid out.
  const checked = validateIban(creditor.iban ?? '');
  if (!checked.ok) throw new LetterPaymentError(msg('letters.creditor_iban', { creditor: creditor.name, problem: encodeMessage(checked.message) }), 'payment.iban');
  const iban = checked.value;
  const single = l.claims.length === 1 ? l.claims[0]!.row : null;
  const refs = single ? claimReferences(single.ref_no, CLAIM_REFERENCE_PREFIX) : claimReferences(l.communicationRefNo, COMMUNICATION_REFERENCE_PREFIX);
  const qr = plan.currency === 'CHF' && iban !== '' && isQRIBAN(iban);
  const payment: LetterPayment = {
    iban,
    payee: creditorParty,
    referenceType: qr ? 'QRR' : 'SCOR',
    reference: qr ? refs.qrr : refs.rf,
    payBy,
    amount: totals.totalDue,
    message: shorten(references.join(', '), 140),
  };

  return { ...letterOf(l, filled, language, sender, recipient, claims, totals, letterhead ? creditor.name : null), payment };
}

/** The letter's parts other than how it is paid. */
function letterOf(
  l: LetterContext,
  filled: ReturnType<typeof fillTemplate>,
  language: Language,
  sender: LetterInput['sender'],
  recipient: LetterParty,
  claims: LetterClaim[],
  totals: LetterInput['totals'],
  creditorName: string | null,
): Omit<LetterInput, 'payment'> {
  return {
    language,
    tier: l.plan.step.tier,
    date: l.date,
    currency: l.plan.currency,
    sender,
    creditorName,
    recipient,
    subject: filled.subject,
    salutation: filled.salutation,
    paragraphs: filled.paragraphs,
    claims,
    totals,
    // The renderer's interest column and statements are for charged interest; a mention is in the text.
    interestMode: l.interest === 'charge' ? 'charge' : 'none',
    legalNotice: filled.legalNotice,
    closing: filled.closing,
    documentId: l.documentId,
  };
}

const RANK: Record<InterestMode, number> = { none: 0, mention: 1, charge: 2 };
const weaker = (a: InterestMode, b: InterestMode): InterestMode => (RANK[a] <= RANK[b] ? a : b);

const shorten = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);


