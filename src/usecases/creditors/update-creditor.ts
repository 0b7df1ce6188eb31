import { storedPlanRulesProblems, type PlanRules } from '../../domain/plans/rules.ts';
import { creditorView } from './creditor-view.ts';
import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { conflict, fieldError, invalid } from '../../domain/errors.ts';
import { comuneTaxCodeProblem } from '../../domain/municipal/settings.ts';
import { assertMandateAllowed } from './mandate-rules.ts';
import type { Actor } from '../../domain/policies.ts';
import { diff } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { saveChanges } from '../shared/save-changes.ts';
import { checkVersion, present } from '../shared/present.ts';
import { loadCreditor } from '../shared/scope.ts';
import { resettleClaim } from '../claims/ledger.ts';
import { refreshBalances } from '../claims/balances.ts';
import { CHARGEABLE_ACT_KINDS } from '../../domain/municipal/charges.ts';
import { UpdateCreditorInput, type CreditorView } from './schema.ts';
import { msg } from '../../domain/messages/index.ts';

export async function updateCreditor(db: Db, actor: Actor, id: string, input: z.input<typeof UpdateCreditorInput>): Promise<CreditorView> {
  return db.transaction().execute((trx) => amendCreditor(trx, actor, id, input));
}

/** `updateCreditor` on a transaction the caller holds. */
export async function amendCreditor(trx: Trx, actor: Actor, id: string, input: z.input<typeof UpdateCreditorInput>): Promise<CreditorView> {
  const data = parseInput(UpdateCreditorInput, input);
  const current = await loadCreditor(trx, actor, id, { forUpdate: true });
  authorize(actor, 'update', 'creditor');
  checkVersion(current.version, data.version);
  const kind = data.kind ?? current.kind;
  // A comune's own plan rules must allow 36 instalments above €6,000.01 (c.797).
  const planProblems = storedPlanRulesProblems((data.planRules !== undefined ? data.planRules : current.plan_rules) as Partial<PlanRules> | null, kind);
  if (planProblems.length) throw invalid(planProblems.map((m) => fieldError('planRules.tiers', m.code, m.params)));
  // A comune's codice fiscale: 11 digits (checked in the schema when kind and code come together).
  if (data.kind !== undefined || data.taxCode !== undefined) {
    const cf = comuneTaxCodeProblem(kind, data.taxCode !== undefined ? data.taxCode : current.tax_code);
    if (cf) throw invalid([fieldError('taxCode', cf.code, cf.params)]);
  }
  // Activating a comune's mandate (or turning an active creditor into a comune) needs the albo.
  const active = data.active ?? current.active;
  if ((data.active === true && !current.active) || (data.kind === 'public_entity' && current.kind !== 'public_entity')) {
    await assertMandateAllowed(trx, actor.tenantId, { kind, active });
  }
  if (data.name && data.name !== current.name) {
    const clash = await trx
      .selectFrom('creditors')
      .select('id')
      .where('tenant_id', '=', actor.tenantId)
      .where('name', '=', data.name)
      .where('id', '!=', id)
      .executeTakeFirst();
    if (clash) throw conflict(msg('creditor.name_taken', { name: data.name }));
  }
  const changes = diff(present(current), data as Record<string, unknown>);
  if (!changes) return creditorView(current);
  const row = await saveChanges(trx, actor, 'creditors', id, changes, {
    action: 'creditor.updated',
    entityType: 'creditor',
    creditorId: id,
  });
  // The creditor's terms decide how every payment of its claims was split: replay them.
  if ('allocationOrder' in changes.after || 'flatCompensation' in changes.after || 'revenueRules' in changes.after) {
    const claims = await trx
      .selectFrom('claims')
      .select('id')
      .where('tenant_id', '=', actor.tenantId)
      .where('creditor_id', '=', id)
      .where((eb) => eb.exists(eb.selectFrom('payment_allocations as a').select('a.id').whereRef('a.claim_id', '=', 'claims.id').whereRef('a.tenant_id', '=', 'claims.tenant_id')))
      .orderBy('id')
      .forUpdate()
      .execute();
    for (const c of claims) await resettleClaim(trx, actor, c.id);
  }
  // The regulation's c.803 figures decide what an enforceable act owes even with no payment: store it anew.
  if ('revenueRules' in changes.after) {
    const charged = await trx
      .selectFrom('claims')
      .select('id')
      .where('tenant_id', '=', actor.tenantId)
      .where('creditor_id', '=', id)
      .where('act_enforceable_on', 'is not', null)
      .where('act_kind', 'in', [...CHARGEABLE_ACT_KINDS])
      .where((eb) => eb.not(eb.exists(eb.selectFrom('payment_allocations as a').select('a.id').whereRef('a.claim_id', '=', 'claims.id').whereRef('a.tenant_id', '=', 'claims.tenant_id'))))
      .orderBy('id')
      .forUpdate()
      .execute();
    await refreshBalances(
      trx,
      actor.tenantId,
      charged.map((c) => c.id),
    );
  }
  return creditorView(row);
}
