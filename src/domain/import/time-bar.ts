import { Temporal } from '../dates.ts';
import type { ClaimKind, DebtorKind, Jurisdiction } from '../model.ts';

/**
 * Limitation periods (prescrizione, Verjährung, prescription) as data, each line with its legal
 * source, to flag claims of an imported portfolio that may be time-barred.
 *
 * What the dates assume: **no interrupting act**. A formal demand (messa in mora, art. 2943 c.c.;
 * Betreibung or acknowledgment, art. 135 CO; § 212 BGB; art. 2240–2244 Code civil), a notified
 * avviso di accertamento or verbale, an acknowledgment by the debtor or a payment restarts the
 * period, and suspension (art. 2941–2942 c.c.) pauses it; none of that is known at import time, so
 * a claim flagged here is "to check", not "lost". The extension to the next working day when the
 * last day is a holiday (art. 2963 c. 3 c.c.) is not applied either, so a date may be a day or two
 * early.
 *
 * `verified: true` means the period and its starting point are what the cited source says for
 * the usual claim of this kind; `false` marks a reasonable reading that someone qualified should
 * confirm (the `note` says why). The table is data: a caller may pass its own (`options.rules`).
 */
export interface LimitationRule {
  jurisdiction: Jurisdiction;
  kind: ClaimKind;
  /** Only for these debtor kinds (a more specific line comes first); absent: any debtor. */
  debtorKinds?: readonly DebtorKind[];
  years: number;
  /**
   * `due_date`: the period runs from the due date; the claim is barred the day after the same
   * calendar day `years` later (art. 2963 c.c., art. 132 CO, art. 2228–2229 Code civil).
   * `end_of_year`: it runs from 31 December of the year the payment was due; barred from
   * 1 January `years + 1` years after that year.
   */
  start: 'due_date' | 'end_of_year';
  source: string;
  verified: boolean;
  note?: string;
}

export const LIMITATION_RULES: readonly LimitationRule[] = [
  // Italy
  {
    jurisdiction: 'IT',
    kind: 'invoice',
    years: 10,
    start: 'due_date',
    source: 'art. 2946 c.c. (prescrizione ordinaria)',
    verified: true,
    note:
      'Ordinary period for contractual payment claims. Shorter periods the import cannot tell apart: periodic payments ' +
      '(utilities, rents: 5 years, art. 2948 n. 4 c.c.) and the presumptive periods of art. 2954–2956 c.c. ' +
      '(e.g. professionals’ fees, 3 years).',
  },
  {
    jurisdiction: 'IT',
    kind: 'other',
    years: 10,
    start: 'due_date',
    source: 'art. 2946 c.c. (prescrizione ordinaria)',
    verified: true,
  },
  {
    jurisdiction: 'IT',
    kind: 'imu',
    years: 5,
    start: 'end_of_year',
    source: 'art. 1 c. 161 L. 296/2006',
    verified: true,
    note:
      'The comune must notify the avviso di accertamento by 31 December of the fifth year after the year the payment was ' +
      'due (decadenza). The year is the due date’s (never earlier than the tax year). Once an avviso is notified, other ' +
      'terms run (enforcement title by 31 December of the third year after it became final, art. 1 c. 163 L. 296/2006; ' +
      'five-year prescription of the assessed tax, Cass. SU 23397/2016): not modelled.',
  },
  {
    jurisdiction: 'IT',
    kind: 'tari',
    years: 5,
    start: 'end_of_year',
    source: 'art. 1 c. 161 L. 296/2006',
    verified: true,
    note:
      'As for IMU. TARI instalments often fall due in the year after the tax year: the year of the due date counts, ' +
      'which is why a list’s due date should be the original payment deadline.',
  },
  {
    jurisdiction: 'IT',
    kind: 'cup',
    years: 5,
    start: 'due_date',
    source: 'art. 2948 n. 4 c.c.',
    verified: false,
    note:
      'Canone unico patrimoniale (art. 1 c. 816 ss. L. 160/2019) is a periodic patrimonial revenue, not a tax, so art. 1 ' +
      'c. 161 L. 296/2006 is not applied; the five-year term for periodic payments is the usual reading, to be confirmed.',
  },
  {
    jurisdiction: 'IT',
    kind: 'cds_fine',
    years: 5,
    start: 'due_date',
    source: 'art. 28 L. 689/1981, richiamato dall’art. 209 D.Lgs. 285/1992',
    verified: false,
    note:
      'The law runs the period from the day of the violation, which an import does not know; the due date is later ' +
      '(60 days after notification), so the date computed here can be some months late.',
  },
  // Switzerland
  {
    jurisdiction: 'CH',
    kind: 'invoice',
    debtorKinds: ['consumer'],
    years: 5,
    start: 'due_date',
    source: 'art. 128 n. 3 CO',
    verified: false,
    note:
      'Five years for retail sales of goods, craftsmen’s work and professional services, which most invoices to consumers ' +
      'are; other contracts fall under the ten years of art. 127 CO.',
  },
  {
    jurisdiction: 'CH',
    kind: 'invoice',
    years: 10,
    start: 'due_date',
    source: 'art. 127 CO',
    verified: false,
    note:
      'Ten years unless art. 128 CO applies: periodic payments (rent, interest) and deliveries of the ordinary course of ' +
      'business (retail sales, craftsmen’s work, professional services) prescribe in five.',
  },
  { jurisdiction: 'CH', kind: 'other', years: 10, start: 'due_date', source: 'art. 127 CO', verified: true },
  // Germany
  {
    jurisdiction: 'DE',
    kind: 'invoice',
    years: 3,
    start: 'end_of_year',
    source: '§§ 195, 199 Abs. 1 BGB',
    verified: true,
    note: 'Runs from the end of the year the claim arose and the creditor knew the debtor: the due date’s year.',
  },
  { jurisdiction: 'DE', kind: 'other', years: 3, start: 'end_of_year', source: '§§ 195, 199 Abs. 1 BGB', verified: true },
  // France
  {
    jurisdiction: 'FR',
    kind: 'invoice',
    debtorKinds: ['consumer'],
    years: 2,
    start: 'due_date',
    source: 'art. L218-2 Code de la consommation',
    verified: true,
    note: 'A professional’s action against a consumer for goods or services supplied.',
  },
  {
    jurisdiction: 'FR',
    kind: 'invoice',
    years: 5,
    start: 'due_date',
    source: 'art. L110-4 Code de commerce; art. 2224 Code civil',
    verified: true,
  },
  { jurisdiction: 'FR', kind: 'other', years: 5, start: 'due_date', source: 'art. 2224 Code civil', verified: true },
];

export interface TimeBarOptions {
  /** Some lines depend on the debtor (French and Swiss consumers). */
  debtorKind?: DebtorKind | null;
  /** Another table, e.g. with a caller's own periods. */
  rules?: readonly LimitationRule[];
}

/** The line of the table that applies, or null when the table has none (e.g. IMU in Switzerland). */
export function limitationRule(
  kind: ClaimKind,
  jurisdiction: Jurisdiction = 'IT',
  options: TimeBarOptions = {},
): LimitationRule | null {
  const rules = options.rules ?? LIMITATION_RULES;
  const candidates = rules.filter((r) => r.jurisdiction === jurisdiction && r.kind === kind);
  const specific = options.debtorKind ? candidates.find((r) => r.debtorKinds?.includes(options.debtorKind!)) : undefined;
  return specific ?? candidates.find((r) => !r.debtorKinds) ?? null;
}

/**
 * The first day on which the claim is time-barred if nothing interrupted the period, as
 * 'YYYY-MM-DD', or null when the table has no line for the kind in that jurisdiction.
 * `taxYear` matters only for `end_of_year` lines: the payment of a tax cannot fall due before its
 * tax year, so the later of the two years counts.
 */
export function timeBarredFrom(
  kind: ClaimKind,
  dueDate: string,
  taxYear: number | null,
  jurisdiction: Jurisdiction = 'IT',
  options: TimeBarOptions = {},
): string | null {
  const rule = limitationRule(kind, jurisdiction, options);
  if (!rule) return null;
  const due = Temporal.PlainDate.from(dueDate, { overflow: 'reject' });
  if (rule.start === 'end_of_year') {
    const year = Math.max(due.year, taxYear ?? due.year);
    return Temporal.PlainDate.from({ year: year + rule.years + 1, month: 1, day: 1 }).toString();
  }
  // The period ends on the same calendar day `years` later (29 February → 28 February), at midnight.
  const lastDay = due.add({ years: rule.years }, { overflow: 'constrain' });
  return lastDay.add({ days: 1 }).toString();
}

/** Whether the claim is time-barred on `today` ('YYYY-MM-DD') if nothing interrupted the period. */
export function isTimeBarred(
  kind: ClaimKind,
  dueDate: string,
  taxYear: number | null,
  jurisdiction: Jurisdiction,
  today: string,
  options: TimeBarOptions = {},
): boolean {
  const from = timeBarredFrom(kind, dueDate, taxYear, jurisdiction, options);
  return from !== null && today >= from;
}
