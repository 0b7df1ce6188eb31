import { describe, expect, it } from 'vitest';
import { statusAfterSettlement } from './lifecycle.ts';

describe('status after a claim’s payments are settled', () => {
  it('paid when nothing is owed, partially paid when a paid claim owes again', () => {
    expect(statusAfterSettlement('in_collection', { anyPayment: true, paidOff: true })).toBe('paid');
    expect(statusAfterSettlement('paid', { anyPayment: true, paidOff: false })).toBe('partially_paid');
    expect(statusAfterSettlement('promised', { anyPayment: true, paidOff: false })).toBe('promised');
  });

  it('a claim whose only payments were reversed goes back in collection, not “partially paid”', () => {
    expect(statusAfterSettlement('paid', { anyPayment: false, paidOff: false })).toBe('in_collection');
    expect(statusAfterSettlement('partially_paid', { anyPayment: false, paidOff: false })).toBe('in_collection');
    expect(statusAfterSettlement('open', { anyPayment: false, paidOff: false })).toBe('open');
  });
});
