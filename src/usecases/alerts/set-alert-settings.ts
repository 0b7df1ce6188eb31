import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { forbidden } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { getAlertSettings } from './get-alert-settings.ts';
import { AlertSettingsInput, type AlertSettings } from './schema.ts';

/**
 * A user chooses its daily alerts (which kinds; by e-mail or on the dashboard only). Any user who reads
 * claims may: a creditor's viewer gets its creditor's events, the agency's users the tenant's. No
 * kinds: no digest. The first digest covers yesterday.
 */
export async function setAlertSettings(db: Db, actor: Actor, input: z.input<typeof AlertSettingsInput>): Promise<AlertSettings> {
  authorize(actor, 'read', 'claim');
  if (actor.userId === null) throw forbidden();
  const data = parseInput(AlertSettingsInput, input);
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('alert_subscriptions')
      .values({ tenant_id: actor.tenantId, user_id: actor.userId!, kinds: data.kinds, email: data.email })
      .onConflict((oc) => oc.columns(['tenant_id', 'user_id']).doUpdateSet({ kinds: data.kinds, email: data.email, updated_at: sql`now()` }))
      .execute();
    await recordAudit(trx, actor, { action: 'alerts.settings_saved', entityType: 'user', entityId: actor.userId!, after: { kinds: data.kinds, email: data.email } });
    return getAlertSettings(trx, actor);
  });
}
