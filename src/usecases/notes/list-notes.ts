import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { pagination, uuid } from '../../domain/fields.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { offsetOf, type Page } from '../shared/paging.ts';
import { notesQuery } from './note-query.ts';
import type { NoteView } from './schema.ts';

export const ListNotesQuery = pagination.extend({
  debtorId: uuid.optional(),
  claimId: uuid.optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
});

export async function listNotes(db: Db, actor: Actor, query: z.input<typeof ListNotesQuery>): Promise<Page<NoteView>> {
  authorize(actor, 'read', 'note');
  const p = parseInput(ListNotesQuery, query);
  let q = notesQuery(db, actor);
  if (p.debtorId) q = q.where('n.debtor_id', '=', p.debtorId);
  if (p.claimId) q = q.where('n.claim_id', '=', p.claimId);
  const rows = await q.orderBy('n.created_at', p.order).orderBy('n.id').limit(p.pageSize).offset(offsetOf(p)).execute();
  const count = await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { items: rows as NoteView[], total: Number(count.n), page: p.page, pageSize: p.pageSize };
}
