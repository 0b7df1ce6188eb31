import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { loadClaim } from '../shared/scope.ts';
import { interestInvoiceView } from './issue-interest-invoice.ts';
import type { InterestInvoiceView } from './schema.ts';

/** A claim's interest invoices, oldest first (a creditor's viewer: its own claims only). */
export async function listInterestInvoices(db: Db, actor: Actor, claimId: string): Promise<{ items: InterestInvoiceView[] }> {
  authorize(actor, 'read', 'claim');
  const claim = await loadClaim(db, actor, claimId);
  const rows = await db
    .selectFrom('interest_invoices')
    .select(['id', 'claim_id', 'year', 'number', 'issued_on', 'period_from', 'period_to', 'amount', 'currency', 'language', 'sha256', 'issued_by_label'])
    .where('tenant_id', '=', actor.tenantId)
    .where('claim_id', '=', claim.id)
    .orderBy('period_to')
    .execute();
  return { items: rows.map(interestInvoiceView) };
}
