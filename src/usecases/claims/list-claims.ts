import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { currency, isoDate, pagination, searchText, uuid } from '../../domain/fields.ts';
import { CLAIM_KINDS, CLAIM_STATUSES, COLLECTION_STAGES, OPEN_STATUSES } from '../../domain/model.ts';
import { PORTAL_STAGES } from '../../domain/portal/stages.ts';
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
  /** The load (portfolio import) the claims came in with (the portal's figures link here, issue 16). */
  loadId: uuid.optional(),
  taxYear: z.coerce.number().int().min(1900).max(2199).optional(),
  /** Where the claim stands for the creditor portal (domain/portal/stages.ts). */
  progress: csvOf(PORTAL_STAGES).optional(),
  /** Claims with (true) or without (false) a contact attempt / a right-party conversation. */
  worked: z.enum(['true', 'false']).optional(),
  reached: z.enum(['true', 'false']).optional(),
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
  if (p.loadId) conds.push(sql`c.import_job_id = ${p.loadId}`);
  if (p.taxYear !== undefined) conds.push(sql`c.tax_year = ${p.taxYear}`);
  if (p.progress) conds.push(sql`portal_stage(c.status, c.worked_on, c.reached_on, c.unreachable_on) in (${sql.join(p.progress)})`);
  if (p.worked) conds.push(p.worked === 'true' ? sql`c.worked_on is not null` : sql`c.worked_on is null`);
  if (p.reached) conds.push(p.reached === 'true' ? sql`c.reached_on is not null` : sql`c.reached_on is null`);
  if (p.currency) conds.push(sql`c.currency = ${p.currency}`);
  if (p.dueFrom) conds.push(sql`c.due_date >= ${p.dueFrom}`);
  if (p.dueTo) conds.push(sql`c.due_date <= ${p.dueTo}`);
  const where = conds.length ? sql<boolean>`${sql.join(conds, sql` and `)}` : sql<boolean>`true`;
  // The balance row carries the claim's status too, and only there is it indexed (migration 0059: a
  // payment then updates the claim's row in place). The same condition on it lets a list of claims in
  // a rare status read just those (claim_balances_status), and a sort by total due walk its index.
  const statuses = balanceStatuses(p);
  const onBalance =
    statuses.length === CLAIM_STATUSES.length ? sql<boolean>`true`
    : statuses.length === 0 ? sql<boolean>`false`
    : sql<boolean>`b.status in (${sql.join(statuses.map((x) => sql.lit(x)))})`;
  const { rows, total } = p.q ? await searchPage(db, actor, p, where) : await browsePage(db, actor, p, where, onBalance);
  return { items: await withBalances(db, actor, rows as ClaimRowWithStored[], p.asOf, true, locale), total, page: p.page, pageSize: p.pageSize };
}

/**
 * Browsing: one query for the page along the sort's index (total due walks the balance index), the
 * total from the kept sums where the filters allow.
 */
async function browsePage(db: Db, actor: Actor, p: ListParams, where: RawBuilder<boolean>, onBalance: RawBuilder<boolean>) {
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
  return { rows, total };
}

/**
 * Searching: the matching claims are found once (through the trigram indexes, materialized so the
 * planner cannot trade them for a walk along a sort index that tests every claim), with only their
 * sort key; that set is sorted and counted, and only the page's claims are read in full.
 */
async function searchPage(db: Db, actor: Actor, p: ListParams, where: RawBuilder<boolean>) {
  const pattern = likePattern(p.q!);
  const sortKey = SORT[p.sort];
  const creditorScope = actor.creditorId !== null ? sql`and c.creditor_id = ${actor.creditorId}` : sql``;
  const joins = sql.join(
    [
      p.sort === 'totalDue' ? sql`join claim_balances b on b.claim_id = c.id` : sql``,
      p.sort === 'debtorName' ? sql`join debtors d on d.id = c.debtor_id and d.tenant_id = c.tenant_id` : sql``,
    ],
    sql` `,
  );
  // Each branch is served by its own trigram index (migration 0013): the claim's reference or
  // description, or its debtor's name (then the debtor's claims by their index); an OR across the two
  // tables would read every claim.
  const matches = sql`
      select c.id, ${sortKey} as k from claims c ${joins}
       where c.tenant_id = ${actor.tenantId} ${creditorScope} and ${where}
         and (c.external_ref ilike ${pattern} or c.description ilike ${pattern})
      union
      select c.id, ${sortKey} as k from debtors sd join claims c on c.debtor_id = sd.id and c.tenant_id = sd.tenant_id ${joins}
       where sd.tenant_id = ${actor.tenantId} and sd.display_name ilike ${pattern} ${creditorScope} and ${where}`;
  const tie = p.sort === 'totalDue' && p.order === 'asc' ? sql`desc` : sql`asc`;
  const { rows: page } = await sql<{ id: string; n: number }>`
    with m as materialized (${matches})
    select m.id, (select count(*) from m)::int as n from m
     order by m.k ${p.order === 'desc' ? sql`desc` : sql`asc`}, m.id ${tie}
     limit ${p.pageSize} offset ${offsetOf(p)}`.execute(db);
  if (page.length === 0) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from (${matches}) m`.execute(db);
    return { rows: [], total: rows[0]!.n };
  }
  const ids = page.map((r) => r.id);
  const full = await selectClaimView(claimsQuery(db, actor).where('c.id', 'in', ids)).execute();
  const byId = new Map(full.map((r) => [r.id, r]));
  return { rows: ids.map((id) => byId.get(id)!), total: page[0]!.n };
}

type ListParams = z.output<typeof ListClaimsQuery>;

/** The statuses the filters leave (every status when none filters). */
function balanceStatuses(p: ListParams): readonly string[] {
  const open = new Set<string>(OPEN_STATUSES);
  return CLAIM_STATUSES.filter(
    (s) => (!p.status || p.status.includes(s)) && (p.open !== 'true' || open.has(s)) && (p.open !== 'false' || !open.has(s)),
  );
}

/**
 * How many claims match. Filters by status, creditor and currency only are answered from the
 * portfolio sums the triggers keep (a few rows, exact); anything else counts the claims (no joins:
 * every claim has its debtor and creditor).
 */
async function countClaims(db: Db, actor: Actor, p: ListParams, where: RawBuilder<boolean>): Promise<number> {
  const simple = !p.q && !p.stage && !p.kind && !p.debtorId && !p.dueFrom && !p.dueTo && !p.loadId && p.taxYear === undefined && !p.progress && !p.worked && !p.reached;
  if (simple) {
    const statuses = new Set(balanceStatuses(p));
    let n = 0;
    for (const g of await portfolioTotals(db, actor.tenantId, actor.creditorId)) {
      if (!statuses.has(g.status)) continue;
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
