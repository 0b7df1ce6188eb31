import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { pagination } from '../../domain/fields.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { offsetOf, type Page } from '../shared/paging.ts';
import { loadDebtor } from '../shared/scope.ts';
import { claimsOf, communicationColumns, presentCommunication } from '../communications/communication-query.ts';
import { CommunicationView } from '../communications/schema.ts';
import { DEFAULT_LOCALE, type Locale } from '../../domain/messages/index.ts';
import { wordStoredIn } from '../shared/stored-messages.ts';

export const HistoryQuery = pagination.extend({ pageSize: z.coerce.number().int().min(1).max(500).default(100) });

export const HistoryItem = z.object({
  id: z.string(),
  at: z.string(),
  /**
   * "audit" for a recorded change, "note" for a note (its text as it is now), "communication" for a
   * letter, e-mail, SMS or phone task sent or prepared (in place of its `communication.created` event).
   */
  type: z.enum(['audit', 'note', 'communication']),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  actor: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  body: z.string().nullable(),
  /** The communication as it is now (status, document and its SHA-256), for type "communication". */
  communication: CommunicationView.nullable(),
});
export type HistoryItem = z.infer<typeof HistoryItem>;

/**
 * Everything that happened to a debtor, newest first: the audit trail (every change, payment,
 * contact recorded), the notes and the communications. A viewer sees only what concerns its own
 * creditor.
 */
export async function getDebtorHistory(
  db: Db,
  actor: Actor,
  debtorId: string,
  query: z.input<typeof HistoryQuery> = {},
  locale: Locale = DEFAULT_LOCALE,
): Promise<Page<HistoryItem>> {
  authorize(actor, 'read', 'audit');
  const p = parseInput(HistoryQuery, query);
  await loadDebtor(db, actor, debtorId);
  const viewerCreditor = actor.creditorId;
  const events = sql`
    select 'a' || e.id::text as id, e.occurred_at as at, 'audit' as type, e.action, e.entity_type as entity_type,
           e.entity_id::text as entity_id, coalesce(u.name, e.actor_label) as actor, e.before, e.after, null::text as body,
           e.id as seq
      from audit_events e left join users u on u.id = e.actor_user_id
     where e.tenant_id = ${actor.tenantId} and e.debtor_id = ${debtorId} and e.entity_type <> 'note'
       and not (e.entity_type = 'communication' and e.action = 'communication.created')
       and (${viewerCreditor}::uuid is null or e.creditor_id = ${viewerCreditor}::uuid)
    union all
    select 'n' || n.id::text, n.created_at, 'note', 'note.created', 'note', n.id::text,
           coalesce(u.name, 'system'), null, null, n.body,
           (select min(ne.id) from audit_events ne
             where ne.tenant_id = n.tenant_id and ne.entity_type = 'note' and ne.entity_id = n.id)
      from notes n left join users u on u.id = n.author_id
     where n.tenant_id = ${actor.tenantId} and n.debtor_id = ${debtorId}
       and (${viewerCreditor}::uuid is null
            or exists (select 1 from claims c where c.id = n.claim_id and c.creditor_id = ${viewerCreditor}::uuid))
    union all
    select 'c' || c.id::text, c.created_at, 'communication', 'communication.created', 'communication', c.id::text,
           coalesce(u.name, ce.user_name, ce.actor_label, 'system'), null, null, c.subject, ce.id
      from communications c left join users u on u.id = c.created_by
      left join lateral (select ae.id, ae.actor_label, au.name as user_name
                           from audit_events ae left join users au on au.id = ae.actor_user_id
                          where ae.tenant_id = c.tenant_id and ae.entity_type = 'communication'
                            and ae.entity_id = c.id and ae.action = 'communication.created'
                          order by ae.id limit 1) ce on true
     where c.tenant_id = ${actor.tenantId} and c.debtor_id = ${debtorId}
       and (${viewerCreditor}::uuid is null or c.creditor_id = ${viewerCreditor}::uuid)`;
  // Events of one transaction share their instant (and PGlite's clock counts milliseconds): the audit
  // id — a number, not its text, where "a100" < "a99"; for a note, that of its note.created event —
  // keeps them in the order they were written.
  const rows = await sql<{
    id: string;
    at: Date;
    type: 'audit' | 'note' | 'communication';
    action: string;
    entity_type: string;
    entity_id: string;
    actor: string;
    before: unknown;
    after: unknown;
    body: string | null;
    total: number;
  }>`select h.*, count(*) over ()::int as total from (${events}) h
     order by h.at desc, h.seq desc nulls last, h.id desc limit ${p.pageSize} offset ${offsetOf(p)}`.execute(db);
  const communicationIds = rows.rows.filter((r) => r.type === 'communication').map((r) => r.entity_id);
  const communications = new Map<string, CommunicationView>();
  if (communicationIds.length) {
    const [found, claims] = await Promise.all([
      communicationColumns(db, actor).where('c.id', 'in', communicationIds).execute(),
      claimsOf(db, actor, communicationIds),
    ]);
    for (const c of found) communications.set(c.id, presentCommunication(c, claims.get(c.id) ?? [], locale));
  }
  return {
    items: rows.rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      type: r.type,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      actor: r.actor,
      // Reasons stored coded (a refused call, a stopped claim) read in the reader's language.
      before: wordStoredIn(r.before ?? null, locale),
      after: wordStoredIn(r.after ?? null, locale),
      body: r.body,
      communication: r.type === 'communication' ? (communications.get(r.entity_id) ?? null) : null,
    })),
    total: rows.rows[0]?.total ?? 0,
    page: p.page,
    pageSize: p.pageSize,
  };
}
