import { Temporal } from 'temporal-polyfill';
import type { ActKind, ClaimKind } from '../model.ts';

/**
 * The terms after which a comune's position can no longer be pursued: decadenza of the power to
 * assess (the comune can no longer notify the avviso di accertamento) and prescrizione of the claim
 * once assessed. A position past its term is never dunned nor called; it goes to the comune's review
 * list (it may still be valid if an act unknown to us interrupted the period: the comune decides).
 *
 * Data, not constants: each line names its source and whether it was checked (`verified`); a caller
 * (a comune's regulation, a test) may pass its own table. Sources, from the project's research notes
 * (legal-notes.md §6.6, §6.7; municipal-notes.md §4.2, §5), copied here:
 *  - "tax assessments must be notified within the decadenza term of L. 296/2006 c. 161 (5 years –
 *    anconaentrate.it art. 19 says 'termine di decadenza quinquennale')" — VERIFIED. The text of
 *    art. 1 c. 161 L. 27/12/2006 n. 296: the avvisi di accertamento "devono essere notificati, a pena
 *    di decadenza, entro il 31 dicembre del quinto anno successivo a quello in cui la dichiarazione o il
 *    versamento sono stati o avrebbero dovuto essere effettuati". A decadenza is not interrupted by a
 *    reminder (a bonario is not an assessment).
 *  - Prescription of the assessed claim: the notes mark the civil periods (10 years art. 2946 c.c.,
 *    5 years for periodic payments art. 2948 n. 4 c.c.) UNVERIFIED; the five years for local taxes
 *    follow the reading of Cass. SU 23397/2016 (periodic taxes, art. 2948 n. 4 c.c.), already used by
 *    the import's table (src/domain/import/time-bar.ts). Marked `verified: false`: configurable.
 *  - CUP (canone unico patrimoniale, art. 1 c. 816 ss. L. 160/2019) is a patrimonial revenue, not a
 *    tax: five years of art. 2948 n. 4 c.c. — UNVERIFIED.
 *  - CdS fines: five years from the violation, art. 28 L. 689/1981 (recalled by art. 209 D.Lgs.
 *    285/1992) — `verified: false` as in the import's table; the act's date stands for the violation's.
 *
 * What the dates assume: no interrupting act known to us (a notified intimazione, a pignoramento, an
 * acknowledgment or payment by the debtor restart a prescription, art. 2943–2944 c.c.), and no
 * extension to the next working day (art. 2963 c. 3 c.c.): a date may be a day or two early.
 */

export type TermKind = 'decadenza' | 'prescrizione';

/**
 * Where a term runs from:
 * - `end_of_payment_year`: 31 December of the year the payment was due (the due date's year, never
 *   before the tax year); lapsed from 1 January `years + 1` years after that year (c. 161's "31
 *   dicembre del quinto anno successivo").
 * - `enforceable`: the day the act became enforceable (`actEnforceableOn`; else 60 days after its
 *   notification, the c. 792 L. 160/2019 term to pay); lapsed the day after the same calendar day
 *   `years` later.
 * - `due_date`, `act_date` (the act's own date, else the due date): likewise.
 */
export type TermStart = 'end_of_payment_year' | 'enforceable' | 'due_date' | 'act_date';

export interface MunicipalTerm {
  /** Stable id (shown on the review list, kept in tests). */
  key: string;
  kind: TermKind;
  revenues: readonly ClaimKind[];
  /** The acts this line is for; `null` = no act recorded (a position at the bonario stage). */
  acts: readonly (ActKind | null)[];
  years: number;
  start: TermStart;
  /** The law cited, as shown to the comune. */
  law: string;
  verified: boolean;
}

/** Acts that assess or enforce the claim: from them on, the claim's prescription runs. */
const ASSESSED: readonly ActKind[] = ['accertamento_esecutivo', 'ingiunzione_fiscale'];
const NOT_ASSESSED: readonly (ActKind | null)[] = [null, 'bonario', 'other'];

export const MUNICIPAL_TERMS: readonly MunicipalTerm[] = [
  {
    key: 'decadenza-accertamento',
    kind: 'decadenza',
    revenues: ['imu', 'tari'],
    acts: NOT_ASSESSED,
    years: 5,
    start: 'end_of_payment_year',
    law: 'art. 1 c. 161 L. 296/2006',
    verified: true,
  },
  {
    key: 'prescrizione-tributo-accertato',
    kind: 'prescrizione',
    revenues: ['imu', 'tari'],
    acts: ASSESSED,
    years: 5,
    start: 'enforceable',
    law: 'art. 2948 n. 4 c.c. (Cass. SU 23397/2016)',
    verified: false,
  },
  {
    key: 'prescrizione-cup',
    kind: 'prescrizione',
    revenues: ['cup'],
    acts: [...NOT_ASSESSED, 'cup_notice'],
    years: 5,
    start: 'due_date',
    law: 'art. 2948 n. 4 c.c.',
    verified: false,
  },
  {
    key: 'prescrizione-cup-accertato',
    kind: 'prescrizione',
    revenues: ['cup'],
    acts: ASSESSED,
    years: 5,
    start: 'enforceable',
    law: 'art. 2948 n. 4 c.c.',
    verified: false,
  },
  {
    key: 'prescrizione-cds',
    kind: 'prescrizione',
    revenues: ['cds_fine'],
    acts: [...NOT_ASSESSED, 'verbale_cds'],
    years: 5,
    start: 'act_date',
    law: 'art. 28 L. 689/1981; art. 209 D.Lgs. 285/1992',
    verified: false,
  },
  {
    key: 'prescrizione-cds-ingiunzione',
    kind: 'prescrizione',
    revenues: ['cds_fine'],
    acts: ASSESSED,
    years: 5,
    start: 'enforceable',
    law: 'art. 28 L. 689/1981; art. 209 D.Lgs. 285/1992',
    verified: false,
  },
];

/** Days between notification and enforceability of an accertamento esecutivo (art. 1 c. 792 L. 160/2019). */
export const DAYS_TO_ENFORCEABLE = 60;

/** What a term is computed from (ISO dates). */
export interface TermPosition {
  kind: ClaimKind;
  actKind: ActKind | null;
  dueDate: string;
  taxYear: number | null;
  actDate: string | null;
  actNotifiedOn: string | null;
  actEnforceableOn: string | null;
}

export interface TermLapse {
  term: MunicipalTerm;
  /** First day the position is past its term (ISO). */
  lapsedOn: string;
}

/** The table's line for the position, or null (a company's claim, a revenue without a line). */
export function termFor(position: Pick<TermPosition, 'kind' | 'actKind'>, terms: readonly MunicipalTerm[] = MUNICIPAL_TERMS): MunicipalTerm | null {
  return terms.find((t) => t.revenues.includes(position.kind) && t.acts.includes(position.actKind)) ?? null;
}

const day = (iso: string) => Temporal.PlainDate.from(iso, { overflow: 'reject' });

/**
 * The position's term and the first day it is past it, or null when no line applies or the date the
 * line runs from is unknown (an assessed act without notification or enforceability date).
 */
export function termLapse(position: TermPosition, terms: readonly MunicipalTerm[] = MUNICIPAL_TERMS): TermLapse | null {
  const term = termFor(position, terms);
  if (!term) return null;
  if (term.start === 'end_of_payment_year') {
    const year = Math.max(day(position.dueDate).year, position.taxYear ?? 0);
    return { term, lapsedOn: Temporal.PlainDate.from({ year: year + term.years + 1, month: 1, day: 1 }).toString() };
  }
  let from: Temporal.PlainDate | null;
  if (term.start === 'enforceable') {
    from = position.actEnforceableOn
      ? day(position.actEnforceableOn)
      : position.actNotifiedOn
        ? day(position.actNotifiedOn).add({ days: DAYS_TO_ENFORCEABLE })
        : null;
  } else if (term.start === 'act_date') {
    from = day(position.actDate ?? position.dueDate);
  } else {
    from = day(position.dueDate);
  }
  if (!from) return null;
  // The period ends on the same calendar day `years` later (29 February → 28 February).
  return { term, lapsedOn: from.add({ years: term.years }, { overflow: 'constrain' }).add({ days: 1 }).toString() };
}

/** The lapse when the position is past its term on `today` (ISO), else null. */
export function lapsedTerm(position: TermPosition, today: string, terms: readonly MunicipalTerm[] = MUNICIPAL_TERMS): TermLapse | null {
  const lapse = termLapse(position, terms);
  return lapse && lapse.lapsedOn <= day(today).toString() ? lapse : null;
}
