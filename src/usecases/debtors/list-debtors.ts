import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { pagination, searchText, uuid } from '../../domain/fields.ts';
import { DEBTOR_KINDS } from '../../domain/model.ts';
import type { Actor } from '../../domain/policies.ts';
import { outstandingByDebtor } from '../claims/outstanding.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { likePattern, offsetOf, type Page } from '../shared/paging.ts';
import { present } from '../shared/present.ts';
import { debtorVisible } from '../shared/scope.ts';
import type { DebtorListItem } from './schema.ts';

export const ListDebtorsQuery = pagination.extend({
  /** Name, codice fiscale, partita IVA or Swiss UID (part of). */
  q: searchText,
  kind: z.enum(DEBTOR_KINDS).optional(),
  hardship: z.enum(['true', 'false']).optional(),
  /** Only debtors with at least one claim of this creditor. */
  creditorId: uuid.optional(),
  sort: z.enum(['displayName', 'createdAt', 'updatedAt']).default('displayName'),
});

const SORT = { displayName: 'display_name', createdAt: 'created_at', updatedAt: 'updated_at' } as const;

export async function listDebtors(
  db: Db,
  actor: Actor,
  query: z.input<typeof ListDebtorsQuery>,
): Promise<Page<DebtorListItem>> {
  authorize(actor, 'read', 'debtor');
  const p = parseInput(ListDebtorsQuery, query);
  let q = db.selectFrom('debtors').where('tenant_id', '=', actor.tenantId).where(debtorVisible(actor));
  if (p.kind) q = q.where('kind', '=', p.kind);
  if (p.hardship) q = q.where('hardship', '=', p.hardship === 'true');
  if (p.creditorId) {
    const creditorId = p.creditorId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('claims as fc')
          .select(sql`1`.as('one'))
          .whereRef('fc.debtor_id', '=', 'debtors.id')
          .where('fc.tenant_id', '=', actor.tenantId)
          .where('fc.creditor_id', '=', creditorId),
      ),
    );
  }
  if (p.q) {
    const pattern = likePattern(p.q);
    const compact = likePattern(p.q.replace(/[\s.\-/]/g, '').toUpperCase());
    q = q.where((eb) =>
      eb.or([
        eb('display_name', 'ilike', pattern),
        eb('tax_code', 'like', compact),
        eb('vat_number', 'like', compact),
        eb(sql`replace(replace(ch_uid, '.', ''), '-', '')`, 'like', compact),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      .orderBy(sql.ref(SORT[p.sort]), p.order)
      .orderBy('id')
      .limit(p.pageSize)
      .offset(offsetOf(p))
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const outstanding = await outstandingByDebtor(
    db,
    actor,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => ({ ...present(r), outstanding: outstanding.get(r.id) ?? [] }) as DebtorListItem),
    total: Number(count.n),
    page: p.page,
    pageSize: p.pageSize,
  };
}
