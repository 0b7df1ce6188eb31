/**
 * Payment references derived from a claim, so that an incoming payment names the claim it pays.
 *
 * - **RF creditor reference** (ISO 11649, "SCOR" on the Swiss QR-bill, usable in SEPA transfers):
 *   "RF" + 2 check digits + 1–21 letters or digits; check = 98 − (payload + "RF00" as digits mod 97),
 *   letters counting A = 10 … Z = 35. Valid when (payload + "RF" + check) mod 97 = 1.
 * - **QR reference** (QRR, Swiss QR-bill with a QR-IBAN only): 27 digits, the last one the check
 *   digit "modulo 10 recursive" of the old ISR slips (SIX Swiss Implementation Guidelines QR-bill).
 *
 * How a claim maps into them ({@link claimReferenceBase}): the claim's per-tenant sequence number
 * (a positive integer, e.g. 1042), optionally behind a digit prefix that names a creditor or a kind
 * of document (e.g. "7" for "message numbers" when one reference pays a bundled message). The base
 * is digits only, at most 21 of them, so the same base fits both an RF (21 characters) and a QRR
 * (26 digits before the check digit). The QRR keeps the prefix in front and pads the number with
 * zeros in between, so the prefix is always at the same place: prefix "12", claim 1042 →
 * "12" + "000…0001042" (26 digits) + check. {@link claimNumberFromReference} reverses both.
 */

const RF_PATTERN = /^RF(\d{2})([A-Z0-9]{1,21})$/;
const BASE_PATTERN = /^[A-Z0-9]{1,21}$/;

/** Upper case without spaces: how references are typed and printed in groups of four. */
const compact = (ref: string) => ref.replace(/\s+/g, '').toUpperCase();

/** The number (as digits) modulo 97, letters expanded to two digits each (A = 10 … Z = 35). */
function mod97(alphanumeric: string): number {
  let rest = 0;
  for (const ch of alphanumeric) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? code - 55 : code - 48;
    rest = value >= 10 ? (rest * 100 + value) % 97 : (rest * 10 + value) % 97;
  }
  return rest;
}

/**
 * The RF creditor reference for a base of 1–21 letters or digits (spaces ignored, lower case
 * accepted). Throws on anything else.
 */
/**
 * The digits our references start with: a letter about one claim carries the claim's number after
 * `1`; a letter about several carries the communication's number after `2` (the communication lists
 * its claims); a plan's payment slip carries its instalment's number after `3` (the plan lists its
 * positions). A bank statement's reference is read back the same way (src/domain/bank/clues.ts).
 */
export const CLAIM_REFERENCE_PREFIX = '1';
export const COMMUNICATION_REFERENCE_PREFIX = '2';
export const PLAN_INSTALMENT_REFERENCE_PREFIX = '3';

export function rfReference(base: string): string {
  const payload = compact(base);
  if (!BASE_PATTERN.test(payload)) {
    throw new RangeError(`invalid RF reference base, 1–21 letters or digits: ${base}`);
  }
  const check = 98 - mod97(`${payload}RF00`);
  return `RF${String(check).padStart(2, '0')}${payload}`;
}

/**
 * Whether a reference is a valid RF creditor reference (spaces and lower case tolerated). Check digits
 * 00, 01 and 99 are never produced by the algorithm and are refused, as for IBANs.
 */
export function isValidRf(reference: string): boolean {
  const m = RF_PATTERN.exec(compact(reference));
  if (!m) return false;
  const check = Number(m[1]);
  if (check < 2 || check > 98) return false;
  return mod97(`${m[2]}RF${m[1]}`) === 1;
}

/** The table of the recursive modulo-10 check digit (SIX IG QR-bill, ex ISR/ESR). */
const MOD10_TABLE = [0, 9, 4, 6, 8, 2, 7, 1, 3, 5] as const;

/** The check digit of a string of digits, modulo 10 recursive. */
export function mod10Recursive(digits: string): number {
  if (!/^\d*$/.test(digits)) throw new RangeError(`digits only: ${digits}`);
  let carry = 0;
  for (const ch of digits) carry = MOD10_TABLE[(carry + Number(ch)) % 10] ?? 0;
  return (10 - carry) % 10;
}

/**
 * The 27-digit Swiss QR reference for up to 26 digits (spaces ignored): left-padded with zeros to 26,
 * followed by the check digit. Throws on anything else.
 */
export function qrrReference(digits: string): string {
  const payload = digits.replace(/\s+/g, '');
  if (!/^\d{1,26}$/.test(payload)) {
    throw new RangeError(`a QR reference needs 1–26 digits: ${digits}`);
  }
  const padded = payload.padStart(26, '0');
  return `${padded}${mod10Recursive(padded)}`;
}

/** Whether a reference is a valid 27-digit QR reference (spaces tolerated). */
export function isValidQrr(reference: string): boolean {
  const ref = reference.replace(/\s+/g, '');
  if (!/^\d{27}$/.test(ref)) return false;
  return mod10Recursive(ref.slice(0, 26)) === Number(ref[26]);
}

/** RF in groups of four ("RF18 5390 0754 7034"), as printed on slips and letters. */
export function formatRf(reference: string): string {
  return compact(reference).replace(/(.{4})(?=.)/g, '$1 ');
}

/** QRR as printed on the QR-bill: 2 digits, then groups of five ("21 00000 00003 13947 14300 09017"). */
export function formatQrr(reference: string): string {
  const ref = reference.replace(/\s+/g, '');
  return `${ref.slice(0, 2)} ${ref.slice(2).replace(/(.{5})(?=.)/g, '$1 ')}`;
}

/**
 * The digits a claim's references are built from: `prefix` (digits, may be empty) followed by the
 * claim's per-tenant sequence number without leading zeros. At most 21 digits in all. Throws for a
 * number that is not a positive integer, or a prefix that is not digits.
 */
export function claimReferenceBase(claimNumber: string | bigint, prefix = ''): string {
  const raw = typeof claimNumber === 'bigint' ? claimNumber.toString() : claimNumber.trim();
  if (!/^\d+$/.test(raw) || /^0+$/.test(raw)) {
    throw new RangeError(`claim number must be a positive integer: ${raw}`);
  }
  if (!/^\d*$/.test(prefix)) throw new RangeError(`reference prefix, digits only: ${prefix}`);
  const base = `${prefix}${raw.replace(/^0+/, '')}`;
  if (base.length > 21) {
    throw new RangeError(`reference base longer than 21 digits: ${base}`);
  }
  return base;
}

/** Both references of a claim: RF (any IBAN, SEPA) and QRR (Swiss QR-IBAN only). */
export function claimReferences(claimNumber: string | bigint, prefix = ''): { rf: string; qrr: string } {
  const base = claimReferenceBase(claimNumber, prefix);
  const number = base.slice(prefix.length);
  return { rf: rfReference(base), qrr: qrrReference(`${prefix}${number.padStart(26 - prefix.length, '0')}`) };
}

/**
 * The claim number an incoming RF or QR reference names, when it is valid and carries `prefix`;
 * otherwise null (someone else's reference, a typo the check digits caught, a different prefix).
 */
export function claimNumberFromReference(reference: string, prefix = ''): string | null {
  const ref = compact(reference);
  let rest: string;
  if (ref.startsWith('RF')) {
    if (!isValidRf(ref)) return null;
    const base = ref.slice(4);
    if (!base.startsWith(prefix)) return null;
    rest = base.slice(prefix.length);
  } else {
    if (!isValidQrr(ref)) return null;
    const payload = ref.slice(0, 26);
    if (!payload.startsWith(prefix)) return null;
    rest = payload.slice(prefix.length);
  }
  if (!/^\d+$/.test(rest)) return null;
  const number = rest.replace(/^0+/, '');
  return number === '' ? null : number;
}
