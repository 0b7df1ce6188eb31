import type { Db } from '../../db/connect.ts';
import { DEFAULT_PROMISE_RULES, promiseRulesOf, type PromiseRules } from '../../domain/desk/promises.ts';
import type { Actor } from '../../domain/policies.ts';

/**
 * The promise rules of a queue's positions (issue 14 item 4: "rules per creditor"): the queue's
 * creditor's own (creditors.promise_rules), or — for a queue of every creditor — those of the one
 * creditor the positions belong to; positions of several creditors, or none set: the defaults.
 */
export async function promiseRulesFor(db: Db, actor: Actor, queueCreditorId: string | null, positionCreditorIds: readonly string[]): Promise<PromiseRules> {
  const ids = queueCreditorId ? [queueCreditorId] : [...new Set(positionCreditorIds)];
  if (ids.length !== 1) return DEFAULT_PROMISE_RULES;
  const row = await db.selectFrom('creditors').select('promise_rules').where('tenant_id', '=', actor.tenantId).where('id', '=', ids[0]!).executeTakeFirst();
  return promiseRulesOf(row?.promise_rules);
}
