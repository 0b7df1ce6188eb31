import type { SqlBool } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import type { MailboxItem } from './schema.ts';

/**
 * The tenant's local mailbox (e-mails "sent" while no SMTP server is configured), with the
 * communication and debtor each message belongs to. A viewer reads only the messages of its
 * creditor's communications.
 */
export function mailboxQuery(db: Db, actor: Actor) {
  let q = db
    .selectFrom('local_mailbox as m')
    .leftJoin('communications as c', (j) => j.onRef('c.message_id', '=', 'm.message_id').onRef('c.tenant_id', '=', 'm.tenant_id'))
    .leftJoin('debtors as d', (j) => j.onRef('d.id', '=', 'c.debtor_id').onRef('d.tenant_id', '=', 'c.tenant_id'))
    .where('m.tenant_id', '=', actor.tenantId);
  if (actor.creditorId !== null) q = q.where('c.creditor_id', '=', actor.creditorId);
  return q;
}

export const MAILBOX_COLUMNS = [
  'm.id',
  'm.message_id',
  'm.to_address',
  'm.subject',
  'm.received_at',
  'c.id as communication_id',
  'c.debtor_id',
  'd.display_name as debtor_name',
] as const;

export function presentMailboxItem(r: {
  id: string;
  message_id: string;
  to_address: string;
  subject: string;
  received_at: Date;
  has_html: SqlBool;
  communication_id: string | null;
  debtor_id: string | null;
  debtor_name: string | null;
}): MailboxItem {
  return {
    id: String(r.id),
    messageId: r.message_id,
    to: r.to_address,
    subject: r.subject,
    receivedAt: r.received_at.toISOString(),
    hasHtml: Boolean(r.has_html),
    communicationId: r.communication_id,
    debtorId: r.debtor_id,
    debtorName: r.debtor_name,
  };
}
