import { describe, expect, it } from 'vitest';
import { C803_CHARGES } from '../municipal/charges.ts';
import { DEFAULT_ALLOCATION_ORDER } from '../municipal/revenue-rules.ts';
import { claimBalance, claimStatement, splitPayments, type ClaimComponentTerms, type ClaimTerms } from './claim-ledger.ts';
import { book } from './test-book.ts';

const k = (id: string, position: number, kind: ClaimComponentTerms['kind'], amount: string, accrues: boolean): ClaimComponentTerms => ({
  id,
  position,
  kind,
  amount,
  accrues,
  tributeCode: null,
});

/** An accertamento esecutivo: base 5,000 (tax, sanctions, the act's interest) + notification costs; no interest after it, to keep the figures plain. */
const act = (enforceableOn: string | null, extra: ClaimComponentTerms[] = []): ClaimTerms => ({
  principal: '5014.20',
  currency: 'EUR',
  dueDate: '2025-03-01',
  jurisdiction: 'IT',
  kind: 'imu',
  debtorKind: 'consumer',
  interestRegime: 'none',
  contractDate: null,
  judicialClaimDate: null,
  interestRate: null,
  interestBase: null,
  interestSpread: null,
  dayCount: 'act365',
  flatCompensation: false,
  allocationOrder: 'costs,interest,principal',
  components: [k('tax', 1, 'tax', '4000.00', true), k('sanctions', 2, 'sanctions', '800.00', false), k('act-interest', 3, 'act_interest', '200.00', false), k('notification', 4, 'notification_costs', '14.20', false), ...extra],
  moneyOrder: DEFAULT_ALLOCATION_ORDER,
  charges: enforceableOn ? { enforceableOn, rules: C803_CHARGES } : null,
});
const statement = (t: ClaimTerms, asOf: string, payments: { date: string; amount: string }[] = []) =>
  claimStatement(
    book,
    t,
    payments.map((p, i) => ({ paymentId: `p${i}`, ...p })),
    [],
    asOf,
  ).statement;

describe('c.803 charges derived by the engine from the dates', () => {
  it('an enforceable act owes 3 % of its base up to the 60th day and 6 % after (TV-IT-18: €5,000 → €150 / €300)', () => {
    const early = statement(act('2025-03-01'), '2025-04-30');
    expect(early.charges).toMatchObject({ band: 'early', base: '5000.00', amount: '150.00', paid: '0.00', due: '150.00', earlyUntil: '2025-04-30', reason: { code: 'municipal.charges_early' } });
    expect(early.parts?.at(-1)).toEqual({ kind: 'collection_charges', amount: '150.00', paid: '0.00', due: '150.00' });
    expect(early.totalDue).toBe('5164.20');
    const late = statement(act('2025-03-01'), '2025-05-01');
    expect(late.charges).toMatchObject({ band: 'late', amount: '300.00', reason: { code: 'municipal.charges_late' } });
    expect(late.totalDue).toBe('5314.20');
  });
  it('the caps: €20,000 of base owes €300 early, €600 late', () => {
    const big = act('2025-03-01', [k('tax-2', 5, 'tax', '15000.00', true)]);
    expect(statement(big, '2025-03-10').charges).toMatchObject({ base: '20000.00', amount: '300.00', capped: true });
    expect(statement(big, '2025-06-10').charges).toMatchObject({ amount: '600.00', capped: true });
  });
  it('a payment within 60 days settles the notification costs and the 3 % charges first; the base it settles keeps the 3 % band', () => {
    const t = act('2025-03-01');
    const paid = [{ date: '2025-04-10', amount: '1000.00' }];
    const { splits } = splitPayments(book, t, [{ paymentId: 'p', ...paid[0]! }], []);
    expect(splits[0]!.parts).toEqual({ sanctions: '635.80', act_interest: '200.00', notification_costs: '14.20', collection_charges: '150.00' });
    expect(statement(t, '2025-04-10', paid).payments[0]).toMatchObject({ chargesBand: 'early', principal: '0.00' });
    // Day 61: 835.80 paid early bears 3 % (25.074), the 4,164.20 owed 6 % (249.852): 274.93, 150 of it paid.
    const s = statement(t, '2025-05-01', paid);
    expect(s.charges).toMatchObject({ baseEarlyPaid: '835.80', baseLatePaid: '0.00', baseDue: '4164.20', amount: '274.93', paid: '150.00', due: '124.93' });
    expect(s.totalDue).toBe('4289.13'); // tax 4,000 + sanctions 164.20 + charges 124.93
    // Everything paid within the 60 days: nothing more ever.
    const all = [{ date: '2025-04-10', amount: '5164.20' }];
    expect(statement(t, '2026-01-01', all)).toMatchObject({ totalDue: '0.00', charges: { amount: '150.00', paid: '150.00', due: '0.00' } });
  });
  it('base paid before enforceability bears none', () => {
    const t = act('2025-05-01');
    const paid = [{ date: '2025-04-10', amount: '1000.00' }];
    // 985.80 of base paid before: the 4,014.20 owed bears 3 % (120.426).
    expect(statement(t, '2025-05-02', paid).charges).toMatchObject({ baseEarlyPaid: '0.00', baseDue: '4014.20', amount: '120.43' });
    expect(statement(t, '2025-04-30', paid).charges).toBeUndefined();
  });
  it('no enforceable act, or an act that states its charges: the statement is as it always was', () => {
    const plain = statement(act(null), '2025-06-01');
    expect(statement({ ...act('2025-07-01') }, '2025-06-01')).toEqual(plain);
    expect(plain.charges).toBeUndefined();
    expect(plain.parts?.map((p) => p.kind)).toEqual(['sanctions', 'act_interest', 'notification_costs']);
    const stated = act('2025-03-01', [k('charges', 5, 'collection_charges', '150.00', false)]);
    const withStated = statement(stated, '2025-06-01');
    expect(withStated.charges).toBeUndefined();
    expect(withStated.totalDue).toBe('5164.20');
  });
  it('the balance includes the charges due with the costs (no part of the act’s amount, no interest on them)', () => {
    const b = claimBalance(book, act('2025-03-01'), [], [], '2025-05-01', true);
    expect(b).toMatchObject({ totalDue: '5314.20', partsDue: '1014.20', principalDue: '5014.20', costs: '300.00', costsDue: '300.00' });
  });
});
