import { z } from 'zod';
import { countryCode, currency, email, isoDate, language, multiLineText, positiveMoneyAmount, requiredText, text, uuid } from '../../domain/fields.ts';
import { GUARANTEE_COVERS, GUARANTEE_KINDS, GUARANTEE_STATES, GUARANTOR_KINDS } from '../../domain/guarantees/rules.ts';

/** A guarantor not recorded yet: an issuing bank or insurer, a person, a company — or a debtor record standing surety. */
export const NewGuarantorInput = z.strictObject({
  kind: z.enum(GUARANTOR_KINDS),
  /** Name as on the guarantee; taken from the debtor record when `debtorId` is given and the name is left out. */
  name: text(200).nullish(),
  /** A debtor record that is also this guarantor (decision 0005): its name and address are copied. */
  debtorId: uuid.optional(),
  taxId: text(40).nullish(),
  email: email.nullish(),
  phone: text(40).nullish(),
  addressLine1: text(200).nullish(),
  postalCode: text(20).nullish(),
  city: text(100).nullish(),
  province: text(10).nullish(),
  country: countryCode.optional(),
  language: language.optional(),
});

export const CreateGuaranteeInput = z.strictObject({
  creditorId: uuid,
  debtorId: uuid,
  /** An existing guarantor, or `guarantor` for a new one. */
  guarantorId: uuid.optional(),
  guarantor: NewGuarantorInput.optional(),
  kind: z.enum(GUARANTEE_KINDS),
  reference: text(100).nullish(),
  amount: positiveMoneyAmount,
  currency,
  validFrom: isoDate,
  /** Last day of validity; none: until released. */
  validTo: isoDate.nullable().optional(),
  /** Named claims, or the whole debtor × creditor relationship. */
  covers: z.enum(GUARANTEE_COVERS),
  claimIds: z.array(uuid).max(500).optional(),
  note: multiLineText(2000).nullish(),
});

export const GuaranteeListQuery = z.object({
  debtorId: uuid.optional(),
  creditorId: uuid.optional(),
  state: z.enum(GUARANTEE_STATES).optional(),
  kind: z.enum(GUARANTEE_KINDS).optional(),
  /** Only active guarantees whose last day falls within this many days (30 by default when `expiring` is set). */
  expiringWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
});

export const EnforceGuaranteeInput = z.strictObject({
  version: z.number().int().optional(),
});

export const ReleaseGuaranteeInput = z.strictObject({
  reason: requiredText(500),
  version: z.number().int().optional(),
});

export const GuarantorView = z.object({
  id: z.uuid(),
  kind: z.enum(GUARANTOR_KINDS),
  name: z.string(),
  debtorId: z.uuid().nullable(),
  taxId: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  addressLine1: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  province: z.string().nullable(),
  country: z.string(),
  language: z.string(),
});
export type GuarantorView = z.infer<typeof GuarantorView>;

export const GuaranteeView = z.object({
  id: z.uuid(),
  creditorId: z.uuid(),
  creditorName: z.string(),
  debtorId: z.uuid(),
  debtorName: z.string(),
  guarantor: GuarantorView,
  kind: z.enum(GUARANTEE_KINDS),
  reference: z.string().nullable(),
  amount: z.string(),
  currency: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  covers: z.enum(GUARANTEE_COVERS),
  /** The named claims (covers = claims); empty for the relationship. */
  claims: z.array(z.object({ id: z.uuid(), reference: z.string() })),
  state: z.enum(GUARANTEE_STATES),
  /** Days to the last day of validity (0: today), null without an end. */
  daysToExpiry: z.number().nullable(),
  enforcedOn: z.string().nullable(),
  enforcedAmount: z.string().nullable(),
  releasedOn: z.string().nullable(),
  releaseReason: z.string().nullable(),
  note: z.string().nullable(),
  documents: z.array(z.object({ id: z.uuid(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number(), sha256: z.string(), createdAt: z.string() })),
  letters: z.array(
    z.object({
      id: z.uuid(),
      sentOn: z.string(),
      amount: z.string(),
      currency: z.string(),
      /** The e-mail address, or the postal address of a letter. */
      recipient: z.string(),
      sha256: z.string(),
      channel: z.enum(['email', 'letter', 'registered_letter']),
      /** queued (e-mail in the outbox), to_print (a letter to post), printed (in a print batch), sent, failed (the e-mail was given up). */
      status: z.enum(['queued', 'to_print', 'printed', 'sent', 'failed']),
      /** The strategy step that demanded it; null: the enforce button. */
      stepKey: z.string().nullable(),
    }),
  ),
  version: z.number(),
});
export type GuaranteeView = z.infer<typeof GuaranteeView>;

export const GuaranteeList = z.object({ items: z.array(GuaranteeView) });
export type GuaranteeList = z.infer<typeof GuaranteeList>;
