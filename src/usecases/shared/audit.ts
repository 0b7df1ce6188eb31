import { bulkInsert, type BulkColumn } from '../../db/bulk-insert.ts';
import type { Db } from '../../db/connect.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../domain/policies.ts';

export interface AuditEntry {
  /** "<entity>.<verb>", e.g. "claim.created", "payment.recorded". */
  action: string;
  entityType: string;
  entityId: string;
  /** Set whenever the change concerns a debtor, so it appears in that debtor's history. */
  debtorId?: string | null;
  /** Set when the change concerns one creditor's data, so that creditor's viewers can see it. */
  creditorId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/**
 * Appends one audit event. Call it with the same transaction as the change it records: both are
 * committed together or neither is. The table refuses updates and deletes.
 */
export async function recordAudit(trx: Db, actor: Actor, entry: AuditEntry): Promise<void> {
  await recordAudits(trx, actor, [entry]);
}

/** The audit_events columns written by the use cases (bulk inserts share this list). */
export const AUDIT_COLUMNS: BulkColumn<DB['audit_events']>[] = [
  { name: 'tenant_id', type: 'uuid' },
  { name: 'actor_user_id', type: 'uuid' },
  { name: 'actor_label', type: 'text' },
  { name: 'action', type: 'text' },
  { name: 'entity_type', type: 'text' },
  { name: 'entity_id', type: 'uuid' },
  { name: 'debtor_id', type: 'uuid' },
  { name: 'creditor_id', type: 'uuid' },
  { name: 'before', type: 'jsonb' },
  { name: 'after', type: 'jsonb' },
  { name: 'request_id', type: 'text' },
  { name: 'ip', type: 'text' },
];

/** Several audit events in one statement (a batch of the dunning run, claims moved to a strategy). */
export async function recordAudits(trx: Db, actor: Actor, entries: readonly AuditEntry[]): Promise<void> {
  await bulkInsert(
    trx,
    'audit_events',
    AUDIT_COLUMNS,
    entries.map((entry) => ({
      tenant_id: actor.tenantId,
      actor_user_id: actor.userId,
      actor_label: actor.label,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      debtor_id: entry.debtorId ?? null,
      creditor_id: entry.creditorId ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
      request_id: actor.requestId ?? null,
      ip: actor.ip ?? null,
    })),
  );
}

/** The fields that differ, as before/after pairs for the audit log. Values compared as JSON. */
export function diff(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return Object.keys(a).length ? { before: b, after: a } : null;
}
