import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { outcomeOf, outcomesFor, type OutcomeSettings } from '../../domain/desk/outcomes.ts';
import { conflict, fieldError, invalid, notFound } from '../../domain/errors.ts';
import { encodeMessage, msg } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { outcomesQuery, presentOutcome } from './list-outcomes.ts';
import { CorrectOutcomeInput, type OutcomeRecord } from './schema.ts';

export async function correctOutcome(db: Db, actor: Actor, id: string, input: z.input<typeof CorrectOutcomeInput>): Promise<OutcomeRecord> {
  return db.transaction().execute((trx) => rectifyOutcome(trx, actor, id, input));
}

/**
 * A supervisor corrects a desk call's outcome (issue 14 item 6), with a reason that is required. The
 * operator's original stays in the contact log; the correction sits next to it (who, when, why) and
 * is what the board and the review lists count from now on; the audit event has before, after and the
 * reason. A second correction replaces the first (both are in the audit log).
 *
 * Correcting does NOT re-run an outcome's effects, neither undoing the original's nor doing the
 * new one's: a number marked wrong stays invalid, a promise stays recorded, paused or held positions
 * stay so, the contact limits keep counting the call as it was logged (attempt or conversation). The
 * supervisor undoes or does those by hand where they belong: the contact on the debtor's page (valid
 * again, consent), the claim's status or hold on the claim's page, a promise or callback by having an
 * operator call again, the special queues' "back in the queue" for a debtor that left.
 */
export async function rectifyOutcome(trx: Trx, actor: Actor, id: string, input: z.input<typeof CorrectOutcomeInput>): Promise<OutcomeRecord> {
  const data = parseInput(CorrectOutcomeInput, input);
  if (!/^[0-9]{1,18}$/.test(id)) throw notFound(msg('desk.call_not_found'));
  const row = await trx
    .selectFrom('contact_log')
    .select(['id', 'debtor_id', 'outcome', 'corrected_outcome', 'correction_reason', 'allowed'])
    .where('tenant_id', '=', actor.tenantId)
    .where('channel', '=', 'desk')
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound(msg('desk.call_not_found'));
  authorize(actor, 'update', 'supervision');
  if (!row.allowed) throw conflict(msg('desk.correction_refused_call'));
  const tenant = await trx.selectFrom('tenants').select('settings').where('id', '=', actor.tenantId).executeTakeFirstOrThrow();
  const outcome = outcomeOf(outcomesFor((tenant.settings as { outcomes?: OutcomeSettings }).outcomes), data.outcome);
  if (!('effect' in outcome)) throw invalid([{ path: 'outcome', message: encodeMessage(outcome) }]);
  const counts = row.corrected_outcome ?? row.outcome;
  if (outcome.code === counts) throw invalid([fieldError('outcome', 'desk.correction_same', { code: outcome.code })]);
  await trx
    .updateTable('contact_log')
    .set({ corrected_outcome: outcome.code, corrected_by: actor.userId, corrected_at: sql`now()`, correction_reason: data.reason })
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', id)
    .execute();
  await recordAudit(trx, actor, {
    action: 'desk.outcome_corrected',
    entityType: 'debtor',
    entityId: row.debtor_id,
    debtorId: row.debtor_id,
    before: { contactLogId: String(row.id), outcome: counts, originalOutcome: row.outcome, reason: row.correction_reason },
    after: { contactLogId: String(row.id), outcome: outcome.code, reason: data.reason, effectsRerun: false },
  });
  const view = await outcomesQuery(trx, actor).where('l.id', '=', id).executeTakeFirstOrThrow();
  return presentOutcome(view);
}
