import { z } from 'zod';
import { coded } from '../../domain/messages/index.ts';
import { isoDate, moneyAmount, positiveMoneyAmount, requiredText, safeString, uuid } from '../../domain/fields.ts';
import { QUERY_ANSWERS, QUERY_KINDS, QUERY_SIDES, QUERY_STATUSES, QUERY_VIAS } from '../../domain/queries/rules.ts';

/** A message of a thread: several lines, 1–4000 characters. */
const body = safeString({ multiLine: true })
  .transform((v) => v.replace(/\r\n/g, '\n').trim())
  .pipe(z.string().min(1, { error: coded('field.required') }).max(4000, { error: coded('field.max_chars', { max: 4000 }) }));

/** The agency opens a query on a position (issue 16 item 4). */
export const OpenQueryInput = z.strictObject({
  claimId: uuid,
  kind: z.enum(QUERY_KINDS),
  /** What the agency asks or reports; for a return, the reason (kept on the position, ≤ 500 characters). */
  text: body,
  /** The proposed plan a `plan_approval` query asks the creditor to approve. */
  planId: uuid.optional(),
});

export const ReplyQueryInput = z.strictObject({ text: body, version: z.number().int().optional() });

/** A component's corrected amount, by its position on the claim (1 = the first). */
export const CorrectedComponent = z.strictObject({ position: z.number().int().min(1).max(20), amount: moneyAmount });

/** The creditor's answer (or the agency recording it, with how it came). */
export const AnswerQueryInput = z.strictObject({
  answer: z.enum(QUERY_ANSWERS),
  text: body.optional(),
  /** How the creditor answered when the agency records it (PEC, phone…); the creditor's own user answers on the portal. */
  via: z.enum(QUERY_VIAS).optional(),
  /** corrected: the new amounts of the components named (the others stay). */
  components: z.array(CorrectedComponent).min(1).max(20).optional(),
  /** already_paid: what the debtor paid to the creditor directly. */
  payment: z.strictObject({ amount: positiveMoneyAmount, valueDate: isoDate, reference: requiredText(140).optional() }).optional(),
  version: z.number().int().optional(),
});

export const CloseQueryInput = z.strictObject({ version: z.number().int().optional() });

export const ListQueriesQuery = z.strictObject({
  waitingFor: z.enum(QUERY_SIDES).optional(),
  status: z.enum(QUERY_STATUSES).optional(),
  claimId: uuid.optional(),
  kind: z.enum(QUERY_KINDS).optional(),
});

export const QueryMessageView = z.object({ id: z.uuid(), side: z.enum(QUERY_SIDES), author: z.string(), text: z.string(), createdAt: z.string() });

export const QueryView = z.object({
  id: z.uuid(),
  kind: z.enum(QUERY_KINDS),
  status: z.enum(QUERY_STATUSES),
  waitingFor: z.enum(QUERY_SIDES).nullable(),
  claimId: z.uuid(),
  claimRef: z.string(),
  claimStatus: z.string(),
  debtorId: z.uuid(),
  debtorName: z.string(),
  creditorId: z.uuid(),
  creditorName: z.string(),
  planId: z.uuid().nullable(),
  answer: z.enum(QUERY_ANSWERS).nullable(),
  answeredBy: z.string().nullable(),
  answeredVia: z.enum(QUERY_VIAS).nullable(),
  answeredAt: z.string().nullable(),
  openedBy: z.string(),
  createdAt: z.string(),
  version: z.number(),
  /** The answers the reader may give now (empty: none — not its turn, or not its role). */
  answers: z.array(z.enum(QUERY_ANSWERS)),
  messages: z.array(QueryMessageView),
});
export type QueryView = z.infer<typeof QueryView>;

export const QueryList = z.object({
  items: z.array(QueryView.omit({ messages: true })),
  /** Open queries waiting for each side, among those the reader sees. */
  counts: z.object({ agency: z.number(), creditor: z.number() }),
});
export const QueryCounts = z.object({ agency: z.number(), creditor: z.number(), /** Waiting for the reader's side. */ mine: z.number() });
