import { z } from 'zod';
import { codiceFiscale, isoDate, language, partitaIva, swissUid, multiLineText, text } from '../../domain/fields.ts';
import { DEBTOR_KINDS } from '../../domain/model.ts';
import { AddressView, CreateAddressInput } from '../addresses/schema.ts';
import { ContactView, CreateContactInput } from '../contacts/schema.ts';
import { encodeMessage, msg } from '../../domain/messages/index.ts';
import { RISK_CLASSES } from '../../domain/risk/rules.ts';
import { RiskView } from '../risk/schema.ts';

const debtorFields = {
  kind: z.enum(DEBTOR_KINDS, {
    error: encodeMessage(msg('records.debtor_kind')),
  }),
  firstName: text(100).nullish(),
  lastName: text(100).nullish(),
  /** Company or entity name; for a sole trader, the trade name. */
  companyName: text(200).nullish(),
  taxCode: codiceFiscale.nullish(),
  vatNumber: partitaIva.nullish(),
  chUid: swissUid.nullish(),
  birthDate: isoDate.nullish(),
  language: language.optional(),
  /** Hardship (difficoltà economica): collection must be gentler and is reviewed by a supervisor. */
  hardship: z.boolean().optional(),
  hardshipNote: multiLineText(2000).nullish(),
  notes: multiLineText(5000).nullish(),
};

type DebtorShape = {
  kind?: (typeof DEBTOR_KINDS)[number];
  firstName?: string | null;
  lastName?: string | null;
  companyName?: string | null;
  taxCode?: string | null;
};

/** Rules across fields: a person has a surname, a company a name; a person's codice fiscale has 16 characters. */
export function checkDebtorShape(v: DebtorShape, ctx: z.RefinementCtx): void {
  const person = v.kind === 'consumer' || v.kind === 'sole_trader';
  if (person && !v.lastName && !(v.kind === 'sole_trader' && v.companyName)) {
    ctx.addIssue({ code: 'custom', path: ['lastName'], message: encodeMessage(msg('records.surname_required')) });
  }
  if ((v.kind === 'company' || v.kind === 'public_administration') && !v.companyName) {
    ctx.addIssue({
      code: 'custom',
      path: ['companyName'],
      message: encodeMessage(msg('records.company_name_required')),
    });
  }
  if (v.kind === 'consumer' && v.taxCode && v.taxCode.length !== 16) {
    ctx.addIssue({
      code: 'custom',
      path: ['taxCode'],
      message: encodeMessage(msg('records.person_tax_code_length')),
    });
  }
}

export const CreateDebtorInput = z
  .object({
    ...debtorFields,
    addresses: z.array(CreateAddressInput).max(20).optional(),
    contacts: z.array(CreateContactInput).max(50).optional(),
  })
  .strict()
  .superRefine(checkDebtorShape);

export const UpdateDebtorInput = z
  .object({ ...debtorFields, version: z.number().int().optional() })
  .partial()
  .strict();

const OutstandingView = z.object({ currency: z.string(), amount: z.string(), count: z.number() });

export const DebtorView = z.object({
  id: z.uuid(),
  kind: z.enum(DEBTOR_KINDS),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  companyName: z.string().nullable(),
  displayName: z.string(),
  taxCode: z.string().nullable(),
  vatNumber: z.string().nullable(),
  chUid: z.string().nullable(),
  birthDate: z.string().nullable(),
  language: z.string(),
  hardship: z.boolean(),
  hardshipNote: z.string().nullable(),
  notes: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DebtorView = z.infer<typeof DebtorView>;

export const DebtorListItem = DebtorView.extend({
  /** Open claims (what is still to collect), per currency. */
  outstanding: z.array(OutstandingView),
  /** Risk class of the payment-behaviour profile (a viewer: with its creditor); null: none stored. */
  riskClass: z.enum(RISK_CLASSES).nullable(),
});
export type DebtorListItem = z.infer<typeof DebtorListItem>;

export const DebtorDetail = DebtorListItem.extend({
  addresses: z.array(AddressView),
  contacts: z.array(ContactView),
  /** The payment-behaviour profile with its explanation and the advice (issue 17 items 1–2). */
  risk: RiskView.nullable(),
});
export type DebtorDetail = z.infer<typeof DebtorDetail>;
