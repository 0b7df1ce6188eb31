import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { OutcomesQuery, type OutcomeRecord } from './schema.ts';

/** The query of desk calls with their debtor, queue, operator and correction (tenant-scoped). */
export function outcomesQuery(db: Db, actor: Actor) {
  return db
    .selectFrom('contact_log as l')
    .innerJoin('debtors as d', (j) => j.onRef('d.id', '=', 'l.debtor_id').onRef('d.tenant_id', '=', 'l.tenant_id'))
    .leftJoin('work_queues as q', (j) => j.onRef('q.id', '=', 'l.queue_id').onRef('q.tenant_id', '=', 'l.tenant_id'))
    .leftJoin('users as u', (j) => j.onRef('u.id', '=', 'l.user_id').onRef('u.tenant_id', '=', 'l.tenant_id'))
    .leftJoin('users as c', (j) => j.onRef('c.id', '=', 'l.corrected_by').onRef('c.tenant_id', '=', 'l.tenant_id'))
    .select([
      sql<string>`l.id::text`.as('id'),
      'l.debtor_id',
      'd.display_name',
      'l.queue_id',
      'q.name as queue_name',
      'l.user_id',
      sql<string>`coalesce(u.name, l.actor_label)`.as('operator'),
      sql<string>`l.local_date::text`.as('local_date'),
      'l.local_time',
      'l.allowed',
      'l.outcome',
      'l.corrected_outcome',
      'l.correction_reason',
      'c.name as corrected_by_name',
      'l.corrected_at',
    ])
    .where('l.tenant_id', '=', actor.tenantId)
    .where('l.channel', '=', 'desk');
}

type Row = Awaited<ReturnType<ReturnType<typeof outcomesQuery>['execute']>>[number];
export const presentOutcome = (r: Row): OutcomeRecord => ({
  id: r.id,
  debtorId: r.debtor_id,
  debtorName: r.display_name,
  queueId: r.queue_id,
  queueName: r.queue_name,
  userId: r.user_id,
  operator: r.operator,
  date: r.local_date,
  time: r.local_time,
  allowed: r.allowed,
  outcome: r.outcome,
  counts: r.corrected_outcome ?? r.outcome,
  correction:
    r.corrected_outcome && r.corrected_at
      ? { outcome: r.corrected_outcome, reason: r.correction_reason ?? '', by: r.corrected_by_name, at: new Date(r.corrected_at).toISOString() }
      : null,
});

/**
 * The desk's recent outcomes for review (issue 14 item 6), newest first: by operator, queue, outcome
 * (as it counts) and period. A supervisor's list: operators do not review their colleagues.
 */
export async function listOutcomes(db: Db, actor: Actor, query: z.input<typeof OutcomesQuery>): Promise<OutcomeRecord[]> {
  authorize(actor, 'read', 'supervision');
  const q = parseInput(OutcomesQuery, query);
  const rows = await outcomesQuery(db, actor)
    .$if(Boolean(q.userId), (x) => x.where('l.user_id', '=', q.userId!))
    .$if(Boolean(q.queueId), (x) => x.where('l.queue_id', '=', q.queueId!))
    .$if(Boolean(q.outcome), (x) => x.where(sql`coalesce(l.corrected_outcome, l.outcome)`, '=', q.outcome!))
    .$if(Boolean(q.from), (x) => x.where('l.local_date', '>=', q.from!))
    .$if(Boolean(q.to), (x) => x.where('l.local_date', '<=', q.to!))
    .orderBy('l.id', 'desc')
    .limit(q.limit)
    .execute();
  return rows.map(presentOutcome);
}
