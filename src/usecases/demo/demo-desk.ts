import type { Trx } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import { openQueue } from '../desk/create-queue.ts';

/** The demo's work queue: the comune's mandate. */
export const DEMO_DESK_QUEUE = 'Comune di Valdoria — telefonate';

/**
 * The demo's phone desk (issue 14): one queue for the comune's mandate with the demo operator and
 * supervisor assigned, filled with the comune's taxpayers that may be called, so a new user presses
 * "Prossimo" at once. Its debtors are due from the start of the demo's day, as every fill makes
 * them (a desk clock set for a demo — INCASSO_CLOCK — may run behind the database's).
 */
export async function insertDemoDeskQueue(trx: Trx, actor: Actor, today: string, opts: { creditorId: string; operatorIds: string[] }): Promise<void> {
  await openQueue(trx, actor, { name: DEMO_DESK_QUEUE, creditorId: opts.creditorId, operatorIds: opts.operatorIds }, today);
}
