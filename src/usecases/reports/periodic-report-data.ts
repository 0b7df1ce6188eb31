import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { plainDateOf } from '../../domain/dates.ts';
import { SHIPPED_OUTCOMES } from '../../domain/desk/outcomes.ts';
import { money, toMoneyString } from '../../domain/money.ts';
import type { PeriodicReport } from '../../domain/reports/periodic.ts';
import type { ReportPeriod } from '../../domain/reports/schedule.ts';
import { portfolioTotals } from '../claims/totals.ts';

/** Right-party outcomes (domain/desk/outcomes.ts): a conversation with the debtor in person. */
const RIGHT_PARTY = SHIPPED_OUTCOMES.filter((o) => o.level === 'right_party').map((o) => o.code);

export async function loadPeriodicReport(db: Db, tenantId: string, creditor: { id: string; name: string }, period: ReportPeriod, madeOn: string): Promise<PeriodicReport> {
  const romeDay = (col: string) => sql<string>`(${sql.ref(col)} at time zone 'Europe/Rome')::date`;
  const horizon = plainDateOf(madeOn).add({ months: 3 }).toString();
  const [totals, collected, desk, plans, statements] = await Promise.all([
    portfolioTotals(db, tenantId, creditor.id),
    sql<{ revenue: string; tax_year: number | null; currency: string; payments: number; collected: string; reversed: string }>`
      with shares as (
        select c.kind as revenue, c.tax_year, p.currency, p.id as payment_id,
               case when p.value_date between ${period.from}::date and ${period.to}::date then a.amount else 0 end as collected,
               case when p.reversed_on between ${period.from}::date and ${period.to}::date then a.amount else 0 end as reversed,
               p.value_date between ${period.from}::date and ${period.to}::date as in_period
          from payments p
          join payment_allocations a on a.tenant_id = p.tenant_id and a.payment_id = p.id
          join claims c on c.tenant_id = a.tenant_id and c.id = a.claim_id
         where p.tenant_id = ${tenantId} and p.creditor_id = ${creditor.id}
           and (p.value_date between ${period.from}::date and ${period.to}::date or p.reversed_on between ${period.from}::date and ${period.to}::date))
      select revenue, tax_year, currency, count(distinct payment_id) filter (where in_period)::int as payments,
             sum(collected)::numeric(20,2)::text as collected, sum(reversed)::numeric(20,2)::text as reversed
        from shares group by revenue, tax_year, currency
        order by revenue, tax_year nulls last, currency`.execute(db),
    db
      .selectFrom('desk_calls as k')
      .select([
        sql<number>`count(*)::int`.as('calls'),
        sql<number>`(count(*) filter (where k.outcome in (${sql.join(RIGHT_PARTY)})))::int`.as('right_party'),
        sql<number>`(count(distinct k.debtor_id) filter (where k.outcome in (${sql.join(RIGHT_PARTY)})))::int`.as('reached'),
      ])
      .where('k.tenant_id', '=', tenantId)
      .where('k.ended_at', 'is not', null)
      .where(romeDay('k.ended_at'), '>=', period.from)
      .where(romeDay('k.ended_at'), '<=', period.to)
      .where(({ exists, selectFrom }) =>
        exists(selectFrom('claims as c').select(sql`1`.as('one')).whereRef('c.debtor_id', '=', 'k.debtor_id').where('c.tenant_id', '=', tenantId).where('c.creditor_id', '=', creditor.id)),
      )
      .executeTakeFirstOrThrow(),
    sql<{ currency: string; active: number; expected: string }>`
      select p.currency, count(distinct p.id)::int as active,
             coalesce(sum(i.amount - i.paid) filter (where i.due_on <= ${horizon}::date), 0)::numeric(20,2)::text as expected
        from plans p left join plan_instalments i on i.tenant_id = p.tenant_id and i.plan_id = p.id and i.state <> 'paid'
       where p.tenant_id = ${tenantId} and p.creditor_id = ${creditor.id} and p.state = 'active'
       group by p.currency order by p.currency`.execute(db),
    db
      .selectFrom('remittance_statements')
      .select(['number', 'year', 'currency', 'period_from', 'period_to', sql<string>`totals->>'toRemit'`.as('to_remit'), sql<string>`totals->>'toInvoice'`.as('to_invoice')])
      .where('tenant_id', '=', tenantId)
      .where('creditor_id', '=', creditor.id)
      .where('issued_on', '>=', period.from)
      .where('issued_on', '<=', period.to)
      .orderBy('year')
      .orderBy('number')
      .execute(),
  ]);
  return {
    creditorName: creditor.name,
    period,
    madeOn,
    portfolio: totals
      .map((t) => ({ status: t.status, currency: t.currency, count: t.count, loaded: t.principal, totalDue: t.totalDue }))
      .sort((a, b) => a.currency.localeCompare(b.currency) || a.status.localeCompare(b.status)),
    collected: collected.rows.map((r) => ({
      revenue: r.revenue,
      taxYear: r.tax_year,
      currency: r.currency,
      payments: r.payments,
      collected: r.collected,
      reversed: r.reversed,
      net: toMoneyString(money(r.collected).minus(r.reversed)),
    })),
    desk: { calls: desk.calls, rightParty: desk.right_party, debtorsReached: desk.reached },
    plans: plans.rows.map((p) => ({ active: p.active, currency: p.currency, expectedNext3Months: p.expected })),
    statements: statements.map((s) => ({
      number: s.number,
      year: s.year,
      currency: s.currency,
      periodFrom: s.period_from,
      periodTo: s.period_to,
      toRemit: s.to_remit ?? '0.00',
      toInvoice: s.to_invoice ?? '0.00',
    })),
  };
}
