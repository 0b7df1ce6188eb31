import { z } from 'zod';
import { currency, isoDate, multiLineText, pagination, positiveMoneyAmount, searchText, text, uuid } from '../../domain/fields.ts';
import { PAYMENT_METHODS } from '../../domain/model.ts';
import { encodeMessage, LOCALES, msg } from '../../domain/messages/index.ts';

export const RecordPaymentInput = z
  .object({
    debtorId: uuid,
    creditorId: uuid,
    amount: positiveMoneyAmount,
    currency,
    /** The day the money reached the creditor's account (CJEU C-306/06). */
    valueDate: isoDate,
    method: z.enum(PAYMENT_METHODS),
    reference: text(140).nullish(),
    payerName: text(200).nullish(),
    note: multiLineText(2000).nullish(),
    /** Explicit split over claims; without it the payment goes to the oldest due claims first. */
    allocations: z.array(z.object({ claimId: uuid, amount: positiveMoneyAmount }).strict()).max(500).optional(),
    /** Restrict the automatic split to these claims (oldest due first). */
    claimIds: z.array(uuid).max(500).optional(),
    /**
     * Chosen by the client (e.g. a UUID per form): sending the same key again returns the payment
     * already recorded instead of recording it twice.
     */
    idempotencyKey: z
      .string()
      .regex(/^[A-Za-z0-9._:-]{8,100}$/, { error: encodeMessage(msg('records.idempotency_key_format')) })
      .optional(),
  })
  .strict()
  .refine((v) => !(v.allocations && v.claimIds), {
    message: encodeMessage(msg('records.allocations_or_claim_ids')),
    path: ['claimIds'],
  });

export const UpdatePaymentInput = z
  .object({
    method: z.enum(PAYMENT_METHODS),
    reference: text(140).nullish(),
    payerName: text(200).nullish(),
    note: multiLineText(2000).nullish(),
    version: z.number().int(),
  })
  .partial()
  .strict();

export const PaymentView = z.object({
  id: z.uuid(),
  creditorId: z.uuid(),
  creditorName: z.string(),
  debtorId: z.uuid(),
  debtorName: z.string(),
  amount: z.string(),
  unallocated: z.string(),
  currency: z.string(),
  valueDate: z.string(),
  method: z.string(),
  reference: z.string().nullable(),
  payerName: z.string().nullable(),
  note: z.string().nullable(),
  reversedAt: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
});
export type PaymentView = z.infer<typeof PaymentView>;

/** How the money came in: a bank file's entry became it, a pagoPA flow's or receipt's entry did, or a person typed it. */
export const PAYMENT_SOURCES = ['bank', 'pagopa', 'manual'] as const;
export type PaymentSource = (typeof PAYMENT_SOURCES)[number];

/** A row of the payments list: the payment, how it came in, and the bank file it came from. */
export const PaymentListItem = PaymentView.extend({
  source: z.enum(PAYMENT_SOURCES),
  sourceFileId: z.uuid().nullable(),
  sourceFileName: z.string().nullable(),
});
export type PaymentListItem = z.infer<typeof PaymentListItem>;

export const PaymentDetail = PaymentView.extend({
  allocations: z.array(
    z.object({ claimId: z.uuid(), externalRef: z.string(), component: z.string(), amount: z.string() }),
  ),
});
export type PaymentDetail = z.infer<typeof PaymentDetail>;

/** What the payments list and its CSV export filter on (the Pagamenti page). */
export const PaymentFilters = z.object({
  /** Reference, payer or debtor name (a part of it). */
  q: searchText,
  debtorId: uuid.optional(),
  creditorId: uuid.optional(),
  claimId: uuid.optional(),
  /** Value date from / to (inclusive). */
  from: isoDate.optional(),
  to: isoDate.optional(),
  method: z.enum(PAYMENT_METHODS).optional(),
  /** Only reversed payments ('true') or only those that still count ('false'). */
  reversed: z.enum(['true', 'false']).optional(),
  /** How the money came in: bank (a bank file's entry), pagopa (a pagoPA flow or receipt), manual (neither). */
  source: z.enum(PAYMENT_SOURCES).optional(),
});
export type PaymentFilters = z.infer<typeof PaymentFilters>;

export const ListPaymentsQuery = pagination.extend(PaymentFilters.shape).extend({
  sort: z.enum(['valueDate', 'amount', 'createdAt']).default('valueDate'),
  order: z.enum(['asc', 'desc']).default('desc'),
});

/** The filtered set's totals, per currency: every payment in it, and the part of them reversed. */
export const PaymentTotal = z.object({ currency: z.string(), count: z.number(), amount: z.string(), reversedAmount: z.string() });

export const PaymentPage = z.object({
  items: z.array(PaymentListItem),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  totals: z.array(PaymentTotal),
});
export type PaymentPage = z.infer<typeof PaymentPage>;

export const ExportPaymentsQuery = PaymentFilters.extend({ lang: z.enum(LOCALES).optional() });
