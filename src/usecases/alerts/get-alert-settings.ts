import type { Db } from '../../db/connect.ts';
import { ALERT_KINDS, type AlertKind } from '../../domain/alerts/digest.ts';
import { forbidden } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import type { AlertSettings } from './schema.ts';

/** The alerts a user chose (its own only); before it chose, every kind by e-mail is offered. */
export async function getAlertSettings(db: Db, actor: Actor): Promise<AlertSettings> {
  authorize(actor, 'read', 'claim');
  if (actor.userId === null) throw forbidden();
  const s = await db.selectFrom('alert_subscriptions').select(['kinds', 'email', 'last_digest_on']).where('tenant_id', '=', actor.tenantId).where('user_id', '=', actor.userId).executeTakeFirst();
  if (!s) return { kinds: [...ALERT_KINDS], email: true, lastDigestOn: null, saved: false };
  return { kinds: s.kinds.filter((k): k is AlertKind => (ALERT_KINDS as readonly string[]).includes(k)), email: s.email, lastDigestOn: s.last_digest_on, saved: true };
}
