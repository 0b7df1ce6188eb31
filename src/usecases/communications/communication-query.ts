import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import type { CommunicationView } from './schema.ts';
import { DEFAULT_LOCALE, type Locale } from '../../domain/messages/index.ts';
import { wordStored } from '../shared/stored-messages.ts';

/**
 * The communications an actor may read: its tenant's, and for a viewer only its creditor's (a
 * letter for another mandate says things the viewer must not see).
 */
export function visibleCommunications(db: Db, actor: Actor) {
  let q = db
    .selectFrom('communications as c')
    .innerJoin('creditors as cr', (j) => j.onRef('cr.id', '=', 'c.creditor_id').onRef('cr.tenant_id', '=', 'c.tenant_id'))
    .where('c.tenant_id', '=', actor.tenantId);
  if (actor.creditorId !== null) q = q.where('c.creditor_id', '=', actor.creditorId);
  return q;
}

/** What the download of a communication gives, without reading the bytes. */
export const documentType = sql<'pdf' | 'html' | null>`case when c.pdf is not null then 'pdf' when c.body_html is not null then 'html' end`;

/** The columns of a communication's view (the claims are added by {@link withClaims}). */
export function communicationColumns(db: Db, actor: Actor) {
  return visibleCommunications(db, actor).select([
    'c.id',
    'c.ref_no',
    'c.debtor_id',
    'c.creditor_id',
    'cr.name as creditor_name',
    'c.run_date',
    'c.step_no',
    'c.step_key',
    'c.tier',
    'c.channel',
    'c.recipient',
    'c.language',
    'c.subject',
    'c.currency',
    'c.amount',
    'c.fees',
    'c.postage',
    'c.payment_reference',
    'c.status',
    'c.sha256',
    documentType.as('document_type'),
    'c.error',
    'c.print_batch_id',
    'c.created_at',
    'c.sent_at',
  ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof communicationColumns>['execute']>>[number];

/** The claims of each communication (by claim reference), in one query. */
export async function claimsOf(db: Db, actor: Actor, ids: readonly string[]) {
  const byId = new Map<string, CommunicationView['claims']>();
  if (!ids.length) return byId;
  const rows = await db
    .selectFrom('communication_claims as cc')
    .innerJoin('claims as cl', (j) => j.onRef('cl.id', '=', 'cc.claim_id').onRef('cl.tenant_id', '=', 'cc.tenant_id'))
    .select(['cc.communication_id', 'cc.claim_id', 'cl.external_ref', 'cc.step_no', 'cc.step_key', 'cc.total_due', 'cc.fee', 'cc.superseded'])
    .where('cc.tenant_id', '=', actor.tenantId)
    .where('cc.communication_id', 'in', [...ids])
    .orderBy('cc.communication_id')
    .orderBy('cl.external_ref')
    .execute();
  for (const r of rows) {
    const list = byId.get(r.communication_id) ?? [];
    list.push({
      claimId: r.claim_id,
      externalRef: r.external_ref,
      stepNo: r.step_no,
      stepKey: r.step_key,
      totalDue: r.total_due,
      fee: r.fee,
      superseded: r.superseded,
    });
    byId.set(r.communication_id, list);
  }
  return byId;
}

/** A communication as the API shows it; why it failed is worded in `locale`. */
export function presentCommunication(r: Row, claims: CommunicationView['claims'], locale: Locale = DEFAULT_LOCALE): CommunicationView {
  return {
    id: r.id,
    refNo: r.ref_no,
    debtorId: r.debtor_id,
    creditorId: r.creditor_id,
    creditorName: r.creditor_name,
    runDate: r.run_date,
    stepNo: r.step_no,
    stepKey: r.step_key,
    tier: r.tier,
    channel: r.channel,
    recipient: r.recipient,
    language: r.language,
    subject: r.subject,
    currency: r.currency,
    amount: r.amount,
    fees: r.fees,
    postage: r.postage,
    paymentReference: r.payment_reference,
    status: r.status,
    sha256: r.sha256,
    documentType: r.document_type,
    error: r.error === null ? null : wordStored(r.error, locale),
    printBatchId: r.print_batch_id,
    createdAt: r.created_at.toISOString(),
    sentAt: r.sent_at ? r.sent_at.toISOString() : null,
    claims,
  };
}
