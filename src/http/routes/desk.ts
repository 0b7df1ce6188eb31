import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { serverClock } from '../../clock.ts';
import { createQueue } from '../../usecases/desk/create-queue.ts';
import { fillQueue } from '../../usecases/desk/fill-queue.ts';
import { listQueues } from '../../usecases/desk/list-queues.ts';
import { nextDebtor } from '../../usecases/desk/next-debtor.ts';
import { recordOutcome, RecordOutcomeInput } from '../../usecases/desk/record-outcome.ts';
import { localMoment } from '../../usecases/communications/phone-compliance.ts';
import { getCall } from '../../usecases/desk/get-call.ts';
import { CallStartedView, CallView, CreateQueueInput, IdentityResultView, NextInput, NextView, QueueView, StartCallInput, VerifyCallIdentityInput } from '../../usecases/desk/schema.ts';
import { startCall } from '../../usecases/desk/start-call.ts';
import { verifyCallIdentity } from '../../usecases/desk/verify-call-identity.ts';
import { actorOf } from '../auth.ts';
import { requestLocale } from '../errors.ts';
import { errors, IdParams } from '../schemas.ts';
import type { RouteDeps } from './deps.ts';

/** The phone desk: work queues (supervisors) and "next" (operators). */
export const deskRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db, config }) => {
  const tags = ['desk'];
  // The desk's now: real time, or INCASSO_CLOCK's moment flowing on (demos, browser tests).
  const now = serverClock(config.clockStart);
  app.get('/api/work/queues', { schema: { tags, response: { 200: z.array(QueueView), ...errors } } }, (req) => listQueues(db, actorOf(req)));
  app.post('/api/work/queues', { schema: { tags, body: CreateQueueInput, response: { 201: QueueView, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await createQueue(db, actorOf(req), req.body)),
  );
  app.post(
    '/api/work/queues/:id/fill',
    { schema: { tags, params: IdParams, response: { 200: z.object({ debtors: z.number(), added: z.number(), removed: z.number() }), ...errors } } },
    (req) => fillQueue(db, actorOf(req), req.params.id, localMoment(now()).date),
  );
  app.post('/api/work/next', { schema: { tags, body: NextInput.default({}), response: { 200: NextView, ...errors } } }, (req) =>
    nextDebtor(db, actorOf(req), req.body, now(), requestLocale(req)),
  );
  app.post(
    '/api/work/outcomes',
    {
      schema: {
        tags,
        body: RecordOutcomeInput,
        response: {
          200: z.union([
            z.object({ recorded: z.literal(true), outcome: z.string(), contactLogId: z.string(), promiseId: z.string().nullable(), nextWorkAt: z.string().nullable(), leftQueue: z.boolean() }),
            z.object({
              recorded: z.literal(false),
              refusal: z.object({ code: z.string(), message: z.unknown(), nextSlot: z.object({ date: z.string(), time: z.string() }).nullable() }),
              contactLogId: z.string(),
            }),
          ]),
          ...errors,
        },
      },
    },
    (req) => recordOutcome(db, actorOf(req), req.body, now()),
  );
  // The call screen: a call per number dialled, its right-party check, then the debtor's positions.
  app.post('/api/work/calls', { schema: { tags, body: StartCallInput, response: { 201: CallStartedView, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await startCall(db, actorOf(req), req.body, now())),
  );
  app.get('/api/work/calls/:id', { schema: { tags, params: IdParams, response: { 200: CallView, ...errors } } }, (req) =>
    getCall(db, actorOf(req), req.params.id, now(), requestLocale(req)),
  );
  app.post(
    '/api/work/calls/:id/identity',
    { schema: { tags, params: IdParams, body: VerifyCallIdentityInput, response: { 200: IdentityResultView, ...errors } } },
    (req) => verifyCallIdentity(db, actorOf(req), req.params.id, req.body, now(), requestLocale(req)),
  );
};
