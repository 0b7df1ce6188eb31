import { verify } from '@node-rs/argon2';
import type { Db } from '../../db/connect.ts';
import { DEMO_PASSWORD, DEMO_TENANT } from './demo-data.ts';

/**
 * The demo's log-ins that still open this database with the password published in the README and
 * printed at start (`incasso-demo`): active users of the demo tenant whose hash still verifies it. Empty when there
 * is no demo tenant, or every demo user was deactivated or given a password of its own.
 * `incasso start` refuses to serve such a database beyond this machine.
 */
export async function publishedDemoLogins(db: Db): Promise<string[]> {
  const users = await db
    .selectFrom('users')
    .innerJoin('tenants', 'tenants.id', 'users.tenant_id')
    .select(['users.email', 'users.password_hash'])
    .where('tenants.slug', '=', DEMO_TENANT.slug)
    .where('users.active', '=', true)
    .execute();
  const open: string[] = [];
  for (const u of users) {
    if (await verify(u.password_hash, DEMO_PASSWORD).catch(() => false)) open.push(u.email);
  }
  return open.sort();
}
