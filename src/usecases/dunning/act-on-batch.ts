import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { uuid7 } from '../../db/uuid7.ts';
import type { InterestMode } from '../../domain/dunning/index.ts';
import type { RateBook } from '../../domain/interest/regimes.ts';
import { sumMoney, toMoneyString } from '../../domain/money.ts';
import type { Actor } from '../../domain/policies.ts';
import { checkLetterPayment, renderEmail, type LetterInput } from '../../integrations/letters/index.ts';
import { balanceOf, loadLedgers, resettleClaim, type ClaimLedger } from '../claims/ledger.ts';
import { refreshBalances } from '../claims/balances.ts';
import { STATUS_AFTER_DUNNING_STEP } from '../../domain/claims/lifecycle.ts';
import { recordAudits, type AuditEntry } from '../shared/audit.ts';
import { complianceRulesOf } from '../shared/compliance-rules.ts';
import { decideDebtor, finishPlan, type ActionPlan, type DebtorPlan } from './decide.ts';
import { performStepActions } from './perform-step-actions.ts';
import { buildLetter, claimDue } from './letter-input.ts';
import { loadDebtorContexts, type DebtorContext } from './load-context.ts';
import type { DunningAction } from './run-dunning.ts';
import { encodeMessage, msg } from '../../domain/messages/index.ts';

/**
 * One batch of debtors of one tenant, inside the batch's transaction (the debtors are locked): the
 * decisions for every debtor, then the writes of the whole batch in a handful of statements — the
 * claims' new dates, the step fees and postage, the communications with their claims, the outbox,
 * the contact log, the claims' new step and the audit events. A message is rendered as an e-mail here
 * (HTML and text: milliseconds); a PDF letter is kept as its decided letter (`letter`) and rendered by
 * `renderPendingLetters`, so that a day's tick over a large portfolio is not held up by typesetting.
 */

export interface BatchOptions {
  date: string;
  time: string;
  dryRun: boolean;
  /** Only this creditor's claims. */
  creditorId?: string | undefined;
}

interface Prepared {
  ctx: DebtorContext;
  plan: DebtorPlan;
  action: DunningAction;
  interest: InterestMode;
  fee: string | null;
  postage: string | null;
}

const MODE_RANK: Record<InterestMode, number> = { none: 0, mention: 1, charge: 2 };
export const weakerMode = (a: InterestMode, b: InterestMode): InterestMode => (MODE_RANK[a] <= MODE_RANK[b] ? a : b);

const EMAIL_CHANNELS = new Set(['email', 'pec']);
const POST_CHANNELS = new Set(['letter', 'registered_letter']);

export async function actOnBatch(trx: Db, actor: Actor, book: RateBook, debtorIds: readonly string[], opts: BatchOptions): Promise<{ debtors: number; actions: DunningAction[] }> {
  const contexts = await loadDebtorContexts(trx, actor, debtorIds, opts.date, opts.creditorId);
  const audits: AuditEntry[] = [];
  const nextOn: { id: string; on: string | null }[] = [];
  const stopped: string[] = [];
  const prepared: Prepared[] = [];
  const acts: { ctx: DebtorContext; plan: ActionPlan }[] = [];
  for (const ctx of contexts.values()) {
    const d = decideDebtor(ctx, { date: opts.date, time: opts.time, rules: complianceRulesOf(ctx.tenant.settings) });
    for (const r of d.reschedule) nextOn.push({ id: r.claimId, on: r.nextOn });
    // A claim the engine cannot work is taken out of the daily run and says why in its audit trail:
    // a person maps it to a step of the new strategy.
    for (const p of d.problems) {
      const claim = ctx.claims.find((c) => c.id === p.claimId)!;
      stopped.push(p.claimId);
      audits.push({ action: 'claim.dunning_stopped', entityType: 'claim', entityId: p.claimId, debtorId: ctx.debtor.id, creditorId: claim.creditor_id, after: { reason: encodeMessage(p.message) } });
    }
    for (const plan of d.send) prepared.push({ ctx, plan, action: actionOf(ctx, plan), interest: 'none', fee: null, postage: null });
    for (const plan of d.act) acts.push({ ctx, plan });
  }

  // Amounts: every ledger of the batch in one load; the step's fee and postage follow from the total.
  const claimIds = [...prepared, ...acts].flatMap((p) => p.plan.claims.map((c) => c.claimId));
  let ledgers = await loadLedgers(trx, actor, claimIds);
  for (const p of prepared) {
    const creditor = p.ctx.creditors.get(p.plan.creditorId)!;
    const total = (mode: InterestMode) =>
      toMoneyString(sumMoney(p.plan.claims.map((c) => claimDue(book, ledgers.get(c.claimId)!, opts.date, weakerMode(c.step.interest, mode)))));
    const m = finishPlan(p.plan, total(p.plan.step.interest), creditor.reminder_fees);
    Object.assign(p, m);
    p.action.fees = m.fee ?? '0.00';
    p.action.postage = m.postage ?? '0.00';
    p.action.amount = total(m.interest);
  }
  const sendable = prepared.filter((p) => !p.plan.blocked && p.plan.channel);
  const blocked = prepared.filter((p) => p.plan.blocked || !p.plan.channel);
  // A blocked message charges nothing and skips nothing: its claims are tried again tomorrow (a
  // contact may be added, the quiet hours end), so hourly ticks do not log the same refusal each hour.
  for (const p of blocked) for (const c of p.plan.claims) nextOn.push({ id: c.claimId, on: addDays(opts.date, 1) });

  await setNextActions(trx, actor, nextOn, stopped);

  // The step's fee (on the message's lead claim) and postage, keyed by claim and step: never twice.
  const costs = sendable.flatMap((p) => {
    const lead = p.plan.claims.find((c) => c.claimId === p.plan.leadClaimId)!;
    const rows: CostRow[] = [];
    if (p.fee) rows.push({ claimId: lead.claimId, kind: 'reminder_fee', key: `reminder:${lead.claimId}:${lead.stepNo}`, amount: p.fee, label: `Spese di sollecito n. ${lead.stepNo} (reminder fee, step ${lead.stepNo})`, debtorId: p.ctx.debtor.id, creditorId: p.plan.creditorId, step: lead.stepNo });
    if (p.postage) rows.push({ claimId: lead.claimId, kind: 'other', key: `postage:${lead.claimId}:${lead.stepNo}`, amount: p.postage, label: `Spese postali, passo ${lead.stepNo} (postage, step ${lead.stepNo})`, debtorId: p.ctx.debtor.id, creditorId: p.plan.creditorId, step: lead.stepNo });
    return rows;
  });
  const charged = await chargeCosts(trx, actor, opts.date, costs, ledgers, audits);
  if (charged.length) ledgers = new Map([...ledgers, ...(await loadLedgers(trx, actor, charged))]);

  for (const p of sendable) {
    const lead = p.plan.leadClaimId;
    p.action.claims = p.plan.claims.map((c) => ({
      id: c.claimId,
      reference: c.reference,
      stepNo: c.stepNo,
      totalDue: claimDue(book, ledgers.get(c.claimId)!, opts.date, weakerMode(c.step.interest, p.interest)),
      fee: c.claimId === lead ? p.fee : null,
    }));
    p.action.amount = toMoneyString(sumMoney(p.action.claims.map((c) => c.totalDue)));
  }

  if (!opts.dryRun) {
    await writeBlocked(trx, actor, blocked, opts);
    await writeCommunications(trx, actor, book, sendable, ledgers, opts, audits);
  }
  // Action steps (a guarantor's demand, a mediation proposal): what each claim owes today, for the list.
  const stepActions = await performStepActions(
    trx,
    actor,
    acts.map((a) => ({
      ...a,
      totalDue: new Map(a.plan.claims.map((c) => [c.claimId, claimDue(book, ledgers.get(c.claimId)!, opts.date, c.step.interest)])),
    })),
    { date: opts.date, dryRun: opts.dryRun },
    audits,
  );
  await recordAudits(trx, actor, audits);
  return { debtors: contexts.size, actions: [...prepared.map((p) => p.action), ...stepActions] };
}

function actionOf(ctx: DebtorContext, plan: DebtorPlan): DunningAction {
  return {
    debtorId: ctx.debtor.id,
    debtorName: ctx.debtor.display_name,
    creditorId: plan.creditorId,
    creditorName: ctx.creditors.get(plan.creditorId)?.name ?? '',
    stepKey: plan.step.key,
    stepNo: plan.stepNo,
    tier: plan.step.tier,
    audience: plan.audience,
    channel: plan.channel?.channel ?? null,
    recipient: plan.channel?.recipient ?? null,
    claims: plan.claims.map((c) => ({ id: c.claimId, reference: c.reference, stepNo: c.stepNo, totalDue: '0.00', fee: null })),
    currency: plan.currency,
    amount: '0.00',
    fees: '0.00',
    postage: '0.00',
    blocked: plan.blocked,
    skipped: null,
    records: [],
    communicationId: null,
  };
}

const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

async function setNextActions(trx: Db, actor: Actor, rows: { id: string; on: string | null }[], stopped: string[]): Promise<void> {
  const all = [...rows, ...stopped.map((id) => ({ id, on: null }))];
  if (all.length === 0) return;
  const values = all.map((r) => sql`(${r.id}::uuid, ${r.on}::date)`);
  await sql`
    update claims c set next_action_on = v.next_on, updated_at = now()
      from (values ${sql.join(values)}) as v(id, next_on)
     where c.tenant_id = ${actor.tenantId} and c.id = v.id`.execute(trx);
}

interface CostRow {
  claimId: string;
  kind: 'reminder_fee' | 'other';
  key: string;
  amount: string;
  label: string;
  debtorId: string;
  creditorId: string;
  step: number;
}

/** Inserts the costs not charged before (the key decides); returns the claims that got one. */
async function chargeCosts(trx: Db, actor: Actor, on: string, rows: CostRow[], ledgers: Map<string, ClaimLedger>, audits: AuditEntry[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await trx
    .insertInto('claim_costs')
    .values(
      rows.map((r) => ({
        tenant_id: actor.tenantId,
        claim_id: r.claimId,
        kind: r.kind,
        label: r.label,
        amount: r.amount,
        incurred_on: on,
        source_key: r.key,
        created_by: actor.userId,
      })),
    )
    .onConflict((oc) => oc.columns(['tenant_id', 'source_key']).doNothing())
    .returning(['id', 'source_key'])
    .execute();
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const claims = new Set<string>();
  for (const i of inserted) {
    const r = byKey.get(i.source_key!)!;
    claims.add(r.claimId);
    audits.push({
      action: 'claim.cost_added',
      entityType: 'claim',
      entityId: r.claimId,
      debtorId: r.debtorId,
      creditorId: r.creditorId,
      after: { costId: i.id, kind: r.kind, step: r.step, amount: r.amount, incurredOn: on },
    });
  }
  // Payments already booked are split again (costs come first); a claim without payments has nothing
  // to re-split, only its stored balance to bring up to date (in one statement for the batch).
  const unpaid: string[] = [];
  for (const id of claims) {
    if ((ledgers.get(id)?.payments.length ?? 0) > 0) await resettleClaim(trx, actor, id);
    else unpaid.push(id);
  }
  await refreshBalances(trx, actor.tenantId, unpaid);
  return [...claims];
}

async function writeBlocked(trx: Db, actor: Actor, blocked: Prepared[], opts: BatchOptions): Promise<void> {
  if (blocked.length === 0) return;
  await trx
    .insertInto('contact_log')
    .values(
      blocked.map((p) => ({
        tenant_id: actor.tenantId,
        debtor_id: p.ctx.debtor.id,
        channel: p.plan.channel?.channel ?? p.plan.step.channels[0] ?? 'letter',
        kind: 'written' as const,
        contact_id: p.plan.channel?.contactId ?? null,
        local_date: opts.date,
        local_time: opts.time,
        allowed: false,
        reason: encodeMessage(p.plan.blocked ?? msg('dunning.no_channel')),
        actor_label: actor.label,
      })),
    )
    .execute();
}

async function writeCommunications(
  trx: Db,
  actor: Actor,
  book: RateBook,
  sendable: Prepared[],
  ledgers: Map<string, ClaimLedger>,
  opts: BatchOptions,
  audits: AuditEntry[],
): Promise<void> {
  if (sendable.length === 0) return;
  const numbers = await sql<{ n: string }>`select nextval('communication_ref_no')::text as n from generate_series(1, ${sendable.length})`.execute(trx);
  const communications = [];
  const links = [];
  const outbox = [];
  const log = [];
  const steps = [];
  for (const [i, p] of sendable.entries()) {
    const id = uuid7();
    const refNo = numbers.rows[i]!.n;
    const channel = p.plan.channel!.channel;
    const claims = p.plan.claims.map((c) => {
      const ledger = ledgers.get(c.claimId)!;
      return { claim: c, row: p.ctx.claims.find((r) => r.id === c.claimId)!, ledger, balance: balanceOf(book, ledger, opts.date) };
    });
    const letter: LetterInput = buildLetter({ ctx: p.ctx, plan: p.plan, book, date: opts.date, interest: p.interest, claims, communicationRefNo: refNo, documentId: `C-${refNo}` });
    // Wrong payment data (IBAN, reference, an address a QR-bill cannot carry) is refused now, with the
    // field named, not when the PDF is rendered.
    checkLetterPayment(letter);
    const isEmail = EMAIL_CHANNELS.has(channel);
    let bodyText: string | null = null;
    let bodyHtml: string | null = null;
    let sha256: string | null = null;
    if (isEmail) {
      const m = renderEmail(letter);
      bodyText = m.text;
      bodyHtml = m.html;
      sha256 = createHash('sha256').update(bodyHtml, 'utf8').digest('hex');
    }
    communications.push({
      id,
      tenant_id: actor.tenantId,
      debtor_id: p.ctx.debtor.id,
      creditor_id: p.plan.creditorId,
      ref_no: refNo,
      run_date: opts.date,
      step_no: p.plan.stepNo,
      step_key: p.plan.step.key,
      tier: p.plan.step.tier,
      channel,
      contact_id: p.plan.channel!.contactId,
      recipient: p.plan.channel!.recipient,
      language: letter.language,
      subject: letter.subject,
      currency: p.plan.currency,
      amount: p.action.amount,
      fees: p.action.fees,
      postage: p.action.postage,
      payment_reference: letter.payment.reference,
      status: isEmail ? ('queued' as const) : POST_CHANNELS.has(channel) ? ('to_print' as const) : ('task_open' as const),
      body_text: bodyText,
      body_html: bodyHtml,
      pdf: null,
      sha256,
      message_id: isEmail ? `<${id}@incasso>` : null,
      // Letters, and the statement an operator reads on a phone call, are PDFs rendered from this.
      letter: isEmail ? null : JSON.stringify(letter),
      created_by: actor.userId,
    });
    p.action.communicationId = id;
    for (const c of p.action.claims) {
      const planned = p.plan.claims.find((x) => x.claimId === c.id)!;
      links.push({ tenant_id: actor.tenantId, communication_id: id, claim_id: c.id, step_no: c.stepNo, step_key: planned.stepKey, total_due: c.totalDue, fee: c.fee });
      steps.push(sql`(${c.id}::uuid, ${c.stepNo}::int, ${planned.stepKey}::text, ${planned.step.tier}::text, ${planned.nextOn}::date)`);
    }
    if (isEmail) outbox.push({ tenant_id: actor.tenantId, communication_id: id });
    // A written message is a contact when it leaves; a phone task (or an SMS, sent by an operator) is
    // logged when the call is made (record-phone-contact), under the calling rules of that moment.
    if (p.plan.audience === 'debtor' && (isEmail || POST_CHANNELS.has(channel))) {
      log.push({
        tenant_id: actor.tenantId,
        debtor_id: p.ctx.debtor.id,
        communication_id: id,
        channel,
        kind: 'written' as const,
        contact_id: p.plan.channel!.contactId,
        local_date: opts.date,
        local_time: opts.time,
        allowed: true,
        actor_label: actor.label,
      });
    }
    audits.push({
      action: 'communication.created',
      entityType: 'communication',
      entityId: id,
      debtorId: p.ctx.debtor.id,
      creditorId: p.plan.creditorId,
      after: {
        step: p.plan.step.key,
        tier: p.plan.step.tier,
        channel,
        recipient: p.plan.channel!.recipient,
        claims: p.action.claims,
        amount: p.action.amount,
        fees: p.action.fees,
        postage: p.action.postage,
        currency: p.plan.currency,
        sha256,
      },
    });
  }
  await trx.insertInto('communications').values(communications).execute();
  await trx.insertInto('communication_claims').values(links).execute();
  if (outbox.length) await trx.insertInto('outbox').values(outbox).execute();
  if (log.length) await trx.insertInto('contact_log').values(log).execute();
  // Each claim's step, its tier and its next action date, in one statement.
  await sql`
    update claims c
       set dunning_step_no = v.step_no, dunning_step_key = v.step_key, dunning_step_on = ${opts.date}::date, stage = v.stage,
           status = case ${sql.join(Object.entries(STATUS_AFTER_DUNNING_STEP).map(([from, to]) => sql`when c.status = ${from} then ${to}`), sql` `)} else c.status end,
           next_action_on = v.next_on, version = c.version + 1, updated_at = now()
      from (values ${sql.join(steps)}) as v(id, step_no, step_key, stage, next_on)
     where c.tenant_id = ${actor.tenantId} and c.id = v.id`.execute(trx);
}
