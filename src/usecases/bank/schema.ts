import { z } from 'zod';
import { requiredText, uuid } from '../../domain/fields.ts';

export const BANK_ENTRY_STATES = ['matched', 'to_reconcile', 'ignored'] as const;

export const BankEntriesQuery = z.strictObject({
  state: z.enum(BANK_ENTRY_STATES).default('to_reconcile'),
  fileId: uuid.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const BankSuggestionView = z.object({
  debtorId: z.uuid(),
  debtorName: z.string(),
  /** The creditor whose open claims the debtor has (null: none open). */
  creditorId: z.uuid().nullable(),
  creditorName: z.string().nullable(),
  claimIds: z.array(z.uuid()),
  /** Why it is suggested: the payer's IBAN paid this debtor before, or the name is the debtor's. */
  why: z.string().nullable(),
});

export const BankEntryView = z.object({
  id: z.uuid(),
  fileId: z.uuid(),
  account: z.string(),
  direction: z.enum(['credit', 'debit']),
  reversal: z.boolean(),
  amount: z.string(),
  currency: z.string(),
  bookingDate: z.string().nullable(),
  valueDate: z.string().nullable(),
  partyName: z.string().nullable(),
  partyIban: z.string().nullable(),
  remittance: z.string().nullable(),
  references: z.array(z.string()),
  returnReason: z.string().nullable(),
  state: z.enum(BANK_ENTRY_STATES),
  matchedBy: z.string().nullable(),
  /** Why it waits for a person, in the reader's language. */
  reason: z.string().nullable(),
  reasonCode: z.string().nullable(),
  paymentId: z.uuid().nullable(),
  suggestions: z.array(BankSuggestionView),
});
export type BankEntryView = z.infer<typeof BankEntryView>;

export const BankFileView = z.object({
  id: z.uuid(),
  fileName: z.string(),
  format: z.string().nullable(),
  status: z.enum(['running', 'done', 'failed']),
  entries: z.number(),
  matched: z.number(),
  toReconcile: z.number(),
  alreadyRecorded: z.number(),
  notBooked: z.number(),
  problems: z.number(),
  error: z.string().nullable(),
  createdAt: z.string(),
});

/** A person says whom an entry pays: the debtor and creditor, and optionally which claims. */
export const AssignBankEntryInput = z.strictObject({
  debtorId: uuid,
  creditorId: uuid,
  claimIds: z.array(uuid).max(500).optional(),
});

export const IgnoreBankEntryInput = z.strictObject({
  reason: requiredText(500),
});
