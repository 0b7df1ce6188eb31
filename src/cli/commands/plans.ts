import { Command } from '@commander-js/extra-typings';
import type { Config } from '../../config.ts';
import { today } from '../../domain/dates.ts';
import { msg, translate } from '../../domain/messages/index.ts';
import { evaluatePlans } from '../../usecases/plans/evaluate-plans.ts';
import { sendPlanReminders } from '../../usecases/plans/send-plan-reminders.ts';
import { closeDueSettlements } from '../../usecases/settlements/close-due-settlements.ts';
import { withDatabase } from '../open.ts';

/**
 * `incasso plans daily`: the day's work on plans and settlements, now — what the scheduler does every
 * night (`plan-reminders`, `evaluate-plans`, `close-settlements`): reminders before and after each
 * instalment's due date, instalments filled and lapses (c.800), settlements paid or expired. For an
 * installation whose server was down at night, and for demos under INCASSO_CLOCK. Safe to repeat: each
 * step is done once per plan, instalment and day.
 */
export function plansCommand(config: () => Config) {
  const cmd = new Command('plans').description('Instalment plans and settlements');
  cmd
    .command('daily')
    .description('send the due instalment reminders, evaluate the running plans and close due settlements, now (as the nightly jobs)')
    .option('--json', 'print the figures as JSON')
    .action((o) =>
      withDatabase(config(), async (database, locale) => {
        const day = today().toString();
        const reminders = await sendPlanReminders(database.db, { date: day });
        const plans = await evaluatePlans(database.db, day);
        const settlements = await closeDueSettlements(database.db, day);
        const figures = { day, reminders: { ...reminders, failed: reminders.failed.length }, plans, settlements };
        if (o.json) console.log(JSON.stringify(figures));
        else {
          console.log(
            translate(
              msg('plans.daily_done', {
                day,
                courtesy: reminders.courtesy,
                express: reminders.express,
                blocked: reminders.blocked,
                evaluated: plans.evaluated,
                paid: plans.paid,
                lapsed: plans.lapsed,
                settled: settlements.paid,
                expired: settlements.expired,
              }),
              locale,
            ),
          );
          for (const f of reminders.failed) console.log(`  ${f.planId}: ${translate(f.message, locale)}`);
        }
        if (reminders.failed.length) process.exitCode = 1;
      }),
    );
  return cmd;
}
