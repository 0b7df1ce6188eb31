import { describe, expect, it } from 'vitest';
import { computeStatement, InterestInputError, type InterestCase } from './compute.ts';
import { fastTotals, totalsOf } from './fast.ts';
import { book } from './test-book.ts';

/**
 * A comune's act: €1,000 tax accruing interest (here a fixed 5 % for round figures), €300 sanctions,
 * €85.50 interest liquidated in the act and €10 notification costs, none of which accrue, due on
 * 31 January 2026; the regulation's default order: costs and charges, interest (the act's, then
 * accrued), sanctions, tax.
 */
const act: InterestCase = {
  principal: '1000.00',
  parts: [
    { kind: 'sanctions', amount: '300.00' },
    { kind: 'act_interest', amount: '85.50' },
    { kind: 'notification_costs', amount: '10.00' },
  ],
  due: '2026-01-31',
  paid: '2026-03-02',
  regime: 'fixed',
  rate: '5',
  flatCompensation: false,
  allocationOrder: ['notification_costs', 'costs', 'act_interest', 'interest', 'sanctions', 'principal'],
};

describe('claims with parts that bear no interest', () => {
  it('a payment goes to notification costs, act interest, accrued interest, sanctions, then tax', () => {
    // 30 days on €1,000 at 5 %: 1000 × 5 × 30 / 36500 = 4.1096 → €4.11.
    const s = computeStatement(book, { ...act, payments: [{ date: '2026-03-02', amount: '400.00' }] });
    expect(s.payments).toEqual([
      {
        date: '2026-03-02',
        amount: '400.00',
        costs: '0.00',
        interest: '4.11',
        principal: '0.39',
        unallocated: '0.00',
        parts: { sanctions: '300.00', act_interest: '85.50', notification_costs: '10.00' },
      },
    ]);
    expect(s.parts).toEqual([
      { kind: 'sanctions', amount: '300.00', paid: '300.00', due: '0.00' },
      { kind: 'act_interest', amount: '85.50', paid: '85.50', due: '0.00' },
      { kind: 'notification_costs', amount: '10.00', paid: '10.00', due: '0.00' },
    ]);
    expect([s.principal, s.principalPaid, s.principalDue, s.interestPaid, s.interestDue, s.totalDue]).toEqual([
      '1000.00',
      '0.39',
      '999.61',
      '4.11',
      '0.00',
      '999.61',
    ]);
  });

  it('interest then runs on the tax left only, never on sanctions or the other parts', () => {
    const s = computeStatement(book, { ...act, paid: '2026-12-31', payments: [{ date: '2026-03-02', amount: '400.00' }] });
    expect(s.periods.map((p) => [p.from, p.to, p.principal, p.amount])).toEqual([
      ['2026-02-01', '2026-03-02', '1000.00', '4.11'],
      // 304 days on €999.61: 999.61 × 5 × 304 / 36500 = 41.6276 → €41.63.
      ['2026-03-03', '2026-12-31', '999.61', '41.63'],
    ]);
    expect([s.interest, s.interestDue, s.totalDue]).toEqual(['45.74', '41.63', '1041.24']);
  });

  it('before any payment the parts are owed in full, in the total but not in the interest', () => {
    const s = computeStatement(book, act);
    expect(s.periods.map((p) => p.principal)).toEqual(['1000.00']);
    expect(s.interest).toBe('4.11');
    // 1000 + 4.11 + 300 + 85.50 + 10
    expect(s.totalDue).toBe('1399.61');
    expect(s.parts?.map((p) => p.due)).toEqual(['300.00', '85.50', '10.00']);
  });

  it('the fast path answers with the exact path when there are parts', () => {
    const c = { ...act, paid: '2026-12-31', payments: [{ date: '2026-03-02', amount: '400.00' }] };
    expect(fastTotals(book, c)).toEqual(totalsOf(computeStatement(book, c)));
  });

  it('an act of sanctions only: nothing accrues, payments settle the parts', () => {
    const s = computeStatement(book, {
      ...act,
      principal: '0',
      parts: [{ kind: 'sanctions', amount: '200.00' }],
      allocationOrder: ['costs', 'interest', 'sanctions', 'principal'],
      payments: [{ date: '2026-02-10', amount: '250.00' }],
    });
    expect(s.periods).toEqual([]);
    expect(s.payments[0]).toMatchObject({ principal: '0.00', unallocated: '50.00', parts: { sanctions: '200.00' } });
    expect(s.totalDue).toBe('0.00');
  });

  it('without an order the parts come after costs and interest, before principal', () => {
    const s = computeStatement(book, { ...act, allocationOrder: undefined, payments: [{ date: '2026-03-02', amount: '100.00' }] });
    expect(s.payments[0]).toMatchObject({ interest: '4.11', principal: '0.00', parts: { sanctions: '95.89', act_interest: '0.00' } });
  });

  it('refuses an order that leaves out a part, names one twice or names something else, and parts named as slots', () => {
    const code = (c: InterestCase) => {
      try {
        computeStatement(book, c);
      } catch (err) {
        if (err instanceof InterestInputError) return [err.msg.code, err.field];
      }
      return null;
    };
    expect(code({ ...act, allocationOrder: ['costs', 'interest', 'principal'] })).toEqual(['interest.allocation_order_parts', 'allocationOrder']);
    expect(code({ ...act, allocationOrder: ['costs', 'interest', 'principal', 'sanctions', 'sanctions', 'act_interest'] })).toEqual([
      'interest.allocation_order_parts',
      'allocationOrder',
    ]);
    expect(code({ ...act, allocationOrder: [...act.allocationOrder!.slice(0, 5), 'tax'] })).toEqual(['interest.allocation_order_parts', 'allocationOrder']);
    expect(code({ ...act, parts: [{ kind: 'interest', amount: '1' }] })).toEqual(['interest.part_kind', 'parts.0.kind']);
    expect(code({ ...act, parts: [...act.parts!, { kind: 'sanctions', amount: '1' }] })).toEqual(['interest.part_twice', 'parts.3.kind']);
    expect(code({ ...act, parts: [{ kind: 'sanctions', amount: '0' }], allocationOrder: undefined })).toEqual(['money.not_positive', 'parts.0.amount']);
    expect(code({ ...act, parts: undefined, allocationOrder: ['costs', 'interest', 'principal', 'sanctions'] })).toEqual([
      'interest.allocation_order',
      'allocationOrder',
    ]);
  });

  it('without parts the statement and its payment rows carry no parts field', () => {
    const s = computeStatement(book, { ...act, parts: undefined, allocationOrder: undefined, payments: [{ date: '2026-02-10', amount: '10' }] });
    expect('parts' in s).toBe(false);
    expect('parts' in s.payments[0]!).toBe(false);
    expect(computeStatement(book, { ...act, parts: [], allocationOrder: undefined }).totalDue).toBe('1004.11');
  });
});
