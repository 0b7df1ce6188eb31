import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { BankCsvMapping, SaveBankCsvMappingInput } from './schema.ts';

/** Where the tenant's bank CSV mappings live: `tenants.settings.bankCsvMappings[name]`. */
const KEY = 'bankCsvMappings';

/**
 * Saves (or replaces) a bank CSV mapping under a name for the tenant (issue 15 item 4): the next
 * export of that bank is imported with `incasso bank import FILE --mapping NAME`. Audited with the
 * mapping it replaced.
 */
export async function saveBankCsvMapping(db: Db, actor: Actor, input: z.input<typeof SaveBankCsvMappingInput>): Promise<{ name: string; mapping: BankCsvMapping }> {
  authorize(actor, 'update', 'settings');
  const data = parseInput(SaveBankCsvMappingInput, input);
  return db.transaction().execute(async (trx) => {
    const t = await trx.selectFrom('tenants').select('settings').where('id', '=', actor.tenantId).forUpdate().executeTakeFirstOrThrow();
    const mappings = { ...((t.settings[KEY] as Record<string, unknown> | undefined) ?? {}) };
    const before = mappings[data.name] ?? null;
    mappings[data.name] = data.mapping;
    await trx
      .updateTable('tenants')
      .set({ settings: sql`${JSON.stringify({ ...t.settings, [KEY]: mappings })}::jsonb` as never })
      .where('id', '=', actor.tenantId)
      .execute();
    await recordAudit(trx, actor, { action: 'bank_csv_mapping.saved', entityType: 'tenant', entityId: actor.tenantId, before: before ? { name: data.name, mapping: before } : null, after: { name: data.name, mapping: data.mapping } });
    return { name: data.name, mapping: data.mapping };
  });
}

/** The tenant's saved mapping of that name, or null. A stored one that no longer validates is null too. */
export async function bankCsvMappingOf(db: Db, tenantId: string, name: string): Promise<BankCsvMapping | null> {
  const t = await db.selectFrom('tenants').select('settings').where('id', '=', tenantId).executeTakeFirstOrThrow();
  const stored = ((t.settings[KEY] as Record<string, unknown> | undefined) ?? {})[name];
  const parsed = BankCsvMapping.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

/** The names of the tenant's saved mappings. */
export async function listBankCsvMappings(db: Db, actor: Actor): Promise<{ name: string; mapping: BankCsvMapping }[]> {
  authorize(actor, 'read', 'settings');
  const t = await db.selectFrom('tenants').select('settings').where('id', '=', actor.tenantId).executeTakeFirstOrThrow();
  return Object.entries((t.settings[KEY] as Record<string, unknown> | undefined) ?? {}).flatMap(([name, m]) => {
    const parsed = BankCsvMapping.safeParse(m);
    return parsed.success ? [{ name, mapping: parsed.data }] : [];
  });
}
