import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { notFound } from '../../domain/errors.ts';
import { OPEN_STATUSES } from '../../domain/model.ts';
import type { Actor } from '../../domain/policies.ts';
import { assertId } from '../shared/scope.ts';
import type { StrategyView } from './schema.ts';

const WHAT = 'strategy';

/** Strategies the actor may see: its tenant's, and for a viewer only its creditor's. */
export function strategiesQuery(db: Db, actor: Actor) {
  let q = db
    .selectFrom('strategies as s')
    .innerJoin('creditors as k', (j) => j.onRef('k.id', '=', 's.creditor_id').onRef('k.tenant_id', '=', 's.tenant_id'))
    .where('s.tenant_id', '=', actor.tenantId);
  if (actor.creditorId !== null) q = q.where('s.creditor_id', '=', actor.creditorId);
  return q.select([
    's.id',
    's.creditor_id as creditorId',
    'k.name as creditorName',
    's.name',
    's.template',
    's.steps',
    's.active',
    sql<number>`(
      select count(*) from claims c
      where c.tenant_id = s.tenant_id and c.strategy_id = s.id and c.status in (${sql.join(OPEN_STATUSES)})
    )::int`.as('openClaims'),
    's.version',
    sql<string>`to_char(s.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`.as('createdAt'),
    sql<string>`to_char(s.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`.as('updatedAt'),
  ]);
}

export async function fetchStrategyView(db: Db, actor: Actor, id: string): Promise<StrategyView> {
  assertId(id, WHAT);
  const row = await strategiesQuery(db, actor).where('s.id', '=', id).executeTakeFirst();
  if (!row) throw notFound(WHAT);
  return row as StrategyView;
}

/** The stored row, scoped like {@link strategiesQuery}; outsiders get not_found. */
export async function loadStrategy(db: Db, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
  assertId(id, WHAT);
  let q = db.selectFrom('strategies').selectAll().where('id', '=', id).where('tenant_id', '=', actor.tenantId);
  if (actor.creditorId !== null) q = q.where('creditor_id', '=', actor.creditorId);
  if (opts.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound(WHAT);
  return row;
}
