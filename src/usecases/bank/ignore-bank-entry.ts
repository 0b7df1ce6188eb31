import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { conflict, notFound } from '../../domain/errors.ts';
import { msg } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { IgnoreBankEntryInput } from './schema.ts';

/**
 * A person sets a waiting bank entry aside (not a debtor's payment: a fee, a transfer between the
 * agency's accounts, a debit already handled), with the reason, audited. It stays on record.
 */
export async function ignoreBankEntry(db: Db, actor: Actor, entryId: string, input: z.input<typeof IgnoreBankEntryInput>) {
  authorize(actor, 'create', 'payment');
  const data = parseInput(IgnoreBankEntryInput, input);
  return db.transaction().execute(async (trx) => {
    const entry = await trx.selectFrom('bank_entries').select(['id', 'state', 'amount']).where('tenant_id', '=', actor.tenantId).where('id', '=', entryId).forUpdate().executeTakeFirst();
    if (!entry) throw notFound('bank_entry');
    if (entry.state !== 'to_reconcile') throw conflict(msg('bank.entry_resolved'));
    await trx
      .updateTable('bank_entries')
      .set({ state: 'ignored', reason: JSON.stringify(msg('bank.ignored_by_person', { reason: data.reason })), resolved_by: actor.userId, resolved_at: sql`now()` })
      .where('tenant_id', '=', actor.tenantId)
      .where('id', '=', entryId)
      .execute();
    await recordAudit(trx, actor, { action: 'bank_entry.ignored', entityType: 'bank_entry', entityId: entryId, before: { state: entry.state }, after: { state: 'ignored', reason: data.reason, amount: entry.amount } });
    return { id: entryId, state: 'ignored' as const };
  });
}
