import type { GuaranteeKind } from './rules.ts';

/**
 * The written demand to a guarantor (escussione della garanzia / richiesta di pagamento al fideiussore,
 * issue 17 item 3): worded here, laid out by the letter machinery (integrations/letters). It names only
 * the guarantee, the principal debtor, the claims the guarantee covers, the amount asked (never more than
 * the guaranteed amount) and how to pay — nothing else of the debtor (the guarantor answers for that debt
 * only; privacy: art. 5(1)(c) GDPR, data minimisation).
 */
export type GuarantorLetterLanguage = 'it' | 'en' | 'de' | 'fr';

export interface GuarantorLetterFacts {
  guarantorName: string;
  debtorName: string;
  creditorName: string;
  kind: GuaranteeKind;
  /** The guarantee's number as issued, or null. */
  reference: string | null;
  validFrom: string;
  validTo: string | null;
  /** The guaranteed maximum and the amount asked, worded with the currency ("€ 1.500,00"). */
  guaranteed: string;
  demanded: string;
  /** The covered claims' references, joined. */
  references: string;
  /** Dates worded in the reader's language. */
  validFromText: string;
  validToText: string | null;
  payByText: string;
  senderContact: string;
  /** The creditor's jurisdiction: the law the demand cites. */
  jurisdiction: 'IT' | 'CH' | 'DE' | 'FR';
}

export interface GuarantorLetterText {
  subject: string;
  salutation: string;
  paragraphs: string[];
  legalNotice: string[];
  closing: string[];
}

const KIND: Record<GuarantorLetterLanguage, Record<GuaranteeKind, string>> = {
  it: { bank_guarantee: 'fideiussione bancaria', insurance_guarantee: 'fideiussione assicurativa', pledge: 'pegno', security_deposit: 'deposito cauzionale', personal_guarantee: 'fideiussione personale' },
  en: { bank_guarantee: 'bank guarantee', insurance_guarantee: 'insurance guarantee', pledge: 'pledge', security_deposit: 'security deposit', personal_guarantee: 'personal guarantee' },
  de: { bank_guarantee: 'Bankbürgschaft', insurance_guarantee: 'Versicherungsbürgschaft', pledge: 'Pfand', security_deposit: 'Kaution', personal_guarantee: 'persönliche Bürgschaft' },
  fr: { bank_guarantee: 'cautionnement bancaire', insurance_guarantee: 'cautionnement d’assurance', pledge: 'gage', security_deposit: 'dépôt de garantie', personal_guarantee: 'cautionnement personnel' },
};

/** The guarantee kind in the reader's language. */
export function guaranteeKindLabel(kind: GuaranteeKind, language: GuarantorLetterLanguage): string {
  return KIND[language][kind];
}

/**
 * The law the demand cites, by the creditor's jurisdiction: Italy art. 1944 c.c. (the fideiussore is bound
 * jointly with the principal debtor and pays on demand unless the benefit of prior enforcement was agreed);
 * Switzerland art. 492 ss. CO (Bürgschaft; art. 496 for the Solidarbürgschaft); Germany § 765 BGB;
 * France art. 2288 C. civ. (cautionnement).
 */
const LAW: Record<GuarantorLetterFacts['jurisdiction'], string> = {
  IT: 'art. 1944 c.c.',
  CH: 'art. 492 ss. CO/OR',
  DE: '§ 765 BGB',
  FR: 'art. 2288 C. civ.',
};

const endSentence = (s: string) => (s.endsWith('.') ? s : `${s}.`);
const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');

const TEXT: Record<GuarantorLetterLanguage, { subject: string; salutation: string; paragraphs: string[]; legal: string; closing: string[]; until: string; noEnd: string }> = {
  it: {
    subject: 'Richiesta di pagamento in forza della {kind}{ref}',
    salutation: 'Spettabile {guarantor},',
    paragraphs: [
      'con la {kind}{ref} valida {validity}, Lei ha garantito a {creditor} le obbligazioni di {debtor} fino all’importo massimo di {guaranteed}.',
      'Il debitore principale non ha pagato i crediti coperti dalla garanzia ({references}). Le chiediamo pertanto, in escussione della garanzia, il pagamento di {demanded} entro il {payBy}, con le modalità indicate qui sotto.',
      'Per qualsiasi chiarimento: {contact}.',
    ],
    legal: 'Richiesta formulata ai sensi della garanzia prestata e dell’{law}',
    closing: ['Distinti saluti', '{creditor}'],
    until: 'dal {from} al {to}',
    noEnd: 'dal {from}',
  },
  en: {
    subject: 'Demand for payment under the {kind}{ref}',
    salutation: 'Dear {guarantor},',
    paragraphs: [
      'By the {kind}{ref}, valid {validity}, you guaranteed to {creditor} the obligations of {debtor} up to {guaranteed}.',
      'The principal debtor has not paid the claims the guarantee covers ({references}). We therefore call on the guarantee and ask you to pay {demanded} by {payBy} as shown below.',
      'For any question: {contact}.',
    ],
    legal: 'Demand made under the guarantee given and {law}',
    closing: ['Yours faithfully', '{creditor}'],
    until: 'from {from} to {to}',
    noEnd: 'from {from}',
  },
  de: {
    subject: 'Zahlungsaufforderung aus der {kind}{ref}',
    salutation: 'Sehr geehrte Damen und Herren ({guarantor}),',
    paragraphs: [
      'Mit der {kind}{ref}, gültig {validity}, haben Sie gegenüber {creditor} für die Verpflichtungen von {debtor} bis zum Höchstbetrag von {guaranteed} gebürgt.',
      'Der Hauptschuldner hat die durch die Sicherheit gedeckten Forderungen ({references}) nicht bezahlt. Wir nehmen die Sicherheit daher in Anspruch und fordern Sie auf, {demanded} bis zum {payBy} wie unten angegeben zu bezahlen.',
      'Für Rückfragen: {contact}.',
    ],
    legal: 'Aufforderung gestützt auf die geleistete Sicherheit und {law}',
    closing: ['Freundliche Grüsse', '{creditor}'],
    until: 'vom {from} bis {to}',
    noEnd: 'ab {from}',
  },
  fr: {
    subject: 'Demande de paiement au titre du {kind}{ref}',
    salutation: 'Madame, Monsieur ({guarantor}),',
    paragraphs: [
      'Par le {kind}{ref}, valable {validity}, vous avez garanti envers {creditor} les obligations de {debtor} jusqu’à {guaranteed}.',
      'Le débiteur principal n’a pas payé les créances couvertes par la garantie ({references}). Nous faisons donc appel à la garantie et vous prions de payer {demanded} au plus tard le {payBy}, selon les modalités ci-dessous.',
      'Pour toute question : {contact}.',
    ],
    legal: 'Demande fondée sur la garantie consentie et sur l’{law}',
    closing: ['Veuillez agréer nos salutations distinguées.', '{creditor}'],
    until: 'du {from} au {to}',
    noEnd: 'à partir du {from}',
  },
};

/** The demand's wording in the guarantor's language, filled with the facts — and nothing else. */
export function guarantorLetterText(f: GuarantorLetterFacts, language: GuarantorLetterLanguage): GuarantorLetterText {
  const t = TEXT[language];
  const validity = f.validToText ? fill(t.until, { from: f.validFromText, to: f.validToText }) : fill(t.noEnd, { from: f.validFromText });
  const values = {
    kind: KIND[language][f.kind],
    ref: f.reference ? ` n. ${f.reference}` : '',
    guarantor: f.guarantorName,
    creditor: f.creditorName,
    debtor: f.debtorName,
    guaranteed: f.guaranteed,
    demanded: f.demanded,
    references: f.references,
    payBy: f.payByText,
    contact: f.senderContact,
    validity,
    law: LAW[f.jurisdiction],
  };
  return {
    subject: fill(t.subject, values),
    salutation: fill(t.salutation, values),
    paragraphs: t.paragraphs.map((p) => fill(p, values)),
    legalNotice: [endSentence(fill(t.legal, values))],
    closing: t.closing.map((c) => fill(c, values)),
  };
}

/** How a demand reaches the guarantor: an e-mail with the PDF attached, or the printed letter. */
export const GUARANTOR_CHANNELS = ['email', 'letter', 'registered_letter'] as const;
export type GuarantorChannel = (typeof GUARANTOR_CHANNELS)[number];

/** The enforce button's order: the guarantor's e-mail address, else a registered letter (a demand must be provable). */
export const DEFAULT_GUARANTOR_CHANNELS = ['pec', 'email', 'registered_letter', 'letter'] as const;

/**
 * The first channel of `preference` (a strategy step's channels, or {@link DEFAULT_GUARANTOR_CHANNELS})
 * the guarantor can be reached by with its own contacts: 'email' and 'pec' with its e-mail address (a
 * guarantor has one address: sent like the dunning e-mails and PECs, recorded as 'email'); a letter or
 * registered letter with a full postal address (street, postal code, city). SMS and phone tasks never
 * carry a formal demand. Null: no usable contact on those channels.
 */
export function guarantorChannel(
  preference: readonly string[],
  contact: { email: string | null; addressLine1: string | null; postalCode: string | null; city: string | null },
): GuarantorChannel | null {
  const postal = Boolean(contact.addressLine1?.trim() && contact.postalCode?.trim() && contact.city?.trim());
  for (const c of preference) {
    if ((c === 'email' || c === 'pec') && contact.email?.trim()) return 'email';
    if ((c === 'letter' || c === 'registered_letter') && postal) return c;
  }
  return null;
}

const EMAIL_ATTACHED: Record<GuarantorLetterLanguage, string> = {
  it: 'La richiesta è allegata in PDF, con le coordinate per il pagamento.',
  en: 'The demand is attached as a PDF, with the payment details.',
  de: 'Die Aufforderung liegt als PDF bei, mit den Zahlungsangaben.',
  fr: 'La demande est jointe en PDF, avec les coordonnées de paiement.',
};

/** The e-mail that carries the demand: the letter's own words (nothing more of the debtor) and the attachment's mention. */
export function guarantorEmailText(text: GuarantorLetterText, language: GuarantorLetterLanguage): string {
  return [text.salutation, '', ...text.paragraphs.flatMap((p) => [p, '']), EMAIL_ATTACHED[language], '', ...text.legalNotice, '', ...text.closing].join('\n');
}
