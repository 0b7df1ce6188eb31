import { sql } from 'kysely';
import type { Trx } from '../../db/connect.ts';
import { fillInstalments, type InstalmentStatus } from '../../domain/plans/lapse.ts';

/**
 * What was paid on a plan: the money the payment engine gave its positions (allocations of payments
 * not reversed) with a value date from the day the plan started — and the instalments filled with it
 * in order (domain/plans/lapse.ts `fillInstalments`) as of `asOf`.
 */
export async function planFill(trx: Trx, plan: { id: string; tenant_id: string; claim_ids: string[]; started_on: string }, asOf: string) {
  const row = await trx
    .selectFrom('payment_allocations as a')
    .innerJoin('payments as y', (j) => j.onRef('y.id', '=', 'a.payment_id').onRef('y.tenant_id', '=', 'a.tenant_id'))
    .select(sql<string>`round(coalesce(sum(a.amount), 0), 2)::text`.as('paid'))
    .where('a.tenant_id', '=', plan.tenant_id)
    .where('a.claim_id', 'in', plan.claim_ids)
    .where('y.value_date', '>=', plan.started_on)
    .where('y.reversed_at', 'is', null)
    .executeTakeFirstOrThrow();
  const rows = await trx.selectFrom('plan_instalments').selectAll().where('tenant_id', '=', plan.tenant_id).where('plan_id', '=', plan.id).orderBy('number').execute();
  const statuses: InstalmentStatus[] = fillInstalments(
    rows.map((r) => ({ number: r.number, dueOn: r.due_on, amount: r.amount })),
    row.paid,
    asOf,
  );
  return { paid: row.paid, rows, statuses };
}

/** Stores the instalments' paid amounts and states where they changed. */
export async function storeFill(trx: Trx, tenantId: string, planId: string, fill: Awaited<ReturnType<typeof planFill>>): Promise<void> {
  for (const s of fill.statuses) {
    const r = fill.rows.find((x) => x.number === s.number)!;
    if (r.paid === s.paid && r.state === s.state) continue;
    await trx.updateTable('plan_instalments').set({ paid: s.paid, state: s.state }).where('tenant_id', '=', tenantId).where('plan_id', '=', planId).where('number', '=', s.number).execute();
  }
}
