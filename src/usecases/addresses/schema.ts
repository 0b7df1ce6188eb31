import { z } from 'zod';
import { isoDate, requiredText, safeString, text } from '../../domain/fields.ts';
import { ADDRESS_KINDS } from '../../domain/model.ts';
import { encodeMessage, msg } from '../../domain/messages/index.ts';

const addressFields = {
  kind: z.enum(ADDRESS_KINDS).default('residence'),
  line1: requiredText(200),
  line2: text(200).nullish(),
  postalCode: text(20).nullish(),
  city: requiredText(120),
  province: text(60).nullish(),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, { error: encodeMessage(msg('records.country_code')) })
    .default('IT'),
  validFrom: isoDate.nullish(),
  validTo: isoDate.nullish(),
  source: safeString().trim().min(1).max(60).optional(),
};

const validity = (v: { validFrom?: string | null; validTo?: string | null }) =>
  !v.validFrom || !v.validTo || v.validTo >= v.validFrom;
const validityError = { message: encodeMessage(msg('date.valid_to_before_from')), path: ['validTo'] };

export const CreateAddressInput = z.object(addressFields).strict().refine(validity, validityError);
export const UpdateAddressInput = z
  .object({
    kind: z.enum(ADDRESS_KINDS),
    line1: requiredText(200),
    line2: text(200).nullish(),
    postalCode: text(20).nullish(),
    city: requiredText(120),
    province: text(60).nullish(),
    country: addressFields.country.removeDefault(),
    validFrom: isoDate.nullish(),
    validTo: isoDate.nullish(),
    source: safeString().trim().min(1).max(60),
    version: z.number().int(),
  })
  .partial()
  .strict()
  .refine(validity, validityError);

export const AddressView = z.object({
  id: z.uuid(),
  debtorId: z.uuid(),
  kind: z.enum(ADDRESS_KINDS),
  line1: z.string(),
  line2: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string(),
  province: z.string().nullable(),
  country: z.string(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  source: z.string(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AddressView = z.infer<typeof AddressView>;
