import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { approveSettlement } from '../../usecases/settlements/approve-settlement.ts';
import { closeSettlement } from '../../usecases/settlements/close-settlement.ts';
import { listSettlements, ListSettlementsQuery, SettlementList } from '../../usecases/settlements/list-settlements.ts';
import { proposeSettlement } from '../../usecases/settlements/propose-settlement.ts';
import { CloseSettlementInput, ProposeSettlementInput, SettlementView } from '../../usecases/settlements/schema.ts';
import { actorOf } from '../auth.ts';
import { requestLocale } from '../errors.ts';
import { errors, IdParams } from '../schemas.ts';
import type { RouteDeps } from './deps.ts';

export const settlementRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db }) => {
  const tags = ['settlements'];
  app.post('/api/settlements', { schema: { tags, body: ProposeSettlementInput, response: { 201: SettlementView, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await proposeSettlement(db, actorOf(req), req.body)),
  );
  app.get('/api/settlements', { schema: { tags, querystring: ListSettlementsQuery, response: { 200: SettlementList, ...errors } } }, (req) =>
    listSettlements(db, actorOf(req), req.query, requestLocale(req)),
  );
  app.post('/api/settlements/:id/approve', { schema: { tags, params: IdParams, response: { 200: SettlementView, ...errors } } }, (req) =>
    approveSettlement(db, actorOf(req), req.params.id),
  );
  app.post('/api/settlements/:id/close', { schema: { tags, params: IdParams, body: CloseSettlementInput, response: { 200: SettlementView, ...errors } } }, (req) =>
    closeSettlement(db, actorOf(req), req.params.id, req.body),
  );
};
