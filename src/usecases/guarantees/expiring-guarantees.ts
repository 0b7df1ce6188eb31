import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';

/** A guarantee expiring, shaped like an alert item (domain/alerts/digest.ts AlertItem without its kind). */
export interface ExpiringGuarantee {
  /** The last day of validity. */
  on: string;
  debtorId: string;
  debtorName: string;
  claimId: null;
  /** The guarantee's number, or its kind when it has none. */
  claimRef: string;
  amount: string;
  currency: string;
  guaranteeId: string;
  guaranteeKind: string;
  guarantorName: string;
}

/**
 * Active guarantees whose last day of validity falls in [from, to] (both included), for a user's scope —
 * its creditor's, or the tenant's for the agency's own users. For the daily alert digest (issue 17
 * item 6): call it with { from: today, to: today + N days } (N = EXPIRY_ALERT_DAYS, 30, by default) and
 * push the rows as kind "guarantee_expiring". Found by the partial index on (tenant_id, valid_to).
 */
export async function expiringGuarantees(db: Db, scope: { tenantId: string; creditorId: string | null }, period: { from: string; to: string }): Promise<ExpiringGuarantee[]> {
  const creditor = scope.creditorId === null ? sql`` : sql`and g.creditor_id = ${scope.creditorId}`;
  const { rows } = await sql<{ on: string; debtor_id: string; debtor_name: string; ref: string | null; kind: string; amount: string; currency: string; id: string; guarantor_name: string }>`
    select g.valid_to::text as on, g.debtor_id, d.display_name as debtor_name, g.reference as ref, g.kind, g.amount::text as amount, g.currency, g.id, p.name as guarantor_name
      from guarantees g
      join debtors d on d.tenant_id = g.tenant_id and d.id = g.debtor_id
      join guarantors p on p.tenant_id = g.tenant_id and p.id = g.guarantor_id
     where g.tenant_id = ${scope.tenantId} and g.state = 'active'
       and g.valid_to between ${period.from}::date and ${period.to}::date ${creditor}
     order by g.valid_to, g.id`.execute(db);
  return rows.map((r) => ({
    on: r.on,
    debtorId: r.debtor_id,
    debtorName: r.debtor_name,
    claimId: null,
    claimRef: r.ref ?? r.kind,
    amount: r.amount,
    currency: r.currency,
    guaranteeId: r.id,
    guaranteeKind: r.kind,
    guarantorName: r.guarantor_name,
  }));
}
