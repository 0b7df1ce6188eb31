import { describe, expect, it } from 'vitest';
import { messageList, msg, translate } from '../messages/index.ts';
import { profileOf, type ClaimHistory, type DebtorHistory } from './profile.ts';
import { adviceFor, classify, DEFAULT_RISK_RULES, riskRulesOf, riskRulesProblem } from './rules.ts';

const claim = (id: string, over: Partial<ClaimHistory>): ClaimHistory => ({
  id,
  currency: 'EUR',
  principal: '1000.00',
  principalPaid: '0.00',
  dueDate: '2026-01-01',
  status: 'open',
  closedOn: null,
  stage: 'soft',
  ...over,
});

const AS_OF = '2026-06-30';

/** A customer who used to pay and now does not (figures worked out by hand in the comments). */
const worsening: DebtorHistory = {
  claims: [
    claim('c1', { principal: '1000.00', dueDate: '2025-01-10', status: 'paid', principalPaid: '1000.00', closedOn: '2025-01-10' }), // 0 days
    claim('c2', { principal: '3000.00', dueDate: '2025-03-01', status: 'paid', principalPaid: '3000.00', closedOn: '2025-03-31' }), // 30
    claim('c3', { principal: '1000.00', dueDate: '2025-09-01', status: 'paid', principalPaid: '1000.00', closedOn: '2025-11-15' }), // 75
    claim('c4', { principal: '500.00', dueDate: '2025-10-01', status: 'paid', principalPaid: '500.00', closedOn: '2026-01-05' }), // 96
    claim('c5', { principal: '2000.00', dueDate: '2026-03-31', stage: 'negotiation' }), // open, 91 days to asOf
    claim('c6', { principal: '400.00', principalPaid: '100.00', currency: 'CHF', dueDate: '2026-07-15', status: 'partially_paid' }), // not due
    claim('c7', { principal: '999.00', dueDate: '2024-01-01', status: 'written_off' }), // counts nowhere
    claim('c8', { principal: '250.00', dueDate: '2026-06-01', status: 'disputed' }), // 29 days
  ],
  promises: [{ state: 'kept' }, { state: 'broken' }, { state: 'short' }, { state: 'pending' }],
  plans: [
    { state: 'lapsed', lapsedOn: '2024-05-10' },
    { state: 'lapsed', lapsedOn: '2025-11-20' },
    { state: 'paid', lapsedOn: null },
  ],
};

describe('payment-behaviour profile', () => {
  it('fixes every figure of a hand-built history', () => {
    expect(profileOf(worsening, AS_OF)).toEqual({
      asOf: AS_OF,
      claims: 8,
      paid: 4,
      paidOnTime: 1,
      onTimePercent: 25,
      // (1000·0 + 3000·30 + 1000·75 + 500·96) / 5500 = 213000 / 5500 = 38.727…
      avgDaysLate: '38.7',
      // weights by days late: 0 → 1000, 30 → 4000 of 5500: half reached at 30
      medianDaysLate: 30,
      recentDaysLate: [96, 75, 30, 0],
      // due after 2025-06-30: c3 75, c4 96, c5 91, c8 29 → 312250 / 3750 = 83.27
      lateness12: '83.3',
      // due 2024-07-01 … 2025-06-30: c1 0, c2 30 → 90000 / 4000
      latenessPrev12: '22.5',
      promisesKept: 1,
      promisesBroken: 2,
      plansLapsed: 2,
      lastLapsedOn: '2025-11-20',
      disputes: 1,
      exposure: { CHF: '300.00', EUR: '2250.00' },
      overdue: 2,
      oldestOverdueOn: '2026-03-31',
      negotiation: 1,
    });
  });

  it('is empty but defined for a debtor with no records', () => {
    const f = profileOf({ claims: [], promises: [], plans: [] }, AS_OF);
    expect(f).toMatchObject({ paid: 0, onTimePercent: null, avgDaysLate: null, medianDaysLate: null, lateness12: null, exposure: {}, oldestOverdueOn: null });
  });

  it('weighs days late by amount: one big late invoice outweighs many small punctual ones', () => {
    const f = profileOf(
      {
        claims: [
          ...['a', 'b', 'c'].map((id) => claim(id, { principal: '100.00', dueDate: '2026-01-01', status: 'paid', closedOn: '2026-01-01' })),
          claim('big', { principal: '5000.00', dueDate: '2026-01-01', status: 'paid', closedOn: '2026-03-02' }), // 60 days
        ],
        promises: [],
        plans: [],
      },
      AS_OF,
    );
    expect(f.onTimePercent).toBe(75);
    expect(f.avgDaysLate).toBe('56.6'); // 300000 / 5300
    expect(f.medianDaysLate).toBe(60);
  });
});

describe('risk class', () => {
  it('is D with every adverse fact explained, worst first', () => {
    const a = classify(profileOf(worsening, AS_OF));
    expect(a.riskClass).toBe('D');
    expect(a.worsening).toBe(true);
    expect(translate(msg('risk.explanation', { class: a.riskClass, reasons: messageList(a.reasons) }), 'it')).toBe(
      'D: 2 piani decaduti, l’ultimo nel 2025; 2 delle ultime 4 fatture pagate con oltre 30 giorni di ritardo; ' +
        '2 promesse di pagamento non mantenute; la fattura aperta più vecchia è scaduta da 91 giorni; ' +
        'fatture saldate entro la scadenza: solo 25% delle 4 pagate; ' +
        'ritardi in aumento: 83 giorni medi negli ultimi 12 mesi contro 23 nei 12 precedenti',
    );
  });

  it('reads the issue’s example: 3 of the last 5 paid over 60 days late and a plan lapsed', () => {
    const late = (id: string, closedOn: string) => claim(id, { dueDate: '2025-01-01', status: 'paid', closedOn });
    const f = profileOf(
      {
        // 73, 78 and 90 days late, and twelve paid before their due date (80% on time: no other fact).
        claims: [late('a', '2025-03-15'), late('b', '2025-03-20'), late('c', '2025-04-01'), ...Array.from({ length: 12 }, (_, i) => late(`p${i}`, `2024-12-${String(10 + i)}`))],
        promises: [],
        plans: [{ state: 'lapsed', lapsedOn: '2025-06-01' }],
      },
      AS_OF,
    );
    const a = classify(f);
    expect(translate(msg('risk.explanation', { class: a.riskClass, reasons: messageList(a.reasons) }), 'it')).toBe(
      'D: 3 delle ultime 5 fatture pagate con oltre 60 giorni di ritardo; un piano decaduto nel 2025',
    );
  });

  it('is A for a punctual payer, B without history, and follows overridden thresholds', () => {
    const punctual = profileOf({ claims: [claim('a', { status: 'paid', closedOn: '2026-01-01' }), claim('b', { status: 'paid', closedOn: '2025-12-30' })], promises: [], plans: [] }, AS_OF);
    expect(classify(punctual)).toMatchObject({ riskClass: 'A', reasons: [msg('risk.reason_good', { percent: 100, paid: 2 })] });
    expect(classify(profileOf({ claims: [claim('x', { dueDate: '2026-07-31' })], promises: [], plans: [] }, AS_OF))).toMatchObject({ riskClass: 'B', reasons: [msg('risk.reason_no_history')] });
    // A creditor allowing two lapsed plans before D, and a tenant that calls no history C.
    const rules = riskRulesOf({ noHistory: 'C' }, { D: { plansLapsed: 3, lateDays: 100 } });
    expect(rules.noHistory).toBe('C');
    expect(rules.D).toEqual({ ...DEFAULT_RISK_RULES.D, plansLapsed: 3, lateDays: 100 });
    expect(classify(profileOf(worsening, AS_OF), rules).riskClass).toBe('C');
    // Stored rules that break the schema are ignored, and named.
    expect(riskRulesOf({ recent: 99 })).toEqual(DEFAULT_RISK_RULES);
    expect(riskRulesProblem({ recent: 99 })).toBe('recent');
    expect(riskRulesProblem({ C: { overdueDays: 60 } })).toBeNull();
  });
});

describe('advice in the negotiation tier (seed 000)', () => {
  it('closes the relationship with a D', () => {
    const f = profileOf(worsening, AS_OF);
    const advice = adviceFor(f, classify(f));
    expect(advice?.recommend).toBe('close');
    expect(advice?.reasons[0]).toEqual(msg('risk.advice_class', { class: 'D' }));
    expect(advice?.reasons.at(-1)).toEqual(msg('risk.advice_close'));
  });

  it('negotiates with a good payer in temporary difficulty, asks a guarantee when delays grow or exposure is high', () => {
    const good = (extra: ClaimHistory[]) =>
      profileOf(
        {
          claims: [
            claim('p1', { principal: '1000.00', dueDate: '2024-09-01', status: 'paid', closedOn: '2024-09-01' }),
            claim('p2', { principal: '1000.00', dueDate: '2025-02-01', status: 'paid', closedOn: '2025-02-01' }),
            ...extra,
          ],
          promises: [],
          plans: [],
        },
        AS_OF,
      );
    const temporary = good([claim('n', { principal: '800.00', dueDate: '2026-06-20', stage: 'negotiation' })]);
    const a = classify(temporary);
    expect(a.riskClass).toBe('A');
    expect(adviceFor(temporary, a)).toEqual({ recommend: 'negotiate', reasons: [msg('risk.advice_class', { class: 'A' }), ...a.reasons, msg('risk.advice_negotiate')] });

    // The same customer, 50 days late on a big one now: the trend worsens (class B), a guarantee is asked.
    const slipping = good([claim('n', { principal: '12000.00', dueDate: '2026-05-11', stage: 'negotiation' })]);
    const s = classify(slipping);
    expect(s.riskClass).toBe('B');
    expect(adviceFor(slipping, s)?.recommend).toBe('guarantee');
    expect(adviceFor(slipping, s)?.reasons.map((r) => r.code)).toEqual(['risk.reason_worsening', 'risk.advice_high_exposure', 'risk.advice_guarantee']);

    // Outside the negotiation tier: no advice.
    const soft = good([claim('n', { principal: '800.00', dueDate: '2026-06-20' })]);
    expect(adviceFor(soft, classify(soft))).toBeNull();
  });
});
