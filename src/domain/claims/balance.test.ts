import { describe, expect, it } from 'vitest';
import { claimCase, ratesKnownUntil, type ClaimComponentTerms, type ClaimCost, type ClaimPayment, type ClaimTerms } from '../interest/claim-ledger.ts';
import { fastLastRateDay } from '../interest/fast.ts';
import { book, day, decimals, prng } from '../interest/test-book.ts';
import { DEFAULT_ALLOCATION_ORDER } from '../municipal/revenue-rules.ts';
import { balanceDifferences, balanceFromLedger, rollBalance } from './balance.ts';

const money = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;

function randomClaim(rnd: () => number): { t: ClaimTerms; payments: ClaimPayment[]; costs: ClaimCost[]; stored: string; later: string } {
  const regimes = [null, 'it-legal', 'it-commercial', 'ch', 'de-business', 'fixed', 'none'] as const;
  const regime = regimes[Math.floor(rnd() * regimes.length)]!;
  const due = day('2015-01-01', Math.floor(rnd() * 3000));
  const cents = 100 + Math.floor(10 ** (rnd() * 8));
  const t: ClaimTerms = {
    principal: money(cents),
    currency: rnd() < 0.1 ? 'CHF' : 'EUR',
    dueDate: due,
    jurisdiction: 'IT',
    kind: 'invoice',
    debtorKind: rnd() < 0.3 ? 'consumer' : 'company',
    interestRegime: regime,
    contractDate: null,
    judicialClaimDate: rnd() < 0.15 ? day(due, Math.floor(rnd() * 500)) : null,
    interestRate: regime === 'fixed' ? decimals(rnd() * 12, 2) : null,
    interestBase: null,
    interestSpread: null,
    dayCount: rnd() < 0.2 ? 'act360' : 'act365',
    flatCompensation: rnd() < 0.8,
    allocationOrder: rnd() < 0.8 ? 'costs,interest,principal' : 'principal,interest,costs',
  };
  const span = Math.floor(rnd() * 700);
  const stored = day(due, Math.floor(rnd() * span) - 30);
  const later = day(stored, 1 + Math.floor(rnd() * 400));
  const payments: ClaimPayment[] = [];
  for (let i = 0, n = Math.floor(rnd() * 4); i < n; i++) {
    const date = day(due, Math.floor(rnd() * (span + 40)) - 40);
    if (date > stored) continue;
    payments.push({ paymentId: `p${i}`, date, amount: money(1 + Math.floor(cents * rnd() * 0.5)) });
  }
  const costs: ClaimCost[] = [];
  if (rnd() < 0.4) {
    const date = day(due, Math.floor(rnd() * 60));
    if (date <= stored) costs.push({ date, amount: money(500 + Math.floor(rnd() * 2000)), label: 'spese' });
  }
  return { t, payments, costs, stored, later };
}

describe('stored balances kept current', () => {
  it('a balance rolled forward from its stored figures equals the engine on the whole ledger, on 3,000 random claims', () => {
    const rnd = prng(1205);
    let rolled = 0;
    let replay = 0;
    for (let i = 0; i < 3000; i++) {
      const { t, payments, costs, stored, later } = randomClaim(rnd);
      const s = balanceFromLedger(book, t, payments, costs, stored);
      const r = rollBalance(book, t, s, later);
      const want = balanceFromLedger(book, t, payments, costs, later);
      if (r === null) {
        replay++;
        expect(s.asOf <= t.dueDate, JSON.stringify({ t, s })).toBe(true);
        continue;
      }
      rolled++;
      expect(balanceDifferences(r, want), JSON.stringify({ t, payments, costs, stored, later })).toEqual([]);
      expect(r.interestFrom).toBe(want.interestFrom);
      expect(r.interestCarried).toBe(want.interestCarried);
    }
    expect(rolled).toBeGreaterThan(2000);
    expect(replay).toBeGreaterThan(20);
  });

  it('with interest pauses (a plan with interest on the deferral), a balance rolled forward across their edges equals the engine, on 1,500 random claims', () => {
    const rnd = prng(1206);
    let rolled = 0;
    let paused = 0;
    for (let i = 0; i < 1500; i++) {
      const { t: base, payments, costs, stored, later } = randomClaim(rnd);
      // Windows around the stored day and the later one: starting or ending in between, open-ended, or before.
      const span = Math.max(1, Math.round((Date.parse(later) - Date.parse(base.dueDate)) / 86_400_000));
      const pauses = Array.from({ length: 1 + Math.floor(rnd() * 2) }, () => {
        const from = day(base.dueDate, Math.floor(rnd() * (span + 30)) - 10);
        return { from, to: rnd() < 0.3 ? null : day(from, Math.floor(rnd() * (span / 2 + 1))) };
      });
      const t: ClaimTerms = { ...base, interestPauses: pauses };
      const s = balanceFromLedger(book, t, payments, costs, stored);
      const r = rollBalance(book, t, s, later);
      if (r === null) continue;
      rolled++;
      const want = balanceFromLedger(book, t, payments, costs, later);
      if (balanceFromLedger(book, base, payments, costs, later).interestDue !== want.interestDue) paused++;
      expect(balanceDifferences(r, want), JSON.stringify({ t, payments, costs, stored, later })).toEqual([]);
      expect(r.interestCarried).toBe(want.interestCarried);
    }
    expect(rolled).toBeGreaterThan(1000);
    expect(paused).toBeGreaterThan(500);
  });

  it("a comune's act rolled forward equals the engine on its whole ledger, on 1,000 random acts", () => {
    const rnd = prng(1303);
    let rolled = 0;
    for (let i = 0; i < 1000; i++) {
      const { t: base, payments, costs, stored, later } = randomClaim(rnd);
      const cents = (x: string) => Math.round(Number(x) * 100);
      const tax = cents(base.principal);
      const parts = [
        { kind: 'sanctions' as const, cents: Math.floor(tax * 0.3) + 1 },
        { kind: 'act_interest' as const, cents: Math.floor(tax * rnd() * 0.1) + 1 },
        { kind: 'notification_costs' as const, cents: 500 + Math.floor(rnd() * 1000) },
      ];
      const components: ClaimComponentTerms[] = [
        { id: 'tax', position: 1, kind: 'tax', amount: money(tax), accrues: true, tributeCode: null },
        ...parts.map((p, k) => ({ id: p.kind, position: k + 2, kind: p.kind, amount: money(p.cents), accrues: false, tributeCode: null })),
      ];
      const all = tax + parts.reduce((n, p) => n + p.cents, 0);
      const t: ClaimTerms = { ...base, principal: money(all), components, moneyOrder: rnd() < 0.7 ? DEFAULT_ALLOCATION_ORDER : null };
      const s = balanceFromLedger(book, t, payments, costs, stored);
      const r = rollBalance(book, t, s, later);
      if (r === null) continue;
      rolled++;
      const want = balanceFromLedger(book, t, payments, costs, later);
      expect(balanceDifferences(r, want), JSON.stringify({ t, payments, costs, stored, later })).toEqual([]);
    }
    expect(rolled).toBeGreaterThan(700);
  });

  it('knows the last day of a claim’s rates from the compiled table, as the regime resolves it', () => {
    const rnd = prng(77);
    let compared = 0;
    for (let i = 0; i < 1000; i++) {
      const { t } = randomClaim(rnd);
      const fast = fastLastRateDay(book, claimCase(t, [], [], t.dueDate));
      let slow: string | null | { error: string };
      try {
        slow = ratesKnownUntil(book, t);
      } catch (err) {
        slow = { error: (err as Error).message };
      }
      if (fast === undefined) continue;
      compared++;
      expect(fast, JSON.stringify(t)).toEqual(slow);
    }
    expect(compared).toBeGreaterThan(700);
  });

  it('carries the interest a part payment left, and restarts accrual the day after it', () => {
    const t: ClaimTerms = {
      principal: '1000.00', currency: 'EUR', dueDate: '2024-12-31', jurisdiction: 'IT', kind: 'invoice', debtorKind: 'company',
      interestRegime: 'fixed', contractDate: null, judicialClaimDate: null, interestRate: '10', interestBase: null, interestSpread: null,
      dayCount: 'act365', flatCompensation: false, allocationOrder: 'principal,interest,costs',
    };
    // 10 % on €1,000 for 73 days = €20.00; €500 pays principal first (creditor's order): €20.00 stays owed.
    const s = balanceFromLedger(book, t, [{ paymentId: 'p', date: '2025-03-14', amount: '500.00' }], [], '2025-03-14');
    expect(s).toMatchObject({ interestFrom: '2025-03-14', interestCarried: '20.00', principalDue: '500.00', interestDue: '20.00', totalDue: '520.00' });
    // 73 more days on €500 = €10.00.
    expect(rollBalance(book, t, s, '2025-05-26')).toMatchObject({ asOf: '2025-05-26', interestDue: '30.00', totalDue: '530.00' });
  });

  it("a comune's act: interest rolls on the tax still due only, never on sanctions or costs", () => {
    const t: ClaimTerms = {
      principal: '1395.50', currency: 'EUR', dueDate: '2026-01-31', jurisdiction: 'IT', kind: 'imu', debtorKind: 'consumer',
      interestRegime: 'fixed', contractDate: null, judicialClaimDate: null, interestRate: '5', interestBase: null, interestSpread: null,
      dayCount: 'act365', flatCompensation: false, allocationOrder: 'costs,interest,principal', moneyOrder: DEFAULT_ALLOCATION_ORDER,
      components: [
        { id: 't', position: 1, kind: 'tax', amount: '1000.00', accrues: true, tributeCode: '3918' },
        { id: 's', position: 2, kind: 'sanctions', amount: '300.00', accrues: false, tributeCode: '3924' },
        { id: 'i', position: 3, kind: 'act_interest', amount: '85.50', accrues: false, tributeCode: '3923' },
        { id: 'n', position: 4, kind: 'notification_costs', amount: '10.00', accrues: false, tributeCode: null },
      ],
    };
    // Before any payment: everything due, interest on the tax only (30 days on €1,000 at 5 % = €4.11).
    const opening = balanceFromLedger(book, t, [], [], '2026-03-02');
    expect(opening).toMatchObject({ principalDue: '1395.50', partsDue: '395.50', interestDue: '4.11', totalDue: '1399.61' });
    // €100 goes to notification costs and the act's interest, €4.11 accrued interest, €0.39 sanctions.
    const payments = [{ paymentId: 'a', date: '2026-03-02', amount: '100.00' }];
    const s = balanceFromLedger(book, t, payments, [], '2026-03-02');
    expect(s).toMatchObject({ principalPaid: '95.89', interestPaid: '4.11', principalDue: '1299.61', partsDue: '299.61', interestDue: '0.00' });
    // 304 days on €1,000 at 5 % = €41.64 (not on €1,299.61).
    const later = rollBalance(book, t, s, '2026-12-31')!;
    expect(later).toMatchObject({ interestDue: '41.64', totalDue: '1341.25' });
    expect(balanceDifferences(later, balanceFromLedger(book, t, payments, [], '2026-12-31'))).toEqual([]);
    // A second payment: €400 settles the sanctions left, the interest, then tax; the roll still agrees.
    const two = [...payments, { paymentId: 'b', date: '2026-06-30', amount: '400.00' }];
    const s2 = balanceFromLedger(book, t, two, [], '2026-07-01');
    expect(s2.partsDue).toBe('0.00');
    expect(balanceDifferences(rollBalance(book, t, s2, '2027-06-30')!, balanceFromLedger(book, t, two, [], '2027-06-30'))).toEqual([]);
    expect(balanceDifferences(rollBalance(book, t, opening, '2026-05-01')!, balanceFromLedger(book, t, [], [], '2026-05-01'))).toEqual([]);
  });

  it('stops at the last known rate; a balance the engine refused only moves its day', () => {
    const t: ClaimTerms = {
      principal: '1000.00', currency: 'EUR', dueDate: '2026-01-31', jurisdiction: 'FR', kind: 'other', debtorKind: 'consumer',
      interestRegime: 'fr-legal-private', contractDate: null, judicialClaimDate: null, interestRate: null, interestBase: null,
      interestSpread: null, dayCount: 'act365', flatCompensation: false, allocationOrder: 'costs,interest,principal',
    };
    const s = balanceFromLedger(book, t, [], [], '2026-03-01');
    const r = rollBalance(book, t, s, '2027-03-01')!;
    expect(r.asOf).toBe('2026-06-30');
    expect(balanceDifferences(r, balanceFromLedger(book, t, [], [], '2027-03-01'))).toEqual([]);
    const refused = balanceFromLedger(book, { ...t, interestRegime: 'fixed' }, [], [], '2026-03-01');
    expect(refused.problem).not.toBeNull();
    expect(rollBalance(book, { ...t, interestRegime: 'fixed' }, refused, '2026-04-01')).toEqual({ ...refused, asOf: '2026-04-01' });
  });
});
