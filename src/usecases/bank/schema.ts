import { z } from 'zod';
import { moneyAmount, requiredText, uuid } from '../../domain/fields.ts';

/** What every pagoPA "account" of `bank_entries` starts with (`pagopaAccount`); the payments list tells pagoPA payments by it. */
export const PAGOPA_ACCOUNT = 'pagoPA';

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
  /** Every payment it became (several when a person split it). */
  paymentIds: z.array(z.uuid()),
  suggestions: z.array(BankSuggestionView),
});
export type BankEntryView = z.infer<typeof BankEntryView>;

export const BankFileView = z.object({
  id: z.uuid(),
  fileName: z.string(),
  format: z.string().nullable(),
  /** queued (stored, waiting for a worker), running (counts so far), done or failed (error says why). */
  status: z.enum(['queued', 'running', 'done', 'failed']),
  /** The saved CSV mapping a bank CSV is read with. */
  mapping: z.string().nullable(),
  /** Size of a file uploaded over HTTP (stored); null for a file the CLI read. */
  bytes: z.number().nullable(),
  entries: z.number(),
  matched: z.number(),
  toReconcile: z.number(),
  alreadyRecorded: z.number(),
  notBooked: z.number(),
  problems: z.number(),
  error: z.string().nullable(),
  errorCode: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type BankFileView = z.infer<typeof BankFileView>;

/** One bank file with the entries it could not read (the first 500), worded. */
export const BankFileDetail = BankFileView.extend({
  problemItems: z.array(z.object({ index: z.number(), code: z.string(), message: z.string() })),
});
export type BankFileDetail = z.infer<typeof BankFileDetail>;

/** A person says whom an entry pays: the debtor and creditor, and optionally which claims. */
const AssignTo = z.strictObject({
  debtorId: uuid,
  creditorId: uuid,
  claimIds: z.array(uuid).max(500).optional(),
});

/**
 * A person matches a waiting credit to one debtor and creditor (optionally naming the claims), or
 * splits it into parts, each its own payment (a transfer paying for two taxpayers of a family): the
 * parts' amounts make exactly the entry's.
 */
export const AssignBankEntryInput = z.union([AssignTo, z.strictObject({ parts: z.array(AssignTo.extend({ amount: moneyAmount })).min(2).max(20) })]);

export const IgnoreBankEntryInput = z.strictObject({
  reason: requiredText(500),
});

// Bank CSV exports read with a saved mapping (issue 15 item 4, helper pagopa).
const header = z.string().trim().min(1).max(100);
/**
 * How a bank's CSV export is read: which column (by its header, compared without case, accents or
 * punctuation) holds what. The amount is one signed column, or one column with a sign column (C/D,
 * +/-, Avere/Dare), or two columns for credits (Avere, Entrate) and debits (Dare, Uscite).
 */
export const BankCsvMapping = z
  .strictObject({
    /** The account the export is of (its IBAN): with the row's content, the key of each entry. */
    account: z.string().trim().min(1).max(70).transform((s) => s.replace(/\s+/g, '').toUpperCase()),
    currency: z.enum(['EUR', 'CHF']).default('EUR'),
    date: header,
    valueDate: header.nullish(),
    amount: header.nullish(),
    sign: header.nullish(),
    credit: header.nullish(),
    debit: header.nullish(),
    payer: header.nullish(),
    iban: header.nullish(),
    /** A column with the structured reference (RF, QRR, notice code), if the bank gives one apart. */
    reference: header.nullish(),
    /** The remittance text: one or more columns, joined. */
    remittance: z.array(header).max(5).default([]),
  })
  .refine((m) => Boolean(m.amount) !== Boolean(m.credit || m.debit), { message: 'amount, or credit/debit columns', path: ['amount'] })
  .refine((m) => !m.sign || m.amount, { message: 'a sign column goes with an amount column', path: ['sign'] });
export type BankCsvMapping = z.output<typeof BankCsvMapping>;

export const SaveBankCsvMappingInput = z.strictObject({
  name: z.string().trim().min(1).max(60),
  mapping: BankCsvMapping,
});

/** A saved mapping as the API shows it. */
export const BankCsvMappingView = z.object({
  name: z.string(),
  mapping: z.object({
    account: z.string(),
    currency: z.enum(['EUR', 'CHF']),
    date: z.string(),
    valueDate: z.string().nullish(),
    amount: z.string().nullish(),
    sign: z.string().nullish(),
    credit: z.string().nullish(),
    debit: z.string().nullish(),
    payer: z.string().nullish(),
    iban: z.string().nullish(),
    reference: z.string().nullish(),
    remittance: z.array(z.string()),
  }),
});
