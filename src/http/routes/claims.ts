import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addClaimCost, AddClaimCostInput } from '../../usecases/claims/add-claim-cost.ts';
import { claimStatementPdf, ClaimStatementQuery, ClaimStatementView, getClaimStatement } from '../../usecases/claims/get-claim-statement.ts';
import { ClaimCallScriptQuery, ClaimCallScriptView, getClaimCallScript } from '../../usecases/claims/get-claim-call-script.ts';
import { ClaimRavvedimentoQuery, ClaimRavvedimentoView, getClaimRavvedimento } from '../../usecases/claims/get-claim-ravvedimento.ts';
import { waiveClaimCost, WaiveClaimCostInput } from '../../usecases/claims/waive-claim-cost.ts';
import { createClaim } from '../../usecases/claims/create-claim.ts';
import { getClaim, GetClaimQuery } from '../../usecases/claims/get-claim.ts';
import { listClaims, ListClaimsQuery } from '../../usecases/claims/list-claims.ts';
import { ClaimDetail, ClaimView, CreateClaimInput, UpdateClaimInput } from '../../usecases/claims/schema.ts';
import { updateClaim } from '../../usecases/claims/update-claim.ts';
import { Dashboard, getDashboard } from '../../usecases/dashboard/get-dashboard.ts';
import { actorOf } from '../auth.ts';
import { errors, IdParams, pageOf } from '../schemas.ts';
import type { RouteDeps } from './deps.ts';
import { requestLocale } from '../errors.ts';

export const claimRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db }) => {
  const tags = ['claims'];
  app.get('/api/claims', { schema: { tags, querystring: ListClaimsQuery, response: { 200: pageOf(ClaimView), ...errors } } }, (req) =>
    listClaims(db, actorOf(req), req.query, requestLocale(req)),
  );
  app.post('/api/claims', { schema: { tags, body: CreateClaimInput, response: { 201: ClaimView, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await createClaim(db, actorOf(req), req.body, requestLocale(req))),
  );
  app.get(
    '/api/claims/:id',
    { schema: { tags, params: IdParams, querystring: GetClaimQuery, response: { 200: ClaimDetail, ...errors } } },
    (req) => getClaim(db, actorOf(req), req.params.id, req.query, requestLocale(req)),
  );
  app.get(
    '/api/claims/:id/statement',
    { schema: { tags, params: IdParams, querystring: ClaimStatementQuery, response: { 200: ClaimStatementView, ...errors } } },
    (req) => getClaimStatement(db, actorOf(req), req.params.id, req.query),
  );
  app.get(
    '/api/claims/:id/ravvedimento',
    { schema: { tags, params: IdParams, querystring: ClaimRavvedimentoQuery, response: { 200: ClaimRavvedimentoView, ...errors } } },
    (req) => getClaimRavvedimento(db, actorOf(req), req.params.id, req.query, requestLocale(req)),
  );
  app.get(
    '/api/claims/:id/call-script',
    { schema: { tags, params: IdParams, querystring: ClaimCallScriptQuery, response: { 200: ClaimCallScriptView, ...errors } } },
    (req) => getClaimCallScript(db, actorOf(req), req.params.id, req.query),
  );
  app.get(
    '/api/claims/:id/statement.pdf',
    {
      schema: {
        tags,
        params: IdParams,
        querystring: ClaimStatementQuery,
        response: { 200: z.any().meta({ description: 'application/pdf' }), ...errors },
      },
    },
    async (req, reply) => {
      const { view, pdf } = await claimStatementPdf(db, actorOf(req), req.params.id, req.query);
      const name = `prospetto-${view.externalRef.replace(/[^A-Za-z0-9._-]+/g, '_')}-${view.statement.paid}.pdf`;
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${name}"`).send(pdf);
    },
  );
  app.post(
    '/api/claims/:id/costs',
    { schema: { tags, params: IdParams, body: AddClaimCostInput, response: { 201: ClaimDetail, ...errors } } },
    async (req, reply) => reply.status(201).send(await addClaimCost(db, actorOf(req), req.params.id, req.body, {}, requestLocale(req))),
  );
  app.post(
    '/api/claims/:id/costs/:costId/waive',
    {
      schema: {
        tags,
        params: IdParams.extend({ costId: z.string().max(64) }),
        body: WaiveClaimCostInput,
        response: { 200: ClaimDetail, ...errors },
      },
    },
    (req) => waiveClaimCost(db, actorOf(req), req.params.id, req.params.costId, req.body, requestLocale(req)),
  );
  app.patch(
    '/api/claims/:id',
    { schema: { tags, params: IdParams, body: UpdateClaimInput, response: { 200: ClaimView, ...errors } } },
    (req) => updateClaim(db, actorOf(req), req.params.id, req.body, requestLocale(req)),
  );
  app.get('/api/dashboard', { schema: { tags: ['dashboard'], response: { 200: Dashboard, ...errors } } }, (req) =>
    getDashboard(db, actorOf(req)),
  );
};
