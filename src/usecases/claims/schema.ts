import { z } from 'zod';
import { currency, isoDate, positiveMoneyAmount, multiLineText, requiredText, uuid } from '../../domain/fields.ts';
import {
  CHARGED_COST_KINDS,
  CLAIM_KINDS,
  DAY_COUNTS,
  CLAIM_STATUSES,
  COLLECTION_STAGES,
  INTEREST_REGIMES,
  JURISDICTIONS,
  PAYMENT_DRIVEN_STATUSES,
} from '../../domain/model.ts';
import { encodeMessage, msg } from '../../domain/messages/index.ts';
import { ACT_KINDS, COMPONENT_KINDS } from '../../domain/model.ts';
import { noticeProblem } from '../../domain/municipal/pagopa.ts';

/** The act behind a comune's position (avviso, accertamento esecutivo, ingiunzione, verbale …). */
export const ClaimAct = z.strictObject({
  kind: z.enum(ACT_KINDS),
  number: requiredText(50).nullish(),
  /** The day the act was issued. */
  date: isoDate.nullish(),
  notifiedOn: isoDate.nullish(),
  /** The day it became an enforcement title (for an accertamento esecutivo, 60 days after notification, c.792). */
  enforceableOn: isoDate.nullish(),
});
const actDatesInOrder = (a: z.output<typeof ClaimAct>) =>
  (!a.date || !a.notifiedOn || a.date <= a.notifiedOn) && (!a.notifiedOn || !a.enforceableOn || a.notifiedOn <= a.enforceableOn);

/** A pagoPA codice avviso: 18 digits (spaces of the printed form allowed), its check digits right. */
export const noticeCode = z
  .string()
  .transform((v) => v.replace(/\s+/g, ''))
  .superRefine((v, ctx) => {
    const p = noticeProblem(v);
    if (p) ctx.addIssue({ code: 'custom', message: encodeMessage(p) });
  });

/** One part of what a claim is for: a company's principal; a comune act's tax, sanctions, interest, costs. */
export const ClaimComponentInput = z.strictObject({
  kind: z.enum(COMPONENT_KINDS),
  amount: positiveMoneyAmount,
  /** Its F24 tribute code, where one applies (e.g. 3918 IMU, 3924 IMU sanctions, 3944 TARI). */
  tributeCode: z
    .string()
    .regex(/^[0-9A-Z]{4}$/, { message: encodeMessage(msg('municipal.tribute_code_format')) })
    .nullish(),
});

/** Statuses that only payments set: a person records a payment instead of typing "paid". */
const manualStatus = z
  .enum(CLAIM_STATUSES)
  .refine((s) => !PAYMENT_DRIVEN_STATUSES.includes(s), {
    message: encodeMessage(msg('records.status_from_payments')),
  });

const percent = z
  .string()
  .regex(/^\d{1,3}(\.\d{1,4})?$/, { message: encodeMessage(msg('records.rate_percent')) })
  .refine((v) => Number(v) <= 100, { message: encodeMessage(msg('records.rate_above_100')) });
const signedPercent = z
  .string()
  .regex(/^-?\d{1,2}(\.\d{1,4})?$/, { message: encodeMessage(msg('records.percentage_points')) });

const claimFields = {
  externalRef: requiredText(100),
  kind: z.enum(CLAIM_KINDS),
  description: multiLineText(2000).nullish(),
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
  /** Contractual annual rate in percent, for the `fixed` regime (e.g. "8.5"). */
  interestRate: percent.nullish(),
  /** For `spread`: the base regime and the points added to it (e.g. it-legal + 3 for local taxes). */
  interestBase: z.enum(INTEREST_REGIMES).nullish(),
  interestSpread: signedPercent.nullish(),
  dayCount: z.enum(DAY_COUNTS).optional(),
  status: manualStatus.optional(),
  stage: z.enum(COLLECTION_STAGES).optional(),
  nextActionOn: isoDate.nullish(),
  act: ClaimAct.refine(actDatesInOrder, { message: encodeMessage(msg('claim.act_dates_order')), path: ['enforceableOn'] }).nullish(),
  noticeCode: noticeCode.nullish(),
};

const datesInOrder = (v: { issueDate?: string | null; dueDate?: string | null }) =>
  !v.issueDate || !v.dueDate || v.issueDate <= v.dueDate;
const datesError = { message: encodeMessage(msg('claim.due_before_issue')), path: ['dueDate'] };

export const CreateClaimInput = z
  .object({
    creditorId: uuid,
    debtorId: uuid,
    ...claimFields,
    /** Required unless the components say it: then it is their sum (and, if given, must equal it). */
    principal: positiveMoneyAmount.optional(),
    /**
     * What the claim is made of (a comune's act: tax, sanctions, interest liquidated in the act,
     * notification costs, collection charges); absent: one principal component of `principal`.
     */
    components: z.array(ClaimComponentInput).min(1).max(20).optional(),
  })
  .strict()
  .refine(datesInOrder, datesError)
  .refine((v) => v.principal !== undefined || v.components !== undefined, {
    message: encodeMessage(msg('claim.principal_or_components')),
    path: ['principal'],
  });

export const UpdateClaimInput = z
  .object({ ...claimFields, version: z.number().int().optional() })
  .partial()
  .strict()
  .refine(datesInOrder, datesError);

/** What a claim owes on a day, by the interest engine: the figures every screen and letter shows. */
export const ClaimBalanceView = z.object({
  asOf: z.string(),
  /** The regime applied: the claim's own, or the default for its jurisdiction, kind and debtor. */
  regime: z.enum(INTEREST_REGIMES),
  regimeIsDefault: z.boolean(),
  /** Interest accrued over the claim's life (paid and unpaid). */
  interest: z.string(),
  interestDue: z.string(),
  /** Costs charged (reminder fees, collection costs, the €40 compensation where the law grants it). */
  costs: z.string(),
  costsDue: z.string(),
  principalDue: z.string(),
  totalDue: z.string(),
  /** Set when the rate tables end before `asOf`: the balance stops there and says so. */
  ratesKnownUntil: z.string().nullable(),
  /** Why the engine could not compute (inconsistent terms): the figures are then principal only. */
  problem: z.string().nullable(),
});
export type ClaimBalanceView = z.infer<typeof ClaimBalanceView>;

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
  /** Principal paid so far (payments go to costs and interest first, in the creditor's order). */
  principalPaid: z.string(),
  interestPaid: z.string(),
  costsPaid: z.string(),
  /** Everything the claim received: principal, interest and costs paid. */
  totalPaid: z.string(),
  /** What the claim owes in all (principal, interest, costs) on `balanceOn`, as stored and kept current. */
  totalDue: z.string(),
  /** The day `totalDue` is computed to (null: not computed yet, the balances job is on it). */
  balanceOn: z.string().nullable(),
  currency: z.string(),
  issueDate: z.string().nullable(),
  dueDate: z.string(),
  contractDate: z.string().nullable(),
  taxYear: z.number().nullable(),
  jurisdiction: z.string(),
  interestRegime: z.string().nullable(),
  judicialClaimDate: z.string().nullable(),
  interestRate: z.string().nullable(),
  interestBase: z.string().nullable(),
  interestSpread: z.string().nullable(),
  dayCount: z.enum(DAY_COUNTS),
  status: z.enum(CLAIM_STATUSES),
  stage: z.enum(COLLECTION_STAGES),
  nextActionOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  act: z
    .object({
      kind: z.enum(ACT_KINDS),
      number: z.string().nullable(),
      date: z.string().nullable(),
      notifiedOn: z.string().nullable(),
      enforceableOn: z.string().nullable(),
    })
    .nullable(),
  noticeCode: z.string().nullable(),
  /** The claim's parts (the single claim's view; lists leave them out). */
  components: z
    .array(
      z.object({
        id: z.uuid(),
        position: z.number(),
        kind: z.enum(COMPONENT_KINDS),
        amount: z.string(),
        accruesInterest: z.boolean(),
        paid: z.string(),
        waived: z.string(),
        due: z.string(),
        tributeCode: z.string().nullable(),
      }),
    )
    .optional(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  balance: ClaimBalanceView,
});
export type ClaimView = z.infer<typeof ClaimView>;
/** A claim row before its balance is computed. */
export type ClaimRow = Omit<ClaimView, 'balance'>;

export const AllocationView = z.object({
  paymentId: z.uuid(),
  valueDate: z.string(),
  method: z.string(),
  reference: z.string().nullable(),
  component: z.string(),
  amount: z.string(),
  reversed: z.boolean(),
});

export const ClaimCostView = z.object({
  id: z.uuid(),
  kind: z.enum(CHARGED_COST_KINDS),
  label: z.string(),
  amount: z.string(),
  incurredOn: z.string(),
  waivedOn: z.string().nullable(),
  waiverReason: z.string().nullable(),
  createdAt: z.string(),
});
export type ClaimCostView = z.infer<typeof ClaimCostView>;

export const ClaimDetail = ClaimView.extend({ allocations: z.array(AllocationView), costs: z.array(ClaimCostView) });
export type ClaimDetail = z.infer<typeof ClaimDetail>;
