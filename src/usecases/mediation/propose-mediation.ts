import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { today } from '../../domain/dates.ts';
import { fieldError, invalid } from '../../domain/errors.ts';
import { chooseProcedure, pauseUntil, type Jurisdiction, type MediationProcedure } from '../../domain/mediation/rules.ts';
import { dateParam, msg, translate } from '../../domain/messages/index.ts';
import { OPEN_STATUSES, type DebtorKind } from '../../domain/model.ts';
import { sumMoney, toMoneyString } from '../../domain/money.ts';
import type { Actor } from '../../domain/policies.ts';
import { placeClaimHold } from '../claims/hold-claim.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { loadCreditor, loadDebtor } from '../shared/scope.ts';
import { ProposeMediationInput, type MediationView } from './schema.ts';
import { mediationView } from './views.ts';

/**
 * Proposes mediation or conciliation for a debtor's claims toward a creditor (issue 17 item 4): the
 * procedure the rules choose by the debtor's kind and the creditor's jurisdiction (domain/mediation,
 * with the law) or another one allowed there, recorded as pending; the claims are held until the pause
 * ends (claim holds, `placeClaimHold`) — all in one transaction with the audit events.
 */
export async function proposeMediation(db: Db, actor: Actor, input: z.input<typeof ProposeMediationInput>): Promise<MediationView> {
  const id = await db.transaction().execute((trx) => arrangeMediation(trx, actor, input));
  return mediationView(db, actor, id);
}

/** The hold reason a mediation writes on its claims (Italian, as the hold panel shows it). */
export function mediationHoldReason(procedure: MediationProcedure, proposedOn: string, law: string): string {
  return translate(msg('mediation.hold_reason', { procedure: translate(msg(`mediation.procedure.${procedure}`), 'it'), date: dateParam(proposedOn), law }), 'it').slice(0, 500);
}

/** `proposeMediation` on a transaction the caller holds; answers the mediation's id. */
export async function arrangeMediation(trx: Trx, actor: Actor, input: z.input<typeof ProposeMediationInput>, opts: { today?: string } = {}): Promise<string> {
  const data = parseInput(ProposeMediationInput, input);
  const now = opts.today ?? today().toString();
  const creditor = await loadCreditor(trx, actor, data.creditorId);
  const debtor = await loadDebtor(trx, actor, data.debtorId);
  authorize(actor, 'update', 'claim');

  const open = await trx
    .selectFrom('claims as c')
    .leftJoin('claim_balances as b', 'b.claim_id', 'c.id')
    .select(['c.id', 'c.currency', 'c.hold_until', 'b.total_due'])
    .where('c.tenant_id', '=', actor.tenantId)
    .where('c.debtor_id', '=', debtor.id)
    .where('c.creditor_id', '=', creditor.id)
    .where('c.status', 'in', OPEN_STATUSES)
    .orderBy('c.id')
    .forUpdate('c')
    .execute();
  const wanted = data.claimIds ? [...new Set(data.claimIds)] : null;
  wanted?.forEach((cid, i) => {
    if (!open.some((c) => c.id === cid)) throw invalid([fieldError(`claimIds.${i}`, 'mediation.claim_outside')]);
  });
  const claims = wanted ? open.filter((c) => wanted.includes(c.id)) : open;
  if (claims.length === 0) throw invalid([], msg('mediation.no_open_claims'));
  const currencies = new Set(claims.map((c) => c.currency));
  if (currencies.size > 1) throw invalid([fieldError('claimIds', 'mediation.currency_mixed')]);
  const currency = claims[0]!.currency;
  const amount = toMoneyString(sumMoney(claims.map((c) => c.total_due ?? '0')));

  const jurisdiction = creditor.default_jurisdiction as Jurisdiction;
  const choice = chooseProcedure(debtor.kind as DebtorKind, jurisdiction, amount, { procedure: data.procedure, compulsoryByMatter: data.compulsoryByMatter });
  if (choice === 'not_available') throw invalid([], msg('mediation.not_available', { jurisdiction }));
  if (choice === 'not_allowed') throw invalid([fieldError('procedure', 'mediation.not_allowed')]);
  const until = data.pauseUntil ?? pauseUntil(now, choice.pauseDays);
  if (until < now) throw invalid([fieldError('pauseUntil', 'claim.hold_until_today', { date: dateParam(now) })]);

  const row = await trx
    .insertInto('mediations')
    .values({
      tenant_id: actor.tenantId,
      creditor_id: creditor.id,
      debtor_id: debtor.id,
      procedure: choice.procedure,
      compulsory: choice.compulsory,
      proposed_on: now,
      pause_until: until,
      body: data.body ?? null,
      note: data.note ?? null,
      currency,
      amount,
      created_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('mediation_claims')
    .values(claims.map((c) => ({ tenant_id: actor.tenantId, mediation_id: row.id, claim_id: c.id })))
    .execute();
  // The claims pause meanwhile: a hold until the pause ends (a longer hold already there stays).
  const reason = mediationHoldReason(choice.procedure, now, choice.law);
  for (const c of claims) {
    if (c.hold_until !== null && c.hold_until > until) continue;
    await placeClaimHold(trx, actor, c.id, { until, reason }, { today: now });
  }
  await recordAudit(trx, actor, {
    action: 'mediation.proposed',
    entityType: 'mediation',
    entityId: row.id,
    debtorId: debtor.id,
    creditorId: creditor.id,
    after: { procedure: choice.procedure, compulsory: choice.compulsory, law: choice.law, pauseUntil: until, amount, currency, claimIds: claims.map((c) => c.id) },
  });
  return row.id;
}
