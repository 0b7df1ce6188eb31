import { amountParam, dateParam, msg, translate, type Locale, type MessageCode, type MessageParams } from '../../domain/messages/index.ts';
import { money, shortDate } from '../letters/format.ts';
import { canonicalJson, openDocument, PAGE } from '../letters/pdf-document.ts';
import { line } from '../letters/pdf-text.ts';

/**
 * The remittance statement and commission invoice (rendiconto / fattura provvigioni, issue 16 item 2)
 * as a PDF: header (agency, creditor, number, period), one row per payment share and per reversal
 * with its commission, then the totals — commission, cap, fixed fees, VAT, reimbursements, the net to
 * remit or the amount to invoice. Words come from the commission message catalogue (Italian first,
 * en/de/fr); the bytes depend only on the input (`openDocument`), so an issued file can be re-checked
 * against its stored SHA-256.
 */
export const STATEMENT_LAYOUT_VERSION = 1;

export interface StatementDocumentLine {
  kind: 'payment' | 'reversal';
  valueDate: string;
  reversedOn: string | null;
  /** Reported as paid to the creditor directly. */
  paidToCreditor?: boolean;
  debtorName: string;
  claimRef: string;
  collected: string;
  base: string;
  percent: string;
  commission: string;
  reimbursed: string;
  unpriced: 'no_terms' | 'no_rule' | null;
}

export interface StatementDocumentInput {
  language: Locale;
  /** The issue day (a preview: the day it is made). */
  date: string;
  /** null: a preview, marked as such. */
  number: { number: number; year: number } | null;
  corrects: { number: number; year: number } | null;
  agencyName: string;
  creditorName: string;
  currency: string;
  periodFrom: string;
  periodTo: string;
  lines: StatementDocumentLine[];
  totals: {
    collected: string;
    collectedByCreditor?: string | undefined;
    commissionLines: string;
    capAdjustment: string;
    commission: string;
    positions: number;
    positionFees: string;
    contacts: number;
    contactFees: string;
    fees: string;
    vatPercent: string;
    vat: string;
    reimbursed: string;
    dueToAgency: string;
    toRemit: string;
    toInvoice: string;
    remittance: 'net' | 'gross';
    paymentsReceivedBy: 'creditor' | 'agency';
  };
  /** The period's fixed amounts, as the totals' labels quote them. */
  cap: string | null;
  feePerPosition: string | null;
  feePerContact: string | null;
}

/** A statement's words in its language. */
export function statementWords(language: Locale) {
  return (code: MessageCode, params?: MessageParams) => translate(msg(code, params), language);
}

/** The rows of the totals, in order: [label, amount] (rows that are zero and optional are left out). */
export function totalsRows(input: StatementDocumentInput): [string, string][] {
  const w = statementWords(input.language);
  const t = input.totals;
  const rows: [string, string][] = [[w('commission.tot_collected'), t.collected]];
  if (t.collectedByCreditor && t.collectedByCreditor !== '0.00') rows.push([w('commission.tot_paid_to_creditor'), t.collectedByCreditor]);
  if (t.capAdjustment !== '0.00') {
    rows.push([w('commission.tot_commission_lines'), t.commissionLines]);
    rows.push([w('commission.tot_cap', { cap: amountParam(input.cap ?? '0', input.currency) }), t.capAdjustment]);
  }
  rows.push([w('commission.tot_commission'), t.commission]);
  if (t.positionFees !== '0.00') rows.push([w('commission.tot_position_fees', { count: t.positions, fee: amountParam(input.feePerPosition ?? '0', input.currency) }), t.positionFees]);
  if (t.contactFees !== '0.00') rows.push([w('commission.tot_contact_fees', { count: t.contacts, fee: amountParam(input.feePerContact ?? '0', input.currency) }), t.contactFees]);
  rows.push([w('commission.tot_fees'), t.fees]);
  rows.push([w('commission.tot_vat', { percent: input.language === 'en' ? t.vatPercent : t.vatPercent.replace('.', ',') }), t.vat]);
  if (t.reimbursed !== '0.00') rows.push([w('commission.tot_reimbursed'), t.reimbursed]);
  rows.push([w('commission.tot_due'), t.dueToAgency]);
  if (t.paymentsReceivedBy === 'agency') rows.push([w('commission.tot_remit'), t.toRemit]);
  if (t.remittance === 'gross') rows.push([w('commission.tot_invoice'), t.toInvoice]);
  return rows;
}

export function settlementNote(input: StatementDocumentInput): string {
  const w = statementWords(input.language);
  if (input.totals.paymentsReceivedBy === 'creditor') return w('commission.note_creditor');
  return w(input.totals.remittance === 'net' ? 'commission.note_net' : 'commission.note_gross');
}

export function lineKind(input: StatementDocumentInput, l: StatementDocumentLine): string {
  const w = statementWords(input.language);
  if (l.kind === 'payment') return w(l.paidToCreditor ? 'commission.kind_paid_to_creditor' : 'commission.kind_payment');
  return w(l.paidToCreditor ? 'commission.kind_reversal_paid_to_creditor' : 'commission.kind_reversal', { date: dateParam(l.reversedOn ?? l.valueDate) });
}

const COLUMNS = [
  { code: 'commission.col_date', width: 54, align: 'left' },
  { code: 'commission.col_kind', width: 112, align: 'left' },
  { code: 'commission.col_debtor', width: 140, align: 'left' },
  { code: 'commission.col_ref', width: 80, align: 'left' },
  { code: 'commission.col_collected', width: 66, align: 'right' },
  { code: 'commission.col_base', width: 66, align: 'right' },
  { code: 'commission.col_rate', width: 54, align: 'right' },
  { code: 'commission.col_commission', width: 62, align: 'right' },
  { code: 'commission.col_reimbursed', width: 62, align: 'right' },
] as const satisfies readonly { code: MessageCode; width: number; align: 'left' | 'right' }[];

export async function renderStatementPdf(input: StatementDocumentInput): Promise<Buffer> {
  const w = statementWords(input.language);
  const lang = input.language;
  const { doc, done } = openDocument({
    date: input.date,
    title: w('commission.doc_title'),
    author: input.agencyName,
    fingerprint: canonicalJson({ v: STATEMENT_LAYOUT_VERSION, input }),
  });
  try {
    const layout = { size: PAGE.size, layout: 'landscape' as const, margins: PAGE.margins };
    doc.addPage(layout);
    const left = PAGE.margins.left;
    const width = doc.page.width - PAGE.margins.left - PAGE.margins.right;
    const bottom = doc.page.height - PAGE.margins.bottom;
    let y = PAGE.margins.top;
    const amount = (v: string) => money(v, input.currency, lang);
    doc.font('bold').fontSize(14);
    line(doc, w('commission.doc_title'), left, y, width);
    y += 20;
    doc.fontSize(10);
    if (input.number) line(doc, w('commission.doc_number', { number: input.number.number, year: input.number.year }), left, y, width);
    else line(doc, w('commission.doc_preview'), left, y, width);
    y += 14;
    doc.font('regular');
    line(doc, `${w('commission.doc_agency')}: ${input.agencyName}`, left, y, width);
    y += 13;
    line(doc, `${w('commission.doc_creditor')}: ${input.creditorName}`, left, y, width);
    y += 13;
    line(doc, w('commission.doc_period', { from: shortDate(input.periodFrom, lang), to: shortDate(input.periodTo, lang) }), left, y, width);
    y += 13;
    if (input.number) {
      line(doc, w('commission.doc_issued', { date: shortDate(input.date, lang) }), left, y, width);
      y += 13;
    }
    if (input.corrects) {
      doc.font('bold');
      line(doc, w('commission.doc_corrects', { number: input.corrects.number, year: input.corrects.year }), left, y, width);
      doc.font('regular');
      y += 13;
    }
    y += 8;
    const header = () => {
      doc.font('bold').fontSize(8);
      let x = left;
      for (const c of COLUMNS) {
        line(doc, w(c.code), x, y, c.width - 4, c.align);
        x += c.width;
      }
      doc.font('regular');
      y += 12;
    };
    header();
    for (const l of input.lines) {
      if (y > bottom - 12) {
        doc.addPage(layout);
        y = PAGE.margins.top;
        header();
      }
      const cells = [
        shortDate(l.valueDate, lang),
        lineKind(input, l),
        l.debtorName,
        l.claimRef,
        amount(l.collected),
        amount(l.base),
        l.unpriced ? '—' : lang === 'en' ? l.percent : l.percent.replace('.', ','),
        amount(l.commission),
        amount(l.reimbursed),
      ];
      let x = left;
      COLUMNS.forEach((c, i) => {
        line(doc, cells[i]!, x, y, c.width - 4, c.align);
        x += c.width;
      });
      y += 11;
    }
    y += 10;
    doc.fontSize(10);
    const rows = totalsRows(input);
    for (const [label, value] of rows) {
      if (y > bottom - 14) {
        doc.addPage(layout);
        y = PAGE.margins.top;
      }
      const last = label === rows[rows.length - 1]![0];
      doc.font(last ? 'bold' : 'regular');
      line(doc, label, left + width - 420, y, 300);
      line(doc, amount(value), left + width - 120, y, 120, 'right');
      y += 14;
    }
    doc.font('regular').fontSize(9);
    y += 8;
    if (y > bottom - 12) {
      doc.addPage(layout);
      y = PAGE.margins.top;
    }
    line(doc, settlementNote(input), left, y, width);
  } catch (e) {
    doc.end();
    await done.catch(() => undefined);
    throw e;
  }
  doc.end();
  return done;
}
