import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { systemActor } from '../../domain/policies.ts';
import { renderLetterPdf, type LetterInput } from '../../integrations/letters/index.ts';
import { recordAudit } from '../shared/audit.ts';
import { encodeMessage, messageOf, msg } from '../../domain/messages/index.ts';

export interface RenderResult {
  rendered: number;
  failed: number;
}

/**
 * Renders the PDFs of the letters the dunning run decided (and the statements of phone tasks): the
 * communications with a decided `letter` and no `pdf` yet, taken with `FOR UPDATE SKIP LOCKED` in
 * small batches (several nodes share the work), each PDF stored with its SHA-256 in the batch's
 * transaction. Rendering is deterministic — the same letter gives the same bytes — so a batch done
 * twice after a crash stores what it would have stored the first time. A letter that cannot be
 * rendered is marked failed with the reason (and audited) instead of blocking the others.
 */
export async function renderPendingLetters(db: Db, opts: { limit?: number; batchSize?: number; tenantId?: string } = {}): Promise<RenderResult> {
  const limit = opts.limit ?? Number.POSITIVE_INFINITY;
  const batchSize = opts.batchSize ?? 20;
  const result: RenderResult = { rendered: 0, failed: 0 };
  while (result.rendered + result.failed < limit) {
    const n = await db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('communications')
        .select(['id', 'tenant_id', 'debtor_id', 'creditor_id', 'letter'])
        .where('pdf', 'is', null)
        .where('letter', 'is not', null)
        .where('status', '<>', 'failed')
        .$if(opts.tenantId !== undefined, (q) => q.where('tenant_id', '=', opts.tenantId!))
        .orderBy('created_at')
        .limit(Math.min(batchSize, limit - result.rendered - result.failed))
        .forUpdate()
        .skipLocked()
        .execute();
      for (const r of rows) {
        let pdf: Buffer;
        try {
          pdf = await renderLetterPdf(r.letter as LetterInput);
        } catch (err) {
          // Stored coded, worded where it is shown (a payment slip's or template's reason is coded too).
          const problem = encodeMessage(messageOf(err));
          await trx
            .updateTable('communications')
            .set({ status: 'failed', error: encodeMessage(msg('dunning.letter_not_rendered', { problem })) })
            .where('id', '=', r.id)
            .execute();
          await recordAudit(trx, systemActor(r.tenant_id, 'letters'), {
            action: 'communication.failed',
            entityType: 'communication',
            entityId: r.id,
            debtorId: r.debtor_id,
            creditorId: r.creditor_id,
            after: { error: problem },
          });
          result.failed++;
          continue;
        }
        await trx
          .updateTable('communications')
          .set({ pdf, sha256: createHash('sha256').update(pdf).digest('hex') })
          .where('id', '=', r.id)
          .where(sql<boolean>`pdf is null`)
          .execute();
        result.rendered++;
      }
      return rows.length;
    });
    if (n === 0) break;
  }
  return result;
}
