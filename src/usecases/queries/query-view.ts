import type { Db } from '../../db/connect.ts';
import { notFound } from '../../domain/errors.ts';
import { msg, type Locale } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { answersFor, type QueryKind, type QueryStatus } from '../../domain/queries/rules.ts';
import { wordStored } from '../shared/stored-messages.ts';
import type { QueryView } from './schema.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A query of the actor's tenant (a creditor's viewer: of its creditor), locked when it will change; else 404. */
export async function loadQuery(db: Db, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
  if (!UUID.test(id)) throw notFound(msg('queries.not_found'));
  let q = db.selectFrom('queries').selectAll().where('tenant_id', '=', actor.tenantId).where('id', '=', id);
  if (actor.creditorId !== null) q = q.where('creditor_id', '=', actor.creditorId);
  if (opts.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound(msg('queries.not_found'));
  return row;
}

/** Queries as the reader sees them (scoped like `loadQuery`), newest first, with their thread when asked. */
export async function fetchQueryViews(
  db: Db,
  actor: Actor,
  filter: { ids?: readonly string[]; claimId?: string; waitingFor?: 'agency' | 'creditor'; status?: QueryStatus; kind?: QueryKind },
  locale: Locale,
  withMessages: boolean,
): Promise<QueryView[]> {
  let q = db
    .selectFrom('queries as q')
    .innerJoin('claims as c', (j) => j.onRef('c.id', '=', 'q.claim_id').onRef('c.tenant_id', '=', 'q.tenant_id'))
    .innerJoin('debtors as d', (j) => j.onRef('d.id', '=', 'q.debtor_id').onRef('d.tenant_id', '=', 'q.tenant_id'))
    .innerJoin('creditors as cr', (j) => j.onRef('cr.id', '=', 'q.creditor_id').onRef('cr.tenant_id', '=', 'q.tenant_id'))
    .select([
      'q.id',
      'q.kind',
      'q.status',
      'q.waiting_for',
      'q.claim_id',
      'c.external_ref',
      'c.status as claim_status',
      'q.debtor_id',
      'd.display_name',
      'q.creditor_id',
      'cr.name as creditor_name',
      'q.plan_id',
      'q.answer',
      'q.answered_by',
      'q.answered_via',
      'q.answered_at',
      'q.opened_by',
      'q.created_at',
      'q.version',
    ])
    .where('q.tenant_id', '=', actor.tenantId)
    .orderBy('q.created_at', 'desc')
    .orderBy('q.id')
    .limit(500);
  if (actor.creditorId !== null) q = q.where('q.creditor_id', '=', actor.creditorId);
  if (filter.ids) q = q.where('q.id', 'in', filter.ids.length ? filter.ids : ['00000000-0000-0000-0000-000000000000']);
  if (filter.claimId) q = q.where('q.claim_id', '=', filter.claimId);
  if (filter.waitingFor) q = q.where('q.waiting_for', '=', filter.waitingFor);
  if (filter.status) q = q.where('q.status', '=', filter.status);
  if (filter.kind) q = q.where('q.kind', '=', filter.kind);
  const rows = await q.execute();
  const messages = new Map<string, QueryView['messages']>();
  if (withMessages && rows.length) {
    const ms = await db
      .selectFrom('query_messages')
      .select(['id', 'query_id', 'side', 'author', 'body', 'created_at'])
      .where('tenant_id', '=', actor.tenantId)
      .where('query_id', 'in', rows.map((r) => r.id))
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    for (const m of ms) {
      const list = messages.get(m.query_id) ?? [];
      list.push({ id: m.id, side: m.side, author: m.author, text: wordStored(m.body, locale), createdAt: m.created_at.toISOString() });
      messages.set(m.query_id, list);
    }
  }
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    status: r.status,
    waitingFor: r.waiting_for,
    claimId: r.claim_id,
    claimRef: r.external_ref,
    claimStatus: r.claim_status,
    debtorId: r.debtor_id,
    debtorName: r.display_name,
    creditorId: r.creditor_id,
    creditorName: r.creditor_name,
    planId: r.plan_id,
    answer: r.answer,
    answeredBy: r.answered_by,
    answeredVia: r.answered_via,
    answeredAt: r.answered_at?.toISOString() ?? null,
    openedBy: r.opened_by,
    createdAt: r.created_at.toISOString(),
    version: r.version,
    answers: answersFor(actor, { kind: r.kind, status: r.status }),
    messages: messages.get(r.id) ?? [],
  }));
}

export async function fetchQueryView(db: Db, actor: Actor, id: string, locale: Locale): Promise<QueryView> {
  const [v] = await fetchQueryViews(db, actor, { ids: [id] }, locale, true);
  if (!v) throw notFound(msg('queries.not_found'));
  return v;
}

/** Adds a message to a thread (the caller holds the query's lock). */
export async function addQueryMessage(db: Db, actor: Actor, queryId: string, side: 'agency' | 'creditor', body: string): Promise<void> {
  await db.insertInto('query_messages').values({ tenant_id: actor.tenantId, query_id: queryId, side, author: actor.label, body }).execute();
}
