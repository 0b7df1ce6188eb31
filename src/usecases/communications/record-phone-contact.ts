import type { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { checkPhoneContact, nextPhoneSlot, type ContactBlock, type ContactMoment } from '../../domain/dunning/index.ts';
import { conflict, notFound } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { assertId } from '../shared/scope.ts';
import { claimsOf } from './communication-query.ts';
import { localMoment, phoneHistory, tenantComplianceRules } from './phone-compliance.ts';
import { phoneTasksQuery, presentPhoneTask } from './phone-task-query.ts';
import { RecordPhoneContactInput, type PhoneContactView } from './schema.ts';

export type PhoneContactResult =
  | ({ recorded: true } & PhoneContactView)
  | {
      recorded: false;
      /** Why the call is not permitted now; the refused attempt is in the contact log all the same. */
      refusal: ContactBlock & { nextSlot: ContactMoment | null };
      at: ContactMoment;
      contactLogId: string;
    };

/** The debtor answered (and spoke, or refused to): the limits count a conversation. */
const REACHED = new Set(['conversation', 'refused']);

/**
 * Records a call made for a phone task. The contact rules are checked again here, at `now` in
 * Europe/Rome (the screen's clock may be wrong or the page old): outside the calling windows, on a
 * Sunday or holiday, or past the debtor's daily/weekly limits the call is refused — and the refused
 * attempt is logged with its reason and audited, committed even though nothing else changes. An
 * allowed call goes into the contact log; a conversation (or a refusal to talk) closes the task.
 * Calls for one debtor are serialised (the debtor row is locked), so two operators cannot both take
 * the day's last conversation.
 */
export async function recordPhoneContact(
  db: Db,
  actor: Actor,
  taskId: string,
  input: z.input<typeof RecordPhoneContactInput>,
  now: Date = new Date(),
): Promise<PhoneContactResult> {
  const data = parseInput(RecordPhoneContactInput, input);
  assertId(taskId, 'phone_task');
  const at = localMoment(now);
  return db.transaction().execute(async (trx) => {
    const task = await phoneTasksQuery(trx, actor).where('c.id', '=', taskId).executeTakeFirst();
    if (!task) throw notFound('phone_task');
    authorize(actor, 'update', 'communication');
    await trx.selectFrom('debtors').select('id').where('tenant_id', '=', actor.tenantId).where('id', '=', task.debtor_id).forUpdate().execute();
    const status = (
      await trx.selectFrom('communications').select('status').where('tenant_id', '=', actor.tenantId).where('id', '=', taskId).forUpdate().executeTakeFirstOrThrow()
    ).status;
    if (status !== 'task_open') {
      throw conflict(`La telefonata non è più aperta (stato: ${status}) (the phone task is no longer open)`);
    }

    const rules = await tenantComplianceRules(trx, actor.tenantId);
    const history = (await phoneHistory(trx, actor.tenantId, [task.debtor_id], at.date)).get(task.debtor_id) ?? [];
    const check = checkPhoneContact(rules, at, history);
    const reached = REACHED.has(data.outcome);
    const log = await trx
      .insertInto('contact_log')
      .values({
        tenant_id: actor.tenantId,
        debtor_id: task.debtor_id,
        communication_id: task.id,
        channel: 'phone_task',
        kind: check.allowed && reached ? 'conversation' : 'phone_attempt',
        contact_id: task.contact_id,
        local_date: at.date,
        local_time: at.time,
        allowed: check.allowed,
        reason: check.allowed ? null : `${check.reason.code}: ${check.reason.message}`,
        actor_label: actor.label,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const contactLogId = String(log.id);

    if (!check.allowed) {
      const nextSlot = nextPhoneSlot(rules, at, history);
      await recordAudit(trx, actor, {
        action: 'communication.phone_contact_refused',
        entityType: 'communication',
        entityId: task.id,
        debtorId: task.debtor_id,
        creditorId: task.creditor_id,
        after: { code: check.reason.code, reason: check.reason.message, localDate: at.date, localTime: at.time, nextSlot, contactLogId },
      });
      return { recorded: false as const, refusal: { ...check.reason, nextSlot }, at, contactLogId };
    }

    const done = data.outcome === 'conversation' || data.outcome === 'refused';
    if (done) {
      await trx
        .updateTable('communications')
        .set({ status: 'task_done', sent_at: now })
        .where('tenant_id', '=', actor.tenantId)
        .where('id', '=', task.id)
        .execute();
    }
    const after = done ? 'task_done' : 'task_open';
    await recordAudit(trx, actor, {
      action: 'communication.phone_contact_recorded',
      entityType: 'communication',
      entityId: task.id,
      debtorId: task.debtor_id,
      creditorId: task.creditor_id,
      before: done ? { status } : null,
      after: { ...(done ? { status: after } : {}), outcome: data.outcome, note: data.note ?? null, localDate: at.date, localTime: at.time, contactLogId },
    });
    const claims = (await claimsOf(trx, actor, [task.id])).get(task.id) ?? [];
    return {
      recorded: true as const,
      task: { ...presentPhoneTask(task, claims.map((c) => ({ claimId: c.claimId, externalRef: c.externalRef }))), status: after },
      outcome: data.outcome,
      at,
      contactLogId,
    };
  });
}
