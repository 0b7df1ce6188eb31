import type { Trx } from '../../db/connect.ts';
import { conflict } from '../../domain/errors.ts';
import { msg } from '../../domain/messages/index.ts';

/**
 * Refuses a pagoPA notice code another position of the same comune already carries: a notice code
 * identifies one payment position of one ente creditore (municipal-notes.md §2.3; the unique index
 * `claims_notice_code` on (tenant_id, creditor_id, notice_code) backs this in the database). The
 * claim being changed (`exceptClaimId`) does not clash with itself.
 */
export async function assertNoticeCodeFree(trx: Trx, tenantId: string, creditorId: string, code: string, exceptClaimId?: string): Promise<void> {
  let q = trx
    .selectFrom('claims')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('creditor_id', '=', creditorId)
    .where('notice_code', '=', code);
  if (exceptClaimId) q = q.where('id', '!=', exceptClaimId);
  const taken = await q.executeTakeFirst();
  if (taken) throw conflict(msg('claim.notice_code_taken', { code }));
}
