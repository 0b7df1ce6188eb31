import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { fieldError, invalid, notFound } from '../../domain/errors.ts';
import { issuerFits } from '../../domain/guarantees/rules.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { loadCreditor, loadDebtor } from '../shared/scope.ts';
import { CreateGuaranteeInput, type GuaranteeView } from './schema.ts';
import { guaranteeView } from './views.ts';

/**
 * Records a guarantee a creditor holds for a debtor (issue 17 item 3): a fideiussione, a pledge, a
 * security deposit or a personal guarantee, by a guarantor already recorded or a new one (its own party,
 * or a debtor record standing surety — decision 0005), covering named claims of that debtor toward that
 * creditor or the whole relationship.
 */
export async function createGuarantee(db: Db, actor: Actor, input: z.input<typeof CreateGuaranteeInput>): Promise<GuaranteeView> {
  const id = await db.transaction().execute((trx) => registerGuarantee(trx, actor, input));
  return guaranteeView(db, actor, id);
}

/** `createGuarantee` on a transaction the caller holds; answers the new guarantee's id. */
export async function registerGuarantee(trx: Trx, actor: Actor, input: z.input<typeof CreateGuaranteeInput>): Promise<string> {
  const data = parseInput(CreateGuaranteeInput, input);
  const creditor = await loadCreditor(trx, actor, data.creditorId);
  const debtor = await loadDebtor(trx, actor, data.debtorId);
  authorize(actor, 'create', 'claim');
  if (data.validTo && data.validTo < data.validFrom) throw invalid([fieldError('validTo', 'date.valid_to_before_from')]);

  // The guarantor: one recorded before, or a new party.
  let guarantor: { id: string; kind: string };
  if (data.guarantorId) {
    const row = await trx.selectFrom('guarantors').select(['id', 'kind']).where('tenant_id', '=', actor.tenantId).where('id', '=', data.guarantorId).executeTakeFirst();
    if (!row) throw notFound('guarantor');
    guarantor = row;
  } else if (data.guarantor) {
    const g = data.guarantor;
    const linked = g.debtorId ? await loadDebtor(trx, actor, g.debtorId) : null;
    const address = linked
      ? await trx.selectFrom('addresses').selectAll().where('tenant_id', '=', actor.tenantId).where('debtor_id', '=', linked.id).orderBy('created_at').limit(1).executeTakeFirst()
      : undefined;
    const name = g.name ?? linked?.display_name ?? null;
    if (!name) throw invalid([fieldError('guarantor.name', 'field.required')]);
    const row = await trx
      .insertInto('guarantors')
      .values({
        tenant_id: actor.tenantId,
        kind: g.kind,
        name,
        debtor_id: linked?.id ?? null,
        tax_id: g.taxId ?? linked?.tax_code ?? linked?.vat_number ?? null,
        email: g.email ?? null,
        phone: g.phone ?? null,
        address_line1: g.addressLine1 ?? address?.line1 ?? null,
        postal_code: g.postalCode ?? address?.postal_code ?? null,
        city: g.city ?? address?.city ?? null,
        province: g.province ?? address?.province ?? null,
        country: g.country ?? address?.country ?? 'IT',
        language: g.language ?? (linked?.language as 'it' | 'en' | 'de' | 'fr' | undefined) ?? 'it',
      })
      .returning(['id', 'kind'])
      .executeTakeFirstOrThrow();
    guarantor = row;
    await recordAudit(trx, actor, { action: 'guarantor.created', entityType: 'guarantor', entityId: row.id, after: { kind: g.kind, name, debtorId: linked?.id ?? null } });
  } else {
    throw invalid([fieldError('guarantorId', 'guarantees.guarantor_required')]);
  }
  if (!issuerFits(data.kind, guarantor.kind as never)) throw invalid([fieldError('kind', 'guarantees.issuer_mismatch')]);

  // Named claims must be this debtor's toward this creditor, in the guarantee's currency.
  const claimIds = [...new Set(data.claimIds ?? [])];
  if (data.covers === 'claims') {
    if (claimIds.length === 0) throw invalid([fieldError('claimIds', 'guarantees.claims_required')]);
    const claims = await trx
      .selectFrom('claims')
      .select(['id', 'currency'])
      .where('tenant_id', '=', actor.tenantId)
      .where('id', 'in', claimIds)
      .where('debtor_id', '=', debtor.id)
      .where('creditor_id', '=', creditor.id)
      .execute();
    claimIds.forEach((cid, i) => {
      const c = claims.find((x) => x.id === cid);
      if (!c) throw invalid([fieldError(`claimIds.${i}`, 'guarantees.claim_outside')]);
      if (c.currency !== data.currency) throw invalid([fieldError(`claimIds.${i}`, 'guarantees.currency_mismatch', { currency: c.currency })]);
    });
  }

  const row = await trx
    .insertInto('guarantees')
    .values({
      tenant_id: actor.tenantId,
      creditor_id: creditor.id,
      debtor_id: debtor.id,
      guarantor_id: guarantor.id,
      kind: data.kind,
      reference: data.reference ?? null,
      amount: data.amount,
      currency: data.currency,
      valid_from: data.validFrom,
      valid_to: data.validTo ?? null,
      covers: data.covers,
      note: data.note ?? null,
      created_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (data.covers === 'claims') {
    await trx
      .insertInto('guarantee_claims')
      .values(claimIds.map((claim_id) => ({ tenant_id: actor.tenantId, guarantee_id: row.id, claim_id })))
      .execute();
  }
  await recordAudit(trx, actor, {
    action: 'guarantee.created',
    entityType: 'guarantee',
    entityId: row.id,
    debtorId: debtor.id,
    creditorId: creditor.id,
    after: { kind: data.kind, guarantorId: guarantor.id, amount: data.amount, currency: data.currency, validFrom: data.validFrom, validTo: data.validTo ?? null, covers: data.covers, claimIds },
  });
  return row.id;
}
