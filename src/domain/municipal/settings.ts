import { z } from 'zod';
import '../zod-messages.ts';
import { encodeMessage, msg, type Message, type MessageCode } from '../messages/index.ts';
import { noticeCodeAux3 } from './pagopa.ts';

const coded = (code: MessageCode, params?: Record<string, string | number>) => encodeMessage(msg(code, params));

/**
 * How a comune's pagoPA notices arise (municipal-notes.md §2.1):
 * - `supplied`: the comune (or its intermediary: GovPay, GPD, its tax software) publishes the
 *   positions and hands over the notice codes with the list; incasso prints and sends them only.
 * - `generated`: the agency is the comune's technological partner with its own segregation code and
 *   generates IUVs with aux digit 3 (SACI 3.x), unique in time per comune.
 * Money always goes to the comune's treasury; the QR code carries the comune's codice fiscale.
 */
export const NOTICE_MODES = ['supplied', 'generated'] as const;
export type NoticeMode = (typeof NOTICE_MODES)[number];

export const pagopaSettingsSchema = z
  .strictObject({
    noticeMode: z.enum(NOTICE_MODES),
    /** Segregation code given by PagoPA S.p.A. to this generation point: 00–45 (SACI 3.1/3.2). */
    segregationCode: z
      .string()
      .regex(/^[0-9]{2}$/, { message: coded('municipal.segregation_code_range') })
      .refine((v) => Number(v) <= 45, { message: coded('municipal.segregation_code_range') })
      .nullish(),
    /** CBILL (codice SIA of the ente), printed for home banking; its length is UNVERIFIED, checked loosely. */
    cbill: z
      .string()
      .regex(/^[A-Z0-9]{1,10}$/, { message: coded('municipal.cbill') })
      .nullish(),
    /** Postal current account, when the comune collects on one (Bollettino Postale PA). */
    postalAccount: z
      .string()
      .regex(/^[0-9]{1,12}$/, { message: coded('municipal.postal_account') })
      .nullish(),
    postalHolder: z.string().trim().min(1).max(50).nullish(),
    /** Poste's self-print authorisation ("AUT. DB/…"). */
    postalAuthorization: z.string().trim().min(1).max(60).nullish(),
  })
  .superRefine((v, ctx) => {
    if (v.noticeMode === 'generated' && !v.segregationCode) {
      ctx.addIssue({ code: 'custom', path: ['segregationCode'], message: coded('municipal.segregation_code_needed') });
    }
  });
export type PagopaSettings = z.output<typeof pagopaSettingsSchema>;

/** The 13-digit IUV base a counter value stands for. */
export const iuvBaseOf = (counter: bigint | number | string) => BigInt(counter).toString().padStart(13, '0');

/** The notice code incasso generates for a comune as its partner, from the comune's counter. */
export function generatedNoticeCode(settings: PagopaSettings, counter: bigint | number | string): string {
  if (settings.noticeMode !== 'generated' || !settings.segregationCode) throw new Error('notices of this comune are supplied, not generated');
  return noticeCodeAux3(settings.segregationCode, iuvBaseOf(counter));
}

/**
 * The agency's registration in the MEF albo of art. 53 D.Lgs. 446/1997 (municipal-notes.md §7.1):
 * collection of a comune's revenues, and support work for it, is reserved to registered operators;
 * c. 805 L. 160/2019 created a separate section for support activities only. Printed on letters for
 * comune positions; a comune mandate cannot be activated without it.
 */
export const ALBO_SECTIONS = ['ordinary', 'support'] as const;
export const alboSchema = z.strictObject({
  section: z.enum(ALBO_SECTIONS),
  number: z.string().trim().min(1).max(30),
  registeredOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type AlboRegistration = z.output<typeof alboSchema>;

/**
 * Why an agency may not hold this comune's mandate active, or null: collecting a comune's revenues,
 * and support work for it (CdS fines included), is reserved to operators registered in the MEF albo
 * of art. 53 D.Lgs. 446/1997 (c. 805 L. 160/2019; DM MEF 13/04/2022 n. 101; TAR Liguria n. 935/2023 —
 * municipal-notes.md §7.1). A tenant that is not an agency (a creditor working its own receivables)
 * needs no registration; an inactive mandate may be prepared before the registration arrives.
 */
export function mandateAlboProblem(
  tenant: { kind: string; settings: Record<string, unknown> | null },
  creditor: { kind: string; active: boolean },
): Message | null {
  if (tenant.kind !== 'agency' || creditor.kind !== 'public_entity' || !creditor.active) return null;
  return alboSchema.safeParse(tenant.settings?.albo).success ? null : msg('municipal.albo_required');
}

/**
 * Why a comune's codice fiscale is not acceptable, or null. A public body's codice fiscale is numeric,
 * 11 digits (not the 16-character code of a natural person), and it is what the pagoPA QR code and
 * the Poste Data Matrix carry as "CF ente creditore" — exactly 11 digits (docs.pagopa.it/avviso-pagamento
 * "Codice QR"; municipal-notes.md §2.5, §2.6). A missing code is allowed until notices are printed.
 */
export function comuneTaxCodeProblem(kind: string, taxCode: string | null | undefined): Message | null {
  if (kind !== 'public_entity' || taxCode === null || taxCode === undefined) return null;
  return /^\d{11}$/.test(taxCode) ? null : msg('municipal.cf_ente', { value: taxCode });
}
