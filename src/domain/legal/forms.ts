import type { Jurisdiction } from './cost-benefit.ts';

/**
 * What each jurisdiction's first legal step needs, from the claim's records (issue 17 item 7). Pure: the
 * use case gathers the facts, these functions lay them out as the form asks. They prepare the data; the
 * filing itself (and its official form or portal) stays with the creditor or its lawyer.
 */

export interface Party {
  name: string;
  /** Street and number, postcode, town, country (ISO 3166-1 alpha-2). */
  street: string | null;
  postcode: string | null;
  town: string | null;
  country: string;
  /** Codice fiscale / partita IVA / UID / date of birth where known. */
  taxCode: string | null;
  vatNumber: string | null;
  birthDate: string | null;
}

export interface ClaimFacts {
  jurisdiction: Jurisdiction;
  creditor: Party;
  debtor: Party;
  currency: 'EUR' | 'CHF';
  /** The claim's reference (invoice number) and dates. */
  externalRef: string;
  description: string | null;
  issueDate: string | null;
  dueDate: string;
  contractDate: string | null;
  principalDue: string;
  interestDue: string;
  costsDue: string;
  /** The annual rate in force on the hand-off day, as the engine's last period gives it (percent). */
  interestRate: string | null;
  /** The day interest runs from: the day after the due date (art. 1224 c.c. / Art. 104 OR / § 288 BGB). */
  interestFrom: string;
  /** The day the dossier is made for. */
  handedOn: string;
}

/** The day after `date` (ISO). */
export function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The cause of the claim in the form's words: the invoice and what it was for. */
function cause(f: ClaimFacts, words: { invoice: string; of: string; due: string }): string {
  const what = f.description ? ` — ${f.description}` : '';
  const issued = f.issueDate ? ` ${words.of} ${f.issueDate}` : '';
  return `${words.invoice} ${f.externalRef}${issued}${what}; ${words.due} ${f.dueDate}`;
}

/**
 * Switzerland: the data of a Betreibungsbegehren (Art. 67 SchKG): creditor, debtor, the amount in
 * francs, the interest rate and the day it runs from, the title or cause of the claim
 * (Forderungsurkunde / Grund der Forderung). Field names follow the paper form's boxes.
 */
export function betreibungsbegehren(f: ClaimFacts) {
  return {
    form: 'Betreibungsbegehren (Art. 67 SchKG)',
    glaeubiger: f.creditor,
    schuldner: f.debtor,
    forderungen: [
      {
        betrag: f.principalDue,
        waehrung: f.currency,
        zinssatz: f.interestRate,
        zinsAb: f.interestFrom,
        grund: cause(f, { invoice: 'Rechnung', of: 'vom', due: 'fällig am' }),
      },
      ...(f.costsDue !== '0.00' ? [{ betrag: f.costsDue, waehrung: f.currency, zinssatz: null, zinsAb: null, grund: 'Mahn- und Inkassokosten' }] : []),
    ],
    /** Interest accrued to the hand-off day, for the record (the office computes from the rate and date). */
    aufgelaufeneZinsenBis: { datum: f.handedOn, betrag: f.interestDue },
    forderungsurkunde: f.contractDate ? `Vertrag vom ${f.contractDate}; Rechnung ${f.externalRef}` : `Rechnung ${f.externalRef}`,
  };
}

/**
 * Germany: the data of a Mahnantrag (§ 690 ZPO): the parties, the claim by its cause with the invoice
 * number and date, the main claim, interest (rate and from when) and the ancillary costs. The official
 * form's catalogue number of the cause is left to the filer (Katalog zum Mahnantrag).
 */
export function mahnantrag(f: ClaimFacts) {
  return {
    form: 'Mahnantrag (§§ 688 ff. ZPO)',
    antragsteller: f.creditor,
    antragsgegner: f.debtor,
    hauptforderung: {
      bezeichnung: cause(f, { invoice: 'Rechnung', of: 'vom', due: 'fällig am' }),
      rechnungsnummer: f.externalRef,
      datum: f.issueDate ?? f.dueDate,
      betrag: f.principalDue,
      waehrung: f.currency,
    },
    zinsen: { zinssatzProzent: f.interestRate, ab: f.interestFrom, bisHeute: f.interestDue },
    auslagenNebenforderungen: { mahnkosten: f.costsDue },
    stichtag: f.handedOn,
  };
}

/**
 * France: a requête en injonction de payer (art. 1405–1407 CPC): the parties, the amount claimed with
 * its cause (la facture), interest (taux, point de départ) and the documents relied on.
 */
export function requeteInjonction(f: ClaimFacts) {
  return {
    form: 'Requête en injonction de payer (art. 1405 s. CPC)',
    creancier: f.creditor,
    debiteur: f.debtor,
    principal: f.principalDue,
    devise: f.currency,
    fondement: cause(f, { invoice: 'Facture', of: 'du', due: 'échue le' }),
    interets: { taux: f.interestRate, aCompterDu: f.interestFrom, montantAu: { date: f.handedOn, montant: f.interestDue } },
    frais: f.costsDue,
  };
}

/**
 * Italy: the data of a ricorso per decreto ingiuntivo (art. 633 c.p.c.: a written proof of the claim —
 * the invoices and the statement of account, art. 634 c.p.c. — liquid and due; art. 638: the sum and the
 * interest asked for). The lawyer drafts the ricorso; this is its checklist of facts.
 */
export function ricorsoIngiuntivo(f: ClaimFacts) {
  return {
    form: 'Ricorso per decreto ingiuntivo (artt. 633 ss. c.p.c.)',
    ricorrente: f.creditor,
    ingiunto: f.debtor,
    sorteCapitale: f.principalDue,
    valuta: f.currency,
    titolo: cause(f, { invoice: 'Fattura', of: 'del', due: 'scaduta il' }),
    interessi: { tassoAnnuo: f.interestRate, dal: f.interestFrom, maturatiAl: { data: f.handedOn, importo: f.interestDue } },
    spese: f.costsDue,
    provaScritta: 'fatture ed estratto autentico delle scritture contabili (art. 634 c.p.c.)',
  };
}

/** The form for the claim's jurisdiction, with its file name in the dossier. */
export function jurisdictionForm(f: ClaimFacts): { fileName: string; data: Record<string, unknown> } {
  switch (f.jurisdiction) {
    case 'IT':
      return { fileName: 'ricorso-decreto-ingiuntivo.json', data: ricorsoIngiuntivo(f) };
    case 'CH':
      return { fileName: 'betreibungsbegehren.json', data: betreibungsbegehren(f) };
    case 'DE':
      return { fileName: 'mahnantrag.json', data: mahnantrag(f) };
    case 'FR':
      return { fileName: 'requete-injonction-de-payer.json', data: requeteInjonction(f) };
  }
}

/** Stable JSON: keys in the order written, two-space indent, a final newline (same input, same bytes). */
export function stableJson(v: unknown): string {
  return `${JSON.stringify(v, null, 2)}\n`;
}
