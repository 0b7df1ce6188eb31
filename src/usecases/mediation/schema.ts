import { z } from 'zod';
import { isoDate, multiLineText, positiveMoneyAmount, text, uuid } from '../../domain/fields.ts';
import { MEDIATION_OUTCOMES, MEDIATION_PROCEDURES } from '../../domain/mediation/rules.ts';

export const ProposeMediationInput = z.strictObject({
  creditorId: uuid,
  debtorId: uuid,
  /** The claims to bring; none: every open claim of the debtor toward the creditor. */
  claimIds: z.array(uuid).max(500).optional(),
  /** Another procedure allowed in the jurisdiction; none: what the rules propose. */
  procedure: z.enum(MEDIATION_PROCEDURES).optional(),
  /** A mediazione in a matter of art. 5 c.1 D.Lgs. 28/2010 (compulsory before suing). */
  compulsoryByMatter: z.boolean().optional(),
  /** The body (organismo di mediazione, the lawyers, the Schlichtungsbehörde). */
  body: text(200).nullish(),
  /** Last day of the pause; none: the procedure's length. */
  pauseUntil: isoDate.optional(),
  note: multiLineText(2000).nullish(),
});

export const MediationOutcomeInput = z.strictObject({
  outcome: z.enum(MEDIATION_OUTCOMES.filter((o) => o !== 'pending') as ['agreed', 'failed', 'refused']),
  /** The amount agreed (agreed only). */
  agreedAmount: positiveMoneyAmount.optional(),
  note: multiLineText(2000).nullish(),
  version: z.number().int().optional(),
});

export const MediationOptionsQuery = z.object({ creditorId: uuid, debtorId: uuid });

export const MediationOptions = z.object({
  jurisdiction: z.string(),
  debtorKind: z.string(),
  currency: z.string().nullable(),
  amount: z.string(),
  /** What the rules propose (null: no procedure here). */
  proposed: z.object({ procedure: z.enum(MEDIATION_PROCEDURES), compulsory: z.boolean(), pauseDays: z.number(), law: z.string() }).nullable(),
  /** Every procedure that may be chosen here. */
  allowed: z.array(z.enum(MEDIATION_PROCEDURES)),
});
export type MediationOptions = z.infer<typeof MediationOptions>;

export const MediationView = z.object({
  id: z.uuid(),
  creditorId: z.uuid(),
  creditorName: z.string(),
  debtorId: z.uuid(),
  debtorName: z.string(),
  procedure: z.enum(MEDIATION_PROCEDURES),
  compulsory: z.boolean(),
  law: z.string(),
  proposedOn: z.string(),
  pauseUntil: z.string(),
  body: z.string().nullable(),
  note: z.string().nullable(),
  currency: z.string(),
  amount: z.string(),
  outcome: z.enum(MEDIATION_OUTCOMES),
  agreedAmount: z.string().nullable(),
  outcomeOn: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  claims: z.array(z.object({ id: z.uuid(), reference: z.string() })),
  version: z.number(),
});
export type MediationView = z.infer<typeof MediationView>;

export const MediationListQuery = z.object({ debtorId: uuid.optional(), creditorId: uuid.optional(), outcome: z.enum(MEDIATION_OUTCOMES).optional() });
export const MediationList = z.object({ items: z.array(MediationView) });
export type MediationList = z.infer<typeof MediationList>;
