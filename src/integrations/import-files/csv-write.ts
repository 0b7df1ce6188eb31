/** Characters that make a spreadsheet treat a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
/**
 * A plain signed number, in Italian or English notation (`-350,00`, `-1.234,56`, `-12.50`, `-1,234.56`,
 * `+5`): a spreadsheet reads it as a number and it can run nothing, so it is written as it is.
 */
const PLAIN_NUMBER = /^[-+]?(?:\d+|\d{1,3}(?:([.,'])\d{3})(?:\1\d{3})*)(?:[.,]\d+)?$/;
/** Quoting on all three delimiters we read keeps `csvCell` safe whatever delimiter the line uses. */
const NEEDS_QUOTES = /[;,\t"\r\n]/;

function cell(value: string | null | undefined, delimiter: string | null): string {
  if (value === null || value === undefined || value === '') return '';
  const text = FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  const quote = NEEDS_QUOTES.test(text) || (delimiter !== null && text.includes(delimiter));
  return quote ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * One cell for an export (rejected rows, reports). A value starting with = + - @, tab or CR gets a
 * leading ' so that Excel or LibreOffice never run it as a formula (OWASP "CSV injection"); a plain
 * signed number (`-350,00`, `-12.50`) is no formula and stays as it is. Cells with a delimiter, a quote, CR or LF are quoted,
 * quotes doubled. null and undefined are empty cells.
 */
export function csvCell(value: string | null | undefined): string {
  return cell(value, null);
}

/** A whole CSV line of `csvCell`s, `;`-separated by default, ending with CRLF (what Excel expects). */
export function csvLine(values: (string | null | undefined)[], delimiter = ';'): string {
  if (delimiter.length !== 1 || /["\r\n]/.test(delimiter)) throw new RangeError(`Invalid delimiter: ${JSON.stringify(delimiter)}`);
  return values.map((v) => cell(v, delimiter)).join(delimiter) + '\r\n';
}
