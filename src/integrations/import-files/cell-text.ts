/**
 * Spreadsheet cell values to text, at once (the stack's rule: exceljs gives floats and JS Dates,
 * convert them immediately). The rest of the import works on text only, like for CSV.
 */

/**
 * The shortest decimal text of a number, never in exponent form. Excel keeps 15 significant digits
 * but may store binary noise beyond them (`1234.5699999999999`): non-integers with more than 15
 * significant digits are rounded to 15. Integers are left exact (long ids written by other tools).
 */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (n === 0) return '0';
  let text = String(n);
  if (!Number.isInteger(n) && significantDigits(text) > 15) text = String(Number(n.toPrecision(15)));
  return text.includes('e') ? expandExponent(text) : text;
}

/** Significant digits of JavaScript's shortest representation (`'-0.00125'` → 3, `'1.5e-7'` → 2). */
function significantDigits(text: string): number {
  const mantissa = text.replace(/^-/, '').split('e')[0]!.replace('.', '');
  return mantissa.replace(/^0+/, '').length;
}

/** `'1e+21'` → `'1000000000000000000000'`, `'1.5e-7'` → `'0.00000015'`. */
function expandExponent(text: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, whole, fraction = '', exponent] = match;
  const digits = whole! + fraction;
  const point = whole!.length + Number(exponent);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** 'YYYY-MM-DD' from the UTC fields (exceljs builds dates in UTC); '' for an invalid date. */
export function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999) return '';
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

/** Excel's serial day number to a UTC date (the same arithmetic exceljs uses for date cells). */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** Whether a number format shows a date or time (exceljs's own rule, so both agree). */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const visible = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(visible);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * A cell's value as exceljs's streaming reader gives it, to text: strings as they are, numbers by
 * `numberText`, booleans 'true'/'false', dates 'YYYY-MM-DD', rich text joined, formulas by their
 * cached result ('' when none; a number in a date format is a date), hyperlinks by their text,
 * errors such as #N/A as ''.
 */
export function cellText(value: unknown, numFmt: string | undefined, date1904: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return isDateFormat(numFmt) ? dateText(serialToDate(value, date1904)) : numberText(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return dateText(value);
  if (!isRecord(value)) return '';
  if ('error' in value) return '';
  if (Array.isArray(value.richText)) {
    return value.richText.map((run: unknown) => (isRecord(run) && typeof run.text === 'string' ? run.text : '')).join('');
  }
  if ('formula' in value || 'sharedFormula' in value || 'result' in value) {
    const result = value.result;
    if (typeof result === 'number' && Number.isNaN(result)) return '';
    return isRecord(result) && !(result instanceof Date) && 'error' in result ? '' : cellText(result, numFmt, date1904);
  }
  if ('text' in value) return cellText(value.text, numFmt, date1904);
  return '';
}
