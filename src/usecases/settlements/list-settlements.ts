import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { fieldError, invalid } from '../../domain/errors.ts';
import { uuid } from '../../domain/fields.ts';
import { DEFAULT_LOCALE, isMessageCode, msg, rawText, translate, type Locale } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { settlementViewOf } from './settlement-query.ts';
import { SettlementView } from './schema.ts';

export const ListSettlementsQuery = z.strictObject({ debtorId: uuid.optional(), claimId: uuid.optional() });

export const SettlementListItem = SettlementView.extend({
  /** `approvals` worded in the reader's language: why a supervisor must (or had to) approve. */
  reasons: z.array(z.string()),
});
export type SettlementListItem = z.infer<typeof SettlementListItem>;
export const SettlementList = z.object({ items: z.array(SettlementListItem) });

/** A debtor's (or a position's) settlement offers, newest first, as the actor may see them (a viewer: its creditor's). */
export async function listSettlements(db: Db, actor: Actor, query: z.input<typeof ListSettlementsQuery>, locale: Locale = DEFAULT_LOCALE): Promise<{ items: SettlementListItem[] }> {
  const q = parseInput(ListSettlementsQuery, query);
  authorize(actor, 'read', 'claim');
  if (!q.debtorId && !q.claimId) throw invalid([fieldError('debtorId', 'field.required')]);
  let sel = db.selectFrom('settlements').selectAll().where('tenant_id', '=', actor.tenantId);
  if (actor.creditorId !== null) sel = sel.where('creditor_id', '=', actor.creditorId);
  if (q.debtorId) sel = sel.where('debtor_id', '=', q.debtorId);
  if (q.claimId) sel = sel.where((eb) => eb(eb.val(q.claimId!), '=', eb.fn.any('claim_ids')));
  const rows = await sel.orderBy('offered_on', 'desc').orderBy('created_at', 'desc').orderBy('id').limit(500).execute();
  return {
    items: rows.map((r) => {
      const view = settlementViewOf(r);
      return { ...view, reasons: view.approvals.map((c) => translate(isMessageCode(c) ? msg(c) : rawText(c), locale)) };
    }),
  };
}
