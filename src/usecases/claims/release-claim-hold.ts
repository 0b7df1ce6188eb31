import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { today } from '../../domain/dates.ts';
import { OPEN_STATUSES, type ClaimStatus } from '../../domain/model.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { checkVersion } from '../shared/present.ts';
import { loadClaim } from '../shared/scope.ts';
import { loadClaimSteps, nextActionOn, strategyOf } from '../strategies/claim-steps.ts';
import { getClaimHold } from './get-claim-hold.ts';
import { ReleaseClaimHoldQuery, type ClaimHoldView } from './hold-schema.ts';

/**
 * Ends a claim's hold now: the hold is cleared and the next action is due on the later of today and
 * the day its strategy sets for the next step. That day is worked out again without the hold — the
 * engine moves a held claim's date past the hold, and an early release must not wait for it. A claim
 * with no strategy yet keeps the later of today and its stored date; one whose strategy has no step
 * left keeps none. Releasing a claim that is not held changes nothing.
 */
export async function releaseClaimHold(
  db: Db,
  actor: Actor,
  id: string,
  input: z.input<typeof ReleaseClaimHoldQuery> = {},
): Promise<ClaimHoldView> {
  return db.transaction().execute((trx) => liftClaimHold(trx, actor, id, input));
}

/** `releaseClaimHold` on a transaction the caller holds. */
export async function liftClaimHold(
  trx: Trx,
  actor: Actor,
  id: string,
  input: z.input<typeof ReleaseClaimHoldQuery> = {},
): Promise<ClaimHoldView> {
  const data = parseInput(ReleaseClaimHoldQuery, input);
  const now = today().toString();
  const claim = await loadClaim(trx, actor, id, { forUpdate: true });
  authorize(actor, 'update', 'claim');
  checkVersion(claim.version, data.version);
  if (claim.hold_until === null && claim.hold_reason === null) return getClaimHold(trx, actor, id);

  let due = claim.next_action_on;
  const [state] = claim.strategy_id ? await loadClaimSteps(trx, actor, { claimId: id }) : [];
  if (state && claim.strategy_id) {
    const strategy = await trx
      .selectFrom('strategies')
      .select(['name', 'steps'])
      .where('tenant_id', '=', actor.tenantId)
      .where('id', '=', claim.strategy_id)
      .executeTakeFirstOrThrow();
    try {
      due = nextActionOn(strategyOf(strategy), state, state.dunningStepKey, null);
    } catch {
      // A step key the strategy no longer has: the engine reports the claim; keep its stored date.
    }
  }
  const open = OPEN_STATUSES.includes(claim.status as ClaimStatus);
  const onStrategy = state !== undefined && claim.strategy_id !== null;
  // A closed claim has nothing left to do: its date stays as it is.
  const nextOn = !open ? claim.next_action_on : due === null ? (onStrategy ? null : now) : due > now ? due : now;
  await trx
    .updateTable('claims')
    .set({ hold_until: null, hold_reason: null, next_action_on: nextOn, version: sql`version + 1`, updated_at: sql`now()` })
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', id)
    .execute();
  await recordAudit(trx, actor, {
    action: 'claim.hold_released',
    entityType: 'claim',
    entityId: id,
    debtorId: claim.debtor_id,
    creditorId: claim.creditor_id,
    before: { holdUntil: claim.hold_until, holdReason: claim.hold_reason, nextActionOn: claim.next_action_on },
    after: { holdUntil: null, holdReason: null, nextActionOn: nextOn },
  });
  return getClaimHold(trx, actor, id);
}
