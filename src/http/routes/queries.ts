import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { answerQuery } from '../../usecases/queries/answer-query.ts';
import { closeQuery } from '../../usecases/queries/close-query.ts';
import { getQuery } from '../../usecases/queries/get-query.ts';
import { countQueries, listQueries } from '../../usecases/queries/list-queries.ts';
import { openQuery } from '../../usecases/queries/open-query.ts';
import { replyQuery } from '../../usecases/queries/reply-query.ts';
import { AnswerQueryInput, CloseQueryInput, ListQueriesQuery, OpenQueryInput, QueryCounts, QueryList, QueryView, ReplyQueryInput } from '../../usecases/queries/schema.ts';
import { actorOf } from '../auth.ts';
import { requestLocale } from '../errors.ts';
import { errors, IdParams } from '../schemas.ts';
import type { RouteDeps } from './deps.ts';

/** Queries both ways between the agency and the creditor, per position (issue 16 item 4). */
export const queryRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db }) => {
  const tags = ['queries'];
  app.get('/api/queries', { schema: { tags, querystring: ListQueriesQuery, response: { 200: QueryList, ...errors } } }, (req) => listQueries(db, actorOf(req), req.query, requestLocale(req)));
  app.get('/api/queries/counts', { schema: { tags, response: { 200: QueryCounts, ...errors } } }, (req) => countQueries(db, actorOf(req)));
  app.get('/api/queries/:id', { schema: { tags, params: IdParams, response: { 200: QueryView, ...errors } } }, (req) => getQuery(db, actorOf(req), req.params.id, requestLocale(req)));
  app.post('/api/queries', { schema: { tags, body: OpenQueryInput, response: { 201: QueryView, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await openQuery(db, actorOf(req), req.body, requestLocale(req))),
  );
  app.post('/api/queries/:id/messages', { schema: { tags, params: IdParams, body: ReplyQueryInput, response: { 200: QueryView, ...errors } } }, (req) => replyQuery(db, actorOf(req), req.params.id, req.body, requestLocale(req)));
  app.post('/api/queries/:id/answer', { schema: { tags, params: IdParams, body: AnswerQueryInput, response: { 200: QueryView, ...errors } } }, (req) => answerQuery(db, actorOf(req), req.params.id, req.body, requestLocale(req)));
  app.post('/api/queries/:id/close', { schema: { tags, params: IdParams, body: CloseQueryInput, response: { 200: QueryView, ...errors } } }, (req) => closeQuery(db, actorOf(req), req.params.id, req.body, requestLocale(req)));
};
