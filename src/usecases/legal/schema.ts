import { z } from 'zod';
import { isoDate, multiLineText, positiveMoneyAmount, requiredText, uuid } from '../../domain/fields.ts';
import { JURISDICTIONS, SOURCE_STATUSES } from '../../domain/legal/cost-benefit.ts';

export const LEGAL_OUTCOMES = ['decree_issued', 'opposed', 'paid', 'enforcement', 'withdrawn'] as const;

const FeeLine = z.object({ amount: z.string(), status: z.enum(SOURCE_STATUSES), source: z.string(), upTo: z.string().nullable() });

/** The solvency and cost/benefit sheet (domain/legal/cost-benefit.ts), reasons worded in the reader's language. */
export const LegalSheetView = z.object({
  claimId: z.uuid(),
  day: z.string(),
  jurisdiction: z.enum(JURISDICTIONS),
  procedure: z.string(),
  currency: z.enum(['EUR', 'CHF']),
  components: z.array(z.object({ kind: z.string(), due: z.string() })),
  principalDue: z.string(),
  interestDue: z.string(),
  costsDue: z.string(),
  amountDue: z.string(),
  courtFee: FeeLine,
  lawyerFee: FeeLine,
  expectedCosts: z.string(),
  costsUnverified: z.boolean(),
  ratio: z.string().nullable(),
  minRatio: z.string(),
  debtor: z.object({ kind: z.string(), deceased: z.boolean(), ceased: z.boolean(), hardship: z.boolean(), insolvency: z.boolean().nullable() }),
  guarantees: z.array(z.object({ kind: z.string(), amount: z.string(), currency: z.string(), validUntil: z.string().nullable() })).nullable(),
  guaranteeCover: z.string(),
  recommendation: z.enum(['proceed', 'not_worth_it']),
  reasons: z.array(z.object({ code: z.string(), text: z.string() })),
});
export type LegalSheetView = z.infer<typeof LegalSheetView>;

export const LegalSheetQuery = z.object({ day: isoDate.optional() });

export const HandOverInput = z
  .object({
    firmName: requiredText(200),
    /** The law firm's user (role law_firm) who will see this dossier. */
    firmUserId: uuid,
    /** The hand-off day (default: today): the interest statement runs to it. */
    handedOn: isoDate.optional(),
  })
  .strict();

export const LegalOutcomeView = z.object({
  id: z.uuid(),
  outcome: z.enum(LEGAL_OUTCOMES),
  occurredOn: z.string(),
  note: z.string().nullable(),
  costIds: z.array(z.uuid()),
  recordedBy: z.string(),
  createdAt: z.string(),
});

export const LegalDossierView = z.object({
  id: z.uuid(),
  claimId: z.uuid(),
  externalRef: z.string(),
  creditorName: z.string(),
  debtorName: z.string(),
  jurisdiction: z.enum(JURISDICTIONS),
  firmName: z.string(),
  firmUserId: z.uuid(),
  handedOn: z.string(),
  handedBy: z.string(),
  outcome: z.enum(LEGAL_OUTCOMES).nullable(),
  outcomeOn: z.string().nullable(),
  version: z.number(),
  sheet: LegalSheetView,
  outcomes: z.array(LegalOutcomeView),
});
export type LegalDossierView = z.infer<typeof LegalDossierView>;

export const LegalDossierList = z.object({
  items: z.array(LegalDossierView.omit({ sheet: true, outcomes: true })),
});

export const RecordOutcomeInput = z
  .object({
    outcome: z.enum(LEGAL_OUTCOMES),
    occurredOn: isoDate,
    note: multiLineText(2000).nullable().optional(),
    /** Costs the firm incurred (court fees, its fees): charged on the claim as legal costs. */
    costs: z.array(z.object({ label: requiredText(160), amount: positiveMoneyAmount, incurredOn: isoDate.optional() }).strict()).max(20).default([]),
  })
  .strict();

export const LawFirmUserList = z.array(z.object({ id: z.uuid(), name: z.string(), email: z.string() }));

export const DossierFileParams = z.object({ id: z.string().max(64), file: z.enum(['zip', 'index.pdf']) });
