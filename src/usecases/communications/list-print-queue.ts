import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { offsetOf, type Page } from '../shared/paging.ts';
import { visibleCommunications } from './communication-query.ts';
import { ListPrintQueueQuery, type PrintQueueItem } from './schema.ts';

/**
 * Letters waiting to be printed (status `to_print`), oldest first: what the next print batch takes —
 * the dunning letters and the guarantors' demands by post (enforce-guarantee.ts).
 */
export async function listPrintQueue(db: Db, actor: Actor, query: z.input<typeof ListPrintQueueQuery> = {}): Promise<Page<PrintQueueItem>> {
  authorize(actor, 'read', 'communication');
  const p = parseInput(ListPrintQueueQuery, query);
  let letters = visibleCommunications(db, actor)
    .innerJoin('debtors as d', (j) => j.onRef('d.id', '=', 'c.debtor_id').onRef('d.tenant_id', '=', 'c.tenant_id'))
    .where('c.status', '=', 'to_print');
  if (p.creditorId) letters = letters.where('c.creditor_id', '=', p.creditorId);
  let demands = db
    .selectFrom('guarantor_letters as l')
    .innerJoin('guarantees as g', (j) => j.onRef('g.id', '=', 'l.guarantee_id').onRef('g.tenant_id', '=', 'l.tenant_id'))
    .innerJoin('debtors as d', (j) => j.onRef('d.id', '=', 'g.debtor_id').onRef('d.tenant_id', '=', 'g.tenant_id'))
    .innerJoin('creditors as cr', (j) => j.onRef('cr.id', '=', 'g.creditor_id').onRef('cr.tenant_id', '=', 'g.tenant_id'))
    .where('l.tenant_id', '=', actor.tenantId)
    .where('l.status', '=', 'to_print');
  if (actor.creditorId !== null) demands = demands.where('g.creditor_id', '=', actor.creditorId);
  if (p.creditorId) demands = demands.where('g.creditor_id', '=', p.creditorId);
  const queue = letters
    .select([
      sql<PrintQueueItem['kind']>`'communication'`.as('kind'),
      'c.id',
      sql<string | null>`c.ref_no::text`.as('ref_no'),
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
      sql<string | null>`c.postage::text`.as('postage'),
      'c.created_at',
      sql<boolean>`c.letter is not null`.as('printable'),
    ])
    .unionAll(
      demands.select([
        sql<PrintQueueItem['kind']>`'guarantor_letter'`.as('kind'),
        'l.id',
        sql<string | null>`null`.as('ref_no'),
        'g.debtor_id',
        'd.display_name as debtor_name',
        'g.creditor_id',
        'cr.name as creditor_name',
        'l.channel',
        'l.recipient',
        'l.subject',
        'l.sent_on as run_date',
        'l.currency',
        'l.amount',
        sql<string | null>`null`.as('postage'),
        'l.created_at',
        sql<boolean>`true`.as('printable'),
      ]),
    );
  const [rows, count] = await Promise.all([
    db
      .selectFrom(queue.as('q'))
      .selectAll()
      .orderBy('q.created_at')
      .orderBy('q.id')
      .limit(p.pageSize)
      .offset(offsetOf(p))
      .execute(),
    db.selectFrom(queue.as('q')).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      kind: r.kind,
      id: r.id,
      refNo: r.ref_no,
      debtorId: r.debtor_id,
      debtorName: r.debtor_name,
      creditorId: r.creditor_id,
      creditorName: r.creditor_name,
      channel: r.channel as PrintQueueItem['channel'],
      recipient: r.recipient,
      subject: r.subject,
      runDate: String(r.run_date),
      currency: r.currency as PrintQueueItem['currency'],
      amount: String(r.amount),
      postage: r.postage,
      createdAt: new Date(r.created_at).toISOString(),
      printable: Boolean(r.printable),
    })),
    total: Number(count.n),
    page: p.page,
    pageSize: p.pageSize,
  };
}
