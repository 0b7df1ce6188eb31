import { z } from 'zod';
import { complianceRulesSchema } from '../../domain/dunning/index.ts';
import { countryCode, email, partitaIva, phone, requiredText } from '../../domain/fields.ts';
import { ALBO_SECTIONS, alboSchema } from '../../domain/municipal/settings.ts';
import { attributionDaysSchema } from '../../domain/portal/agency-kpis.ts';
import { riskRulesSchema } from '../../domain/risk/rules.ts';

/** How the agency writes in its own name on letters (tenants.settings.letterhead). */
export const Letterhead = z.strictObject({
  name: requiredText(200),
  /** Address lines under the name, in order. */
  lines: z.array(requiredText(100)).max(6),
  country: countryCode.default('IT'),
  email: email.nullish(),
  phone: phone.nullish(),
  vatNumber: partitaIva.nullish(),
});

/** What an administrator may change; `null` clears a part (contact rules then return to the law's defaults). */
export const UpdateSettingsInput = z
  .strictObject({
    letterhead: Letterhead.nullable(),
    compliance: complianceRulesSchema.strict().nullable(),
    albo: alboSchema.nullable(),
    /** The KPIs' attribution window: a payment goes to the last right-party contact this many days before it (null: 30). */
    kpiAttributionDays: attributionDaysSchema.nullable(),
    /** The risk-class thresholds for every creditor without its own (null: the shipped defaults); the classes are recomputed after a change. */
    riskRules: riskRulesSchema.nullable(),
  })
  .partial();

export const SettingsView = z.object({
  name: z.string(),
  kind: z.enum(['agency', 'company']),
  letterhead: z
    .object({
      name: z.string(),
      lines: z.array(z.string()),
      country: z.string(),
      email: z.string().nullish(),
      phone: z.string().nullish(),
      vatNumber: z.string().nullish(),
    })
    .nullable(),
  /** The contact rules in force: the tenant's, or the Italian defaults (UNIREC code, Garante 2005). */
  compliance: z.unknown(),
  complianceIsDefault: z.boolean(),
  albo: z.object({ section: z.enum(ALBO_SECTIONS), number: z.string(), registeredOn: z.string() }).nullable(),
  /** The KPIs' attribution window in force, days (domain/portal/agency-kpis.ts). */
  kpiAttributionDays: z.number(),
  /** The risk-class thresholds in force for creditors without their own: the agency's, or the shipped defaults (domain/risk/rules.ts). */
  riskRules: riskRulesSchema,
  riskRulesIsDefault: z.boolean(),
});
export type SettingsView = z.infer<typeof SettingsView>;
