import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import { pastTermSql } from '../dunning/time-barred.ts';
import { visibleCommunications } from './communication-query.ts';

/**
 * Phone tasks the actor may see, with their debtor and creditor names. A task whose positions are all
 * past their decadenza or prescription term on `today` (ISO, Europe/Rome; default: today there) is
 * not there: such a position is never called (src/domain/municipal/terms.ts), it is on the comune's
 * review list. A task with no position linked stays.
 */
export function phoneTasksQuery(db: Db, actor: Actor, today?: string) {
  const day = today ?? sql`(now() at time zone 'Europe/Rome')::date`;
  return visibleCommunications(db, actor)
    .innerJoin('debtors as d', (j) => j.onRef('d.id', '=', 'c.debtor_id').onRef('d.tenant_id', '=', 'c.tenant_id'))
    .where('c.channel', '=', 'phone_task')
    .where(
      sql<boolean>`(not exists (select 1 from communication_claims tcc where tcc.communication_id = c.id and not tcc.superseded)
        or exists (select 1 from communication_claims tcc join claims tcl on tcl.id = tcc.claim_id
                    where tcc.communication_id = c.id and not tcc.superseded and not ${pastTermSql('tcl', day)}))`,
    )
    .select([
      'c.id',
      'c.ref_no',
      'c.debtor_id',
      'd.display_name as debtor_name',
      'c.creditor_id',
      'cr.name as creditor_name',
      'c.recipient',
      'c.contact_id',
      'c.subject',
      'c.tier',
      'c.step_no',
      'c.run_date',
      'c.currency',
      'c.amount',
      'c.fees',
      'c.status',
      'c.created_at',
    ]);
}

export type PhoneTaskRow = Awaited<ReturnType<ReturnType<typeof phoneTasksQuery>['execute']>>[number];

export function presentPhoneTask(r: PhoneTaskRow, claims: { claimId: string; externalRef: string }[]) {
  return {
    id: r.id,
    refNo: r.ref_no,
    debtorId: r.debtor_id,
    debtorName: r.debtor_name,
    creditorId: r.creditor_id,
    creditorName: r.creditor_name,
    recipient: r.recipient,
    contactId: r.contact_id,
    subject: r.subject,
    tier: r.tier,
    stepNo: r.step_no,
    runDate: r.run_date,
    currency: r.currency,
    amount: r.amount,
    fees: r.fees,
    createdAt: r.created_at.toISOString(),
    claims,
  };
}
