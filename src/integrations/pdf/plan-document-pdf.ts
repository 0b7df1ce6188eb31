import { printedNotice } from '../../domain/municipal/pagopa.ts';
import { LABELS } from '../letters/labels.ts';
import { groupIban, groupReference, longDate, money, shortDate } from '../letters/format.ts';
import { drawPagopaQr } from '../letters/pagopa-qr.ts';
import { canonicalJson, openDocument, PAGE } from '../letters/pdf-document.ts';
import { prepareStandardFonts } from '../letters/pdf-fonts.ts';
import { batchRects } from '../letters/pdf-rect-batch.ts';
import { fit, single } from '../letters/pdf-text.ts';
import { mm } from '../letters/pdf-units.ts';
import { buildQrBill, checkPayment, QR_BILL_HEIGHT } from '../letters/qr-bill.ts';
import type { LetterInput, LetterLanguage, LetterPagopa, LetterParty, LetterPayment } from '../letters/types.ts';

/**
 * The document of an instalment plan (issue 15 item 1): creditor and debtor, the positions the plan
 * covers with their amounts and the total, the schedule, the rules that matter to the debtor (the
 * lapse), and a payment slip per instalment — a pagoPA notice (its own codice avviso and QR code) for
 * a comune, a Swiss QR-bill (one per page) in CHF, otherwise IBAN + the instalment's RF reference.
 * Like the letters it renders a fully decided input (the use case words and checks it) and its bytes
 * depend only on that input (`openDocument`). Names are drawn as text by pdfkit, which escapes them.
 */
export const PLAN_DOCUMENT_LAYOUT_VERSION = 1;

export type PlanSlip =
  | { kind: 'pagopa'; pagopa: LetterPagopa }
  | { kind: 'qr_bill'; payment: LetterPayment }
  | { kind: 'transfer'; payment: LetterPayment }
  /** No slip can be printed for this instalment yet (a comune's notice to come). */
  | { kind: 'none' }
  /** Paid already: no slip. */
  | { kind: 'paid' };

export interface PlanDocumentInput {
  language: LetterLanguage;
  /** The document's date (ISO). */
  date: string;
  /**
   * A proposal waiting for approval is printed as a draft, without slips; a running plan with its
   * slips; a lapsed or paid one says so, without slips (what is left is due at once, or nothing).
   */
  state: 'proposed' | 'active' | 'lapsed' | 'paid';
  /** The day it lapsed or was paid in full. */
  closedOn: string | null;
  /** The plan's number as the reader quotes it (its first instalment's reference base, or an id). */
  planReference: string;
  currency: LetterInput['currency'];
  creditor: LetterParty & { taxCode?: string | null };
  debtor: LetterParty & { taxCode?: string | null };
  /** "Per conto di …": the agency acting for the creditor, when there is one. */
  agency: string | null;
  positions: { reference: string; description: string | null; amount: string }[];
  total: string;
  /** `amount` is what the debtor pays; with interest on the deferral, `capital` + `interest` make it. */
  instalments: { number: number; dueOn: string; amount: string; capital?: string; interest?: string; reference: string | null; slip: PlanSlip }[];
  /**
   * Interest on the deferral, when the creditor's rules ask for it: its yearly rate (percent), the
   * capital deferred (the positions' sum) and the interest; `total` is then capital + interest.
   */
  deferral?: { rate: string; capital: string; interest: string } | null;
  /** The plan's rules that matter to the debtor: the lapse of c.800 for a comune, the creditor's own terms otherwise. */
  rules: PlanDocumentRules;
}

export interface PlanDocumentRules {
  /** A comune's plan: the law's wording (art. 1 c.796–800 L. 160/2019). */
  comune: boolean;
  missed: number;
  withinMonths: number;
  afterReminder: boolean;
  extension: boolean;
}

interface PlanLabels {
  title: string;
  draft: string;
  creditor: string;
  debtor: string;
  taxCode: string;
  plan: string;
  positions: string;
  description: string;
  total: string;
  schedule: string;
  number: string;
  rules: string;
  slips: string;
  instalmentOf: (n: number, of: number) => string;
  capital: string;
  interest: string;
  /** The interest on the deferral at a yearly rate (written in the reader's way). */
  deferral: (rate: string) => string;
  toPay: string;
  noSlip: string;
  draftSlips: string;
  lapsed: (date: string) => string;
  paid: (date: string) => string;
  howToPay: string;
  lapse: (r: PlanDocumentRules) => string;
  extension: (r: PlanDocumentRules) => string;
}

const PL: Record<LetterLanguage, PlanLabels> = {
  it: {
    title: 'Piano di rateizzazione',
    draft: 'PROPOSTA – BOZZA, non ancora approvata',
    creditor: 'Creditore',
    debtor: 'Debitore',
    taxCode: 'Codice fiscale',
    plan: 'Piano n.',
    positions: 'Posizioni comprese nel piano',
    description: 'Descrizione',
    total: 'Totale rateizzato',
    schedule: 'Piano delle rate',
    number: 'Rata',
    rules: 'Condizioni del piano',
    slips: 'Bollettini di pagamento',
    instalmentOf: (n, of) => `Rata ${n} di ${of}`,
    capital: 'Capitale',
    interest: 'Interessi',
    deferral: (r) => `Interessi di dilazione al ${r}% annuo`,
    toPay: 'Totale da pagare',
    noSlip: 'L’avviso di pagamento di questa rata Le sarà inviato a parte.',
    draftSlips: 'I bollettini di pagamento delle rate saranno stampati con il piano approvato.',
    lapsed: (d) => `Il piano è decaduto il ${d}: l’intero importo residuo è dovuto in un’unica soluzione.`,
    paid: (d) => `Il piano è stato pagato per intero il ${d}.`,
    howToPay: 'Paghi ogni rata entro la sua scadenza con il bollettino di quella rata: il riferimento (o il codice avviso) indicato attribuisce il pagamento al piano.',
    lapse: (r) =>
      r.comune
        ? `Decadenza (art. 1 c.800 L. 160/2019): in caso di mancato pagamento, ${r.afterReminder ? 'dopo espresso sollecito, ' : ''}di ${r.missed} rate anche non consecutive nell’arco di ${r.withinMonths} mesi, il debitore decade automaticamente dal beneficio della rateizzazione; l’intero importo residuo è immediatamente dovuto in un’unica soluzione e non può più essere rateizzato.`
        : `Condizioni del creditore: se ${r.missed} rate, anche non consecutive, restano non pagate entro ${r.withinMonths} mesi${r.afterReminder ? ' dopo un sollecito espresso' : ''}, il piano decade e l’intero importo residuo è dovuto subito.`,
    extension: (r) =>
      r.comune
        ? 'In caso di comprovato peggioramento della situazione, il piano può essere prorogato una sola volta (art. 1 c.798 L. 160/2019), purché non sia intervenuta la decadenza.'
        : 'Su richiesta motivata il creditore può concedere una sola proroga del piano, purché non sia decaduto.',
  },
  en: {
    title: 'Instalment plan',
    draft: 'PROPOSAL – DRAFT, not yet approved',
    creditor: 'Creditor',
    debtor: 'Debtor',
    taxCode: 'Tax code',
    plan: 'Plan no.',
    positions: 'Positions covered by the plan',
    description: 'Description',
    total: 'Total in instalments',
    schedule: 'Schedule of instalments',
    number: 'Instalment',
    rules: 'Terms of the plan',
    slips: 'Payment slips',
    instalmentOf: (n, of) => `Instalment ${n} of ${of}`,
    capital: 'Capital',
    interest: 'Interest',
    deferral: (r) => `Interest on the deferral at ${r}% a year`,
    toPay: 'Total to pay',
    noSlip: 'The payment notice of this instalment will be sent to you separately.',
    draftSlips: 'The payment slips of the instalments are printed with the approved plan.',
    lapsed: (d) => `The plan lapsed on ${d}: the whole residual amount is due at once.`,
    paid: (d) => `The plan was paid in full on ${d}.`,
    howToPay: 'Pay each instalment by its due date with that instalment’s slip: the reference (or notice code) on it assigns the payment to the plan.',
    lapse: (r) =>
      r.comune
        ? `Lapse (art. 1 c.800 L. 160/2019): if ${r.missed} instalments, even non-consecutive, are not paid within ${r.withinMonths} months${r.afterReminder ? ' after an express reminder' : ''}, the debtor loses the benefit of the plan; the whole residual amount is due at once and can no longer be paid in instalments.`
        : `The creditor’s terms: if ${r.missed} instalments, even non-consecutive, remain unpaid within ${r.withinMonths} months${r.afterReminder ? ' after an express reminder' : ''}, the plan lapses and the whole residual amount is due at once.`,
    extension: (r) =>
      r.comune
        ? 'On a proven worsening of the debtor’s situation the plan can be extended once (art. 1 c.798 L. 160/2019), provided it has not lapsed.'
        : 'On a reasoned request the creditor may extend the plan once, provided it has not lapsed.',
  },
  de: {
    title: 'Ratenplan',
    draft: 'VORSCHLAG – ENTWURF, noch nicht genehmigt',
    creditor: 'Gläubiger',
    debtor: 'Schuldner',
    taxCode: 'Steuernummer',
    plan: 'Plan Nr.',
    positions: 'Vom Plan erfasste Positionen',
    description: 'Beschreibung',
    total: 'Gesamtbetrag in Raten',
    schedule: 'Ratenplan',
    number: 'Rate',
    rules: 'Bedingungen des Plans',
    slips: 'Einzahlungsscheine',
    instalmentOf: (n, of) => `Rate ${n} von ${of}`,
    capital: 'Kapital',
    interest: 'Zinsen',
    deferral: (r) => `Stundungszinsen zu ${r}% jährlich`,
    toPay: 'Zu zahlender Gesamtbetrag',
    noSlip: 'Die Zahlungsaufforderung dieser Rate wird Ihnen separat zugestellt.',
    draftSlips: 'Die Einzahlungsscheine der Raten werden mit dem genehmigten Plan gedruckt.',
    lapsed: (d) => `Der Plan ist am ${d} hinfällig geworden: der gesamte Restbetrag ist sofort fällig.`,
    paid: (d) => `Der Plan wurde am ${d} vollständig bezahlt.`,
    howToPay: 'Bezahlen Sie jede Rate bis zu ihrer Fälligkeit mit dem Einzahlungsschein dieser Rate: die angegebene Referenz (oder der Zahlungscode) ordnet die Zahlung dem Plan zu.',
    lapse: (r) =>
      r.comune
        ? `Verfall (Art. 1 Abs. 800 Gesetz 160/2019): werden ${r.missed} Raten, auch nicht aufeinanderfolgende, innerhalb von ${r.withinMonths} Monaten${r.afterReminder ? ' nach ausdrücklicher Mahnung' : ''} nicht bezahlt, verliert der Schuldner die Ratenzahlung; der gesamte Restbetrag ist sofort in einer Summe fällig und kann nicht erneut in Raten gezahlt werden.`
        : `Bedingungen des Gläubigers: bleiben ${r.missed} Raten, auch nicht aufeinanderfolgende, innerhalb von ${r.withinMonths} Monaten${r.afterReminder ? ' nach ausdrücklicher Mahnung' : ''} unbezahlt, verfällt der Plan und der gesamte Restbetrag ist sofort fällig.`,
    extension: (r) =>
      r.comune
        ? 'Bei nachgewiesener Verschlechterung der Lage kann der Plan einmal verlängert werden (Art. 1 Abs. 798 Gesetz 160/2019), sofern er nicht verfallen ist.'
        : 'Auf begründeten Antrag kann der Gläubiger den Plan einmal verlängern, sofern er nicht verfallen ist.',
  },
  fr: {
    title: 'Plan de paiement échelonné',
    draft: 'PROPOSITION – PROJET, pas encore approuvé',
    creditor: 'Créancier',
    debtor: 'Débiteur',
    taxCode: 'Code fiscal',
    plan: 'Plan n°',
    positions: 'Positions comprises dans le plan',
    description: 'Description',
    total: 'Total échelonné',
    schedule: 'Échéancier',
    number: 'N°',
    rules: 'Conditions du plan',
    slips: 'Bulletins de paiement',
    instalmentOf: (n, of) => `Échéance ${n} sur ${of}`,
    capital: 'Capital',
    interest: 'Intérêts',
    deferral: (r) => `Intérêts de délai au taux annuel de ${r} %`,
    toPay: 'Total à payer',
    noSlip: 'L’avis de paiement de cette échéance vous sera envoyé séparément.',
    draftSlips: 'Les bulletins de paiement des échéances seront imprimés avec le plan approuvé.',
    lapsed: (d) => `Le plan est devenu caduc le ${d} : la totalité du solde est exigible en une seule fois.`,
    paid: (d) => `Le plan a été entièrement payé le ${d}.`,
    howToPay: 'Payez chaque échéance à sa date avec le bulletin de cette échéance : la référence (ou le code d’avis) indiquée attribue le paiement au plan.',
    lapse: (r) =>
      r.comune
        ? `Déchéance (art. 1 al. 800 loi 160/2019) : si ${r.missed} échéances, même non consécutives, restent impayées dans un délai de ${r.withinMonths} mois${r.afterReminder ? ' après un rappel exprès' : ''}, le débiteur perd le bénéfice de l’échelonnement ; la totalité du solde est immédiatement exigible en une seule fois et ne peut plus être échelonnée.`
        : `Conditions du créancier : si ${r.missed} échéances, même non consécutives, restent impayées dans un délai de ${r.withinMonths} mois${r.afterReminder ? ' après un rappel exprès' : ''}, le plan devient caduc et la totalité du solde est exigible immédiatement.`,
    extension: (r) =>
      r.comune
        ? 'En cas d’aggravation prouvée de la situation, le plan peut être prolongé une seule fois (art. 1 al. 798 loi 160/2019), s’il n’est pas devenu caduc.'
        : 'Sur demande motivée, le créancier peut prolonger le plan une seule fois, s’il n’est pas devenu caduc.',
  },
};

const GREY = '#555555';
const RULE = '#888888';

/** The plan's document as an A4 PDF. Throws LetterPaymentError on payment data a slip would get wrong. */
export async function renderPlanDocumentPdf(input: PlanDocumentInput): Promise<Buffer> {
  // Refuse bad payment data before anything is drawn (IBAN, reference, amount; the whole QR-bill).
  const bills = new Map<number, ReturnType<typeof buildQrBill>>();
  for (const i of input.instalments) {
    if (i.slip.kind === 'transfer') checkPayment(i.slip.payment);
    if (i.slip.kind === 'qr_bill') bills.set(i.number, buildQrBill({ currency: input.currency, payment: i.slip.payment, recipient: input.debtor, language: input.language }));
  }
  const t = PL[input.language];
  const L = LABELS[input.language];
  const { doc, done } = openDocument({
    date: input.date,
    title: `${t.title} ${input.planReference}`,
    author: input.creditor.name,
    fingerprint: canonicalJson({ v: PLAN_DOCUMENT_LAYOUT_VERSION, input }),
  });
  try {
    new Draw(doc, input, t, L, bills).all();
  } catch (e) {
    doc.end();
    await done.catch(() => undefined);
    throw e;
  }
  doc.end();
  return done;
}

class Draw {
  readonly left = PAGE.margins.left;
  readonly width: number;
  readonly bottom: number;
  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly input: PlanDocumentInput,
    readonly t: PlanLabels,
    readonly L: (typeof LABELS)[LetterLanguage],
    readonly bills: Map<number, ReturnType<typeof buildQrBill>>,
  ) {
    doc.addPage(PAGE);
    this.width = doc.page.width - PAGE.margins.left - PAGE.margins.right;
    this.bottom = doc.page.height - PAGE.margins.bottom;
  }

  private money = (a: string) => money(a, this.input.currency, this.input.language);
  private style(font: 'regular' | 'bold', size: number, color = 'black') {
    this.doc.font(font).fontSize(size).fillColor(color);
  }
  /** A new page when fewer than `h` points are left. */
  private ensure(h: number) {
    if (this.doc.y + h > this.bottom) {
      this.doc.addPage(PAGE);
      this.doc.y = PAGE.margins.top;
    }
  }
  /** Text in one line at (x, y), cut to the width with "…". */
  private cell(text: string, x: number, y: number, w: number, align: 'left' | 'right' = 'left') {
    this.doc.text(fit(this.doc, single(text), w), x, y, { width: w, align, lineBreak: false });
  }

  all(): void {
    this.header();
    this.positions();
    this.schedule();
    this.rules();
    this.slips();
    this.footers();
  }

  private header() {
    const { doc, input, t, left, width } = this;
    this.style('bold', 16);
    doc.text(t.title, left, PAGE.margins.top, { width });
    this.style('regular', 9, GREY);
    doc.text(`${t.plan} ${input.planReference} · ${this.L.date} ${longDate(input.date, input.language)}`, left, doc.y + 2, { width });
    const note =
      input.state === 'proposed' ? t.draft : input.state === 'lapsed' ? t.lapsed(longDate(input.closedOn ?? input.date, input.language)) : input.state === 'paid' ? t.paid(longDate(input.closedOn ?? input.date, input.language)) : null;
    if (note) {
      this.style('bold', input.state === 'proposed' ? 12 : 10, input.state === 'proposed' ? '#b00020' : 'black');
      doc.text(note, left, doc.y + 6, { width });
    }
    const top = doc.y + 14;
    const colW = (width - 20) / 2;
    const party = (label: string, p: PlanDocumentInput['creditor'], x: number, extra: string[]) => {
      this.style('regular', 8, GREY);
      doc.text(label, x, top, { width: colW });
      this.style('bold', 10);
      doc.text(single(p.name), x, doc.y + 1, { width: colW });
      this.style('regular', 9.5);
      for (const l of [...p.lines, ...extra]) doc.text(single(l), x, doc.y, { width: colW });
      return doc.y;
    };
    const creditorExtra = [input.creditor.taxCode ? `${this.t.taxCode} ${input.creditor.taxCode}` : '', input.agency ? `${this.L.onBehalfOf}: ${input.agency}` : ''].filter(Boolean);
    const a = party(t.creditor, input.creditor, left, creditorExtra);
    const b = party(t.debtor, input.debtor, left + colW + 20, input.debtor.taxCode ? [`${t.taxCode} ${input.debtor.taxCode}`] : []);
    doc.x = left;
    doc.y = Math.max(a, b) + 16;
  }

  private heading(text: string) {
    this.ensure(40);
    this.style('bold', 11);
    this.doc.text(text, this.left, this.doc.y, { width: this.width });
    this.doc.y += 4;
  }

  private rule(y: number) {
    this.doc
      .moveTo(this.left, y)
      .lineTo(this.left + this.width, y)
      .lineWidth(0.5)
      .stroke(RULE);
  }

  private positions() {
    const { doc, input, t, left, width } = this;
    this.heading(t.positions);
    const refW = 130;
    const amountW = 100;
    const descW = width - refW - amountW;
    const row = (cells: [string, string, string], font: 'regular' | 'bold') => {
      this.ensure(16);
      const y = doc.y;
      this.style(font, 9);
      this.cell(cells[0], left, y, refW - 6);
      this.cell(cells[1], left + refW, y, descW - 6);
      this.cell(cells[2], left + refW + descW, y, amountW, 'right');
      doc.x = left;
      doc.y = y + 14;
    };
    row([this.L.reference, t.description, this.L.amount], 'bold');
    this.rule(doc.y - 3);
    for (const p of input.positions) row([p.reference, p.description ?? '', this.money(p.amount)], 'regular');
    this.rule(doc.y - 2);
    doc.y += 2;
    const d = input.deferral;
    if (d) {
      row([t.total, '', this.money(d.capital)], 'regular');
      row(['', t.deferral(this.percent(d.rate)), this.money(d.interest)], 'regular');
      this.rule(doc.y - 2);
      doc.y += 2;
      row([t.toPay, '', this.money(input.total)], 'bold');
    } else row([t.total, '', this.money(input.total)], 'bold');
    doc.y += 10;
  }

  /** A rate as the reader writes it: 2,6 in Italian, German and French, 2.6 in English. */
  private percent(rate: string) {
    return this.input.language === 'en' ? rate : rate.replace('.', ',');
  }

  private schedule() {
    if (this.input.deferral) return this.scheduleWithInterest(this.input.deferral);
    const { doc, input, t, left, width } = this;
    this.heading(t.schedule);
    const w = [60, 110, 110, width - 280];
    const x = [left, left + w[0]!, left + w[0]! + w[1]!, left + w[0]! + w[1]! + w[2]!];
    const row = (cells: string[], font: 'regular' | 'bold') => {
      this.ensure(14);
      const y = doc.y;
      this.style(font, 9);
      this.cell(cells[0]!, x[0]!, y, w[0]! - 6);
      this.cell(cells[1]!, x[1]!, y, w[1]! - 6);
      this.cell(cells[2]!, x[2]!, y, w[2]! - 12, 'right');
      this.cell(cells[3]!, x[3]!, y, w[3]!);
      doc.x = left;
      doc.y = y + 13;
    };
    row([t.number, this.L.dueDate, this.L.amount, this.L.reference], 'bold');
    this.rule(doc.y - 3);
    for (const i of input.instalments) row([String(i.number), shortDate(i.dueOn, input.language), this.money(i.amount), i.reference ?? ''], 'regular');
    this.rule(doc.y - 2);
    doc.y += 2;
    row(['', t.total, this.money(input.total), ''], 'bold');
    doc.y += 10;
  }

  /** The schedule with each instalment's capital, interest on the deferral and amount (capital + interest). */
  private scheduleWithInterest(d: { rate: string; capital: string; interest: string }) {
    const { doc, input, t, left, width } = this;
    this.heading(`${t.schedule} · ${t.deferral(this.percent(d.rate))}`);
    const w = [40, 70, 80, 65, 85];
    const x = w.reduce<number[]>((xs, v) => [...xs, xs[xs.length - 1]! + v], [left]);
    const refW = width - w.reduce((a, b) => a + b, 0);
    const row = (cells: string[], font: 'regular' | 'bold') => {
      this.ensure(14);
      const y = doc.y;
      this.style(font, 9);
      // The totals' label takes the number's and the date's columns.
      this.cell(cells[0]!, x[0]!, y, (cells[1] === '' ? w[0]! + w[1]! : w[0]!) - 6);
      this.cell(cells[1]!, x[1]!, y, w[1]! - 6);
      for (const k of [2, 3, 4]) this.cell(cells[k]!, x[k]!, y, w[k]! - 12, 'right');
      this.cell(cells[5]!, x[5]!, y, refW);
      doc.x = left;
      doc.y = y + 13;
    };
    row([t.number, this.L.dueDate, t.capital, t.interest, this.L.amount, this.L.reference], 'bold');
    this.rule(doc.y - 3);
    for (const i of input.instalments) {
      row([String(i.number), shortDate(i.dueOn, input.language), this.money(i.capital ?? i.amount), this.money(i.interest ?? '0.00'), this.money(i.amount), i.reference ?? ''], 'regular');
    }
    this.rule(doc.y - 2);
    doc.y += 2;
    row([t.toPay, '', this.money(d.capital), this.money(d.interest), this.money(input.total), ''], 'bold');
    doc.y += 10;
  }

  private rules() {
    const { doc, input, t, left, width } = this;
    this.heading(t.rules);
    this.style('regular', 9);
    const lines = [t.howToPay, t.lapse(input.rules), ...(input.rules.extension ? [t.extension(input.rules)] : [])];
    for (const r of lines) {
      this.ensure(30);
      doc.text(`• ${single(r)}`, left, doc.y, { width });
      doc.y += 3;
    }
    doc.y += 8;
  }

  private slips() {
    const { doc, input, t, left, width } = this;
    if (input.state === 'proposed') {
      this.style('regular', 9, GREY);
      this.ensure(20);
      doc.text(t.draftSlips, left, doc.y, { width });
      return;
    }
    if (input.state !== 'active') return;
    const n = input.instalments.length;
    let headed = false;
    for (const i of input.instalments) {
      if (i.slip.kind === 'paid') continue;
      const head = t.instalmentOf(i.number, n);
      const title = `${head} — ${this.L.payBy} ${longDate(i.dueOn, input.language)}`;
      if (i.slip.kind === 'qr_bill') {
        // One bill per page, at its foot, with the instalment named above it.
        doc.addPage(PAGE);
        this.style('bold', 12);
        doc.text(t.slips, left, PAGE.margins.top, { width });
        this.style('bold', 10);
        doc.text(title, left, doc.y + 8, { width });
        this.style('regular', 9.5);
        doc.text(`${this.L.amount}: ${this.money(i.amount)}`, left, doc.y + 4, { width });
        doc.text(`${this.L.qrReference}: ${groupReference(i.slip.payment.referenceType, i.slip.payment.reference ?? '')}`, left, doc.y, { width });
        const top = doc.page.height - QR_BILL_HEIGHT;
        doc.page.margins.bottom = 0;
        doc.y = top;
        prepareStandardFonts(doc, ['Helvetica-Bold', 'Helvetica']);
        const bill = this.bills.get(i.number)!;
        batchRects(doc, () => bill.attachTo(doc, 0, top));
        continue;
      }
      if (!headed) {
        this.ensure(160);
        this.heading(t.slips);
        headed = true;
      }
      // The notice names its due date in a row of its own, as the pagoPA notice does.
      if (i.slip.kind === 'pagopa') this.pagopaSlip(`${head} — ${this.L.comune.pagopa}`, i.slip.pagopa);
      else if (i.slip.kind === 'transfer') this.transferSlip(title, i.slip.payment);
      else {
        this.ensure(30);
        this.style('bold', 10);
        doc.text(title, left, doc.y, { width });
        this.style('regular', 9);
        doc.text(t.noSlip, left, doc.y, { width });
        doc.y += 10;
      }
    }
  }

  /** A box of labelled rows with an optional QR code at the right; cut along its dashed top edge. */
  private box(title: string, rows: { label: string; value: string; bold?: boolean; size?: number }[], qr: string | null) {
    const { doc, left, width } = this;
    const pad = 8;
    const qrSize = mm(25);
    const quiet = mm(4);
    const labelW = 130;
    const vw = width - 2 * pad - labelW - (qr ? qrSize + quiet : 0);
    const rowsH = 18 + rows.reduce((h, r) => h + (r.size ?? 9.5) + 6, 0);
    const h = Math.max(rowsH, qr ? 18 + qrSize + quiet : 0) + 2 * pad;
    this.ensure(h + 12);
    const top = doc.y;
    let y = top + pad;
    this.style('bold', 10);
    this.cell(title, left + pad, y, width - 2 * pad);
    y += 18;
    const qrTop = y;
    for (const r of rows) {
      const size = r.size ?? 9.5;
      this.style('regular', 8, GREY);
      this.cell(r.label, left + pad, y + (size - 8) * 0.7, labelW - 6);
      this.style(r.bold ? 'bold' : 'regular', size);
      this.cell(r.value, left + pad + labelW, y, vw);
      y += size + 6;
    }
    if (qr) drawPagopaQr(doc, qr, left + width - quiet - qrSize, qrTop, qrSize);
    doc.rect(left, top, width, h).lineWidth(0.7).dash(3, { space: 2 }).stroke(RULE);
    doc.undash();
    doc.fillColor('black');
    doc.x = left;
    doc.y = top + h + 12;
  }

  private pagopaSlip(title: string, n: LetterPagopa) {
    const c = this.L.comune;
    const rows = [
      { label: c.entity, value: n.entity },
      { label: c.cfEnte, value: n.cfEnte, bold: true },
      { label: c.noticeCode, value: printedNotice(n.noticeCode), bold: true, size: 12 },
      { label: this.L.amount, value: this.money(n.amount), bold: true, size: 11 },
      { label: this.L.payBy, value: longDate(n.payBy, this.input.language), bold: true },
    ];
    if (n.cbill) rows.push({ label: c.cbill, value: n.cbill });
    this.box(title, rows, n.qrPayload);
  }

  private transferSlip(title: string, p: LetterPayment) {
    this.box(
      title,
      [
        { label: this.L.payee, value: p.payee.name },
        { label: this.L.iban, value: groupIban(p.iban), bold: true, size: 11 },
        { label: p.referenceType === 'QRR' ? this.L.qrReference : this.L.structuredReference, value: groupReference(p.referenceType, p.reference ?? ''), bold: true, size: 11 },
        { label: this.L.amount, value: this.money(p.amount), bold: true, size: 11 },
        { label: this.L.message, value: p.message },
      ],
      null,
    );
  }

  /** "Piano n. … · Pagina x/y" at the foot of every page (above a QR-bill: the bill's page has it at the top). */
  private footers() {
    const { doc, input, t, left, width } = this;
    const range = doc.bufferedPageRange();
    for (let p = range.start; p < range.start + range.count; p++) {
      doc.switchToPage(p);
      const margin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      this.style('regular', 7.5, GREY);
      const y = margin === 0 ? mm(10) : doc.page.height - mm(14);
      this.cell(`${t.title} · ${t.plan} ${input.planReference} · ${this.L.page} ${p - range.start + 1}/${range.count}`, left, y, width, 'right');
      doc.page.margins.bottom = margin;
    }
  }
}
