/**
 * What a person's codice fiscale (D.M. 23/12/1976) says about them: three letters from the surname,
 * three from the first name, birth year, month letter and day (+40 for women). Used to check a row's
 * name and birth date against its codice fiscale and to split "ROSSI MARIO" the way the code says.
 * The code itself is validated by `validateCodiceFiscale` (check character, omocodia).
 */
import { msg, type Message } from '../messages/index.ts';

const lettersOf = (s: string) =>
  s
    .toUpperCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Z]/g, '');
const consonantsOf = (s: string) => s.replace(/[AEIOU]/g, '');
const vowelsOf = (s: string) => s.replace(/[^AEIOU]/g, '');

/** The three surname letters: consonants, then vowels, then X. "ROSSI" → "RSS", "FO" → "FOX". */
export function cfSurnameCode(surname: string): string {
  const l = lettersOf(surname);
  return (consonantsOf(l) + vowelsOf(l) + 'XXX').slice(0, 3);
}

/** The three first-name letters: with four or more consonants the 1st, 3rd and 4th. "MARIO" → "MRA", "GIANFRANCO" → "GFR". */
export function cfFirstNameCode(firstName: string): string {
  const l = lettersOf(firstName);
  const c = consonantsOf(l);
  if (c.length >= 4) return c[0]! + c[2]! + c[3]!;
  return (c + vowelsOf(l) + 'XXX').slice(0, 3);
}

const OMOCODIA: Record<string, string> = { L: '0', M: '1', N: '2', P: '3', Q: '4', R: '5', S: '6', T: '7', U: '8', V: '9' };
const MONTHS = 'ABCDEHLMPRST';

const digits = (s: string) => s.replace(/[LMNPQRSTUV]/g, (c) => OMOCODIA[c]!);

export interface CfBirth {
  /** Two-digit year: the century is not in the code. */
  yy: number;
  month: number;
  day: number;
  female: boolean;
}

/** The birth data of a 16-character codice fiscale (omocodia letters read back as digits), or null. */
export function cfBirth(cf: string): CfBirth | null {
  if (cf.length !== 16) return null;
  const yy = Number(digits(cf.slice(6, 8)));
  const month = MONTHS.indexOf(cf[8]!) + 1;
  const rawDay = Number(digits(cf.slice(9, 11)));
  if (!Number.isInteger(yy) || month === 0 || !Number.isInteger(rawDay)) return null;
  const female = rawDay > 40;
  return { yy, month, day: female ? rawDay - 40 : rawDay, female };
}

/** Why the birth date inside a codice fiscale cannot be real (day 35, 30 February), or null. */
export function cfBirthProblem(cf: string): Message | null {
  const b = cfBirth(cf);
  if (!b) return null;
  // Either century may be meant: 29 February needs a two-digit year divisible by four (2000 was leap).
  const daysInMonth = b.month === 2 ? (b.yy % 4 === 0 ? 29 : 28) : [4, 6, 9, 11].includes(b.month) ? 30 : 31;
  if (b.day < 1 || b.day > daysInMonth) {
    return msg('import.cf_impossible_birth_day', { taxCode: cf, day: `${String(b.day).padStart(2, '0')}/${String(b.month).padStart(2, '0')}` });
  }
  return null;
}

/** Whether a birth date 'YYYY-MM-DD' is the one a codice fiscale encodes (for either sex). */
export function cfMatchesBirthDate(cf: string, birthDate: string): boolean {
  const b = cfBirth(cf);
  if (!b) return true;
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  return y % 100 === b.yy && m === b.month && d === b.day;
}

/** Whether a surname (and a first name, when given) give the letters a codice fiscale starts with. */
export function cfMatchesName(cf: string, lastName: string, firstName: string | null): boolean {
  if (cfSurnameCode(lastName) !== cf.slice(0, 3)) return false;
  return firstName === null || cfFirstNameCode(firstName) === cf.slice(3, 6);
}
