import { z } from 'zod';
import { email, requiredText, uuid } from '../../domain/fields.ts';
import { PASSWORD_MAX_LENGTH } from '../../domain/password-policy.ts';
import { ROLES } from '../../domain/policies.ts';

const LOCALES = ['it', 'en', 'de', 'fr'] as const;

export const CreateUserInput = z
  .object({
    email,
    name: requiredText(200),
    /** Leave out to have a one-time password generated and shown once in the answer. */
    password: z.string().max(PASSWORD_MAX_LENGTH + 50).optional(),
    role: z.enum(ROLES),
    /** Required for a viewer: the one creditor whose data it may read. */
    creditorId: uuid.nullish(),
    locale: z.enum(LOCALES).optional(),
  })
  .strict();

/** An administrator changes a user's role, creditor binding, name or language. */
export const UpdateUserInput = z
  .object({
    name: requiredText(200).optional(),
    role: z.enum(ROLES).optional(),
    /** A viewer's creditor; null when the user is no viewer. */
    creditorId: uuid.nullish(),
    locale: z.enum(LOCALES).optional(),
  })
  .strict();

export const UserView = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  creditorId: z.string().nullable(),
  locale: z.string(),
  active: z.boolean(),
});
export type UserView = z.infer<typeof UserView>;

/** A user as just created or reset: the generated password is in the answer once and stored nowhere. */
export const UserWithPasswordView = UserView.extend({
  oneTimePassword: z.string().optional().meta({ description: 'Only when incasso generated the password: show it once' }),
});
export type UserWithPasswordView = z.infer<typeof UserWithPasswordView>;

export const USER_COLUMNS = ['id', 'email', 'name', 'role', 'creditor_id as creditorId', 'locale', 'active'] as const;
