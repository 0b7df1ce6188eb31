import { z } from 'zod';
import { isoDate, uuid } from '../../domain/fields.ts';
import { FINAL_STATES, IDENTITY_PROBLEMS, REASON_CODES } from '../../domain/discharge/report.ts';

export const DISCHARGE_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type DischargeFormat = (typeof DISCHARGE_FORMATS)[number];

/** Which report: a creditor's whole mandate or one of its loads (an import), as of a day (default today). */
export const DischargeQuery = z.strictObject({
  creditorId: uuid,
  loadId: uuid.optional(),
  asOf: isoDate.optional(),
  language: z.enum(['it', 'en', 'de', 'fr']).optional(),
});
export const DischargeFileQuery = DischargeQuery.extend({ format: z.enum(DISCHARGE_FORMATS) });
export const IssueDischargeInput = DischargeFileQuery;
export const ListDischargeQuery = z.strictObject({ creditorId: uuid.optional() });

const Amounts = { positions: z.number().int(), loaded: z.string(), collected: z.string(), annulled: z.string(), residual: z.string(), otherCollected: z.string() };

export const DischargePreview = z.object({
  creditorId: z.string(),
  creditorName: z.string(),
  loadId: z.string().nullable(),
  asOf: z.string(),
  holds: z.boolean(),
  totals: z.array(z.object({ currency: z.string(), ...Amounts })),
  groups: z.array(z.object({ revenue: z.string(), taxYear: z.number().int().nullable(), currency: z.string(), ...Amounts })),
  breaks: z.array(z.object({ reference: z.string(), claimId: z.string(), problem: z.enum(IDENTITY_PROBLEMS) })),
  summary: z.object({
    byState: z.record(z.enum(FINAL_STATES), z.number().int()),
    byReason: z.partialRecord(z.enum(REASON_CODES), z.number().int()),
    attempts: z.number().int(),
    rightParty: z.number().int(),
    letters: z.number().int(),
    plans: z.number().int(),
    positionsAttempted: z.number().int(),
    positionsReached: z.number().int(),
    debtorsHardship: z.number().int(),
    debtorsDeceased: z.number().int(),
  }),
  /** The first positions (up to 200), in the report's order. */
  rows: z.array(
    z.object({
      claimId: z.string(),
      reference: z.string(),
      taxpayer: z.string(),
      revenue: z.string(),
      taxYear: z.number().int().nullable(),
      currency: z.string(),
      state: z.enum(FINAL_STATES),
      reason: z.enum(REASON_CODES),
      loaded: z.string(),
      collected: z.string(),
      annulled: z.string(),
      residual: z.string(),
    }),
  ),
});
export type DischargePreview = z.infer<typeof DischargePreview>;

export const DischargeReportView = z.object({
  id: z.string(),
  creditorId: z.string(),
  loadId: z.string().nullable(),
  asOf: z.string(),
  format: z.enum(DISCHARGE_FORMATS),
  language: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  positions: z.number().int(),
  totals: z.unknown(),
  issuedBy: z.string(),
  issuedAt: z.string(),
});
export type DischargeReportView = z.infer<typeof DischargeReportView>;
export const DischargeReportList = z.object({ items: z.array(DischargeReportView) });
