import type { Statement } from '../../domain/interest/compute.ts';

/**
 * What a dunning letter or e-mail says, fully decided: every text already in the reader's language,
 * every amount an exact decimal string. The renderers only lay it out (and escape it): they decide
 * nothing about money, law or wording.
 */
export type LetterLanguage = 'it' | 'en' | 'de' | 'fr';
export type LetterTier = 'soft' | 'formal' | 'negotiation' | 'closure' | 'legal';

export interface LetterParty {
  name: string;
  /** Address lines below the name, e.g. ['Via Roma 1', '20121 Milano MI']; the country line is added for abroad. */
  lines: string[];
  /** ISO 3166-1 alpha-2 (IT, CH, DE, FR, …). */
  country: string;
}

export interface LetterClaim {
  reference: string;
  description: string | null;
  issueDate: string | null;
  dueDate: string;
  principal: string;
  /** Interest accrued and still due at `LetterInput.date` ("0.00" when interest is not shown). */
  interest: string;
  /** Fees and costs still due, this step's fee included (and the flat compensation when it is asked for). */
  costs: string;
  /**
   * The statutory flat compensation for recovery costs inside `costs` (€40, art. 6 D.Lgs. 231/2002,
   * § 288(5) BGB, art. D441-5 C. com.), printed as its own line under the claim: the amount and its
   * wording with the law, in the reader's language ("Risarcimento forfettario … (art. 6 D.Lgs. 231/2002)").
   */
  flatCompensation?: { amount: string; label: string };
  /** Everything already paid on the claim. */
  paid: string;
  /** principal still due + interest + costs. */
  totalDue: string;
  /** The interest statement (periods, rates, payments): printed under the claim when interest is charged. */
  statement?: Statement;
}

export interface LetterPayment {
  /** The creditor's (or agency's) account: IBAN or Swiss QR-IBAN, without spaces. */
  iban: string;
  /** Account holder as on the payment slip. */
  payee: LetterParty;
  /** QRR (27 digits, only with a QR-IBAN), SCOR / RF (ISO 11649), or none. */
  referenceType: 'QRR' | 'SCOR' | 'NON';
  reference: string | null;
  /** Pay within this day (ISO date). */
  payBy: string;
  /** Total asked for: the sum of the claims' totalDue. */
  amount: string;
  /** Unstructured message for the slip (the claim references, shortened). */
  message: string;
}

export interface LetterInput {
  language: LetterLanguage;
  tier: LetterTier;
  /** Letter date (ISO). */
  date: string;
  currency: 'EUR' | 'CHF';
  /** Who writes: the tenant (agency, law firm) or the creditor itself; return address on the envelope. */
  sender: LetterParty & { email?: string | null; phone?: string | null; vatNumber?: string | null };
  /** On whose behalf, when not the sender ("per conto di …"). */
  creditorName: string | null;
  recipient: LetterParty;
  /** Neutral subject: never "recupero crediti"/"Inkasso" (it shows through e-mail previews). */
  subject: string;
  /** Salutation line, e.g. "Gentile Mario Rossi,". */
  salutation: string;
  /** Body paragraphs, already filled in. */
  paragraphs: string[];
  claims: LetterClaim[];
  totals: { principal: string; interest: string; costs: string; paid: string; totalDue: string };
  /** Whether the interest column/statement is printed (soft steps mention no interest). */
  interestMode: 'none' | 'mention' | 'charge';
  /** Legal wording this tier needs (default notice, art. 1219 c.c., …), printed after the body. */
  legalNotice: string[];
  /** Closing lines and signature. */
  closing: string[];
  payment: LetterPayment;
  /** Our document number, printed small in the footer (for matching a scanned return). */
  documentId: string;
}

/** Window envelope standard for the recipient block: DL/C5 with the window on the left (IT/DE/FR) or right (CH). */
export type WindowPosition = 'left' | 'right';
