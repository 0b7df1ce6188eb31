import { z } from 'zod';
import { coded } from '../../domain/messages/index.ts';
import { isoDate, language, moneyAmount, requiredText, uuid } from '../../domain/fields.ts';
import { ACT_KINDS, CLAIM_KINDS } from '../../domain/model.ts';
import { IDENTITY_METHODS } from '../../domain/desk/identity.ts';

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
  /** Debtors an operator holds right now (a lease). */
  leased: z.number(),
  version: z.number(),
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

export const UpdateQueueInput = z.strictObject({
  name: requiredText(100).optional(),
  creditorId: uuid.nullish(),
  filter: QueueFilter.optional(),
  /** Switched off: "next" offers none of its debtors; its items stay. */
  active: z.boolean().optional(),
  /** The operators who work it: the whole list (assigning and unassigning in one). */
  operatorIds: z.array(uuid).max(500).optional(),
  version: z.number().int(),
});

export const DeskOperatorView = z.object({ id: z.uuid(), name: z.string(), email: z.string(), role: z.enum(['admin', 'supervisor', 'operator']) });
export type DeskOperatorView = z.infer<typeof DeskOperatorView>;

/** The board's period, local dates (Europe/Rome); today when not given. */
export const BoardQuery = z.strictObject({ from: isoDate.optional(), to: isoDate.optional() });

const Amount = z.object({ currency: z.string(), amount: z.string() });
export const BoardFigures = z.object({
  /** Calls that count as an attempt, contacts, right-party contacts, worked (the outcome flags, a correction counting instead of the original). */
  attempts: z.number(),
  contacts: z.number(),
  rightParty: z.number(),
  worked: z.number(),
  /** Calls the contact rules refused when the outcome was recorded. */
  refused: z.number(),
  promises: z.number(),
  /** What the period's promises are for, per currency. */
  promised: z.array(Amount),
  promisesKept: z.number(),
  kept: z.array(Amount),
  /** Payments received on the debtor within the attribution window (`collectedAfterDays`) after a right-party contact. */
  collected: z.array(Amount),
  outcomes: z.record(z.string(), z.number()),
});
export type BoardFigures = z.infer<typeof BoardFigures>;
export const BoardView = z.object({
  from: z.string(),
  to: z.string(),
  collectedAfterDays: z.number(),
  operators: z.array(BoardFigures.extend({ userId: z.uuid().nullable(), name: z.string() })),
  queues: z.array(BoardFigures.extend({ queueId: z.uuid().nullable(), name: z.string().nullable() })),
  total: BoardFigures,
});
export type BoardView = z.infer<typeof BoardView>;

export const ReassignInput = z
  .strictObject({
    /** One debtor (in every queue, or in `queueId`)… */
    debtorId: uuid.optional(),
    queueId: uuid.optional(),
    /** …or everything an operator holds or is called back for. */
    fromUserId: uuid.optional(),
    /** The operator who gets it; null: released to whoever presses "next". */
    toUserId: uuid.nullable(),
    reason: requiredText(500),
  })
  .refine((v) => Boolean(v.debtorId) !== Boolean(v.fromUserId), { path: ['debtorId'], message: coded('desk.reassign_what') });

export const OutcomesQuery = z.strictObject({
  userId: uuid.optional(),
  queueId: uuid.optional(),
  outcome: z.string().max(40).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const OutcomeRecord = z.object({
  id: z.string(),
  debtorId: z.uuid(),
  debtorName: z.string(),
  queueId: z.uuid().nullable(),
  queueName: z.string().nullable(),
  userId: z.uuid().nullable(),
  operator: z.string(),
  date: z.string(),
  time: z.string().nullable(),
  allowed: z.boolean(),
  /** As recorded by the operator, and as it counts (the correction, when there is one). */
  outcome: z.string().nullable(),
  counts: z.string().nullable(),
  correction: z.object({ outcome: z.string(), reason: z.string(), by: z.string().nullable(), at: z.string() }).nullable(),
});
export type OutcomeRecord = z.infer<typeof OutcomeRecord>;

export const CorrectOutcomeInput = z.strictObject({ outcome: z.string().min(1).max(40), reason: requiredText(1000) });

export const REVIEW_KINDS = ['skip_tracing', 'dispute', 'supervisor'] as const;
export const ReviewsQuery = z.strictObject({ kind: z.enum(REVIEW_KINDS), limit: z.coerce.number().int().min(1).max(500).default(200) });
export const ReviewItem = z.object({
  /** The contact-log row of the outcome that sent the debtor out of the call queues. */
  id: z.string(),
  debtorId: z.uuid(),
  debtorName: z.string(),
  outcome: z.string(),
  operator: z.string(),
  queueId: z.uuid().nullable(),
  queueName: z.string().nullable(),
  at: z.string(),
  /** The debtor has a phone number that may be called now. */
  callable: z.boolean(),
});
export type ReviewItem = z.infer<typeof ReviewItem>;
export const ResolveReviewInput = z.strictObject({
  /** requeue: the pause of the outcome ends and the debtor is back in `queueId`; close: the review ends, nothing else changes. */
  action: z.enum(['requeue', 'close']),
  queueId: uuid.optional(),
  reason: requiredText(500),
});

/** A number dialled from the desk: the debtor the operator holds from "next", in its queue. */
export const StartCallInput = z.strictObject({
  queueId: uuid,
  debtorId: uuid,
  /** The number dialled (one of the debtor's phone contacts). */
  contactId: uuid,
});

/** The right-party check: what the person on the phone says, compared on the server. */
export const VerifyCallIdentityInput = z.strictObject({
  method: z.enum(IDENTITY_METHODS),
  value: z.string().trim().min(1).max(40),
});

export const IdentityView = z.object({
  verified: z.boolean(),
  /** How it was verified (null: not yet). */
  method: z.enum(IDENTITY_METHODS).nullable(),
  /** Wrong answers so far on this call, and how many are left before the check locks. */
  failures: z.number(),
  triesLeft: z.number(),
  locked: z.boolean(),
  /** The methods the records allow (a debtor without a date of birth on file cannot be checked by it). */
  methods: z.array(z.enum(IDENTITY_METHODS)),
});
export type IdentityView = z.infer<typeof IdentityView>;

export const CallStartedView = z.object({
  id: z.uuid(),
  queueId: z.uuid(),
  debtorId: z.uuid(),
  contactId: z.uuid(),
  /** What the operator's phone dials. */
  tel: z.string(),
  startedAt: z.string(),
});

/** The answer to an identity try: verified or not, with what is left (a wrong answer discloses nothing). */
export const IdentityResultView = IdentityView.extend({
  /** Why it was not verified, in the reader's language (null when verified). */
  message: z.string().nullable(),
});

const PromiseRulesView = z.object({ maxDaysAhead: z.number(), minAmount: z.string(), minSharePercent: z.string(), graceDays: z.number() });

/**
 * The call screen (GET /api/work/calls/:id). Before the right-party check, `disclosed` is null: the
 * answer carries no amount, no claim reference, no word about a debt (the history without its
 * outcomes); after it, the positions with what each owes today per component and its notice code,
 * the call scripts, promises, notes and the creditor's promise rules.
 */
export const CallView = z.object({
  id: z.uuid(),
  queueId: z.uuid(),
  contactId: z.uuid(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  outcome: z.string().nullable(),
  /** This operator holds the debtor (lease from "next") and the call is not over: an outcome may be recorded. */
  open: z.boolean(),
  identity: IdentityView,
  debtor: z.object({ id: z.uuid(), name: z.string(), language: z.string() }),
  phones: z.array(
    z.object({
      id: z.uuid(),
      channel: z.enum(['phone', 'mobile']),
      value: z.string(),
      label: z.string().nullable(),
      status: z.enum(['unverified', 'valid', 'invalid']),
      consent: z.enum(['unknown', 'granted', 'withdrawn']),
      thirdParty: z.boolean(),
      /** Not invalid, consent not withdrawn, not a third party's. */
      callable: z.boolean(),
    }),
  ),
  history: z.array(
    z.object({
      date: z.string(),
      time: z.string().nullable(),
      channel: z.string(),
      kind: z.enum(['written', 'phone_attempt', 'conversation']),
      allowed: z.boolean(),
      /** The desk outcome (only once the identity is verified). */
      outcome: z.string().nullable(),
      outcomeLabel: z.string().nullable(),
    }),
  ),
  /** The tenant's outcomes; before the check only those that are not a right-party contact may be recorded. */
  outcomes: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      level: z.string(),
      effect: z.string(),
      rightParty: z.boolean(),
      /** The details its effect needs (promise, callbackAt, reason, newContact, contactId). */
      needs: z.array(z.string()),
    }),
  ),
  disclosed: z
    .object({
      /** The queue's name (a supervisor's words, often the revenue: disclosed with the rest). */
      queueName: z.string(),
      asOf: z.string(),
      promiseRules: PromiseRulesView,
      /** The least a promise may be for now (the rules against what the queue's positions owe). */
      minimumPromise: z.string(),
      /** The last day a promise may be for. */
      latestPromiseDate: z.string(),
      owed: z.string(),
      positions: z.array(
        z.object({
          id: z.uuid(),
          externalRef: z.string(),
          creditorName: z.string(),
          kind: z.string(),
          taxYear: z.number().nullable(),
          status: z.string(),
          currency: z.string(),
          act: z.object({ kind: z.string(), number: z.string().nullable(), date: z.string().nullable() }).nullable(),
          noticeCode: z.string().nullable(),
          /** The claim's parts (amount, paid, waived, due) and the balance today (interest and costs accrued). */
          components: z.array(z.object({ id: z.uuid(), kind: z.string(), tributeCode: z.string().nullable(), amount: z.string(), paid: z.string(), waived: z.string(), due: z.string() })),
          balance: z.object({ interest: z.string(), interestDue: z.string(), costs: z.string(), costsDue: z.string(), principalDue: z.string(), totalDue: z.string() }),
          script: z.array(z.object({ key: z.string(), title: z.string(), lines: z.array(z.string()) })),
        }),
      ),
      promises: z.array(z.object({ id: z.uuid(), amount: z.string(), dueOn: z.string(), madeOn: z.string(), channel: z.string().nullable(), state: z.string(), paid: z.string() })),
      notes: z.array(z.object({ id: z.uuid(), body: z.string(), createdAt: z.string() })),
    })
    .nullable(),
});
export type CallView = z.infer<typeof CallView>;
