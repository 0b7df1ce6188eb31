import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { currency, isoDate, pagination, searchText, uuid } from '../../domain/fields.ts';
import { CLAIM_KINDS, CLAIM_STATUSES, COLLECTION_STAGES, OPEN_STATUSES } from '../../domain/model.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { likePattern, offsetOf, type Page } from '../shared/paging.ts';
import { claimsQuery, selectClaimView, withBalances } from './claim-query.ts';
import type { ClaimRow, ClaimView } from './schema.ts';
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
  sort: z.enum(['dueDate', 'principal', 'outstanding', 'externalRef', 'debtorName', 'createdAt']).default('dueDate'),
});

const SORT = {
  dueDate: sql`c.due_date`,
  principal: sql`c.principal`,
  outstanding: sql`c.principal - c.amount_paid`,
  externalRef: sql`c.external_ref`,
  debtorName: sql`d.display_name`,
  createdAt: sql`c.created_at`,
} as const;

export async function listClaims(db: Db, actor: Actor, query: z.input<typeof ListClaimsQuery>, locale: Locale = DEFAULT_LOCALE): Promise<Page<ClaimView>> {
  authorize(actor, 'read', 'claim');
  const p = parseInput(ListClaimsQuery, query);
  let q = claimsQuery(db, actor);
  if (p.status) q = q.where('c.status', 'in', p.status);
  if (p.open === 'true') q = q.where('c.status', 'in', OPEN_STATUSES);
  if (p.open === 'false') q = q.where('c.status', 'not in', OPEN_STATUSES);
  if (p.stage) q = q.where('c.stage', 'in', p.stage);
  if (p.kind) q = q.where('c.kind', 'in', p.kind);
  if (p.creditorId) q = q.where('c.creditor_id', '=', p.creditorId);
  if (p.debtorId) q = q.where('c.debtor_id', '=', p.debtorId);
  if (p.currency) q = q.where('c.currency', '=', p.currency);
  if (p.dueFrom) q = q.where('c.due_date', '>=', p.dueFrom);
  if (p.dueTo) q = q.where('c.due_date', '<=', p.dueTo);
  if (p.q) {
    const pattern = likePattern(p.q);
    q = q.where((eb) =>
      eb.or([eb('c.external_ref', 'ilike', pattern), eb('c.description', 'ilike', pattern), eb('d.display_name', 'ilike', pattern)]),
    );
  }
  const [rows, count] = await Promise.all([
    selectClaimView(q)
      .orderBy(SORT[p.sort], p.order)
      .orderBy('c.id')
      .limit(p.pageSize)
      .offset(offsetOf(p))
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: await withBalances(db, actor, rows as ClaimRow[], p.asOf, true, locale), total: Number(count.n), page: p.page, pageSize: p.pageSize };
}
