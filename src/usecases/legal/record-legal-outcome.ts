import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { today } from '../../domain/dates.ts';
import { conflict, fieldError, invalid, notFound } from '../../domain/errors.ts';
import { dateParam, msg, translate, type Locale, DEFAULT_LOCALE } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { chargeClaimCost } from '../claims/add-claim-cost.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { assertId } from '../shared/scope.ts';
import { dossiersQuery } from './dossier-query.ts';
import { getLegalDossier } from './get-legal-dossier.ts';
import { RecordOutcomeInput, type LegalDossierView } from './schema.ts';

/**
 * What the law firm reports back on a dossier handed to it: the outcome (decree issued, opposed, paid,
 * enforcement, withdrawn) with its day and a note, and the costs it incurred — charged on the claim as
 * legal costs through the claim cost use case (`chargeClaimCost`), so they enter the claim's balance and
 * the payment order like any cost. Recorded by the firm's user (or the agency's staff) in one transaction
 * with its audit event.
 */
export async function recordLegalOutcome(db: Db, actor: Actor, handoffId: string, input: z.input<typeof RecordOutcomeInput>, locale: Locale = DEFAULT_LOCALE): Promise<LegalDossierView> {
  return db.transaction().execute((trx) => bookLegalOutcome(trx, actor, handoffId, input, locale));
}

/** `recordLegalOutcome` on a transaction the caller holds. */
export async function bookLegalOutcome(trx: Trx, actor: Actor, handoffId: string, input: z.input<typeof RecordOutcomeInput>, locale: Locale = DEFAULT_LOCALE): Promise<LegalDossierView> {
  const data = parseInput(RecordOutcomeInput, input);
  assertId(handoffId, 'legal_dossier');
  const h = await dossiersQuery(trx, actor)
    .select(['h.id', 'h.claim_id', 'h.firm_name', 'h.handed_on', 'h.outcome', 'h.version', 'c.debtor_id', 'c.creditor_id'])
    .where('h.id', '=', handoffId)
    .forUpdate('h')
    .executeTakeFirst();
  if (!h) throw notFound('legal_dossier');
  authorize(actor, 'update', 'legal_dossier');
  if (h.outcome === 'withdrawn') throw conflict(msg('legal.withdrawn'));
  const day = today().toString();
  if (data.occurredOn > day) throw invalid([fieldError('occurredOn', 'legal.date_in_future')]);
  if (data.occurredOn < h.handed_on) throw invalid([fieldError('occurredOn', 'legal.date_before_handoff', { date: dateParam(h.handed_on) })]);
  // The firm charges costs on this claim only: the cost use case runs for it as an operator of the
  // tenant would, named as the firm's user in the audit log.
  const charger: Actor = { ...actor, role: 'operator', creditorId: null };
  const costIds: string[] = [];
  const known = new Set(data.costs.length ? await costIdsOf(trx, actor, h.claim_id) : []);
  for (const [i, c] of data.costs.entries()) {
    const incurredOn = c.incurredOn ?? data.occurredOn;
    if (incurredOn > day) throw invalid([fieldError(`costs.${i}.incurredOn`, 'legal.date_in_future')]);
    const label = translate(msg('legal.cost_label', { firm: h.firm_name, label: c.label }), locale).slice(0, 200);
    await chargeClaimCost(trx, charger, h.claim_id, { kind: 'legal_cost', label, amount: c.amount, incurredOn }, { today: day }, locale);
    // The cost just charged: the claim's one cost not seen before (created_at is the transaction's start).
    const ids = await costIdsOf(trx, actor, h.claim_id);
    const added = ids.filter((id) => !known.has(id));
    if (added.length !== 1) throw new Error(`legal outcome: expected one new cost, found ${added.length}`);
    known.add(added[0]!);
    costIds.push(added[0]!);
  }
  const row = await trx
    .insertInto('legal_outcomes')
    .values({
      tenant_id: actor.tenantId,
      handoff_id: h.id,
      outcome: data.outcome,
      occurred_on: data.occurredOn,
      note: data.note ?? null,
      cost_ids: costIds,
      recorded_by: actor.userId,
      recorded_by_label: actor.label,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('legal_handoffs')
    .set({ outcome: data.outcome, outcome_on: data.occurredOn, version: h.version + 1, updated_at: new Date() })
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', h.id)
    .execute();
  await recordAudit(trx, actor, {
    action: 'legal.outcome_recorded',
    entityType: 'claim',
    entityId: h.claim_id,
    debtorId: h.debtor_id,
    creditorId: h.creditor_id,
    before: { outcome: h.outcome },
    after: { handoffId: h.id, outcomeId: row.id, outcome: data.outcome, occurredOn: data.occurredOn, costIds },
  });
  return getLegalDossier(trx, actor, h.id);
}

async function costIdsOf(trx: Trx, actor: Actor, claimId: string): Promise<string[]> {
  const rows = await trx.selectFrom('claim_costs').select('id').where('tenant_id', '=', actor.tenantId).where('claim_id', '=', claimId).execute();
  return rows.map((r) => r.id);
}
