import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { neutralSubject } from '../../domain/dunning/index.ts';
import { OPEN_STATUSES } from '../../domain/model.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';

/**
 * A few open phone tasks for the demo, so the "Telefonate" page has calls to make (and the contact
 * rules something to decide) before the first dunning run: debtors reachable on a phone number of
 * their own (not a third party's, consent not withdrawn), for one creditor's open euro claims. They
 * are not tied to a claim's step, so the engine's steps are left exactly as they are.
 */
export async function insertDemoPhoneTasks(trx: Db, actor: Actor, today: string, count = 3): Promise<number> {
  const { rows } = await sql<{ debtor_id: string; language: 'it' | 'de' | 'fr' | 'en'; contact_id: string; phone: string; creditor_id: string; amount: string }>`
    select d.id as debtor_id, d.language, ct.id as contact_id, ct.value as phone, x.creditor_id, x.amount::text as amount
      from debtors d
      join lateral (select c.id, c.value from contacts c
                     where c.tenant_id = d.tenant_id and c.debtor_id = d.id and c.channel in ('mobile', 'phone')
                       and not c.third_party and c.consent <> 'withdrawn' and c.status <> 'invalid'
                     order by c.channel, c.id limit 1) ct on true
      join lateral (select cl.creditor_id, sum(cl.principal - cl.principal_paid) as amount from claims cl
                     where cl.tenant_id = d.tenant_id and cl.debtor_id = d.id and cl.currency = 'EUR'
                       and cl.status in (${sql.join(OPEN_STATUSES.map((s) => sql.lit(s)))})
                     group by cl.creditor_id order by cl.creditor_id limit 1) x on true
     where d.tenant_id = ${actor.tenantId} and not d.deceased and not d.hardship and x.amount > 0
     order by d.display_name, d.id
     limit ${count}`.execute(trx);
  for (const r of rows) {
    const id = randomUUID();
    const script =
      'Telefonata di cortesia: verificare che il debitore abbia ricevuto le comunicazioni, ' +
      'ascoltare le sue ragioni e proporre, se serve, un piano di rientro. Non lasciare messaggi in segreteria ' +
      'e non parlare della pratica con terzi.';
    await trx
      .insertInto('communications')
      .values({
        id,
        tenant_id: actor.tenantId,
        debtor_id: r.debtor_id,
        creditor_id: r.creditor_id,
        run_date: today,
        step_no: 1,
        step_key: 'telefonata-demo',
        tier: 'negotiation',
        channel: 'phone_task',
        contact_id: r.contact_id,
        recipient: r.phone,
        language: r.language,
        subject: neutralSubject(r.language, 'offer'),
        currency: 'EUR',
        amount: r.amount,
        status: 'task_open',
        // The operator's script as text: no stored document (a PDF or HTML would carry its SHA-256).
        body_text: script,
        sha256: null,
      })
      .execute();
    await recordAudit(trx, actor, {
      action: 'communication.created',
      entityType: 'communication',
      entityId: id,
      debtorId: r.debtor_id,
      creditorId: r.creditor_id,
      after: { channel: 'phone_task', recipient: r.phone, amount: r.amount, currency: 'EUR' },
    });
  }
  return rows.length;
}
