import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getClaimHold } from '../../usecases/claims/get-claim-hold.ts';
import { holdClaim } from '../../usecases/claims/hold-claim.ts';
import { ClaimHoldView, HoldClaimInput, ReleaseClaimHoldQuery } from '../../usecases/claims/hold-schema.ts';
import { releaseClaimHold } from '../../usecases/claims/release-claim-hold.ts';
import { actorOf } from '../auth.ts';
import { errors, IdParams } from '../schemas.ts';
import type { RouteDeps } from './deps.ts';

export const claimHoldRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db }) => {
  const tags = ['claims'];
  app.get('/api/claims/:id/hold', { schema: { tags, params: IdParams, response: { 200: ClaimHoldView, ...errors } } }, (req) =>
    getClaimHold(db, actorOf(req), req.params.id),
  );
  app.post(
    '/api/claims/:id/hold',
    { schema: { tags, params: IdParams, body: HoldClaimInput, response: { 200: ClaimHoldView, ...errors } } },
    (req) => holdClaim(db, actorOf(req), req.params.id, req.body),
  );
  app.delete(
    '/api/claims/:id/hold',
    { schema: { tags, params: IdParams, querystring: ReleaseClaimHoldQuery, response: { 200: ClaimHoldView, ...errors } } },
    (req) => releaseClaimHold(db, actorOf(req), req.params.id, req.query),
  );
};
