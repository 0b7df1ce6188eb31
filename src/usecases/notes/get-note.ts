import type { Db } from '../../db/connect.ts';
import { notFound } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { assertId } from '../shared/scope.ts';
import { fetchNote } from './note-query.ts';
import type { NoteView } from './schema.ts';

export async function getNote(db: Db, actor: Actor, id: string): Promise<NoteView> {
  authorize(actor, 'read', 'note');
  assertId(id, 'note');
  const note = await fetchNote(db, actor, id);
  if (!note) throw notFound('note');
  return note;
}
