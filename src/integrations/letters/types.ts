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
  /**
   * A comune's positions (issue 13): the act behind each, its components, its pagoPA notice and F24
   * lines. When present the letter shows these instead of the claims table and pays through pagoPA
   * and F24 only — no bank-transfer block (`payment` then only carries the amount and the date).
   * Absent for every other letter, whose bytes do not depend on it.
   */
  municipal?: LetterMunicipal;
}

export interface LetterMunicipal {
  /** The agency acting on the comune's behalf with its albo registration, worded; null when the comune writes itself. */
  agency: string | null;
  positions: LetterPosition[];
}

/** One position of a comune: the act, what it is made of, how to pay it. */
export interface LetterPosition {
  reference: string;
  /** The revenue and year, worded: "IMU (imposta municipale propria) – anno 2021". */
  title: string;
  /** The act, worded: ["Avviso di accertamento esecutivo … n. 123/2024 del 10/03/2024", "notificato il …", …]. */
  act: string[];
  /** Components (tax, sanctions, act interest, notification costs, c.803 charges, interest accrued since): label and amounts. */
  components: { label: string; tributeCode: string | null; amount: string; paid: string; due: string }[];
  /** What the position asks for: the sum of the components' `due`. */
  totalDue: string;
  pagopa: LetterPagopa | null;
  f24: LetterF24 | null;
}

/** The pagoPA payment notice's data (municipal-notes.md §2.3–2.8). */
export interface LetterPagopa {
  /** Ente creditore as printed: "Comune di Valdoria". */
  entity: string;
  /** The comune's codice fiscale (11 digits), also in the QR code. */
  cfEnte: string;
  /** The 18 digits of the codice avviso (printed in groups of four). */
  noticeCode: string;
  amount: string;
  payBy: string;
  cbill: string | null;
  /** `PAGOPA|002|<notice>|<cf ente>|<cents>` (domain/municipal/pagopa.ts pagopaQrPayload). */
  qrPayload: string;
  /** The Bollettino Postale PA, when the comune collects on a postal current account; absent: none. */
  poste?: LetterPoste | null;
}

/** The Bollettino Postale PA of a notice (municipal-notes.md §2.6). */
export interface LetterPoste {
  /** The postal current account (c/c), digits. */
  account: string;
  /** Who holds it (≤ 50 characters); null: the ente creditore. */
  holder: string | null;
  /** Poste's self-print authorisation ("AUT. DB/…"), printed as given. */
  authorization: string | null;
  /** The 256-character Data Matrix payload (domain/municipal/poste.ts posteDataMatrixPayload). */
  payload: string;
}

/** F24, section "IMU e altri tributi locali" (EL): one line per tribute code (domain/municipal/f24.ts). */
export interface LetterF24 {
  lines: { cadastralCode: string; tributeCode: string; year: string; amount: string; ravvedimento: boolean }[];
  total: string;
}

/** Window envelope standard for the recipient block: DL/C5 with the window on the left (IT/DE/FR) or right (CH). */
export type WindowPosition = 'left' | 'right';
