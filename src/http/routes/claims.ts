import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createClaim } from '../../usecases/claims/create-claim.ts';
import { getClaim } from '../../usecases/claims/get-claim.ts';
import { listClaims, ListClaimsQuery } from '../../usecases/claims/list-claims.ts';
import { ClaimDetail, ClaimView, CreateClaimInput, UpdateClaimInput } from '../../usecases/claims/schema.ts';
import { updateClaim } from '../../usecases/claims/update-claim.ts';
import { Dashboard, getDashboard } from '../../usecases/dashboard/get-dashboard.ts';
import { actorOf } from '../auth.ts';
import { errors, IdParams, pageOf } from '../schemas.ts';
import type { RouteDeps } from './deps.ts';

export const claimRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db }) => {
  const tags = ['claims'];
  app.get('/api/claims', { schema: { tags, querystring: ListClaimsQuery, response: { 200: pageOf(ClaimView), ...errors } } }, (req) =>
    listClaims(db, actorOf(req), req.query),
  );
  app.post('/api/claims', { schema: { tags, body: CreateClaimInput, response: { 201: ClaimView, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await createClaim(db, actorOf(req), req.body)),
  );
  app.get('/api/claims/:id', { schema: { tags, params: IdParams, response: { 200: ClaimDetail, ...errors } } }, (req) =>
    getClaim(db, actorOf(req), req.params.id),
  );
  app.patch(
    '/api/claims/:id',
    { schema: { tags, params: IdParams, body: UpdateClaimInput, response: { 200: ClaimView, ...errors } } },
    (req) => updateClaim(db, actorOf(req), req.params.id, req.body),
  );
  app.get('/api/dashboard', { schema: { tags: ['dashboard'], response: { 200: Dashboard, ...errors } } }, (req) =>
    getDashboard(db, actorOf(req)),
  );
};
