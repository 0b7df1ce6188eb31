import {
  bundleForDebtor,
  checkWrittenContact,
  chooseChannel,
  debtorProtection,
  feeFor,
  interestFor,
  isForCreditor,
  nextAction,
  parseStrategy,
  postageFor,
  reachableByPhone,
  type ClaimState,
  type ComplianceRules,
  type ContactOption,
  type DueClaim,
  type DunningChannel,
  type InterestMode,
  type Language,
  type Step,
  type StepAction,
  type Strategy,
} from '../../domain/dunning/index.ts';
import { AppError, fieldMessage } from '../../domain/errors.ts';
import { messageList, messageOf, msg, type Message } from '../../domain/messages/index.ts';
import { money, toMoneyString } from '../../domain/money.ts';
import { lapsedTerm } from '../../domain/municipal/terms.ts';
import type { ActKind, ClaimKind, ClaimStatus, ContactChannel, ContactStatus, Currency, DebtorKind } from '../../domain/model.ts';
import type { DebtorContext } from './load-context.ts';

/**
 * The engine's decision for one debtor on one day, from what `loadDebtorContext` read: no I/O here.
 * Which claims are due for which step (the domain's `nextAction`), how they are grouped (one message
 * per creditor and currency, at the highest step among the claims — `bundleForDebtor`), the channel
 * (never an invalid, opted-out or third-party contact), whether contact rules allow writing today,
 * and the fee and postage of the message. Amounts that depend on the ledger (interest, the total) are
 * computed by the caller, which owns the rate book; `fee` and `postage` here are the step's settings
 * checked against the total later (`finishPlan`).
 */

import { ACTIONABLE_STATUSES } from '../../domain/claims/lifecycle.ts';
export { ACTIONABLE_STATUSES, PAUSED_STATUSES } from '../../domain/claims/lifecycle.ts';

export interface PlannedClaim {
  claimId: string;
  reference: string;
  refNo: string;
  /** The step this claim receives (its own next step: never more than one step at a time). */
  stepNo: number;
  stepKey: string;
  step: Step;
  /** How many steps the claim has received before this one (the creditor's fee list is per reminder number). */
  received: number;
  /** When the claim's following step falls due after this one (null: strategy finished). */
  nextOn: string | null;
}

export interface PlannedChannel {
  channel: DunningChannel;
  contactId: string | null;
  /** E-mail / PEC address, phone number, or the postal address on one line. */
  recipient: string;
}

export interface DebtorPlan {
  creditorId: string;
  audience: 'debtor' | 'creditor';
  step: Step;
  stepNo: number;
  currency: Currency;
  channel: PlannedChannel | null;
  /** Why nothing goes out (no usable channel, a contact rule): the claims stay due and are tried next run. */
  blocked: Message | null;
  /** The claim that carries the message's fee (the one at the message's step). */
  leadClaimId: string;
  claims: PlannedClaim[];
}

/** Claims due today for an action step (strategy.ts STEP_ACTIONS), per creditor, currency and action. */
export interface ActionPlan {
  creditorId: string;
  currency: Currency;
  action: StepAction;
  /** The highest step among the claims (its channels order a guarantor's demand). */
  step: Step;
  stepNo: number;
  claims: PlannedClaim[];
}

export interface DebtorDecision {
  /** Claims not due today whose next date changes (or null: nothing more to do). */
  reschedule: { claimId: string; nextOn: string | null }[];
  send: DebtorPlan[];
  /** Action steps due: done by act-on-batch.ts in the run's transaction, not messages to the debtor. */
  act: ActionPlan[];
  /** Claims the engine cannot work (a strategy that no longer has the claim's last step, bad data). */
  problems: { claimId: string; message: Message }[];
  /** Comune positions past their decadenza or prescription term: left alone (the review list shows them). */
  timeBarred: { claimId: string; termKey: string; lapsedOn: string }[];
}

interface Due extends DueClaim {
  row: DebtorContext['claims'][number];
  state: ClaimState;
  received: number;
}

export interface DecideOptions {
  date: string;
  /** Local time (HH:MM, Europe/Rome) of the run: e-mail quiet hours and SMS windows are checked with it. */
  time: string;
  rules: ComplianceRules;
}

export function decideDebtor(ctx: DebtorContext, opts: DecideOptions): DebtorDecision {
  const out: DebtorDecision = { reschedule: [], send: [], act: [], problems: [], timeBarred: [] };
  const language = asLanguage(ctx.debtor.language);
  const strategies = new Map<string, Strategy | Message>();
  const strategyOf = (id: string, steps: unknown, name: string | null): Strategy | Message => {
    let s = strategies.get(id);
    if (s === undefined) {
      try {
        s = parseStrategy({ name: name ?? 'strategia', steps });
      } catch (err) {
        const problems = err instanceof AppError ? err.fields.map(fieldMessage) : [messageOf(err)];
        s = msg('dunning.stored_strategy_invalid', { problems: messageList(problems) });
      }
      strategies.set(id, s);
    }
    return s;
  };

  // The debtor's open principal per creditor and currency: step conditions on amounts use it.
  const openPrincipal = new Map<string, ReturnType<typeof money>>();
  for (const c of ctx.claims) {
    const key = `${c.creditor_id}|${c.currency}`;
    openPrincipal.set(key, (openPrincipal.get(key) ?? money(0)).plus(money(c.principal).minus(c.principal_paid)));
  }

  // A usable phone number of the debtor's own: the reachableByPhone condition of phone-first strategies.
  const usablePhone = ctx.contacts.some(
    (c) => (c.channel === 'phone' || c.channel === 'mobile') && c.status !== 'invalid' && c.consent !== 'withdrawn' && !c.third_party,
  );

  const due: Due[] = [];
  for (const c of ctx.claims) {
    if (!ACTIONABLE_STATUSES.includes(c.status as ClaimStatus) || !c.strategy_id || !c.strategy_active) continue;
    // A comune's position past its decadenza or prescription term is neither dunned nor called: it is
    // on the comune's review list (usecases/reviews), src/domain/municipal/terms.ts.
    const lapse = lapsedTerm(
      {
        kind: c.kind as ClaimKind,
        actKind: c.act_kind as ActKind | null,
        dueDate: c.due_date,
        taxYear: c.tax_year,
        actDate: c.act_date,
        actNotifiedOn: c.act_notified_on,
        actEnforceableOn: c.act_enforceable_on,
      },
      opts.date,
    );
    if (lapse) {
      out.timeBarred.push({ claimId: c.id, termKey: lapse.term.key, lapsedOn: lapse.lapsedOn });
      continue;
    }
    const strategy = strategyOf(c.strategy_id, c.steps, c.strategy_name);
    if (!('steps' in strategy)) {
      out.problems.push({ claimId: c.id, message: strategy });
      continue;
    }
    const state: ClaimState = {
        dueDate: c.due_date,
        lastStepKey: c.dunning_step_key,
        lastStepOn: c.dunning_step_key === null ? null : c.dunning_step_on,
        holdUntil: c.hold_until,
        paused: false,
        debtorKind: ctx.debtor.kind as DebtorKind,
        currency: c.currency as Currency,
        language,
        riskClass: c.risk_class,
        openPrincipalOfDebtor: toMoneyString(openPrincipal.get(`${c.creditor_id}|${c.currency}`) ?? money(0)),
        loadedOn: c.loaded_on,
        reachableByPhone: reachableByPhone({ usablePhone, phoneTasks: c.phone_tasks, phoneTasksDone: c.phone_tasks_done }),
    };
    let next;
    try {
      next = nextAction(strategy, state);
    } catch (err) {
      out.problems.push({ claimId: c.id, message: messageOf(err) });
      continue;
    }
    if (!next) {
      if (c.next_action_on !== null) out.reschedule.push({ claimId: c.id, nextOn: null });
      continue;
    }
    if (next.on > opts.date) {
      if (c.next_action_on !== next.on) out.reschedule.push({ claimId: c.id, nextOn: next.on });
      continue;
    }
    due.push({ ...next, claimId: c.id, debtorId: ctx.debtor.id, currency: c.currency as Currency, row: c, state, received: c.steps_received ?? 0 });
  }

  // Action steps: one action per creditor, currency and kind (a guarantee or a mediation is per relationship).
  const actionGroups = new Map<string, Due[]>();
  for (const d of due) {
    if (!d.step.action) continue;
    const key = `${d.row.creditor_id}|${d.currency}|${d.step.action}`;
    actionGroups.set(key, [...(actionGroups.get(key) ?? []), d]);
  }
  for (const [key, claims] of actionGroups) {
    const [creditorId, currency, action] = key.split('|') as [string, Currency, StepAction];
    const top = highest(claims);
    out.act.push({
      creditorId,
      currency,
      action,
      step: top.step,
      stepNo: top.index + 1,
      claims: claims.map((d) => plannedClaim(strategyOf(d.row.strategy_id!, d.row.steps, d.row.strategy_name) as Strategy, d, opts.date)),
    });
  }

  // One message per creditor and currency (a letter names one creditor and asks for one currency).
  const groups = new Map<string, Due[]>();
  for (const d of due) {
    if (d.step.action) continue;
    const key = `${d.row.creditor_id}|${d.currency}|${isForCreditor(d.step) ? 'creditor' : 'debtor'}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }

  const contacts: (ContactOption & { id: string })[] = ctx.contacts.map((c) => ({
    id: c.id,
    channel: c.channel as ContactChannel,
    value: c.value,
    status: c.status as ContactStatus,
    optedOut: c.consent === 'withdrawn',
    thirdParty: c.third_party,
  }));
  const writtenThisWeek = ctx.contactLog
    .filter((l) => l.kind === 'written' && l.allowed)
    .map((l) => ({ date: l.local_date, channel: l.channel as 'email' | 'pec' | 'letter' | 'registered_letter' | 'sms' }));

  for (const [key, claims] of groups) {
    const [creditorId, currency, audience] = key.split('|') as [string, Currency, 'debtor' | 'creditor'];
    // For the creditor's advice the highest step is taken the same way (the claims are the debtor's).
    const bundle = audience === 'debtor' ? bundleForDebtor(claims) : highest(claims);
    const planned = claims.map((d) => plannedClaim(strategyOf(d.row.strategy_id!, d.row.steps, d.row.strategy_name) as Strategy, d, opts.date));
    const plan: DebtorPlan = {
      creditorId,
      audience,
      step: bundle.step,
      stepNo: bundle.index + 1,
      currency,
      channel: null,
      blocked: null,
      leadClaimId: bundle.lead.claimId,
      claims: planned,
    };
    if (audience === 'creditor') {
      const creditor = ctx.creditors.get(creditorId);
      if (creditor?.email) plan.channel = { channel: 'email', contactId: null, recipient: creditor.email };
      else plan.blocked = msg('dunning.creditor_no_email');
      out.send.push(plan);
      continue;
    }
    // A deceased debtor, a ceased business, a reported hardship: no reminder at all, a person decides.
    const protectedBy = debtorProtection(ctx.debtor);
    if (protectedBy) {
      plan.blocked = protectedBy;
      out.send.push(plan);
      continue;
    }
    // No SMS gateway yet: an SMS step goes by its next channel (or is blocked, saying why).
    const choice = chooseChannel(bundle.step, contacts, ctx.address !== null, { unavailable: ['sms'] });
    if ('blocked' in choice) {
      plan.blocked = choice.blocked.message;
      out.send.push(plan);
      continue;
    }
    const contact = choice.contact as (ContactOption & { id: string }) | null;
    plan.channel = {
      channel: choice.channel,
      contactId: contact?.id ?? null,
      recipient: contact ? contact.value : postalLine(ctx),
    };
    if (choice.channel !== 'phone_task') {
      const check = checkWrittenContact(opts.rules, choice.channel, { date: opts.date, time: opts.time }, writtenThisWeek);
      if (!check.allowed) plan.blocked = check.reason.message;
    }
    out.send.push(plan);
  }
  return out;
}

/** The message's step for claims that go to the creditor: the highest among them. */
function highest(claims: Due[]): { step: Step; index: number; lead: Due } {
  let lead = claims[0]!;
  for (const c of claims) if (c.index > lead.index) lead = c;
  return { step: lead.step, index: lead.index, lead };
}

function plannedClaim(strategy: Strategy, d: Due, date: string): PlannedClaim {
  // Once this step is recorded today, the claim's following step and its day (null: strategy done).
  let nextOn: string | null = null;
  try {
    nextOn = nextAction(strategy, { ...d.state, lastStepKey: d.step.key, lastStepOn: date })?.on ?? null;
  } catch {
    nextOn = null;
  }
  return {
    claimId: d.claimId,
    reference: d.row.external_ref,
    refNo: d.row.ref_no,
    stepNo: d.index + 1,
    stepKey: d.step.key,
    step: d.step,
    received: d.received,
    nextOn,
  };
}

/** The money settings of a plan once the message's total (before its fee) is known. */
export function finishPlan(
  plan: DebtorPlan,
  total: string,
  creditorFees: readonly string[],
): { fee: string | null; postage: string | null; interest: InterestMode } {
  const lead = plan.claims.find((c) => c.claimId === plan.leadClaimId)!;
  if (plan.audience === 'creditor') return { fee: null, postage: null, interest: 'none' };
  return {
    fee: feeFor(plan.step, lead.received + 1, creditorFees, total, plan.currency),
    postage: postageFor(plan.step, total),
    interest: interestFor(plan.step, total),
  };
}

/** The interest mode of a claim's own step (the claims bundled behind the lead show their own). */
export const ownInterest = (c: PlannedClaim): InterestMode => c.step.interest;

function postalLine(ctx: DebtorContext): string {
  const a = ctx.address!;
  return [a.line1, a.line2, [a.postal_code, a.city, a.province].filter(Boolean).join(' '), a.country !== 'IT' ? a.country : null].filter(Boolean).join(', ');
}

function asLanguage(value: string): Language {
  return value === 'de' || value === 'fr' || value === 'en' ? value : 'it';
}
