import { z } from 'zod';
import { currency, isoDate, positiveMoneyAmount, requiredText, text, uuid } from '../../domain/fields.ts';
import {
  CLAIM_KINDS,
  CLAIM_STATUSES,
  COLLECTION_STAGES,
  INTEREST_REGIMES,
  JURISDICTIONS,
  PAYMENT_DRIVEN_STATUSES,
} from '../../domain/model.ts';

/** Statuses that only payments set: a person records a payment instead of typing "paid". */
const manualStatus = z
  .enum(CLAIM_STATUSES)
  .refine((s) => !PAYMENT_DRIVEN_STATUSES.includes(s), {
    message:
      'Lo stato "pagato" deriva dai pagamenti: registrare un pagamento (paid/partially paid follow from recorded payments)',
  });

const claimFields = {
  externalRef: requiredText(100),
  kind: z.enum(CLAIM_KINDS),
  description: text(2000).nullish(),
  principal: positiveMoneyAmount,
  currency,
  issueDate: isoDate.nullish(),
  dueDate: isoDate,
  /** When the contract was concluded: selects the D.Lgs. 231/2002 mark-up (+7 before 2013, +8 after). */
  contractDate: isoDate.nullish(),
  /** Tax year (anno d'imposta) for local taxes. */
  taxYear: z.number().int().min(1900).max(2199).nullish(),
  jurisdiction: z.enum(JURISDICTIONS).optional(),
  /** null: chosen from the jurisdiction and the debtor's kind when interest is computed. */
  interestRegime: z.enum(INTEREST_REGIMES).nullish(),
  /** From this date the art. 1284 c.4 c.c. rate applies (Italian legal regime). */
  judicialClaimDate: isoDate.nullish(),
  status: manualStatus.optional(),
  stage: z.enum(COLLECTION_STAGES).optional(),
  nextActionOn: isoDate.nullish(),
};

const datesInOrder = (v: { issueDate?: string | null; dueDate?: string | null }) =>
  !v.issueDate || !v.dueDate || v.issueDate <= v.dueDate;
const datesError = { message: 'La scadenza precede la data di emissione (due date before issue date)', path: ['dueDate'] };

export const CreateClaimInput = z
  .object({ creditorId: uuid, debtorId: uuid, ...claimFields })
  .strict()
  .refine(datesInOrder, datesError);

export const UpdateClaimInput = z
  .object({ ...claimFields, version: z.number().int().optional() })
  .partial()
  .strict()
  .refine(datesInOrder, datesError);

export const ClaimView = z.object({
  id: z.uuid(),
  creditorId: z.uuid(),
  creditorName: z.string(),
  debtorId: z.uuid(),
  debtorName: z.string(),
  externalRef: z.string(),
  kind: z.enum(CLAIM_KINDS),
  description: z.string().nullable(),
  principal: z.string(),
  amountPaid: z.string(),
  /** principal − amountPaid (interest and fees come with the interest engine). */
  outstanding: z.string(),
  currency: z.string(),
  issueDate: z.string().nullable(),
  dueDate: z.string(),
  contractDate: z.string().nullable(),
  taxYear: z.number().nullable(),
  jurisdiction: z.string(),
  interestRegime: z.string().nullable(),
  judicialClaimDate: z.string().nullable(),
  status: z.enum(CLAIM_STATUSES),
  stage: z.enum(COLLECTION_STAGES),
  nextActionOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ClaimView = z.infer<typeof ClaimView>;

export const AllocationView = z.object({
  paymentId: z.uuid(),
  valueDate: z.string(),
  method: z.string(),
  reference: z.string().nullable(),
  component: z.string(),
  amount: z.string(),
  reversed: z.boolean(),
});

export const ClaimDetail = ClaimView.extend({ allocations: z.array(AllocationView) });
export type ClaimDetail = z.infer<typeof ClaimDetail>;
