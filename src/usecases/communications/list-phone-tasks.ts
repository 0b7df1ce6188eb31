import type { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { claimsOf } from './communication-query.ts';
import { localMoment, PHONE_TIME_ZONE, phoneDays, phoneHistory, taskCompliance, tenantComplianceRules } from './phone-compliance.ts';
import { phoneTasksQuery, presentPhoneTask } from './phone-task-query.ts';
import { ListPhoneTasksQuery, type PhoneTasksView } from './schema.ts';
import type { ContactBlock } from '../../domain/dunning/index.ts';
import { DEFAULT_LOCALE, translate, type Locale } from '../../domain/messages/index.ts';

/**
 * The open phone tasks, oldest first, each with whether a call is permitted at `now`, the next
 * permitted moment and the days its debtor's limits close — from the tenant's contact rules and the
 * debtor's calls this week. With the tenant's calling windows for the next 14 days, so a screen can
 * keep deciding with its own clock. `now` is a parameter: the route passes the real time. Why a call
 * is not permitted is worded in `locale`.
 */
export async function listPhoneTasks(
  db: Db,
  actor: Actor,
  query: z.input<typeof ListPhoneTasksQuery> = {},
  now: Date = new Date(),
  locale: Locale = DEFAULT_LOCALE,
): Promise<PhoneTasksView> {
  authorize(actor, 'read', 'communication');
  const p = parseInput(ListPhoneTasksQuery, query);
  const rules = await tenantComplianceRules(db, actor.tenantId);
  const at = localMoment(now);
  const days = phoneDays(rules, at.date);

  let q = phoneTasksQuery(db, actor, at.date).where('c.status', '=', 'task_open');
  if (p.creditorId) q = q.where('c.creditor_id', '=', p.creditorId);
  if (p.debtorId) q = q.where('c.debtor_id', '=', p.debtorId);
  const [rows, count] = await Promise.all([
    q.orderBy('c.run_date').orderBy('c.created_at').orderBy('c.ref_no').limit(p.limit).execute(),
    q.clearSelect().select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const [history, claims] = await Promise.all([
    phoneHistory(db, actor.tenantId, rows.map((r) => r.debtor_id), at.date),
    claimsOf(db, actor, rows.map((r) => r.id)),
  ]);
  return {
    now: at,
    timeZone: PHONE_TIME_ZONE,
    days,
    tasks: rows.map((r) => {
      const c = taskCompliance(rules, at, history.get(r.debtor_id) ?? [], days);
      const word = <T extends ContactBlock>(b: T) => ({ ...b, message: translate(b.message, locale) });
      return {
        ...presentPhoneTask(r, (claims.get(r.id) ?? []).map((x) => ({ claimId: x.claimId, externalRef: x.externalRef }))),
        ...c,
        blockedNow: c.blockedNow && word(c.blockedNow),
        blockedDays: c.blockedDays.map(word),
      };
    }),
    total: Number(count.n),
  };
}
