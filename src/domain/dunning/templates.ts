import { asMessage, msg, translate, type Message } from '../messages/index.ts';
import { neutralSubject, type SubjectKind } from './compliance.ts';
import type { DunningTier, InterestMode, Language } from './words.ts';

/**
 * Message templates of the dunning steps, in Italian, English, German and French.
 *
 * Each template has a neutral subject (never a word that reveals a debt: it shows in e-mail previews
 * and through window envelopes), a salutation, body paragraphs, legal-notice lines and closing lines.
 * Variables are written `{name}`; {@link fillTemplate} replaces them with plain text (escaping for
 * HTML or PDF is the renderer's job) and refuses a template that uses a variable it was not given.
 *
 * Wording rules: courteous, no threats, no shaming, nothing a third party could learn the debt from;
 * a consequence is stated as a fact and only when it is lawful and real (interest, the creditor's
 * right to go to court or start debt enforcement, who bears the costs by law). Every message says how
 * to reach a person, how to contest and that payment by instalments can be discussed.
 *
 * The law behind the formal wording depends on the jurisdiction, not on the reader's language: a
 * Ticino debtor reads art. 102 CO in Italian. Hence keys per jurisdiction where the law differs
 * ('formal-notice-it' art. 1219 c.c., '-ch' art. 102 CO, '-de' § 286 BGB, '-fr' art. 1344 C. civ.).
 *
 * Sources: shared legal notes §1.2, §3.1–3.7, §4.1–4.2, §6.1–6.3, §6.7; art. 1219 and 2943 c.c.
 * (standard text; the notes mark art. 1219 as not retrieved); art. 74 SchKG (10 days for the
 * Rechtsvorschlag, notes §3.7); art. 1344 and 1344-1 C. civ. (text as commonly cited, UNVERIFIED here).
 * Germany: a collection agency writing to a consumer owes the extra information of § 13a RDG
 * (UNVERIFIED, not in the notes); France: a collection agency's letter needs the mentions of
 * art. R124-4 CPCE (UNVERIFIED). The renderer adds those when the sender is an agency.
 */

export const TEMPLATE_KEYS = [
  'soft-reminder',
  'formal-notice-it',
  'formal-notice-ch',
  'formal-notice-de',
  'formal-notice-fr',
  'final-notice-it',
  'final-notice-ch',
  'negotiation-offer',
  'closure-advice',
  'legal-handoff-it',
  'legal-handoff-ch',
  'comune-avviso-bonario',
  'comune-sollecito',
  'comune-rateizzazione',
  'comune-handoff',
  'comune-sollecito-accertamento',
  'comune-sollecito-ingiunzione',
  'comune-sollecito-atto',
] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

/** Who reads the message: the debtor, or the creditor (internal advice, never sent to the debtor). */
export type Audience = 'debtor' | 'creditor';

export interface TemplateInfo {
  tier: DunningTier;
  audience: Audience;
  subjectKind: SubjectKind;
}

/** What a template is for, worded in the reader's language (the strategy editor lists them). */
export const templateDescription = (key: TemplateKey): Message => msg(`dunning.template.${key}`);

export const TEMPLATE_INFO: Record<TemplateKey, TemplateInfo> = {
  'soft-reminder': { tier: 'soft', audience: 'debtor', subjectKind: 'reminder' },
  'formal-notice-it': { tier: 'formal', audience: 'debtor', subjectKind: 'notice' },
  'formal-notice-ch': { tier: 'formal', audience: 'debtor', subjectKind: 'notice' },
  'formal-notice-de': { tier: 'formal', audience: 'debtor', subjectKind: 'notice' },
  'formal-notice-fr': { tier: 'formal', audience: 'debtor', subjectKind: 'notice' },
  'final-notice-it': { tier: 'formal', audience: 'debtor', subjectKind: 'notice' },
  'final-notice-ch': { tier: 'formal', audience: 'debtor', subjectKind: 'notice' },
  'negotiation-offer': { tier: 'negotiation', audience: 'debtor', subjectKind: 'offer' },
  'closure-advice': { tier: 'closure', audience: 'creditor', subjectKind: 'internal' },
  'legal-handoff-it': { tier: 'legal', audience: 'debtor', subjectKind: 'notice' },
  'legal-handoff-ch': { tier: 'legal', audience: 'debtor', subjectKind: 'notice' },
  'comune-avviso-bonario': { tier: 'soft', audience: 'debtor', subjectKind: 'municipal' },
  'comune-sollecito': { tier: 'formal', audience: 'debtor', subjectKind: 'municipal' },
  'comune-rateizzazione': { tier: 'negotiation', audience: 'debtor', subjectKind: 'municipal' },
  'comune-handoff': { tier: 'legal', audience: 'creditor', subjectKind: 'internal' },
  'comune-sollecito-accertamento': { tier: 'formal', audience: 'debtor', subjectKind: 'municipal' },
  'comune-sollecito-ingiunzione': { tier: 'formal', audience: 'debtor', subjectKind: 'municipal' },
  'comune-sollecito-atto': { tier: 'formal', audience: 'debtor', subjectKind: 'municipal' },
};

/** The variables templates may use. Values are plain text, already formatted by the caller. */
export const TEMPLATE_VARIABLES = [
  'debtorName',
  'creditorName',
  /** "Of the creditor" after a noun, for a public entity: "del Comune di Valdoria" (domain/municipal/comune-name.ts). */
  'creditorOf',
  'senderName',
  /** How to reach a person: phone, e-mail, office hours. */
  'senderContact',
  /** Amount with currency, formatted for the reader ("EUR 1.234,50", "CHF 1'234.50"). */
  'totalDue',
  /** Date formatted for the reader. */
  'payBy',
  /** The claims' document references, joined ("n. 12/2026, n. 15/2026"). */
  'references',
  'claimCount',
  /** Annual rate as text ("10,40%"). */
  'interestRate',
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
export type TemplateVars = Partial<Record<TemplateVariable, string>>;

/** A paragraph that exists only when interest is named: one text to say it accrues, one when it is charged. */
export interface InterestParagraph {
  mention: string;
  charge: string;
}
export type Paragraph = string | InterestParagraph;

export interface MessageTemplate {
  key: TemplateKey;
  language: Language;
  audience: Audience;
  subject: string;
  salutation: string;
  paragraphs: Paragraph[];
  legalNotice: string[];
  closing: string[];
}

export interface FilledMessage {
  subject: string;
  salutation: string;
  paragraphs: string[];
  legalNotice: string[];
  closing: string[];
}

/** A template that cannot be filled: the coded reason (`message` is its Italian text) and the variable. */
export class TemplateError extends Error {
  readonly msg: Message;
  constructor(
    message: string | Message,
    readonly variable: string | null = null,
  ) {
    const m = asMessage(message);
    super(translate(m, 'it'));
    this.name = 'TemplateError';
    this.msg = m;
  }
}

type Body = Omit<MessageTemplate, 'key' | 'language' | 'audience' | 'subject'>;

// Shared pieces ---------------------------------------------------------------------------------

const SAL = { it: 'Gentile {debtorName},', en: 'Dear {debtorName},', de: 'Guten Tag {debtorName},', fr: 'Madame, Monsieur,' } as const;
const SAL_CREDITOR = { it: 'Spettabile {creditorName},', en: 'Dear {creditorName},', de: 'Sehr geehrte Damen und Herren,', fr: 'Madame, Monsieur,' } as const;
const CLOSE = {
  it: ['Cordiali saluti', '{senderName}'],
  en: ['Kind regards', '{senderName}'],
  de: ['Freundliche Grüsse', '{senderName}'],
  fr: ['Nous vous prions d’agréer, Madame, Monsieur, nos salutations distinguées.', '{senderName}'],
} as const;
const CLOSE_DE_DE = ['Mit freundlichen Grüßen', '{senderName}'];

const INTEREST_IT: InterestParagraph = {
  mention: 'Sulle somme scadute maturano gli interessi di mora nella misura prevista dalla legge, attualmente il {interestRate} annuo, fino al pagamento.',
  charge: 'L’importo comprende gli interessi di mora maturati finora al tasso del {interestRate} annuo, come indicato nel prospetto allegato; gli interessi continuano a maturare fino al pagamento.',
};
const INTEREST_EN: InterestParagraph = {
  mention: 'Late-payment interest accrues on the overdue amounts as provided by law, currently at {interestRate} a year, until payment.',
  charge: 'The amount includes the late-payment interest accrued so far at {interestRate} a year, as shown in the enclosed statement; interest continues to accrue until payment.',
};
const INTEREST_DE: InterestParagraph = {
  mention: 'Auf den fälligen Beträgen laufen bis zur Zahlung die gesetzlichen Verzugszinsen, derzeit {interestRate} pro Jahr.',
  charge: 'Der Betrag enthält die bisher aufgelaufenen Verzugszinsen von {interestRate} pro Jahr laut beiliegender Aufstellung; bis zur Zahlung laufen weitere Zinsen.',
};
const INTEREST_FR: InterestParagraph = {
  mention: 'Les sommes échues produisent des intérêts moratoires au taux prévu par la loi, actuellement {interestRate} l’an, jusqu’au paiement.',
  charge: 'Ce montant comprend les intérêts moratoires courus à ce jour au taux de {interestRate} l’an, détaillés dans le relevé joint ; les intérêts continuent de courir jusqu’au paiement.',
};
const INTEREST_CH: Record<Language, InterestParagraph> = {
  it: {
    mention: 'Dalla mora è dovuto un interesse moratorio del {interestRate} annuo (art. 104 CO).',
    charge: 'L’importo comprende l’interesse moratorio del {interestRate} annuo maturato finora (art. 104 CO), come da conteggio allegato; non si calcolano interessi sugli interessi (art. 105 cpv. 3 CO).',
  },
  en: {
    mention: 'From the time of default, interest of {interestRate} a year is due (Article 104 of the Swiss Code of Obligations).',
    charge: 'The amount includes the default interest of {interestRate} a year accrued so far (Article 104 of the Swiss Code of Obligations), as shown in the enclosed statement; no interest is charged on interest (Article 105(3)).',
  },
  de: {
    mention: 'Ab Verzug schulden Sie einen Verzugszins von {interestRate} pro Jahr (Art. 104 OR).',
    charge: 'Der Betrag enthält den bisher aufgelaufenen Verzugszins von {interestRate} pro Jahr (Art. 104 OR) gemäss beiliegender Abrechnung; auf Zinsen werden keine Verzugszinsen berechnet (Art. 105 Abs. 3 OR).',
  },
  fr: {
    mention: 'Dès la demeure, un intérêt moratoire de {interestRate} l’an est dû (art. 104 CO).',
    charge: 'Ce montant comprend l’intérêt moratoire de {interestRate} l’an couru à ce jour (art. 104 CO), selon le décompte joint ; aucun intérêt moratoire n’est calculé sur les intérêts (art. 105 al. 3 CO).',
  },
};

// The texts -------------------------------------------------------------------------------------

const TEXTS: Record<TemplateKey, Partial<Record<Language, Body>>> = {
  'soft-reminder': {
    it: {
      salutation: SAL.it,
      paragraphs: [
        'da un controllo della nostra contabilità risulta che i seguenti documenti di {creditorName} non sono ancora stati saldati: {references}.',
        'Può trattarsi di una semplice dimenticanza, oppure il pagamento può essersi incrociato con questa comunicazione: in tal caso La preghiamo di non tenerne conto.',
        'L’importo da saldare è di {totalDue}. Le saremmo grati se potesse provvedere entro il {payBy}, con gli estremi di pagamento indicati.',
        'Se ritiene che l’importo non sia dovuto, o se in questo momento Le è difficile pagare, ci contatti: {senderContact}. Cercheremo insieme la soluzione più adatta.',
      ],
      legalNotice: [],
      closing: ['Grazie per l’attenzione.', ...CLOSE.it],
    },
    en: {
      salutation: SAL.en,
      paragraphs: [
        'Our records show that the following documents of {creditorName} have not been paid yet: {references}.',
        'This may simply have been overlooked, or your payment may have crossed with this message; if so, please disregard it.',
        'The amount to be paid is {totalDue}. We would be grateful if you could pay it by {payBy}, using the payment details provided.',
        'If you believe the amount is not owed, or if paying is difficult for you at the moment, please contact us: {senderContact}. We will look for a suitable solution together.',
      ],
      legalNotice: [],
      closing: ['Thank you for your attention.', ...CLOSE.en],
    },
    de: {
      salutation: SAL.de,
      paragraphs: [
        'laut unserer Buchhaltung sind die folgenden Dokumente von {creditorName} noch nicht beglichen: {references}.',
        'Vielleicht ist die Zahlung einfach untergegangen oder hat sich mit diesem Schreiben gekreuzt; in diesem Fall betrachten Sie es bitte als gegenstandslos.',
        'Der offene Betrag beträgt {totalDue}. Wir danken Ihnen, wenn Sie ihn bis zum {payBy} mit den angegebenen Zahlungsangaben begleichen.',
        'Falls Sie den Betrag nicht für geschuldet halten oder Ihnen die Zahlung derzeit schwerfällt, melden Sie sich bitte bei uns: {senderContact}. Gemeinsam finden wir eine passende Lösung.',
      ],
      legalNotice: [],
      closing: ['Besten Dank für Ihre Aufmerksamkeit.', ...CLOSE.de],
    },
    fr: {
      salutation: SAL.fr,
      paragraphs: [
        'Selon notre comptabilité, les documents suivants de {creditorName} ne sont pas encore réglés : {references}.',
        'Il peut s’agir d’un simple oubli, ou votre paiement a pu croiser ce courrier ; dans ce cas, nous vous prions de ne pas en tenir compte.',
        'Le montant à régler s’élève à {totalDue}. Nous vous remercions de bien vouloir le régler d’ici au {payBy}, au moyen des coordonnées de paiement indiquées.',
        'Si vous estimez que ce montant n’est pas dû, ou si le paiement vous est difficile en ce moment, contactez-nous : {senderContact}. Nous chercherons ensemble une solution adaptée.',
      ],
      legalNotice: [],
      closing: ['Merci de votre attention.', ...CLOSE.fr],
    },
  },

  'formal-notice-it': {
    it: {
      salutation: SAL.it,
      paragraphs: [
        'risultano ancora da saldare i seguenti documenti di {creditorName}: {references} (documenti: {claimCount}), per un importo complessivo di {totalDue}.',
        INTEREST_IT,
        'Con la presente La invitiamo formalmente a pagare tale importo entro il {payBy}.',
        'Se ha già pagato, La preghiamo di inviarci la ricevuta. Se ritiene che l’importo non sia dovuto, ci indichi i motivi: esamineremo con attenzione ogni osservazione. Se desidera concordare un pagamento a rate, ci contatti: {senderContact}.',
      ],
      legalNotice: [
        'La presente vale come intimazione di pagamento e costituzione in mora ai sensi dell’art. 1219 del codice civile e interrompe la prescrizione ai sensi dell’art. 2943 del codice civile.',
      ],
      closing: [...CLOSE.it],
    },
    en: {
      salutation: SAL.en,
      paragraphs: [
        'The following documents of {creditorName} are still unpaid: {references} (documents: {claimCount}), for a total of {totalDue}.',
        INTEREST_EN,
        'By this letter we formally ask you to pay this amount by {payBy}.',
        'If you have already paid, please send us the receipt. If you believe the amount is not owed, please tell us why: we will consider any comments carefully. If you would like to agree on payment by instalments, please contact us: {senderContact}.',
      ],
      legalNotice: [
        'This letter is a formal demand for payment placing you in default (costituzione in mora) under Article 1219 of the Italian Civil Code; it interrupts the limitation period under Article 2943 of the Italian Civil Code.',
      ],
      closing: [...CLOSE.en],
    },
    de: {
      salutation: SAL.de,
      paragraphs: [
        'folgende Dokumente von {creditorName} sind noch offen: {references} (Anzahl Dokumente: {claimCount}), insgesamt {totalDue}.',
        INTEREST_DE,
        'Mit diesem Schreiben fordern wir Sie förmlich auf, diesen Betrag bis zum {payBy} zu bezahlen.',
        'Falls Sie bereits bezahlt haben, senden Sie uns bitte den Beleg. Halten Sie den Betrag für nicht geschuldet, teilen Sie uns bitte die Gründe mit; wir prüfen jeden Einwand sorgfältig. Für eine Ratenzahlung erreichen Sie uns unter: {senderContact}.',
      ],
      legalNotice: [
        'Dieses Schreiben ist eine förmliche Zahlungsaufforderung und Inverzugsetzung (costituzione in mora) nach Art. 1219 des italienischen Zivilgesetzbuchs (Codice civile); es unterbricht die Verjährung nach Art. 2943 Codice civile.',
      ],
      closing: [...CLOSE.de],
    },
    fr: {
      salutation: SAL.fr,
      paragraphs: [
        'Les documents suivants de {creditorName} ne sont toujours pas réglés : {references} (nombre de documents : {claimCount}), pour un montant total de {totalDue}.',
        INTEREST_FR,
        'Par la présente, nous vous demandons formellement de régler ce montant d’ici au {payBy}.',
        'Si vous avez déjà payé, merci de nous adresser le justificatif. Si vous estimez que ce montant n’est pas dû, indiquez-nous vos motifs : nous examinerons attentivement toute observation. Pour convenir d’un paiement échelonné, contactez-nous : {senderContact}.',
      ],
      legalNotice: [
        'La présente vaut sommation de payer et mise en demeure (costituzione in mora) au sens de l’article 1219 du Code civil italien ; elle interrompt la prescription au sens de l’article 2943 du même code.',
      ],
      closing: [...CLOSE.fr],
    },
  },

  'formal-notice-ch': {
    it: {
      salutation: SAL.it,
      paragraphs: [
        'i seguenti documenti di {creditorName} risultano ancora aperti: {references} (documenti: {claimCount}), per un totale di {totalDue}.',
        INTEREST_CH.it,
        'La invitiamo a pagare tale importo entro il {payBy} con la QR-fattura allegata.',
        'Se ha già pagato, consideri questa lettera priva di oggetto. Se contesta l’importo o desidera pagare a rate, ci contatti: {senderContact}.',
      ],
      legalNotice: [
        'La presente diffida costituisce messa in mora ai sensi dell’art. 102 cpv. 1 CO, per quanto la mora non sia già iniziata con la scadenza di un termine convenuto (art. 102 cpv. 2 CO).',
      ],
      closing: [...CLOSE.it],
    },
    en: {
      salutation: SAL.en,
      paragraphs: [
        'The following documents of {creditorName} are still open: {references} (documents: {claimCount}), for a total of {totalDue}.',
        INTEREST_CH.en,
        'Please pay this amount by {payBy} using the enclosed QR-bill.',
        'If you have already paid, please disregard this letter. If you dispute the amount or would like to pay in instalments, please contact us: {senderContact}.',
      ],
      legalNotice: [
        'This reminder places you in default under Article 102(1) of the Swiss Code of Obligations, unless default already began when an agreed due date expired (Article 102(2)).',
      ],
      closing: [...CLOSE.en],
    },
    de: {
      salutation: SAL.de,
      paragraphs: [
        'folgende Dokumente von {creditorName} sind noch offen: {references} (Anzahl: {claimCount}), total {totalDue}.',
        INTEREST_CH.de,
        'Wir bitten Sie, diesen Betrag bis zum {payBy} mit der beiliegenden QR-Rechnung zu bezahlen.',
        'Haben Sie bereits bezahlt, betrachten Sie dieses Schreiben bitte als gegenstandslos. Sind Sie mit dem Betrag nicht einverstanden oder wünschen Sie eine Ratenzahlung, melden Sie sich bitte: {senderContact}.',
      ],
      legalNotice: [
        'Mit diesem Schreiben geraten Sie nach Art. 102 Abs. 1 OR in Verzug, soweit der Verzug nicht bereits mit Ablauf eines vereinbarten Verfalltags eingetreten ist (Art. 102 Abs. 2 OR).',
      ],
      closing: [...CLOSE.de],
    },
    fr: {
      salutation: SAL.fr,
      paragraphs: [
        'Les documents suivants de {creditorName} sont toujours ouverts : {references} (nombre : {claimCount}), pour un total de {totalDue}.',
        INTEREST_CH.fr,
        'Nous vous prions de régler ce montant d’ici au {payBy} au moyen de la QR-facture jointe.',
        'Si vous avez déjà payé, veuillez considérer ce courrier comme sans objet. Si vous contestez le montant ou souhaitez un paiement échelonné, contactez-nous : {senderContact}.',
      ],
      legalNotice: [
        'Le présent courrier vous met en demeure au sens de l’art. 102 al. 1 CO, pour autant que la demeure ne résulte pas déjà de l’expiration d’un terme convenu (art. 102 al. 2 CO).',
      ],
      closing: [...CLOSE.fr],
    },
  },

  'formal-notice-de': {
    de: {
      salutation: SAL.de,
      paragraphs: [
        'folgende Rechnungen von {creditorName} sind trotz Fälligkeit noch nicht bezahlt: {references} (Anzahl: {claimCount}), insgesamt {totalDue}.',
        {
          mention: 'Während des Verzugs ist die Geldschuld mit dem gesetzlichen Verzugszinssatz zu verzinsen (§ 288 BGB), derzeit {interestRate} pro Jahr.',
          charge: 'Der Betrag enthält die bisher angefallenen Verzugszinsen von {interestRate} pro Jahr (§ 288 BGB) laut beiliegender Aufstellung; bis zur Zahlung fallen weitere Zinsen an.',
        },
        'Wir bitten Sie, diesen Betrag bis zum {payBy} zu zahlen.',
        'Falls Sie bereits gezahlt haben, betrachten Sie dieses Schreiben bitte als gegenstandslos. Halten Sie die Rechnung für unberechtigt oder möchten Sie in Raten zahlen, melden Sie sich bitte: {senderContact}.',
      ],
      legalNotice: [
        'Dieses Schreiben ist eine Mahnung im Sinne von § 286 Abs. 1 BGB; sie setzt Sie in Verzug, soweit der Verzug nicht bereits nach § 286 Abs. 2 oder 3 BGB eingetreten ist.',
      ],
      closing: [...CLOSE_DE_DE],
    },
    it: {
      salutation: SAL.it,
      paragraphs: [
        'le seguenti fatture di {creditorName}, scadute, non risultano ancora pagate: {references} (documenti: {claimCount}), per un totale di {totalDue}.',
        {
          mention: 'Durante la mora sono dovuti gli interessi al tasso legale di mora (§ 288 BGB), attualmente il {interestRate} annuo.',
          charge: 'L’importo comprende gli interessi di mora maturati finora al tasso del {interestRate} annuo (§ 288 BGB), come da prospetto allegato; gli interessi continuano a maturare fino al pagamento.',
        },
        'La invitiamo a pagare tale importo entro il {payBy}.',
        'Se ha già pagato, consideri questa lettera priva di oggetto. Se ritiene la fattura non dovuta o desidera pagare a rate, ci contatti: {senderContact}.',
      ],
      legalNotice: [
        'La presente costituisce sollecito (Mahnung) ai sensi del § 286 comma 1 del codice civile tedesco (BGB) e La costituisce in mora, se la mora non è già iniziata ai sensi del § 286 commi 2 o 3 BGB.',
      ],
      closing: [...CLOSE.it],
    },
    en: {
      salutation: SAL.en,
      paragraphs: [
        'The following invoices of {creditorName} are due but still unpaid: {references} (documents: {claimCount}), for a total of {totalDue}.',
        {
          mention: 'During default, statutory default interest is due on the amount (§ 288 of the German Civil Code), currently {interestRate} a year.',
          charge: 'The amount includes the default interest accrued so far at {interestRate} a year (§ 288 of the German Civil Code), as shown in the enclosed statement; interest continues to accrue until payment.',
        },
        'Please pay this amount by {payBy}.',
        'If you have already paid, please disregard this letter. If you believe the invoice is not owed or would like to pay in instalments, please contact us: {senderContact}.',
      ],
      legalNotice: [
        'This letter is a reminder (Mahnung) within the meaning of § 286(1) of the German Civil Code (BGB); it places you in default unless default has already occurred under § 286(2) or (3) BGB.',
      ],
      closing: [...CLOSE.en],
    },
    fr: {
      salutation: SAL.fr,
      paragraphs: [
        'Les factures suivantes de {creditorName}, échues, ne sont toujours pas réglées : {references} (nombre : {claimCount}), pour un total de {totalDue}.',
        {
          mention: 'Pendant la demeure, la somme due porte intérêts au taux légal de retard (§ 288 BGB), actuellement {interestRate} l’an.',
          charge: 'Ce montant comprend les intérêts de retard courus à ce jour au taux de {interestRate} l’an (§ 288 BGB), détaillés dans le relevé joint ; les intérêts continuent de courir jusqu’au paiement.',
        },
        'Nous vous prions de régler ce montant d’ici au {payBy}.',
        'Si vous avez déjà payé, veuillez considérer ce courrier comme sans objet. Si vous contestez la facture ou souhaitez un paiement échelonné, contactez-nous : {senderContact}.',
      ],
      legalNotice: [
        'Le présent courrier constitue une sommation (Mahnung) au sens du § 286 al. 1 du Code civil allemand (BGB) ; il vous met en demeure, à moins que la demeure ne soit déjà intervenue en vertu du § 286 al. 2 ou 3 BGB.',
      ],
      closing: [...CLOSE.fr],
    },
  },

  'formal-notice-fr': {
    fr: {
      salutation: SAL.fr,
      paragraphs: [
        'Sauf erreur de notre part, les factures suivantes de {creditorName} ne sont toujours pas réglées : {references} (nombre : {claimCount}), pour un total de {totalDue}.',
        {
          mention: 'Les sommes dues portent intérêts moratoires au taux de {interestRate} l’an jusqu’au complet paiement (article 1344-1 du Code civil et, entre professionnels, article L441-10 du Code de commerce).',
          charge: 'Ce montant comprend les intérêts moratoires courus à ce jour au taux de {interestRate} l’an, détaillés dans le relevé joint ; ils continuent de courir jusqu’au complet paiement.',
        },
        'Nous vous demandons de bien vouloir régler cette somme au plus tard le {payBy}.',
        'Si vous avez déjà payé, veuillez considérer ce courrier comme sans objet. Si vous contestez tout ou partie de la somme ou souhaitez un échéancier, contactez-nous : {senderContact}.',
      ],
      legalNotice: ['La présente lettre vaut mise en demeure de payer au sens de l’article 1344 du Code civil.'],
      closing: [...CLOSE.fr],
    },
    it: {
      salutation: SAL.it,
      paragraphs: [
        'salvo errore, le seguenti fatture di {creditorName} non risultano ancora pagate: {references} (documenti: {claimCount}), per un totale di {totalDue}.',
        {
          mention: 'Sulle somme dovute maturano interessi moratori al tasso del {interestRate} annuo fino al pagamento (art. 1344-1 del codice civile francese e, tra imprese, art. L441-10 del codice di commercio francese).',
          charge: 'L’importo comprende gli interessi moratori maturati finora al tasso del {interestRate} annuo, come da prospetto allegato; gli interessi continuano a maturare fino al pagamento.',
        },
        'La invitiamo a pagare tale somma entro il {payBy}.',
        'Se ha già pagato, consideri questa lettera priva di oggetto. Se contesta la somma in tutto o in parte o desidera un piano di pagamento, ci contatti: {senderContact}.',
      ],
      legalNotice: ['La presente vale come messa in mora (mise en demeure) ai sensi dell’art. 1344 del codice civile francese.'],
      closing: [...CLOSE.it],
    },
    en: {
      salutation: SAL.en,
      paragraphs: [
        'Unless we are mistaken, the following invoices of {creditorName} are still unpaid: {references} (documents: {claimCount}), for a total of {totalDue}.',
        {
          mention: 'Late-payment interest at {interestRate} a year accrues on the amounts due until full payment (Article 1344-1 of the French Civil Code and, between businesses, Article L441-10 of the French Commercial Code).',
          charge: 'The amount includes the late-payment interest accrued so far at {interestRate} a year, as shown in the enclosed statement; interest continues to accrue until full payment.',
        },
        'Please pay this amount by {payBy} at the latest.',
        'If you have already paid, please disregard this letter. If you dispute all or part of the amount or would like a payment plan, please contact us: {senderContact}.',
      ],
      legalNotice: ['This letter is a formal notice to pay (mise en demeure) within the meaning of Article 1344 of the French Civil Code.'],
      closing: [...CLOSE.en],
    },
    de: {
      salutation: SAL.de,
      paragraphs: [
        'sofern uns kein Fehler unterlaufen ist, sind folgende Rechnungen von {creditorName} noch nicht bezahlt: {references} (Anzahl: {claimCount}), insgesamt {totalDue}.',
        {
          mention: 'Auf die geschuldeten Beträge laufen bis zur vollständigen Zahlung Verzugszinsen von {interestRate} pro Jahr (Art. 1344-1 des französischen Code civil und, unter Unternehmen, Art. L441-10 des Code de commerce).',
          charge: 'Der Betrag enthält die bisher aufgelaufenen Verzugszinsen von {interestRate} pro Jahr laut beiliegender Aufstellung; bis zur vollständigen Zahlung laufen weitere Zinsen.',
        },
        'Wir bitten Sie, diesen Betrag spätestens am {payBy} zu bezahlen.',
        'Falls Sie bereits bezahlt haben, betrachten Sie dieses Schreiben bitte als gegenstandslos. Bestreiten Sie den Betrag ganz oder teilweise oder wünschen Sie einen Zahlungsplan, melden Sie sich bitte: {senderContact}.',
      ],
      legalNotice: ['Dieses Schreiben gilt als Inverzugsetzung (mise en demeure) im Sinne von Art. 1344 des französischen Code civil.'],
      closing: [...CLOSE.de],
    },
  },

  'final-notice-it': {
    it: {
      salutation: SAL.it,
      paragraphs: [
        'non ci risulta ancora il pagamento dei seguenti documenti di {creditorName}: {references} (documenti: {claimCount}).',
        'L’importo ora dovuto è di {totalDue}.',
        INTEREST_IT,
        'La invitiamo a pagare entro il {payBy}. Se non Le è possibile pagare l’intero importo in un’unica soluzione, ci contatti prima di tale data: {senderContact}. Siamo disponibili a valutare un piano di pagamento sostenibile.',
      ],
      legalNotice: [
        'La presente vale come ulteriore intimazione di pagamento e costituzione in mora ai sensi dell’art. 1219 del codice civile.',
        'In mancanza di pagamento o di un accordo entro il {payBy}, {creditorName} potrà far valere il proprio diritto in via giudiziale, ad esempio con ricorso per decreto ingiuntivo; le spese del procedimento possono essere poste a carico della parte inadempiente nella misura stabilita dal giudice.',
      ],
      closing: [...CLOSE.it],
    },
    en: {
      salutation: SAL.en,
      paragraphs: [
        'We have not yet received payment of the following documents of {creditorName}: {references} (documents: {claimCount}).',
        'The amount now due is {totalDue}.',
        INTEREST_EN,
        'Please pay by {payBy}. If you cannot pay the full amount at once, please contact us before that date: {senderContact}. We are open to discussing an affordable payment plan.',
      ],
      legalNotice: [
        'This letter is a further demand for payment placing you in default under Article 1219 of the Italian Civil Code.',
        'If neither payment nor an agreement is reached by {payBy}, {creditorName} may enforce its rights in court, for example by applying for an order for payment (decreto ingiuntivo); the court may order the party in default to bear the costs of the proceedings.',
      ],
      closing: [...CLOSE.en],
    },
    de: {
      salutation: SAL.de,
      paragraphs: [
        'bis heute ist die Zahlung folgender Dokumente von {creditorName} nicht bei uns eingegangen: {references} (Anzahl Dokumente: {claimCount}).',
        'Der nun geschuldete Betrag beläuft sich auf {totalDue}.',
        INTEREST_DE,
        'Wir bitten Sie, bis zum {payBy} zu bezahlen. Können Sie nicht den ganzen Betrag auf einmal zahlen, melden Sie sich bitte vor diesem Datum: {senderContact}. Gerne prüfen wir einen tragbaren Zahlungsplan.',
      ],
      legalNotice: [
        'Dieses Schreiben ist eine weitere Zahlungsaufforderung und Inverzugsetzung nach Art. 1219 des italienischen Codice civile.',
        'Gehen bis zum {payBy} weder die Zahlung noch eine Vereinbarung ein, kann {creditorName} den Anspruch gerichtlich geltend machen, etwa mit einem Gesuch um Zahlungsbefehl (decreto ingiuntivo); die Kosten des Verfahrens kann das Gericht der säumigen Partei auferlegen.',
      ],
      closing: [...CLOSE.de],
    },
    fr: {
      salutation: SAL.fr,
      paragraphs: [
        'À ce jour, nous n’avons pas reçu le paiement des documents suivants de {creditorName} : {references} (nombre de documents : {claimCount}).',
        'Le montant désormais dû s’élève à {totalDue}.',
        INTEREST_FR,
        'Nous vous prions de régler ce montant d’ici au {payBy}. Si vous ne pouvez pas payer la totalité en une fois, contactez-nous avant cette date : {senderContact}. Nous sommes disposés à étudier un échéancier supportable.',
      ],
      legalNotice: [
        'La présente vaut nouvelle sommation de payer et mise en demeure au sens de l’article 1219 du Code civil italien.',
        'À défaut de paiement ou d’accord d’ici au {payBy}, {creditorName} pourra faire valoir ses droits en justice, par exemple par une requête en injonction de payer (decreto ingiuntivo) ; le juge peut mettre les frais de la procédure à la charge de la partie défaillante.',
      ],
      closing: [...CLOSE.fr],
    },
  },

  'final-notice-ch': {
    de: {
      salutation: SAL.de,
      paragraphs: [
        'bis heute ist die Zahlung folgender Dokumente von {creditorName} nicht bei uns eingegangen: {references} (Anzahl: {claimCount}).',
        'Der offene Betrag beläuft sich auf {totalDue}.',
        INTEREST_CH.de,
        'Wir bitten Sie, den Betrag bis zum {payBy} mit der beiliegenden QR-Rechnung zu begleichen. Können Sie nicht den ganzen Betrag auf einmal zahlen, melden Sie sich bitte vor diesem Datum: {senderContact}. Gerne prüfen wir eine Ratenvereinbarung.',
      ],
      legalNotice: [
        'Gehen bis zum {payBy} weder die Zahlung noch eine Nachricht von Ihnen ein, kann {creditorName} die Forderung auf dem Weg der Schuldbetreibung geltend machen (SchKG). Die Betreibungskosten trägt nach Art. 68 SchKG der Schuldner.',
      ],
      closing: [...CLOSE.de],
    },
    it: {
      salutation: SAL.it,
      paragraphs: [
        'a oggi non abbiamo ricevuto il pagamento dei seguenti documenti di {creditorName}: {references} (documenti: {claimCount}).',
        'L’importo aperto è di {totalDue}.',
        INTEREST_CH.it,
        'La invitiamo a saldare l’importo entro il {payBy} con la QR-fattura allegata. Se non Le è possibile pagare tutto in una volta, ci contatti prima di tale data: {senderContact}. Valuteremo volentieri un pagamento a rate.',
      ],
      legalNotice: [
        'Se entro il {payBy} non riceveremo né il pagamento né Sue notizie, {creditorName} potrà far valere il credito in via esecutiva (LEF, legge federale sulla esecuzione e sul fallimento). Le spese d’esecuzione sono a carico del debitore (art. 68 LEF).',
      ],
      closing: [...CLOSE.it],
    },
    fr: {
      salutation: SAL.fr,
      paragraphs: [
        'À ce jour, nous n’avons pas reçu le paiement des documents suivants de {creditorName} : {references} (nombre : {claimCount}).',
        'Le montant ouvert s’élève à {totalDue}.',
        INTEREST_CH.fr,
        'Nous vous prions de régler ce montant d’ici au {payBy} au moyen de la QR-facture jointe. Si vous ne pouvez pas tout payer en une fois, contactez-nous avant cette date : {senderContact}. Nous étudierons volontiers un paiement échelonné.',
      ],
      legalNotice: [
        'Si nous ne recevons ni le paiement ni de vos nouvelles d’ici au {payBy}, {creditorName} pourra faire valoir la créance par la voie de la poursuite (LP). Les frais de poursuite sont à la charge du débiteur (art. 68 LP).',
      ],
      closing: [...CLOSE.fr],
    },
    en: {
      salutation: SAL.en,
      paragraphs: [
        'To date we have not received payment of the following documents of {creditorName}: {references} (documents: {claimCount}).',
        'The open amount is {totalDue}.',
        INTEREST_CH.en,
        'Please pay the amount by {payBy} using the enclosed QR-bill. If you cannot pay everything at once, please contact us before that date: {senderContact}. We will gladly consider payment by instalments.',
      ],
      legalNotice: [
        'If we receive neither payment nor word from you by {payBy}, {creditorName} may pursue the claim through debt enforcement proceedings (Swiss Debt Enforcement and Bankruptcy Act, SchKG/LP). The costs of enforcement are borne by the debtor (Article 68 SchKG).',
      ],
      closing: [...CLOSE.en],
    },
  },

  'negotiation-offer': {
    it: {
      salutation: SAL.it,
      paragraphs: [
        'per i documenti {references} di {creditorName} risulta ancora dovuto l’importo di {totalDue}.',
        {
          mention: 'Fino alla definizione della posizione continuano a maturare gli interessi di mora, attualmente il {interestRate} annuo.',
          charge: 'L’importo comprende gli interessi di mora maturati finora al tasso del {interestRate} annuo.',
        },
        'Sappiamo che possono presentarsi difficoltà temporanee. Per questo Le proponiamo di definire la posizione con un accordo: un piano di pagamento a rate mensili sostenibili oppure, a determinate condizioni, una definizione con un pagamento unico.',
        'Per un piano di pagamento di importo rilevante potremo chiederLe una garanzia adeguata, ad esempio una fideiussione, da concordare insieme.',
        'La invitiamo a contattarci entro il {payBy} per trovare la soluzione più adatta: {senderContact}. Naturalmente può anche saldare l’intero importo entro la stessa data.',
      ],
      legalNotice: [
        'Questa proposta non comporta rinuncia ad alcun diritto di {creditorName}: fino alla firma di un accordo restano dovuti l’intero importo e gli interessi previsti dalla legge.',
      ],
      closing: [...CLOSE.it],
    },
    en: {
      salutation: SAL.en,
      paragraphs: [
        'For the documents {references} of {creditorName}, the amount of {totalDue} is still due.',
        {
          mention: 'Until the matter is settled, late-payment interest continues to accrue, currently at {interestRate} a year.',
          charge: 'The amount includes the late-payment interest accrued so far at {interestRate} a year.',
        },
        'We know that temporary difficulties can arise. We therefore propose to settle the matter by agreement: an affordable plan of monthly instalments or, under certain conditions, a settlement by a single payment.',
        'For a payment plan on a larger amount we may ask for suitable security, for example a guarantee, to be agreed together.',
        'Please contact us by {payBy} to find the most suitable solution: {senderContact}. You may of course also pay the full amount by the same date.',
      ],
      legalNotice: [
        'This proposal does not waive any right of {creditorName}: until an agreement is signed, the full amount and the interest provided by law remain due.',
      ],
      closing: [...CLOSE.en],
    },
    de: {
      salutation: SAL.de,
      paragraphs: [
        'für die Dokumente {references} von {creditorName} ist noch ein Betrag von {totalDue} offen.',
        {
          mention: 'Bis zur Erledigung laufen weiterhin Verzugszinsen, derzeit {interestRate} pro Jahr.',
          charge: 'Der Betrag enthält die bisher aufgelaufenen Verzugszinsen von {interestRate} pro Jahr.',
        },
        'Wir wissen, dass vorübergehende Schwierigkeiten entstehen können. Deshalb schlagen wir Ihnen eine Vereinbarung vor: einen tragbaren Plan mit monatlichen Raten oder, unter bestimmten Voraussetzungen, eine Erledigung mit einer einmaligen Zahlung.',
        'Bei einem Zahlungsplan über einen grösseren Betrag können wir Sie um eine angemessene Sicherheit bitten, etwa eine Bürgschaft oder Garantie, die wir gemeinsam festlegen.',
        'Bitte melden Sie sich bis zum {payBy}, damit wir die passende Lösung finden: {senderContact}. Selbstverständlich können Sie den ganzen Betrag auch bis zu diesem Datum bezahlen.',
      ],
      legalNotice: [
        'Dieser Vorschlag bedeutet keinen Verzicht von {creditorName} auf irgendein Recht: bis zur Unterzeichnung einer Vereinbarung bleiben der ganze Betrag und die gesetzlichen Zinsen geschuldet.',
      ],
      closing: [...CLOSE.de],
    },
    fr: {
      salutation: SAL.fr,
      paragraphs: [
        'Pour les documents {references} de {creditorName}, un montant de {totalDue} reste dû.',
        {
          mention: 'Jusqu’au règlement du dossier, les intérêts moratoires continuent de courir, actuellement au taux de {interestRate} l’an.',
          charge: 'Ce montant comprend les intérêts moratoires courus à ce jour au taux de {interestRate} l’an.',
        },
        'Nous savons que des difficultés passagères peuvent survenir. Nous vous proposons donc de régler la situation par un accord : un échéancier de mensualités supportables ou, à certaines conditions, un règlement par un paiement unique.',
        'Pour un échéancier portant sur un montant important, nous pourrons vous demander une garantie adaptée, par exemple un cautionnement, à convenir ensemble.',
        'Nous vous invitons à nous contacter d’ici au {payBy} pour trouver la solution la mieux adaptée : {senderContact}. Vous pouvez bien entendu aussi régler la totalité d’ici à cette date.',
      ],
      legalNotice: [
        'Cette proposition n’emporte renonciation à aucun droit de {creditorName} : jusqu’à la signature d’un accord, la totalité du montant et les intérêts légaux restent dus.',
      ],
      closing: [...CLOSE.fr],
    },
  },

  'closure-advice': {
    it: {
      salutation: SAL_CREDITOR.it,
      paragraphs: [
        'Le scriviamo in merito alla posizione di {debtorName} (documenti: {references}), per la quale risulta ancora dovuto l’importo di {totalDue}.',
        'Finora non abbiamo ricevuto né il pagamento né una risposta utile alle nostre comunicazioni.',
        'Le consigliamo di valutare la sospensione di nuove forniture o prestazioni a questo cliente, oppure di proseguirle solo con pagamento anticipato o con idonee garanzie, fino alla definizione della posizione. La decisione spetta a Lei: ci faccia sapere come intende procedere.',
        'Se il pagamento non arriverà entro il {payBy}, Le proporremo di affidare la pratica a un legale, dopo aver valutato la solvibilità del cliente e i costi della procedura.',
      ],
      legalNotice: ['Comunicazione riservata al creditore: contiene dati personali trattati per la gestione del credito e non va inoltrata a terzi.'],
      closing: [...CLOSE.it],
    },
    en: {
      salutation: SAL_CREDITOR.en,
      paragraphs: [
        'We are writing about the account of {debtorName} (documents: {references}), on which {totalDue} is still due.',
        'So far we have received neither payment nor a useful reply to our messages.',
        'We advise you to consider suspending further supplies or services to this customer, or continuing them only against payment in advance or suitable security, until the matter is settled. The decision is yours: please let us know how you wish to proceed.',
        'If payment has not arrived by {payBy}, we will propose handing the file to a lawyer, after assessing the customer’s solvency and the costs of proceedings.',
      ],
      legalNotice: ['Confidential to the creditor: contains personal data processed for credit management; do not forward to third parties.'],
      closing: [...CLOSE.en],
    },
    de: {
      salutation: SAL_CREDITOR.de,
      paragraphs: [
        'wir schreiben Ihnen zum Konto von {debtorName} (Dokumente: {references}), auf dem noch {totalDue} offen sind.',
        'Bisher haben wir weder die Zahlung noch eine brauchbare Antwort auf unsere Schreiben erhalten.',
        'Wir empfehlen Ihnen zu prüfen, weitere Lieferungen oder Leistungen an diesen Kunden auszusetzen oder sie nur gegen Vorauszahlung oder angemessene Sicherheiten fortzuführen, bis die Sache erledigt ist. Die Entscheidung liegt bei Ihnen: Bitte teilen Sie uns mit, wie Sie vorgehen möchten.',
        'Geht die Zahlung bis zum {payBy} nicht ein, schlagen wir Ihnen die Übergabe des Dossiers an eine Anwältin oder einen Anwalt vor, nachdem wir die Zahlungsfähigkeit des Kunden und die Verfahrenskosten eingeschätzt haben.',
      ],
      legalNotice: ['Vertraulich, nur für die Gläubigerin oder den Gläubiger: enthält Personendaten zur Forderungsverwaltung; nicht an Dritte weiterleiten.'],
      closing: [...CLOSE.de],
    },
    fr: {
      salutation: SAL_CREDITOR.fr,
      paragraphs: [
        'Nous vous écrivons au sujet du compte de {debtorName} (documents : {references}), sur lequel {totalDue} restent dus.',
        'À ce jour, nous n’avons reçu ni le paiement ni de réponse utile à nos courriers.',
        'Nous vous conseillons d’envisager de suspendre les nouvelles livraisons ou prestations à ce client, ou de ne les poursuivre que contre paiement anticipé ou garanties adaptées, jusqu’au règlement du dossier. La décision vous appartient : merci de nous indiquer comment vous souhaitez procéder.',
        'Si le paiement ne nous parvient pas d’ici au {payBy}, nous vous proposerons de confier le dossier à un avocat, après avoir évalué la solvabilité du client et le coût de la procédure.',
      ],
      legalNotice: ['Confidentiel, réservé au créancier : contient des données personnelles traitées pour la gestion de la créance ; ne pas transmettre à des tiers.'],
      closing: [...CLOSE.fr],
    },
  },

  'legal-handoff-it': {
    it: {
      salutation: SAL.it,
      paragraphs: [
        'per i documenti {references} di {creditorName} risulta ancora dovuto l’importo di {totalDue}.',
        INTEREST_IT,
        'Non avendo ricevuto né il pagamento né una proposta di accordo, {creditorName} ha deciso di affidare la pratica a un legale per il recupero in via giudiziale.',
        'Può ancora evitare questo passaggio e le relative spese pagando l’importo entro il {payBy} oppure contattandoci entro la stessa data: {senderContact}.',
      ],
      legalNotice: [
        'La presente conferma la costituzione in mora ai sensi dell’art. 1219 del codice civile.',
        'Nel procedimento giudiziale il giudice può porre a carico della parte inadempiente le spese legali e di giudizio.',
      ],
      closing: [...CLOSE.it],
    },
    en: {
      salutation: SAL.en,
      paragraphs: [
        'For the documents {references} of {creditorName}, the amount of {totalDue} is still due.',
        INTEREST_EN,
        'As we have received neither payment nor a proposal for an agreement, {creditorName} has decided to instruct a lawyer to recover the amount through the courts.',
        'You can still avoid this step and its costs by paying the amount by {payBy} or by contacting us by the same date: {senderContact}.',
      ],
      legalNotice: [
        'This letter confirms that you are in default (costituzione in mora) under Article 1219 of the Italian Civil Code.',
        'In court proceedings, the judge may order the party in default to bear the legal costs.',
      ],
      closing: [...CLOSE.en],
    },
    de: {
      salutation: SAL.de,
      paragraphs: [
        'für die Dokumente {references} von {creditorName} ist noch ein Betrag von {totalDue} offen.',
        INTEREST_DE,
        'Da weder die Zahlung noch ein Vorschlag für eine Vereinbarung eingegangen ist, hat {creditorName} beschlossen, eine Anwältin oder einen Anwalt mit der gerichtlichen Geltendmachung zu beauftragen.',
        'Sie können diesen Schritt und seine Kosten noch vermeiden, indem Sie den Betrag bis zum {payBy} bezahlen oder sich bis dahin bei uns melden: {senderContact}.',
      ],
      legalNotice: [
        'Dieses Schreiben bestätigt den Verzug (costituzione in mora) nach Art. 1219 des italienischen Codice civile.',
        'Im Gerichtsverfahren kann das Gericht die Anwalts- und Verfahrenskosten der säumigen Partei auferlegen.',
      ],
      closing: [...CLOSE.de],
    },
    fr: {
      salutation: SAL.fr,
      paragraphs: [
        'Pour les documents {references} de {creditorName}, un montant de {totalDue} reste dû.',
        INTEREST_FR,
        'N’ayant reçu ni le paiement ni de proposition d’accord, {creditorName} a décidé de confier le dossier à un avocat en vue d’un recouvrement judiciaire.',
        'Vous pouvez encore éviter cette étape et ses frais en réglant le montant d’ici au {payBy} ou en nous contactant d’ici à cette date : {senderContact}.',
      ],
      legalNotice: [
        'La présente confirme la mise en demeure (costituzione in mora) au sens de l’article 1219 du Code civil italien.',
        'Dans la procédure judiciaire, le juge peut mettre les frais d’avocat et de justice à la charge de la partie défaillante.',
      ],
      closing: [...CLOSE.fr],
    },
  },

  'legal-handoff-ch': {
    de: {
      salutation: SAL.de,
      paragraphs: [
        'für die Dokumente {references} von {creditorName} ist noch ein Betrag von {totalDue} offen.',
        INTEREST_CH.de,
        'Da weder die Zahlung noch ein Vorschlag für eine Vereinbarung eingegangen ist, hat {creditorName} entschieden, beim zuständigen Betreibungsamt das Betreibungsbegehren zu stellen. Das Betreibungsamt stellt Ihnen in diesem Fall einen Zahlungsbefehl zu.',
        'Sie können dies noch vermeiden, indem Sie den Betrag bis zum {payBy} bezahlen oder sich bis dahin bei uns melden: {senderContact}.',
      ],
      legalNotice: [
        'Gegen einen Zahlungsbefehl können Sie innert 10 Tagen nach der Zustellung Rechtsvorschlag erheben (Art. 74 SchKG). Die Betreibungskosten trägt der Schuldner (Art. 68 SchKG).',
      ],
      closing: [...CLOSE.de],
    },
    it: {
      salutation: SAL.it,
      paragraphs: [
        'per i documenti {references} di {creditorName} risulta ancora aperto l’importo di {totalDue}.',
        INTEREST_CH.it,
        'Non avendo ricevuto né il pagamento né una proposta di accordo, {creditorName} ha deciso di presentare la domanda d’esecuzione all’ufficio d’esecuzione competente. In tal caso l’ufficio Le notificherà un precetto esecutivo.',
        'Può ancora evitarlo pagando l’importo entro il {payBy} oppure contattandoci entro tale data: {senderContact}.',
      ],
      legalNotice: [
        'Contro il precetto esecutivo può fare opposizione entro 10 giorni dalla notificazione (art. 74 LEF). Le spese d’esecuzione sono a carico del debitore (art. 68 LEF).',
      ],
      closing: [...CLOSE.it],
    },
    fr: {
      salutation: SAL.fr,
      paragraphs: [
        'Pour les documents {references} de {creditorName}, un montant de {totalDue} reste ouvert.',
        INTEREST_CH.fr,
        'N’ayant reçu ni le paiement ni de proposition d’accord, {creditorName} a décidé de déposer une réquisition de poursuite auprès de l’office des poursuites compétent. L’office vous notifiera alors un commandement de payer.',
        'Vous pouvez encore l’éviter en réglant le montant d’ici au {payBy} ou en nous contactant d’ici à cette date : {senderContact}.',
      ],
      legalNotice: [
        'Vous pouvez former opposition au commandement de payer dans les 10 jours suivant sa notification (art. 74 LP). Les frais de poursuite sont à la charge du débiteur (art. 68 LP).',
      ],
      closing: [...CLOSE.fr],
    },
    en: {
      salutation: SAL.en,
      paragraphs: [
        'For the documents {references} of {creditorName}, the amount of {totalDue} is still open.',
        INTEREST_CH.en,
        'As we have received neither payment nor a proposal for an agreement, {creditorName} has decided to file a request for debt enforcement with the competent debt enforcement office. The office will then serve you a payment order (Zahlungsbefehl).',
        'You can still avoid this by paying the amount by {payBy} or by contacting us by that date: {senderContact}.',
      ],
      legalNotice: [
        'You may object to a payment order (Rechtsvorschlag) within 10 days of service (Article 74 SchKG). The costs of enforcement are borne by the debtor (Article 68 SchKG).',
      ],
      closing: [...CLOSE.en],
    },
  },

  'comune-avviso-bonario': {
    it: {
      salutation: SAL.it,
      paragraphs: [
        'dai controlli dell’ufficio entrate {creditorOf} risulta che i seguenti versamenti non sono stati effettuati, in tutto o in parte: {references}.',
        'L’importo da versare è di {totalDue}. La invitiamo a regolarizzare la Sua posizione entro il {payBy}, con le modalità di pagamento indicate.',
        'Se ha già pagato, non tenga conto di questa comunicazione; se il pagamento è anteriore alla data di questo avviso, Le chiediamo di inviarci copia della ricevuta. Per chiarimenti, per segnalare un errore o per chiedere una rateizzazione può rivolgersi a: {senderContact}.',
      ],
      legalNotice: [
        'Questo avviso bonario non è un atto impositivo né un titolo esecutivo. Regolarizzando ora la posizione può evitare l’emissione di un avviso di accertamento, con le sanzioni e le spese che esso comporta.',
      ],
      closing: [...CLOSE.it],
    },
    en: {
      salutation: SAL.en,
      paragraphs: [
        'According to the checks of the revenue office {creditorOf}, the following payments have not been made, in full or in part: {references}.',
        'The amount to be paid is {totalDue}. Please settle it by {payBy}, using the payment methods indicated.',
        'If you have already paid, please disregard this message; if you paid before the date of this notice, please send us a copy of the receipt. For questions, to report an error or to ask for payment by instalments, please contact: {senderContact}.',
      ],
      legalNotice: [
        'This informal notice is neither a tax assessment nor an enforceable title. By settling now you can avoid a formal assessment notice (avviso di accertamento) and the penalties and costs it entails.',
      ],
      closing: [...CLOSE.en],
    },
    de: {
      salutation: SAL.de,
      paragraphs: [
        'laut den Kontrollen des Steueramts {creditorOf} wurden folgende Zahlungen ganz oder teilweise nicht geleistet: {references}.',
        'Der zu zahlende Betrag beträgt {totalDue}. Wir bitten Sie, Ihre Lage bis zum {payBy} mit den angegebenen Zahlungsmitteln zu bereinigen.',
        'Haben Sie bereits bezahlt, betrachten Sie diese Mitteilung bitte als gegenstandslos; liegt die Zahlung vor dem Datum dieses Schreibens, senden Sie uns bitte eine Kopie des Belegs. Für Auskünfte, zur Meldung eines Fehlers oder für eine Ratenzahlung wenden Sie sich bitte an: {senderContact}.',
      ],
      legalNotice: [
        'Diese Mitteilung ist weder ein Steuerbescheid noch ein Vollstreckungstitel. Wenn Sie jetzt bezahlen, vermeiden Sie einen Feststellungsbescheid (avviso di accertamento) mit den damit verbundenen Strafen und Kosten.',
      ],
      closing: [...CLOSE.de],
    },
    fr: {
      salutation: SAL.fr,
      paragraphs: [
        'Selon les contrôles du service des recettes {creditorOf}, les versements suivants n’ont pas été effectués, en tout ou en partie : {references}.',
        'Le montant à verser s’élève à {totalDue}. Nous vous invitons à régulariser votre situation d’ici au {payBy}, selon les modalités de paiement indiquées.',
        'Si vous avez déjà payé, ne tenez pas compte de ce courrier ; si votre paiement est antérieur à la date du présent avis, merci de nous adresser une copie du reçu. Pour toute question, pour signaler une erreur ou pour demander un paiement échelonné, adressez-vous à : {senderContact}.',
      ],
      legalNotice: [
        'Le présent avis amiable n’est ni un acte d’imposition ni un titre exécutoire. En régularisant maintenant, vous pouvez éviter l’émission d’un avis de rectification (avviso di accertamento), avec les sanctions et frais qu’il comporte.',
      ],
      closing: [...CLOSE.fr],
    },
  },

  'comune-sollecito': {
    it: {
      salutation: SAL.it,
      paragraphs: [
        'risultano ancora non versati, in tutto o in parte, gli importi relativi a: {references}, per un totale di {totalDue}.',
        'La invitiamo a versare quanto dovuto entro il {payBy}, con le modalità di pagamento indicate.',
        'Se si trova in una situazione di temporanea difficoltà economica, può chiedere la rateizzazione secondo il regolamento dell’Ente: {senderContact}.',
      ],
      legalNotice: [
        'In mancanza di pagamento entro il termine indicato, l’Ente potrà emettere l’avviso di accertamento esecutivo (art. 1, comma 792, L. 160/2019) o l’ingiunzione di pagamento (R.D. 639/1910), con sanzioni, interessi nella misura stabilita dal regolamento e spese di notifica e di riscossione previste dalla legge.',
        'Questa comunicazione non sostituisce gli atti previsti dalla legge: gli eventuali atti di accertamento o di riscossione Le saranno notificati con l’indicazione dei termini e delle modalità per impugnarli.',
      ],
      closing: [...CLOSE.it],
    },
    en: {
      salutation: SAL.en,
      paragraphs: [
        'The amounts for the following items are still unpaid, in full or in part: {references}, for a total of {totalDue}.',
        'Please pay the amount due by {payBy}, using the payment methods indicated.',
        'If you are in temporary financial difficulty, you may ask for payment by instalments under the municipality’s regulations: {senderContact}.',
      ],
      legalNotice: [
        'If payment is not made by that date, the municipality may issue an enforceable assessment notice (art. 1(792) Law 160/2019) or a payment injunction (Royal Decree 639/1910), with penalties, interest as set by its regulations, and the notification and collection costs provided by law.',
        'This message does not replace the acts required by law: any assessment or collection act will be served on you stating the time limits and how to appeal against it.',
      ],
      closing: [...CLOSE.en],
    },
    de: {
      salutation: SAL.de,
      paragraphs: [
        'die Beträge für folgende Posten sind noch ganz oder teilweise unbezahlt: {references}, insgesamt {totalDue}.',
        'Wir bitten Sie, den geschuldeten Betrag bis zum {payBy} mit den angegebenen Zahlungsmitteln zu begleichen.',
        'Befinden Sie sich in vorübergehenden finanziellen Schwierigkeiten, können Sie nach der Verordnung der Körperschaft eine Ratenzahlung beantragen: {senderContact}.',
      ],
      legalNotice: [
        'Erfolgt die Zahlung nicht fristgerecht, kann die Körperschaft einen vollstreckbaren Feststellungsbescheid (avviso di accertamento esecutivo, Art. 1 Abs. 792 Gesetz 160/2019) oder eine Zahlungsaufforderung (ingiunzione, K.D. 639/1910) erlassen, mit Strafen, Zinsen im Ausmass der Verordnung sowie den gesetzlichen Zustellungs- und Einhebungskosten.',
        'Diese Mitteilung ersetzt nicht die gesetzlich vorgesehenen Akte: allfällige Feststellungs- oder Einhebungsakte werden Ihnen mit Angabe der Fristen und der Möglichkeiten zur Anfechtung zugestellt.',
      ],
      closing: [...CLOSE.de],
    },
    fr: {
      salutation: SAL.fr,
      paragraphs: [
        'Les montants relatifs aux éléments suivants ne sont toujours pas versés, en tout ou en partie : {references}, pour un total de {totalDue}.',
        'Nous vous invitons à verser la somme due d’ici au {payBy}, selon les modalités de paiement indiquées.',
        'Si vous traversez une difficulté financière passagère, vous pouvez demander un paiement échelonné selon le règlement de la collectivité : {senderContact}.',
      ],
      legalNotice: [
        'À défaut de paiement dans ce délai, la collectivité pourra émettre un avis de rectification exécutoire (avviso di accertamento esecutivo, art. 1, al. 792, loi 160/2019) ou une injonction de payer (décret royal 639/1910), avec sanctions, intérêts fixés par son règlement et frais de notification et de recouvrement prévus par la loi.',
        'Le présent courrier ne remplace pas les actes prévus par la loi : tout acte de rectification ou de recouvrement vous sera notifié avec l’indication des délais et des voies de recours.',
      ],
      closing: [...CLOSE.fr],
    },
  },

  'comune-rateizzazione': {
    it: {
      salutation: SAL.it,
      paragraphs: [
        'per le posizioni {references} risulta ancora da versare l’importo di {totalDue}.',
        'Se il pagamento in un’unica soluzione Le è difficile, l’Ente può concederLe una rateizzazione mensile secondo il proprio regolamento o, in mancanza, secondo l’art. 1, commi 796–800, della L. 160/2019; il numero massimo di rate dipende dall’importo dovuto.',
        'Per chiederla, o per qualsiasi chiarimento, può contattare entro il {payBy}: {senderContact}. I nostri operatori La aiuteranno anche a compilare la richiesta.',
      ],
      legalNotice: [
        'La rateizzazione decade se, dopo espresso sollecito, non sono pagate due rate anche non consecutive nell’arco di sei mesi (art. 1, comma 800, L. 160/2019, salvo diversa disciplina del regolamento dell’Ente).',
      ],
      closing: [...CLOSE.it],
    },
    en: {
      salutation: SAL.en,
      paragraphs: [
        'For the items {references}, the amount of {totalDue} is still to be paid.',
        'If paying in one sum is difficult for you, the municipality can grant monthly instalments under its regulations or, failing those, under art. 1(796–800) of Law 160/2019; the maximum number of instalments depends on the amount due.',
        'To apply, or for any question, please contact by {payBy}: {senderContact}. Our staff will also help you fill in the request.',
      ],
      legalNotice: [
        'The instalment plan lapses if, after an express reminder, two instalments, even non-consecutive, remain unpaid within six months (art. 1(800) Law 160/2019, unless the municipality’s regulations provide otherwise).',
      ],
      closing: [...CLOSE.en],
    },
    de: {
      salutation: SAL.de,
      paragraphs: [
        'für die Posten {references} ist noch ein Betrag von {totalDue} zu zahlen.',
        'Fällt Ihnen die Zahlung in einem Betrag schwer, kann Ihnen die Körperschaft nach ihrer Verordnung oder, falls keine besteht, nach Art. 1 Abs. 796–800 des Gesetzes 160/2019 monatliche Raten gewähren; die Höchstzahl der Raten hängt vom geschuldeten Betrag ab.',
        'Für einen Antrag oder bei Fragen wenden Sie sich bitte bis zum {payBy} an: {senderContact}. Unsere Mitarbeitenden helfen Ihnen auch beim Ausfüllen des Antrags.',
      ],
      legalNotice: [
        'Die Ratenzahlung verfällt, wenn nach ausdrücklicher Aufforderung zwei Raten, auch nicht aufeinanderfolgende, innerhalb von sechs Monaten unbezahlt bleiben (Art. 1 Abs. 800 Gesetz 160/2019, sofern die Verordnung der Körperschaft nichts anderes bestimmt).',
      ],
      closing: [...CLOSE.de],
    },
    fr: {
      salutation: SAL.fr,
      paragraphs: [
        'Pour les éléments {references}, un montant de {totalDue} reste à verser.',
        'Si un paiement en une seule fois vous est difficile, la collectivité peut vous accorder des mensualités selon son règlement ou, à défaut, selon l’art. 1, al. 796 à 800, de la loi 160/2019 ; le nombre maximal de mensualités dépend du montant dû.',
        'Pour en faire la demande, ou pour toute question, contactez d’ici au {payBy} : {senderContact}. Nos conseillers vous aideront aussi à remplir la demande.',
      ],
      legalNotice: [
        'Le paiement échelonné prend fin si, après un rappel exprès, deux mensualités, même non consécutives, restent impayées sur une période de six mois (art. 1, al. 800, loi 160/2019, sauf disposition contraire du règlement de la collectivité).',
      ],
      closing: [...CLOSE.fr],
    },
  },

  'comune-handoff': {
    it: {
      salutation: SAL_CREDITOR.it,
      paragraphs: [
        'per la posizione di {debtorName} ({references}) risulta ancora non versato l’importo di {totalDue}, nonostante le comunicazioni inviate al contribuente.',
        'Proponiamo di procedere con l’emissione dell’avviso di accertamento esecutivo (art. 1, comma 792, L. 160/2019) o, per le entrate che non vi rientrano, dell’ingiunzione fiscale (R.D. 639/1910), verificando prima i termini di decadenza e di prescrizione.',
        'Restiamo a disposizione per predisporre la documentazione della posizione entro il {payBy}.',
      ],
      legalNotice: ['Comunicazione riservata all’Ente: contiene dati personali trattati per la riscossione e non va inoltrata a terzi.'],
      closing: [...CLOSE.it],
    },
    en: {
      salutation: SAL_CREDITOR.en,
      paragraphs: [
        'For the account of {debtorName} ({references}), {totalDue} is still unpaid despite the messages sent to the taxpayer.',
        'We propose issuing an enforceable assessment notice (art. 1(792) Law 160/2019) or, for revenues outside its scope, a tax injunction (Royal Decree 639/1910), after checking the forfeiture and limitation periods.',
        'We are ready to prepare the file documentation by {payBy}.',
      ],
      legalNotice: ['Confidential to the municipality: contains personal data processed for revenue collection; do not forward to third parties.'],
      closing: [...CLOSE.en],
    },
    de: {
      salutation: SAL_CREDITOR.de,
      paragraphs: [
        'für die Position von {debtorName} ({references}) sind trotz der an die steuerpflichtige Person gerichteten Mitteilungen noch {totalDue} unbezahlt.',
        'Wir schlagen vor, einen vollstreckbaren Feststellungsbescheid (Art. 1 Abs. 792 Gesetz 160/2019) oder, für nicht erfasste Einnahmen, eine Zahlungsaufforderung (ingiunzione fiscale, K.D. 639/1910) zu erlassen, nach Prüfung der Verfalls- und Verjährungsfristen.',
        'Gerne bereiten wir die Unterlagen der Position bis zum {payBy} vor.',
      ],
      legalNotice: ['Vertraulich, nur für die Körperschaft: enthält Personendaten zur Einhebung; nicht an Dritte weiterleiten.'],
      closing: [...CLOSE.de],
    },
    fr: {
      salutation: SAL_CREDITOR.fr,
      paragraphs: [
        'Pour le dossier de {debtorName} ({references}), {totalDue} restent impayés malgré les courriers adressés au contribuable.',
        'Nous proposons d’émettre un avis de rectification exécutoire (art. 1, al. 792, loi 160/2019) ou, pour les recettes hors de son champ, une injonction fiscale (décret royal 639/1910), après vérification des délais de forclusion et de prescription.',
        'Nous restons à disposition pour préparer les pièces du dossier d’ici au {payBy}.',
      ],
      legalNotice: ['Confidentiel, réservé à la collectivité : contient des données personnelles traitées pour le recouvrement ; ne pas transmettre à des tiers.'],
      closing: [...CLOSE.fr],
    },
  },
  // A reminder of an act that is already an enforcement title: it never says that paying avoids an
  // act (municipal-notes.md §5), it cites the act and says what follows (c.792, c.803 L. 160/2019).
  'comune-sollecito-accertamento': {
    it: {
      salutation: SAL.it,
      paragraphs: [
        'risultano ancora non versati, in tutto o in parte, gli importi richiesti con l’avviso di accertamento esecutivo indicato qui sotto ({references}), per un totale di {totalDue}.',
        'La invitiamo a versare quanto dovuto entro il {payBy}, con l’avviso pagoPA o il modello F24 indicati in questa lettera.',
        'Se si trova in una situazione di temporanea difficoltà economica, può chiedere la rateizzazione secondo il regolamento dell’Ente (art. 1, commi 796–800, L. 160/2019); se ritiene che l’importo non sia dovuto o ha già pagato, ci contatti: {senderContact}.',
      ],
      legalNotice: [
        'L’avviso di accertamento esecutivo Le è già stato notificato e, decorso il termine per il pagamento, costituisce titolo esecutivo (art. 1, comma 792, L. 160/2019): la riscossione coattiva non richiede altri atti.',
        'In mancanza di pagamento la riscossione prosegue in via coattiva, con gli oneri di riscossione a Suo carico (3 % fino a 300 € entro il sessantesimo giorno dall’esecutività, poi 6 % fino a 600 €, art. 1, comma 803, L. 160/2019), le spese di notifica e quelle delle eventuali procedure esecutive e cautelari.',
      ],
      closing: [...CLOSE.it],
    },
    en: {
      salutation: SAL.en,
      paragraphs: [
        'The amounts required by the enforceable assessment notice shown below ({references}) are still unpaid, in full or in part: {totalDue} in total.',
        'Please pay by {payBy}, with the pagoPA notice or the F24 form given in this letter.',
        'If you are in temporary financial difficulty, you can ask for instalments under the municipality’s regulation (art. 1(796–800) Law 160/2019); if you believe the amount is not due or you have already paid, please contact us: {senderContact}.',
      ],
      legalNotice: [
        'The enforceable assessment notice has already been served on you and, once the payment term has passed, it is an enforcement title (art. 1(792) Law 160/2019): enforced collection needs no further act.',
        'Without payment, enforced collection continues, with the collection charges borne by you (3 % up to €300 within the sixtieth day from enforceability, then 6 % up to €600, art. 1(803) Law 160/2019), the service costs and those of any enforcement or protective measures.',
      ],
      closing: [...CLOSE.en],
    },
    de: {
      salutation: SAL.de,
      paragraphs: [
        'die mit dem unten angegebenen vollstreckbaren Feststellungsbescheid ({references}) geforderten Beträge sind ganz oder teilweise noch nicht bezahlt: insgesamt {totalDue}.',
        'Wir bitten Sie, den Betrag bis zum {payBy} mit dem pagoPA-Zahlungshinweis oder dem Vordruck F24 in diesem Schreiben zu bezahlen.',
        'Befinden Sie sich in einer vorübergehenden wirtschaftlichen Notlage, können Sie eine Ratenzahlung nach der Verordnung der Körperschaft beantragen (Art. 1 Abs. 796–800 G. 160/2019); halten Sie den Betrag für nicht geschuldet oder haben Sie bereits bezahlt, wenden Sie sich bitte an: {senderContact}.',
      ],
      legalNotice: [
        'Der vollstreckbare Feststellungsbescheid wurde Ihnen bereits zugestellt und ist nach Ablauf der Zahlungsfrist ein Vollstreckungstitel (Art. 1 Abs. 792 G. 160/2019): die Zwangseinhebung erfordert keinen weiteren Akt.',
        'Ohne Zahlung wird die Zwangseinhebung fortgesetzt, mit den Einhebungskosten zu Ihren Lasten (3 % bis 300 € bis zum sechzigsten Tag ab Vollstreckbarkeit, danach 6 % bis 600 €, Art. 1 Abs. 803 G. 160/2019), den Zustellkosten und den Kosten allfälliger Vollstreckungs- und Sicherungsmaßnahmen.',
      ],
      closing: [...CLOSE_DE_DE],
    },
    fr: {
      salutation: SAL.fr,
      paragraphs: [
        'Les montants réclamés par l’avis de rectification exécutoire indiqué ci-dessous ({references}) restent impayés, en tout ou en partie : {totalDue} au total.',
        'Nous vous invitons à payer d’ici au {payBy}, avec l’avis pagoPA ou le formulaire F24 figurant dans ce courrier.',
        'Si vous traversez une difficulté financière temporaire, vous pouvez demander un paiement échelonné selon le règlement de la collectivité (art. 1 al. 796–800 loi 160/2019) ; si vous estimez ne pas devoir ce montant ou avez déjà payé, contactez-nous : {senderContact}.',
      ],
      legalNotice: [
        'L’avis de rectification exécutoire vous a déjà été notifié et, une fois le délai de paiement écoulé, il constitue un titre exécutoire (art. 1 al. 792 loi 160/2019) : le recouvrement forcé ne requiert aucun autre acte.',
        'À défaut de paiement, le recouvrement forcé se poursuit, avec les frais de recouvrement à votre charge (3 % jusqu’à 300 € jusqu’au soixantième jour après l’exécutoriété, puis 6 % jusqu’à 600 €, art. 1 al. 803 loi 160/2019), les frais de notification et ceux des éventuelles mesures d’exécution ou conservatoires.',
      ],
      closing: [...CLOSE.fr],
    },
  },

  'comune-sollecito-ingiunzione': {
    it: {
      salutation: SAL.it,
      paragraphs: [
        'risultano ancora non versati, in tutto o in parte, gli importi richiesti con l’ingiunzione fiscale indicata qui sotto ({references}), per un totale di {totalDue}.',
        'La invitiamo a versare quanto dovuto entro il {payBy}, con le modalità di pagamento indicate in questa lettera.',
        'Se si trova in una situazione di temporanea difficoltà economica, può chiedere la rateizzazione secondo il regolamento dell’Ente; se ritiene che l’importo non sia dovuto o ha già pagato, ci contatti: {senderContact}.',
      ],
      legalNotice: [
        'L’ingiunzione fiscale Le è già stata notificata ed è titolo esecutivo (R.D. 639/1910): in mancanza di pagamento l’Ente procede alla riscossione coattiva con le procedure del titolo II del D.P.R. 602/1973, con gli oneri di riscossione (art. 1, comma 803, L. 160/2019), le spese di notifica e quelle delle procedure esecutive e cautelari a Suo carico.',
      ],
      closing: [...CLOSE.it],
    },
    en: {
      salutation: SAL.en,
      paragraphs: [
        'The amounts required by the tax injunction shown below ({references}) are still unpaid, in full or in part: {totalDue} in total.',
        'Please pay by {payBy}, using the payment methods given in this letter.',
        'If you are in temporary financial difficulty, you can ask for instalments under the municipality’s regulation; if you believe the amount is not due or you have already paid, please contact us: {senderContact}.',
      ],
      legalNotice: [
        'The tax injunction has already been served on you and is an enforcement title (Royal Decree 639/1910): without payment the municipality proceeds to enforced collection under Title II of Presidential Decree 602/1973, with the collection charges (art. 1(803) Law 160/2019), the service costs and those of enforcement and protective measures borne by you.',
      ],
      closing: [...CLOSE.en],
    },
    de: {
      salutation: SAL.de,
      paragraphs: [
        'die mit der unten angegebenen Zahlungsaufforderung (ingiunzione fiscale, {references}) geforderten Beträge sind ganz oder teilweise noch nicht bezahlt: insgesamt {totalDue}.',
        'Wir bitten Sie, den Betrag bis zum {payBy} mit den in diesem Schreiben angegebenen Zahlungsmitteln zu bezahlen.',
        'Befinden Sie sich in einer vorübergehenden wirtschaftlichen Notlage, können Sie eine Ratenzahlung nach der Verordnung der Körperschaft beantragen; halten Sie den Betrag für nicht geschuldet oder haben Sie bereits bezahlt, wenden Sie sich bitte an: {senderContact}.',
      ],
      legalNotice: [
        'Die Zahlungsaufforderung wurde Ihnen bereits zugestellt und ist ein Vollstreckungstitel (K.D. 639/1910): ohne Zahlung schreitet die Körperschaft zur Zwangseinhebung nach Titel II des D.P.R. 602/1973, mit den Einhebungskosten (Art. 1 Abs. 803 G. 160/2019), den Zustellkosten und den Kosten der Vollstreckungs- und Sicherungsmaßnahmen zu Ihren Lasten.',
      ],
      closing: [...CLOSE_DE_DE],
    },
    fr: {
      salutation: SAL.fr,
      paragraphs: [
        'Les montants réclamés par l’injonction fiscale indiquée ci-dessous ({references}) restent impayés, en tout ou en partie : {totalDue} au total.',
        'Nous vous invitons à payer d’ici au {payBy}, selon les modalités de paiement figurant dans ce courrier.',
        'Si vous traversez une difficulté financière temporaire, vous pouvez demander un paiement échelonné selon le règlement de la collectivité ; si vous estimez ne pas devoir ce montant ou avez déjà payé, contactez-nous : {senderContact}.',
      ],
      legalNotice: [
        'L’injonction fiscale vous a déjà été notifiée et constitue un titre exécutoire (décret royal 639/1910) : à défaut de paiement, la collectivité procède au recouvrement forcé selon le titre II du D.P.R. 602/1973, avec les frais de recouvrement (art. 1 al. 803 loi 160/2019), les frais de notification et ceux des mesures d’exécution et conservatoires à votre charge.',
      ],
      closing: [...CLOSE.fr],
    },
  },

  // A reminder of another act already served (a CdS verbale, a CUP notice): no assessment to avoid or to threaten.
  'comune-sollecito-atto': {
    it: {
      salutation: SAL.it,
      paragraphs: [
        'risultano ancora non versati, in tutto o in parte, gli importi richiesti con l’atto indicato qui sotto ({references}), per un totale di {totalDue}.',
        'La invitiamo a versare quanto dovuto entro il {payBy}, con l’avviso pagoPA indicato in questa lettera.',
        'Se ritiene che l’importo non sia dovuto, se ha già pagato o se desidera chiedere una rateizzazione secondo il regolamento dell’Ente, ci contatti: {senderContact}.',
      ],
      legalNotice: [
        'Questa comunicazione ricorda un importo già richiesto con l’atto indicato e non è un nuovo atto: in mancanza di pagamento l’Ente procederà alla riscossione secondo la legge e il proprio regolamento, con le spese previste dalla legge.',
      ],
      closing: [...CLOSE.it],
    },
    en: {
      salutation: SAL.en,
      paragraphs: [
        'The amounts required by the act shown below ({references}) are still unpaid, in full or in part: {totalDue} in total.',
        'Please pay by {payBy}, with the pagoPA notice given in this letter.',
        'If you believe the amount is not due, have already paid or wish to ask for instalments under the municipality’s regulation, please contact us: {senderContact}.',
      ],
      legalNotice: [
        'This message recalls an amount already required by the act shown and is not a new act: without payment the municipality will collect it as the law and its regulation provide, with the costs the law provides.',
      ],
      closing: [...CLOSE.en],
    },
    de: {
      salutation: SAL.de,
      paragraphs: [
        'die mit dem unten angegebenen Akt ({references}) geforderten Beträge sind ganz oder teilweise noch nicht bezahlt: insgesamt {totalDue}.',
        'Wir bitten Sie, den Betrag bis zum {payBy} mit dem pagoPA-Zahlungshinweis in diesem Schreiben zu bezahlen.',
        'Halten Sie den Betrag für nicht geschuldet, haben Sie bereits bezahlt oder möchten Sie eine Ratenzahlung nach der Verordnung der Körperschaft beantragen, wenden Sie sich bitte an: {senderContact}.',
      ],
      legalNotice: [
        'Diese Mitteilung erinnert an einen mit dem angegebenen Akt bereits geforderten Betrag und ist kein neuer Akt: ohne Zahlung hebt die Körperschaft ihn nach Gesetz und Verordnung ein, mit den gesetzlich vorgesehenen Kosten.',
      ],
      closing: [...CLOSE_DE_DE],
    },
    fr: {
      salutation: SAL.fr,
      paragraphs: [
        'Les montants réclamés par l’acte indiqué ci-dessous ({references}) restent impayés, en tout ou en partie : {totalDue} au total.',
        'Nous vous invitons à payer d’ici au {payBy}, avec l’avis pagoPA figurant dans ce courrier.',
        'Si vous estimez ne pas devoir ce montant, avez déjà payé ou souhaitez demander un paiement échelonné selon le règlement de la collectivité, contactez-nous : {senderContact}.',
      ],
      legalNotice: [
        'Ce courrier rappelle un montant déjà réclamé par l’acte indiqué et n’est pas un nouvel acte : à défaut de paiement, la collectivité le recouvrera selon la loi et son règlement, avec les frais prévus par la loi.',
      ],
      closing: [...CLOSE.fr],
    },
  },
};

// API -------------------------------------------------------------------------------------------

const FALLBACK: readonly Language[] = ['it', 'en'];

/** The template of a key in a language; falls back to Italian, then English. Throws for an unknown key. */
export function templateFor(key: TemplateKey, language: Language): MessageTemplate {
  const info = TEMPLATE_INFO[key] as TemplateInfo | undefined;
  if (!info) throw new TemplateError(`unknown template: ${key}`);
  const texts = TEXTS[key];
  const lang = [language, ...FALLBACK].find((l) => texts[l] !== undefined);
  const body = lang ? texts[lang] : undefined;
  if (!lang || !body) throw new TemplateError(`template ${key} has no text`);
  return { key, language: lang, audience: info.audience, subject: neutralSubject(lang, info.subjectKind), ...body };
}

/** The kinds of act behind a comune's position (model.ts ACT_KINDS), as the templates need them. */
export type TemplateActKind = 'bonario' | 'accertamento_esecutivo' | 'ingiunzione_fiscale' | 'verbale_cds' | 'cup_notice' | 'other';

/**
 * The template a step's key stands for, given the act behind the position (municipal-notes.md §5):
 * a bonario reminder and the sollecito before the assessment may say that paying avoids the
 * assessment or that one may be issued; for a position whose act is already an avviso di accertamento
 * esecutivo (art. 1 c. 792 L. 160/2019) or an ingiunzione fiscale (R.D. 639/1910) neither is true, so
 * the reminder of that act is used instead. A CdS verbale becomes a title of its own (art. 203 c. 3
 * D.Lgs. 285/1992) and no assessment follows it, so it and an act of unknown kind get a reminder that
 * neither promises nor threatens one. A CUP notice is a request before any assessment (c. 792 covers
 * patrimonial revenues too) and keeps the chosen text, as do other keys and positions without an act.
 */
export function templateForAct(key: TemplateKey, act: TemplateActKind | null): TemplateKey {
  if (key !== 'comune-avviso-bonario' && key !== 'comune-sollecito') return key;
  switch (act) {
    case null:
    case 'bonario':
    case 'cup_notice':
      return key;
    case 'accertamento_esecutivo':
      return 'comune-sollecito-accertamento';
    case 'ingiunzione_fiscale':
      return 'comune-sollecito-ingiunzione';
    default:
      return 'comune-sollecito-atto';
  }
}

/** Whether a template key is one of {@link TEMPLATE_KEYS}. */
export const isTemplateKey = (key: string): key is TemplateKey => (TEMPLATE_KEYS as readonly string[]).includes(key);

/** Who reads the messages of a template. */
export const templateAudience = (key: TemplateKey): Audience => TEMPLATE_INFO[key].audience;

const VARIABLE = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

function texts(template: MessageTemplate): string[] {
  const paragraphs = template.paragraphs.flatMap((p) => (typeof p === 'string' ? [p] : [p.mention, p.charge]));
  return [template.subject, template.salutation, ...paragraphs, ...template.legalNotice, ...template.closing];
}

/** The variables a template uses, in order of first use. */
export function templateVariables(template: MessageTemplate): string[] {
  const names = texts(template).flatMap((t) => [...t.matchAll(VARIABLE)].map((m) => m[1] ?? ''));
  return [...new Set(names)];
}

/** Variables a template uses that are not {@link TEMPLATE_VARIABLES}: a customised template's typos. */
export function unknownTemplateVariables(template: MessageTemplate): string[] {
  return templateVariables(template).filter((v) => !(TEMPLATE_VARIABLES as readonly string[]).includes(v));
}

/**
 * The template with its variables replaced by `vars` (plain text, inserted as is: a value containing
 * "{x}" stays literal). Interest paragraphs are kept per `interest`: none → left out, mention → the
 * "accrues" text, charge → the "included" text. Throws a {@link TemplateError} naming the first
 * variable the template uses and `vars` lacks.
 */
export function fillTemplate(template: MessageTemplate, vars: TemplateVars & Record<string, string | undefined>, interest: InterestMode = 'none'): FilledMessage {
  const fill = (text: string) =>
    text.replace(VARIABLE, (_all, name: string) => {
      const value = vars[name];
      if (value === undefined) {
        throw new TemplateError(msg('dunning.template_variable', { template: template.key, variable: `{${name}}` }), name);
      }
      return value;
    });
  const paragraphs = template.paragraphs.flatMap((p) => {
    if (typeof p === 'string') return [fill(p)];
    if (interest === 'none') return [];
    return [fill(interest === 'charge' ? p.charge : p.mention)];
  });
  return {
    subject: fill(template.subject),
    salutation: fill(template.salutation),
    paragraphs,
    legalNotice: template.legalNotice.map(fill),
    closing: template.closing.map(fill),
  };
}
