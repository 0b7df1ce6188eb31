import { DEFAULT_SETTLEMENT_RULES, settlementRulesSchema } from '../../domain/settlements.ts';
import { z } from 'zod';
import {
  codiceFiscale,
  countryCode,
  currency,
  email,
  iban,
  isoDate,
  multiLineText,
  partitaIva,
  phone,
  positiveMoneyAmount,
  requiredText,
  swissUid,
  text,
} from '../../domain/fields.ts';
import { ALLOCATION_ORDERS, CREDITOR_KINDS, JURISDICTIONS } from '../../domain/model.ts';
import { encodeMessage, msg } from '../../domain/messages/index.ts';
import { CADASTRAL_CODE } from '../../domain/municipal/f24.ts';
import { DEFAULT_PROMISE_RULES, promiseRulesSchema } from '../../domain/desk/promises.ts';
import { planRulesSchema } from '../../domain/plans/rules.ts';
import { riskRulesSchema } from '../../domain/risk/rules.ts';
import { DEFAULT_REVENUE_RULES, revenueRulesSchema, revenueRulesViewSchema } from '../../domain/municipal/revenue-rules.ts';
import { comuneTaxCodeProblem, NOTICE_MODES, pagopaSettingsSchema } from '../../domain/municipal/settings.ts';

/** A comune's regulation: the fields sent over the shipped defaults (a regulation may set its points only). */
const revenueRules = z.preprocess(
  (v) => (v && typeof v === 'object' && !Array.isArray(v) ? { ...DEFAULT_REVENUE_RULES, ...v } : v),
  revenueRulesSchema,
);

/** Promise rules (domain/desk/promises.ts): the fields sent over the defaults (a creditor may set only its maximum days). */
const promiseRules = z.preprocess(
  (v) => (v && typeof v === 'object' && !Array.isArray(v) ? { ...DEFAULT_PROMISE_RULES, ...v } : v),
  promiseRulesSchema,
);

/** Settlement rules (domain/settlements.ts): the fields sent over the defaults. */
const settlementRules = z.preprocess(
  (v) => (v && typeof v === 'object' && !Array.isArray(v) ? { ...DEFAULT_SETTLEMENT_RULES, ...v } : v),
  settlementRulesSchema,
);

const percent = z
  .string()
  .regex(/^\d{1,3}(\.\d{1,4})?$/, { error: encodeMessage(msg('records.percentage_format')) })
  .refine((v) => Number(v) <= 100, { error: encodeMessage(msg('records.percentage_above_100')) });

/** What a creditor (mandante) is made of; create requires name and kind, update takes any subset. */
export const creditorFields = {
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9_-]{0,31}$/, { error: encodeMessage(msg('records.creditor_code_format')) })
    .nullish(),
  name: requiredText(200),
  kind: z.enum(CREDITOR_KINDS),
  taxCode: codiceFiscale.nullish(),
  vatNumber: partitaIva.nullish(),
  chUid: swissUid.nullish(),
  country: countryCode.optional(),
  addressLine1: text(200).nullish(),
  postalCode: text(20).nullish(),
  city: text(120).nullish(),
  province: text(60).nullish(),
  email: email.nullish(),
  pec: email.nullish(),
  phone: phone.nullish(),
  iban: iban.nullish(),
  mandateReference: text(100).nullish(),
  mandateSignedOn: isoDate.nullish(),
  mandateStartsOn: isoDate.nullish(),
  mandateEndsOn: isoDate.nullish(),
  /** Commission (aggio) on what is collected, percent. */
  commissionPercent: percent.nullish(),
  defaultCurrency: currency.optional(),
  defaultJurisdiction: z.enum(JURISDICTIONS).optional(),
  /** How a payment is applied within a claim (default: costs, interest, principal — art. 1194 c.c.). */
  allocationOrder: z.enum(ALLOCATION_ORDERS).optional(),
  /** Claim the €40 flat compensation on late business invoices where the law grants it. */
  flatCompensation: z.boolean().optional(),
  /** The fee of each reminder step, in order (e.g. ["30.00", "50.00", "80.00"]); none: no fees. */
  reminderFees: z.array(positiveMoneyAmount).max(10, { error: encodeMessage(msg('records.reminder_fees_max', { max: 10 })) }).optional(),
  notes: multiLineText(5000).nullish(),
  active: z.boolean().optional(),
  /** A comune's codice catastale (Belfiore), the codice ente of its F24 lines, e.g. H501. */
  cadastralCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(CADASTRAL_CODE, { error: encodeMessage(msg('municipal.cadastral_code_format')) })
    .nullish(),
  /** A comune's regulation of its revenues (interest points, c.803 charges, sanctions, allocation order); null: the law's defaults. */
  revenueRules: revenueRules.nullish(),
  /** A comune's pagoPA set-up: how notices arise, segregation code, CBILL, postal account. */
  pagopa: pagopaSettingsSchema.nullish(),
  /** The creditor's rules for promises to pay on the desk (the fields sent over the defaults); null: the defaults. */
  promiseRules: promiseRules.nullish(),
  /**
   * The creditor's instalment-plan rules (domain/plans/rules.ts), the fields sent over the default of
   * its kind (c.796 for a comune, COMPANY_PLAN_RULES otherwise), merged when a plan is made; null: the default.
   */
  planRules: planRulesSchema.partial().nullish(),
  /** The creditor's mandate for settlements (domain/settlements.ts: the fields sent over the defaults); null: the defaults. */
  settlementRules: settlementRules.nullish(),
  /**
   * The creditor's own risk-class thresholds (domain/risk/rules.ts), whole; null: the agency's (settings)
   * or the shipped defaults. The classes of its debtors are recomputed after a change.
   */
  riskRules: riskRulesSchema.nullish(),
};

const mandatePeriod = (v: { mandateStartsOn?: string | null; mandateEndsOn?: string | null }) =>
  !v.mandateStartsOn || !v.mandateEndsOn || v.mandateEndsOn >= v.mandateStartsOn;
const periodError = {
  message: encodeMessage(msg('records.mandate_ends_before_start')),
  path: ['mandateEndsOn'],
};

/** A comune's codice fiscale is 11 digits (domain/municipal/settings.ts `comuneTaxCodeProblem`). */
const comuneTaxCode = (v: { kind?: string; taxCode?: string | null }, ctx: z.RefinementCtx) => {
  const problem = v.kind ? comuneTaxCodeProblem(v.kind, v.taxCode) : null;
  if (problem) ctx.addIssue({ code: 'custom', path: ['taxCode'], message: encodeMessage(problem) });
};

export const CreateCreditorInput = z.object(creditorFields).strict().refine(mandatePeriod, periodError).superRefine(comuneTaxCode);
export const UpdateCreditorInput = z
  .object({ ...creditorFields, version: z.number().int().optional() })
  .partial()
  .strict()
  .refine(mandatePeriod, periodError)
  .superRefine(comuneTaxCode);

export const CreditorView = z.object({
  id: z.uuid(),
  code: z.string().nullable(),
  name: z.string(),
  kind: z.enum(CREDITOR_KINDS),
  taxCode: z.string().nullable(),
  vatNumber: z.string().nullable(),
  chUid: z.string().nullable(),
  country: z.string(),
  addressLine1: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  province: z.string().nullable(),
  email: z.string().nullable(),
  pec: z.string().nullable(),
  phone: z.string().nullable(),
  iban: z.string().nullable(),
  mandateReference: z.string().nullable(),
  mandateSignedOn: z.string().nullable(),
  mandateStartsOn: z.string().nullable(),
  mandateEndsOn: z.string().nullable(),
  commissionPercent: z.string().nullable(),
  defaultCurrency: z.string(),
  defaultJurisdiction: z.string(),
  allocationOrder: z.enum(ALLOCATION_ORDERS),
  flatCompensation: z.boolean(),
  reminderFees: z.array(z.string()),
  notes: z.string().nullable(),
  active: z.boolean(),
  cadastralCode: z.string().nullable(),
  revenueRules: revenueRulesViewSchema.nullable(),
  /** The creditor's promise rules as stored (null: the defaults, domain/desk/promises.ts). */
  promiseRules: promiseRulesSchema.nullable().optional(),
  /** The creditor's plan rules as stored, over the default of its kind (null: the default). */
  planRules: planRulesSchema.partial().nullable().optional(),
  /** The creditor's settlement mandate as stored (null: the defaults, domain/settlements.ts). */
  settlementRules: settlementRulesSchema.nullable().optional(),
  /** The creditor's own risk-class thresholds as stored (null: the agency's or the defaults). */
  riskRules: riskRulesSchema.nullable().optional(),
  pagopa: z
    .object({
      noticeMode: z.enum(NOTICE_MODES),
      segregationCode: z.string().nullish(),
      cbill: z.string().nullish(),
      postalAccount: z.string().nullish(),
      postalHolder: z.string().nullish(),
      postalAuthorization: z.string().nullish(),
    })
    .nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CreditorView = z.infer<typeof CreditorView>;
