import type { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { offsetOf, type Page } from '../shared/paging.ts';
import { PRINT_BATCH_COLUMNS, presentPrintBatch, printBatchesQuery } from './print-batch-query.ts';
import { ListPrintBatchesQuery, type PrintBatchView } from './schema.ts';

/** Print batches, newest first. */
export async function listPrintBatches(db: Db, actor: Actor, query: z.input<typeof ListPrintBatchesQuery> = {}): Promise<Page<PrintBatchView>> {
  authorize(actor, 'read', 'communication');
  const p = parseInput(ListPrintBatchesQuery, query);
  const q = printBatchesQuery(db, actor);
  const [rows, count] = await Promise.all([
    q
      .select([...PRINT_BATCH_COLUMNS])
      .select((eb) => eb.fn<number>('octet_length', ['b.pdf']).as('pdf_bytes'))
      .orderBy('b.created_at', 'desc')
      .orderBy('b.ref_no', 'desc')
      .limit(p.pageSize)
      .offset(offsetOf(p))
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(presentPrintBatch), total: Number(count.n), page: p.page, pageSize: p.pageSize };
}
