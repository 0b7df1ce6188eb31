import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';

/**
 * A communication that could not be delivered (an e-mail refused, a phone number found wrong) no
 * longer counts as its step sent: its claims go back to the step before and are due again today, so
 * the next tick sends the step by the next usable channel. The fee of the step stays charged once (its key is the claim and step).
 */
export async function releaseStep(trx: Db, tenantId: string, communicationId: string): Promise<void> {
  const links = await trx
    .updateTable('communication_claims')
    .set({ superseded: true })
    .where('communication_id', '=', communicationId)
    .returning(['claim_id', 'step_no'])
    .execute();
  for (const l of links) {
    const previous = await trx
      .selectFrom('communication_claims as cc')
      .innerJoin('communications as c', 'c.id', 'cc.communication_id')
      .select(['cc.step_no', 'cc.step_key', 'c.run_date'])
      .where('cc.claim_id', '=', l.claim_id)
      .where('cc.superseded', '=', false)
      .where('cc.step_no', '<', l.step_no)
      .orderBy('cc.step_no', 'desc')
      .executeTakeFirst();
    await trx
      .updateTable('claims')
      .set({
        dunning_step_no: previous?.step_no ?? 0,
        dunning_step_key: previous?.step_key ?? null,
        dunning_step_on: previous?.run_date ?? null,
        next_action_on: sql`current_date`,
        version: sql`version + 1`,
        updated_at: sql`now()`,
      })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', l.claim_id)
      .where('dunning_step_no', '=', l.step_no)
      .execute();
  }
}
