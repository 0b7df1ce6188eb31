import type { Db } from '../../db/connect.ts';
import { notFound } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { MAILBOX_COLUMNS, mailboxQuery, presentMailboxItem } from './mailbox-query.ts';
import type { MailboxMessage } from './schema.ts';

/** One message of the local mailbox with its text and HTML bodies as they were sent. */
export async function getMailboxMessage(db: Db, actor: Actor, id: string): Promise<MailboxMessage> {
  authorize(actor, 'read', 'communication');
  // Mailbox ids are numbers: anything else names nothing.
  if (!/^[1-9]\d{0,17}$/.test(id)) throw notFound('message');
  const row = await mailboxQuery(db, actor)
    .select([...MAILBOX_COLUMNS, 'm.body_text', 'm.body_html'])
    .select((eb) => eb('m.body_html', 'is not', null).as('has_html'))
    .where('m.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('message');
  return { ...presentMailboxItem(row), bodyText: row.body_text, bodyHtml: row.body_html };
}
