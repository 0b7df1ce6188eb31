import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { today } from '../../domain/dates.ts';
import { createQueue } from '../../usecases/desk/create-queue.ts';
import { fillQueue } from '../../usecases/desk/fill-queue.ts';
import { listQueues } from '../../usecases/desk/list-queues.ts';
import { nextDebtor } from '../../usecases/desk/next-debtor.ts';
import { recordOutcome, RecordOutcomeInput } from '../../usecases/desk/record-outcome.ts';
import { CreateQueueInput, NextInput, NextView, QueueView } from '../../usecases/desk/schema.ts';
import { actorOf } from '../auth.ts';
import { requestLocale } from '../errors.ts';
import { errors, IdParams } from '../schemas.ts';
import type { RouteDeps } from './deps.ts';

/** The phone desk: work queues (supervisors) and "next" (operators). */
export const deskRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db }) => {
  const tags = ['desk'];
  app.get('/api/work/queues', { schema: { tags, response: { 200: z.array(QueueView), ...errors } } }, (req) => listQueues(db, actorOf(req)));
  app.post('/api/work/queues', { schema: { tags, body: CreateQueueInput, response: { 201: QueueView, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await createQueue(db, actorOf(req), req.body)),
  );
  app.post(
    '/api/work/queues/:id/fill',
    { schema: { tags, params: IdParams, response: { 200: z.object({ debtors: z.number(), added: z.number(), removed: z.number() }), ...errors } } },
    (req) => fillQueue(db, actorOf(req), req.params.id, today().toString()),
  );
  app.post('/api/work/next', { schema: { tags, body: NextInput.default({}), response: { 200: NextView, ...errors } } }, (req) =>
    nextDebtor(db, actorOf(req), req.body, new Date(), requestLocale(req)),
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
    (req) => recordOutcome(db, actorOf(req), req.body),
  );
};
