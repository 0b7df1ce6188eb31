import { codiceFiscaleCheckChar, partitaIvaCheckDigit, swissUidCheckDigit } from '../../domain/tax-ids.ts';
import type { Rng } from './random.ts';

/**
 * Builders of well-formed identifiers for the demo data: codici fiscali computed from name, birth
 * date and place, partite IVA, Swiss UIDs, IBANs and QR references, all with correct check digits.
 */

const MONTH_LETTERS = 'ABCDEHLMPRST';

function lettersOnly(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
}

const isVowel = (c: string) => 'AEIOU'.includes(c);

function surnameCode(surname: string): string {
  const l = lettersOnly(surname);
  const cons = [...l].filter((c) => !isVowel(c)).join('');
  const vows = [...l].filter(isVowel).join('');
  return `${cons}${vows}XXX`.slice(0, 3);
}

function nameCode(name: string): string {
  const l = lettersOnly(name);
  const cons = [...l].filter((c) => !isVowel(c));
  if (cons.length >= 4) return `${cons[0]}${cons[2]}${cons[3]}`;
  const vows = [...l].filter(isVowel).join('');
  return `${cons.join('')}${vows}XXX`.slice(0, 3);
}

/** The 16-character codice fiscale of a person born on birthDate (YYYY-MM-DD) in the given Belfiore place. */
export function codiceFiscale(p: { lastName: string; firstName: string; birthDate: string; female: boolean; belfiore: string }): string {
  const year = p.birthDate.slice(2, 4);
  const month = MONTH_LETTERS[Number(p.birthDate.slice(5, 7)) - 1]!;
  const day = Number(p.birthDate.slice(8, 10)) + (p.female ? 40 : 0);
  const first15 = `${surnameCode(p.lastName)}${nameCode(p.firstName)}${year}${month}${String(day).padStart(2, '0')}${p.belfiore}`;
  return first15 + codiceFiscaleCheckChar(first15);
}

/**
 * An 11-digit partita IVA (or numeric codice fiscale of an entity): 7 digits of serial number,
 * 3 of the provincial office, 1 check digit. `lead` forces the first digit (8 for public bodies).
 */
export function partitaIva(rng: Rng, office: string, lead?: string): string {
  const serial = lead ? `${lead}${rng.digits(6)}` : `0${rng.int(1, 9)}${rng.digits(5)}`;
  const first10 = `${serial}${office}`;
  return `${first10}${partitaIvaCheckDigit(first10)}`;
}

/** A Swiss UID, CHE-123.456.789, with its modulo-11 check digit (retries the numbers never issued). */
export function swissUid(rng: Rng): string {
  for (;;) {
    const first8 = `${rng.int(1, 9)}${rng.digits(7)}`;
    const check = swissUidCheckDigit(first8);
    if (check === null) continue;
    const v = `${first8}${check}`;
    return `CHE-${v.slice(0, 3)}.${v.slice(3, 6)}.${v.slice(6, 9)}`;
  }
}

function mod97(digitsAndLetters: string): number {
  let remainder = 0;
  for (const ch of digitsAndLetters) {
    const code = ch.charCodeAt(0);
    const digits = code >= 65 ? String(code - 55) : ch;
    for (const d of digits) remainder = (remainder * 10 + (d.charCodeAt(0) - 48)) % 97;
  }
  return remainder;
}

/** IBAN (electronic form) from country and BBAN, computing the two ISO 13616 check digits. */
export function iban(country: string, bban: string): string {
  const check = 98 - mod97(`${bban}${country}00`);
  return `${country}${String(check).padStart(2, '0')}${bban}`;
}

// Italian BBAN check character (CIN): odd positions go through this table, even ones count as themselves.
const CIN_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

function cinValue(ch: string): number {
  const code = ch.charCodeAt(0);
  return code >= 65 ? code - 65 : code - 48;
}

export function italianIban(abi: string, cab: string, account: string): string {
  const rest = `${abi}${cab}${account.padStart(12, '0')}`;
  let sum = 0;
  for (let i = 0; i < rest.length; i++) {
    const v = cinValue(rest[i]!);
    sum += i % 2 === 0 ? CIN_ODD[v]! : v;
  }
  const cin = String.fromCharCode(65 + (sum % 26));
  return iban('IT', `${cin}${rest}`);
}

export function swissIban(clearing: string, account: string): string {
  return iban('CH', `${clearing.padStart(5, '0')}${account.padStart(12, '0')}`);
}

const MOD10_TABLE = [0, 9, 4, 6, 8, 2, 7, 1, 3, 5];

/** A 27-digit QR reference (Swiss QR-bill) with its recursive modulo-10 check digit. */
export function qrReference(rng: Rng): string {
  const body = rng.digits(26);
  let carry = 0;
  for (const d of body) carry = MOD10_TABLE[(carry + Number(d)) % 10]!;
  return `${body}${(10 - carry) % 10}`;
}

/** Lower-case ASCII slug for e-mail addresses: "Dell'Acqua Mario" → "dellacquamario". */
export function mailSlug(s: string, max = 24): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, 'e')
    .replace(/soc\.\s*coop\./g, '')
    .replace(/(^|\s)(s\.r\.l\.(?:s\.)?|s\.p\.a\.|s\.n\.c\.|s\.a\.s\.|ag|gmbh|sa|sagl|sarl)(?=\s|$)/g, ' ')
    .replace(/[^a-z0-9]/g, '')
    .slice(0, max);
}
