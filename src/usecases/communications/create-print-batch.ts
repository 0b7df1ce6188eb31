import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { uuid7 } from '../../db/uuid7.ts';
import { conflict, fieldError, invalid } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { LetterPaymentError, renderLetterBatch, type LetterInput } from '../../integrations/letters/index.ts';
import { recordAudit, recordAudits } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { loadCreditor } from '../shared/scope.ts';
import { presentPrintBatch } from './print-batch-query.ts';
import { CreatePrintBatchInput, type PrintBatchView } from './schema.ts';
import { encodeMessage, msg } from '../../domain/messages/index.ts';

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/**
 * Lays the letters waiting to be printed (oldest first; optionally one creditor's) — dunning letters
 * and guarantors' demands by post — into one PDF for a print-and-post service, with its CSV manifest, from the letters as the dunning step decided them.
 * In one transaction: the batch (both files and their SHA-256), the letters set `printed` with the
 * batch (guarantors' letters too), an audit event for the batch and one per letter (in its debtor's history). Letters are
 * taken with SKIP LOCKED, so two batches made at the same moment never share a letter.
 */
export async function createPrintBatch(db: Db, actor: Actor, input: z.input<typeof CreatePrintBatchInput> = {}): Promise<PrintBatchView> {
  return db.transaction().execute((trx) => registerPrintBatch(trx, actor, input));
}

/** `createPrintBatch` on a transaction the caller holds. */
export async function registerPrintBatch(
  trx: Trx,
  actor: Actor,
  input: z.input<typeof CreatePrintBatchInput> = {},
): Promise<PrintBatchView> {
  authorize(actor, 'create', 'communication');
  const data = parseInput(CreatePrintBatchInput, input);
  if (data.creditorId) await loadCreditor(trx, actor, data.creditorId);
  let q = trx
    .selectFrom('communications')
    .select(['id', 'ref_no', 'debtor_id', 'creditor_id', 'letter', 'created_at'])
    .where('tenant_id', '=', actor.tenantId)
    .where('status', '=', 'to_print')
    .where('letter', 'is not', null);
  if (data.creditorId) q = q.where('creditor_id', '=', data.creditorId);
  if (actor.creditorId !== null) q = q.where('creditor_id', '=', actor.creditorId);
  const communications = await q.orderBy('created_at').orderBy('ref_no').limit(data.limit).forUpdate().skipLocked().execute();
  // A guarantor's demand by post (enforce-guarantee.ts) waits with them, and goes in the same batch.
  let g = trx
    .selectFrom('guarantor_letters as l')
    .innerJoin('guarantees as g', (j) => j.onRef('g.id', '=', 'l.guarantee_id').onRef('g.tenant_id', '=', 'l.tenant_id'))
    .select(['l.id', 'g.debtor_id', 'g.creditor_id', 'l.letter', 'l.created_at'])
    .where('l.tenant_id', '=', actor.tenantId)
    .where('l.status', '=', 'to_print');
  if (data.creditorId) g = g.where('g.creditor_id', '=', data.creditorId);
  if (actor.creditorId !== null) g = g.where('g.creditor_id', '=', actor.creditorId);
  const guarantorLetters = await g.orderBy('l.created_at').orderBy('l.id').limit(data.limit).forUpdate('l').skipLocked().execute();
  // The oldest first, whichever kind, up to the limit.
  const rows = [
    ...communications.map((r) => ({ kind: 'communication' as const, ...r })),
    ...guarantorLetters.map((r) => ({ kind: 'guarantor_letter' as const, ...r })),
  ]
    .sort((a, b) => a.created_at.getTime() - b.created_at.getTime())
    .slice(0, data.limit);
  if (!rows.length) throw conflict(msg('dunning.no_letters_to_print'));
  const taken = (kind: 'communication' | 'guarantor_letter') => rows.filter((r) => r.kind === kind);

  // The manifest's header row in the language of the user who makes the batch.
  const locale = actor.userId ? (await trx.selectFrom('users').select('locale').where('id', '=', actor.userId).executeTakeFirst())?.locale : undefined;
  const language = locale === 'en' || locale === 'de' || locale === 'fr' ? locale : 'it';
  let batch;
  try {
    batch = await renderLetterBatch(rows.map((r) => r.letter as LetterInput), { duplex: data.duplex, language });
  } catch (e) {
    if (e instanceof LetterPaymentError) {
      throw invalid([fieldError(`letter.${e.field}`, e.msg.code, e.msg.params)], msg('dunning.letter_not_printable', { problem: encodeMessage(e.msg) }));
    }
    throw e;
  }
  const id = uuid7();
  const inserted = await trx
    .insertInto('print_batches')
    .values({
      id,
      tenant_id: actor.tenantId,
      letters: rows.length,
      pages: batch.pages,
      duplex: data.duplex,
      pdf: batch.pdf,
      pdf_sha256: sha256(batch.pdf),
      manifest: batch.manifest,
      manifest_sha256: sha256(Buffer.from(batch.manifest, 'utf8')),
      created_by: actor.userId,
      actor_label: actor.label,
    })
    .returning(['id', 'ref_no', 'letters', 'pages', 'duplex', 'pdf_sha256', 'manifest_sha256', 'actor_label', 'created_at'])
    .executeTakeFirstOrThrow();
  const printedCommunications = taken('communication');
  const printedGuarantorLetters = taken('guarantor_letter');
  if (printedCommunications.length) {
    await trx
      .updateTable('communications')
      .set({ status: 'printed', print_batch_id: id })
      .where('tenant_id', '=', actor.tenantId)
      .where('id', 'in', printedCommunications.map((r) => r.id))
      .execute();
  }
  if (printedGuarantorLetters.length) {
    await trx
      .updateTable('guarantor_letters')
      .set({ status: 'printed', print_batch_id: id })
      .where('tenant_id', '=', actor.tenantId)
      .where('id', 'in', printedGuarantorLetters.map((r) => r.id))
      .execute();
  }
  const user = actor.userId
    ? await trx.selectFrom('users').select('name').where('id', '=', actor.userId).executeTakeFirst()
    : undefined;
  const view = presentPrintBatch({ ...inserted, pdf_bytes: batch.pdf.length, user_name: user?.name ?? null });
  await recordAudit(trx, actor, {
    action: 'print_batch.created',
    entityType: 'print_batch',
    entityId: id,
    creditorId: data.creditorId ?? null,
    after: { ...view, communications: printedCommunications.map((r) => r.id), guarantorLetters: printedGuarantorLetters.map((r) => r.id) },
  });
  await recordAudits(
    trx,
    actor,
    rows.map((r) => ({
      action: r.kind === 'communication' ? 'communication.printed' : 'guarantor_letter.printed',
      entityType: r.kind,
      entityId: r.id,
      debtorId: r.debtor_id,
      creditorId: r.creditor_id,
      before: { status: 'to_print' },
      after: { status: 'printed', printBatchId: id, printBatchRefNo: view.refNo },
    })),
  );
  return view;
}
