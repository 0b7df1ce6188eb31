import type { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { GuaranteeListQuery, type GuaranteeList } from './schema.ts';
import { guaranteeViews } from './views.ts';

/** The register of guarantees ("Garanzie"): by debtor, creditor, state, kind, or those expiring within N days. */
export async function listGuarantees(db: Db, actor: Actor, query: z.input<typeof GuaranteeListQuery> = {}): Promise<GuaranteeList> {
  const q = parseInput(GuaranteeListQuery, query);
  authorize(actor, 'read', 'claim');
  return { items: await guaranteeViews(db, actor, q) };
}
