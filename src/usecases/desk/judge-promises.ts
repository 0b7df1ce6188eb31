import { sql, type Selectable } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { PromisesTable } from '../../db/schema.ts';
import { statusAfterPause } from '../../domain/claims/lifecycle.ts';
import { today } from '../../domain/dates.ts';
import { DEFAULT_PRIORITY_WEIGHTS } from '../../domain/desk/priority.ts';
import { judgePromise } from '../../domain/desk/promises.ts';
import { money } from '../../domain/money.ts';
import { systemActor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { refreshDebtorProfiles } from '../risk/refresh-debtor-profiles.ts';

export interface JudgeResult {
  judged: number;
  kept: number;
  broken: number;
}

/**
 * Judges the pending promises (domain/desk/promises.ts) of every tenant as of `asOf`: what was paid on
 * its positions since it was made (payments not reversed, their allocations to those claims) against
 * its amount, after the grace days. A kept promise is closed; a short or broken one too, and then the
 * debtor comes back: its positions that were paused for the promise resume (partially paid if money
 * came, in collection otherwise — the dunning engine works them again), and it is first in its desk
 * queues (due now, the broken-promise weight on its priority). A promise kept early is closed as soon
 * as it is judged (`only.tenantId`: one tenant's alone). Each promise in its own transaction with its audit event; run daily by the
 * `judge-promises` job and by hand (`incasso` none yet).
 */
export async function judgePromises(db: Db, asOf: string = today().toString(), now: Date = new Date(), only: { tenantId?: string } = {}): Promise<JudgeResult> {
  const out: JudgeResult = { judged: 0, kept: 0, broken: 0 };
  const pending = await db
    .selectFrom('promises')
    .select(['id', 'tenant_id'])
    .where('state', '=', 'pending')
    .$if(only.tenantId !== undefined, (q) => q.where('tenant_id', '=', only.tenantId!))
    .orderBy('id')
    .execute();
  for (const p of pending) {
    await db.transaction().execute(async (trx) => {
      const promise = await trx.selectFrom('promises').selectAll().where('tenant_id', '=', p.tenant_id).where('id', '=', p.id).forUpdate().executeTakeFirst();
      if (!promise || promise.state !== 'pending' || promise.claim_ids.length === 0) return;
      const state = await judgePromiseNow(trx, promise, asOf, now);
      if (state === 'pending') return;
      const broken = state !== 'kept';
      out.judged++;
      if (broken) out.broken++;
      else out.kept++;
    });
  }
  return out;
}

/**
 * Judges one pending promise as of `asOf` in the caller's transaction (the caller holds its lock):
 * its state, the positions it paused resumed, its debtor's desk items due now. Also used when a
 * reversed payment had kept it (payments/reverse-payment.ts). Returns the state it is in now.
 */
export async function judgePromiseNow(trx: Db, promise: Selectable<PromisesTable>, asOf: string, now: Date): Promise<Selectable<PromisesTable>['state']> {
  const paid = await trx
    .selectFrom('payment_allocations as a')
    .innerJoin('payments as y', (j) => j.onRef('y.id', '=', 'a.payment_id').onRef('y.tenant_id', '=', 'a.tenant_id'))
    .select(sql<string>`coalesce(sum(a.amount), 0)::text`.as('paid'))
    .where('a.tenant_id', '=', promise.tenant_id)
    .where('a.claim_id', 'in', promise.claim_ids)
    .where('y.value_date', '>=', promise.made_on)
    .where('y.reversed_at', 'is', null)
    .executeTakeFirstOrThrow();
  const j = judgePromise({ amount: promise.amount, dueOn: promise.due_on, graceDays: promise.grace_days }, paid.paid, asOf);
  if (j.state === 'pending') return j.state;
  const actor = systemActor(promise.tenant_id, 'promises');
  await trx.updateTable('promises').set({ state: j.state, paid: j.paid, judged_on: asOf }).where('tenant_id', '=', promise.tenant_id).where('id', '=', promise.id).execute();
  // The positions paused for it that still owe go back to work.
  const claims = await trx
    .selectFrom('claims')
    .select(['id', 'principal_paid', 'interest_paid', 'costs_paid'])
    .where('tenant_id', '=', promise.tenant_id)
    .where('id', 'in', promise.claim_ids)
    .where('status', '=', 'promised')
    .forUpdate()
    .execute();
  for (const c of claims) {
    const anyPayment = [c.principal_paid, c.interest_paid, c.costs_paid].some((v) => !money(v).isZero());
    const status = statusAfterPause({ anyPayment });
    await trx.updateTable('claims').set({ status, version: sql`version + 1`, updated_at: sql`now()` }).where('tenant_id', '=', promise.tenant_id).where('id', '=', c.id).execute();
    await recordAudit(trx, actor, { action: 'claim.status_changed', entityType: 'claim', entityId: c.id, debtorId: promise.debtor_id, before: { status: 'promised' }, after: { status, promiseId: promise.id } });
  }
  const broken = j.state !== 'kept';
  await trx
    .updateTable('desk_items')
    .set((eb) => ({ next_work_at: now, ...(broken ? { priority: eb('priority', '+', DEFAULT_PRIORITY_WEIGHTS.brokenPromise) } : {}) }))
    .where('tenant_id', '=', promise.tenant_id)
    .where('debtor_id', '=', promise.debtor_id)
    .execute();
  await recordAudit(trx, actor, {
    action: broken ? 'promise.broken' : 'promise.kept',
    entityType: 'debtor',
    entityId: promise.debtor_id,
    debtorId: promise.debtor_id,
    after: { promiseId: promise.id, state: j.state, amount: promise.amount, dueOn: promise.due_on, paid: j.paid, shortfall: j.shortfall, resumed: claims.map((c) => c.id) },
  });
  await refreshDebtorProfiles(trx, promise.tenant_id, [promise.debtor_id]);
  return j.state;
}
