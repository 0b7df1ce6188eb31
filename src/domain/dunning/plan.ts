import { parseDate } from '../dates.ts';
import { encodeMessage, messageList, msg, translate, type Message } from '../messages/index.ts';
import type { ContactChannel, ContactStatus, Currency, DebtorKind } from '../model.ts';
import { money, moneyProblem, toMoneyString } from '../money.ts';
import type { Step, Strategy } from './strategy.ts';
import { templateAudience } from './templates.ts';
import { tierRank, type DunningChannel, type InterestMode, type Language, type RiskClass } from './words.ts';

/**
 * The engine's decisions, as pure functions of a strategy and a claim's state. The caller supplies
 * every date ("today" included); nothing here reads a clock or a database.
 */

/** What the engine knows of a claim when deciding its next step. */
export interface ClaimState {
  dueDate: string;
  /** Key of the last step done for this claim, null when none yet. */
  lastStepKey: string | null;
  /** Day that step was done (null exactly when lastStepKey is null). */
  lastStepOn: string | null;
  /**
   * Last day of a hold (promise to pay, dispute under review, agreed pause), inclusive: the next step
   * is not before the day after it.
   */
  holdUntil?: string | null;
  /** Dunning stopped (plan in place, claim in dispute, creditor's instruction): no next step at all. */
  paused: boolean;
  debtorKind: DebtorKind;
  currency: Currency;
  language: Language;
  riskClass?: RiskClass | null;
  /** The debtor's total open principal with this creditor, in the claim's currency (conditions use it). */
  openPrincipalOfDebtor: string;
  /**
   * The day the claim was loaded (imported or entered), for steps counted from the load; absent: the
   * due date stands in for it.
   */
  loadedOn?: string | null;
  /**
   * Whether the debtor can be dealt with by phone for this claim (see StepConditions.reachableByPhone);
   * absent when the caller does not know (a date recomputed outside the run): the condition is then
   * not checked, and the run decides with the facts.
   */
  reachableByPhone?: boolean | null;
}

export interface NextAction {
  step: Step;
  index: number;
  /** Earliest day the step may be done (ISO date). It is due when on ≤ today, see {@link isDue}. */
  on: string;
}

/** Whether a step's conditions include this claim. */
export function stepApplies(
  step: Step,
  claim: Pick<ClaimState, 'debtorKind' | 'currency' | 'language' | 'riskClass' | 'openPrincipalOfDebtor' | 'reachableByPhone'>,
): boolean {
  const c = step.conditions;
  if (c.reachableByPhone !== undefined && claim.reachableByPhone != null && c.reachableByPhone !== claim.reachableByPhone) return false;
  if (c.debtorKinds && !c.debtorKinds.includes(claim.debtorKind)) return false;
  if (c.currencies && !c.currencies.includes(claim.currency)) return false;
  if (c.languages && !c.languages.includes(claim.language)) return false;
  if (c.riskClasses && (!claim.riskClass || !c.riskClasses.includes(claim.riskClass))) return false;
  const open = money(claim.openPrincipalOfDebtor);
  if (c.minAmount !== undefined && open.lt(c.minAmount)) return false;
  if (c.maxAmount !== undefined && open.gt(c.maxAmount)) return false;
  return true;
}

/**
 * Whether the debtor is reachable by phone for a claim (the `reachableByPhone` condition), from what
 * is known: a usable phone number of the debtor's own (not invalid, not opted out — an opt-out of
 * calls records a request to be written to — not a third party's), and the claim's phone tasks so
 * far. Before any call the debtor counts as reachable; once a phone task was made for the claim, only
 * a task that ended in a conversation keeps them so (one still open, with no answer, is "cannot be
 * reached" by the time the next step falls due; a wrong number has invalidated the number already).
 */
export function reachableByPhone(facts: { usablePhone: boolean; phoneTasks: number; phoneTasksDone: number }): boolean {
  if (!facts.usablePhone) return false;
  return facts.phoneTasks === 0 || facts.phoneTasksDone > 0;
}

const addDays = (iso: string, days: number) => parseDate(iso).add({ days }).toString();
const later = (a: string, b: string) => (a >= b ? a : b);

/** A claim's last step is not in its strategy (edited since): a person must map the claim to a step. */
export class UnknownStepError extends RangeError {
  readonly msg: Message;
  constructor(message: Message) {
    super(translate(message, 'it'));
    this.name = 'UnknownStepError';
    this.msg = message;
  }
}

/**
 * The claim's next step and the day it becomes due; null when dunning is paused or the strategy is
 * finished (no applicable step after the last one done).
 *
 * - Only the step after the last one done can be next: several overdue steps are never done at once
 *   and never skipped for being late. A step is skipped only when its conditions exclude the claim.
 * - Its day: dueDate + delay ('due'), lastStepOn + delay ('previous'; the due date when no step was
 *   done yet) or loadedOn + delay ('load'; the due date when not known), but never before lastStepOn + 1 (one step per claim per day at most) and never before
 *   the day after holdUntil.
 * - A lastStepKey the strategy does not contain (strategy edited after the claim started) throws:
 *   the claim must be mapped to a step of the new strategy by a person, not guessed.
 */
export function nextAction(strategy: Strategy, claim: ClaimState): NextAction | null {
  if ((claim.lastStepKey === null) !== (claim.lastStepOn === null)) {
    throw new RangeError('lastStepKey and lastStepOn go together');
  }
  if (claim.paused) return null;
  let from = 0;
  if (claim.lastStepKey !== null) {
    const done = strategy.steps.findIndex((s) => s.key === claim.lastStepKey);
    if (done < 0) throw new UnknownStepError(msg('dunning.unknown_step', { step: claim.lastStepKey, strategy: strategy.name }));
    from = done + 1;
  }
  for (let index = from; index < strategy.steps.length; index++) {
    const step = strategy.steps[index];
    if (!step || !stepApplies(step, claim)) continue;
    const base =
      step.delayFrom === 'load' ? (claim.loadedOn ?? claim.dueDate) : step.delayFrom === 'due' || claim.lastStepOn === null ? claim.dueDate : claim.lastStepOn;
    let on = addDays(base, step.delayDays);
    if (claim.lastStepOn !== null) on = later(on, addDays(claim.lastStepOn, 1));
    if (claim.holdUntil) on = later(on, addDays(claim.holdUntil, 1));
    return { step, index, on };
  }
  return null;
}

/** Whether an action is due on `today` (ISO date). */
export function isDue(action: NextAction, today: string): boolean {
  return action.on <= parseDate(today).toString();
}

/** Whether a step's message goes to the creditor (internal advice) rather than to the debtor. */
export function isForCreditor(step: Step): boolean {
  return templateAudience(step.template) === 'creditor';
}

// Bundling --------------------------------------------------------------------------------------

/** A claim whose next action is due in this run. */
export interface DueClaim extends NextAction {
  claimId: string;
  debtorId: string;
  currency: Currency;
}

export interface Bundle<T extends DueClaim> {
  /** The message's step: its template, channels and interest wording are used. */
  step: Step;
  index: number;
  /** The claim at the message's step that carries the message's fee (the first such claim given). */
  lead: T;
  /** Every claim in the message, in the order given. */
  claims: T[];
  /** Claims whose own step is lower than the message's: they receive the wording, not the step. */
  behind: T[];
}

const higher = (a: DueClaim, b: DueClaim) => {
  const byTier = tierRank(a.step.tier) - tierRank(b.step.tier);
  return byTier !== 0 ? byTier > 0 : a.index > b.index;
};

/** Separates a debtor's due claims into those for the debtor's message and those for the creditor. */
export function splitByAudience<T extends DueClaim>(claims: readonly T[]): { debtor: T[]; creditor: T[] } {
  return { debtor: claims.filter((c) => !isForCreditor(c.step)), creditor: claims.filter((c) => isForCreditor(c.step)) };
}

/**
 * One message per debtor per run: all the debtor's due claims (one currency, debtor-facing steps; see
 * {@link splitByAudience}) go into a single message at the highest step among them — highest tier,
 * then latest position in the strategy.
 *
 * The rule for the claims at lower steps ("behind"): the message uses the highest step's wording, but
 * each claim advances by exactly one step — the step it was due for (`claim.step`), which is what the
 * caller records for it with the message's date. A claim therefore never jumps over a step it has not
 * received: next run it is due for its own following step. Money follows the same rule: each claim's
 * interest column follows its own step's interest mode, and the message carries at most one reminder
 * fee, that of its step, charged on `lead` (never one fee per bundled claim). A claim may so be *told*
 * more than its own step but is never *recorded* or *charged* beyond it.
 *
 * Throws for no claims, claims of different debtors or currencies, or a creditor-facing step.
 */
export function bundleForDebtor<T extends DueClaim>(claims: readonly T[]): Bundle<T> {
  const first = claims[0];
  if (!first) throw new RangeError('no claims to bundle');
  for (const c of claims) {
    if (c.debtorId !== first.debtorId) throw new RangeError('claims of different debtors in one message');
    if (c.currency !== first.currency) throw new RangeError('claims in different currencies in one message');
    if (isForCreditor(c.step)) throw new RangeError(`step ${c.step.key} is for the creditor, not for the debtor`);
  }
  let lead = first;
  for (const c of claims) if (higher(c, lead)) lead = c;
  const atLead = (c: T) => tierRank(c.step.tier) === tierRank(lead.step.tier) && c.index === lead.index && c.step.key === lead.step.key;
  return { step: lead.step, index: lead.index, lead, claims: [...claims], behind: claims.filter((c) => !atLead(c)) };
}

// Money of a step -------------------------------------------------------------------------------

// Amounts the strategy schema and the ledger have already checked: a bad one here is a bug.
function checkedMoney(value: string, what: string) {
  const problem = moneyProblem(value);
  if (problem) throw new RangeError(`${what}: ${problem}`);
  return money(value);
}

const waived = (step: Step, totalDue: string) => step.waiveBelow !== undefined && checkedMoney(totalDue, 'total due').lt(step.waiveBelow);

/**
 * The reminder fee a step charges, or null for none.
 *
 * - `stepNumber`: which reminder this is for the claim — 1 + the number of steps already recorded for
 *   it (the 1st, 2nd, 3rd reminder of the creditor's terms). It counts what the claim received, so a
 *   claim that skipped a step by its conditions is not charged a later reminder's fee.
 * - `creditorFees`: the creditor's fee per reminder number (index 0 = 1st); 'creditor' with no fee
 *   configured for that number (or "0") charges nothing.
 * - `totalDue`: the total the message asks for; below `waiveBelow` nothing is charged.
 * - `currency`: the claim's; a step whose conditions name other currencies has no fee for it (throws,
 *   as such a step never applies to the claim).
 */
export function feeFor(step: Step, stepNumber: number, creditorFees: readonly string[], totalDue: string, currency: Currency): string | null {
  if (!Number.isInteger(stepNumber) || stepNumber < 1) throw new RangeError(`invalid reminder number: ${stepNumber}`);
  if (step.conditions.currencies && !step.conditions.currencies.includes(currency)) {
    throw new RangeError(`step ${step.key} does not apply to claims in ${currency}`);
  }
  if (waived(step, totalDue)) return null;
  let fee: string | undefined;
  if (step.fee === 'none') return null;
  if (step.fee === 'creditor') fee = creditorFees[stepNumber - 1];
  else fee = step.fee;
  if (fee === undefined) return null;
  const amount = checkedMoney(fee, 'reminder fee');
  return amount.gt(0) ? toMoneyString(amount) : null;
}

/** The step's interest mode for a message of this total: charged interest becomes a mention below waiveBelow. */
export function interestFor(step: Step, totalDue: string): InterestMode {
  return step.interest === 'charge' && waived(step, totalDue) ? 'mention' : step.interest;
}

/** The step's postage charged to the debtor, or null (none set, zero, or waived below waiveBelow). */
export function postageFor(step: Step, totalDue: string): string | null {
  if (step.postage === undefined || waived(step, totalDue)) return null;
  const amount = checkedMoney(step.postage, 'postage');
  return amount.gt(0) ? toMoneyString(amount) : null;
}

// Channel ---------------------------------------------------------------------------------------

export interface ContactOption {
  channel: ContactChannel;
  value: string;
  status: ContactStatus;
  /** The person asked not to be contacted this way. */
  optedOut: boolean;
  /** Someone else's contact (relative, employer, neighbour): never used (Garante 2005). */
  thirdParty: boolean;
}

export type ChannelBlockCode = 'no_usable_channel';
export type ChannelChoice =
  | { channel: DunningChannel; contact: ContactOption | null }
  | { blocked: { code: ChannelBlockCode; message: Message } };

/** The debtor contact channels each step channel can use, in preference order. */
const CONTACTS_FOR: Record<DunningChannel, readonly ContactChannel[]> = {
  email: ['email'],
  pec: ['pec'],
  sms: ['mobile'],
  phone_task: ['mobile', 'phone'],
  letter: [],
  registered_letter: [],
};

/** A channel's name in a reason, worded in the reader's language. */
const nameOf = (channel: DunningChannel) => encodeMessage(msg(`dunning.channel.${channel}`));

/**
 * The channel a step uses for this reader: the first of the step's channels that is usable, with
 * the contact to use (null for letters). Fall-through rules:
 * - a contact is never used when invalid, opted out or a third party's;
 * - 'unverified' contacts are usable (they come from the creditor's records or public registers such
 *   as INI-PEC) but a 'valid' one of the same kind is preferred; `requireValid` refuses them;
 * - within a channel, contacts are tried in the order given (phone_task prefers mobile to landline);
 * - letters need a postal address; a channel listed in `unavailable` is passed over;
 * - when no channel of the step is usable the step is blocked, with every channel's reason, and the
 *   caller decides (hold the claim, find an address); the engine never falls back to a channel the
 *   step does not list.
 */
export function chooseChannel(
  step: Step,
  contacts: readonly ContactOption[],
  hasPostalAddress: boolean,
  options: {
    requireValid?: boolean;
    /** Channels this installation cannot send on (e.g. SMS without a gateway): skipped, with the reason. */
    unavailable?: readonly DunningChannel[];
  } = {},
): ChannelChoice {
  const reasons: Message[] = [];
  for (const channel of step.channels) {
    if (options.unavailable?.includes(channel)) {
      reasons.push(msg('dunning.channel_not_set_up', { channel: nameOf(channel) }));
      continue;
    }
    if (channel === 'letter' || channel === 'registered_letter') {
      if (hasPostalAddress) return { channel, contact: null };
      reasons.push(msg('dunning.no_postal_address', { channel: nameOf(channel) }));
      continue;
    }
    const kinds = CONTACTS_FOR[channel];
    const ofKind = contacts.filter((c) => kinds.includes(c.channel));
    const usable = ofKind.filter((c) => c.status !== 'invalid' && !c.optedOut && !c.thirdParty && (!options.requireValid || c.status === 'valid'));
    const rank = (c: ContactOption) => (c.status === 'valid' ? 0 : 1) * 10 + kinds.indexOf(c.channel);
    const best = [...usable].sort((a, b) => rank(a) - rank(b))[0];
    if (best) return { channel, contact: best };
    if (ofKind.length === 0) {
      reasons.push(msg('dunning.no_contact', { channel: nameOf(channel) }));
    } else {
      const why = [
        ofKind.some((c) => c.status === 'invalid') && msg('dunning.excluded.invalid'),
        ofKind.some((c) => c.optedOut) && msg('dunning.excluded.opted_out'),
        ofKind.some((c) => c.thirdParty) && msg('dunning.excluded.third_party'),
        options.requireValid && ofKind.some((c) => c.status === 'unverified') && msg('dunning.excluded.unverified'),
      ].filter((w): w is Message => w !== false && w !== undefined);
      reasons.push(msg('dunning.contacts_excluded', { channel: nameOf(channel), why: messageList(why, ', ') }));
    }
  }
  return {
    blocked: {
      code: 'no_usable_channel',
      message: msg('dunning.no_usable_channel', { step: step.key, reasons: messageList(reasons) }),
    },
  };
}
