import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listTimeBarred, ListTimeBarredQuery, TimeBarredPage } from '../../usecases/reviews/list-time-barred.ts';
import { actorOf } from '../auth.ts';
import { errors } from '../schemas.ts';
import type { RouteDeps } from './deps.ts';

/** Lists of positions for the comune (or the creditor) to review. */
export const reviewRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db }) => {
  const tags = ['reviews'];
  app.get('/api/reviews/time-barred', { schema: { tags, querystring: ListTimeBarredQuery, response: { 200: TimeBarredPage, ...errors } } }, (req) =>
    listTimeBarred(db, actorOf(req), req.query),
  );
};
