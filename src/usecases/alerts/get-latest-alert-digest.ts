import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import type { AlertDigestView } from './schema.ts';

/** The user's latest digest, for the dashboard; its own only. */
export async function getLatestAlertDigest(db: Db, actor: Actor): Promise<{ digest: AlertDigestView | null }> {
  authorize(actor, 'read', 'claim');
  if (actor.userId === null) return { digest: null };
  const d = await db
    .selectFrom('alert_digests')
    .select(['id', 'digest_on', 'period_from', 'period_to', 'total', 'items'])
    .where('tenant_id', '=', actor.tenantId)
    .where('user_id', '=', actor.userId)
    .orderBy('digest_on', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!d) return { digest: null };
  return { digest: { id: d.id, digestOn: d.digest_on, periodFrom: d.period_from, periodTo: d.period_to, total: d.total, groups: d.items as AlertDigestView['groups'] } };
}
