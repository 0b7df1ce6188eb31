import { basisText } from '../../domain/interest/basis.ts';
import { oneLine, splitAddress, windowLines } from './address.ts';
import { groupIban, groupReference, longDate, money, rate, shortDate } from './format.ts';
import { LABELS, type LetterLabels } from './labels.ts';
import { PAGE } from './pdf-document.ts';
import { prepareStandardFonts } from './pdf-fonts.ts';
import { batchRects } from './pdf-rect-batch.ts';
import { amount, block, clean, line, single } from './pdf-text.ts';
import { mm } from './pdf-units.ts';
import { printedNotice } from '../../domain/municipal/pagopa.ts';
import { drawPagopaQr } from './pagopa-qr.ts';
import { drawPosteDataMatrix } from './poste-datamatrix.ts';
import { buildQrBill, checkPayment, QR_BILL_HEIGHT } from './qr-bill.ts';
import type { LetterClaim, LetterF24, LetterInput, LetterPagopa, LetterPosition, LetterPoste, WindowPosition } from './types.ts';

/**
 * One letter drawn into a pdfkit document (a single letter or one of a postal batch): letterhead,
 * address in the envelope window, body, claims, interest statements, legal notice, payment block,
 * closing, QR-bill for CHF, and a footer with the document number and "page x/y" on every page.
 */
export interface DrawnLetter {
  /** Index (0-based, in the whole document) of the letter's first page. */
  firstPage: number;
  pages: number;
}

const GREY = '#555555';
const RULE = '#999999';
/** The Bollettino Postale PA's texts are printed at 70 % black (docs.pagopa.it/avviso-pagamento). */
const POSTE_BLACK = '#4d4d4d';
/** Space between the notice's data and the Bollettino Postale PA below it. */
const POSTE_GAP = 8;

/**
 * Window of a C5/DL window envelope. Left (IT, DE, FR; DIN 5008 form B): 20 mm from the left edge,
 * 45 mm from the top, 85 × 45 mm. Right (Switzerland, SN 010130): 118 mm from the left edge.
 * The address is written 5 mm inside, so that it stays visible when the sheet slides in the envelope.
 */
const WINDOWS: Record<WindowPosition, { x: number; y: number; w: number; h: number }> = {
  left: { x: mm(20), y: mm(45), w: mm(85), h: mm(45) },
  right: { x: mm(118), y: mm(45), w: mm(80), h: mm(45) },
};

/** Swiss senders post in right-window envelopes; everyone else in left-window ones. */
export function defaultWindow(letter: LetterInput): WindowPosition {
  return letter.sender.country.toUpperCase() === 'CH' ? 'right' : 'left';
}

export function drawLetter(doc: PDFKit.PDFDocument, letter: LetterInput, window: WindowPosition = defaultWindow(letter)): DrawnLetter {
  // Refuse bad payment data before anything is drawn: a batch must not hold half a letter.
  const municipal = letter.municipal;
  const qrBill = letter.currency === 'CHF' && !municipal ? buildQrBill(letter) : null;
  // A comune's letter is paid through pagoPA and F24, never by bank transfer: no IBAN to check.
  if (!qrBill && !municipal) checkPayment(letter.payment);

  const range = doc.bufferedPageRange();
  const firstPage = range.start + range.count;
  doc.addPage(PAGE);
  const ctx = new Ctx(doc, letter);
  ctx.letterhead();
  ctx.envelopeWindow(WINDOWS[window]);
  ctx.infoBlock(window);
  ctx.body();
  if (municipal) {
    for (const p of municipal.positions) ctx.position(p);
    ctx.legalNotice();
    if (municipal.agency) ctx.note(municipal.agency);
    ctx.municipalPayment(ctx.closingHeight());
  } else {
    ctx.claimsTable();
    if (letter.interestMode === 'charge') for (const c of letter.claims) if (c.statement && c.statement.periods.length) ctx.statement(c);
    ctx.legalNotice();
    // The closing and signature stay on the page of the payment block: both move together.
    ctx.paymentBlock(ctx.closingHeight());
  }
  ctx.closing();

  let qrPage = -1;
  if (qrBill) {
    const top = doc.page.height - QR_BILL_HEIGHT;
    // Room for the footer line above the perforation; otherwise the bill gets a page of its own.
    if (doc.y > top - mm(6.5)) doc.addPage(PAGE);
    // swissqrbill writes into the bottom margin: without this pdfkit would break to a new page.
    doc.page.margins.bottom = 0;
    doc.y = top;
    prepareStandardFonts(doc, ['Helvetica-Bold', 'Helvetica']);
    batchRects(doc, () => qrBill.attachTo(doc, 0, top));
    const r = doc.bufferedPageRange();
    qrPage = r.start + r.count - 1;
  }
  const after = doc.bufferedPageRange();
  const pages = after.start + after.count - firstPage;
  ctx.footers(firstPage, pages, qrPage);
  return { firstPage, pages };
}

/** The drawing state of one letter: document, labels, geometry. */
class Ctx {
  readonly t: LetterLabels;
  readonly left = PAGE.margins.left;
  readonly width: number;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly letter: LetterInput,
  ) {
    this.t = LABELS[letter.language];
    this.width = doc.page.width - PAGE.margins.left - PAGE.margins.right;
  }

  money(a: string): string {
    return money(a, this.letter.currency, this.letter.language);
  }

  style(font: 'regular' | 'bold', size: number, color = 'black'): PDFKit.PDFDocument {
    return this.doc.font(font).fontSize(size).fillColor(color);
  }

  /** A new page when `height` does not fit above the bottom margin. */
  ensure(height: number): void {
    if (this.doc.y + height > this.doc.page.height - this.doc.page.margins.bottom) {
      this.doc.addPage(PAGE);
    }
  }

  letterhead(): void {
    const { doc, letter, t, left, width } = this;
    const s = letter.sender;
    this.style('bold', 12);
    line(doc, s.name, left, mm(12), width);
    this.style('regular', 8, GREY);
    line(doc, s.lines.map(single).filter(Boolean).join(' · '), left, mm(12) + 16, width);
    const contacts = [s.email, s.phone, s.vatNumber ? `${t.vat} ${s.vatNumber}` : null].filter((v): v is string => !!v && !!v.trim());
    if (contacts.length) line(doc, contacts.join(' · '), left, mm(12) + 27, width);
    doc
      .moveTo(left, mm(12) + 40)
      .lineTo(left + width, mm(12) + 40)
      .lineWidth(0.5)
      .stroke(RULE);
    // Fold marks for a DL envelope (105 and 210 mm) and the punch mark (148.5 mm), DIN 5008. The
    // lower one would fall inside the QR-bill's receipt, which has its own perforation at 192 mm.
    const folds = letter.currency === 'CHF' ? [mm(105)] : [mm(105), mm(210)];
    for (const y of folds) doc.moveTo(mm(4), y).lineTo(mm(8), y).lineWidth(0.3).stroke(RULE);
    doc.moveTo(mm(4), mm(148.5)).lineTo(mm(10), mm(148.5)).lineWidth(0.3).stroke(RULE);
  }

  envelopeWindow(win: { x: number; y: number; w: number; h: number }): void {
    const { doc, letter } = this;
    const x = win.x + mm(5);
    const w = win.w - mm(10);
    // Return line: who to send it back to, small and underlined, inside the window's top strip.
    const abroad = letter.recipient.country.toUpperCase() !== letter.sender.country.toUpperCase();
    // Abroad, the country as its ISO code: the return line is one short line.
    const back = oneLine(letter.sender) + (abroad ? `, ${letter.sender.country.toUpperCase()}` : '');
    // Wrapped, never cut (the whole address must reach the post office); a long one pushes the
    // recipient's block down instead.
    this.style('regular', 6.5, GREY);
    const backText = single(back);
    const backTop = win.y + mm(3);
    doc.text(backText, x, backTop, { width: w, underline: true });
    const backBottom = backTop + doc.heightOfString(backText, { width: w });

    this.style('regular', 10);
    const lh = doc.currentLineHeight(true) + 1;
    const bottom = win.y + win.h - mm(2);
    let y = block(doc, letter.recipient.name, x, Math.max(win.y + mm(10), backBottom + mm(1.5)), w, 2, 1);
    const lines = windowLines(letter.recipient, letter.sender.country, letter.language);
    // Too many lines for the window: keep the first ones and always the last two (postal code and city, country).
    const room = Math.max(2, Math.floor((bottom - y) / lh));
    const shown = lines.length <= room ? lines : [...lines.slice(0, room - 2), ...lines.slice(-2)];
    for (const l of shown) {
      line(doc, l, x, y, w);
      y += lh;
    }
  }

  infoBlock(window: WindowPosition): void {
    const { doc, letter, t } = this;
    const x = window === 'left' ? mm(125) : this.left;
    const w = window === 'left' ? doc.page.width - PAGE.margins.right - x : mm(118) - x - mm(8);
    let y = mm(50);
    const item = (label: string, value: string) => {
      this.style('regular', 7, GREY);
      line(doc, label, x, y, w);
      this.style('regular', 9);
      y = block(doc, value, x, y + 9, w, 3) + 5;
    };
    item(t.ourReference, letter.documentId);
    if (letter.creditorName) item(t.onBehalfOf, letter.creditorName);
    // Place and date, written out: "Milano, 15 marzo 2025" (the province code is not part of the place).
    const place = splitAddress(letter.sender)?.city.replace(/\s+[A-Z]{2}$/, '');
    item(t.date, `${place ? `${place}, ` : ''}${longDate(letter.date, letter.language)}`);
  }

  body(): void {
    const { doc, letter, left, width } = this;
    doc.x = left;
    doc.y = mm(98);
    this.style('bold', 11);
    doc.text(clean(letter.subject).trim(), left, doc.y, { width });
    doc.moveDown(0.7);
    this.style('regular', 10);
    doc.text(clean(letter.salutation).trim(), left, doc.y, { width });
    doc.moveDown(0.6);
    for (const p of letter.paragraphs) {
      doc.text(clean(p).trim(), left, doc.y, { width, lineGap: 1.5 });
      doc.moveDown(0.6);
    }
  }

  claimsTable(): void {
    const { doc, letter, t, left, width } = this;
    const withInterest = letter.interestMode !== 'none';
    const amounts = withInterest ? [t.principal, t.interest, t.costs, t.paid, t.totalDue] : [t.principal, t.costs, t.paid, t.totalDue];
    const aw = withInterest ? 66 : 74;
    const dueW = 54;
    const refW = width - dueW - aw * amounts.length;
    const cols = [left, left + refW, ...amounts.map((_a, i) => left + refW + dueW + i * aw)];
    const header = () => {
      this.style('bold', 7.5);
      const y = doc.y;
      line(doc, t.reference, cols[0]!, y, refW - 4);
      line(doc, t.dueDate, cols[1]!, y, dueW - 4);
      amounts.forEach((a, i) => line(doc, a, cols[i + 2]!, y, aw - 5, 'right'));
      doc
        .moveTo(left, y + 11)
        .lineTo(left + width, y + 11)
        .lineWidth(0.5)
        .stroke(RULE);
      doc.y = y + 14;
    };
    const values = (c: { principal: string; interest: string; costs: string; paid: string; totalDue: string }) =>
      (withInterest ? [c.principal, c.interest, c.costs, c.paid, c.totalDue] : [c.principal, c.costs, c.paid, c.totalDue]).map((v) => this.money(v));

    doc.moveDown(0.2);
    this.ensure(60);
    this.style('bold', 9.5);
    line(doc, t.claims, left, doc.y, width);
    doc.y += 3;
    header();
    const descW = refW + dueW - 4;
    for (const c of letter.claims) {
      // The description wraps (never cut): the row grows with it.
      const description = c.description ? single(c.description) : '';
      this.style('regular', 6.5, GREY);
      const descH = description ? doc.heightOfString(description, { width: descW }) : 0;
      const flatLine = c.flatCompensation ? `${t.ofWhich} ${single(c.flatCompensation.label)}: ${this.money(c.flatCompensation.amount)}` : '';
      const flatH = flatLine ? doc.heightOfString(flatLine, { width: width - refW - dueW }) : 0;
      const h = (description ? 11.5 + descH : 12) + (flatLine ? flatH + 1.5 : 0);
      if (doc.y + h > doc.page.height - doc.page.margins.bottom) {
        doc.addPage(PAGE);
        header();
      }
      const y = doc.y;
      this.style('regular', 8);
      line(doc, c.reference, cols[0]!, y, refW - 4);
      line(doc, shortDate(c.dueDate, letter.language), cols[1]!, y, dueW - 4);
      values(c).forEach((v, i) => amount(doc, v, cols[i + 2]!, y, aw - 5, 8));
      if (description) {
        this.style('regular', 6.5, GREY);
        doc.text(description, cols[0]!, y + 9.5, { width: descW });
      }
      if (flatLine) {
        // The statutory flat compensation named with its law, under the amounts it is part of.
        this.style('regular', 6.5, GREY);
        doc.text(flatLine, cols[2]!, y + 9.5 + (description ? descH + 1.5 : 0), { width: width - refW - dueW, align: 'right' });
      }
      doc.y = y + h;
    }
    this.ensure(18);
    const y = doc.y + 1;
    doc
      .moveTo(left, y)
      .lineTo(left + width, y)
      .lineWidth(0.5)
      .stroke(RULE);
    this.style('bold', 8);
    line(doc, t.totals, cols[0]!, y + 4, refW + dueW - 4);
    values(letter.totals).forEach((v, i) => amount(doc, v, cols[i + 2]!, y + 4, aw - 5, 8));
    doc.x = left;
    doc.y = y + 21;
  }

  /** The compact interest statement of one claim: its periods, the total, the legal basis in one line. */
  statement(claim: LetterClaim): void {
    const { doc, letter, t, left, width } = this;
    const s = claim.statement!;
    const lang = letter.language;
    const widths = [58, 58, 34, 56, 84, 84];
    const x = widths.reduce<number[]>((acc, _w, i) => [...acc, i === 0 ? left : acc[i - 1]! + widths[i - 1]!], []);
    const header = () => {
      this.style('bold', 7);
      const y = doc.y;
      [t.from, t.to, t.days, t.rate, t.principal, t.interest].forEach((h, i) => line(doc, h, x[i]!, y, widths[i]! - 4, i < 2 ? 'left' : 'right'));
      doc.y = y + 10;
    };
    this.ensure(44);
    this.style('bold', 8.5);
    line(doc, `${t.statementOf} — ${claim.reference}`, left, doc.y, width);
    doc.y += 12;
    header();
    for (const p of s.periods) {
      if (doc.y + 9 > doc.page.height - doc.page.margins.bottom) {
        doc.addPage(PAGE);
        header();
      }
      const y = doc.y;
      this.style('regular', 7);
      line(doc, shortDate(p.from, lang), x[0]!, y, widths[0]! - 4);
      line(doc, shortDate(p.to, lang), x[1]!, y, widths[1]! - 4);
      line(doc, String(p.days), x[2]!, y, widths[2]! - 4, 'right');
      line(doc, rate(p.rate, lang), x[3]!, y, widths[3]! - 4, 'right');
      amount(doc, money(p.principal, s.currency, lang), x[4]!, y, widths[4]! - 4, 7);
      amount(doc, money(p.amount, s.currency, lang), x[5]!, y, widths[5]! - 4, 7);
      doc.y = y + 9;
    }
    this.ensure(12);
    const y = doc.y + 1;
    this.style('bold', 7);
    line(doc, t.interest, x[0]!, y, x[5]! - left - 4);
    amount(doc, money(s.interest, s.currency, lang), x[5]!, y, widths[5]! - 4, 7);
    doc.y = y + 11;
    if (s.basisCodes.length) {
      this.style('regular', 6.5, GREY);
      doc.text(`${t.basis}: ${s.basisCodes.map((b) => basisText(b, lang)).join('; ')}`, left, doc.y, { width });
    }
    doc.moveDown(0.8);
  }

  legalNotice(): void {
    const { doc, letter, left, width } = this;
    if (!letter.legalNotice.length) return;
    this.ensure(30);
    this.style('regular', 8.5);
    for (const l of letter.legalNotice) {
      doc.text(clean(l).trim(), left, doc.y, { width, lineGap: 1 });
      doc.moveDown(0.3);
    }
    doc.moveDown(0.5);
  }

  /**
   * IBAN, payee, reference, amount, date. EUR: boxed, the RF reference prominent (it is what matches
   * the payment). CHF: three lines only, because the QR-bill below repeats all of it and a short
   * letter must keep its bill on the first page.
   */
  paymentBlock(keepWith: number): void {
    if (this.letter.currency === 'CHF') this.paymentSummary(keepWith);
    else this.paymentBox(keepWith);
  }

  private referenceRow(): { label: string; value: string } | null {
    const { t } = this;
    const p = this.letter.payment;
    if (!p.reference) return null;
    if (p.referenceType === 'NON') return { label: t.paymentReference, value: single(p.reference) };
    return { label: p.referenceType === 'QRR' ? t.qrReference : t.structuredReference, value: groupReference(p.referenceType, p.reference) };
  }

  private paymentSummary(keepWith: number): void {
    const { doc, letter, t, left, width } = this;
    const p = letter.payment;
    const ref = this.referenceRow();
    this.ensure(56 + keepWith + 4);
    let y = doc.y;
    this.style('bold', 10);
    line(doc, `${t.payment}: ${this.money(p.amount)} · ${t.payBy} ${longDate(p.payBy, letter.language)}`, left, y, width);
    this.style('regular', 8.5);
    line(doc, [`${t.iban} ${groupIban(p.iban)}`, ref ? `${ref.label} ${ref.value}` : null].filter(Boolean).join(' · '), left, (y += 14), width);
    line(doc, `${t.payee}: ${oneLine(p.payee)}`, left, (y += 11.5), width);
    this.style('regular', 7.5, GREY);
    // No reference hint here: the QR-bill carries the reference, and a payer scans it.
    line(doc, t.qrBillHint, left, y + 12, width);
    doc.fillColor('black');
    doc.moveDown(0.9);
  }

  private paymentBox(keepWith: number): void {
    const { doc, letter, t, left, width } = this;
    const p = letter.payment;
    const pad = 8;
    const labelW = 118;
    const vx = left + pad + labelW;
    const vw = width - 2 * pad - labelW;
    const ref = this.referenceRow();
    const rows: { label: string; value: string; font: 'regular' | 'bold'; size: number }[] = [
      { label: t.payee, value: oneLine(p.payee), font: 'regular', size: 9.5 },
      { label: t.iban, value: groupIban(p.iban), font: 'bold', size: 11 },
    ];
    if (ref) rows.push({ ...ref, font: 'bold', size: p.referenceType === 'NON' ? 10 : 12 });
    if (p.message.trim() && p.referenceType === 'NON') rows.push({ label: t.message, value: p.message, font: 'regular', size: 9.5 });
    rows.push({ label: t.amount, value: this.money(p.amount), font: 'bold', size: 11 });
    rows.push({ label: t.payBy, value: longDate(p.payBy, letter.language), font: 'bold', size: 10 });

    this.style('regular', 9.5);
    const estimate = 24 + rows.length * 17 + (ref ? 12 : 0) + doc.heightOfString(single(rows[0]!.value), { width: vw });
    this.ensure(estimate + 10 + 14 + keepWith);
    const top = doc.y;
    let y = top + pad;
    this.style('bold', 10);
    line(doc, t.payment, left + pad, y, width - 2 * pad);
    y += 17;
    for (const r of rows) {
      this.style('regular', 8, GREY);
      line(doc, r.label, left + pad, y + (r.size - 8) * 0.7, labelW - 6);
      this.style(r.font, r.size);
      if (r === rows[0]) {
        y = block(doc, r.value, vx, y, vw, 3) + 4;
      } else {
        line(doc, r.value, vx, y, vw);
        y += r.size + 6;
      }
    }
    if (ref) {
      this.style('regular', 7, GREY);
      doc.text(t.referenceHint, left + pad, y + 2, { width: width - 2 * pad });
      y = doc.y;
    }
    y += pad - 2;
    doc.rect(left, top, width, y - top).lineWidth(0.7).stroke(RULE);
    doc.fillColor('black');
    doc.x = left;
    doc.y = y + 14;
  }

  /** A small paragraph of its own (the agency acting for the comune, with its albo registration). */
  note(text: string, keepWith = 0): void {
    const { doc, left, width } = this;
    this.ensure(24 + keepWith);
    this.style('regular', 8.5);
    doc.text(clean(text).trim(), left, doc.y, { width, lineGap: 1 });
    doc.moveDown(0.8);
  }

  /**
   * A comune's position: the revenue and year, the act (number, dates), and its components with what
   * was paid on each and what is due, each with its F24 tribute code where it has one.
   */
  position(p: LetterPosition): void {
    const { doc, t, left, width } = this;
    const c = t.comune;
    this.ensure(70 + p.components.length * 11);
    this.style('bold', 9.5);
    doc.text(`${clean(p.title).trim()} · ${single(p.reference)}`, left, doc.y, { width });
    if (p.act.length) {
      this.style('regular', 8.5);
      doc.text(p.act.map((a) => clean(a).trim()).join(', '), left, doc.y + 1, { width, lineGap: 1 });
    }
    doc.y += 5;
    const aw = 74;
    const codeW = 60;
    const labelW = width - codeW - 3 * aw;
    const cols = [left, left + labelW, left + labelW + codeW, left + labelW + codeW + aw, left + labelW + codeW + 2 * aw];
    const head = [c.item, c.tributeCode, t.amount, t.paid, c.due];
    this.style('bold', 7.5);
    let y = doc.y;
    head.forEach((h, i) => line(doc, h, cols[i]!, y, (i === 0 ? labelW : i === 1 ? codeW : aw) - 5, i < 2 ? 'left' : 'right'));
    doc
      .moveTo(left, y + 11)
      .lineTo(left + width, y + 11)
      .lineWidth(0.5)
      .stroke(RULE);
    y += 14;
    for (const r of p.components) {
      if (y + 11 > doc.page.height - doc.page.margins.bottom) {
        doc.addPage(PAGE);
        y = doc.y;
      }
      this.style('regular', 8);
      line(doc, r.label, cols[0]!, y, labelW - 5);
      line(doc, r.tributeCode ?? '', cols[1]!, y, codeW - 5);
      [r.amount, r.paid, r.due].forEach((v, i) => amount(doc, this.money(v), cols[i + 2]!, y, aw - 5, 8));
      y += 11;
    }
    doc
      .moveTo(left, y + 1)
      .lineTo(left + width, y + 1)
      .lineWidth(0.5)
      .stroke(RULE);
    this.style('bold', 8);
    line(doc, t.totalDue, cols[0]!, y + 4, labelW + codeW - 5);
    amount(doc, this.money(p.totalDue), cols[4]!, y + 4, aw - 5, 8);
    doc.x = left;
    doc.y = y + 21;
  }

  /** pagoPA notices and F24 sections of the positions; the last block keeps the closing with it. */
  municipalPayment(keepWith: number): void {
    const positions = this.letter.municipal!.positions;
    const blocks: (() => void)[] = [];
    const several = positions.length > 1;
    for (const p of positions) {
      if (p.pagopa) blocks.push(() => this.pagopaBox(p.pagopa!, several ? p.reference : null));
      if (p.f24) blocks.push(() => this.f24Table(p.f24!, several ? p.reference : null));
      // Never a bank transfer for a comune: without a notice yet, the taxpayer is told how to get it.
      if (!p.pagopa && !p.f24) blocks.push(() => this.note(several ? `${single(p.reference)}: ${this.t.comune.noNotice}` : this.t.comune.noNotice, this.keep));
    }
    blocks.forEach((draw, i) => {
      if (i === blocks.length - 1) this.keep = keepWith;
      draw();
      this.keep = 0;
    });
  }

  private keep = 0;

  /**
   * The payment notice's data as the pagoPA notice prints it (Avvisi 3.x, "Rata unica"): ente
   * creditore, its codice fiscale, the codice avviso in groups of four, amount, due date, CBILL; the
   * QR code (25 mm, level M) at the right.
   */
  private pagopaBox(n: LetterPagopa, reference: string | null): void {
    const { doc, letter, t, left, width } = this;
    const c = t.comune;
    const pad = 8;
    const qrSize = mm(25);
    const quiet = mm(4);
    const labelW = 118;
    const vx = left + pad + labelW;
    const vw = width - 2 * pad - labelW - qrSize - quiet - pad;
    const rows: { label: string; value: string; font: 'regular' | 'bold'; size: number }[] = [
      { label: c.entity, value: n.entity, font: 'regular', size: 9.5 },
      { label: c.cfEnte, value: n.cfEnte, font: 'bold', size: 10 },
      { label: c.noticeCode, value: printedNotice(n.noticeCode), font: 'bold', size: 12 },
      { label: t.amount, value: this.money(n.amount), font: 'bold', size: 11 },
      { label: t.payBy, value: longDate(n.payBy, letter.language), font: 'bold', size: 10 },
    ];
    if (n.cbill) rows.push({ label: c.cbill, value: n.cbill, font: 'regular', size: 9.5 });
    // The entity's name wraps (up to 3 lines, never cut to an ellipsis): room for it is reserved.
    this.style('regular', 9.5);
    const entityExtra = Math.max(0, doc.heightOfString(single(n.entity), { width: vw }) - doc.currentLineHeight(true));
    const rowsH = 17 + rows.reduce((h, r) => h + r.size + 6, 0) + entityExtra;
    this.style('regular', 7);
    const hintH = doc.heightOfString(c.pagopaHint, { width: width - 2 * pad });
    const posteH = n.poste ? POSTE_GAP + qrSize + quiet : 0;
    const boxH = Math.max(rowsH, qrSize + quiet + 17) + posteH + hintH + 2 * pad + 2;
    this.ensure(boxH + 14 + this.keep);
    const top = doc.y;
    let y = top + pad;
    this.style('bold', 10);
    line(doc, reference ? `${c.pagopa} — ${single(reference)}` : c.pagopa, left + pad, y, width - 2 * pad);
    y += 17;
    const qrTop = y;
    for (const r of rows) {
      this.style('regular', 8, GREY);
      line(doc, r.label, left + pad, y + (r.size - 8) * 0.7, labelW - 6);
      this.style(r.font, r.size);
      if (r === rows[0]) y = Math.max(block(doc, r.value, vx, y, vw, 3) + 4, y + r.size + 6);
      else {
        line(doc, r.value, vx, y, vw);
        y += r.size + 6;
      }
    }
    // At least 4 modules of white on every side (the quiet zone ISO/IEC 18004 asks for).
    drawPagopaQr(doc, n.qrPayload, left + width - quiet - qrSize, qrTop, qrSize);
    y = Math.max(y, qrTop + qrSize + quiet);
    if (n.poste) y = this.posteSection(n.poste, y, pad, qrSize, quiet);
    this.style('regular', 7, GREY);
    doc.text(c.pagopaHint, left + pad, y, { width: width - 2 * pad });
    y = doc.y + pad - 2;
    doc.rect(left, top, width, y - top).lineWidth(0.7).stroke(RULE);
    doc.fillColor('black');
    doc.x = left;
    doc.y = y + 14;
  }

  /**
   * The Bollettino Postale PA under the notice's data (Avvisi 3.x "Bollettino Postale PA";
   * municipal-notes.md §2.6): the postal account, its holder and Poste's self-print authorisation in
   * 70 % black, the Data Matrix (25 mm) at the right under the QR code. Returns the y below it.
   */
  private posteSection(p: LetterPoste, top: number, pad: number, dmSize: number, quiet: number): number {
    const { doc, t, left, width } = this;
    const c = t.comune;
    doc
      .moveTo(left + pad, top)
      .lineTo(left + width - pad, top)
      .lineWidth(0.5)
      .stroke(RULE);
    let y = top + POSTE_GAP;
    const dmTop = y;
    const labelW = 118;
    const vx = left + pad + labelW;
    const vw = width - 2 * pad - labelW - dmSize - quiet - pad;
    this.style('bold', 10);
    line(doc, c.poste, left + pad, y, width - 2 * pad - dmSize - quiet);
    y += 17;
    const rows: [string, string, 'regular' | 'bold', number][] = [[c.posteAccount, p.account, 'bold', 11]];
    if (p.holder) rows.push([c.posteHolder, p.holder, 'regular', 9.5]);
    for (const [label, value, font, size] of rows) {
      this.style('regular', 8, GREY);
      line(doc, label, left + pad, y + (size - 8) * 0.7, labelW - 6);
      this.style(font, size, POSTE_BLACK);
      line(doc, value, vx, y, vw);
      y += size + 6;
    }
    if (p.authorization) {
      this.style('regular', 7.5, POSTE_BLACK);
      line(doc, p.authorization, left + pad, y, width - 2 * pad - dmSize - quiet);
      y += 13;
    }
    drawPosteDataMatrix(doc, p.payload, left + width - quiet - dmSize, dmTop, dmSize);
    doc.fillColor('black');
    return Math.max(y, dmTop + dmSize + quiet);
  }

  /** A pre-filled F24 section "IMU e altri tributi locali" (EL): one row per tribute code, as on the form. */
  private f24Table(f: LetterF24, reference: string | null): void {
    const { doc, t, left, width } = this;
    const c = t.comune;
    const widths = [44, 60, 60, 30, 104];
    const amountW = width - widths.reduce((a, b) => a + b, 0);
    const x = [left];
    for (const w of widths) x.push(x[x.length - 1]! + w);
    this.style('regular', 7);
    const hintH = doc.heightOfString(c.f24Hint, { width });
    this.ensure(40 + f.lines.length * 11 + hintH + this.keep);
    this.style('bold', 9.5);
    line(doc, reference ? `${c.f24} — ${single(reference)}` : c.f24, left, doc.y, width);
    let y = doc.y + 14;
    this.style('bold', 7.5);
    [c.f24Section, c.tributeCode, c.f24Entity, c.f24Ravv, c.f24Year].forEach((h, i) => line(doc, h, x[i]!, y, widths[i]! - 4));
    line(doc, c.f24Amount, x[5]!, y, amountW, 'right');
    doc
      .moveTo(left, y + 11)
      .lineTo(left + width, y + 11)
      .lineWidth(0.5)
      .stroke(RULE);
    y += 14;
    for (const l of f.lines) {
      this.style('regular', 8.5);
      ['EL', l.tributeCode, l.cadastralCode, l.ravvedimento ? 'X' : '', l.year].forEach((v, i) => line(doc, v, x[i]!, y, widths[i]! - 4));
      amount(doc, this.money(l.amount), x[5]!, y, amountW, 8.5);
      y += 11;
    }
    doc
      .moveTo(left, y + 1)
      .lineTo(left + width, y + 1)
      .lineWidth(0.5)
      .stroke(RULE);
    this.style('bold', 8.5);
    line(doc, t.totals, left, y + 4, width - amountW);
    amount(doc, this.money(f.total), x[5]!, y + 4, amountW, 8.5);
    y += 18;
    this.style('regular', 7, GREY);
    doc.text(c.f24Hint, left, y, { width });
    doc.fillColor('black');
    doc.x = left;
    doc.y = doc.y + 14;
  }

  /** The closing lines' height as drawn (wrapped lines included). */
  closingHeight(): number {
    const { doc, letter, width } = this;
    this.style('regular', 10);
    return letter.closing.reduce((h, l) => h + doc.heightOfString(clean(l).trim() || ' ', { width }), 0);
  }

  /**
   * Closing and signature, never alone on a page: the payment block before them was placed with room
   * for them (`paymentBlock(closingHeight)`), so this only breaks when they cannot fit a page at all.
   */
  closing(): void {
    const { doc, letter, left, width } = this;
    this.ensure(this.closingHeight());
    this.style('regular', 10);
    for (const l of letter.closing) doc.text(clean(l).trim() || ' ', left, doc.y, { width });
  }

  /** "Documento X" left, "Pagina n/N" right, on every page of the letter; above the perforation on the QR-bill page. */
  footers(firstPage: number, pages: number, qrPage: number): void {
    const { doc, t, left, width, letter } = this;
    for (let i = 0; i < pages; i++) {
      doc.switchToPage(firstPage + i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      const y = firstPage + i === qrPage ? doc.page.height - QR_BILL_HEIGHT - mm(4.5) : doc.page.height - mm(12);
      this.style('regular', 7, GREY);
      line(doc, `${t.document} ${letter.documentId}`, left, y, width * 0.7);
      line(doc, `${t.page} ${i + 1}/${pages}`, left + width * 0.7, y, width * 0.3, 'right');
      doc.page.margins.bottom = bottom;
    }
    doc.fillColor('black');
  }
}
