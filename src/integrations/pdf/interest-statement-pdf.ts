import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { basisText, FLAT_COMPENSATION_LABEL } from '../../domain/interest/basis.ts';
import type { Statement } from '../../domain/interest/compute.ts';
import type { DayCount } from '../../domain/interest/day-count.ts';
import type { Regime } from '../../domain/interest/regimes.ts';
import { kindOfPartKey } from '../../domain/interest/claim-ledger.ts';
import { msg, translate, type MessageCode } from '../../domain/messages/index.ts';
import { formatMoneyText } from '../../domain/money-format.ts';

const FONTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../assets/fonts');
export const PDF_LANGUAGES = ['it', 'en', 'de', 'fr'] as const;
export type PdfLanguage = (typeof PDF_LANGUAGES)[number];

const T: Record<PdfLanguage, Record<string, string>> = {
  it: {
    title: 'Prospetto di calcolo degli interessi',
    regime: 'Regime',
    dayCount: 'Calcolo dei giorni',
    span: 'Dalla scadenza del',
    to: 'al',
    principal: 'Capitale',
    periods: 'Periodi',
    from: 'Dal',
    until: 'Al',
    days: 'Giorni',
    rate: 'Tasso annuo',
    base: 'Capitale',
    amount: 'Interessi',
    payments: 'Pagamenti e imputazione',
    date: 'Data valuta',
    paid: 'Importo',
    costs: 'Spese',
    interest: 'Interessi',
    excess: 'Eccedenza',
    costItems: 'Spese e costi',
    paused: 'Interessi sospesi (piano di rateizzazione con interessi di dilazione)',
    pausedNotice: 'Nessun interesse prima della messa in mora (nessuna scadenza pattuita): decorrono dal giorno dopo la ricezione',
    pausedWaiver: 'Interessi rinunciati dal creditore',
    running: 'in corso',
    totals: 'Riepilogo',
    interestTotal: 'Interessi maturati',
    interestPaid: 'di cui pagati',
    interestDue: 'Interessi dovuti',
    costsDue: 'Spese dovute',
    principalDue: 'Capitale residuo',
    totalDue: 'Totale dovuto al',
    basis: 'Base giuridica',
    note: 'Interessi semplici, nessun interesse su interessi; ogni periodo è esposto non arrotondato al centesimo, il totale è arrotondato una volta.',
  },
  en: {
    title: 'Interest statement',
    regime: 'Regime',
    dayCount: 'Day count',
    span: 'From the due date',
    to: 'to',
    principal: 'Principal',
    periods: 'Periods',
    from: 'From',
    until: 'To',
    days: 'Days',
    rate: 'Annual rate',
    base: 'Principal',
    amount: 'Interest',
    payments: 'Payments and their allocation',
    date: 'Value date',
    paid: 'Amount',
    costs: 'Costs',
    interest: 'Interest',
    excess: 'Excess',
    costItems: 'Costs and fees',
    paused: 'Interest suspended (instalment plan with interest on the deferral)',
    pausedNotice: 'No interest before the formal notice (no agreed due date): it runs from the day after its receipt',
    pausedWaiver: 'Interest waived by the creditor',
    running: 'ongoing',
    totals: 'Summary',
    interestTotal: 'Interest accrued',
    interestPaid: 'of which paid',
    interestDue: 'Interest due',
    costsDue: 'Costs due',
    principalDue: 'Principal outstanding',
    totalDue: 'Total due on',
    basis: 'Legal basis',
    note: 'Simple interest, no interest on interest; each period is shown unrounded to the cent, the total is rounded once.',
  },
  de: {
    title: 'Zinsberechnung',
    regime: 'Regime',
    dayCount: 'Zinstage',
    span: 'Ab Fälligkeit am',
    to: 'bis',
    principal: 'Hauptforderung',
    periods: 'Zeiträume',
    from: 'Vom',
    until: 'Bis',
    days: 'Tage',
    rate: 'Zinssatz p. a.',
    base: 'Kapital',
    amount: 'Zinsen',
    payments: 'Zahlungen und Verrechnung',
    date: 'Valuta',
    paid: 'Betrag',
    costs: 'Kosten',
    interest: 'Zinsen',
    excess: 'Überzahlung',
    costItems: 'Kosten und Gebühren',
    paused: 'Zinsen ausgesetzt (Ratenplan mit Stundungszinsen)',
    pausedNotice: 'Keine Zinsen vor der Mahnung (kein vereinbarter Verfalltag): sie laufen ab dem Tag nach ihrem Empfang',
    pausedWaiver: 'Der Gläubiger hat auf die Zinsen verzichtet',
    running: 'laufend',
    totals: 'Zusammenfassung',
    interestTotal: 'Aufgelaufene Zinsen',
    interestPaid: 'davon bezahlt',
    interestDue: 'Offene Zinsen',
    costsDue: 'Offene Kosten',
    principalDue: 'Offene Hauptforderung',
    totalDue: 'Gesamtbetrag per',
    basis: 'Rechtsgrundlage',
    note: 'Einfache Zinsen, keine Zinseszinsen; jeder Zeitraum ungerundet auf den Cent gezeigt, die Summe einmal gerundet.',
  },
  fr: {
    title: 'Décompte des intérêts',
    regime: 'Régime',
    dayCount: 'Décompte des jours',
    span: 'Depuis l’échéance du',
    to: 'au',
    principal: 'Principal',
    periods: 'Périodes',
    from: 'Du',
    until: 'Au',
    days: 'Jours',
    rate: 'Taux annuel',
    base: 'Capital',
    amount: 'Intérêts',
    payments: 'Paiements et imputation',
    date: 'Date de valeur',
    paid: 'Montant',
    costs: 'Frais',
    interest: 'Intérêts',
    excess: 'Excédent',
    costItems: 'Frais et coûts',
    paused: 'Intérêts suspendus (plan d’échelonnement avec intérêts de report)',
    pausedNotice: 'Pas d’intérêts avant la mise en demeure (aucune échéance convenue) : ils courent dès le lendemain de sa réception',
    pausedWaiver: 'Intérêts abandonnés par le créancier',
    running: 'en cours',
    totals: 'Récapitulatif',
    interestTotal: 'Intérêts échus',
    interestPaid: 'dont payés',
    interestDue: 'Intérêts dus',
    costsDue: 'Frais dus',
    principalDue: 'Capital restant dû',
    totalDue: 'Total dû au',
    basis: 'Base légale',
    note: 'Intérêts simples, pas d’intérêts sur les intérêts ; chaque période affichée non arrondie au centime, le total arrondi une seule fois.',
  },
};

function formatMoney(amount: string, currency: string, lang: PdfLanguage): string {
  return formatMoneyText(amount, currency, lang);
}

function formatDate(iso: string, lang: PdfLanguage): string {
  const [y, m, d] = iso.split('-');
  return lang === 'en' ? `${d}/${m}/${y}` : lang === 'de' ? `${d}.${m}.${y}` : `${d}/${m}/${y}`;
}

/**
 * The statement as an A4 PDF: every period with its dates, days, rate and amount; the payments and
 * how each was allocated; costs; totals; the legal basis. Fonts are embedded (€, ’, accented capitals).
 */
/** The regime and the day count in words (the web UI's wording): the statement never shows internal codes. */
const REGIME_TEXT: Record<PdfLanguage, Record<Regime, string>> = {
  it: {
    'it-legal': 'Interessi legali (IT)',
    'it-commercial': 'Interessi di mora commerciali (D.Lgs. 231/2002)',
    ch: 'Interessi di mora (CH, 5%)',
    'de-consumer': 'Interessi di mora consumatori (DE)',
    'de-business': 'Interessi di mora tra imprese (DE)',
    'fr-legal-private': 'Tasso legale privati (FR)',
    'fr-legal-other': 'Tasso legale altri casi (FR)',
    'fr-commercial': 'Interessi commerciali (FR)',
    fixed: 'Tasso fisso',
    spread: 'Tasso di riferimento + spread',
    none: 'Nessun interesse',
  },
  en: {
    'it-legal': 'Legal interest (IT)',
    'it-commercial': 'Late-payment interest, commercial (IT)',
    ch: 'Default interest (CH, 5%)',
    'de-consumer': 'Default interest, consumers (DE)',
    'de-business': 'Default interest, businesses (DE)',
    'fr-legal-private': 'Legal rate, individuals (FR)',
    'fr-legal-other': 'Legal rate, other cases (FR)',
    'fr-commercial': 'Commercial late-payment interest (FR)',
    fixed: 'Fixed rate',
    spread: 'Reference rate + spread',
    none: 'No interest',
  },
  de: {
    'it-legal': 'Gesetzliche Zinsen (IT)',
    'it-commercial': 'Verzugszinsen im Geschäftsverkehr (IT)',
    ch: 'Verzugszins (CH, 5%)',
    'de-consumer': 'Verzugszinsen Verbraucher (DE)',
    'de-business': 'Verzugszinsen Unternehmen (DE)',
    'fr-legal-private': 'Gesetzlicher Zinssatz Privatpersonen (FR)',
    'fr-legal-other': 'Gesetzlicher Zinssatz sonstige (FR)',
    'fr-commercial': 'Verzugszinsen im Geschäftsverkehr (FR)',
    fixed: 'Fester Zinssatz',
    spread: 'Referenzzins + Aufschlag',
    none: 'Keine Zinsen',
  },
  fr: {
    'it-legal': 'Intérêts légaux (IT)',
    'it-commercial': 'Intérêts de retard commerciaux (IT)',
    ch: 'Intérêts moratoires (CH, 5 %)',
    'de-consumer': 'Intérêts de retard, consommateurs (DE)',
    'de-business': 'Intérêts de retard, entreprises (DE)',
    'fr-legal-private': 'Taux légal, particuliers (FR)',
    'fr-legal-other': 'Taux légal, autres cas (FR)',
    'fr-commercial': 'Pénalités de retard commerciales (FR)',
    fixed: 'Taux fixe',
    spread: 'Taux de référence + marge',
    none: 'Sans intérêts',
  },
};
const DAY_COUNT_TEXT: Record<PdfLanguage, Record<DayCount, string>> = {
  it: { act365: 'giorni effettivi / 365', act366: 'giorni effettivi / 366 negli anni bisestili', act360: 'giorni effettivi / 360', '30e360': 'mesi di 30 giorni / 360 (30E/360)' },
  en: { act365: 'actual days / 365', act366: 'actual days / 366 in leap years', act360: 'actual days / 360', '30e360': '30-day months / 360 (30E/360)' },
  de: { act365: 'tatsächliche Tage / 365', act366: 'tatsächliche Tage / 366 in Schaltjahren', act360: 'tatsächliche Tage / 360', '30e360': 'Monate zu 30 Tagen / 360 (30E/360)' },
  fr: { act365: 'jours réels / 365', act366: 'jours réels / 366 les années bissextiles', act360: 'jours réels / 360', '30e360': 'mois de 30 jours / 360 (30E/360)' },
};

/**
 * @param opts.created ISO date: when given, the file's CreationDate (00:00 UTC) and an ID derived from the
 *   statement, so the same statement gives the same bytes (the legal dossier is byte-reproducible);
 *   without it pdfkit stamps the time of writing.
 */
export function renderStatementPdf(s: Statement, opts: { language?: PdfLanguage; heading?: string[]; created?: string } = {}): Promise<Buffer> {
  const lang = opts.language ?? 'it';
  const t = T[lang];
  const money = (a: string) => formatMoney(a, s.currency, lang);
  const date = (d: string) => formatDate(d, lang);
  // The rate's digits as published, with the language's decimal sign.
  const rate = (r: string) => (lang === 'en' ? `${r}%` : `${r.replace('.', ',')} %`);
  const info: PDFKit.DocumentInfo = { Title: t.title! };
  if (opts.created) {
    info.CreationDate = new Date(`${opts.created}T00:00:00Z`);
    // pdfkit hashes the info dictionary into the trailer ID: with this it identifies the content.
    (info as Record<string, unknown>).ContentId = createHash('sha256').update(JSON.stringify([s, lang, opts.heading ?? []])).digest('hex');
  }
  const doc = new PDFDocument({ size: 'A4', margins: { top: 56, bottom: 56, left: 56, right: 56 }, info });
  doc.registerFont('regular', path.join(FONTS, 'DejaVuSans.ttf'));
  doc.registerFont('bold', path.join(FONTS, 'DejaVuSans-Bold.ttf'));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const table = (headers: string[], rows: string[][], widths: number[]) => {
    const x = widths.reduce<number[]>((acc, _w, i) => [...acc, i === 0 ? left : acc[i - 1]! + widths[i - 1]!], []);
    const row = (cells: string[], font: string) => {
      if (doc.y > doc.page.height - doc.page.margins.bottom - 20) doc.addPage();
      const y = doc.y;
      doc.font(font).fontSize(9);
      cells.forEach((c, i) => doc.text(c, x[i]!, y, { width: widths[i]! - 6, align: i < 2 ? 'left' : 'right', lineBreak: false }));
      doc.x = left;
      doc.y = y + 14;
    };
    row(headers, 'bold');
    doc.moveTo(left, doc.y - 3).lineTo(left + width, doc.y - 3).lineWidth(0.5).stroke('#888888');
    for (const r of rows) row(r, 'regular');
    doc.moveDown(0.8);
  };
  const heading = (text: string) => {
    doc.font('bold').fontSize(11).text(text, left, doc.y);
    doc.moveDown(0.3);
  };

  doc.font('bold').fontSize(16).text(t.title!, { align: 'left' });
  doc.moveDown(0.3);
  doc.font('regular').fontSize(9);
  for (const line of opts.heading ?? []) doc.text(line);
  doc.text(`${t.span} ${date(s.due)} ${t.to} ${date(s.paid)} · ${t.principal} ${money(s.principal)} · ${t.regime}: ${REGIME_TEXT[lang][s.regime]} · ${t.dayCount}: ${DAY_COUNT_TEXT[lang][s.dayCount]}`);
  doc.moveDown(0.8);

  heading(t.periods!);
  table(
    [t.from!, t.until!, t.days!, t.rate!, t.base!, t.amount!],
    s.periods.map((p) => [date(p.from), date(p.to), String(p.days), rate(p.rate), money(p.principal), money(p.amount)]),
    [70, 70, 50, 80, 110, width - 380],
  );
  // Days no interest accrued (a plan with interest on the deferral ran): the gaps between the periods.
  for (const z of s.pauses ?? []) {
    const label = z.reason === 'formal_notice' ? t.pausedNotice : z.reason === 'waiver' ? t.pausedWaiver : t.paused;
    doc.font('regular').fontSize(9).text(`${label}: ${t.from!.toLowerCase()} ${date(z.from)} ${z.to === null ? `(${t.running})` : `${t.until!.toLowerCase()} ${date(z.to)}`}`, left, doc.y);
  }
  if (s.payments.length) {
    heading(t.payments!);
    table(
      [t.date!, t.paid!, t.costs!, t.interest!, t.principal!, t.excess!],
      s.payments.map((p) => [date(p.date), money(p.amount), money(p.costs), money(p.interest), money(p.principal), money(p.unallocated)]),
      [70, 85, 80, 85, 90, width - 410],
    );
  }
  if (s.costItems.length) {
    heading(t.costItems!);
    for (const k of s.costItems) {
      const y = doc.y;
      doc.font('regular').fontSize(9).text(date(k.date), left, y, { width: 70 });
      doc.text(k.code === 'flat_compensation' ? FLAT_COMPENSATION_LABEL[lang] : k.label, left + 70, y, { width: width - 220 });
      const after = doc.y;
      doc.text(money(k.amount), left + width - 150, y, { width: 150, align: 'right' });
      doc.x = left;
      doc.y = Math.max(after, y + 14) + 2;
    }
    doc.moveDown(0.8);
  }
  heading(t.totals!);
  const totals: [string, string][] = [
    [t.interestTotal!, money(s.interest)],
    [t.interestPaid!, money(s.interestPaid)],
    [t.interestDue!, money(s.interestDue)],
    [t.costsDue!, money(s.costsDue)],
    [t.principalDue!, money(s.principalDue)],
    // A comune's act: what is due of each part that bears no interest (sanctions, costs …), by name.
    ...(s.parts ?? []).map((p): [string, string] => {
      const name = translate(msg(`municipal.component_${kindOfPartKey(p.kind)}` as MessageCode), lang);
      return [name.charAt(0).toUpperCase() + name.slice(1), money(p.due)];
    }),
  ];
  for (const [label, value] of totals) {
    const y = doc.y;
    doc.font('regular').fontSize(10).text(label, left, y, { width: width - 150 });
    doc.text(value, left + width - 150, y, { width: 150, align: 'right' });
  }
  const y = doc.y + 4;
  doc.font('bold').fontSize(11).text(`${t.totalDue} ${date(s.paid)}`, left, y, { width: width - 150 });
  doc.text(money(s.totalDue), left + width - 150, y, { width: 150, align: 'right' });
  doc.moveDown(1.2);
  heading(t.basis!);
  doc.font('regular').fontSize(9);
  for (const b of s.basisCodes) doc.text(`• ${basisText(b, lang)}`, left, doc.y, { width });
  // A comune's enforceable act: the c.803 band of the statement's day and its limit.
  if (s.charges) doc.text(`• ${translate(s.charges.reason, lang)}`, left, doc.y, { width });
  doc.moveDown(0.8);
  doc.fontSize(8).fillColor('#555555').text(t.note!, left, doc.y, { width });
  doc.end();
  return done;
}
