import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { today } from '../../domain/dates.ts';
import { conflict, fieldError, invalid } from '../../domain/errors.ts';
import { DEFAULT_LOCALE, msg, type Locale } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { fetchPlanView } from './plan-query.ts';
import { RecordPlanReminderInput, type PlanView } from './schema.ts';
import { loadPlan } from './scope.ts';

/**
 * Records the express reminder (sollecito) sent about an instalment of a running plan. The lapse of
 * c.800 counts an unpaid instalment only "dopo espresso sollecito": the evaluation never assumes a
 * reminder was sent, it reads this day. The first reminder of an instalment is kept (a second one does
 * not move the day). Called by a person today; by the letter run when plan reminders are sent (to come).
 */
export async function recordPlanReminder(db: Db, actor: Actor, id: string, input: z.input<typeof RecordPlanReminderInput>, opts: { today?: string } = {}, locale: Locale = DEFAULT_LOCALE): Promise<PlanView> {
  return db.transaction().execute((trx) => bookPlanReminder(trx, actor, id, input, opts, locale));
}

/** `recordPlanReminder` on a transaction the caller holds (a letter run records each one it sends). */
export async function bookPlanReminder(trx: Trx, actor: Actor, id: string, input: z.input<typeof RecordPlanReminderInput>, opts: { today?: string } = {}, locale: Locale = DEFAULT_LOCALE): Promise<PlanView> {
  const data = parseInput(RecordPlanReminderInput, input);
  const plan = await loadPlan(trx, actor, id, { forUpdate: true });
  authorize(actor, 'update', 'claim');
  if (plan.state !== 'active') throw conflict(msg('plans.not_running', { state: plan.state }));
  const todayIso = opts.today ?? today().toString();
  const sentOn = data.sentOn ?? todayIso;
  if (sentOn > todayIso) throw invalid([fieldError('sentOn', 'plans.reminder_future')]);
  const row = await trx.selectFrom('plan_instalments').select(['reminded_on']).where('tenant_id', '=', actor.tenantId).where('plan_id', '=', id).where('number', '=', data.number).executeTakeFirst();
  if (!row) throw invalid([fieldError('number', 'plans.no_such_instalment', { number: data.number })]);
  if (row.reminded_on === null) {
    await trx.updateTable('plan_instalments').set({ reminded_on: sentOn }).where('tenant_id', '=', actor.tenantId).where('plan_id', '=', id).where('number', '=', data.number).execute();
    await recordAudit(trx, actor, {
      action: 'plan.reminder_recorded',
      entityType: 'plan',
      entityId: id,
      debtorId: plan.debtor_id,
      creditorId: plan.creditor_id,
      after: { number: data.number, sentOn },
    });
  }
  return fetchPlanView(trx, actor, id, locale);
}
