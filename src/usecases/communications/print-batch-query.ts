import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import type { PrintBatchView } from './schema.ts';

/**
 * Print batches the actor may see. A batch may hold letters of several creditors: a viewer sees only
 * batches whose letters are all its creditor's.
 */
export function printBatchesQuery(db: Db, actor: Actor) {
  let q = db.selectFrom('print_batches as b').leftJoin('users as u', 'u.id', 'b.created_by').where('b.tenant_id', '=', actor.tenantId);
  if (actor.creditorId !== null) {
    const creditorId = actor.creditorId;
    q = q.where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('communications as pc')
            .select(sql`1`.as('one'))
            .whereRef('pc.print_batch_id', '=', 'b.id')
            .whereRef('pc.tenant_id', '=', 'b.tenant_id')
            .where('pc.creditor_id', '!=', creditorId),
        ),
      ),
    );
  }
  return q;
}

export const PRINT_BATCH_COLUMNS = [
  'b.id',
  'b.ref_no',
  'b.letters',
  'b.pages',
  'b.duplex',
  'b.pdf_sha256',
  'b.manifest_sha256',
  'b.actor_label',
  'u.name as user_name',
  'b.created_at',
] as const;

export function presentPrintBatch(r: {
  id: string;
  ref_no: string;
  letters: number;
  pages: number;
  duplex: boolean;
  pdf_sha256: string;
  pdf_bytes: number | string;
  manifest_sha256: string;
  actor_label: string;
  user_name: string | null;
  created_at: Date;
}): PrintBatchView {
  return {
    id: r.id,
    refNo: String(r.ref_no),
    letters: r.letters,
    pages: r.pages,
    duplex: r.duplex,
    pdfSha256: r.pdf_sha256,
    pdfBytes: Number(r.pdf_bytes),
    manifestSha256: r.manifest_sha256,
    createdBy: r.user_name ?? r.actor_label,
    createdAt: r.created_at.toISOString(),
  };
}
