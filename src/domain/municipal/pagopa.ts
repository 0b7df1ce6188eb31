import { amountParam, msg, type Message } from '../messages/index.ts';
import { money, moneyIssue } from '../money.ts';
import { fail, MunicipalInputError, ok, type Result } from './result.ts';

/*
 * pagoPA payment notices (avviso di pagamento). Sources: SACI v1.3.1 Cap. 2 (valefa/pagopa-codici-docs,
 * _docs/Capitolo2.rst) for the notice number's shapes and the modulo-93 check; docs.pagopa.it/saci 3.x
 * (aux digit 3 only for new notices); docs.pagopa.it/avviso-pagamento "Codice QR" for the QR payload;
 * pagopa/io-pagopa-commons src/pagopa.ts for what parsers accept. Notes: ../shared municipal-notes.md §2.3–2.5.
 */

/** The first digit of a notice number (SACI Tabella 2). Only 3 is issued today; 0, 1 and 2 still circulate. */
export type AuxDigit = 0 | 1 | 2 | 3;

export interface Notice {
  /** The 18 digits. */
  code: string;
  aux: AuxDigit;
  /** aux 0: the 2-digit application code (not part of the IUV). */
  applicationCode: string | null;
  /** aux 3: the 2-digit segregation code of the IUV generation point. */
  segregationCode: string | null;
  /** The IUV: aux 3 and 2 → the last 17 digits; aux 0 → the last 15; aux 1 → the last 17 (no check digits). */
  iuv: string;
  /** The 2 check digits (null for aux 1, which has none). */
  checkDigits: string | null;
}

/**
 * The remainder of a decimal number written as digits, divided by 93, computed digit by digit:
 * the 16 digits of a notice exceed Number.MAX_SAFE_INTEGER, so no Number conversion of the whole.
 */
export function mod93(digits: string): number {
  if (!/^\d+$/.test(digits)) throw new RangeError(`mod93: digits only, got "${digits}"`);
  let r = 0;
  for (const ch of digits) r = (r * 10 + (ch.charCodeAt(0) - 48)) % 93;
  return r;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * A notice number with aux digit 3, as a partner or intermediary of the comune generates it:
 * "3" + segregation code (2) + IUV base (13) + check (2) = 18 digits; the check is the first 16 digits
 * mod 93, zero-padded (SACI 1.3.1 §2.2.2.4; PagoPA's own generators do the same).
 */
export function noticeCodeAux3(segregationCode: string, iuvBase: string): string {
  if (!/^\d{2}$/.test(segregationCode)) throw new MunicipalInputError(msg('municipal.segregation_code', { value: segregationCode }), 'segregationCode');
  if (!/^\d{13}$/.test(iuvBase)) throw new MunicipalInputError(msg('municipal.iuv_base', { value: iuvBase }), 'iuvBase');
  const body = `3${segregationCode}${iuvBase}`;
  return body + pad2(mod93(body));
}

/**
 * Reads a notice number in any of the four shapes (spaces of the printed form are ignored). The
 * problem says what is wrong: not digits, not 18 digits, an unknown aux digit, or the check digits
 * with the value they should have.
 */
export function parseNotice(raw: string): Result<Notice> {
  const code = raw.replace(/\s+/g, '');
  if (!/^\d*$/.test(code)) return fail(msg('municipal.notice_not_digits'));
  if (code.length !== 18) return fail(msg('municipal.notice_length', { length: code.length }));
  const aux = Number(code[0]);
  const checked = (notice: Notice): Result<Notice> => {
    const expected = pad2(mod93(code.slice(0, 16)));
    const found = code.slice(16);
    return expected === found ? ok(notice) : fail(msg('municipal.notice_check_digits', { expected, found }));
  };
  switch (aux) {
    case 0:
      // aux + application code (2) + IUV base (13) + check (2); the IUV is the last 15 digits.
      return checked({ code, aux, applicationCode: code.slice(1, 3), segregationCode: null, iuv: code.slice(3), checkDigits: code.slice(16) });
    case 1:
      // Legacy: 17-digit IUV without check digits.
      return ok({ code, aux, applicationCode: null, segregationCode: null, iuv: code.slice(1), checkDigits: null });
    case 2:
      // aux + IUV base (15) + check (2).
      return checked({ code, aux, applicationCode: null, segregationCode: null, iuv: code.slice(1), checkDigits: code.slice(16) });
    case 3:
      // aux + segregation code (2) + IUV base (13) + check (2); the IUV is everything after the aux digit.
      return checked({ code, aux, applicationCode: null, segregationCode: code.slice(1, 3), iuv: code.slice(1), checkDigits: code.slice(16) });
    default:
      return fail(msg('municipal.notice_unknown_aux', { aux }));
  }
}

/** Why a notice number is not acceptable, or null. */
export function noticeProblem(raw: string): Message | null {
  const r = parseNotice(raw);
  return r.ok ? null : r.problem;
}

/** The IUV of a valid notice number (payments and receipts match on it). */
export function iuvOf(notice: string): string {
  const r = parseNotice(notice);
  if (!r.ok) throw new MunicipalInputError(r.problem, 'notice');
  return r.value.iuv;
}

/** The printed form: groups of 4 from the left, one space between ("3012 3456 7890 1234 56"). */
export function printedNotice(notice: string): string {
  const code = notice.replace(/\s+/g, '');
  return (code.match(/.{1,4}/g) ?? []).join(' ');
}

/** The largest amount the QR code carries: 10 digits of cents (the IO app reads at most 10). */
export const QR_MAX_CENTS = 9_999_999_999n;
const CF_ENTE = /^\d{11}$/;

/**
 * The pagoPA QR payload `PAGOPA|002|<notice 18>|<cf ente 11>|<cents>`. Cents are padded to at least
 * 2 digits (the spec's minimum) and refused beyond 10 (the IO app parses 1–10 digits), so every
 * reader accepts what incasso prints (municipal-notes.md §2.5).
 */
export function pagopaQrPayload(notice: string, cfEnte: string, amount: string): string {
  const n = parseNotice(notice);
  if (!n.ok) throw new MunicipalInputError(n.problem, 'notice');
  if (!CF_ENTE.test(cfEnte)) throw new MunicipalInputError(msg('municipal.cf_ente', { value: cfEnte }), 'cfEnte');
  const problem = moneyIssue(amount);
  if (problem) throw new MunicipalInputError(problem, 'amount');
  const cents = BigInt(money(amount.trim()).times(100).toFixed(0));
  if (cents < 1n || cents > QR_MAX_CENTS) throw new MunicipalInputError(msg('municipal.qr_amount_range', { amount: amountParam(amount.trim(), 'EUR') }), 'amount');
  return `PAGOPA|002|${n.value.code}|${cfEnte}|${String(cents).padStart(2, '0')}`;
}

export interface PagopaQr {
  notice: Notice;
  cfEnte: string;
  cents: string;
  /** The amount in euro, two decimals ("150.00"). */
  amount: string;
}

/** Reads a pagoPA QR payload, accepting 1–11 amount digits (both padded and unpadded forms circulate). */
export function parsePagopaQr(payload: string): Result<PagopaQr> {
  const m = /^PAGOPA\|002\|(\d{18})\|(\d{11})\|(\d{1,11})$/.exec(payload.trim());
  if (!m) return fail(msg('municipal.qr_format'));
  const notice = parseNotice(m[1]!);
  if (!notice.ok) return notice;
  const cents = m[3]!.replace(/^0+(?=\d)/, '');
  return ok({ notice: notice.value, cfEnte: m[2]!, cents, amount: money(cents).dividedBy(100).toFixed(2) });
}
