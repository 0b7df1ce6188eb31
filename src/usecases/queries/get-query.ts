import type { Db } from '../../db/connect.ts';
import { DEFAULT_LOCALE, type Locale } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { fetchQueryView, loadQuery } from './query-view.ts';
import type { QueryView } from './schema.ts';

/** A query with its thread and the answers the reader may give. */
export async function getQuery(db: Db, actor: Actor, id: string, locale: Locale = DEFAULT_LOCALE): Promise<QueryView> {
  await loadQuery(db, actor, id);
  authorize(actor, 'read', 'query');
  return fetchQueryView(db, actor, id, locale);
}
