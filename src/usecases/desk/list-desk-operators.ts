import type { Db } from '../../db/connect.ts';
import { fieldError, invalid } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import type { DeskOperatorView } from './schema.ts';

/** The users a supervisor may assign to a work queue: the tenant's active operators and supervisors. */
export async function listDeskOperators(db: Db, actor: Actor): Promise<DeskOperatorView[]> {
  authorize(actor, 'update', 'queue');
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'role'])
    .where('tenant_id', '=', actor.tenantId)
    .where('active', '=', true)
    .where('role', 'in', ['operator', 'supervisor'])
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, email: r.email, role: r.role as DeskOperatorView['role'] }));
}

/** Refuses ids that are not users of the tenant who may work calls (the same rule as a new queue's). */
export async function assertDeskOperators(db: Db, actor: Actor, ids: readonly string[], path = 'operatorIds'): Promise<void> {
  if (ids.length === 0) return;
  const found = await db
    .selectFrom('users')
    .select('id')
    .where('tenant_id', '=', actor.tenantId)
    .where('id', 'in', [...ids])
    .where('role', 'in', ['operator', 'supervisor', 'admin'])
    .execute();
  const known = new Set(found.map((u) => u.id));
  const unknown = ids.filter((o) => !known.has(o));
  if (unknown.length) throw invalid(unknown.map((id) => fieldError(path, 'desk.queue_operator_unknown', { id })));
}
