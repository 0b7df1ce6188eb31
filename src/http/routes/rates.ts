import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RATE_SERIES } from '../../domain/interest/rate-series.ts';
import { addRatePeriod, AddRatePeriodInput, RatePeriodView } from '../../usecases/interest/add-rate-period.ts';
import { listRatePeriods } from '../../usecases/interest/list-rate-periods.ts';
import { actorOf } from '../auth.ts';
import { errors } from '../schemas.ts';
import type { RouteDeps } from './deps.ts';

const RatesOverview = z.object({
  series: z.array(z.object({ series: z.enum(RATE_SERIES), lastFrom: z.string(), lastTo: z.string().nullable(), rate: z.string() })),
  added: z.array(
    z.object({
      series: z.string(),
      from: z.string(),
      to: z.string().nullable(),
      rate: z.string(),
      rate2: z.string().nullable(),
      source: z.string(),
      addedBy: z.string(),
      addedAt: z.string(),
    }),
  ),
});

export const rateRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db }) => {
  const tags = ['interest'];
  app.get('/api/rates', { schema: { tags, response: { 200: RatesOverview, ...errors } } }, (req) => listRatePeriods(db, actorOf(req)));
  app.post('/api/rates', { schema: { tags, body: AddRatePeriodInput, response: { 201: RatePeriodView, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await addRatePeriod(db, actorOf(req), req.body)),
  );
};
