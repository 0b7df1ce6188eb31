import { z } from 'zod';
import { COMPONENTS } from '../../domain/commission/terms.ts';
import { currency, isoDate, language, moneyAmount, text, uuid } from '../../domain/fields.ts';
import { CLAIM_KINDS } from '../../domain/model.ts';
import { money } from '../../domain/money.ts';
import { coded } from '../../domain/messages/index.ts';

/** A percentage as an exact string: "8.5", "22", "0.125" (0–100, four decimals at most). */
export const percent = z
  .string()
  .regex(/^\d{1,3}(\.\d{1,4})?$/, { message: coded('commission.percent_invalid') })
  .refine((v) => money(v).lte(100), { message: coded('commission.percent_invalid') })
  .transform((v) => money(v).toString())
  .meta({ description: 'Percent as a decimal string', example: '8.5' });

const band = z.number().int().min(0).max(100_000).nullable().optional();
const optionalMoney = moneyAmount.nullable().optional();

export const CommissionRuleInput = z.strictObject({
  claimKinds: z.array(z.enum(CLAIM_KINDS)).max(CLAIM_KINDS.length).optional(),
  taxYears: z.array(z.number().int().min(1900).max(2199)).max(100).optional(),
  minAgeDays: band,
  maxAgeDays: band,
  minAmount: optionalMoney,
  maxAmount: optionalMoney,
  percent,
  minPerPosition: optionalMoney,
  maxPerPosition: optionalMoney,
});

export const MandateTermsInput = z.strictObject({
  rules: z.array(CommissionRuleInput).min(1).max(20),
  base: z.array(z.enum(COMPONENTS)).max(COMPONENTS.length),
  agencyComponents: z.array(z.enum(COMPONENTS)).max(COMPONENTS.length).default([]),
  capPerStatement: moneyAmount.nullable().default(null),
  feePerPosition: moneyAmount.nullable().default(null),
  feePerContact: moneyAmount.nullable().default(null),
  vatPercent: percent.default('22'),
  remittance: z.enum(['net', 'gross']).default('gross'),
  paymentsReceivedBy: z.enum(['creditor', 'agency']),
  period: z.enum(['monthly', 'quarterly']).default('monthly'),
});

export const CreateMandateTermsInput = z.strictObject({
  effectiveFrom: isoDate,
  terms: MandateTermsInput,
  note: text(500).nullable().optional(),
});

/** The stored terms as the API shows them (plain strings: a response schema has no transforms). */
const nullableText = z.string().nullable();
export const MandateTermsShape = z.object({
  rules: z.array(
    z.object({
      claimKinds: z.array(z.enum(CLAIM_KINDS)).optional(),
      taxYears: z.array(z.number()).optional(),
      minAgeDays: z.number().nullable().optional(),
      maxAgeDays: z.number().nullable().optional(),
      minAmount: nullableText.optional(),
      maxAmount: nullableText.optional(),
      percent: z.string(),
      minPerPosition: nullableText.optional(),
      maxPerPosition: nullableText.optional(),
    }),
  ),
  base: z.array(z.enum(COMPONENTS)),
  agencyComponents: z.array(z.enum(COMPONENTS)),
  capPerStatement: nullableText,
  feePerPosition: nullableText,
  feePerContact: nullableText,
  vatPercent: z.string(),
  remittance: z.enum(['net', 'gross']),
  paymentsReceivedBy: z.enum(['creditor', 'agency']),
  period: z.enum(['monthly', 'quarterly']),
});

export const MandateTermsView = z.object({
  id: z.string(),
  creditorId: z.string(),
  effectiveFrom: z.string(),
  /** The version after it starts the day after this one ends; null: in force until changed. */
  effectiveTo: z.string().nullable(),
  terms: MandateTermsShape,
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type MandateTermsView = z.infer<typeof MandateTermsView>;
export const MandateTermsList = z.object({ items: z.array(MandateTermsView) });

export const StatementQuery = z.strictObject({
  creditorId: uuid,
  periodFrom: isoDate,
  periodTo: isoDate,
  currency: currency.default('EUR'),
});

export const IssueStatementInput = z.strictObject({
  creditorId: uuid,
  periodFrom: isoDate,
  periodTo: isoDate,
  currency: currency.default('EUR'),
  language: language.default('it'),
});

export const CorrectStatementInput = z.strictObject({ language: language.optional() });

export const StatementLineView = z.object({
  kind: z.enum(['payment', 'reversal']),
  paymentId: z.string(),
  claimId: z.string(),
  claimRef: z.string(),
  debtorName: z.string(),
  valueDate: z.string(),
  reversedOn: z.string().nullable(),
  /** Reported as paid to the creditor directly (payment method paid_to_creditor). */
  paidToCreditor: z.boolean(),
  collected: z.string(),
  base: z.string(),
  percent: z.string(),
  commission: z.string(),
  reimbursed: z.string(),
  termsId: z.string().nullable(),
  unpriced: z.enum(['no_terms', 'no_rule']).nullable(),
});
export type StatementLineView = z.infer<typeof StatementLineView>;

export const StatementTotalsView = z.object({
  collected: z.string(),
  /** Of collected: reported as paid to the creditor directly (absent on statements issued before it was told apart). */
  collectedByCreditor: z.string().optional(),
  base: z.string(),
  commissionLines: z.string(),
  capAdjustment: z.string(),
  commission: z.string(),
  positions: z.number(),
  positionFees: z.string(),
  contacts: z.number(),
  contactFees: z.string(),
  fees: z.string(),
  vatPercent: z.string(),
  vat: z.string(),
  reimbursed: z.string(),
  dueToAgency: z.string(),
  toRemit: z.string(),
  toInvoice: z.string(),
  remittance: z.enum(['net', 'gross']),
  paymentsReceivedBy: z.enum(['creditor', 'agency']),
});

export const StatementView = z.object({
  /** null for a preview. */
  id: z.string().nullable(),
  creditorId: z.string(),
  creditorName: z.string(),
  number: z.number().nullable(),
  year: z.number().nullable(),
  currency: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  issuedOn: z.string().nullable(),
  issuedAt: z.string().nullable(),
  language: z.string(),
  corrects: z.object({ id: z.string(), number: z.number(), year: z.number() }).nullable(),
  correctedBy: z.object({ id: z.string(), number: z.number(), year: z.number() }).nullable(),
  pdfSha256: z.string().nullable(),
  xlsxSha256: z.string().nullable(),
  /** Days of the period with no terms in force (a preview warns; issuing refuses). */
  missingTermsOn: z.string().nullable(),
  lines: z.array(StatementLineView),
  totals: StatementTotalsView,
});
export type StatementView = z.infer<typeof StatementView>;

export const StatementListQuery = z.strictObject({ creditorId: uuid.optional() });
export const StatementListItem = StatementView.omit({ lines: true });
export type StatementListItem = z.infer<typeof StatementListItem>;
export const StatementList = z.object({ items: z.array(StatementListItem) });

export const StatementFileParams = z.strictObject({ id: z.string(), format: z.enum(['pdf', 'xlsx']) });
