import { msg, translate, type Locale, type MessageCode, type MessageParams } from '../../domain/messages/index.ts';
import { money, rate, shortDate } from '../letters/format.ts';
import { canonicalJson, openDocument } from '../letters/pdf-document.ts';
import { mm } from '../letters/pdf-units.ts';
import { reportWriter } from '../reports/pdf-report.ts';

/**
 * A separate invoice of late-payment interest (issue 17 item 5; seed 003: "fattura separata … facendo
 * riferimento alla fattura iniziale"): issuer and customer, number and date, the original document it
 * refers to, the period, the rates that applied, the amount, why no VAT is charged, how to pay. Bytes
 * depend only on the input (`openDocument`).
 */
export const INTEREST_INVOICE_LAYOUT_VERSION = 1;

const MARGINS = { top: mm(20), bottom: mm(20), left: mm(25), right: mm(20) };
const PAGE = { size: 'A4' as const, margins: MARGINS };

export interface InterestInvoiceInput {
  language: Locale;
  number: number;
  year: number;
  issuedOn: string;
  creditor: { name: string; lines: string[]; iban: string | null; jurisdiction: 'IT' | 'CH' | 'DE' | 'FR' };
  debtor: { name: string; lines: string[] };
  claim: { ref: string; issuedOn: string | null; dueDate: string; principal: string };
  period: { from: string; to: string };
  /** The statement's periods within the invoice's period (clipped), for the rates that applied. */
  periods: { from: string; to: string; rate: string; principal: string }[];
  amount: string;
  currency: string;
}

export async function renderInterestInvoicePdf(input: InterestInvoiceInput): Promise<Buffer> {
  const lang = input.language;
  const t = (code: MessageCode, params?: MessageParams) => translate(msg(code, params), lang);
  const m = (a: string) => money(a, input.currency, lang);
  const d = (iso: string) => shortDate(iso, lang);
  const title = t('interest_invoice.title', { number: input.number, year: input.year });
  const { doc, done } = openDocument({ date: input.issuedOn, title, author: input.creditor.name, fingerprint: canonicalJson({ v: INTEREST_INVOICE_LAYOUT_VERSION, input }) });
  try {
    const w = reportWriter(doc, PAGE);
    w.text(input.creditor.name, 'bold', 11);
    for (const l of input.creditor.lines) w.text(l, 'regular', 9);
    w.gap(12);
    w.text(t('interest_invoice.to'), 'regular', 9);
    w.text(input.debtor.name, 'bold', 10);
    for (const l of input.debtor.lines) w.text(l, 'regular', 9);
    w.gap(14);
    w.text(title, 'bold', 14);
    w.text(t('interest_invoice.date', { date: d(input.issuedOn) }), 'regular', 10);
    w.text(
      t('interest_invoice.reference', {
        ref: input.claim.ref,
        issued: input.claim.issuedOn ? t('interest_invoice.issued', { date: d(input.claim.issuedOn) }) : '',
        due: d(input.claim.dueDate),
        amount: m(input.claim.principal),
      }),
      'regular',
      10,
    );
    w.gap(8);
    w.table(
      [
        [t('interest_invoice.line', { from: d(input.period.from), to: d(input.period.to) }), 0.75, 'left'],
        ['', 0.25, 'right'],
      ],
      [['', m(input.amount)]],
      10,
    );
    if (input.periods.length) {
      w.text(t('interest_invoice.rates'), 'bold', 9);
      w.table(
        [
          [t('interest_invoice.col_from'), 0.25, 'left'],
          [t('interest_invoice.col_to'), 0.25, 'left'],
          [t('interest_invoice.col_rate'), 0.2, 'right'],
          [t('interest_invoice.col_principal'), 0.3, 'right'],
        ],
        input.periods.map((p) => [d(p.from), d(p.to), rate(p.rate, lang), m(p.principal)]),
        8,
      );
    }
    w.table(
      [
        [t('interest_invoice.total'), 0.75, 'left'],
        ['', 0.25, 'right'],
      ],
      [['', m(input.amount)]],
      11,
    );
    const vat = input.creditor.jurisdiction === 'IT' ? 'interest_invoice.vat_it' : input.creditor.jurisdiction === 'CH' ? 'interest_invoice.vat_ch' : 'interest_invoice.vat_other';
    w.text(t(vat), 'regular', 9);
    w.text(t('interest_invoice.pay', { iban: input.creditor.iban ? t('interest_invoice.iban', { iban: input.creditor.iban }) : '', ref: `${input.number}/${input.year} ${input.claim.ref}` }), 'regular', 9);
  } catch (e) {
    doc.end();
    await done.catch(() => undefined);
    throw e;
  }
  doc.end();
  return done;
}
