import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { currency, isoDate, pagination, searchText, uuid } from '../../domain/fields.ts';
import { CLAIM_KINDS, CLAIM_STATUSES, COLLECTION_STAGES, OPEN_STATUSES } from '../../domain/model.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { likePattern, offsetOf, type Page } from '../shared/paging.ts';
import { portfolioTotals } from './totals.ts';
import { claimsQuery, selectClaimView, withBalances, type ClaimRowWithStored } from './claim-query.ts';
import type { ClaimView } from './schema.ts';
import { DEFAULT_LOCALE, type Locale } from '../../domain/messages/index.ts';

/** A comma-separated list in a query string ("open,disputed"), each value checked. */
const csvOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.string().transform((s) => s.split(',').map((v) => v.trim()).filter(Boolean)), z.array(z.string())])
    .pipe(z.array(z.enum(values)).min(1));

export const ListClaimsQuery = pagination.extend({
  /** External reference, description or debtor name (part of). */
  q: searchText,
  status: csvOf(CLAIM_STATUSES).optional(),
  /** Shortcut: only claims still to collect. */
  open: z.enum(['true', 'false']).optional(),
  stage: csvOf(COLLECTION_STAGES).optional(),
  kind: csvOf(CLAIM_KINDS).optional(),
  creditorId: uuid.optional(),
  debtorId: uuid.optional(),
  currency: currency.optional(),
  dueFrom: isoDate.optional(),
  dueTo: isoDate.optional(),
  /** The day balances are computed to (default: today). */
  asOf: isoDate.optional(),
  sort: z.enum(['dueDate', 'principal', 'totalDue', 'externalRef', 'debtorName', 'createdAt']).default('dueDate'),
});

const SORT = {
  dueDate: sql`c.due_date`,
  principal: sql`c.principal`,
  totalDue: sql`b.total_due`,
  externalRef: sql`c.external_ref`,
  debtorName: sql`d.display_name`,
  createdAt: sql`c.created_at`,
} as const;

export async function listClaims(db: Db, actor: Actor, query: z.input<typeof ListClaimsQuery>, locale: Locale = DEFAULT_LOCALE): Promise<Page<ClaimView>> {
  authorize(actor, 'read', 'claim');
  const p = parseInput(ListClaimsQuery, query);
  // Every condition is on the claim itself (the search through a subquery), so the count needs no
  // join: every claim has its debtor and creditor (foreign keys).
  const conds: RawBuilder<unknown>[] = [];
  if (p.status) conds.push(sql`c.status in (${sql.join(p.status)})`);
  if (p.open === 'true') conds.push(sql`c.status in (${sql.join(OPEN_STATUSES)})`);
  if (p.open === 'false') conds.push(sql`c.status not in (${sql.join(OPEN_STATUSES)})`);
  if (p.stage) conds.push(sql`c.stage in (${sql.join(p.stage)})`);
  if (p.kind) conds.push(sql`c.kind in (${sql.join(p.kind)})`);
  if (p.creditorId) conds.push(sql`c.creditor_id = ${p.creditorId}`);
  if (p.debtorId) conds.push(sql`c.debtor_id = ${p.debtorId}`);
  if (p.currency) conds.push(sql`c.currency = ${p.currency}`);
  if (p.dueFrom) conds.push(sql`c.due_date >= ${p.dueFrom}`);
  if (p.dueTo) conds.push(sql`c.due_date <= ${p.dueTo}`);
  if (p.q) {
    // Each branch is served by its own trigram index (migration 0013); an OR across the two tables
    // would read every claim.
    const pattern = likePattern(p.q);
    conds.push(sql`c.id in (
      select s.id from claims s where s.tenant_id = ${actor.tenantId} and (s.external_ref ilike ${pattern} or s.description ilike ${pattern})
      union
      select s.id from debtors sd join claims s on s.debtor_id = sd.id and s.tenant_id = sd.tenant_id
       where sd.tenant_id = ${actor.tenantId} and sd.display_name ilike ${pattern})`);
  }
  const where = conds.length ? sql<boolean>`${sql.join(conds, sql` and `)}` : sql<boolean>`true`;
  // The balance row carries the claim's status too: the same condition there lets a sort by total due
  // walk its index.
  const onBalance = p.open === 'true' ? sql<boolean>`b.status in (${sql.join(OPEN_STATUSES.map((x) => sql.lit(x)))})` : sql<boolean>`true`;
  const [rows, total] = await Promise.all([
    selectClaimView(claimsQuery(db, actor).where(where).where(onBalance).where('b.tenant_id', '=', actor.tenantId))
      .orderBy(SORT[p.sort], p.order)
      // By total due, the ties go the way the index (tenant, total due desc, claim) reads in that
      // direction, so the page is read from the index instead of sorting every balance.
      .orderBy(p.sort === 'totalDue' ? 'b.claim_id' : 'c.id', p.sort === 'totalDue' && p.order === 'asc' ? 'desc' : 'asc')
      .limit(p.pageSize)
      .offset(offsetOf(p))
      .execute(),
    countClaims(db, actor, p, where),
  ]);
  return { items: await withBalances(db, actor, rows as ClaimRowWithStored[], p.asOf, true, locale), total, page: p.page, pageSize: p.pageSize };
}

/**
 * How many claims match. Filters by status, creditor and currency only are answered from the
 * portfolio sums the triggers keep (a few rows, exact); anything else counts the claims (no joins:
 * every claim has its debtor and creditor).
 */
async function countClaims(db: Db, actor: Actor, p: z.output<typeof ListClaimsQuery>, where: RawBuilder<boolean>): Promise<number> {
  const simple = !p.q && !p.stage && !p.kind && !p.debtorId && !p.dueFrom && !p.dueTo;
  if (simple) {
    const open = new Set<string>(OPEN_STATUSES);
    let n = 0;
    for (const g of await portfolioTotals(db, actor.tenantId, actor.creditorId)) {
      if (p.status && !p.status.includes(g.status as never)) continue;
      if (p.open === 'true' && !open.has(g.status)) continue;
      if (p.open === 'false' && open.has(g.status)) continue;
      if (p.creditorId && g.creditor_id !== p.creditorId) continue;
      if (p.currency && g.currency !== p.currency) continue;
      n += g.count;
    }
    return n;
  }
  let q = db.selectFrom('claims as c').where('c.tenant_id', '=', actor.tenantId).where(where);
  if (actor.creditorId !== null) q = q.where('c.creditor_id', '=', actor.creditorId);
  return Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}
