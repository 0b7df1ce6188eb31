import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { DEFAULT_STRATEGY, STRATEGY_TEMPLATES, parseStrategy, validateStrategy, type Step, type Strategy } from './strategy.ts';
import { TEMPLATE_INFO } from './templates.ts';

const step = (over: Partial<Step> = {}): Step => ({
  key: 'soft-1',
  tier: 'soft',
  delayDays: 10,
  delayFrom: 'due',
  channels: ['email'],
  template: 'soft-reminder',
  conditions: {},
  fee: 'none',
  interest: 'none',
  ...over,
});
const problems = (input: unknown) => {
  const r = validateStrategy(input);
  return r.ok ? [] : r.problems;
};

describe('shipped strategies', () => {
  it('are valid and already in canonical form', () => {
    for (const [key, strategy] of Object.entries(STRATEGY_TEMPLATES)) {
      expect(problems(strategy), key).toEqual([]);
      expect(parseStrategy(strategy)).toEqual(strategy);
      expect(strategy.name).toBe(key);
    }
    expect(DEFAULT_STRATEGY).toBe('it-b2b');
  });
  it('it-b2b reproduces the seed schedule: +10 friendly, +30 formal with interest running, +45 interest charged', () => {
    const [soft, formal, final, ...rest] = STRATEGY_TEMPLATES['it-b2b'].steps;
    expect(soft).toMatchObject({ tier: 'soft', delayDays: 10, delayFrom: 'due', interest: 'none', fee: 'none', template: 'soft-reminder' });
    expect(soft?.channels[0]).toBe('email');
    expect(formal).toMatchObject({ tier: 'formal', delayDays: 30, delayFrom: 'due', interest: 'mention', template: 'formal-notice-it' });
    expect(formal?.channels).toEqual(['pec', 'registered_letter']);
    expect(final).toMatchObject({ tier: 'formal', delayDays: 45, delayFrom: 'due', interest: 'charge', template: 'final-notice-it' });
    expect(final?.channels).toEqual(['pec', 'registered_letter']);
    expect(rest.map((s) => s.tier)).toEqual(['negotiation', 'closure', 'legal']);
    expect(rest.every((s) => s.delayFrom === 'previous' && s.delayDays === 15)).toBe(true);
  });
  it('it-b2c is gentler: later steps, a letter first, no fixed fee', () => {
    const b2c = STRATEGY_TEMPLATES['it-b2c'].steps;
    const b2b = STRATEGY_TEMPLATES['it-b2b'].steps;
    b2c.forEach((s, i) => expect(s.delayDays).toBeGreaterThanOrEqual(b2b[i]?.delayDays ?? 0));
    expect(b2c[0]?.channels[0]).toBe('letter');
    expect(b2c.every((s) => s.fee === 'none' || s.fee === 'creditor')).toBe(true);
    expect(b2c.some((s) => s.channels.includes('sms'))).toBe(false);
  });
  it('ch: three Mahnungen with QR-bill, the creditor’s fees, waived below CHF 500', () => {
    const [m1, m2, m3] = STRATEGY_TEMPLATES.ch.steps;
    for (const m of [m1, m2, m3]) expect(m).toMatchObject({ fee: 'creditor', waiveBelow: '500.00', paymentSlip: 'qr_bill' });
    expect([m1?.delayDays, m2?.delayDays, m3?.delayDays]).toEqual([10, 30, 45]);
    expect([m1?.interest, m2?.interest, m3?.interest]).toEqual(['none', 'mention', 'charge']);
    expect(m2?.template).toBe('formal-notice-ch');
    expect(STRATEGY_TEMPLATES.ch.steps.at(-1)?.template).toBe('legal-handoff-ch');
  });
  it('comune: phone first (5 days after the load); letters only to the unreachable; hand-off; no fees, no commercial interest', () => {
    const steps = STRATEGY_TEMPLATES.comune.steps;
    expect(steps.map((s) => [s.key, s.channels.join('/'), s.conditions.reachableByPhone])).toEqual([
      ['telefonata', 'phone_task', true],
      ['avviso-bonario', 'pec/letter/email', false],
      ['sollecito', 'pec/registered_letter', false],
      ['rateizzazione-telefono', 'phone_task', true],
      ['rateizzazione', 'pec/letter', false],
      ['accertamento', 'email', undefined],
    ]);
    expect(steps[0]).toMatchObject({ delayFrom: 'load', delayDays: 5 });
    // Every step that writes to the taxpayer is for those who cannot be reached by phone.
    const written = steps.filter((s) => s.channels.some((c) => c !== 'phone_task') && TEMPLATE_INFO[s.template].audience === 'debtor');
    expect(written.every((s) => s.conditions.reachableByPhone === false)).toBe(true);
    expect(steps.every((s) => s.fee === 'none' && s.interest === 'none')).toBe(true);
    expect(steps[3]?.conditions.minAmount).toBe('100.01');
    expect(steps[4]?.conditions.minAmount).toBe('100.01');
    expect(TEMPLATE_INFO['comune-handoff'].audience).toBe('creditor');
  });
});

describe('validateStrategy', () => {
  const ok = (steps: Step[]): Strategy => ({ name: 'test', steps });
  it('normalises amounts to two decimals', () => {
    const s = parseStrategy(ok([step({ fee: '30', waiveBelow: '500', postage: '5.5', conditions: { minAmount: '100', maxAmount: '2000.1' } })]));
    expect(s.steps[0]).toMatchObject({ fee: '30.00', waiveBelow: '500.00', postage: '5.50', conditions: { minAmount: '100.00', maxAmount: '2000.10' } });
  });
  it('needs at least one step and a name', () => {
    expect(problems({ name: 'x', steps: [] })[0]).toMatchObject({ message: 'Almeno un passo', messageCode: 'dunning.at_least_one_step' });
    expect(problems({ name: ' ', steps: [step()] })[0]?.path).toBe('name');
  });
  it('refuses duplicate keys, bad keys and a first step counted from a previous one', () => {
    expect(problems(ok([step(), step({ tier: 'formal', template: 'formal-notice-it', delayDays: 30 })]))).toEqual([
      { path: 'steps.1.key', message: 'Chiave ripetuta: soft-1', messageCode: 'dunning.duplicate_step_key', params: { key: 'soft-1' } },
    ]);
    expect(problems(ok([step({ key: 'Soft 1' })]))[0]?.path).toBe('steps.0.key');
    expect(problems(ok([step({ delayFrom: 'previous' })]))[0]).toMatchObject({ path: 'steps.0.delayFrom' });
  });
  it('lets a step count from the load, and keeps later due-date steps free of a comparison with it', () => {
    const formal = step({ key: 'formal-1', tier: 'formal', template: 'formal-notice-it', delayDays: 3 });
    expect(problems(ok([step({ delayFrom: 'load', delayDays: 5 }), formal]))).toEqual([]);
    expect(problems(ok([step({ delayFrom: 'load', delayDays: 5 }), { ...formal, delayFrom: 'previous' }]))).toEqual([]);
    expect(problems(ok([step({ delayFrom: 'loaded' as 'load' })]))[0]).toMatchObject({ path: 'steps.0.delayFrom' });
  });
  it('takes reachableByPhone as a condition, a boolean only', () => {
    expect(problems(ok([step({ conditions: { reachableByPhone: false } })]))).toEqual([]);
    expect(problems(ok([step({ conditions: { reachableByPhone: 'no' as unknown as boolean } })]))[0]).toMatchObject({ path: 'steps.0.conditions.reachableByPhone' });
  });
  it('refuses inconsistent delays and tiers that go back', () => {
    const formal = step({ key: 'formal-1', tier: 'formal', template: 'formal-notice-it', delayDays: 30 });
    expect(problems(ok([step({ delayDays: 30 }), { ...formal, delayDays: 30 }]))[0]).toMatchObject({ path: 'steps.1.delayDays' });
    expect(problems(ok([step({ delayDays: 10 }), step({ key: 'soft-2', delayDays: 5, delayFrom: 'previous' }), { ...formal, delayDays: 15 }]))[0]).toMatchObject({
      path: 'steps.2.delayDays',
    });
    expect(problems(ok([step({ delayDays: 10 }), step({ key: 'soft-2', delayDays: 5, delayFrom: 'previous' }), { ...formal, delayDays: 16 }]))).toEqual([]);
    expect(problems(ok([formal, step({ key: 'soft-2', delayDays: 40 })]))[0]).toMatchObject({ path: 'steps.1.tier' });
    expect(problems(ok([step({ delayDays: -1 })]))[0]?.path).toBe('steps.0.delayDays');
    expect(problems(ok([step({ delayDays: 1.5 })]))[0]?.path).toBe('steps.0.delayDays');
  });
  it('refuses a template of another tier', () => {
    expect(problems(ok([step({ template: 'legal-handoff-it' })]))[0]).toMatchObject({ path: 'steps.0.template' });
  });
  it('refuses inexact money, unknown values and unknown fields', () => {
    expect(problems(ok([step({ fee: '12.345' })]))[0]?.path).toBe('steps.0.fee');
    expect(problems(ok([step({ fee: 'free' })]))[0]?.path).toBe('steps.0.fee');
    expect(problems(ok([step({ waiveBelow: '1,5' })]))[0]?.message).toMatch(/punto come separatore decimale/);
    expect(problems(ok([step({ postage: '-1' })]))[0]?.path).toBe('steps.0.postage');
    expect(problems(ok([step({ conditions: { minAmount: '500', maxAmount: '100' } })]))[0]).toMatchObject({ message: 'Importo minimo maggiore del massimo', messageCode: 'dunning.min_above_max' });
    expect(problems(ok([step({ channels: [] })]))[0]?.path).toBe('steps.0.channels');
    expect(problems(ok([step({ channels: ['email', 'email'] })]))[0]?.messageCode).toBe('dunning.repeated_values');
    expect(problems(ok([{ ...step(), colour: 'red' } as Step]))[0]?.path).toBe('steps.0');
    expect(problems(ok([step({ conditions: { riskClasses: ['extreme' as 'D'] } })]))[0]?.path).toBe('steps.0.conditions.riskClasses.0');
  });
  it('throws the application’s validation error with the fields', () => {
    try {
      parseStrategy({ name: 'x', steps: [step({ fee: '1.234' })] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('validation');
      expect((e as AppError).fields[0]?.path).toBe('steps.0.fee');
    }
  });
});
