import { z } from 'zod';
import { coded, msg, type Message } from '../messages/index.ts';

/**
 * Call outcomes (esiti) as data (issue 14 item 4). No Italian standard exists; the shipped list merges
 * the municipal taxonomy of municipal-notes.md §8.4 (from ASC X12 "306 Action Code", Octopus Energy's
 * stop reasons and common Italian recupero lists) with the flag matrix of agency-notes.md §4 (Latitude
 * result codes, Collect! Contact Controls):
 *
 * - **attempt** (A): an outbound try; counts toward the attempt limits of the contact rules;
 * - **contact** (C): a connected call with any person, debtor or third party;
 * - **right party** (R): a contact with the debtor (or legal representative, heir) after the identity
 *   check (municipal-notes §8.3); only then may amounts and the debt be named, and it counts toward the
 *   conversation limits (UNIREC: one a day, three a week);
 * - **worked** (W): the position was worked (KPI "cases worked", municipal-notes §8.5).
 *
 * Each outcome has one effect, carried out by the use case in the same transaction as the contact log
 * and its audit event. A tenant may switch outcomes off and change the retry delays (its settings);
 * the flags and effects are the law's and the KPIs' and stay as shipped.
 */
export const OUTCOME_EFFECTS = [
  /** No answer, busy, machine: try again later the same day, within the limits. */
  'retry',
  /** The number does not exist or is not the debtor's: the contact becomes invalid; none left → skip tracing. */
  'invalid_number',
  /** A third party answered: nothing disclosed, a neutral callback. */
  'third_party',
  /** A third party gave another number or address: stored with its source, to be verified. */
  'new_contact',
  /** The debtor asks to be called at a time: an appointment within the permitted hours, same operator. */
  'callback',
  /** Promise to pay: amount, date, channel, within the creditor's rules. */
  'promise',
  /** Asks for instalments: a plan proposal for the supervisor / the comune. */
  'plan_request',
  /** Says it has paid: the receipt is asked for, a verification is queued. */
  'already_paid',
  /** Contests the debt: the positions pause, the query goes to the creditor. */
  'dispute',
  /** Refuses to pay: the strategy's next step. */
  'refused',
  /** Economic hardship or vulnerability: formal steps pause, a referral is offered, a supervisor reviews; never more pressure. */
  'hardship',
  /** Asks for documents: they are sent in writing. */
  'documents',
  /** Do not call this number (opposizione): the channel is blocked for this contact. */
  'opt_out',
  /** Deceased: the positions go to the creditor (heirs, or closed by the comune). */
  'deceased',
] as const;
export type OutcomeEffect = (typeof OUTCOME_EFFECTS)[number];

export const OUTCOME_LEVELS = ['attempt', 'contact', 'right_party', 'case'] as const;
export type OutcomeLevel = (typeof OUTCOME_LEVELS)[number];

export interface OutcomeDefinition {
  /** Stable code, as agencies write them (municipal-notes §8.4). */
  code: string;
  level: OutcomeLevel;
  attempt: boolean;
  contact: boolean;
  rightParty: boolean;
  worked: boolean;
  effect: OutcomeEffect;
  /** For `retry` and `third_party`: how long until the debtor may be offered again, in minutes. */
  retryMinutes?: number;
  /** The positions leave the dunning sequence until someone decides (dispute, hardship, deceased). */
  pauses: boolean;
  /** Goes to a supervisor's queue (plan request, hardship, already paid, deceased). */
  supervisor: boolean;
}

const A = { attempt: true, contact: false, rightParty: false, worked: true } as const;
const AC = { attempt: true, contact: true, rightParty: false, worked: true } as const;
const ACR = { attempt: true, contact: true, rightParty: true, worked: true } as const;

export const SHIPPED_OUTCOMES: readonly OutcomeDefinition[] = [
  { code: 'NON_RISPONDE', level: 'attempt', ...A, effect: 'retry', retryMinutes: 120, pauses: false, supervisor: false },
  { code: 'OCCUPATO', level: 'attempt', ...A, effect: 'retry', retryMinutes: 30, pauses: false, supervisor: false },
  // A voicemail is never left a message about a debt or a tax (municipal-notes §8.3).
  { code: 'SEGRETERIA', level: 'attempt', ...A, effect: 'retry', retryMinutes: 180, pauses: false, supervisor: false },
  { code: 'NUMERO_INESISTENTE', level: 'attempt', ...A, effect: 'invalid_number', pauses: false, supervisor: false },
  { code: 'NUMERO_ERRATO', level: 'attempt', ...A, effect: 'invalid_number', pauses: false, supervisor: false },
  { code: 'TERZO_RISPONDE', level: 'contact', ...AC, effect: 'third_party', retryMinutes: 240, pauses: false, supervisor: false },
  { code: 'TERZO_NUOVO_RECAPITO', level: 'contact', ...AC, effect: 'new_contact', pauses: false, supervisor: false },
  { code: 'PROMESSA_PAGAMENTO', level: 'right_party', ...ACR, effect: 'promise', pauses: false, supervisor: false },
  { code: 'RICHIESTA_RATEIZZAZIONE', level: 'right_party', ...ACR, effect: 'plan_request', pauses: true, supervisor: true },
  { code: 'GIA_PAGATO', level: 'right_party', ...ACR, effect: 'already_paid', pauses: true, supervisor: true },
  { code: 'CONTESTAZIONE', level: 'right_party', ...ACR, effect: 'dispute', pauses: true, supervisor: false },
  { code: 'RIFIUTO', level: 'right_party', ...ACR, effect: 'refused', pauses: false, supervisor: false },
  { code: 'RICHIAMARE', level: 'right_party', ...ACR, effect: 'callback', pauses: false, supervisor: false },
  { code: 'DIFFICOLTA_ECONOMICA', level: 'right_party', ...ACR, effect: 'hardship', pauses: true, supervisor: true },
  { code: 'RICHIESTA_DOCUMENTI', level: 'right_party', ...ACR, effect: 'documents', pauses: false, supervisor: false },
  { code: 'NON_CONTATTARE', level: 'right_party', ...ACR, effect: 'opt_out', pauses: false, supervisor: false },
  { code: 'DECEDUTO', level: 'case', ...AC, effect: 'deceased', pauses: true, supervisor: true },
];

/** A tenant's choices about the shipped outcomes (settings): which it does not use, and its retry delays. */
export interface OutcomeSettings {
  disabled?: readonly string[];
  retryMinutes?: Readonly<Record<string, number>>;
}

export const outcomeSettingsSchema = z.strictObject({
  disabled: z
    .array(z.string())
    .max(50)
    .refine((codes) => codes.every((c) => SHIPPED_OUTCOMES.some((o) => o.code === c)), { message: coded('desk.outcome_unknown') })
    // Without a way to record a promise or a wrong number, the desk cannot do its job.
    .refine((codes) => !codes.some((c) => ESSENTIAL.includes(c)), { message: coded('desk.outcome_essential', { codes: 'NON_RISPONDE, NUMERO_ERRATO, PROMESSA_PAGAMENTO, CONTESTAZIONE, NON_CONTATTARE' }) })
    .optional(),
  retryMinutes: z
    .record(z.string(), z.number().int().min(5).max(7 * 24 * 60))
    .refine((r) => Object.keys(r).every((c) => SHIPPED_OUTCOMES.some((o) => o.code === c && o.retryMinutes !== undefined)), { message: coded('desk.outcome_no_retry') })
    .optional(),
});

const ESSENTIAL: readonly string[] = ['NON_RISPONDE', 'NUMERO_ERRATO', 'PROMESSA_PAGAMENTO', 'CONTESTAZIONE', 'NON_CONTATTARE'];

/** The outcomes a tenant offers its operators, in the shipped order, with its retry delays. */
export function outcomesFor(settings: OutcomeSettings | null | undefined): OutcomeDefinition[] {
  const disabled = new Set(settings?.disabled ?? []);
  return SHIPPED_OUTCOMES.filter((o) => !disabled.has(o.code)).map((o) =>
    o.retryMinutes !== undefined && settings?.retryMinutes?.[o.code] !== undefined ? { ...o, retryMinutes: settings.retryMinutes[o.code] } : o,
  );
}

/** The outcome of a code among a tenant's, or why it cannot be used. */
export function outcomeOf(outcomes: readonly OutcomeDefinition[], code: string): OutcomeDefinition | Message {
  return outcomes.find((o) => o.code === code) ?? msg('desk.outcome_not_offered', { code });
}

/** What an outcome needs besides its code, per effect (checked by the use case before anything changes). */
export const OutcomeDetails = z.object({
  /** The number dialled (contact id): which number produced the contact (agency-notes §4). */
  contactId: z.uuid().nullish(),
  note: z.string().trim().max(2000).nullish(),
  /** promise: what and when. */
  promise: z.object({ amount: z.string(), dueOn: z.string(), channel: z.enum(['pagopa', 'f24', 'bank_transfer', 'cash_desk', 'other']).optional() }).nullish(),
  /** callback: when (local date and time). */
  callbackAt: z.object({ date: z.string(), time: z.string() }).nullish(),
  /** dispute, hardship, refused: why, in the debtor's words. */
  reason: z.string().trim().max(2000).nullish(),
  /** new_contact: the number or address given, and by whom. */
  newContact: z.object({ channel: z.enum(['phone', 'email', 'address']), value: z.string().trim().min(3).max(300), givenBy: z.string().trim().max(200).optional() }).nullish(),
});
export type OutcomeDetails = z.infer<typeof OutcomeDetails>;

/** What an outcome's effect cannot do without (a promise without amount, a callback without a time…). */
export function missingDetails(outcome: OutcomeDefinition, details: OutcomeDetails): Message[] {
  const out: Message[] = [];
  const need = (ok: unknown, field: string) => {
    if (!ok) out.push(msg('desk.outcome_needs', { code: outcome.code, field }));
  };
  switch (outcome.effect) {
    case 'promise':
      need(details.promise, 'promise');
      break;
    case 'callback':
      need(details.callbackAt, 'callbackAt');
      break;
    case 'dispute':
    case 'hardship':
      need(details.reason, 'reason');
      break;
    case 'new_contact':
      need(details.newContact, 'newContact');
      break;
    case 'invalid_number':
    case 'opt_out':
      need(details.contactId, 'contactId');
      break;
    default:
      break;
  }
  return out;
}
