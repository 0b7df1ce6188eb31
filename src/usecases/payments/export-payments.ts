import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { decodeMessage, DEFAULT_LOCALE, msg, translate, type Locale, type MessageCode } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { csvLine } from '../../integrations/import-files/index.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { filterPayments, paymentsQuery, selectPaymentListItem } from './payment-query.ts';
import { ExportPaymentsQuery } from './schema.ts';

const COLUMNS = ['value_date', 'amount', 'currency', 'creditor', 'debtor', 'method', 'reference', 'payer', 'reversed_at', 'reversal_reason', 'source', 'source_file', 'id'] as const;
const BATCH = 2000;

/**
 * The payments of the Pagamenti page's filters as CSV (; separated, UTF-8 with BOM for spreadsheets),
 * oldest first, with how each came in (bank, pagopa, manual) and the bank file's name, read in batches by keyset so an export of the whole tenant never sits in memory.
 * Amounts are the exact decimal strings ("1234.50"), never floats; headers in `locale`; a cell a
 * spreadsheet would run as a formula (a payer named "=HYPERLINK(…)") is neutralised by `csvLine`.
 * The filters are checked before the first line, so a bad query is a 400, not a broken file.
 */
export function exportPayments(db: Db, actor: Actor, query: z.input<typeof ExportPaymentsQuery>, locale: Locale = DEFAULT_LOCALE, opts: { batch?: number } = {}): AsyncGenerator<string> {
  authorize(actor, 'read', 'payment');
  const p = parseInput(ExportPaymentsQuery, query);
  return lines(db, actor, p, locale, opts.batch ?? BATCH);
}

async function* lines(db: Db, actor: Actor, p: z.infer<typeof ExportPaymentsQuery>, locale: Locale, batch: number): AsyncGenerator<string> {
  yield `\ufeff${csvLine(COLUMNS.map((c) => translate(msg(`payment.csv.${c}` as MessageCode), locale)))}`;
  let after: { valueDate: string; id: string } | null = null;
  for (;;) {
    let q = filterPayments(paymentsQuery(db, actor), actor, p);
    if (after) {
      const a: { valueDate: string; id: string } = after;
      q = q.where(sql<boolean>`(p.value_date, p.id) > (${a.valueDate}::date, ${a.id}::uuid)`);
    }
    const rows = await selectPaymentListItem(q, actor)
      .select([sql<string | null>`p.reversed_on::text`.as('reversedOn'), 'p.reversal_reason as reversalReason'])
      .orderBy('p.value_date')
      .orderBy('p.id')
      .limit(batch)
      .execute();
    for (const r of rows) {
      yield csvLine([
        r.valueDate,
        r.amount,
        r.currency,
        r.creditorName,
        r.debtorName,
        r.method,
        r.reference,
        r.payerName,
        r.reversedOn,
        r.reversalReason === null ? null : translate(decodeMessage(r.reversalReason), locale),
        r.source,
        r.sourceFileName,
        r.id,
      ]);
    }
    if (rows.length < batch) return;
    const last = rows[rows.length - 1]!;
    after = { valueDate: last.valueDate, id: last.id };
  }
}
