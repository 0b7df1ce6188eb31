import { dateIssue } from '../dates.ts';
import { msg, encodeMessage, type Message } from '../messages/index.ts';
import { amountIssue, MONEY_PATTERN } from '../money.ts';

/**
 * Reading the text cells of an imported file: amounts written the Italian, Swiss, German, French or
 * English way, day-first dates, yes/no words and free text. Each reader answers the normalised value
 * or a specific reason naming the cell's value, as a coded message (`import.*`, rendered in the
 * reader's language where it is shown).
 */

export type Parsed<T> = { value: T } | { problem: Message };

export type DecimalSign = ',' | '.';

/** Shortens a cell for a message, so a 5000-character cell does not flood the report. */
export function quote(raw: string, max = 40): string {
  const s = raw.trim();
  return `"${s.length > max ? `${s.slice(0, max)}…` : s}"`;
}

// ---------------------------------------------------------------------------------------------
// Amounts

const CURRENCY_MARKS: readonly (readonly [RegExp, 'EUR' | 'CHF'])[] = [
  [/^(?:€|euro|eur)\s*/i, 'EUR'],
  [/\s*(?:€|euro|eur)$/i, 'EUR'],
  [/^(?:chf|sfr\.?|fr\.)\s*/i, 'CHF'],
  [/\s*(?:chf|sfr\.?|fr\.)$/i, 'CHF'],
];

/** Removes a currency sign or code before or after the number; null when it names two currencies. */
function stripCurrency(raw: string): { rest: string; currency: 'EUR' | 'CHF' | undefined } | null {
  let s = raw.trim();
  let currency: 'EUR' | 'CHF' | undefined;
  for (const [re, code] of CURRENCY_MARKS) {
    if (re.test(s)) {
      if (currency && currency !== code) return null;
      currency = code;
      s = s.replace(re, '');
    }
  }
  return { rest: s.trim(), currency };
}

/** Spaces that people and spreadsheets put between thousands: space, no-break, narrow no-break, thin. */
const GROUP_SPACES = /[ \u00a0\u202f\u2009]/g;
const HAS_GROUP_SPACE = /[ \u00a0\u202f\u2009]/;
/** Swiss thousands separators: apostrophe, right single quotation mark, modifier apostrophe. */
const APOSTROPHES = /['\u2019\u02bc]/g;
const HAS_APOSTROPHE = /['\u2019\u02bc]/;

/**
 * An amount cell as an exact decimal string with two decimals ("1234.50").
 *
 * Accepts `1.234,56` `1234,56` `1234.56` `1,234.56` `1'234.56` `1 234,56`, a currency sign or code
 * before or after (`€`, `EUR`, `CHF`, `Fr.`, `SFr.`, reported back as `currency`), and surrounding
 * spaces. When both `.` and `,` appear, the last one is the decimal sign. A single separator followed
 * by one or two digits is the decimal sign. A single separator followed by exactly three digits
 * ("1.234", "1,234") is ambiguous: it is a thousands separator only when the file's decimal sign is
 * set explicitly to the other one; with `auto` it is refused, asking for the file's setting.
 * Zero, negative amounts, more than two decimals, exponents and letters are refused.
 */
export function parseAmount(raw: string, decimal: DecimalSign | 'auto' = 'auto'): { value: string; currency?: 'EUR' | 'CHF' } | { problem: Message } {
  const shown = quote(raw);
  if (raw.trim() === '') return { problem: msg('import.amount.missing') };
  const stripped = stripCurrency(raw);
  if (!stripped) return { problem: msg('import.amount.two_currencies', { value: shown }) };
  const currency = stripped.currency;
  let s = stripped.rest;

  const negative = /^[-−–]|[-−–]$|^\(.*\)$/.test(s);
  if (negative) {
    return { problem: msg('import.amount.negative', { value: shown }) };
  }
  if (s.startsWith('+')) s = s.slice(1).trim();
  if (/^\d+(?:[.,]\d+)?e[+-]?\d+$/i.test(s)) {
    return { problem: msg('import.amount.exponent', { value: shown }) };
  }
  if (!/^[\d.,'\u2019\u02bc \u00a0\u202f\u2009]+$/.test(s) || !/\d/.test(s)) {
    return { problem: msg('import.amount.not_digits', { value: shown }) };
  }

  const split = splitAmount(s, decimal);
  if ('problem' in split) return { problem: msg(split.problem.code, { ...split.problem.params, value: shown }) };
  const { int, frac } = split;
  if (frac.length > 2) {
    return { problem: msg('import.amount.too_many_decimals', { value: shown }) };
  }
  const intDigits = int.replace(/^0+(?=\d)/, '') || '0';
  const canonical = frac ? `${intDigits}.${frac}` : intDigits;
  if (!MONEY_PATTERN.test(canonical)) {
    return { problem: msg('import.amount.too_large', { value: shown }) };
  }
  const guard = amountIssue(canonical);
  if (guard) return { problem: msg('import.amount.refused', { value: shown, reason: encodeMessage(guard) }) };
  // Two decimals by padding: exact, and no Decimal needed for a string already in canonical form.
  const value = `${intDigits}.${frac.padEnd(2, '0')}`;
  if (/^0\.00$/.test(value)) {
    return { problem: msg('import.amount.zero', { value: shown }) };
  }
  return currency ? { value, currency } : { value };
}

/**
 * Splits a cleaned amount into integer digits and decimal digits, checking the thousands groups. A
 * problem's message lacks the `value` param: the caller adds the cell as shown.
 */
function splitAmount(s: string, decimal: DecimalSign | 'auto'): { int: string; frac: string } | { problem: Message } {
  const hasApostrophe = HAS_APOSTROPHE.test(s);
  const hasSpace = HAS_GROUP_SPACE.test(s);
  const compact = s.replace(APOSTROPHES, "'").replace(GROUP_SPACES, ' ');
  const dots = count(compact, '.');
  const commas = count(compact, ',');

  let decimalSign: DecimalSign | null = null;
  if (dots > 0 && commas > 0) {
    decimalSign = compact.lastIndexOf('.') > compact.lastIndexOf(',') ? '.' : ',';
    if (count(compact, decimalSign) > 1) {
      return { problem: msg('import.amount.inconsistent_separators') };
    }
  } else if (dots + commas > 0) {
    const sign: DecimalSign = dots > 0 ? '.' : ',';
    const n = dots + commas;
    const after = compact.slice(compact.lastIndexOf(sign) + 1);
    if (n > 1) {
      // 1.234.567: several of the same sign are thousands separators.
      if (decimal === sign) {
        return { problem: msg('import.amount.repeated_decimal_sign', { sign }) };
      }
      decimalSign = null;
    } else if (hasApostrophe || hasSpace) {
      // 1'234.50, 1 234,50: the other separator groups thousands, so this one is the decimal sign.
      decimalSign = sign;
    } else if (after.length === 3) {
      if (decimal === 'auto') {
        const other = sign === '.' ? ',' : '.';
        return { problem: msg('import.amount.ambiguous', { sign, other, plain: compact.replace(sign, '') }) };
      }
      decimalSign = decimal === sign ? sign : null;
    } else {
      decimalSign = sign;
    }
  }

  const thousands = compact.replace(/[.,]/g, (m) => (m === decimalSign ? '#' : "'"));
  const [intPart = '', fracPart = '', ...rest] = thousands.split('#');
  if (rest.length > 0) return { problem: msg('import.amount.several_decimal_signs') };
  if (decimalSign && fracPart === '') return { problem: msg('import.amount.no_decimals') };
  if (/['\s]/.test(fracPart)) return { problem: msg('import.amount.grouping_in_decimals') };

  const groups = intPart.split(/['\s]/);
  if (groups.length > 1) {
    const [first, ...others] = groups;
    if (!first || first.length > 3 || others.some((g) => g.length !== 3)) {
      return { problem: msg('import.amount.misplaced_grouping') };
    }
  }
  return { int: groups.join('') || '0', frac: fracPart };
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

/**
 * The decimal sign of a file, from many of its amount cells: "1.234,56" says ",", "12.50" says ".",
 * "1,234,567" says "." (commas group thousands); "1.234" says nothing. Returns null when no cell
 * decides, or when cells disagree and neither sign has at least nine votes in ten — the caller then
 * asks the person importing.
 */
export function detectDecimal(samples: readonly string[]): DecimalSign | null {
  let comma = 0;
  let dot = 0;
  for (const raw of samples) {
    const vote = decimalVote(raw);
    if (vote === ',') comma++;
    else if (vote === '.') dot++;
  }
  if (comma === 0 && dot === 0) return null;
  if (comma >= 9 * dot) return ',';
  if (dot >= 9 * comma) return '.';
  return null;
}

function decimalVote(raw: string): DecimalSign | null {
  const stripped = stripCurrency(raw);
  if (!stripped) return null;
  const s = stripped.rest.replace(/^[+]/, '').replace(APOSTROPHES, "'").replace(GROUP_SPACES, ' ');
  if (!/^[\d.,' ]+$/.test(s) || !/\d/.test(s)) return null;
  const dots = count(s, '.');
  const commas = count(s, ',');
  if (dots > 0 && commas > 0) return s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
  if (dots + commas === 0) return null;
  const sign: DecimalSign = dots > 0 ? '.' : ',';
  const other: DecimalSign = sign === '.' ? ',' : '.';
  if (dots + commas > 1) return other;
  if (/['\s]/.test(s)) return sign;
  const after = s.length - s.lastIndexOf(sign) - 1;
  if (after === 1 || after === 2) return sign;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Dates

/**
 * A date cell as 'YYYY-MM-DD'. Accepts day-first `dd/mm/yyyy`, `d/m/yyyy`, `dd.mm.yyyy`,
 * `dd-mm-yyyy`, ISO `yyyy-mm-dd` and ISO date-times (the date part is taken, as written). Two-digit
 * years are refused (1925 or 2025?), as are impossible dates (31/04/2025) and years outside the range
 * of `dateProblem`; every message names the cell's value.
 */
export function parseDate(raw: string): Parsed<string> {
  const s = raw.trim();
  const shown = quote(s);
  if (s === '') return { problem: msg('import.date.missing') };

  const parts = dateParts(s);
  if (!parts) {
    const short = /^(\d{1,2}([/.-])\d{1,2}\2)(\d{2})$/.exec(s);
    if (short) {
      const [, dayMonth, , yy] = short;
      return { problem: msg('import.date.two_digit_year', { value: shown, example: `${dayMonth}20${yy}`, other: `${dayMonth}19${yy}` }) };
    }
    if (/^\d{5}(?:[.,]\d+)?$/.test(s)) {
      return { problem: msg('import.date.serial_number', { value: shown }) };
    }
    return { problem: msg('import.date.invalid', { value: shown }) };
  }
  const { y, m, d } = parts;
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || !existsInCalendar(iso)) {
    const monthFirst = month > 12 && day <= 12;
    return { problem: msg(monthFirst ? 'import.date.month_first' : 'import.date.not_in_calendar', { value: shown }) };
  }
  const issue = dateIssue(iso);
  if (issue?.code === 'date.out_of_range') return { problem: msg('import.date.out_of_range', { value: shown, ...issue.params }) };
  if (issue) return { problem: msg('import.date.refused', { value: shown, reason: encodeMessage(issue) }) };
  return { value: iso };
}

function dateParts(s: string): { y: string; m: string; d: string } | null {
  // ISO date, or ISO date-time of which the date is taken as written.
  let match = /^(\d{4})-(\d{2})-(\d{2})(?:T.*|\s+\d{1,2}:\d{2}.*)?$/.exec(s);
  if (match) return { y: match[1]!, m: match[2]!, d: match[3]! };
  match = /^(\d{4})([/.])(\d{1,2})\2(\d{1,2})$/.exec(s);
  if (match) return { y: match[1]!, m: match[3]!, d: match[4]! };
  // Day first, as written in Italy, Switzerland, Germany and France; a time after it is ignored.
  match = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:\s+\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)?$/.exec(s);
  if (match) return { y: match[4]!, m: match[3]!, d: match[1]! };
  return null;
}

/** Whether 'YYYY-MM-DD' is a day of the Gregorian calendar (arithmetic: this runs for every cell). */
function existsInCalendar(iso: string): boolean {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= days;
}

// ---------------------------------------------------------------------------------------------
// Yes / no

const YES = new Set(['si', 'sì', 'sí', 's', 'yes', 'y', 'ja', 'j', 'oui', 'x', '1', 'true', 'vero', 'wahr', 'vrai']);
const NO = new Set(['', 'no', 'n', 'nein', 'non', '0', 'false', 'falso', 'falsch', 'faux', '-']);

/** A yes/no cell: sì/si/yes/ja/oui/x/1/true → true; no/nein/non/0/false/empty → false. */
export function parseYesNo(raw: string): Parsed<boolean> {
  const s = raw.trim().toLowerCase().replace(/\.$/, '');
  if (YES.has(s)) return { value: true };
  if (NO.has(s)) return { value: false };
  return { problem: msg('import.yes_no', { value: quote(raw) }) };
}

// ---------------------------------------------------------------------------------------------
// Text

// C0 and C1 control characters (whitespace among them becomes a space first), zero-width characters
// and the byte-order mark.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200d\u2060\ufeff]/g;

/**
 * Free text: trimmed, runs of whitespace (tabs and line breaks included) collapsed to one space,
 * control and zero-width characters removed. Refused when longer than `max` characters (counted as
 * Unicode code points). An empty cell gives ''.
 */
export function cleanText(raw: string, max: number): Parsed<string> {
  const s = raw.replace(/[\t\n\r\u2028\u2029]/g, ' ').replace(CONTROL, '').replace(/\s+/g, ' ').trim();
  const length = [...s].length;
  if (length > max) {
    return { problem: msg('import.text.too_long', { value: quote(s), length, max }) };
  }
  return { value: s };
}
