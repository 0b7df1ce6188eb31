import { parseDate } from '../../domain/dates.ts';
import { msg, type Message } from '../../domain/messages/index.ts';
import { parseNotice } from '../../domain/municipal/pagopa.ts';
import { csvAmount, csvDate, CsvFileError, headerKey, readCsvRows, type CsvRow } from './csv-rows.ts';

/**
 * pagoPA receipts as a comune or its intermediary sends them in a CSV (issue 15 item 5): one row per
 * payment with the IUV or the notice code (codice avviso), the amount and the date, and optionally
 * the payer, the IUR, the transfer index, the outcome and the ente's fiscal code (GovPay's export and
 * the intermediaries' own reports name them in Italian; the names below are compared without case,
 * accents or punctuation). The header row is required.
 */
export interface ReceiptRow {
  /** The physical line in the file. */
  index: number;
  /** The IUV, derived from the notice code when only that is given. */
  iuv: string;
  /** The notice code as given (18 digits), or null. */
  notice: string | null;
  iur: string | null;
  transferIndex: string;
  amount: string;
  /** A negative amount (a refund reported in the same file). */
  negative: boolean;
  date: string;
  payer: string | null;
  /** The outcome code when the file has one (0 paid, 3 revoked…), else null (a receipt is a payment). */
  outcome: string | null;
  /** The ente's fiscal code (idDominio) when the file has one. */
  ente: string | null;
}

export type ReceiptsCsvItem = { kind: 'receipt'; receipt: ReceiptRow } | { kind: 'problem'; index: number; message: Message };

type Column = 'iuv' | 'notice' | 'amount' | 'date' | 'payer' | 'iur' | 'transferIndex' | 'outcome' | 'ente';

const NAMES: Record<Column, string[]> = {
  iuv: ['iuv', 'identificativo univoco versamento', 'codice iuv', 'identificativounivocoversamento'],
  notice: ['codice avviso', 'numero avviso', 'avviso', 'notice', 'notice code', 'notice number', 'nav', 'numeroavviso', 'codiceavviso'],
  amount: ['importo', 'importo pagato', 'amount', 'singolo importo pagato', 'importo versato', 'importo incassato', 'singoloimportopagato'],
  date: ['data', 'data pagamento', 'data esito', 'date', 'data esito singolo pagamento', 'data incasso', 'data versamento', 'dataesitosingolopagamento', 'data pagamento rt'],
  payer: ['pagatore', 'payer', 'versante', 'nome pagatore', 'debitore', 'anagrafica pagatore', 'anagrafica versante'],
  iur: ['iur', 'identificativo univoco riscossione', 'identificativounivocoriscossione'],
  transferIndex: ['indice', 'indice dati singolo pagamento', 'indicedatisingolopagamento'],
  outcome: ['esito', 'codice esito', 'codice esito singolo pagamento', 'codiceesitosingolopagamento'],
  ente: ['id dominio', 'iddominio', 'ente', 'cf ente', 'codice fiscale ente', 'dominio'],
};

/** Which column holds what, from a header row; null when it is not a receipts file (no IUV/notice or no amount). */
export function receiptColumns(header: string[]): Partial<Record<Column, number>> | null {
  const keys = header.map(headerKey);
  const at: Partial<Record<Column, number>> = {};
  for (const [column, names] of Object.entries(NAMES) as [Column, string[]][]) {
    const i = keys.findIndex((k) => names.includes(k));
    if (i >= 0) at[column] = i;
  }
  if ((at.iuv === undefined && at.notice === undefined) || at.amount === undefined || at.date === undefined) return null;
  return at;
}

/** Reads the receipts of a CSV (header first). Throws {@link CsvFileError} for a file that is not one. */
export async function* readReceiptsCsv(chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>): AsyncGenerator<ReceiptsCsvItem> {
  let columns: Partial<Record<Column, number>> | null = null;
  for await (const row of readCsvRows(chunks)) {
    if (!columns) {
      columns = receiptColumns(row.cells);
      if (!columns) throw new CsvFileError(msg('bank.receipts_columns', { header: row.cells.join(' | ').slice(0, 200) }));
      continue;
    }
    yield receiptOf(row, columns);
  }
  if (!columns) throw new CsvFileError(msg('bank.receipts_columns', { header: '—' }));
}

function receiptOf(row: CsvRow, at: Partial<Record<Column, number>>): ReceiptsCsvItem {
  const cell = (c: Column) => (at[c] === undefined ? '' : (row.cells[at[c]!] ?? '').trim());
  const bad = (message: Message): ReceiptsCsvItem => ({ kind: 'problem', index: row.line, message });
  if (row.cells.every((c) => !c.trim())) return bad(msg('bank.receipt_empty'));
  let iuv = cell('iuv').replace(/\s+/g, '');
  let notice: string | null = cell('notice').replace(/\s+/g, '') || null;
  if (notice) {
    const n = parseNotice(notice);
    if (!n.ok) return bad(msg('bank.receipt_bad_notice', { value: notice.slice(0, 40) }));
    if (iuv && iuv !== n.value.iuv) return bad(msg('bank.receipt_iuv_notice', { iuv, notice }));
    iuv = n.value.iuv;
  } else if (/^\d{18}$/.test(iuv)) {
    // A notice code in the IUV column (a frequent mix-up): read as a notice code.
    const n = parseNotice(iuv);
    if (n.ok) {
      notice = iuv;
      iuv = n.value.iuv;
    }
  }
  if (!/^[A-Za-z0-9]{1,35}$/.test(iuv)) return bad(msg('bank.pagopa_bad_id', { field: 'IUV', value: iuv.slice(0, 40) }));
  const amount = csvAmount(cell('amount'));
  if (!amount) return bad(msg('bank.bad_amount', { value: cell('amount').slice(0, 40) }));
  const date = csvDate(cell('date'));
  try {
    if (!date) throw new Error();
    parseDate(date);
  } catch {
    return bad(msg('bank.bad_date', { field: 'data', value: cell('date').slice(0, 20) }));
  }
  const iur = cell('iur') || null;
  if (iur && !/^\S{1,35}$/.test(iur)) return bad(msg('bank.pagopa_bad_id', { field: 'IUR', value: iur.slice(0, 40) }));
  const transferIndex = cell('transferIndex') || '1';
  if (!/^\d{1,5}$/.test(transferIndex)) return bad(msg('bank.pagopa_bad_id', { field: 'indice', value: transferIndex.slice(0, 40) }));
  const outcome = cell('outcome') || null;
  if (outcome !== null && !/^\d{1,2}$/.test(outcome)) return bad(msg('bank.pagopa_bad_id', { field: 'esito', value: outcome.slice(0, 40) }));
  const ente = cell('ente').replace(/\s+/g, '') || null;
  return {
    kind: 'receipt',
    receipt: { index: row.line, iuv, notice, iur, transferIndex: String(Number(transferIndex)), amount: amount.amount, negative: amount.negative, date: date!, payer: cell('payer').slice(0, 200) || null, outcome, ente: ente?.slice(0, 35) ?? null },
  };
}
