import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getMediationOptions } from '../../usecases/mediation/get-mediation-options.ts';
import { listMediations } from '../../usecases/mediation/list-mediations.ts';
import { proposeMediation } from '../../usecases/mediation/propose-mediation.ts';
import { recordMediationOutcome } from '../../usecases/mediation/record-mediation-outcome.ts';
import { MediationList, MediationListQuery, MediationOptions, MediationOptionsQuery, MediationOutcomeInput, MediationView, ProposeMediationInput } from '../../usecases/mediation/schema.ts';
import { actorOf } from '../auth.ts';
import { errors, IdParams } from '../schemas.ts';
import type { RouteDeps } from './deps.ts';

/** Mediation and conciliation (issue 17 item 4): what the rules propose, the proposal (claims held), its outcome. */
export const mediationRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db }) => {
  const tags = ['mediation'];
  app.get('/api/mediations/options', { schema: { tags, querystring: MediationOptionsQuery, response: { 200: MediationOptions, ...errors } } }, (req) => getMediationOptions(db, actorOf(req), req.query));
  app.get('/api/mediations', { schema: { tags, querystring: MediationListQuery, response: { 200: MediationList, ...errors } } }, (req) => listMediations(db, actorOf(req), req.query));
  app.post('/api/mediations', { schema: { tags, body: ProposeMediationInput, response: { 201: MediationView, ...errors } } }, async (req, reply) => reply.status(201).send(await proposeMediation(db, actorOf(req), req.body)));
  app.post('/api/mediations/:id/outcome', { schema: { tags, params: IdParams, body: MediationOutcomeInput, response: { 200: MediationView, ...errors } } }, (req) => recordMediationOutcome(db, actorOf(req), req.params.id, req.body));
};
