/** Characters that make a spreadsheet treat a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Quoting on all three delimiters we read keeps `csvCell` safe whatever delimiter the line uses. */
const NEEDS_QUOTES = /[;,\t"\r\n]/;

function cell(value: string | null | undefined, delimiter: string | null): string {
  if (value === null || value === undefined || value === '') return '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  const quote = NEEDS_QUOTES.test(text) || (delimiter !== null && text.includes(delimiter));
  return quote ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * One cell for an export (rejected rows, reports). A value starting with = + - @, tab or CR gets a
 * leading ' so that Excel or LibreOffice never run it as a formula — this also turns `-12.50` into
 * `'-12.50`, the accepted price of the OWASP rule (write negative amounts in a column the reader
 * knows is numeric, or accept the apostrophe). Cells with a delimiter, a quote, CR or LF are quoted,
 * quotes doubled. null and undefined are empty cells.
 */
export function csvCell(value: string | null | undefined): string {
  return cell(value, null);
}

/** A whole CSV line of `csvCell`s, `;`-separated by default, ending with CRLF (what Excel expects). */
export function csvLine(values: (string | null | undefined)[], delimiter = ';'): string {
  if (delimiter.length !== 1 || /["\r\n]/.test(delimiter)) throw new RangeError(`Separatore non valido: ${JSON.stringify(delimiter)} (invalid delimiter)`);
  return values.map((v) => cell(v, delimiter)).join(delimiter) + '\r\n';
}
