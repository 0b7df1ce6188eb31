import type { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { MediationListQuery, type MediationList } from './schema.ts';
import { mediationViews } from './views.ts';

/** Mediations and conciliations proposed, by debtor, creditor or outcome, newest first. */
export async function listMediations(db: Db, actor: Actor, query: z.input<typeof MediationListQuery> = {}): Promise<MediationList> {
  const q = parseInput(MediationListQuery, query);
  authorize(actor, 'read', 'claim');
  return { items: await mediationViews(db, actor, q) };
}
