import { describe, expect, it } from 'vitest';
import { dateParam, translate } from '../messages/index.ts';
import { missingDetails, outcomeOf, outcomeSettingsSchema, outcomesFor, SHIPPED_OUTCOMES, type OutcomeDefinition } from './outcomes.ts';
import { deskPriority, DEFAULT_PRIORITY_WEIGHTS, type PriorityInput } from './priority.ts';
import { DEFAULT_PROMISE_RULES, judgePromise, minimumPromise, promiseProblems } from './promises.ts';

const codes = (m: { params?: Record<string, unknown> }[]) => m.map((x) => x.params);

describe('call outcomes', () => {
  it('carry the flags of the taxonomy: attempts, contacts, right-party contacts', () => {
    const by = (c: string) => SHIPPED_OUTCOMES.find((o) => o.code === c)!;
    expect(by('NON_RISPONDE')).toMatchObject({ attempt: true, contact: false, rightParty: false, worked: true, effect: 'retry' });
    expect(by('TERZO_RISPONDE')).toMatchObject({ contact: true, rightParty: false, effect: 'third_party' });
    expect(by('PROMESSA_PAGAMENTO')).toMatchObject({ contact: true, rightParty: true, effect: 'promise', pauses: false });
    expect(by('CONTESTAZIONE')).toMatchObject({ rightParty: true, effect: 'dispute', pauses: true });
    expect(by('DIFFICOLTA_ECONOMICA')).toMatchObject({ effect: 'hardship', pauses: true, supervisor: true });
    // Every right-party outcome is a contact and an attempt; nothing is a right-party contact without being a contact.
    for (const o of SHIPPED_OUTCOMES) {
      if (o.rightParty) expect(o.contact && o.attempt, o.code).toBe(true);
      expect(new Set(SHIPPED_OUTCOMES.map((x) => x.code)).size).toBe(SHIPPED_OUTCOMES.length);
    }
  });

  it('are a tenant’s data: outcomes switched off, retry delays changed; the essential ones stay', () => {
    const mine = outcomesFor({ disabled: ['SEGRETERIA'], retryMinutes: { NON_RISPONDE: 60 } });
    expect(mine.some((o) => o.code === 'SEGRETERIA')).toBe(false);
    expect(mine.find((o) => o.code === 'NON_RISPONDE')!.retryMinutes).toBe(60);
    expect(outcomesFor(null)).toHaveLength(SHIPPED_OUTCOMES.length);
    expect(outcomeOf(mine, 'SEGRETERIA')).toMatchObject({ code: 'desk.outcome_not_offered' });
    expect(outcomeSettingsSchema.safeParse({ disabled: ['PROMESSA_PAGAMENTO'] }).success).toBe(false);
    expect(outcomeSettingsSchema.safeParse({ disabled: ['INVENTATO'] }).success).toBe(false);
    expect(outcomeSettingsSchema.safeParse({ retryMinutes: { PROMESSA_PAGAMENTO: 30 } }).success).toBe(false);
    expect(outcomeSettingsSchema.safeParse({ retryMinutes: { OCCUPATO: 2 } }).success).toBe(false);
    expect(outcomeSettingsSchema.safeParse({ disabled: ['SEGRETERIA'], retryMinutes: { OCCUPATO: 15 } }).success).toBe(true);
  });

  it('name what their effect needs', () => {
    const promise = outcomeOf(SHIPPED_OUTCOMES, 'PROMESSA_PAGAMENTO') as OutcomeDefinition;
    expect(codes(missingDetails(promise, {}))).toEqual([{ code: 'PROMESSA_PAGAMENTO', field: 'promise' }]);
    expect(missingDetails(promise, { promise: { amount: '100.00', dueOn: '2026-12-20' } })).toEqual([]);
    const wrong = outcomeOf(SHIPPED_OUTCOMES, 'NUMERO_ERRATO') as OutcomeDefinition;
    expect(codes(missingDetails(wrong, {}))).toEqual([{ code: 'NUMERO_ERRATO', field: 'contactId' }]);
    expect(missingDetails(outcomeOf(SHIPPED_OUTCOMES, 'NON_RISPONDE') as OutcomeDefinition, {})).toEqual([]);
  });
});

describe('promises to pay', () => {
  const rules = DEFAULT_PROMISE_RULES;
  it('must be at least the higher of the minimum and the share owed, and no more than owed', () => {
    expect(minimumPromise(rules, '1500.00')).toBe('150.00');
    expect(minimumPromise(rules, '50.00')).toBe('10.00');
    expect(minimumPromise(rules, '6.00')).toBe('6.00');
    const p = { today: '2026-12-07', dueOn: '2026-12-20', owed: '1500.00' };
    expect(promiseProblems(rules, { ...p, amount: '150.00' })).toEqual([]);
    expect(translate(promiseProblems(rules, { ...p, amount: '149.99' })[0]!, 'it')).toBe('Promessa di 149,99 €: il minimo è 150,00 €');
    expect(promiseProblems(rules, { ...p, amount: '1500.01' })[0]).toMatchObject({ code: 'desk.promise_more_than_owed' });
    expect(promiseProblems(rules, { ...p, amount: '0' })[0]).toMatchObject({ code: 'desk.promise_amount_positive' });
  });

  it('falls within the days allowed: today up to 30 days ahead', () => {
    const p = { today: '2026-12-07', amount: '200.00', owed: '1500.00' };
    expect(promiseProblems(rules, { ...p, dueOn: '2026-12-07' })).toEqual([]);
    expect(promiseProblems(rules, { ...p, dueOn: '2027-01-06' })).toEqual([]);
    expect(promiseProblems(rules, { ...p, dueOn: '2027-01-07' })[0]).toMatchObject({ code: 'desk.promise_too_far', params: { latest: dateParam('2027-01-06'), maxDays: 30 } });
    expect(promiseProblems(rules, { ...p, dueOn: '2026-12-06' })[0]).toMatchObject({ code: 'desk.promise_in_past' });
  });

  it('is kept by payments reaching the amount, even late within the grace days; short or broken after them', () => {
    const promise = { amount: '300.00', dueOn: '2026-12-20', graceDays: 3 };
    expect(judgePromise(promise, '0.00', '2026-12-23')).toMatchObject({ state: 'pending', lastDay: '2026-12-23', shortfall: '300.00' });
    expect(judgePromise(promise, '300.00', '2026-12-10')).toMatchObject({ state: 'kept', shortfall: '0.00' });
    expect(judgePromise(promise, '350.00', '2026-12-30')).toMatchObject({ state: 'kept', paid: '350.00' });
    expect(judgePromise(promise, '120.00', '2026-12-24')).toMatchObject({ state: 'short', shortfall: '180.00' });
    expect(judgePromise(promise, '0.00', '2026-12-24')).toMatchObject({ state: 'broken', shortfall: '300.00' });
  });
});

describe('desk priority', () => {
  const base: PriorityInput = { today: '2026-12-07', owed: '1000.00', oldestDueOn: '2026-06-10', timeBarOn: null, brokenPromiseOn: null, worked: true };
  it('puts a recently broken promise and a term about to run out above a large amount', () => {
    const big = deskPriority({ ...base, owed: '50000.00' });
    const broken = deskPriority({ ...base, brokenPromiseOn: '2026-12-01' });
    const barred = deskPriority({ ...base, timeBarOn: '2026-12-31' });
    expect(broken.score).toBeGreaterThan(big.score);
    expect(barred.score).toBeGreaterThan(big.score);
    expect(broken.reasons.map((r) => r.code)).toContain('desk.priority_broken_promise');
  });

  it('scores the amount by its order of magnitude, the age by months, a new debtor higher; a far term or old broken promise adds nothing', () => {
    const w = DEFAULT_PRIORITY_WEIGHTS;
    const s = (over: Partial<PriorityInput>) => deskPriority({ ...base, ...over }).score;
    expect(s({ owed: '10000.00' }) - s({ owed: '100.00' })).toBe(2 * w.amount);
    expect(s({ owed: '10100.00' }) - s({ owed: '10000.00' })).toBeLessThan(5);
    expect(s({ oldestDueOn: '2026-11-07' }) - s({ oldestDueOn: '2026-12-07' })).toBe(w.age);
    expect(s({ worked: false }) - s({})).toBe(w.neverWorked);
    expect(s({ timeBarOn: '2028-01-01' })).toBe(s({}));
    expect(s({ brokenPromiseOn: '2026-01-01' })).toBe(s({}));
    // The nearer the term, the higher; its last day gets the full weight.
    expect(s({ timeBarOn: '2026-12-07' }) - s({})).toBe(w.timeBar);
    expect(s({ timeBarOn: '2026-12-10' })).toBeGreaterThan(s({ timeBarOn: '2027-02-10' }));
  });
});
