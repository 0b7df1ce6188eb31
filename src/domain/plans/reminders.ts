import { parseDate } from '../dates.ts';
import { money } from '../money.ts';
import type { InstalmentStatus } from './lapse.ts';
import type { PlanReminderRules } from './rules.ts';

export type PlanReminderKind = 'courtesy' | 'express';

export interface DueReminder {
  number: number;
  kind: PlanReminderKind;
  dueOn: string;
  /** What is still owed on the instalment (its amount less what filled it). */
  missing: string;
}

/**
 * Which reminders are due today on a running plan's instalments (issue 15 item 1): "each instalment
 * gets a reminder before and after its due date".
 * - courtesy: from `courtesyDaysBefore` days before the due date to the due date itself, for an
 *   instalment not yet covered, once (`courtesyOn` set: sent);
 * - express (espresso sollecito, art. 1 c.800 L. 160/2019 — the one the lapse counts): from
 *   `expressDaysAfter` days after the due date, for an instalment still not covered, once
 *   (`remindedOn` set: sent, or recorded by hand).
 * A job that did not run for some days catches up: a courtesy reminder whose due date passed is not
 * sent any more (the express one follows), an express one is sent late rather than never.
 */
export function remindersDue(
  rules: PlanReminderRules,
  instalments: readonly (InstalmentStatus & { courtesyOn: string | null; remindedOn: string | null })[],
  today: string,
): DueReminder[] {
  const out: DueReminder[] = [];
  for (const i of instalments) {
    if (i.state === 'paid') continue;
    const missing = money(i.amount).minus(i.paid).toFixed(2);
    const due = parseDate(i.dueOn);
    if (rules.courtesyDaysBefore !== null && i.courtesyOn === null && i.remindedOn === null && today <= i.dueOn && today >= due.subtract({ days: rules.courtesyDaysBefore }).toString()) {
      out.push({ number: i.number, kind: 'courtesy', dueOn: i.dueOn, missing });
    }
    if (rules.expressDaysAfter !== null && i.remindedOn === null && today > i.dueOn && today >= due.add({ days: rules.expressDaysAfter }).toString()) {
      out.push({ number: i.number, kind: 'express', dueOn: i.dueOn, missing });
    }
  }
  return out;
}
