import { partitaIvaCheckDigit } from '../../domain/tax-ids.ts';
import type { DemoClaim, DemoDataSet, DemoDebtor } from './generate.ts';
import { addDays, yearOf } from './random.ts';

/**
 * Four customers of the hardware store whose histories earn each risk class (issue 17 item 8): the
 * generated portfolio is an agency's — every invoice reached it late — so it has no punctual payer.
 * Hand-built, relative to the demo's day, each with an open invoice in the negotiation tier so that
 * the debtor page's *Rischio* tab shows the class, its explanation and the advice:
 *
 * - A, **Officine Brambilla**: always paid by the due date; an invoice 20 days overdue, the customer
 *   asks for time — advice: negotiate (offer a plan);
 * - B, **Edilnova**: punctual until last year, lately about 20 days late — worsening, advice: demand a
 *   guarantee;
 * - C, **Termoidraulica Ferrari**: two of its last five invoices paid over 30 days late, one 100 days
 *   overdue now — advice: demand a guarantee;
 * - D, **Costruzioni Rota**: three of the last five paid over 60 days late, one 200 days overdue — advice:
 *   close the relationship; another of its invoices is at the legal tier, ready for the dossier.
 *
 * Appended to the data set before it is settled (settle.ts) and loaded: their payments pass the
 * interest engine as every demo payment does. Pure and deterministic for a given day.
 */

interface Paid {
  /** Days before the demo day the invoice fell due. */
  dueAgo: number;
  /** Days after the due date it was paid (negative: early). */
  late: number;
  cents: number;
}

interface Open {
  dueAgo: number;
  cents: number;
  status: DemoClaim['status'];
  stage: DemoClaim['stage'];
}

interface History {
  name: string;
  /** The 7 digits of the partita IVA before the office code. */
  serial: string;
  street: string;
  postalCode: string;
  city: string;
  province: string;
  office: string;
  mail: string;
  phone: string;
  paid: Paid[];
  open: Open[];
  note: string;
}

const HISTORIES: History[] = [
  {
    name: 'Officine Brambilla S.r.l.',
    serial: '0471201',
    street: 'Via dell’Industria 18',
    postalCode: '24126',
    city: 'Bergamo',
    province: 'BG',
    office: '016',
    mail: 'amministrazione@officinebrambilla.example',
    phone: '+39 035 4102 118',
    paid: [
      { dueAgo: 60, late: 0, cents: 184_000 },
      { dueAgo: 120, late: -2, cents: 226_050 },
      { dueAgo: 180, late: 0, cents: 97_520 },
      { dueAgo: 240, late: -5, cents: 310_000 },
      { dueAgo: 300, late: 0, cents: 158_840 },
      { dueAgo: 420, late: -1, cents: 204_300 },
    ],
    open: [{ dueAgo: 20, cents: 265_000, status: 'in_collection', stage: 'negotiation' }],
    note: 'Cliente puntuale da anni: ha telefonato per chiedere 60 giorni o due rate, un grosso cliente gli paga in ritardo.',
  },
  {
    name: 'Edilnova S.n.c.',
    serial: '0471202',
    street: 'Via Lombardia 7',
    postalCode: '20900',
    city: 'Monza',
    province: 'MB',
    office: '108',
    mail: 'contabilita@edilnova.example',
    phone: '+39 039 2301 774',
    paid: [
      { dueAgo: 90, late: 22, cents: 142_000 },
      { dueAgo: 150, late: 19, cents: 188_500 },
      { dueAgo: 210, late: 24, cents: 121_000 },
      { dueAgo: 270, late: 18, cents: 99_900 },
      { dueAgo: 420, late: 0, cents: 167_000 },
      { dueAgo: 480, late: 0, cents: 132_400 },
      { dueAgo: 540, late: -3, cents: 210_000 },
      { dueAgo: 600, late: 0, cents: 118_750 },
      { dueAgo: 660, late: 0, cents: 145_000 },
    ],
    open: [{ dueAgo: 45, cents: 236_000, status: 'in_collection', stage: 'negotiation' }],
    note: 'Fino all’anno scorso pagava alla scadenza; da quest’anno ogni fattura arriva con tre settimane di ritardo.',
  },
  {
    name: 'Termoidraulica Ferrari S.a.s.',
    serial: '0471203',
    street: 'Via Artigianato 41',
    postalCode: '25125',
    city: 'Brescia',
    province: 'BS',
    office: '017',
    mail: 'ufficio@termoidraulicaferrari.example',
    phone: '+39 030 3650 412',
    paid: [
      { dueAgo: 150, late: 45, cents: 88_000 },
      { dueAgo: 230, late: 38, cents: 132_500 },
      { dueAgo: 310, late: 10, cents: 76_400 },
      { dueAgo: 390, late: 5, cents: 104_000 },
      { dueAgo: 470, late: 0, cents: 91_200 },
    ],
    open: [{ dueAgo: 100, cents: 174_300, status: 'in_collection', stage: 'negotiation' }],
    note: 'Paga spesso in ritardo; chiede di spostare la scadenza a ogni consegna.',
  },
  {
    name: 'Costruzioni Rota S.r.l.',
    serial: '0471204',
    street: 'Via Provinciale 112',
    postalCode: '23900',
    city: 'Lecco',
    province: 'LC',
    office: '097',
    mail: 'segreteria@costruzionirota.example',
    phone: '+39 0341 288 930',
    paid: [
      { dueAgo: 260, late: 90, cents: 212_000 },
      { dueAgo: 340, late: 75, cents: 148_600 },
      { dueAgo: 420, late: 70, cents: 96_000 },
      { dueAgo: 500, late: 20, cents: 133_000 },
      { dueAgo: 580, late: 65, cents: 187_500 },
    ],
    open: [
      { dueAgo: 200, cents: 318_000, status: 'in_collection', stage: 'negotiation' },
      // At the legal tier, not yet handed over: the claim page's "Pratica legale" prepares its dossier.
      { dueAgo: 400, cents: 742_800, status: 'legal', stage: 'legal' },
    ],
    note: 'Ritardi ripetuti e non giustificati; una fattura è al legale per il decreto ingiuntivo.',
  },
];

/** The hand-built debtors' display names, best history first (classes A, B, C, D). */
export const DEMO_HISTORY_NAMES = HISTORIES.map((h) => h.name);

const GOODS = [
  'Bulloneria e viteria inox',
  'Utensili elettrici e accessori',
  'Ferramenta per serramenti',
  'Materiale elettrico da cantiere',
  'Tasselli e ancoranti chimici',
  'Abrasivi e dischi da taglio',
];

/** Appends the four histories to the data set (debtors, claims, payments, notes). Mutates it. */
export function addDemoHistories(data: DemoDataSet, today: string): void {
  let seq = 80_001;
  HISTORIES.forEach((h, n) => {
    const debtor = data.debtors.length;
    const vat = `${h.serial}${h.office}${partitaIvaCheckDigit(`${h.serial}${h.office}`)}`;
    const d: DemoDebtor = {
      group: 'ff-company',
      kind: 'company',
      firstName: null,
      lastName: null,
      companyName: h.name,
      displayName: h.name,
      taxCode: vat,
      vatNumber: vat,
      chUid: null,
      birthDate: null,
      language: 'it',
      hardship: false,
      hardshipNote: null,
      notes: null,
      unreachable: false,
      address: { kind: 'registered_office', line1: h.street, line2: null, postalCode: h.postalCode, city: h.city, province: h.province, country: 'IT', source: 'creditor' },
      contacts: [
        { channel: 'email', value: h.mail, label: 'Amministrazione', status: 'valid', source: 'creditor', consent: 'unknown', thirdParty: false, thirdPartyRelation: null },
        { channel: 'phone', value: h.phone, label: 'Ufficio', status: 'valid', source: 'creditor', consent: 'unknown', thirdParty: false, thirdPartyRelation: null },
      ],
    };
    data.debtors.push(d);
    const claim = (dueAgo: number, cents: number, k: number, status: DemoClaim['status'], stage: DemoClaim['stage']): DemoClaim => {
      const dueDate = addDays(today, -dueAgo);
      const issueDate = addDays(dueDate, -60);
      return {
        creditor: 'ferramenta',
        debtor,
        externalRef: `FT-${yearOf(issueDate)}-${seq++}`,
        kind: 'invoice',
        description: `${GOODS[(n + k) % GOODS.length]!} – fornitura del ${issueDate.slice(8, 10)}/${issueDate.slice(5, 7)}/${issueDate.slice(0, 4)}`,
        principalCents: cents,
        currency: 'EUR',
        issueDate,
        dueDate,
        contractDate: null,
        taxYear: null,
        jurisdiction: 'IT',
        interestRegime: null,
        judicialClaimDate: null,
        status,
        stage,
        paidCents: 0,
        nextActionOn: status === 'paid' ? null : addDays(today, 7),
        closedOn: null,
      };
    };
    h.paid.forEach((p, k) => {
      // Stage "none" is for open claims only: a settled invoice counts as past the first (soft) tier.
      const c = claim(p.dueAgo, p.cents, k, 'paid', 'soft');
      const valueDate = addDays(c.dueDate, p.late);
      c.closedOn = valueDate;
      c.paidCents = p.cents;
      const index = data.claims.push(c) - 1;
      data.payments.push({
        creditor: 'ferramenta',
        debtor,
        amountCents: p.cents,
        unallocatedCents: 0,
        currency: 'EUR',
        valueDate,
        method: 'bank_transfer',
        reference: `Bonifico ${c.externalRef}`,
        payerName: h.name,
        note: null,
        allocations: [{ claim: index, amountCents: p.cents }],
      });
    });
    h.open.forEach((o, k) => {
      const index = data.claims.push(claim(o.dueAgo, o.cents, h.paid.length + k, o.status, o.stage)) - 1;
      if (k === 0) data.notes.push({ debtor, claim: index, body: h.note, author: 'operator', createdAt: `${addDays(today, -3)}T09:30:00Z` });
    });
  });
}
