import { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { unprocessable } from '../../domain/errors.ts';
import { msg } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { loadCreditor } from '../shared/scope.ts';
import { assignMissingNoticeCodes, generatingSettings } from './notice-codes.ts';

export const NoticeCodesView = z.object({
  /** Open positions that received a notice code now. */
  count: z.number().int(),
  /** The first and last code issued (null when every open position had one). */
  first: z.string().nullable(),
  last: z.string().nullable(),
});
export type NoticeCodesView = z.infer<typeof NoticeCodesView>;

/**
 * Gives every open position of a comune whose pagoPA notices incasso generates (as its technological
 * partner) the notice code it lacks; codes already there are kept. A supervisor's or administrator's
 * act, recorded in the audit log. A creditor whose codes are supplied is refused with the reason (422).
 */
export async function generateNoticeCodes(db: Db, actor: Actor, creditorId: string): Promise<NoticeCodesView> {
  return db.transaction().execute((trx) => issueNoticeCodes(trx, actor, creditorId));
}

/** `generateNoticeCodes` on a transaction the caller holds. */
export async function issueNoticeCodes(trx: Trx, actor: Actor, creditorId: string): Promise<NoticeCodesView> {
  const creditor = await loadCreditor(trx, actor, creditorId, { forUpdate: true });
  authorize(actor, 'update', 'creditor');
  if (creditor.kind !== 'public_entity' || !generatingSettings(creditor.pagopa)) throw unprocessable(msg('municipal.notices_not_generated'));
  const result = await assignMissingNoticeCodes(trx, actor.tenantId, creditor.id);
  if (result.count > 0) {
    await recordAudit(trx, actor, {
      action: 'creditor.notice_codes_generated',
      entityType: 'creditor',
      entityId: creditor.id,
      creditorId: creditor.id,
      after: { ...result },
    });
  }
  return result;
}
