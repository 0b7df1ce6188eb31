import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { activateStrategy } from '../../usecases/strategies/activate-strategy.ts';
import { createStrategy } from '../../usecases/strategies/create-strategy.ts';
import { deactivateStrategy } from '../../usecases/strategies/deactivate-strategy.ts';
import { getStrategy } from '../../usecases/strategies/get-strategy.ts';
import { listStrategies } from '../../usecases/strategies/list-strategies.ts';
import { listStrategyTemplates } from '../../usecases/strategies/list-strategy-templates.ts';
import {
  ActivationView,
  CreateStrategyInput,
  ListStrategiesQuery,
  StrategyList,
  StrategyTemplatesView,
  StrategyVersionInput,
  StrategyView,
  UpdateStrategyInput,
} from '../../usecases/strategies/schema.ts';
import { updateStrategy } from '../../usecases/strategies/update-strategy.ts';
import { actorOf } from '../auth.ts';
import { errors, IdParams } from '../schemas.ts';
import type { RouteDeps } from './deps.ts';
import { requestLocale } from '../errors.ts';

export const strategyRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db }) => {
  const tags = ['strategies'];
  app.get('/api/strategy-templates', { schema: { tags, response: { 200: StrategyTemplatesView, ...errors } } }, (req) =>
    listStrategyTemplates(actorOf(req), requestLocale(req)),
  );
  app.get('/api/strategies', { schema: { tags, querystring: ListStrategiesQuery, response: { 200: StrategyList, ...errors } } }, (req) =>
    listStrategies(db, actorOf(req), req.query),
  );
  app.post('/api/strategies', { schema: { tags, body: CreateStrategyInput, response: { 201: StrategyView, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await createStrategy(db, actorOf(req), req.body)),
  );
  app.get('/api/strategies/:id', { schema: { tags, params: IdParams, response: { 200: StrategyView, ...errors } } }, (req) =>
    getStrategy(db, actorOf(req), req.params.id),
  );
  app.patch(
    '/api/strategies/:id',
    { schema: { tags, params: IdParams, body: UpdateStrategyInput, response: { 200: StrategyView, ...errors } } },
    (req) => updateStrategy(db, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/strategies/:id/activate',
    { schema: { tags, params: IdParams, body: StrategyVersionInput.optional(), response: { 200: ActivationView, ...errors } } },
    (req) => activateStrategy(db, actorOf(req), req.params.id, req.body ?? {}),
  );
  app.post(
    '/api/strategies/:id/deactivate',
    { schema: { tags, params: IdParams, body: StrategyVersionInput.optional(), response: { 200: StrategyView, ...errors } } },
    (req) => deactivateStrategy(db, actorOf(req), req.params.id, req.body ?? {}),
  );
};
