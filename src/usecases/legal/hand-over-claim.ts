import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { today } from '../../domain/dates.ts';
import { conflict, fieldError, invalid } from '../../domain/errors.ts';
import { DEFAULT_LOCALE, msg, type Locale } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { loadClaim } from '../shared/scope.ts';
import { getLegalDossier } from './get-legal-dossier.ts';
import { HandOverInput, type LegalDossierView } from './schema.ts';
import { dossierReader, sheetOf } from './sheet.ts';

const CLOSED = ['paid', 'written_off', 'returned'];

/**
 * Hands a claim at the legal tier over to a law firm: the claim's status becomes `legal`, a hand-off
 * row names the firm, its user (who from now on sees this dossier and nothing else), the day and who
 * decided, with the cost/benefit sheet as it stands that day. A supervisor's or administrator's decision.
 */
export async function handOverClaim(db: Db, actor: Actor, claimId: string, input: z.input<typeof HandOverInput>, locale: Locale = DEFAULT_LOCALE): Promise<LegalDossierView> {
  return db.transaction().execute((trx) => entrustClaim(trx, actor, claimId, input, locale));
}

/** `handOverClaim` on a transaction the caller holds. */
export async function entrustClaim(trx: Trx, actor: Actor, claimId: string, input: z.input<typeof HandOverInput>, locale: Locale = DEFAULT_LOCALE): Promise<LegalDossierView> {
  const data = parseInput(HandOverInput, input);
  const claim = await loadClaim(trx, actor, claimId, { forUpdate: true });
  authorize(actor, 'create', 'legal_dossier');
  const day = today().toString();
  const handedOn = data.handedOn ?? day;
  if (handedOn > day) throw invalid([fieldError('handedOn', 'legal.date_in_future')]);
  if (CLOSED.includes(claim.status)) throw invalid([fieldError('claimId', 'legal.claim_closed')]);
  // The legal tier: the dunning strategy reached it (stage), or a person set the claim to legal.
  if (claim.stage !== 'legal' && claim.status !== 'legal') throw invalid([fieldError('claimId', 'legal.not_legal_tier')]);
  const open = await trx
    .selectFrom('legal_handoffs')
    .select('id')
    .where('tenant_id', '=', actor.tenantId)
    .where('claim_id', '=', claim.id)
    .where((eb) => eb.or([eb('outcome', 'is', null), eb('outcome', '<>', 'withdrawn')]))
    .executeTakeFirst();
  if (open) throw conflict(msg('legal.already_handed_over'));
  const firm = await trx
    .selectFrom('users')
    .select(['id', 'email'])
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', data.firmUserId)
    .where('role', '=', 'law_firm')
    .where('active', '=', true)
    .executeTakeFirst();
  if (!firm) throw invalid([fieldError('firmUserId', 'legal.firm_user_unknown')]);
  const { sheet } = await sheetOf(trx, dossierReader(actor), claim.id, handedOn, locale);
  const row = await trx
    .insertInto('legal_handoffs')
    .values({
      tenant_id: actor.tenantId,
      claim_id: claim.id,
      firm_name: data.firmName,
      firm_user_id: firm.id,
      handed_on: handedOn,
      handed_by: actor.userId,
      handed_by_label: actor.label,
      sheet: JSON.stringify(sheet),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('claims')
    .set({ status: 'legal', stage: 'legal', version: claim.version + 1, updated_at: new Date() })
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', claim.id)
    .execute();
  await recordAudit(trx, actor, {
    action: 'claim.handed_over',
    entityType: 'claim',
    entityId: claim.id,
    debtorId: claim.debtor_id,
    creditorId: claim.creditor_id,
    before: { status: claim.status, stage: claim.stage },
    after: { status: 'legal', stage: 'legal', handoffId: row.id, firmName: data.firmName, firmUser: firm.email, handedOn, recommendation: sheet.recommendation, amountDue: sheet.amountDue },
  });
  return getLegalDossier(trx, actor, row.id);
}
