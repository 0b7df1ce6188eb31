import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { today } from '../../domain/dates.ts';
import { invalid, fieldError } from '../../domain/errors.ts';
import { OPEN_STATUSES, type ClaimStatus } from '../../domain/model.ts';
import type { Actor } from '../../domain/policies.ts';
import { diff, recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { checkVersion } from '../shared/present.ts';
import { loadClaim } from '../shared/scope.ts';
import { getClaimHold } from './get-claim-hold.ts';
import { HoldClaimInput, type ClaimHoldView } from './hold-schema.ts';
import { dateParam, msg } from '../../domain/messages/index.ts';

/**
 * Holds a claim's dunning until a day, for a reason (always recorded): the engine does nothing on it
 * until the day after. Holding a held claim again changes the date or the reason. The claim's next
 * action date is left to the engine, which reads the hold (nextAction puts the step after it);
 * releasing early works the date out again (release-claim-hold).
 */
export async function holdClaim(db: Db, actor: Actor, id: string, input: z.input<typeof HoldClaimInput>): Promise<ClaimHoldView> {
  return db.transaction().execute((trx) => placeClaimHold(trx, actor, id, input));
}

/** `holdClaim` on a transaction the caller holds. */
export async function placeClaimHold(trx: Trx, actor: Actor, id: string, input: z.input<typeof HoldClaimInput>, opts: { today?: string } = {}): Promise<ClaimHoldView> {
  const data = parseInput(HoldClaimInput, input);
  const now = opts.today ?? today().toString();
  if (data.until < now) {
    throw invalid([fieldError('until', 'claim.hold_until_today', { date: dateParam(String(now)) })]);
  }
  const claim = await loadClaim(trx, actor, id, { forUpdate: true });
  authorize(actor, 'update', 'claim');
  checkVersion(claim.version, data.version);
  if (!OPEN_STATUSES.includes(claim.status as ClaimStatus)) {
    throw invalid([], msg('claim.closed_no_hold'));
  }
  const changes = diff({ holdUntil: claim.hold_until, holdReason: claim.hold_reason }, { holdUntil: data.until, holdReason: data.reason });
  if (!changes) return getClaimHold(trx, actor, id);
  await trx
    .updateTable('claims')
    .set({ hold_until: data.until, hold_reason: data.reason, version: sql`version + 1`, updated_at: sql`now()` })
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', id)
    .execute();
  await recordAudit(trx, actor, {
    action: 'claim.held',
    entityType: 'claim',
    entityId: id,
    debtorId: claim.debtor_id,
    creditorId: claim.creditor_id,
    ...changes,
  });
  return getClaimHold(trx, actor, id);
}
