import type { Db } from '../../db/connect.ts';
import { DEFAULT_LOCALE, type Locale } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { fetchPlanView } from './plan-query.ts';
import type { PlanView } from './schema.ts';

/** One plan with its instalments (another tenant's, or a viewer's other creditors': 404). */
export async function getPlan(db: Db, actor: Actor, id: string, locale: Locale = DEFAULT_LOCALE): Promise<PlanView> {
  authorize(actor, 'read', 'claim');
  return fetchPlanView(db, actor, id, locale);
}
