import type { Db } from '../../db/connect.ts';
import { notFound } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { assertId } from '../shared/scope.ts';
import { loadGuarantee } from './views.ts';

/** The demand sent to a guarantor, as sent (its PDF and SHA-256). */
export async function getGuarantorLetter(db: Db, actor: Actor, guaranteeId: string, letterId: string): Promise<{ pdf: Buffer; sha256: string; fileName: string }> {
  const g = await loadGuarantee(db, actor, guaranteeId);
  authorize(actor, 'read', 'claim');
  assertId(letterId, 'attachment');
  const row = await db.selectFrom('guarantor_letters').select(['pdf', 'sha256', 'sent_on']).where('tenant_id', '=', actor.tenantId).where('guarantee_id', '=', g.id).where('id', '=', letterId).executeTakeFirst();
  if (!row) throw notFound('attachment');
  return { pdf: row.pdf, sha256: row.sha256, fileName: `escussione-${row.sent_on}.pdf` };
}
