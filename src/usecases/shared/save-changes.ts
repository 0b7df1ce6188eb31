import { sql, type Selectable } from 'kysely';
import type { Trx } from '../../db/connect.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../domain/policies.ts';
import { invalid, fieldError } from '../../domain/errors.ts';
import { recordAudit, type AuditEntry } from './audit.ts';
import { toColumns } from './present.ts';

type Versioned = 'creditors' | 'debtors' | 'contacts' | 'addresses' | 'claims' | 'payments' | 'notes';

/**
 * Writes the changed fields of one row (camelCase keys → columns), bumps its version, and appends
 * the audit event with the before/after of exactly those fields — in the caller's transaction.
 */
export async function saveChanges<T extends Versioned>(
  trx: Trx,
  actor: Actor,
  table: T,
  id: string,
  changes: { before: Record<string, unknown>; after: Record<string, unknown> },
  audit: Omit<AuditEntry, 'entityId' | 'before' | 'after'>,
): Promise<Selectable<DB[T]>> {
  const row = await trx
    .updateTable(table as 'creditors')
    .set({ ...toColumns(changes.after), version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('tenant_id', '=', actor.tenantId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, { ...audit, entityId: id, ...changes });
  return row as unknown as Selectable<DB[T]>;
}

/**
 * A validity period as it will be after a partial update: sending only one end is checked against the
 * stored other end (the database would refuse it too, but without saying which field).
 */
export function checkValidityAfterUpdate(
  data: { validFrom?: string | null; validTo?: string | null },
  current: { valid_from: string | null; valid_to: string | null },
): void {
  const validFrom = data.validFrom !== undefined ? data.validFrom : current.valid_from;
  const validTo = data.validTo !== undefined ? data.validTo : current.valid_to;
  if (validFrom && validTo && validTo < validFrom) {
    throw invalid([fieldError('validTo', 'date.valid_to_before_from')]);
  }
}
