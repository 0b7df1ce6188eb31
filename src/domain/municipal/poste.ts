import { amountParam, msg } from '../messages/index.ts';
import { money, moneyIssue } from '../money.ts';
import { parseNotice } from './pagopa.ts';
import { MunicipalInputError } from './result.ts';

/*
 * The Poste Italiane Data Matrix of a pagoPA notice ("Bollettino Postale PA"), printed when the comune
 * collects on a postal current account: a 25 × 25 mm Data Matrix with the c/c number (≤ 20), the
 * holder (≤ 50) and Poste's self-print authorisation ("AUT. DB/xxxx/xxx xxxxx DEL xx/xx/xxxx") beside
 * it (docs.pagopa.it/avviso-pagamento "Bollettino Postale PA"; municipal-notes.md §2.6). Poste's own
 * "Manuale della stampa in proprio" was not available; the payload below is the one PagoPA's notice
 * generator writes (pagopa/pagopa-print-payment-notice-generator `TemplateDataMapper`
 * generatePosteDataMatrix / generateCodeline), matching GovPay's constants (name 40, causale 110,
 * 12-space filler) and what the IO app reads back (pagopa/io-app `decodePosteDataMatrix`: notice
 * [15, 33), amount [49, 59), CF ente [66, 77), 0-based, end exclusive). 256 characters:
 *
 *   offset len  content
 *      0   13   "codfase=NBPA;"
 *     13    2   "18"                 length of the next field
 *     15   18   notice code (codice avviso)
 *     33    2   "12"
 *     35   12   postal c/c, left-padded with 0
 *     47    2   "10"
 *     49   10   amount in euro cents, left-padded with 0
 *     59    4   "3" + "896"          Poste document type 896
 *     63    3   "1P1"
 *     66   11   CF ente, right-padded with spaces
 *     77   16   debtor's codice fiscale / partita IVA, right-padded
 *     93   40   debtor's name, right-padded or truncated
 *    133  110   causale (subject), right-padded or truncated
 *    243   12   spaces (filler)
 *    255    1   "A"
 *
 * Two deliberate differences from PagoPA's generator: its codeline receives the Poste authorisation
 * where the notice code belongs (an argument-order slip; the IO app and the notes read the notice code
 * there), and its right-padding does not truncate (a long name would shift every later field), so
 * here every field is cut to its length and the payload is always 256 characters.
 */

/** The Poste document type of the Bollettino Postale PA. */
export const POSTE_DOCUMENT_TYPE = '896';
export const POSTE_PAYLOAD_LENGTH = 256;
/** The largest amount the 10-digit cents field carries. */
const MAX_CENTS = 9_999_999_999n;

export interface PosteDataMatrixInput {
  /** The 18-digit notice code (spaces of the printed form ignored). */
  notice: string;
  /** The comune's codice fiscale, 11 digits. */
  cfEnte: string;
  /** The postal current account, 1–12 digits. */
  postalAccount: string;
  /** Euro, two decimals ("123.45"). */
  amount: string;
  /** The debtor's codice fiscale or partita IVA (≤ 16); null when unknown. */
  debtorTaxCode: string | null;
  debtorName: string;
  /** What the payment is for (the position's revenue, year, act). */
  subject: string;
}

/**
 * Text as the symbol carries it: printable ASCII only, so every reader decodes the same characters —
 * accents dropped ("Niccolò" → "Niccolo"), typographic quotes straightened, anything else a space.
 */
export function posteText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/[^\x20-\x7e]/g, ' ');
}

const field = (s: string, length: number) => posteText(s).slice(0, length).padEnd(length, ' ');

/** The 256-character payload of the Poste Data Matrix; a coded MunicipalInputError says what is wrong. */
export function posteDataMatrixPayload(input: PosteDataMatrixInput): string {
  const notice = parseNotice(input.notice);
  if (!notice.ok) throw new MunicipalInputError(notice.problem, 'notice');
  if (!/^\d{11}$/.test(input.cfEnte)) throw new MunicipalInputError(msg('municipal.cf_ente', { value: input.cfEnte }), 'cfEnte');
  if (!/^\d{1,12}$/.test(input.postalAccount)) throw new MunicipalInputError(msg('municipal.postal_account'), 'postalAccount');
  const problem = moneyIssue(input.amount);
  if (problem) throw new MunicipalInputError(problem, 'amount');
  const cents = BigInt(money(input.amount.trim()).times(100).toFixed(0));
  if (cents < 1n || cents > MAX_CENTS) throw new MunicipalInputError(msg('municipal.datamatrix_amount_range', { amount: amountParam(input.amount.trim(), 'EUR') }), 'amount');
  const payload = [
    'codfase=NBPA;',
    '18',
    notice.value.code,
    '12',
    input.postalAccount.padStart(12, '0'),
    '10',
    String(cents).padStart(10, '0'),
    '3',
    POSTE_DOCUMENT_TYPE,
    '1P1',
    input.cfEnte.padEnd(11, ' '),
    field((input.debtorTaxCode ?? '').toUpperCase(), 16),
    field(input.debtorName, 40),
    field(input.subject, 110),
    ' '.repeat(12),
    'A',
  ].join('');
  if (payload.length !== POSTE_PAYLOAD_LENGTH) throw new Error(`Poste Data Matrix payload of ${payload.length} characters`);
  return payload;
}

/** What the IO app reads back from a Poste payload (its decoder's positions). */
export function readPostePayload(payload: string): { notice: string; cents: string; cfEnte: string } | null {
  if (!payload.startsWith('codfase=NBPA;') || payload.length < 77) return null;
  return { notice: payload.slice(15, 33), cents: payload.slice(49, 59), cfEnte: payload.slice(66, 77) };
}
