import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DunningRunInput, DunningRunView, startDunningRun } from '../../usecases/dunning/start-dunning-run.ts';
import { actorOf } from '../auth.ts';
import { errors } from '../schemas.ts';
import type { RouteDeps } from './deps.ts';
import { requestLocale } from '../errors.ts';

/** The dunning run: a dry run (what would go out) or the run itself, for the signed-in tenant. */
export const dunningRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db, config }) => {
  app.post(
    '/api/dunning/runs',
    { schema: { tags: ['dunning'], body: DunningRunInput, response: { 200: DunningRunView, ...errors } } },
    async (req) => startDunningRun(db, actorOf(req), req.body, config, requestLocale(req)),
  );
};
