import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { serverClock } from '../../clock.ts';
import { createQueue } from '../../usecases/desk/create-queue.ts';
import { fillQueue } from '../../usecases/desk/fill-queue.ts';
import { listQueues } from '../../usecases/desk/list-queues.ts';
import { nextDebtor } from '../../usecases/desk/next-debtor.ts';
import { recordOutcome, RecordOutcomeInput } from '../../usecases/desk/record-outcome.ts';
import { correctOutcome } from '../../usecases/desk/correct-outcome.ts';
import { getBoard } from '../../usecases/desk/get-board.ts';
import { listDeskOperators } from '../../usecases/desk/list-desk-operators.ts';
import { listOutcomes } from '../../usecases/desk/list-outcomes.ts';
import { listReviews } from '../../usecases/desk/list-reviews.ts';
import { reassignWork } from '../../usecases/desk/reassign-work.ts';
import { resolveReview } from '../../usecases/desk/resolve-review.ts';
import { updateQueue } from '../../usecases/desk/update-queue.ts';
import { localMoment } from '../../usecases/communications/phone-compliance.ts';
import { getCall } from '../../usecases/desk/get-call.ts';
import { startCall } from '../../usecases/desk/start-call.ts';
import { verifyCallIdentity } from '../../usecases/desk/verify-call-identity.ts';
import {
  BoardQuery,
  BoardView,
  CallStartedView,
  CallView,
  CorrectOutcomeInput,
  CreateQueueInput,
  DeskOperatorView,
  IdentityResultView,
  NextInput,
  NextView,
  OutcomeRecord,
  OutcomesQuery,
  QueueView,
  ReassignInput,
  ResolveReviewInput,
  ReviewItem,
  ReviewsQuery,
  StartCallInput,
  UpdateQueueInput,
  VerifyCallIdentityInput,
} from '../../usecases/desk/schema.ts';
import { actorOf } from '../auth.ts';
import { requestLocale } from '../errors.ts';
import { errors, IdParams } from '../schemas.ts';
import type { RouteDeps } from './deps.ts';

/** The phone desk: work queues, the board and reviews (supervisors), "next" and the call screen (operators). */
export const deskRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db, config }) => {
  const tags = ['desk'];
  // The desk's now: real time, or INCASSO_CLOCK's moment flowing on (demos, browser tests).
  const now = serverClock(config.clockStart);
  app.get('/api/work/queues', { schema: { tags, response: { 200: z.array(QueueView), ...errors } } }, (req) => listQueues(db, actorOf(req), now()));
  app.post('/api/work/queues', { schema: { tags, body: CreateQueueInput, response: { 201: QueueView, ...errors } } }, async (req, reply) =>
    reply.status(201).send(await createQueue(db, actorOf(req), req.body, localMoment(now()).date, now())),
  );
  app.post(
    '/api/work/queues/:id/fill',
    { schema: { tags, params: IdParams, response: { 200: z.object({ debtors: z.number(), added: z.number(), removed: z.number() }), ...errors } } },
    (req) => fillQueue(db, actorOf(req), req.params.id, localMoment(now()).date, now()),
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
  // desk: supervisor — queue management, board, reassignment, outcome review, special queues
  app.patch('/api/work/queues/:id', { schema: { tags, params: IdParams, body: UpdateQueueInput, response: { 200: QueueView, ...errors } } }, (req) =>
    updateQueue(db, actorOf(req), req.params.id, req.body, now()),
  );
  app.get('/api/work/operators', { schema: { tags, response: { 200: z.array(DeskOperatorView), ...errors } } }, (req) => listDeskOperators(db, actorOf(req)));
  app.get('/api/work/board', { schema: { tags, querystring: BoardQuery, response: { 200: BoardView, ...errors } } }, (req) => getBoard(db, actorOf(req), req.query));
  app.post('/api/work/reassign', { schema: { tags, body: ReassignInput, response: { 200: z.object({ moved: z.number() }), ...errors } } }, (req) =>
    reassignWork(db, actorOf(req), req.body),
  );
  app.get('/api/work/outcomes', { schema: { tags, querystring: OutcomesQuery, response: { 200: z.array(OutcomeRecord), ...errors } } }, (req) => listOutcomes(db, actorOf(req), req.query));
  app.post(
    '/api/work/outcomes/:id/correction',
    { schema: { tags, params: z.object({ id: z.string() }), body: CorrectOutcomeInput, response: { 200: OutcomeRecord, ...errors } } },
    (req) => correctOutcome(db, actorOf(req), req.params.id, req.body),
  );
  app.get('/api/work/reviews', { schema: { tags, querystring: ReviewsQuery, response: { 200: z.array(ReviewItem), ...errors } } }, (req) => listReviews(db, actorOf(req), req.query));
  app.post(
    '/api/work/reviews/:id',
    { schema: { tags, params: z.object({ id: z.string() }), body: ResolveReviewInput, response: { 200: z.object({ debtorId: z.uuid(), resolution: z.enum(['requeued', 'closed']) }), ...errors } } },
    (req) => resolveReview(db, actorOf(req), req.params.id, req.body),
  );
};
