import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { conflict } from '../../domain/errors.ts';
import { DEFAULT_LOCALE, msg, type Locale } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { sideOf, waitingAfterReply } from '../../domain/queries/rules.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { checkVersion } from '../shared/present.ts';
import { addQueryMessage, fetchQueryView, loadQuery } from './query-view.ts';
import { ReplyQueryInput, type QueryView } from './schema.ts';

/** Either side replies with text on an open query; the turn passes to the other side (issue 16 item 4). */
export async function replyQuery(db: Db, actor: Actor, id: string, input: z.input<typeof ReplyQueryInput>, locale: Locale = DEFAULT_LOCALE): Promise<QueryView> {
  return db.transaction().execute((trx) => postQueryReply(trx, actor, id, input, locale));
}

/** `replyQuery` on a transaction the caller holds. */
export async function postQueryReply(trx: Trx, actor: Actor, id: string, input: z.input<typeof ReplyQueryInput>, locale: Locale = DEFAULT_LOCALE): Promise<QueryView> {
  const data = parseInput(ReplyQueryInput, input);
  const query = await loadQuery(trx, actor, id, { forUpdate: true });
  authorize(actor, 'update', 'query');
  checkVersion(query.version, data.version);
  if (query.status !== 'open') throw conflict(msg('queries.not_open', { status: query.status }));
  const side = sideOf(actor);
  const waitingFor = waitingAfterReply(side);
  await addQueryMessage(trx, actor, query.id, side, data.text);
  await trx
    .updateTable('queries')
    .set({ waiting_for: waitingFor, version: sql`version + 1`, updated_at: sql`now()` })
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', query.id)
    .execute();
  await recordAudit(trx, actor, {
    action: 'query.replied',
    entityType: 'query',
    entityId: query.id,
    debtorId: query.debtor_id,
    creditorId: query.creditor_id,
    before: { waitingFor: query.waiting_for },
    after: { waitingFor, side },
  });
  return fetchQueryView(trx, actor, query.id, locale);
}
