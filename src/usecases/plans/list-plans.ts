import type { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { DEFAULT_LOCALE, type Locale } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { fetchPlanViews } from './plan-query.ts';
import { ListPlansQuery, type PlanView } from './schema.ts';

/** A debtor's (or a position's) plans, newest first, as the actor may see them. */
export async function listPlans(db: Db, actor: Actor, query: z.input<typeof ListPlansQuery>, locale: Locale = DEFAULT_LOCALE): Promise<{ items: PlanView[] }> {
  const q = parseInput(ListPlansQuery, query);
  authorize(actor, 'read', 'claim');
  return { items: await fetchPlanViews(db, actor, { ...(q.debtorId ? { debtorId: q.debtorId } : {}), ...(q.claimId ? { claimId: q.claimId } : {}) }, locale) };
}
