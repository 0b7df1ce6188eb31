import { z } from 'zod';
import { language, moneyAmount, requiredText, uuid } from '../../domain/fields.ts';
import { ACT_KINDS, CLAIM_KINDS } from '../../domain/model.ts';

/** Which debtors a queue holds, besides its creditor (mandate): revenue, act, amount band, language. */
export const QueueFilter = z.strictObject({
  kinds: z.array(z.enum(CLAIM_KINDS)).max(CLAIM_KINDS.length).optional(),
  actKinds: z.array(z.enum(ACT_KINDS)).max(ACT_KINDS.length).optional(),
  /** Owed by the debtor in the queue's positions, from… */
  minOwed: moneyAmount.optional(),
  /** …to (inclusive). */
  maxOwed: moneyAmount.optional(),
  languages: z.array(language).max(4).optional(),
});
export type QueueFilter = z.infer<typeof QueueFilter>;

export const CreateQueueInput = z.strictObject({
  name: requiredText(100),
  /** The creditor (a comune's mandate) whose positions it holds; none: every creditor's. */
  creditorId: uuid.nullish(),
  filter: QueueFilter.default({}),
  /** The operators who work it. */
  operatorIds: z.array(uuid).max(500).default([]),
});

export const QueueView = z.object({
  id: z.uuid(),
  name: z.string(),
  creditorId: z.uuid().nullable(),
  creditorName: z.string().nullable(),
  filter: QueueFilter,
  operatorIds: z.array(z.uuid()),
  active: z.boolean(),
  /** Debtors in the queue, and those that may be worked now (no lease, due, callback or not). */
  debtors: z.number(),
  dueNow: z.number(),
});
export type QueueView = z.infer<typeof QueueView>;

export const NextInput = z.strictObject({
  /** One of the operator's queues; none: all of them. */
  queueId: uuid.optional(),
});

export const NextView = z.union([
  z.object({
    found: z.literal(true),
    queueId: z.uuid(),
    debtorId: z.uuid(),
    debtorName: z.string(),
    /** The operator holds the debtor until then; nobody else is given it. */
    leasedUntil: z.string(),
    priority: z.number(),
    owed: z.string(),
    /** A callback that was due (it came back to this operator). */
    callback: z.boolean(),
  }),
  z.object({
    found: z.literal(false),
    /** Why nobody may be called now, in the reader's language. */
    reason: z.string(),
    reasonCode: z.string(),
    /** The next moment a call becomes possible (local date and time), when known. */
    next: z.object({ date: z.string(), time: z.string() }).nullable(),
  }),
]);
export type NextView = z.infer<typeof NextView>;
