import type { Db } from '../../db/connect.ts';
import { sendPlanReminders } from '../../usecases/plans/send-plan-reminders.ts';
import type { JobHandler } from '../port.ts';

/**
 * Every morning (in office hours, so the contact rules' quiet hours let e-mails go): the courtesy
 * reminders before an instalment's due date and the express reminders after an unpaid one.
 */
export function planRemindersJob(db: Db): JobHandler {
  return {
    name: 'plan-reminders',
    cron: '15 9 * * *',
    run: async () => {
      await sendPlanReminders(db);
    },
  };
}
