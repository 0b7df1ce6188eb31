import type { StrategyStep } from '../../api/dunning-hooks';
import type { BodyOf } from '../../api/types';
import { parseMoneyInput } from '../../format';

/**
 * A strategy's steps as the editing form holds them (text in inputs, the fee split into a mode and an
 * amount) and back to what the API takes. Amounts typed the local way ("1.234,50") are sent as
 * "1234.50"; what does not parse is sent as typed, so the server names the field.
 */

type Steps = NonNullable<BodyOf<'/api/strategies/{id}', 'patch'>['steps']>;

// The strategy vocabulary (src/domain/dunning/words.ts); the checks below fail to compile when the
// API offers a value these lists do not, or the other way round.
export const TIERS = ['soft', 'formal', 'negotiation', 'closure', 'legal'] as const;
export const CHANNELS = ['email', 'pec', 'letter', 'registered_letter', 'sms', 'phone_task'] as const;
export const INTEREST_MODES = ['none', 'mention', 'charge'] as const;
export const RISK_CLASSES = ['A', 'B', 'C', 'D'] as const;
export const PAYMENT_SLIPS = ['qr_bill', 'pagopa', 'none'] as const;
export const FEE_MODES = ['none', 'creditor', 'amount'] as const;
/** What a step does (src/domain/dunning/strategy.ts STEP_ACTIONS); 'message' = no action, the template to the debtor. */
export const STEP_ACTIONS = ['enforce_guarantee', 'propose_mediation'] as const;
export const ACTION_CHOICES = ['message', ...STEP_ACTIONS] as const;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _sameVocabulary: [
  Same<(typeof TIERS)[number], StrategyStep['tier']>,
  Same<(typeof CHANNELS)[number], StrategyStep['channels'][number]>,
  Same<(typeof INTEREST_MODES)[number], StrategyStep['interest']>,
  Same<(typeof RISK_CLASSES)[number], NonNullable<StrategyStep['conditions']['riskClasses']>[number]>,
  Same<(typeof PAYMENT_SLIPS)[number], NonNullable<StrategyStep['paymentSlip']>>,
  Same<(typeof DELAY_FROM)[number], StrategyStep['delayFrom']>,
  Same<(typeof STEP_ACTIONS)[number], NonNullable<StrategyStep['action']>>,
] = [true, true, true, true, true, true, true];
void _sameVocabulary;

export interface ConditionValues {
  debtorKinds: string[];
  currencies: string[];
  languages: string[];
  riskClasses: string[];
  minAmount: string;
  maxAmount: string;
  /** 'any', or 'true' / 'false' = only debtors reachable by phone / only those who are not. */
  reachableByPhone: string;
}

export interface StepValues {
  /** Only for React: rows keep their identity when moved. Never sent. */
  uid: string;
  key: string;
  tier: string;
  delayDays: number | string;
  delayFrom: string;
  channels: string[];
  template: string;
  /** 'none' | 'creditor' | 'amount' (then `feeAmount`). */
  feeMode: string;
  feeAmount: string;
  interest: string;
  waiveBelow: string;
  postage: string;
  /** '' = the letter's default. */
  paymentSlip: string;
  /** 'message' (the template to the debtor) or one of STEP_ACTIONS. */
  action: string;
  conditions: ConditionValues;
}

export interface Values {
  name: string;
  steps: StepValues[];
}

export const newUid = () => crypto.randomUUID();

export const emptyConditions = (): ConditionValues => ({ debtorKinds: [], currencies: [], languages: [], riskClasses: [], minAmount: '', maxAmount: '', reachableByPhone: 'any' });

/** What a step's delay counts from (src/domain/dunning/strategy.ts DELAY_FROM). */
export const DELAY_FROM = ['due', 'previous', 'load'] as const;

export function toStepValues(s: StrategyStep): StepValues {
  const c = s.conditions;
  const fixedFee = s.fee !== 'none' && s.fee !== 'creditor';
  return {
    uid: newUid(),
    key: s.key,
    tier: s.tier,
    delayDays: s.delayDays,
    delayFrom: s.delayFrom,
    channels: [...s.channels],
    template: s.template,
    feeMode: fixedFee ? 'amount' : s.fee,
    feeAmount: fixedFee ? s.fee : '',
    interest: s.interest,
    waiveBelow: s.waiveBelow ?? '',
    postage: s.postage ?? '',
    paymentSlip: s.paymentSlip ?? '',
    action: s.action ?? 'message',
    conditions: {
      debtorKinds: [...(c.debtorKinds ?? [])],
      currencies: [...(c.currencies ?? [])],
      languages: [...(c.languages ?? [])],
      riskClasses: [...(c.riskClasses ?? [])],
      minAmount: c.minAmount ?? '',
      maxAmount: c.maxAmount ?? '',
      reachableByPhone: c.reachableByPhone === undefined ? 'any' : String(c.reachableByPhone),
    },
  };
}

const amount = (v: string) => (v.trim() === '' ? undefined : (parseMoneyInput(v) ?? v.trim()));

export function toStep(v: StepValues): Steps[number] {
  const c = v.conditions;
  const conditions: Record<string, unknown> = {};
  for (const k of ['debtorKinds', 'currencies', 'languages', 'riskClasses'] as const) if (c[k].length) conditions[k] = c[k];
  if (amount(c.minAmount) !== undefined) conditions.minAmount = amount(c.minAmount);
  if (amount(c.maxAmount) !== undefined) conditions.maxAmount = amount(c.maxAmount);
  if (c.reachableByPhone === 'true' || c.reachableByPhone === 'false') conditions.reachableByPhone = c.reachableByPhone === 'true';
  const step: Record<string, unknown> = {
    key: v.key.trim(),
    tier: v.tier,
    delayDays: typeof v.delayDays === 'number' ? v.delayDays : Number.parseInt(v.delayDays, 10),
    delayFrom: v.delayFrom,
    channels: v.channels,
    template: v.template,
    conditions,
    fee: v.feeMode === 'amount' ? (amount(v.feeAmount) ?? '') : v.feeMode,
    interest: v.interest,
  };
  if (amount(v.waiveBelow) !== undefined) step.waiveBelow = amount(v.waiveBelow);
  if (amount(v.postage) !== undefined) step.postage = amount(v.postage);
  if (v.paymentSlip) step.paymentSlip = v.paymentSlip;
  if (v.action && v.action !== 'message') step.action = v.action;
  return step as Steps[number];
}

/** How many conditions a step has (each list and each bound counts once). */
export const conditionCount = (c: ConditionValues) =>
  [c.debtorKinds.length, c.currencies.length, c.languages.length, c.riskClasses.length, c.minAmount.trim(), c.maxAmount.trim(), c.reachableByPhone !== 'any'].filter(Boolean).length;
