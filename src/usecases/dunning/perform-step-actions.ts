import { sql } from 'kysely';
import type { Db, Trx } from '../../db/connect.ts';
import { STATUS_AFTER_DUNNING_STEP } from '../../domain/claims/lifecycle.ts';
import { AppError, fieldMessage } from '../../domain/errors.ts';
import { dateParam, encodeMessage, messageList, msg, type Message } from '../../domain/messages/index.ts';
import { OPEN_STATUSES } from '../../domain/model.ts';
import { sumMoney, toMoneyString } from '../../domain/money.ts';
import type { Actor } from '../../domain/policies.ts';
import { demandFromGuarantor } from '../guarantees/enforce-guarantee.ts';
import { arrangeMediation } from '../mediation/propose-mediation.ts';
import type { AuditEntry } from '../shared/audit.ts';
import type { ActionPlan } from './decide.ts';
import type { DebtorContext } from './load-context.ts';
import type { DunningAction } from './run-dunning.ts';

export interface StepActionInput {
  ctx: DebtorContext;
  plan: ActionPlan;
  /** What each claim owes today (for the run's list), by claim id. */
  totalDue: Map<string, string>;
}

/**
 * The action steps of a batch (strategy.ts STEP_ACTIONS), in the batch's transaction, the debtors
 * locked: for 'enforce_guarantee' the written demand to the guarantor of every active guarantee, valid
 * on the run's day, that covers one of the claims (named claims, or the whole relationship) —
 * `demandFromGuarantor`, which queues the e-mail in the outbox or leaves the letter to print; for
 * 'propose_mediation' the procedure the rules choose for the debtor × creditor (`arrangeMediation`,
 * which holds the open claims of that currency), unless one is pending. Then each claim records the
 * step as done (its number, key, day and next day, after the hold), with an audit event saying what
 * was done or why nothing was (no enforceable guarantee, a mediation pending…).
 * Exactly once: the step is recorded in the same transaction as its effect, so a re-run finds the
 * claims past it, and a crash leaves neither; an enforced guarantee cannot be demanded again, by a
 * step or the button. A dry run lists what would be done and writes nothing.
 * `trx` is always the batch's transaction (runDunning; typed `Db` as actOnBatch's is).
 */
export async function performStepActions(
  trx: Db,
  actor: Actor,
  items: readonly StepActionInput[],
  opts: { date: string; dryRun: boolean },
  audits: AuditEntry[],
): Promise<DunningAction[]> {
  const out: DunningAction[] = [];
  const steps: ReturnType<typeof sql>[] = [];
  for (const { ctx, plan, totalDue } of items) {
    const claimIds = plan.claims.map((c) => c.claimId);
    const action: DunningAction = {
      debtorId: ctx.debtor.id,
      debtorName: ctx.debtor.display_name,
      creditorId: plan.creditorId,
      creditorName: ctx.creditors.get(plan.creditorId)?.name ?? '',
      audience: plan.action === 'enforce_guarantee' ? 'guarantor' : 'mediation',
      stepKey: plan.step.key,
      stepNo: plan.stepNo,
      tier: plan.step.tier,
      channel: null,
      recipient: null,
      claims: plan.claims.map((c) => ({ id: c.claimId, reference: c.reference, stepNo: c.stepNo, totalDue: totalDue.get(c.claimId) ?? '0.00', fee: null })),
      currency: plan.currency,
      amount: '0.00',
      fees: '0.00',
      postage: '0.00',
      blocked: null,
      skipped: null,
      records: [],
      communicationId: null,
    };
    const done =
      plan.action === 'enforce_guarantee'
        ? await enforceGuarantees(trx, actor, ctx, plan, claimIds, opts, action)
        : await proposeMediation(trx, actor, ctx, plan, opts, action);
    if (!done.ok) action.skipped = done.reason;
    else if (plan.action === 'propose_mediation') action.amount = toMoneyString(sumMoney(action.claims.map((c) => c.totalDue)));
    out.push(action);
    if (opts.dryRun) continue;
    for (const c of plan.claims) {
      steps.push(sql`(${c.claimId}::uuid, ${c.stepNo}::int, ${c.stepKey}::text, ${c.step.tier}::text, ${c.nextOn}::date)`);
      audits.push({
        action: done.ok ? 'claim.dunning_step_done' : 'claim.dunning_step_skipped',
        entityType: 'claim',
        entityId: c.claimId,
        debtorId: ctx.debtor.id,
        creditorId: plan.creditorId,
        after: done.ok
          ? { step: c.stepKey, stepNo: c.stepNo, action: plan.action, records: action.records }
          : { step: c.stepKey, stepNo: c.stepNo, action: plan.action, reason: encodeMessage(done.reason) },
      });
    }
  }
  if (steps.length) {
    // Each claim's step, tier and next day — never before the day after a hold (the mediation's pause).
    await sql`
      update claims c
         set dunning_step_no = v.step_no, dunning_step_key = v.step_key, dunning_step_on = ${opts.date}::date, stage = v.stage,
             status = case ${sql.join(Object.entries(STATUS_AFTER_DUNNING_STEP).map(([from, to]) => sql`when c.status = ${from} then ${to}`), sql` `)} else c.status end,
             next_action_on = case when v.next_on is null then null else greatest(v.next_on, c.hold_until + 1) end,
             version = c.version + 1, updated_at = now()
        from (values ${sql.join(steps)}) as v(id, step_no, step_key, stage, next_on)
       where c.tenant_id = ${actor.tenantId} and c.id = v.id`.execute(trx);
  }
  return out;
}

type Outcome = { ok: true } | { ok: false; reason: Message };

/** Why a use case refused: its first field's message, else its own. */
const refusal = (err: AppError): Message => (err.fields[0] ? fieldMessage(err.fields[0]) : err.msg);

async function enforceGuarantees(
  trx: Db,
  actor: Actor,
  ctx: DebtorContext,
  plan: ActionPlan,
  claimIds: string[],
  opts: { date: string; dryRun: boolean },
  action: DunningAction,
): Promise<Outcome> {
  // Active and valid on the run's day, in the claims' currency, covering one of them.
  const guarantees = await trx
    .selectFrom('guarantees as g')
    .innerJoin('guarantors as p', (j) => j.onRef('p.id', '=', 'g.guarantor_id').onRef('p.tenant_id', '=', 'g.tenant_id'))
    .select(['g.id', 'p.name'])
    .where('g.tenant_id', '=', actor.tenantId)
    .where('g.debtor_id', '=', ctx.debtor.id)
    .where('g.creditor_id', '=', plan.creditorId)
    .where('g.currency', '=', plan.currency)
    .where('g.state', '=', 'active')
    .where('g.valid_from', '<=', opts.date)
    .where((eb) => eb.or([eb('g.valid_to', 'is', null), eb('g.valid_to', '>=', opts.date)]))
    .where((eb) =>
      eb.or([
        eb('g.covers', '=', 'relationship'),
        eb.exists(
          eb
            .selectFrom('guarantee_claims as gc')
            .select('gc.claim_id')
            .whereRef('gc.guarantee_id', '=', 'g.id')
            .where('gc.tenant_id', '=', actor.tenantId)
            .where('gc.claim_id', 'in', claimIds),
        ),
      ]),
    )
    .orderBy('g.valid_from')
    .orderBy('g.id')
    .execute();
  if (guarantees.length === 0) return { ok: false, reason: msg('guarantees.none_enforceable') };
  if (opts.dryRun) {
    action.recipient = guarantees.map((g) => g.name).join('; ');
    action.records = guarantees.map((g) => ({ kind: 'guarantee' as const, id: g.id }));
    return { ok: true };
  }
  const refused: Message[] = [];
  for (const g of guarantees) {
    try {
      const letterId = await demandFromGuarantor(trx as Trx, actor, g.id, {}, { today: opts.date, channels: plan.step.channels, stepKey: plan.step.key });
      action.records.push({ kind: 'guarantor_letter', id: letterId });
    } catch (err) {
      // Refused before anything was written (nothing due, no contact for the guarantor, the creditor's IBAN).
      if (!(err instanceof AppError)) throw err;
      refused.push(refusal(err));
    }
  }
  if (action.records.length === 0) return { ok: false, reason: refused.length === 1 ? refused[0]! : msg('guarantees.none_enforceable') };
  const letters = await trx
    .selectFrom('guarantor_letters')
    .select(['channel', 'recipient', 'amount'])
    .where('tenant_id', '=', actor.tenantId)
    .where('id', 'in', action.records.map((r) => r.id))
    .orderBy('created_at')
    .execute();
  action.channel = letters[0]!.channel;
  action.recipient = letters.map((l) => l.recipient).join('; ');
  action.amount = letters.length === 1 ? letters[0]!.amount : action.amount;
  return { ok: true };
}

async function proposeMediation(trx: Db, actor: Actor, ctx: DebtorContext, plan: ActionPlan, opts: { date: string; dryRun: boolean }, action: DunningAction): Promise<Outcome> {
  const pending = await trx
    .selectFrom('mediations')
    .select(['id', 'procedure', 'proposed_on'])
    .where('tenant_id', '=', actor.tenantId)
    .where('debtor_id', '=', ctx.debtor.id)
    .where('creditor_id', '=', plan.creditorId)
    .where('outcome', '=', 'pending')
    .orderBy('proposed_on')
    .executeTakeFirst();
  if (pending) {
    return { ok: false, reason: msg('mediation.already_pending', { procedure: messageList([msg(`mediation.procedure.${pending.procedure}`)]), date: dateParam(pending.proposed_on) }) };
  }
  // Every open claim of the relationship in this currency: the procedure is about the relationship.
  const open = await trx
    .selectFrom('claims')
    .select('id')
    .where('tenant_id', '=', actor.tenantId)
    .where('debtor_id', '=', ctx.debtor.id)
    .where('creditor_id', '=', plan.creditorId)
    .where('currency', '=', plan.currency)
    .where('status', 'in', OPEN_STATUSES)
    .orderBy('id')
    .execute();
  if (opts.dryRun) return open.length ? { ok: true } : { ok: false, reason: msg('mediation.no_open_claims') };
  try {
    const id = await arrangeMediation(trx as Trx, actor, { creditorId: plan.creditorId, debtorId: ctx.debtor.id, claimIds: open.map((c) => c.id) }, { today: opts.date });
    action.records.push({ kind: 'mediation', id });
    return { ok: true };
  } catch (err) {
    // None in the jurisdiction (Germany, France), or nothing open: refused before anything was written.
    if (!(err instanceof AppError)) throw err;
    return { ok: false, reason: refusal(err) };
  }
}
