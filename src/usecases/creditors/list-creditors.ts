import { creditorView } from './creditor-view.ts';
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { pagination, searchText } from '../../domain/fields.ts';
import { CREDITOR_KINDS } from '../../domain/model.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { likePattern, offsetOf, type Page } from '../shared/paging.ts';
import type { CreditorView } from './schema.ts';

export const ListCreditorsQuery = pagination.extend({
  q: searchText,
  kind: z.enum(CREDITOR_KINDS).optional(),
  active: z.enum(['true', 'false']).optional(),
  sort: z.enum(['name', 'code', 'createdAt']).default('name'),
});

const SORT = { name: 'name', code: 'code', createdAt: 'created_at' } as const;

export async function listCreditors(
  db: Db,
  actor: Actor,
  query: z.input<typeof ListCreditorsQuery>,
): Promise<Page<CreditorView>> {
  authorize(actor, 'read', 'creditor');
  const p = parseInput(ListCreditorsQuery, query);
  let q = db.selectFrom('creditors').where('tenant_id', '=', actor.tenantId);
  if (actor.creditorId !== null) q = q.where('id', '=', actor.creditorId);
  if (p.kind) q = q.where('kind', '=', p.kind);
  if (p.active) q = q.where('active', '=', p.active === 'true');
  if (p.q) {
    const pattern = likePattern(p.q);
    q = q.where((eb) =>
      eb.or([eb('name', 'ilike', pattern), eb('code', 'ilike', pattern), eb('vat_number', 'ilike', pattern)]),
    );
  }
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      .orderBy(SORT[p.sort], p.order)
      .orderBy('id')
      .limit(p.pageSize)
      .offset(offsetOf(p))
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((r) => creditorView(r)), total: Number(count.n), page: p.page, pageSize: p.pageSize };
}
