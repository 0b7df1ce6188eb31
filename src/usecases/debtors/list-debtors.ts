import { sql, type SelectQueryBuilder } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { DB } from '../../db/schema.ts';
import { pagination, searchText, uuid } from '../../domain/fields.ts';
import { DEBTOR_KINDS } from '../../domain/model.ts';
import type { Actor } from '../../domain/policies.ts';
import { outstandingByDebtor } from '../claims/outstanding.ts';
import { debtorCounts } from './counts.ts';
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

// Each order ends with the id and has an index of that shape (migration 0015), so a page is read from
// the index; names sort without regard to case ("de Luca" beside "De Luca", "ROSSI" beside "Rossi").
const SORT = { displayName: sql`lower(display_name)`, createdAt: sql`created_at`, updatedAt: sql`updated_at` } as const;

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
  const { rows, total } = p.q ? await searchPage(db, q, p) : await browsePage(db, actor, q, p);
  const outstanding = await outstandingByDebtor(
    db,
    actor,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => ({ ...present(r), outstanding: outstanding.get(r.id) ?? [] }) as DebtorListItem),
    total,
    page: p.page,
    pageSize: p.pageSize,
  };
}

type DebtorsQuery = SelectQueryBuilder<DB, 'debtors', object>;
type ListParams = z.output<typeof ListDebtorsQuery>;

/**
 * Browsing: the page is read along the sort's index; without a creditor the total comes from the
 * tenant's debtor counts (kept by triggers), exactly.
 */
async function browsePage(db: Db, actor: Actor, q: DebtorsQuery, p: ListParams) {
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy(SORT[p.sort], p.order).orderBy('id', p.order).limit(p.pageSize).offset(offsetOf(p)).execute(),
    !p.creditorId && actor.creditorId === null
      ? debtorCounts(db, actor.tenantId).then((groups) =>
          groups
            .filter((g) => (!p.kind || g.kind === p.kind) && (!p.hardship || g.hardship === (p.hardship === 'true')))
            .reduce((n, g) => n + g.count, 0),
        )
      : q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n)),
  ]);
  return { rows, total };
}

/**
 * Searching: the matches are found once through the trigram indexes (materialized, so the planner
 * cannot trade them for a walk along the name index that filters every debtor before the first
 * match), then sorted and counted from that set; only the page's rows are read in full.
 */
async function searchPage(db: Db, q: DebtorsQuery, p: ListParams) {
  const page = await db
    .with(
      (wb) => wb('m').materialized(),
      () => q.select(['id', SORT[p.sort].as('k')]),
    )
    .selectFrom('m')
    .select(['m.id', 'm.k', (eb) => eb.selectFrom('m as all').select((c) => c.fn.countAll<number>().as('n')).as('n')])
    .orderBy('m.k', p.order)
    .orderBy('m.id', p.order)
    .limit(p.pageSize)
    .offset(offsetOf(p))
    .execute();
  const ids = page.map((r) => r.id);
  const full = ids.length ? await db.selectFrom('debtors').selectAll().where('id', 'in', ids).execute() : [];
  const byId = new Map(full.map((r) => [r.id, r]));
  const total =
    page.length > 0
      ? Number(page[0]!.n)
      : Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { rows: ids.map((id) => byId.get(id)!), total };
}
