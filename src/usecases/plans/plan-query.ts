import type { Db } from '../../db/connect.ts';
import { notFound } from '../../domain/errors.ts';
import { msg, DEFAULT_LOCALE, type Locale } from '../../domain/messages/index.ts';
import { trimRate } from '../../domain/interest/rate-table.ts';
import { money } from '../../domain/money.ts';
import type { Actor } from '../../domain/policies.ts';
import { assertIdOr } from './scope.ts';
import { wordStored } from '../shared/stored-messages.ts';
import type { PlanView } from './schema.ts';

/** The plans the actor may see, as views (a viewer: its creditor's only), instalments included. */
export async function fetchPlanViews(db: Db, actor: Actor, filter: { ids?: string[]; debtorId?: string; claimId?: string }, locale: Locale = DEFAULT_LOCALE): Promise<PlanView[]> {
  let q = db.selectFrom('plans').selectAll().where('tenant_id', '=', actor.tenantId).orderBy('created_at', 'desc').orderBy('id');
  if (actor.creditorId !== null) q = q.where('creditor_id', '=', actor.creditorId);
  if (filter.ids) q = q.where('id', 'in', filter.ids.length ? filter.ids : ['00000000-0000-0000-0000-000000000000']);
  if (filter.debtorId) q = q.where('debtor_id', '=', filter.debtorId);
  if (filter.claimId) q = q.where((eb) => eb(eb.val(filter.claimId!), '=', eb.fn.any('claim_ids')));
  const plans = await q.limit(500).execute();
  if (plans.length === 0) return [];
  const rows = await db
    .selectFrom('plan_instalments')
    .selectAll()
    .where('tenant_id', '=', actor.tenantId)
    .where('plan_id', 'in', plans.map((p) => p.id))
    .orderBy('plan_id')
    .orderBy('number')
    .execute();
  const byPlan = new Map<string, typeof rows>();
  for (const r of rows) byPlan.set(r.plan_id, [...(byPlan.get(r.plan_id) ?? []), r]);
  return plans.map((p) => ({
    id: p.id,
    debtorId: p.debtor_id,
    creditorId: p.creditor_id,
    claimIds: p.claim_ids,
    currency: p.currency,
    total: p.total,
    capital: money(p.total).minus(p.interest).toFixed(2),
    interest: money(p.interest).toFixed(2),
    deferralRate: p.deferral_rate === null ? null : trimRate(p.deferral_rate),
    deferralRateSource: p.deferral_rate_source,
    paid: p.paid,
    count: p.instalment_count,
    state: p.state,
    needsApproval: p.needs_approval,
    reasons: p.reasons.map((r) => wordStored(r, locale)),
    startedOn: p.started_on,
    proposedBy: p.proposed_by,
    approvedBy: p.approved_by,
    approvedAt: p.approved_at ? p.approved_at.toISOString() : null,
    decidedReason: p.decided_reason,
    extensionUsed: p.extension_used,
    extendedOn: p.extended_on,
    lapsedOn: p.lapsed_on,
    closedOn: p.closed_on,
    version: p.version,
    instalments: (byPlan.get(p.id) ?? []).map((i) => ({ number: i.number, dueOn: i.due_on, amount: i.amount, capital: money(i.amount).minus(i.interest).toFixed(2), interest: money(i.interest).toFixed(2), paid: i.paid, state: i.state, remindedOn: i.reminded_on, courtesyOn: i.courtesy_on })),
  }));
}

export async function fetchPlanView(db: Db, actor: Actor, id: string, locale: Locale = DEFAULT_LOCALE): Promise<PlanView> {
  assertIdOr(id);
  const [view] = await fetchPlanViews(db, actor, { ids: [id] }, locale);
  if (!view) throw notFound(msg('plans.not_found'));
  return view;
}
