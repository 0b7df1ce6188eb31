import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RATE_SERIES } from '../../domain/interest/rate-series.ts';
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
      version: z.number().int(),
      current: z.boolean(),
      reason: z.string().nullable(),
      addedAt: z.string(),
    }),
  ),
});

export const rateRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db }) => {
  const tags = ['interest'];
  app.get('/api/rates', { schema: { tags, response: { 200: RatesOverview, ...errors } } }, (req) => listRatePeriods(db, actorOf(req)));
  // No write route: statutory periods are the installation's, added and corrected by its operator
  // with `incasso rates add|correct` on the server, never by a tenant's user.
};
