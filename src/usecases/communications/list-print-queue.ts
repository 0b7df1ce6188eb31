import type { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { offsetOf, type Page } from '../shared/paging.ts';
import { visibleCommunications } from './communication-query.ts';
import { ListPrintQueueQuery, type PrintQueueItem } from './schema.ts';

/** Letters waiting to be printed (status `to_print`), oldest first: what the next print batch takes. */
export async function listPrintQueue(db: Db, actor: Actor, query: z.input<typeof ListPrintQueueQuery> = {}): Promise<Page<PrintQueueItem>> {
  authorize(actor, 'read', 'communication');
  const p = parseInput(ListPrintQueueQuery, query);
  let q = visibleCommunications(db, actor)
    .innerJoin('debtors as d', (j) => j.onRef('d.id', '=', 'c.debtor_id').onRef('d.tenant_id', '=', 'c.tenant_id'))
    .where('c.status', '=', 'to_print');
  if (p.creditorId) q = q.where('c.creditor_id', '=', p.creditorId);
  const [rows, count] = await Promise.all([
    q
      .select([
        'c.id',
        'c.ref_no',
        'c.debtor_id',
        'd.display_name as debtor_name',
        'c.creditor_id',
        'cr.name as creditor_name',
        'c.channel',
        'c.recipient',
        'c.subject',
        'c.run_date',
        'c.currency',
        'c.amount',
        'c.postage',
        'c.created_at',
      ])
      .select((eb) => eb('c.letter', 'is not', null).as('printable'))
      .orderBy('c.created_at')
      .orderBy('c.ref_no')
      .limit(p.pageSize)
      .offset(offsetOf(p))
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      refNo: r.ref_no,
      debtorId: r.debtor_id,
      debtorName: r.debtor_name,
      creditorId: r.creditor_id,
      creditorName: r.creditor_name,
      channel: r.channel as PrintQueueItem['channel'],
      recipient: r.recipient,
      subject: r.subject,
      runDate: r.run_date,
      currency: r.currency,
      amount: r.amount,
      postage: r.postage,
      createdAt: r.created_at.toISOString(),
      printable: Boolean(r.printable),
    })),
    total: Number(count.n),
    page: p.page,
    pageSize: p.pageSize,
  };
}
