import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { currency, uuid } from '../../domain/fields.ts';
import { notFound } from '../../domain/errors.ts';
import { CLAIM_KINDS } from '../../domain/model.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';

/** What every portal figure can be narrowed to: a creditor (the agency may see all), a load, a revenue, a tax year, a currency. */
export const PortalQuery = z.object({
  creditorId: uuid.optional(),
  loadId: uuid.optional(),
  revenue: z.enum(CLAIM_KINDS).optional(),
  taxYear: z.coerce.number().int().min(1900).max(2199).optional(),
  currency: currency.optional(),
});
export type PortalQuery = z.output<typeof PortalQuery>;

export interface PortalScope extends PortalQuery {
  tenantId: string;
}

/**
 * The actor's view: a creditor's user sees its creditor only (another creditor is not found); the
 * agency sees the creditor it names, or every creditor of its tenant.
 */
export async function portalScope(db: Db, actor: Actor, input: z.input<typeof PortalQuery>): Promise<PortalScope> {
  authorize(actor, 'read', 'claim');
  const q = parseInput(PortalQuery, input);
  if (actor.creditorId !== null) {
    if (q.creditorId !== undefined && q.creditorId !== actor.creditorId) throw notFound('creditor');
    q.creditorId = actor.creditorId;
  }
  if (q.creditorId !== undefined) {
    const c = await db.selectFrom('creditors').select('id').where('tenant_id', '=', actor.tenantId).where('id', '=', q.creditorId).executeTakeFirst();
    if (!c) throw notFound('creditor');
  }
  return { ...q, tenantId: actor.tenantId };
}

/** The scope as a condition on a delta table (alias `d`) that has load, revenue and tax year. */
export function groupWhere(s: PortalScope, withLoad = true): RawBuilder<boolean> {
  const conds: RawBuilder<unknown>[] = [sql`d.tenant_id = ${s.tenantId}`];
  if (s.creditorId) conds.push(sql`d.creditor_id = ${s.creditorId}`);
  if (s.currency) conds.push(sql`d.currency = ${s.currency}`);
  if (withLoad) {
    if (s.loadId) conds.push(sql`d.import_job_id = ${s.loadId}`);
    if (s.revenue) conds.push(sql`d.revenue = ${s.revenue}`);
    if (s.taxYear !== undefined) conds.push(sql`d.tax_year = ${s.taxYear}`);
  }
  return sql<boolean>`${sql.join(conds, sql` and `)}`;
}

/** The claims list's query string for a figure (GET /api/claims), so every figure links to its positions. */
export function claimsFilter(s: PortalScope, extra: Record<string, string | number | null | undefined> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (k: string, v: string | number | null | undefined) => {
    if (v !== undefined && v !== null) out[k] = String(v);
  };
  put('creditorId', s.creditorId);
  put('loadId', s.loadId);
  put('kind', s.revenue);
  put('taxYear', s.taxYear);
  put('currency', s.currency);
  for (const [k, v] of Object.entries(extra)) put(k, v);
  return out;
}
