import { describe, expect, it } from 'vitest';
import { money, sumMoney } from '../money.ts';
import { instalmentTier } from '../municipal/instalments.ts';
import { fillInstalments, lapseOf } from './lapse.ts';
import { interestPauseOf, interestPausesOf } from './pauses.ts';
import { remindersDue } from './reminders.ts';
import { C796_RULES, DEFAULT_PLAN_REMINDERS, planProblems, regulationProblems, type PlanRules } from './rules.ts';
import { deferralInterestKept, deferralRate, deferralTerms, planSchedule, splitProRata, withDeferralInterest } from './schedule.ts';

describe('instalment plans: c.796 tiers (TV-IT-19)', () => {
  it('€100.00 none, €100.01 up to 4, €3,000.00 5–12, €6,000.01 25–36, €20,000.01 37–72', () => {
    const tiers = ['100.00', '100.01', '3000.00', '6000.01', '20000.01'].map((a) => instalmentTier(a));
    expect(tiers.map((t) => [t.min, t.max])).toEqual([
      [0, 0],
      [1, 4],
      [5, 12],
      [25, 36],
      [37, 72],
    ]);
  });

  it('a proposal outside the tier says why (it needs approval, not a refusal)', () => {
    const check = (total: string, count: number) => planProblems(C796_RULES, { total, count, smallest: money(total).div(count).toFixed(2) }).map((m) => m.code);
    expect(check('100.00', 2)).toEqual(['plans.too_small']);
    expect(check('450.00', 4)).toEqual([]);
    expect(check('450.00', 5)).toEqual(['plans.too_many']);
    expect(check('2500.00', 4)).toEqual(['plans.too_few']);
    expect(check('25000.00', 72)).toEqual([]);
  });

  it('a comune’s regulation may differ but must allow 36 instalments above €6,000.01 (c.797)', () => {
    const own: PlanRules = { ...C796_RULES, tiers: [{ upTo: '500.00', min: 1, max: 6 }, { upTo: '10000.00', min: 2, max: 24 }, { upTo: null, min: 2, max: 30 }] };
    expect(regulationProblems(own).map((m) => m.params)).toEqual([{ most: 30 }]);
    expect(regulationProblems(C796_RULES)).toEqual([]);
    expect(planProblems({ ...C796_RULES, guaranteeAbove: '5000.00' }, { total: '6000.00', count: 20, smallest: '300.00' }).map((m) => m.code)).toEqual(['plans.guarantee_needed']);
    expect(planProblems({ ...C796_RULES, guaranteeAbove: '5000.00' }, { total: '5000.00', count: 20, smallest: '250.00' })).toEqual([]);
    expect(planProblems({ ...C796_RULES, minInstalment: '50.00' }, { total: '400.00', count: 4, smallest: '40.00' }).map((m) => m.code)).toEqual(['plans.instalment_too_small']);
  });
});

describe('planSchedule: the instalments add up to the plan, to the cent', () => {
  it('the last instalment absorbs the remainder; due on the last day of each month', () => {
    const s = planSchedule({ total: '1000.00', count: 3, firstDueOn: '2027-01-31', dueDay: 'last' });
    expect(s).toEqual([
      { number: 1, dueOn: '2027-01-31', amount: '333.33' },
      { number: 2, dueOn: '2027-02-28', amount: '333.33' },
      { number: 3, dueOn: '2027-03-31', amount: '333.34' },
    ]);
  });

  it('a day of the month is clamped to short months; a first payment apart, the rest equal', () => {
    expect(planSchedule({ total: '100.00', count: 3, firstDueOn: '2027-01-31' }).map((i) => i.dueOn)).toEqual(['2027-01-31', '2027-02-28', '2027-03-31']);
    expect(planSchedule({ total: '1000.00', count: 4, firstDueOn: '2027-01-15', firstAmount: '250.00' }).map((i) => i.amount)).toEqual(['250.00', '250.00', '250.00', '250.00']);
    expect(planSchedule({ total: '1000.00', count: 3, firstDueOn: '2027-01-15', firstAmount: '300.00' }).map((i) => i.amount)).toEqual(['300.00', '350.00', '350.00']);
  });

  it('on 400 seeded cases, every schedule sums to the planned amount and no instalment is zero', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let k = 0; k < 400; k++) {
      const count = 1 + Math.floor(rnd() * 72);
      const cents = count + Math.floor(rnd() * 5_000_000);
      const total = (cents / 100).toFixed(2);
      const s = planSchedule({ total, count, firstDueOn: '2027-01-31', dueDay: rnd() < 0.5 ? 'last' : 1 + Math.floor(rnd() * 31) });
      expect(s).toHaveLength(count);
      expect(sumMoney(s.map((i) => i.amount)).toFixed(2)).toBe(total);
      expect(s.every((i) => money(i.amount).gt(0))).toBe(true);
      expect(s.slice(0, -1).every((i) => i.amount === s[0]!.amount)).toBe(true);
    }
  });

  it('refuses what cannot be a schedule', () => {
    expect(() => planSchedule({ total: '0.02', count: 3, firstDueOn: '2027-01-31' })).toThrow(RangeError);
    expect(() => planSchedule({ total: '10.005', count: 2, firstDueOn: '2027-01-31' })).toThrow(RangeError);
    expect(() => planSchedule({ total: '10.00', count: 0, firstDueOn: '2027-01-31' })).toThrow(RangeError);
  });
});

describe('plan lapse (c.800, TV-IT-20)', () => {
  const plan = planSchedule({ total: '1200.00', count: 12, firstDueOn: '2027-01-31', dueDay: 'last' });

  it('payments fill the instalments in order: paid, partly paid, late, due', () => {
    const s = fillInstalments(plan, '250.00', '2027-03-15');
    expect(s.slice(0, 4).map((i) => [i.number, i.paid, i.state])).toEqual([
      [1, '100.00', 'paid'],
      [2, '100.00', 'paid'],
      [3, '50.00', 'partly_paid'],
      [4, '0.00', 'due'],
    ]);
    expect(fillInstalments(plan, '250.00', '2027-04-01')[2]!.state).toBe('late');
  });

  it('two unpaid instalments, not consecutive, within six months after an express reminder: the plan lapses', () => {
    // €300 paid: payments fill in order, so instalments 1–3 are covered and 4 (April) is late by May.
    const today = '2027-05-15';
    const s = fillInstalments(plan, '300.00', today);
    expect(s.filter((i) => i.state === 'late').map((i) => i.number)).toEqual([4]);
    const later = fillInstalments(plan, '300.00', '2027-07-10');
    expect(later.filter((i) => i.state === 'late').map((i) => i.number)).toEqual([4, 5, 6]);
    // Reminders sent for 4 and 6 only (5 was not reminded): 4 and 6 are two missed within six months.
    const reminded = new Map([
      [4, '2027-05-05'],
      [6, '2027-07-05'],
    ]);
    expect(lapseOf(C796_RULES, later, reminded, '2027-07-10')).toEqual({ lapsedOn: '2027-07-05', missed: [4, 6] });
  });

  it('no reminder, or the two missed more than six months apart: no lapse', () => {
    const late = fillInstalments(plan, '300.00', '2027-07-10');
    expect(lapseOf(C796_RULES, late, new Map(), '2027-07-10')).toBeNull();
    // Only instalment 4 reminded in this window: one missed is not two.
    expect(lapseOf(C796_RULES, late, new Map([[4, '2027-05-05']]), '2027-07-10')).toBeNull();
    // Missed in April and again in November (reminded both), paid in between: seven months apart.
    const statuses = plan.map((i) => ({ ...i, paid: i.number === 4 || i.number === 11 ? '0.00' : i.amount, state: i.number === 4 || i.number === 11 ? ('late' as const) : ('paid' as const) }));
    expect(lapseOf(C796_RULES, statuses, new Map([[4, '2027-05-05'], [11, '2027-12-05']]), '2027-12-10')).toBeNull();
  });

  it('a creditor’s own rule (three missed within twelve months, no reminder needed) is data', () => {
    const own: PlanRules = { ...C796_RULES, lapse: { missed: 3, withinMonths: 12, afterReminder: false } };
    const late = fillInstalments(plan, '300.00', '2027-07-10');
    expect(lapseOf(own, late, new Map(), '2027-07-10')).toEqual({ lapsedOn: '2027-06-30', missed: [4, 5, 6] });
  });
});

describe('plan rules per creditor (data)', () => {
  it('a comune gets c.796 by default, a company the company default; stored rules merge over them', async () => {
    const { planRulesOf, COMPANY_PLAN_RULES } = await import('./rules.ts');
    expect(planRulesOf(null, 'public_entity')).toEqual(C796_RULES);
    expect(planRulesOf(null, 'company')).toEqual(COMPANY_PLAN_RULES);
    expect(planRulesOf({ minInstalment: '50.00' }, 'company')).toEqual({ ...COMPANY_PLAN_RULES, minInstalment: '50.00' });
    // Broken data, or a comune's regulation below c.797, falls back to the default.
    expect(planRulesOf({ minInstalment: 12 }, 'company')).toEqual(COMPANY_PLAN_RULES);
    expect(planRulesOf({ tiers: [{ upTo: null, min: 1, max: 12 }] }, 'public_entity')).toEqual(C796_RULES);
  });
});

describe('instalment reminders before and after the due date (issue 15 item 1)', () => {
  const plan = planSchedule({ total: '300.00', count: 3, firstDueOn: '2027-01-31', dueDay: 'last' });
  const at = (paid: string, today: string, sent: { courtesy?: number[]; express?: number[] } = {}) =>
    fillInstalments(plan, paid, today).map((s) => ({ ...s, courtesyOn: sent.courtesy?.includes(s.number) ? '2027-01-24' : null, remindedOn: sent.express?.includes(s.number) ? '2027-02-10' : null }));
  const rules = DEFAULT_PLAN_REMINDERS;

  it('a courtesy reminder from seven days before the due date to the day itself, only for what is not covered', async () => {
    expect(remindersDue(rules, at('100.00', '2027-02-20'), '2027-02-20')).toEqual([]);
    expect(remindersDue(rules, at('100.00', '2027-02-21'), '2027-02-21')).toEqual([{ number: 2, kind: 'courtesy', dueOn: '2027-02-28', missing: '100.00' }]);
    expect(remindersDue(rules, at('130.00', '2027-02-28'), '2027-02-28')).toEqual([{ number: 2, kind: 'courtesy', dueOn: '2027-02-28', missing: '70.00' }]);
    // Paid in advance, or already sent: nothing.
    expect(remindersDue(rules, at('200.00', '2027-02-21'), '2027-02-21')).toEqual([]);
    expect(remindersDue(rules, at('100.00', '2027-02-25', { courtesy: [2] }), '2027-02-25')).toEqual([]);
  });

  it('the express reminder (c.800) from ten days after an unpaid due date, once; a missed courtesy one is not sent late', async () => {
    expect(remindersDue(rules, at('100.00', '2027-03-01'), '2027-03-01')).toEqual([]);
    expect(remindersDue(rules, at('100.00', '2027-03-09'), '2027-03-09')).toEqual([]);
    expect(remindersDue(rules, at('150.00', '2027-03-10'), '2027-03-10')).toEqual([{ number: 2, kind: 'express', dueOn: '2027-02-28', missing: '50.00' }]);
    expect(remindersDue(rules, at('100.00', '2027-03-10', { express: [2] }), '2027-03-10')).toEqual([]);
    // A job that did not run for weeks: the express reminders of both late instalments, and the courtesy one of the third.
    expect(remindersDue(rules, at('0.00', '2027-03-25'), '2027-03-25').map((r) => [r.number, r.kind])).toEqual([
      [1, 'express'],
      [2, 'express'],
      [3, 'courtesy'],
    ]);
    // A creditor's rules without courtesy reminders, express after three days: data.
    expect(remindersDue({ courtesyDaysBefore: null, expressDaysAfter: 3 }, at('100.00', '2027-03-03'), '2027-03-03').map((r) => [r.number, r.kind])).toEqual([[2, 'express']]);
  });
});

describe('interest on the deferral (issue 15 item 1: a comune regulation\'s "interest on the deferral", a company plan\'s "interest")', () => {
  it('each capital share bears simple interest from the start to its due date; capital sums to the plan, instalments to capital plus interest', () => {
    const plain = planSchedule({ total: '1000.00', count: 3, firstDueOn: '2027-01-31', dueDay: 'last' });
    const s = withDeferralInterest(plain, { from: '2027-01-01', rate: '2.5' });
    // 333.33 × 2.5 % × 30/365 = 0.6849… → 0.68; × 58/365 = 1.3241… → 1.32; 333.34 × 2.5 % × 89/365 = 2.0320… → 2.03.
    expect(s).toEqual([
      { number: 1, dueOn: '2027-01-31', capital: '333.33', interest: '0.68', amount: '334.01' },
      { number: 2, dueOn: '2027-02-28', capital: '333.33', interest: '1.32', amount: '334.65' },
      { number: 3, dueOn: '2027-03-31', capital: '333.34', interest: '2.03', amount: '335.37' },
    ]);
    expect(sumMoney(s.map((i) => i.capital)).toFixed(2)).toBe('1000.00');
    expect(sumMoney(s.map((i) => i.amount)).toFixed(2)).toBe(sumMoney(['1000.00', ...s.map((i) => i.interest)]).toFixed(2));
    // No interest asked: the plain schedule.
    expect(withDeferralInterest(plain, { from: '2027-01-01', rate: '0' }).map((i) => i.amount)).toEqual(plain.map((i) => i.amount));
  });

  it('on 150 seeded cases the capital adds up to the plan and the instalments to capital plus interest, to the cent', () => {
    let seed = 11;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let k = 0; k < 150; k++) {
      const count = 1 + Math.floor(rnd() * 72);
      const total = ((count + Math.floor(rnd() * 5_000_000)) / 100).toFixed(2);
      const rate = (Math.floor(rnd() * 80000) / 10000).toString();
      const s = withDeferralInterest(planSchedule({ total, count, firstDueOn: '2027-01-31', dueDay: 'last' }), { from: '2027-01-10', rate });
      expect(sumMoney(s.map((i) => i.capital)).toFixed(2)).toBe(total);
      expect(sumMoney(s.map((i) => i.amount)).toFixed(2)).toBe(money(total).plus(sumMoney(s.map((i) => i.interest))).toFixed(2));
    }
  });

  it('the rate is the table\'s rate in force on the start plus the rules\' points', () => {
    const legal = { rows: [{ from: '2025-01-01', to: '2025-12-31', rate: '2' }, { from: '2026-01-01', to: null, rate: '1.6' }] };
    expect(deferralRate(legal, '2026-03-01', '0')).toBe('1.6');
    expect(deferralRate(legal, '2025-06-30', '1.5')).toBe('3.5');
    expect(() => deferralRate(legal, '2024-12-31', '0')).toThrow(RangeError);
  });

  it('the rate comes with the source of its row', () => {
    const legal = { rows: [{ from: '2026-01-01', to: null, rate: '1.6', source: 'DM 10.12.2025' }] };
    expect(deferralTerms(legal, '2026-03-01', '1')).toEqual({ rate: '2.6', source: 'DM 10.12.2025' });
  });

  it('the interest is split over the positions pro rata to capital, exactly to the cent', () => {
    expect(splitProRata('10.00', ['100.00', '200.00'])).toEqual(['3.33', '6.67']);
    expect(splitProRata('0.02', ['1.00', '1.00', '1.00'])).toEqual(['0.01', '0.01', '0.00']);
    expect(splitProRata('5.00', ['0', '0'])).toEqual(['5.00', '0.00']);
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let k = 0; k < 200; k++) {
      const weights = Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => (Math.floor(rnd() * 1_000_000) / 100).toFixed(2));
      const amount = (Math.floor(rnd() * 100_000) / 100).toFixed(2);
      expect(sumMoney(splitProRata(amount, weights)).toFixed(2)).toBe(amount);
    }
  });

  it('on a lapse the interest of the instalments not yet due (and not paid) is no longer owed', () => {
    const rows = [
      { dueOn: '2027-01-31', interest: '1.00', state: 'paid' },
      { dueOn: '2027-02-28', interest: '2.00', state: 'late' },
      { dueOn: '2027-03-31', interest: '3.00', state: 'late' },
      { dueOn: '2027-04-30', interest: '4.00', state: 'paid' },
      { dueOn: '2027-05-31', interest: '5.00', state: 'due' },
    ];
    expect(deferralInterestKept(rows, '2027-04-03')).toBe('10.00');
  });
});


describe('pause of the ordinary interest (interestPauseOf)', () => {
  const plan = { state: 'active', startedOn: '2026-06-10', lapsedOn: null, closedOn: null, interest: '12.34', ran: true } as const;
  it('runs from the day after the start while the plan runs, and ends with it', () => {
    expect(interestPauseOf(plan)).toEqual({ from: '2026-06-11', to: null, reason: 'plan' });
    expect(interestPauseOf({ ...plan, state: 'paid', closedOn: '2026-10-31' })).toEqual({ from: '2026-06-11', to: '2026-10-31', reason: 'plan' });
    // Lapse and cancellation: ordinary interest runs again from that day.
    expect(interestPauseOf({ ...plan, state: 'lapsed', lapsedOn: '2026-09-03', closedOn: '2026-09-04' })).toEqual({ from: '2026-06-11', to: '2026-09-02', reason: 'plan' });
    expect(interestPauseOf({ ...plan, state: 'cancelled', closedOn: '2026-07-01' })).toEqual({ from: '2026-06-11', to: '2026-06-30', reason: 'plan' });
    expect(interestPauseOf({ ...plan, state: 'cancelled', closedOn: '2026-06-10' })).toBeNull();
  });
  it('none without interest on the deferral, for a proposal never accepted or a rejected plan', () => {
    expect(interestPauseOf({ ...plan, interest: '0.00' })).toBeNull();
    expect(interestPauseOf({ ...plan, state: 'proposed' })).toBeNull();
    expect(interestPauseOf({ ...plan, state: 'rejected' })).toBeNull();
    expect(interestPauseOf({ ...plan, state: 'cancelled', closedOn: '2026-07-01', ran: false })).toBeNull();
    expect(interestPausesOf([plan, { ...plan, interest: '0' }])).toEqual([{ from: '2026-06-11', to: null, reason: 'plan' }]);
  });
});
