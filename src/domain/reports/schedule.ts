import { plainDateOf } from '../dates.ts';

/**
 * When a creditor's scheduled report (issue 16 item 3) is made and which days it covers. A weekly
 * report is made on Monday for the Monday–Sunday just ended; a monthly one on the 1st for the calendar
 * month just ended. A report covers only days that are over, so its figures never change afterwards.
 */
export const REPORT_FREQUENCIES = ['weekly', 'monthly'] as const;
export type ReportFrequency = (typeof REPORT_FREQUENCIES)[number];

export interface ReportPeriod {
  from: string;
  to: string;
}

/** The first day a report is due after `today` (a schedule created on a Monday or the 1st waits for the next one). */
export function firstRunAfter(frequency: ReportFrequency, today: string): string {
  const d = plainDateOf(today);
  if (frequency === 'weekly') return d.add({ days: 8 - d.dayOfWeek }).toString();
  return d.with({ day: 1 }).add({ months: 1 }).toString();
}

/** The period a report made on its due day `runOn` covers. */
export function periodOf(frequency: ReportFrequency, runOn: string): ReportPeriod {
  const d = plainDateOf(runOn);
  if (frequency === 'weekly') {
    const monday = d.subtract({ days: d.dayOfWeek - 1 });
    return { from: monday.subtract({ days: 7 }).toString(), to: monday.subtract({ days: 1 }).toString() };
  }
  const first = d.with({ day: 1 });
  return { from: first.subtract({ months: 1 }).toString(), to: first.subtract({ days: 1 }).toString() };
}

/** The due day after `runOn`. */
export function nextRunAfter(frequency: ReportFrequency, runOn: string): string {
  return firstRunAfter(frequency, runOn);
}

/** How the attached files are named: `rapporto-<last day covered>`. */
export function reportFileBase(periodTo: string): string {
  return `rapporto-${periodTo}`;
}
