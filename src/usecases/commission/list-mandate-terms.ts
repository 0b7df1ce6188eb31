import type { Db } from '../../db/connect.ts';
import type { MandateTerms } from '../../domain/commission/terms.ts';
import { plainDateOf } from '../../domain/dates.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { loadCreditor } from '../shared/scope.ts';
import type { MandateTermsView } from './schema.ts';

/**
 * A creditor's mandate terms, every version with the days it is in force (newest first). An agency
 * administrator or supervisor and the creditor's own users read them; outsiders get 404.
 */
export async function listMandateTerms(db: Db, actor: Actor, creditorId: string): Promise<{ items: MandateTermsView[] }> {
  authorize(actor, 'read', 'commission');
  await loadCreditor(db, actor, creditorId);
  const rows = await db
    .selectFrom('mandate_terms')
    .selectAll()
    .where('tenant_id', '=', actor.tenantId)
    .where('creditor_id', '=', creditorId)
    .orderBy('effective_from', 'desc')
    .execute();
  return {
    items: rows.map((r, i) => ({
      id: r.id,
      creditorId: r.creditor_id,
      effectiveFrom: r.effective_from,
      effectiveTo: i === 0 ? null : plainDateOf(rows[i - 1]!.effective_from).subtract({ days: 1 }).toString(),
      terms: r.terms as MandateTerms,
      note: r.note,
      createdAt: r.created_at.toISOString(),
    })),
  };
}
