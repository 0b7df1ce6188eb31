import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import type { LegalOutcome } from '../../db/schema.ts';
import type { Jurisdiction } from '../../domain/legal/cost-benefit.ts';
import type { LegalDossierView, LegalSheetView } from './schema.ts';

/**
 * Hand-offs the actor may see: the tenant's; a creditor's viewer, its creditor's; a law firm's user,
 * ONLY those handed to it (`firm_user_id`). Everyone else gets 404 for the rest.
 */
export function dossiersQuery(db: Db, actor: Actor) {
  let q = db
    .selectFrom('legal_handoffs as h')
    .innerJoin('claims as c', (j) => j.onRef('c.id', '=', 'h.claim_id').onRef('c.tenant_id', '=', 'h.tenant_id'))
    .innerJoin('debtors as d', (j) => j.onRef('d.id', '=', 'c.debtor_id').onRef('d.tenant_id', '=', 'c.tenant_id'))
    .innerJoin('creditors as k', (j) => j.onRef('k.id', '=', 'c.creditor_id').onRef('k.tenant_id', '=', 'c.tenant_id'))
    .where('h.tenant_id', '=', actor.tenantId);
  if (actor.role === 'law_firm') q = q.where('h.firm_user_id', '=', actor.userId ?? '00000000-0000-0000-0000-000000000000');
  if (actor.creditorId !== null) q = q.where('c.creditor_id', '=', actor.creditorId);
  return q;
}

export function selectDossier(q: ReturnType<typeof dossiersQuery>) {
  return q.select([
    'h.id',
    'h.claim_id',
    'c.external_ref',
    'k.name as creditor_name',
    'd.display_name as debtor_name',
    'c.jurisdiction',
    'c.debtor_id',
    'c.creditor_id',
    'h.firm_name',
    'h.firm_user_id',
    'h.handed_on',
    'h.handed_by_label',
    'h.outcome',
    'h.outcome_on',
    'h.version',
    'h.sheet',
  ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectDossier>['executeTakeFirstOrThrow']>>;

export function presentDossier(r: Row) {
  return {
    id: r.id,
    claimId: r.claim_id,
    externalRef: r.external_ref,
    creditorName: r.creditor_name,
    debtorName: r.debtor_name,
    jurisdiction: r.jurisdiction as Jurisdiction,
    firmName: r.firm_name,
    firmUserId: r.firm_user_id,
    handedOn: r.handed_on,
    handedBy: r.handed_by_label.replace(/^user:/, ''),
    outcome: r.outcome as LegalOutcome | null,
    outcomeOn: r.outcome_on,
    version: r.version,
  };
}

export async function outcomesOf(db: Db, actor: Actor, handoffId: string): Promise<LegalDossierView['outcomes']> {
  const rows = await db
    .selectFrom('legal_outcomes')
    .select(['id', 'outcome', 'occurred_on', 'note', 'cost_ids', 'recorded_by_label', 'created_at'])
    .where('tenant_id', '=', actor.tenantId)
    .where('handoff_id', '=', handoffId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((o) => ({ id: o.id, outcome: o.outcome, occurredOn: o.occurred_on, note: o.note, costIds: o.cost_ids, recordedBy: o.recorded_by_label.replace(/^user:/, ''), createdAt: o.created_at.toISOString() }));
}

export const sheetOfRow = (r: Row) => r.sheet as LegalSheetView;
