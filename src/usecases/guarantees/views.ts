import type { Db } from '../../db/connect.ts';
import { today } from '../../domain/dates.ts';
import { notFound } from '../../domain/errors.ts';
import { daysToExpiry, expiryWindowEnd, guaranteeState, type GuaranteeKind, type GuaranteeState } from '../../domain/guarantees/rules.ts';
import type { Actor } from '../../domain/policies.ts';
import { assertId } from '../shared/scope.ts';
import type { GuaranteeView } from './schema.ts';

export interface GuaranteeFilter {
  ids?: readonly string[];
  debtorId?: string | undefined;
  creditorId?: string | undefined;
  state?: GuaranteeState | undefined;
  kind?: GuaranteeKind | undefined;
  expiringWithinDays?: number | undefined;
}

/**
 * Guarantees as the actor may see them: its tenant's, and a creditor's viewer only its creditor's. What a
 * guarantee shows is its own: the guarantor, the debtor's name, the claims it names — never the debtor's
 * other claims or debts.
 */
export async function guaranteeViews(db: Db, actor: Actor, f: GuaranteeFilter, now = today().toString()): Promise<GuaranteeView[]> {
  let q = db
    .selectFrom('guarantees as g')
    .innerJoin('guarantors as p', (j) => j.onRef('p.id', '=', 'g.guarantor_id').onRef('p.tenant_id', '=', 'g.tenant_id'))
    .innerJoin('debtors as d', (j) => j.onRef('d.id', '=', 'g.debtor_id').onRef('d.tenant_id', '=', 'g.tenant_id'))
    .innerJoin('creditors as c', (j) => j.onRef('c.id', '=', 'g.creditor_id').onRef('c.tenant_id', '=', 'g.tenant_id'))
    .selectAll('g')
    .select([
      'd.display_name as debtor_name',
      'c.name as creditor_name',
      'p.kind as p_kind',
      'p.name as p_name',
      'p.debtor_id as p_debtor_id',
      'p.tax_id as p_tax_id',
      'p.email as p_email',
      'p.phone as p_phone',
      'p.address_line1 as p_address_line1',
      'p.postal_code as p_postal_code',
      'p.city as p_city',
      'p.province as p_province',
      'p.country as p_country',
      'p.language as p_language',
    ])
    .where('g.tenant_id', '=', actor.tenantId);
  if (actor.creditorId !== null) q = q.where('g.creditor_id', '=', actor.creditorId);
  if (f.ids) q = q.where('g.id', 'in', f.ids.length ? [...f.ids] : ['00000000-0000-0000-0000-000000000000']);
  if (f.debtorId) q = q.where('g.debtor_id', '=', f.debtorId);
  if (f.creditorId) q = q.where('g.creditor_id', '=', f.creditorId);
  if (f.kind) q = q.where('g.kind', '=', f.kind);
  // The stored state, and "expired" / "active" by the last day of validity.
  if (f.state === 'enforced' || f.state === 'released') q = q.where('g.state', '=', f.state);
  if (f.state === 'expired') q = q.where('g.state', '=', 'active').where('g.valid_to', '<', now);
  if (f.state === 'active') q = q.where('g.state', '=', 'active').where((eb) => eb.or([eb('g.valid_to', 'is', null), eb('g.valid_to', '>=', now)]));
  if (f.expiringWithinDays !== undefined) q = q.where('g.state', '=', 'active').where('g.valid_to', '>=', now).where('g.valid_to', '<=', expiryWindowEnd(now, f.expiringWithinDays));
  const rows = await q.orderBy('g.valid_to', (o) => o.asc().nullsLast()).orderBy('g.created_at').orderBy('g.id').limit(1000).execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [claims, documents, letters] = await Promise.all([
    db
      .selectFrom('guarantee_claims as gc')
      .innerJoin('claims as k', (j) => j.onRef('k.id', '=', 'gc.claim_id').onRef('k.tenant_id', '=', 'gc.tenant_id'))
      .select(['gc.guarantee_id', 'k.id', 'k.external_ref'])
      .where('gc.tenant_id', '=', actor.tenantId)
      .where('gc.guarantee_id', 'in', ids)
      .orderBy('k.due_date')
      .orderBy('k.external_ref')
      .execute(),
    db
      .selectFrom('attachments')
      .select(['id', 'guarantee_id', 'file_name', 'content_type', 'size_bytes', 'sha256', 'created_at'])
      .where('tenant_id', '=', actor.tenantId)
      .where('guarantee_id', 'in', ids)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('guarantor_letters')
      .select(['id', 'guarantee_id', 'sent_on', 'amount', 'currency', 'recipient', 'sha256', 'channel', 'status', 'step_key'])
      .where('tenant_id', '=', actor.tenantId)
      .where('guarantee_id', 'in', ids)
      .orderBy('created_at')
      .execute(),
  ]);
  return rows.map((r) => ({
    id: r.id,
    creditorId: r.creditor_id,
    creditorName: r.creditor_name,
    debtorId: r.debtor_id,
    debtorName: r.debtor_name,
    guarantor: {
      id: r.guarantor_id,
      kind: r.p_kind,
      name: r.p_name,
      debtorId: r.p_debtor_id,
      taxId: r.p_tax_id,
      email: r.p_email,
      phone: r.p_phone,
      addressLine1: r.p_address_line1,
      postalCode: r.p_postal_code,
      city: r.p_city,
      province: r.p_province,
      country: r.p_country,
      language: r.p_language,
    },
    kind: r.kind,
    reference: r.reference,
    amount: r.amount,
    currency: r.currency,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    covers: r.covers,
    claims: claims.filter((c) => c.guarantee_id === r.id).map((c) => ({ id: c.id, reference: c.external_ref })),
    state: guaranteeState(r.state, r.valid_to, now),
    daysToExpiry: daysToExpiry(r.valid_to, now),
    enforcedOn: r.enforced_on,
    enforcedAmount: r.enforced_amount,
    releasedOn: r.released_on,
    releaseReason: r.release_reason,
    note: r.note,
    documents: documents
      .filter((d) => d.guarantee_id === r.id)
      .map((d) => ({ id: d.id, fileName: d.file_name, contentType: d.content_type, sizeBytes: Number(d.size_bytes), sha256: d.sha256, createdAt: d.created_at.toISOString() })),
    letters: letters.filter((l) => l.guarantee_id === r.id).map((l) => ({ id: l.id, sentOn: l.sent_on, amount: l.amount, currency: l.currency, recipient: l.recipient, sha256: l.sha256, channel: l.channel, status: l.status, stepKey: l.step_key })),
    version: r.version,
  }));
}

/** One guarantee as the actor may see it; anything else is not found. */
export async function guaranteeView(db: Db, actor: Actor, id: string): Promise<GuaranteeView> {
  assertId(id, 'guarantee');
  const [view] = await guaranteeViews(db, actor, { ids: [id] });
  if (!view) throw notFound('guarantee');
  return view;
}

/** The guarantee's row, scoped as above and locked when it is to change. */
export async function loadGuarantee(db: Db, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
  assertId(id, 'guarantee');
  let q = db.selectFrom('guarantees').selectAll().where('tenant_id', '=', actor.tenantId).where('id', '=', id);
  if (actor.creditorId !== null) q = q.where('creditor_id', '=', actor.creditorId);
  if (opts.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('guarantee');
  return row;
}
