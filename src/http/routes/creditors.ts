import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CreateCreditorInput, CreditorView, UpdateCreditorInput } from '../../usecases/creditors/schema.ts';
import { createCreditor } from '../../usecases/creditors/create-creditor.ts';
import { getCreditor } from '../../usecases/creditors/get-creditor.ts';
import { listCreditors, ListCreditorsQuery } from '../../usecases/creditors/list-creditors.ts';
import { updateCreditor } from '../../usecases/creditors/update-creditor.ts';
import { actorOf } from '../auth.ts';
import { ErrorResponse, errors, IdParams, pageOf } from '../schemas.ts';
import type { RouteDeps } from './deps.ts';

export const creditorRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db }) => {
  const tags = ['creditors'];
  const albo = ErrorResponse.meta({ description: 'A comune’s mandate cannot be active without the agency’s albo registration (art. 53 D.Lgs. 446/1997)' });
  app.get('/api/creditors', { schema: { tags, querystring: ListCreditorsQuery, response: { 200: pageOf(CreditorView), ...errors } } }, (req) =>
    listCreditors(db, actorOf(req), req.query),
  );
  app.post('/api/creditors', { schema: { tags, body: CreateCreditorInput, response: { 201: CreditorView, ...errors, 422: albo } } }, async (req, reply) =>
    reply.status(201).send(await createCreditor(db, actorOf(req), req.body)),
  );
  app.get('/api/creditors/:id', { schema: { tags, params: IdParams, response: { 200: CreditorView, ...errors } } }, (req) =>
    getCreditor(db, actorOf(req), req.params.id),
  );
  app.patch(
    '/api/creditors/:id',
    { schema: { tags, params: IdParams, body: UpdateCreditorInput, response: { 200: CreditorView, ...errors, 422: albo } } },
    (req) => updateCreditor(db, actorOf(req), req.params.id, req.body),
  );
};
