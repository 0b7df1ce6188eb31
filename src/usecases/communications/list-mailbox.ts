import type { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { likePattern, offsetOf, type Page } from '../shared/paging.ts';
import { MAILBOX_COLUMNS, mailboxQuery, presentMailboxItem } from './mailbox-query.ts';
import { ListMailboxQuery, type MailboxItem } from './schema.ts';

/** The local mailbox, newest first; `q` searches recipient and subject. */
export async function listMailbox(db: Db, actor: Actor, query: z.input<typeof ListMailboxQuery> = {}): Promise<Page<MailboxItem>> {
  authorize(actor, 'read', 'communication');
  const p = parseInput(ListMailboxQuery, query);
  let q = mailboxQuery(db, actor);
  if (p.q) {
    const pattern = likePattern(p.q);
    q = q.where((eb) => eb.or([eb('m.to_address', 'ilike', pattern), eb('m.subject', 'ilike', pattern)]));
  }
  const [rows, count] = await Promise.all([
    q
      .select([...MAILBOX_COLUMNS])
      .select((eb) => eb('m.body_html', 'is not', null).as('has_html'))
      .orderBy('m.received_at', 'desc')
      .orderBy('m.id', 'desc')
      .limit(p.pageSize)
      .offset(offsetOf(p))
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(presentMailboxItem), total: Number(count.n), page: p.page, pageSize: p.pageSize };
}
