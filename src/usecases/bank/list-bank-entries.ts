import type { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { isMessageCode, translate, type Locale, type Message } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { BankEntriesQuery, type BankEntryView } from './schema.ts';

/**
 * The reconciliation list (issue 15 item 4) — or the matched and ignored entries — newest first, with
 * the reason an entry waits in the reader's language and the suggested debtors by name.
 */
export async function listBankEntries(db: Db, actor: Actor, query: z.input<typeof BankEntriesQuery>, locale: Locale) {
  authorize(actor, 'read', 'payment');
  const q = parseInput(BankEntriesQuery, query);
  let base = db.selectFrom('bank_entries as e').where('e.tenant_id', '=', actor.tenantId).where('e.state', '=', q.state);
  if (q.fileId) base = base.where('e.file_id', '=', q.fileId);
  const [{ total }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    base
      .selectAll('e')
      .orderBy('e.created_at', 'desc')
      .orderBy('e.id')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
  ]);
  type Suggestion = { debtorId: string; creditorId?: string | null; claimIds: string[]; why: string | null };
  const suggestionsOf = (r: (typeof rows)[number]) => (r.suggestions as Suggestion[] | null) ?? [];
  const suggested = rows.flatMap((r) => suggestionsOf(r).map((s) => s.debtorId));
  const names = new Map(
    suggested.length ? (await db.selectFrom('debtors').select(['id', 'display_name']).where('tenant_id', '=', actor.tenantId).where('id', 'in', suggested).execute()).map((d) => [d.id, d.display_name]) : [],
  );
  const creditors = new Map((await db.selectFrom('creditors').select(['id', 'name']).where('tenant_id', '=', actor.tenantId).execute()).map((c) => [c.id, c.name]));
  const items: BankEntryView[] = rows.map((r) => {
    const reason = r.reason as Message | null;
    return {
      id: r.id,
      fileId: r.file_id,
      account: r.account,
      direction: r.direction,
      reversal: r.reversal,
      amount: r.amount,
      currency: r.currency,
      bookingDate: r.booking_date,
      valueDate: r.value_date,
      partyName: r.party_name,
      partyIban: r.party_iban,
      remittance: r.remittance,
      references: r.refs,
      returnReason: r.return_reason,
      state: r.state,
      matchedBy: r.matched_by,
      reason: reason && isMessageCode(reason.code) ? translate(reason, locale) : null,
      reasonCode: reason?.code ?? null,
      paymentId: r.payment_id,
      paymentIds: r.payment_ids,
      suggestions: suggestionsOf(r)
        .filter((s) => names.has(s.debtorId))
        .map((s) => ({
          debtorId: s.debtorId,
          debtorName: names.get(s.debtorId)!,
          creditorId: s.creditorId ?? null,
          creditorName: s.creditorId ? (creditors.get(s.creditorId) ?? null) : null,
          claimIds: s.claimIds,
          why: s.why,
        })),
    };
  });
  return { items, total: Number(total), page: q.page, pageSize: q.pageSize };
}
