import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { fieldError, unprocessable } from '../../domain/errors.ts';
import { msg } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { diff, recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { settingsView } from './get-settings.ts';
import { UpdateSettingsInput, type SettingsView } from './schema.ts';

export async function updateSettings(db: Db, actor: Actor, input: z.input<typeof UpdateSettingsInput>): Promise<SettingsView> {
  return db.transaction().execute((trx) => amendSettings(trx, actor, input));
}

/**
 * `updateSettings` on a transaction the caller holds: the parts sent replace the stored ones (null
 * clears one), with an audit event of what changed.
 */
export async function amendSettings(trx: Trx, actor: Actor, input: z.input<typeof UpdateSettingsInput>): Promise<SettingsView> {
  authorize(actor, 'update', 'settings');
  const data = parseInput(UpdateSettingsInput, input);
  const t = await trx.selectFrom('tenants').select(['name', 'kind', 'settings']).where('id', '=', actor.tenantId).forUpdate().executeTakeFirstOrThrow();
  const next: Record<string, unknown> = { ...t.settings };
  for (const [k, v] of Object.entries(data)) {
    if (v === undefined) continue;
    if (v === null) delete next[k];
    else next[k] = v;
  }
  // An agency holding active comune mandates keeps its albo registration (art. 53 D.Lgs. 446/1997).
  if (data.albo === null && t.settings.albo && t.kind === 'agency') {
    const { n } = await trx
      .selectFrom('creditors')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('tenant_id', '=', actor.tenantId)
      .where('kind', '=', 'public_entity')
      .where('active', '=', true)
      .executeTakeFirstOrThrow();
    if (Number(n) > 0) throw unprocessable(msg('municipal.albo_in_use', { count: Number(n) }), [fieldError('albo', 'municipal.albo_in_use', { count: Number(n) })]);
  }
  const changes = diff(t.settings, Object.fromEntries(Object.keys(data).map((k) => [k, next[k] ?? null])));
  if (!changes) return settingsView(t);
  await trx
    .updateTable('tenants')
    .set({ settings: sql`${JSON.stringify(next)}::jsonb` as never })
    .where('id', '=', actor.tenantId)
    .execute();
  await recordAudit(trx, actor, { action: 'settings.updated', entityType: 'tenant', entityId: actor.tenantId, before: changes.before, after: changes.after });
  return settingsView({ ...t, settings: next });
}
