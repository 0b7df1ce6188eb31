import { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { conflict } from '../../domain/errors.ts';
import { countryCode, requiredText } from '../../domain/fields.ts';
import { systemActor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { parseInput } from '../shared/input.ts';
import { encodeMessage, msg } from '../../domain/messages/index.ts';

export const CreateTenantInput = z
  .object({
    slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, { error: encodeMessage(msg('admin.tenant_slug_format')) }),
    name: requiredText(200),
    /** An agency collects for others; a company collects its own receivables. */
    kind: z.enum(['agency', 'company']),
    country: countryCode.optional(),
  })
  .strict();

/** Creates a tenant: an installation-level operation (CLI), not reachable from a tenant's API. */
export async function createTenant(db: Db, input: z.input<typeof CreateTenantInput>): Promise<{ id: string; slug: string }> {
  return db.transaction().execute((trx) => registerTenant(trx, input));
}

/** `createTenant` on a transaction the caller holds. */
export async function registerTenant(trx: Trx, input: z.input<typeof CreateTenantInput>): Promise<{ id: string; slug: string }> {
  const data = parseInput(CreateTenantInput, input);
  const existing = await trx.selectFrom('tenants').select('id').where('slug', '=', data.slug).executeTakeFirst();
  if (existing) throw conflict(msg('admin.tenant_exists', { slug: data.slug }));
  const row = await trx.insertInto('tenants').values(data).returning(['id', 'slug']).executeTakeFirstOrThrow();
  await recordAudit(trx, systemActor(row.id, 'cli'), { action: 'tenant.created', entityType: 'tenant', entityId: row.id, after: data });
  return row;
}
