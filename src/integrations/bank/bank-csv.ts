import { parseDate } from '../../domain/dates.ts';
import { msg, type Message } from '../../domain/messages/index.ts';
import { csvAmount, csvDate, CsvFileError, headerKey, readCsvRows, type CsvRow } from './csv-rows.ts';

/**
 * A bank's CSV export (issue 15 item 4) read with the tenant's saved mapping: each row one
 * transaction of the mapped account. Hostile cells stay text (nothing is evaluated); a row that
 * cannot be read is a problem with its line, the others are read.
 */
export interface BankCsvColumns {
  date: string;
  valueDate?: string | null;
  amount?: string | null;
  sign?: string | null;
  credit?: string | null;
  debit?: string | null;
  payer?: string | null;
  iban?: string | null;
  reference?: string | null;
  remittance: string[];
}

export interface BankCsvRow {
  /** The physical line. */
  index: number;
  bookingDate: string;
  valueDate: string | null;
  amount: string;
  direction: 'credit' | 'debit';
  payer: string | null;
  iban: string | null;
  references: string[];
  text: string[];
}

export type BankCsvItem = { kind: 'row'; row: BankCsvRow } | { kind: 'problem'; index: number; message: Message };

const CREDIT = new Set(['+', 'c', 'cr', 'crdt', 'credit', 'a', 'avere', 'accredito', 'entrata', 'h', 'haben']);
const DEBIT = new Set(['-', 'd', 'dr', 'dbit', 'debit', 'dare', 'addebito', 'uscita', 's', 'soll']);

export async function* readBankCsv(chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>, columns: BankCsvColumns): AsyncGenerator<BankCsvItem> {
  let at: Map<string, number> | null = null;
  for await (const row of readCsvRows(chunks)) {
    if (!at) {
      at = new Map(row.cells.map((c, i) => [headerKey(c), i] as const).reverse());
      const wanted = [columns.date, columns.valueDate, columns.amount, columns.sign, columns.credit, columns.debit, columns.payer, columns.iban, columns.reference, ...columns.remittance].filter((c): c is string => Boolean(c));
      const missing = wanted.filter((c) => !at!.has(headerKey(c)));
      if (missing.length) throw new CsvFileError(msg('bank.csv_mapping_columns', { columns: missing.join(', ').slice(0, 200) }));
      continue;
    }
    yield rowOf(row, at, columns);
  }
  if (!at) throw new CsvFileError(msg('bank.csv_mapping_columns', { columns: columns.date }));
}

function rowOf(row: CsvRow, at: Map<string, number>, c: BankCsvColumns): BankCsvItem {
  const cell = (name: string | null | undefined) => (name ? (row.cells[at.get(headerKey(name))!] ?? '').trim() : '');
  const bad = (message: Message): BankCsvItem => ({ kind: 'problem', index: row.line, message });
  const date = (name: string) => {
    const d = csvDate(cell(name));
    if (!d) return null;
    try {
      return parseDate(d).toString();
    } catch {
      return null;
    }
  };
  const bookingDate = date(c.date);
  if (!bookingDate) return bad(msg('bank.bad_date', { field: c.date, value: cell(c.date).slice(0, 20) }));
  const valueDate = c.valueDate && cell(c.valueDate) ? date(c.valueDate) : null;
  if (c.valueDate && cell(c.valueDate) && !valueDate) return bad(msg('bank.bad_date', { field: c.valueDate, value: cell(c.valueDate).slice(0, 20) }));
  let amount: string;
  let direction: 'credit' | 'debit';
  if (c.amount) {
    const a = csvAmount(cell(c.amount));
    if (!a) return bad(msg('bank.bad_amount', { value: cell(c.amount).slice(0, 40) }));
    amount = a.amount;
    direction = a.negative ? 'debit' : 'credit';
    if (c.sign) {
      const s = headerKey(cell(c.sign)) || cell(c.sign);
      if (CREDIT.has(s)) direction = 'credit';
      else if (DEBIT.has(s)) direction = 'debit';
      else return bad(msg('bank.bad_direction', { value: cell(c.sign).slice(0, 10) }));
    }
  } else {
    // Two columns: the one filled says which way the money went.
    const cr = cell(c.credit);
    const db = cell(c.debit);
    if (Boolean(cr) === Boolean(db)) return bad(msg('bank.bad_amount', { value: `${cr} / ${db}`.slice(0, 40) }));
    const a = csvAmount(cr || db);
    if (!a) return bad(msg('bank.bad_amount', { value: (cr || db).slice(0, 40) }));
    amount = a.amount;
    direction = cr ? 'credit' : 'debit';
  }
  const ref = cell(c.reference);
  return {
    kind: 'row',
    row: {
      index: row.line,
      bookingDate,
      valueDate,
      amount,
      direction,
      payer: cell(c.payer).slice(0, 200) || null,
      iban: cell(c.iban).replace(/\s+/g, '').toUpperCase().slice(0, 40) || null,
      references: ref ? [ref.slice(0, 100)] : [],
      text: c.remittance.map((r) => cell(r).slice(0, 500)).filter(Boolean),
    },
  };
}
