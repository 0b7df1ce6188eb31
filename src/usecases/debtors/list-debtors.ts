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
import { RISK_CLASSES } from '../../domain/risk/rules.ts';

export const ListDebtorsQuery = pagination.extend({
  /** Name, codice fiscale, partita IVA or Swiss UID (part of). */
  q: searchText,
  kind: z.enum(DEBTOR_KINDS).optional(),
  hardship: z.enum(['true', 'false']).optional(),
  /** Only debtors with at least one claim of this creditor. */
  creditorId: uuid.optional(),
  /** Only debtors of this risk class (a viewer: the class with its creditor). */
  riskClass: z.enum(RISK_CLASSES).optional(),
  sort: z.enum(['displayName', 'createdAt', 'updatedAt', 'riskClass']).default('displayName'),
});

/** The debtor's stored risk class: over all creditors, or a viewer's with its creditor (usecases/risk). */
const riskClassOf = (actor: Actor) =>
  actor.creditorId === null
    ? sql<string | null>`(select p.risk_class from debtor_profiles p where p.tenant_id = debtors.tenant_id and p.debtor_id = debtors.id and p.creditor_id is null)`
    : sql<string | null>`(select p.risk_class from debtor_profiles p where p.tenant_id = debtors.tenant_id and p.debtor_id = debtors.id and p.creditor_id = ${actor.creditorId})`;

// Each order ends with the id and has an index of that shape (migration 0015), so a page is read from
// the index; names sort without regard to case ("de Luca" beside "De Luca", "ROSSI" beside "Rossi").
// Sorting by risk class reads each debtor's class (no index of that shape): D first when descending.
const SORT = { displayName: sql`lower(display_name)`, createdAt: sql`created_at`, updatedAt: sql`updated_at` } as const;
const sortOf = (actor: Actor, sort: ListParams['sort']) => (sort === 'riskClass' ? sql`coalesce(${riskClassOf(actor)}, '')` : SORT[sort]);

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
  if (p.riskClass) q = q.where(riskClassOf(actor), '=', p.riskClass);
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
  const { rows, total } = p.q ? await searchPage(db, actor, q, p) : await browsePage(db, actor, q, p);
  const outstanding = await outstandingByDebtor(
    db,
    actor,
    rows.map((r) => r.id),
  );
  const classes = await riskClasses(db, actor, rows.map((r) => r.id));
  return {
    items: rows.map((r) => ({ ...present(r), outstanding: outstanding.get(r.id) ?? [], riskClass: classes.get(r.id) ?? null }) as DebtorListItem),
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
    q.selectAll().orderBy(sortOf(actor, p.sort), p.order).orderBy('id', p.order).limit(p.pageSize).offset(offsetOf(p)).execute(),
    !p.creditorId && !p.riskClass && actor.creditorId === null
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
async function searchPage(db: Db, actor: Actor, q: DebtorsQuery, p: ListParams) {
  const page = await db
    .with(
      (wb) => wb('m').materialized(),
      () => q.select(['id', sortOf(actor, p.sort).as('k')]),
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

/** The stored risk class of each listed debtor (a viewer: with its creditor). */
async function riskClasses(db: Db, actor: Actor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  let q = db.selectFrom('debtor_profiles').select(['debtor_id', 'risk_class']).where('tenant_id', '=', actor.tenantId).where('debtor_id', 'in', ids);
  q = actor.creditorId === null ? q.where('creditor_id', 'is', null) : q.where('creditor_id', '=', actor.creditorId);
  return new Map((await q.execute()).map((r) => [r.debtor_id, r.risk_class]));
}
