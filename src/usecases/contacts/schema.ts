import { z } from 'zod';
import { email, isoDate, normalisePhone, safeString, text } from '../../domain/fields.ts';
import { CONSENTS, CONTACT_CHANNELS, CONTACT_STATUSES } from '../../domain/model.ts';
import { encodeMessage, msg } from '../../domain/messages/index.ts';

const contactFields = {
  channel: z.enum(CONTACT_CHANNELS, { error: encodeMessage(msg('records.contact_channel')) }),
  value: safeString().trim().min(1, { error: encodeMessage(msg('records.contact_value_required')) }).max(254),
  label: text(100).nullish(),
  status: z.enum(CONTACT_STATUSES).optional(),
  /** Where the contact came from: creditor, debtor, import, skip_tracing, public_registry… */
  source: safeString().trim().min(1).max(60).optional(),
  consent: z.enum(CONSENTS).optional(),
  /** A third party (relative, employer, neighbour…): never receives debt content. */
  thirdParty: z.boolean().optional(),
  thirdPartyRelation: text(100).nullish(),
  validFrom: isoDate.nullish(),
  validTo: isoDate.nullish(),
};

/** Normalises the value for its channel: e-mail lower-cased, phone numbers to E.164. */
function normaliseValue<T extends { channel?: string; value?: string }>(v: T, ctx: z.RefinementCtx): T {
  if (v.value === undefined || v.channel === undefined) return v;
  if (v.channel === 'email' || v.channel === 'pec') {
    const parsed = email.safeParse(v.value);
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: encodeMessage(msg('field.invalid_email')) });
      return v;
    }
    return { ...v, value: parsed.data };
  }
  const phone = normalisePhone(v.value);
  if (!phone) {
    ctx.addIssue({
      code: 'custom',
      path: ['value'],
      message: encodeMessage(msg('records.contact_phone')),
    });
    return v;
  }
  return { ...v, value: phone };
}

const validity = (v: { validFrom?: string | null; validTo?: string | null }) =>
  !v.validFrom || !v.validTo || v.validTo >= v.validFrom;
const validityError = { message: encodeMessage(msg('date.valid_to_before_from')), path: ['validTo'] };

export const CreateContactInput = z.object(contactFields).strict().refine(validity, validityError).transform(normaliseValue);
export const UpdateContactInput = z
  .object({ ...contactFields, version: z.number().int().optional() })
  .partial()
  .strict()
  .refine(validity, validityError);

export const ContactView = z.object({
  id: z.uuid(),
  debtorId: z.uuid(),
  channel: z.enum(CONTACT_CHANNELS),
  value: z.string(),
  label: z.string().nullable(),
  status: z.enum(CONTACT_STATUSES),
  source: z.string(),
  consent: z.enum(CONSENTS),
  thirdParty: z.boolean(),
  thirdPartyRelation: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ContactView = z.infer<typeof ContactView>;
export { normaliseValue as normaliseContactValue };
