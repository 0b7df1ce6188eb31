import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createNote } from '../../usecases/notes/create-note.ts';
import { getNote } from '../../usecases/notes/get-note.ts';
import { listNotes, ListNotesQuery } from '../../usecases/notes/list-notes.ts';
import { CreateNoteInput, NoteView, UpdateNoteInput } from '../../usecases/notes/schema.ts';
import { updateNote } from '../../usecases/notes/update-note.ts';
import { actorOf } from '../auth.ts';
import { errors, IdParams, pageOf } from '../schemas.ts';
import type { RouteDeps } from './deps.ts';

export const noteRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db }) => {
  const tags = ['notes'];
  app.get('/api/notes', { schema: { tags, querystring: ListNotesQuery, response: { 200: pageOf(NoteView), ...errors } } }, (req) =>
    listNotes(db, actorOf(req), req.query),
  );
  app.post('/api/notes', { schema: { tags, body: CreateNoteInput, response: { 201: NoteView, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await createNote(db, actorOf(req), req.body)),
  );
  app.get('/api/notes/:id', { schema: { tags, params: IdParams, response: { 200: NoteView, ...errors } } }, (req) =>
    getNote(db, actorOf(req), req.params.id),
  );
  app.patch('/api/notes/:id', { schema: { tags, params: IdParams, body: UpdateNoteInput, response: { 200: NoteView, ...errors } } }, (req) =>
    updateNote(db, actorOf(req), req.params.id, req.body),
  );
};
