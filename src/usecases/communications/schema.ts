import { z } from 'zod';
import { pagination, safeString, searchText, uuid } from '../../domain/fields.ts';
import { DUNNING_CHANNELS, DUNNING_TIERS } from '../../domain/dunning/index.ts';
import { encodeMessage, msg } from '../../domain/messages/index.ts';

export const COMMUNICATION_STATUSES = ['queued', 'sent', 'failed', 'to_print', 'printed', 'task_open', 'task_done', 'cancelled'] as const;

/** A claim a communication was about, at which step, for how much. */
export const CommunicationClaimView = z.object({
  claimId: z.uuid(),
  /** The claim's reference at the creditor (invoice number, notice number). */
  externalRef: z.string(),
  stepNo: z.number(),
  stepKey: z.string(),
  totalDue: z.string(),
  fee: z.string().nullable(),
  /** The communication was not delivered: this step went out again by another channel. */
  superseded: z.boolean(),
});

/** What went (or goes) out to a debtor: a letter, an e-mail, an SMS, a phone task. */
export const CommunicationView = z.object({
  id: z.uuid(),
  refNo: z.string(),
  debtorId: z.uuid(),
  creditorId: z.uuid(),
  creditorName: z.string(),
  runDate: z.string(),
  stepNo: z.number(),
  stepKey: z.string(),
  tier: z.enum(DUNNING_TIERS),
  channel: z.enum(DUNNING_CHANNELS),
  recipient: z.string(),
  language: z.string(),
  subject: z.string(),
  currency: z.enum(['EUR', 'CHF']),
  amount: z.string(),
  fees: z.string(),
  postage: z.string(),
  paymentReference: z.string().nullable(),
  status: z.enum(COMMUNICATION_STATUSES),
  /** SHA-256 of the stored document (the PDF, else the HTML e-mail as UTF-8); null while there is none yet (a letter not yet rendered). */
  sha256: z.string().nullable(),
  /** What the document download gives: a PDF or an HTML e-mail; null: nothing stored (yet). */
  documentType: z.enum(['pdf', 'html']).nullable(),
  error: z.string().nullable(),
  printBatchId: z.uuid().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  claims: z.array(CommunicationClaimView),
});
export type CommunicationView = z.infer<typeof CommunicationView>;

export const ListDebtorCommunicationsQuery = pagination.extend({
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/* ---------- local mailbox ---------- */

export const ListMailboxQuery = pagination.extend({
  q: searchText,
});

export const MailboxItem = z.object({
  id: z.string(),
  messageId: z.string(),
  to: z.string(),
  subject: z.string(),
  receivedAt: z.string(),
  hasHtml: z.boolean(),
  /** The communication the message carried, when it is one of ours (always, for the dunning engine). */
  communicationId: z.uuid().nullable(),
  debtorId: z.uuid().nullable(),
  debtorName: z.string().nullable(),
});
export type MailboxItem = z.infer<typeof MailboxItem>;

export const MailboxMessage = MailboxItem.extend({
  bodyText: z.string(),
  /** The HTML as sent: show it only in a sandboxed frame, never in the page. */
  bodyHtml: z.string().nullable(),
});
export type MailboxMessage = z.infer<typeof MailboxMessage>;

/* ---------- phone tasks ---------- */

const Moment = z.object({ date: z.string(), time: z.string() });
const Block = z.object({ code: z.string(), message: z.string() });

/** The calling windows of one day in Europe/Rome ('HH:MM', from included, to excluded). */
export const PhoneDay = z.object({
  date: z.string(),
  /** Holiday name when the day is a holiday (no calls). */
  holiday: z.string().nullable(),
  windows: z.array(z.object({ from: z.string(), to: z.string() })),
});

export const PhoneTaskView = z.object({
  id: z.uuid(),
  refNo: z.string(),
  debtorId: z.uuid(),
  debtorName: z.string(),
  creditorId: z.uuid(),
  creditorName: z.string(),
  /** The number to call. */
  recipient: z.string(),
  contactId: z.uuid().nullable(),
  subject: z.string(),
  tier: z.enum(DUNNING_TIERS),
  stepNo: z.number(),
  runDate: z.string(),
  currency: z.enum(['EUR', 'CHF']),
  amount: z.string(),
  fees: z.string(),
  createdAt: z.string(),
  /** Whether a call may start at the moment the list was made (server clock, Europe/Rome). */
  permittedNow: z.boolean(),
  /** Why not, when not. */
  blockedNow: Block.nullable(),
  /** The first moment a call is permitted (now, when permitted now); null when none within a year. */
  nextSlot: Moment.nullable(),
  /** Days of `days` on which this debtor's conversation or attempt limits allow no further call. */
  blockedDays: z.array(Block.extend({ date: z.string() })),
  claims: z.array(z.object({ claimId: z.uuid(), externalRef: z.string() })),
});
export type PhoneTaskView = z.infer<typeof PhoneTaskView>;

export const PhoneTasksView = z.object({
  /** The moment the answer was computed, in Europe/Rome. */
  now: Moment,
  timeZone: z.literal('Europe/Rome'),
  /** The tenant's calling windows for today and the next 13 days (holidays and closed days empty). */
  days: z.array(PhoneDay),
  tasks: z.array(PhoneTaskView),
  total: z.number(),
});
export type PhoneTasksView = z.infer<typeof PhoneTasksView>;

export const ListPhoneTasksQuery = z
  .object({
    creditorId: uuid.optional(),
    debtorId: uuid.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(200),
  })
  .strict();

export const PHONE_OUTCOMES = ['conversation', 'no_answer', 'wrong_number', 'refused', 'asked_in_writing'] as const;

export const RecordPhoneContactInput = z
  .object({
    /**
     * conversation: the debtor was reached and spoke (closes the task); refused: the debtor answered
     * and refused to talk (counts as a conversation for the limits, closes the task); no_answer: an
     * attempt (the task stays open); wrong_number: the number is marked invalid and every open task
     * to it is closed (failed), its step released for the next channel; asked_in_writing: the debtor
     * spoke and asked to be written to, not called (counts as a conversation, closes the task; the
     * debtor's phone numbers are marked opted out, so a phone-first strategy writes from then on).
     */
    outcome: z.enum(PHONE_OUTCOMES),
    note: safeString({ multiLine: true }).trim().max(2000, { error: encodeMessage(msg('records.note_too_long', { max: 2000 })) }).optional(),
  })
  .strict();

export const PhoneContactView = z.object({
  task: PhoneTaskView.omit({ permittedNow: true, blockedNow: true, nextSlot: true, blockedDays: true }).extend({
    status: z.enum(COMMUNICATION_STATUSES),
  }),
  outcome: z.enum(PHONE_OUTCOMES),
  /** When the call was recorded, Europe/Rome. */
  at: Moment,
  contactLogId: z.string(),
  /** wrong_number: the contact marked invalid (null when the task had no matching contact). */
  contactInvalidated: z.uuid().nullable().optional(),
  /** wrong_number: the open phone tasks closed because they would call that number (this one included). */
  tasksClosed: z.array(z.uuid()).optional(),
});
export type PhoneContactView = z.infer<typeof PhoneContactView>;

/* ---------- print batches ---------- */

export const PrintQueueItem = z.object({
  /** A dunning letter (a communication) or a guarantor's demand by post (a guarantor letter). */
  kind: z.enum(['communication', 'guarantor_letter']),
  id: z.uuid(),
  /** The communication's number; null for a guarantor's letter. */
  refNo: z.string().nullable(),
  debtorId: z.uuid(),
  debtorName: z.string(),
  creditorId: z.uuid(),
  creditorName: z.string(),
  channel: z.enum(['letter', 'registered_letter']),
  recipient: z.string(),
  subject: z.string(),
  runDate: z.string(),
  currency: z.enum(['EUR', 'CHF']),
  amount: z.string(),
  /** The postage of a dunning letter; null for a guarantor's letter (not priced by the strategy). */
  postage: z.string().nullable(),
  createdAt: z.string(),
  /** false: the letter as decided was not kept, so it cannot go into a batch (its PDF still can be downloaded). */
  printable: z.boolean(),
});
export type PrintQueueItem = z.infer<typeof PrintQueueItem>;

export const ListPrintQueueQuery = pagination.extend({
  creditorId: uuid.optional(),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const CreatePrintBatchInput = z
  .object({
    /** Only this creditor's letters (default: every letter waiting). */
    creditorId: uuid.optional(),
    /** Printed on both sides: each letter gets an even number of pages. */
    duplex: z.boolean().default(false),
    /** At most this many letters (the oldest first); the rest wait for the next batch. */
    limit: z.number().int().min(1).max(2000).default(500),
  })
  .strict();

export const PrintBatchView = z.object({
  id: z.uuid(),
  refNo: z.string(),
  letters: z.number(),
  pages: z.number(),
  duplex: z.boolean(),
  pdfSha256: z.string(),
  pdfBytes: z.number(),
  manifestSha256: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type PrintBatchView = z.infer<typeof PrintBatchView>;

export const ListPrintBatchesQuery = pagination.extend({
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

/** A stored file as it is to be sent: the exact bytes, their type and name, their SHA-256. */
export interface StoredFile {
  bytes: Buffer;
  contentType: string;
  fileName: string;
  sha256: string;
}
