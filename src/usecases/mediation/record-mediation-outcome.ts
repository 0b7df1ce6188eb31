import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { today } from '../../domain/dates.ts';
import { fieldError, invalid } from '../../domain/errors.ts';
import { PROCEDURE_LAW } from '../../domain/mediation/rules.ts';
import { msg } from '../../domain/messages/index.ts';
import { OPEN_STATUSES } from '../../domain/model.ts';
import type { Actor } from '../../domain/policies.ts';
import { liftClaimHold } from '../claims/release-claim-hold.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { checkVersion } from '../shared/present.ts';
import { mediationHoldReason } from './propose-mediation.ts';
import { MediationOutcomeInput, type MediationView } from './schema.ts';
import { loadMediation, mediationView } from './views.ts';

/**
 * Records how a mediation ended: agreed (with the amount agreed; the claims stay paused until the pause
 * ends, for the settlement or plan that carries the agreement out), failed or refused (the hold the
 * mediation placed is lifted at once, so dunning — or the legal step — goes on). Once only.
 */
export async function recordMediationOutcome(db: Db, actor: Actor, id: string, input: z.input<typeof MediationOutcomeInput>): Promise<MediationView> {
  await db.transaction().execute((trx) => bookMediationOutcome(trx, actor, id, input));
  return mediationView(db, actor, id);
}

/** `recordMediationOutcome` on a transaction the caller holds. */
export async function bookMediationOutcome(trx: Trx, actor: Actor, id: string, input: z.input<typeof MediationOutcomeInput>, opts: { today?: string } = {}): Promise<void> {
  const data = parseInput(MediationOutcomeInput, input);
  const now = opts.today ?? today().toString();
  const m = await loadMediation(trx, actor, id, { forUpdate: true });
  authorize(actor, 'update', 'claim');
  checkVersion(m.version, data.version);
  if (m.outcome !== 'pending') throw invalid([], msg('mediation.already_decided'));
  if (data.outcome === 'agreed' && !data.agreedAmount) throw invalid([fieldError('agreedAmount', 'mediation.agreed_amount_required')]);
  if (data.outcome !== 'agreed' && data.agreedAmount) throw invalid([fieldError('agreedAmount', 'mediation.agreed_amount_only')]);

  await trx
    .updateTable('mediations')
    .set({ outcome: data.outcome, agreed_amount: data.agreedAmount ?? null, outcome_on: now, outcome_note: data.note ?? null, version: sql`version + 1`, updated_at: sql`now()` })
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', m.id)
    .execute();
  if (data.outcome !== 'agreed') {
    // Only the hold this mediation placed (same day and reason): a hold someone set since stays.
    const reason = mediationHoldReason(m.procedure, m.proposed_on, PROCEDURE_LAW[m.procedure]);
    const held = await trx
      .selectFrom('claims')
      .select('id')
      .where('tenant_id', '=', actor.tenantId)
      .where('id', 'in', (eb) => eb.selectFrom('mediation_claims').select('claim_id').where('tenant_id', '=', actor.tenantId).where('mediation_id', '=', m.id))
      .where('status', 'in', OPEN_STATUSES)
      .where('hold_until', '=', m.pause_until)
      .where('hold_reason', '=', reason)
      .orderBy('id')
      .execute();
    for (const c of held) await liftClaimHold(trx, actor, c.id);
  }
  await recordAudit(trx, actor, {
    action: 'mediation.outcome_recorded',
    entityType: 'mediation',
    entityId: m.id,
    debtorId: m.debtor_id,
    creditorId: m.creditor_id,
    before: { outcome: 'pending', agreedAmount: null, outcomeOn: null },
    after: { outcome: data.outcome, agreedAmount: data.agreedAmount ?? null, outcomeOn: now },
  });
}
