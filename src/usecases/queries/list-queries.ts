import type { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { DEFAULT_LOCALE, type Locale } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { sideOf } from '../../domain/queries/rules.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { fetchQueryViews } from './query-view.ts';
import { ListQueriesQuery, type QueryCounts, type QueryList } from './schema.ts';

/** The queries the reader sees (a creditor's user: its creditor's only), filtered, with the open ones waiting for each side. */
export async function listQueries(db: Db, actor: Actor, input: z.input<typeof ListQueriesQuery> = {}, locale: Locale = DEFAULT_LOCALE): Promise<z.infer<typeof QueryList>> {
  const data = parseInput(ListQueriesQuery, input);
  authorize(actor, 'read', 'query');
  const items = (await fetchQueryViews(db, actor, data, locale, false)).map(({ messages: _m, ...q }) => q);
  const { agency, creditor } = await countQueries(db, actor);
  return { items, counts: { agency, creditor } };
}

/** How many open queries wait for each side, and for the reader's (the navigation's badge). */
export async function countQueries(db: Db, actor: Actor): Promise<z.infer<typeof QueryCounts>> {
  authorize(actor, 'read', 'query');
  let q = db
    .selectFrom('queries')
    .select(['waiting_for', (eb) => eb.fn.countAll<string>().as('n')])
    .where('tenant_id', '=', actor.tenantId)
    .where('status', '=', 'open')
    .groupBy('waiting_for');
  if (actor.creditorId !== null) q = q.where('creditor_id', '=', actor.creditorId);
  const rows = await q.execute();
  const n = (side: string) => Number(rows.find((r) => r.waiting_for === side)?.n ?? 0);
  const counts = { agency: n('agency'), creditor: n('creditor') };
  return { ...counts, mine: counts[sideOf(actor)] };
}
