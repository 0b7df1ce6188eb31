import type { Db } from '../../db/connect.ts';
import { notFound } from '../../domain/errors.ts';
import { PROCEDURE_LAW, type MediationOutcome } from '../../domain/mediation/rules.ts';
import type { Actor } from '../../domain/policies.ts';
import { assertId } from '../shared/scope.ts';
import type { MediationView } from './schema.ts';

/** Mediations as the actor may see them (its tenant's; a viewer its creditor's). */
export async function mediationViews(db: Db, actor: Actor, f: { ids?: readonly string[]; debtorId?: string | undefined; creditorId?: string | undefined; outcome?: MediationOutcome | undefined }): Promise<MediationView[]> {
  let q = db
    .selectFrom('mediations as m')
    .innerJoin('debtors as d', (j) => j.onRef('d.id', '=', 'm.debtor_id').onRef('d.tenant_id', '=', 'm.tenant_id'))
    .innerJoin('creditors as c', (j) => j.onRef('c.id', '=', 'm.creditor_id').onRef('c.tenant_id', '=', 'm.tenant_id'))
    .selectAll('m')
    .select(['d.display_name as debtor_name', 'c.name as creditor_name'])
    .where('m.tenant_id', '=', actor.tenantId);
  if (actor.creditorId !== null) q = q.where('m.creditor_id', '=', actor.creditorId);
  if (f.ids) q = q.where('m.id', 'in', f.ids.length ? [...f.ids] : ['00000000-0000-0000-0000-000000000000']);
  if (f.debtorId) q = q.where('m.debtor_id', '=', f.debtorId);
  if (f.creditorId) q = q.where('m.creditor_id', '=', f.creditorId);
  if (f.outcome) q = q.where('m.outcome', '=', f.outcome);
  const rows = await q.orderBy('m.proposed_on', 'desc').orderBy('m.created_at', 'desc').limit(1000).execute();
  if (rows.length === 0) return [];
  const claims = await db
    .selectFrom('mediation_claims as mc')
    .innerJoin('claims as k', (j) => j.onRef('k.id', '=', 'mc.claim_id').onRef('k.tenant_id', '=', 'mc.tenant_id'))
    .select(['mc.mediation_id', 'k.id', 'k.external_ref'])
    .where('mc.tenant_id', '=', actor.tenantId)
    .where('mc.mediation_id', 'in', rows.map((r) => r.id))
    .orderBy('k.due_date')
    .orderBy('k.external_ref')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    creditorId: r.creditor_id,
    creditorName: r.creditor_name,
    debtorId: r.debtor_id,
    debtorName: r.debtor_name,
    procedure: r.procedure,
    compulsory: r.compulsory,
    law: PROCEDURE_LAW[r.procedure],
    proposedOn: r.proposed_on,
    pauseUntil: r.pause_until,
    body: r.body,
    note: r.note,
    currency: r.currency,
    amount: r.amount,
    outcome: r.outcome,
    agreedAmount: r.agreed_amount,
    outcomeOn: r.outcome_on,
    outcomeNote: r.outcome_note,
    claims: claims.filter((c) => c.mediation_id === r.id).map((c) => ({ id: c.id, reference: c.external_ref })),
    version: r.version,
  }));
}

export async function mediationView(db: Db, actor: Actor, id: string): Promise<MediationView> {
  assertId(id, 'mediation');
  const [v] = await mediationViews(db, actor, { ids: [id] });
  if (!v) throw notFound('mediation');
  return v;
}

export async function loadMediation(db: Db, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
  assertId(id, 'mediation');
  let q = db.selectFrom('mediations').selectAll().where('tenant_id', '=', actor.tenantId).where('id', '=', id);
  if (actor.creditorId !== null) q = q.where('creditor_id', '=', actor.creditorId);
  if (opts.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('mediation');
  return row;
}
