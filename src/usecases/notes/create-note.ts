import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { fieldError, invalid } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { loadClaim, loadDebtor } from '../shared/scope.ts';
import { fetchNote } from './note-query.ts';
import { CreateNoteInput, type NoteView } from './schema.ts';

export async function createNote(db: Db, actor: Actor, input: z.input<typeof CreateNoteInput>): Promise<NoteView> {
  return db.transaction().execute((trx) => registerNote(trx, actor, input));
}

/** `createNote` on a transaction the caller holds. */
export async function registerNote(trx: Trx, actor: Actor, input: z.input<typeof CreateNoteInput>): Promise<NoteView> {
  const data = parseInput(CreateNoteInput, input);
  const debtor = await loadDebtor(trx, actor, data.debtorId);
  authorize(actor, 'create', 'note');
  let creditorId: string | null = null;
  if (data.claimId) {
    const claim = await loadClaim(trx, actor, data.claimId);
    if (claim.debtor_id !== debtor.id) {
      throw invalid([fieldError('claimId', 'records.note_claim_of_other_debtor')]);
    }
    creditorId = claim.creditor_id;
  }
  const row = await trx
    .insertInto('notes')
    .values({
      tenant_id: actor.tenantId,
      debtor_id: debtor.id,
      claim_id: data.claimId ?? null,
      body: data.body,
      author_id: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const view = (await fetchNote(trx, actor, row.id))!;
  await recordAudit(trx, actor, {
    action: 'note.created',
    entityType: 'note',
    entityId: row.id,
    debtorId: debtor.id,
    creditorId,
    after: { body: view.body, claimId: view.claimId },
  });
  return view;
}
