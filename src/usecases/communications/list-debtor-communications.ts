import type { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { offsetOf, type Page } from '../shared/paging.ts';
import { loadDebtor } from '../shared/scope.ts';
import { claimsOf, communicationColumns, presentCommunication, visibleCommunications } from './communication-query.ts';
import { ListDebtorCommunicationsQuery, type CommunicationView } from './schema.ts';
import { DEFAULT_LOCALE, type Locale } from '../../domain/messages/index.ts';

/**
 * A debtor's communications, newest first: what was sent or is waiting (letters to print, phone
 * tasks), by which channel, at which step, for how much, with the claims each one was about and the
 * SHA-256 of its stored document. A viewer sees only those for its creditor.
 */
export async function listDebtorCommunications(
  db: Db,
  actor: Actor,
  debtorId: string,
  query: z.input<typeof ListDebtorCommunicationsQuery> = {},
  locale: Locale = DEFAULT_LOCALE,
): Promise<Page<CommunicationView>> {
  authorize(actor, 'read', 'communication');
  const p = parseInput(ListDebtorCommunicationsQuery, query);
  await loadDebtor(db, actor, debtorId);
  const [rows, count] = await Promise.all([
    communicationColumns(db, actor)
      .where('c.debtor_id', '=', debtorId)
      .orderBy('c.created_at', 'desc')
      .orderBy('c.ref_no', 'desc')
      .limit(p.pageSize)
      .offset(offsetOf(p))
      .execute(),
    visibleCommunications(db, actor)
      .where('c.debtor_id', '=', debtorId)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const claims = await claimsOf(db, actor, rows.map((r) => r.id));
  return {
    items: rows.map((r) => presentCommunication(r, claims.get(r.id) ?? [], locale)),
    total: Number(count.n),
    page: p.page,
    pageSize: p.pageSize,
  };
}
