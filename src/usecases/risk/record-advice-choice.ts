import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { DEFAULT_LOCALE, msg, type Locale } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { AppError } from '../../domain/errors.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { loadDebtor } from '../shared/scope.ts';
import { debtorRisk } from './get-debtor-risk.ts';
import { RecordAdviceChoiceInput, type AdviceChoiceView } from './schema.ts';

/**
 * The operator's choice on the advice for a debtor in the negotiation tier (issue 17 item 2):
 * negotiate, demand a guarantee or close the relationship, with the reason, next to what incasso
 * recommended at that moment and the class the debtor had. Audited (debtor.advice_recorded).
 */
export async function recordAdviceChoice(db: Db, actor: Actor, debtorId: string, input: z.input<typeof RecordAdviceChoiceInput>, locale: Locale = DEFAULT_LOCALE): Promise<AdviceChoiceView> {
  return db.transaction().execute((trx) => bookAdviceChoice(trx, actor, debtorId, input, locale));
}

export async function bookAdviceChoice(trx: Trx, actor: Actor, debtorId: string, input: z.input<typeof RecordAdviceChoiceInput>, locale: Locale = DEFAULT_LOCALE): Promise<AdviceChoiceView> {
  const data = parseInput(RecordAdviceChoiceInput, input);
  const debtor = await loadDebtor(trx, actor, debtorId, { forUpdate: true });
  authorize(actor, 'update', 'debtor');
  const creditorId = actor.creditorId ?? data.creditorId ?? null;
  const risk = await debtorRisk(trx, actor, debtor.id, locale);
  if (!risk?.advice) throw new AppError('conflict', msg('risk.no_advice'));
  const row = await trx
    .insertInto('debtor_advice')
    .values({
      tenant_id: actor.tenantId,
      debtor_id: debtor.id,
      creditor_id: creditorId,
      recommended: risk.advice.recommend,
      choice: data.choice,
      reason: data.reason,
      risk_class: risk.profile.riskClass,
      decided_by: actor.userId,
    })
    .returning(['id', 'decided_at'])
    .executeTakeFirstOrThrow();
  const view: AdviceChoiceView = {
    id: row.id,
    creditorId,
    recommended: risk.advice.recommend,
    choice: data.choice,
    reason: data.reason,
    riskClass: risk.profile.riskClass,
    decidedBy: actor.label,
    decidedAt: row.decided_at.toISOString(),
  };
  await recordAudit(trx, actor, { action: 'debtor.advice_recorded', entityType: 'debtor', entityId: debtor.id, debtorId: debtor.id, creditorId, after: view });
  return view;
}
