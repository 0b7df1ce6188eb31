import { describe, expect, it } from 'vitest';
import { computeStatement } from '../interest/compute.ts';
import { claimCase, claimMoney, splitPayments, type ClaimComponentTerms, type ClaimTerms } from '../interest/claim-ledger.ts';
import { DEFAULT_ALLOCATION_ORDER } from '../municipal/revenue-rules.ts';
import { book } from '../interest/test-book.ts';
import { paidPerComponent, splitOntoComponents } from './components.ts';

const k = (id: string, position: number, kind: ClaimComponentTerms['kind'], amount: string, accrues: boolean): ClaimComponentTerms => ({
  id,
  position,
  kind,
  amount,
  accrues,
  tributeCode: null,
});

/** A comune's act: two tax lines (IMU for two years), sanctions, the act's interest, notification costs. */
const components = [
  k('tax-2023', 1, 'tax', '600.00', true),
  k('tax-2024', 2, 'tax', '400.00', true),
  k('sanctions', 3, 'sanctions', '300.00', false),
  k('act-interest', 4, 'act_interest', '85.50', false),
  k('notification', 5, 'notification_costs', '10.00', false),
];

const act: ClaimTerms = {
  principal: '1395.50',
  currency: 'EUR',
  dueDate: '2026-01-31',
  jurisdiction: 'IT',
  kind: 'imu',
  debtorKind: 'consumer',
  interestRegime: 'fixed',
  contractDate: null,
  judicialClaimDate: null,
  interestRate: '5',
  interestBase: null,
  interestSpread: null,
  dayCount: 'act365',
  flatCompensation: false,
  allocationOrder: 'costs,interest,principal',
  components,
  moneyOrder: DEFAULT_ALLOCATION_ORDER,
};

describe("a claim's components in the engine", () => {
  it('capital = the accruing components; parts = the others per kind; the regulation order mapped onto the slots', () => {
    expect(claimMoney(act)).toEqual({
      principal: '1000.00',
      parts: [
        { kind: 'sanctions', amount: '300.00' },
        { kind: 'act_interest', amount: '85.50' },
        { kind: 'notification_costs', amount: '10.00' },
      ],
      order: ['notification_costs', 'costs', 'act_interest', 'interest', 'sanctions', 'principal'],
    });
  });

  it('without a regulation the creditor order, parts before the capital; a costs or idle principal component is a part of its own', () => {
    const t = {
      ...act,
      moneyOrder: null,
      components: [...components, k('c', 6, 'costs', '5.00', false), k('p', 7, 'principal', '7.00', false), k('s2', 8, 'sanctions', '20.00', false)],
    };
    const m = claimMoney(t);
    expect(m.parts).toEqual([
      { kind: 'sanctions', amount: '320.00' },
      { kind: 'act_interest', amount: '85.50' },
      { kind: 'notification_costs', amount: '10.00' },
      { kind: 'component_costs', amount: '5.00' },
      { kind: 'component_principal', amount: '7.00' },
    ]);
    expect(m.order).toEqual(['costs', 'interest', 'sanctions', 'act_interest', 'notification_costs', 'component_costs', 'component_principal', 'principal']);
    expect(claimMoney({ ...t, moneyOrder: DEFAULT_ALLOCATION_ORDER }).order).toEqual([
      'notification_costs',
      'costs',
      'component_costs',
      'act_interest',
      'interest',
      'sanctions',
      'principal',
      'component_principal',
    ]);
  });

  it("a company claim's case is as before: its principal, the creditor's order, no parts", () => {
    const company = { ...act, principal: '1000', components: [k('p', 1, 'principal', '1000.00', true)], moneyOrder: undefined };
    const c = claimCase(company, [], [], '2026-06-30');
    expect(c.principal).toBe('1000');
    expect(c.allocationOrder).toEqual(['costs', 'interest', 'principal']);
    expect('parts' in c).toBe(false);
  });

  it('splits each payment back onto the component rows: capital by position, parts by kind', () => {
    const payments = [
      { paymentId: 'a', date: '2026-03-02', amount: '400.00' },
      { paymentId: 'b', date: '2026-04-30', amount: '700.00' },
    ];
    const { splits, statement } = splitPayments(book, act, payments, []);
    expect(splits[0]).toEqual({
      paymentId: 'a',
      costs: '0.00',
      interest: '4.11',
      principal: '0.39',
      parts: { sanctions: '300.00', act_interest: '85.50', notification_costs: '10.00' },
      excess: '0.00',
    });
    const shares = splitOntoComponents(components, splits);
    expect(shares[0]).toEqual([
      { componentId: 'tax-2023', kind: 'tax', component: 'principal', amount: '0.39' },
      { componentId: 'sanctions', kind: 'sanctions', component: 'sanctions', amount: '300.00' },
      { componentId: 'act-interest', kind: 'act_interest', component: 'act_interest', amount: '85.50' },
      { componentId: 'notification', kind: 'notification_costs', component: 'notification_costs', amount: '10.00' },
    ]);
    // Second payment: interest on 999.61 for 59 days (8.08), then 691.92 of tax: 599.61 to 2023, 92.31 to 2024.
    expect(splits[1]).toMatchObject({ interest: '8.08', principal: '691.92' });
    expect(shares[1]).toEqual([
      { componentId: 'tax-2023', kind: 'tax', component: 'principal', amount: '599.61' },
      { componentId: 'tax-2024', kind: 'tax', component: 'principal', amount: '92.31' },
    ]);
    expect(Object.fromEntries(paidPerComponent(components, shares))).toEqual({
      'tax-2023': '600.00',
      'tax-2024': '92.31',
      sanctions: '300.00',
      'act-interest': '85.50',
      notification: '10.00',
    });
    expect(statement.principalDue).toBe('307.69');
  });

  it('the statement to a later day charges interest on the tax left only', () => {
    const s = computeStatement(book, claimCase(act, [{ paymentId: 'a', date: '2026-03-02', amount: '400.00' }], [], '2026-12-31'));
    expect(s.periods.map((p) => p.principal)).toEqual(['1000.00', '999.61']);
    expect(s.totalDue).toBe('1041.24');
  });
});
