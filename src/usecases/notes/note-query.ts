import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import { debtorVisible } from '../shared/scope.ts';
import type { NoteView } from './schema.ts';

const iso = (col: string) => sql<string>`to_char(${sql.ref(col)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Notes the actor may read. A viewer reads only notes attached to its creditor's claims: notes on the
 * debtor in general may speak of other creditors.
 */
export function notesQuery(db: Db, actor: Actor) {
  let q = db
    .selectFrom('notes as n')
    .leftJoin('users as u', 'u.id', 'n.author_id')
    .where('n.tenant_id', '=', actor.tenantId)
    .where((eb) =>
      eb.exists(eb.selectFrom('debtors').select('debtors.id').whereRef('debtors.id', '=', 'n.debtor_id').where(debtorVisible(actor))),
    );
  if (actor.creditorId !== null) {
    const creditorId = actor.creditorId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('claims as nc')
          .select(sql`1`.as('one'))
          .whereRef('nc.id', '=', 'n.claim_id')
          .where('nc.creditor_id', '=', creditorId),
      ),
    );
  }
  return q.select([
    'n.id',
    'n.debtor_id as debtorId',
    'n.claim_id as claimId',
    'n.body',
    'n.author_id as authorId',
    'u.name as authorName',
    'n.version',
    iso('n.created_at').as('createdAt'),
    iso('n.updated_at').as('updatedAt'),
  ]);
}

export async function fetchNote(db: Db, actor: Actor, id: string): Promise<NoteView | undefined> {
  return (await notesQuery(db, actor).where('n.id', '=', id).executeTakeFirst()) as NoteView | undefined;
}
