import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { today } from '../../domain/dates.ts';
import { invalid } from '../../domain/errors.ts';
import { msg } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { checkVersion } from '../shared/present.ts';
import { ReleaseGuaranteeInput, type GuaranteeView } from './schema.ts';
import { guaranteeView, loadGuarantee } from './views.ts';

/**
 * Releases a guarantee (svincolo: the debt paid, the relationship closed, the deposit returned): the
 * creditor gives up a security, so it is a supervisor's decision (`waiver`), with the reason recorded.
 * An expired guarantee can be released too (the document returned); an enforced or released one cannot.
 */
export async function releaseGuarantee(db: Db, actor: Actor, id: string, input: z.input<typeof ReleaseGuaranteeInput>): Promise<GuaranteeView> {
  await db.transaction().execute((trx) => returnGuarantee(trx, actor, id, input));
  return guaranteeView(db, actor, id);
}

/** `releaseGuarantee` on a transaction the caller holds. */
export async function returnGuarantee(trx: Trx, actor: Actor, id: string, input: z.input<typeof ReleaseGuaranteeInput>, opts: { today?: string } = {}): Promise<void> {
  const data = parseInput(ReleaseGuaranteeInput, input);
  const now = opts.today ?? today().toString();
  const g = await loadGuarantee(trx, actor, id, { forUpdate: true });
  authorize(actor, 'create', 'waiver');
  checkVersion(g.version, data.version);
  if (g.state !== 'active') throw invalid([], msg('guarantees.not_active'));
  await trx
    .updateTable('guarantees')
    .set({ state: 'released', released_on: now, release_reason: data.reason, version: sql`version + 1`, updated_at: sql`now()` })
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', g.id)
    .execute();
  await recordAudit(trx, actor, {
    action: 'guarantee.released',
    entityType: 'guarantee',
    entityId: g.id,
    debtorId: g.debtor_id,
    creditorId: g.creditor_id,
    before: { state: g.state, releasedOn: null, releaseReason: null },
    after: { state: 'released', releasedOn: now, releaseReason: data.reason },
  });
}
