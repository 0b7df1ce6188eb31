import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { forbidden, notFound } from '../../domain/errors.ts';
import { msg } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { checkVersion } from '../shared/present.ts';
import { assertId } from '../shared/scope.ts';
import { fetchNote } from './note-query.ts';
import { UpdateNoteInput, type NoteView } from './schema.ts';

/** Edits a note's text. Operators edit their own notes; supervisors and admins any. The old text stays in the audit log. */
export async function updateNote(db: Db, actor: Actor, id: string, input: z.input<typeof UpdateNoteInput>): Promise<NoteView> {
  return db.transaction().execute((trx) => amendNote(trx, actor, id, input));
}

/** `updateNote` on a transaction the caller holds. */
export async function amendNote(trx: Trx, actor: Actor, id: string, input: z.input<typeof UpdateNoteInput>): Promise<NoteView> {
  const data = parseInput(UpdateNoteInput, input);
  assertId(id, 'note');
  // The row is locked before its version is read: a concurrent edit of the same version waits and is refused.
  await trx.selectFrom('notes').select('id').where('tenant_id', '=', actor.tenantId).where('id', '=', id).forUpdate().execute();
  const current = await fetchNote(trx, actor, id);
  if (!current) throw notFound('note');
  authorize(actor, 'update', 'note');
  if (actor.role === 'operator' && current.authorId !== actor.userId) {
    throw forbidden(msg('records.note_author_only'));
  }
  checkVersion(current.version, data.version);
  if (current.body === data.body) return current;
  await trx
    .updateTable('notes')
    .set({ body: data.body, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('tenant_id', '=', actor.tenantId)
    .execute();
  const claimCreditor = current.claimId
    ? await trx.selectFrom('claims').select('creditor_id').where('id', '=', current.claimId).executeTakeFirst()
    : undefined;
  await recordAudit(trx, actor, {
    action: 'note.updated',
    entityType: 'note',
    entityId: id,
    debtorId: current.debtorId,
    creditorId: claimCreditor?.creditor_id ?? null,
    before: { body: current.body },
    after: { body: data.body },
  });
  return (await fetchNote(trx, actor, id))!;
}
