import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { conflict, invalid, fieldError } from '../../domain/errors.ts';
import { DEFAULT_LOCALE, msg, type Locale } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { checkVersion } from '../shared/present.ts';
import { fetchQueryView, loadQuery } from './query-view.ts';
import { CloseQueryInput, type QueryView } from './schema.ts';

/** The agency closes a free question it asked, once it has what it needed (the other kinds end with the creditor's answer). */
export async function closeQuery(db: Db, actor: Actor, id: string, input: z.input<typeof CloseQueryInput> = {}, locale: Locale = DEFAULT_LOCALE): Promise<QueryView> {
  return db.transaction().execute((trx) => dismissQuery(trx, actor, id, input, locale));
}

/** `closeQuery` on a transaction the caller holds. */
export async function dismissQuery(trx: Trx, actor: Actor, id: string, input: z.input<typeof CloseQueryInput> = {}, locale: Locale = DEFAULT_LOCALE): Promise<QueryView> {
  const data = parseInput(CloseQueryInput, input);
  const query = await loadQuery(trx, actor, id, { forUpdate: true });
  authorize(actor, 'create', 'query');
  checkVersion(query.version, data.version);
  if (query.status !== 'open') throw conflict(msg('queries.not_open', { status: query.status }));
  if (query.kind !== 'question') throw invalid([fieldError('kind', 'queries.only_question_closes')]);
  await trx
    .updateTable('queries')
    .set({ status: 'closed', waiting_for: null, version: sql`version + 1`, updated_at: sql`now()` })
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', query.id)
    .execute();
  await recordAudit(trx, actor, {
    action: 'query.closed',
    entityType: 'query',
    entityId: query.id,
    debtorId: query.debtor_id,
    creditorId: query.creditor_id,
    before: { status: 'open', waitingFor: query.waiting_for },
    after: { status: 'closed' },
  });
  return fetchQueryView(trx, actor, query.id, locale);
}
