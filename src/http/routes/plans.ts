import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { approvePlan } from '../../usecases/plans/approve-plan.ts';
import { cancelPlan } from '../../usecases/plans/cancel-plan.ts';
import { extendPlan } from '../../usecases/plans/extend-plan.ts';
import { getPlan } from '../../usecases/plans/get-plan.ts';
import { listPlans } from '../../usecases/plans/list-plans.ts';
import { printPlanDocument } from '../../usecases/plans/print-plan-document.ts';
import { proposePlan } from '../../usecases/plans/propose-plan.ts';
import { recordPlanReminder } from '../../usecases/plans/record-plan-reminder.ts';
import { rejectPlan } from '../../usecases/plans/reject-plan.ts';
import { DecidePlanInput, ExtendPlanInput, ListPlansQuery, PlanDocumentQuery, PlanList, PlanView, ProposePlanInput, RecordPlanReminderInput } from '../../usecases/plans/schema.ts';
import { actorOf } from '../auth.ts';
import { requestLocale } from '../errors.ts';
import { errors, IdParams } from '../schemas.ts';
import type { RouteDeps } from './deps.ts';

/** Instalment plans (issue 15 items 1–2). */
export const planRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db }) => {
  const tags = ['plans'];
  app.post('/api/plans', { schema: { tags, body: ProposePlanInput, response: { 201: PlanView, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await proposePlan(db, actorOf(req), req.body, {}, requestLocale(req))),
  );
  app.get('/api/plans', { schema: { tags, querystring: ListPlansQuery, response: { 200: PlanList, ...errors } } }, (req) => listPlans(db, actorOf(req), req.query, requestLocale(req)));
  app.get('/api/plans/:id', { schema: { tags, params: IdParams, response: { 200: PlanView, ...errors } } }, (req) => getPlan(db, actorOf(req), req.params.id, requestLocale(req)));
  // The plan's document (PDF): schedule and a payment slip per instalment, in ?lang= or the debtor's language.
  app.get('/api/plans/:id/document', { schema: { tags, params: IdParams, querystring: PlanDocumentQuery, response: { 200: z.any().meta({ description: 'application/pdf' }), ...errors } } }, async (req, reply) => {
    const { fileName, pdf } = await printPlanDocument(db, actorOf(req), req.params.id, req.query, requestLocale(req));
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'private, no-cache').send(pdf);
  });
  const decide = { tags, params: IdParams, body: DecidePlanInput, response: { 200: PlanView, ...errors } };
  app.post('/api/plans/:id/approve', { schema: decide }, (req) => approvePlan(db, actorOf(req), req.params.id, req.body, requestLocale(req)));
  app.post('/api/plans/:id/reject', { schema: decide }, (req) => rejectPlan(db, actorOf(req), req.params.id, req.body, requestLocale(req)));
  app.post('/api/plans/:id/cancel', { schema: decide }, (req) => cancelPlan(db, actorOf(req), req.params.id, req.body, requestLocale(req)));
  app.post('/api/plans/:id/extend', { schema: { tags, params: IdParams, body: ExtendPlanInput, response: { 200: PlanView, ...errors } } }, (req) =>
    extendPlan(db, actorOf(req), req.params.id, req.body, {}, requestLocale(req)),
  );
  app.post('/api/plans/:id/reminders', { schema: { tags, params: IdParams, body: RecordPlanReminderInput, response: { 200: PlanView, ...errors } } }, (req) =>
    recordPlanReminder(db, actorOf(req), req.params.id, req.body, {}, requestLocale(req)),
  );
};
