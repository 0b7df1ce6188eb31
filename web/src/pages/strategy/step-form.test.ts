import { describe, expect, it } from 'vitest';
import type { StrategyStep } from '../../api/dunning-hooks';
import { conditionCount, toStep, toStepValues } from './step-form';

/** Steps as the API returns them, covering every kind of field (cf. the shipped CH and comune templates). */
const STEPS: StrategyStep[] = [
  {
    key: 'mahnung-1',
    tier: 'soft',
    delayDays: 10,
    delayFrom: 'due',
    channels: ['letter', 'email'],
    template: 'soft-reminder',
    conditions: {},
    fee: 'creditor',
    interest: 'none',
    waiveBelow: '500.00',
    paymentSlip: 'qr_bill',
  },
  {
    key: 'rateizzazione',
    tier: 'negotiation',
    delayDays: 20,
    delayFrom: 'previous',
    channels: ['phone_task', 'letter'],
    template: 'comune-rateizzazione',
    conditions: { minAmount: '100.01', maxAmount: '9999.99', currencies: ['EUR'], debtorKinds: ['consumer'], languages: ['it', 'de'], riskClasses: ['D'], reachableByPhone: false },
    fee: '12.50',
    interest: 'charge',
    postage: '8.90',
  },
  { key: 'telefonata', tier: 'soft', delayDays: 5, delayFrom: 'load', channels: ['phone_task'], template: 'comune-avviso-bonario', conditions: { reachableByPhone: true }, fee: 'none', interest: 'none' },
  { key: 'legal-1', tier: 'legal', delayDays: 15, delayFrom: 'previous', channels: ['pec'], template: 'legal-handoff-it', conditions: {}, fee: 'none', interest: 'mention' },
  // Action steps: the demand to the guarantors (by these channels), the mediation proposal.
  { key: 'escussione', tier: 'legal', delayDays: 20, delayFrom: 'previous', channels: ['pec', 'registered_letter'], template: 'legal-handoff-it', conditions: { riskClasses: ['D'] }, fee: 'none', interest: 'charge', action: 'enforce_guarantee' },
  { key: 'mediazione', tier: 'negotiation', delayDays: 10, delayFrom: 'previous', channels: ['email'], template: 'negotiation-offer', conditions: {}, fee: 'none', interest: 'none', action: 'propose_mediation' },
];

describe('strategy step form', () => {
  it('gives back the steps it was given, unchanged', () => {
    expect(STEPS.map((s) => toStep(toStepValues(s)))).toEqual(STEPS);
    expect(toStepValues(STEPS[1]!)).toMatchObject({ feeMode: 'amount', feeAmount: '12.50', paymentSlip: '' });
    expect(toStepValues(STEPS[0]!)).toMatchObject({ feeMode: 'creditor', feeAmount: '', paymentSlip: 'qr_bill' });
    expect(conditionCount(toStepValues(STEPS[1]!).conditions)).toBe(7);
    expect(toStepValues(STEPS[2]!).conditions.reachableByPhone).toBe('true');
    expect(toStepValues(STEPS[3]!).action).toBe('message');
    expect(toStepValues(STEPS[4]!).action).toBe('enforce_guarantee');
    // Back to a message: no action sent.
    expect('action' in toStep({ ...toStepValues(STEPS[5]!), action: 'message' })).toBe(false);
  });

  it('sends amounts typed the local way as the API’s decimals, and only the conditions set', () => {
    const v = toStepValues(STEPS[3]!);
    v.feeMode = 'amount';
    v.feeAmount = '1.234,5';
    v.waiveBelow = ' 500 ';
    v.postage = '8,90';
    v.delayDays = '31';
    v.conditions.currencies = ['EUR'];
    v.conditions.maxAmount = '10.000,00';
    const step = toStep(v);
    expect(step).toMatchObject({ fee: '1234.5', waiveBelow: '500', postage: '8.90', delayDays: 31, conditions: { currencies: ['EUR'], maxAmount: '10000.00' } });
    expect(Object.keys(step.conditions)).toEqual(['currencies', 'maxAmount']);
    expect(conditionCount(v.conditions)).toBe(2);
    expect(v.conditions.reachableByPhone).toBe('any');
  });

  it('sends what does not parse as typed, for the server to name the field', () => {
    const v = toStepValues(STEPS[0]!);
    v.waiveBelow = '12,345';
    v.feeMode = 'amount';
    v.feeAmount = '';
    v.paymentSlip = '';
    const step = toStep(v);
    expect(step.waiveBelow).toBe('12,345');
    expect(step.fee).toBe('');
    expect('paymentSlip' in step).toBe(false);
  });
});
