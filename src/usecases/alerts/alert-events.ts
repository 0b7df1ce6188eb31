import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { AlertItem, AlertKind } from '../../domain/alerts/digest.ts';
import { plainDateOf } from '../../domain/dates.ts';
import { EXPIRY_ALERT_DAYS } from '../../domain/guarantees/rules.ts';
import { OPEN_STATUSES } from '../../domain/model.ts';
import { expiringGuarantees } from '../guarantees/expiring-guarantees.ts';

/**
 * What happened in [from, to] (Rome days) to the claims a user sees — its creditor's, or the tenant's
 * for the agency's own users: each kind found by an index range (due date, the day a promise was
 * judged broken, the day a plan lapsed, disputed claims changed), not by scanning the portfolio.
 */
export async function alertEvents(db: Db, scope: { tenantId: string; creditorId: string | null }, period: { from: string; to: string }, kinds: readonly AlertKind[]): Promise<AlertItem[]> {
  const creditor = (col: string) => (scope.creditorId === null ? sql`` : sql`and ${sql.ref(col)} = ${scope.creditorId}`);
  const want = new Set(kinds);
  const out: AlertItem[] = [];
  type Row = { on: string; debtor_id: string; debtor_name: string; claim_id: string | null; claim_ref: string | null; amount: string; currency: string };
  const push = (kind: AlertKind, rows: Row[]) => {
    for (const r of rows) out.push({ kind, on: r.on, debtorId: r.debtor_id, debtorName: r.debtor_name, claimId: r.claim_id, claimRef: r.claim_ref, amount: r.amount, currency: r.currency });
  };
  const open = sql.join(OPEN_STATUSES.filter((s) => s !== 'disputed'));
  if (want.has('overdue')) {
    const { rows } = await sql<Row>`
      select c.due_date::text as on, c.debtor_id, d.display_name as debtor_name, c.id as claim_id, c.external_ref as claim_ref, c.principal::text as amount, c.currency
        from claims c join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
       where c.tenant_id = ${scope.tenantId} and c.due_date between ${period.from}::date and ${period.to}::date
         and c.status in (${open}) ${creditor('c.creditor_id')}`.execute(db);
    push('overdue', rows);
  }
  if (want.has('promise_broken')) {
    const { rows } = await sql<Row>`
      select p.judged_on::text as on, p.debtor_id, d.display_name as debtor_name, c.id as claim_id, c.external_ref as claim_ref, p.amount::text as amount, c.currency
        from promises p
        join debtors d on d.tenant_id = p.tenant_id and d.id = p.debtor_id
        join lateral (select c.id, c.external_ref, c.currency from claims c
                       where c.tenant_id = p.tenant_id and c.id = any(p.claim_ids) ${creditor('c.creditor_id')}
                       order by c.due_date, c.id limit 1) c on true
       where p.tenant_id = ${scope.tenantId} and p.state = 'broken' and p.judged_on between ${period.from}::date and ${period.to}::date`.execute(db);
    push('promise_broken', rows);
  }
  if (want.has('plan_lapsed')) {
    const { rows } = await sql<Row>`
      select p.lapsed_on::text as on, p.debtor_id, d.display_name as debtor_name, null::uuid as claim_id, null::text as claim_ref, (p.total - p.paid)::numeric(20,2)::text as amount, p.currency
        from plans p join debtors d on d.tenant_id = p.tenant_id and d.id = p.debtor_id
       where p.tenant_id = ${scope.tenantId} and p.lapsed_on between ${period.from}::date and ${period.to}::date ${creditor('p.creditor_id')}`.execute(db);
    push('plan_lapsed', rows);
  }
  if (want.has('dispute_opened')) {
    const { rows } = await sql<Row>`
      select (c.updated_at at time zone 'Europe/Rome')::date::text as on, c.debtor_id, d.display_name as debtor_name, c.id as claim_id, c.external_ref as claim_ref, c.principal::text as amount, c.currency
        from claim_balances b
        join claims c on c.id = b.claim_id and c.tenant_id = b.tenant_id
        join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
       where b.tenant_id = ${scope.tenantId} and b.status = 'disputed' and c.status = 'disputed'
         and (c.updated_at at time zone 'Europe/Rome')::date between ${period.from}::date and ${period.to}::date ${creditor('c.creditor_id')}`.execute(db);
    push('dispute_opened', rows);
  }
  if (want.has('guarantee_expiring')) {
    // Told once: on the days its expiry enters the window (EXPIRY_ALERT_DAYS before its last day).
    const shift = (d: string) => plainDateOf(d).add({ days: EXPIRY_ALERT_DAYS }).toString();
    for (const g of await expiringGuarantees(db, scope, { from: shift(period.from), to: shift(period.to) })) {
      out.push({ kind: 'guarantee_expiring', on: g.on, debtorId: g.debtorId, debtorName: g.debtorName, claimId: null, claimRef: g.claimRef, amount: g.amount, currency: g.currency });
    }
  }
  return out;
}
