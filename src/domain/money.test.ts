import { describe, expect, it } from 'vitest';
import { allocateInOrder } from './allocation.ts';
import { amountProblem, MAX_AMOUNT, money, moneyProblem, sumMoney, toMoneyString } from './money.ts';

describe('money', () => {
  it('is exact where binary floats are not', () => {
    expect(toMoneyString(money('0.1').plus('0.2'))).toBe('0.30');
    expect(toMoneyString(sumMoney(Array.from({ length: 1000 }, () => '0.01')))).toBe('10.00');
    expect(toMoneyString(money('9999999999999.99').plus('0.01'))).toBe('10000000000000.00');
  });
  it('rounds half up to the cent once', () => {
    expect(toMoneyString('2.345')).toBe('2.35');
    expect(toMoneyString('2.344999')).toBe('2.34');
  });
  it('explains what is wrong with an amount', () => {
    expect(moneyProblem('1234.56')).toBeNull();
    expect(moneyProblem('12')).toBeNull();
    expect(moneyProblem('1e3')).toContain('esponenziale');
    expect(moneyProblem('12.345')).toContain('più di 2 decimali');
    expect(moneyProblem('1.234,56')).toContain('punto');
    expect(moneyProblem('-5')).toContain('positivo');
    expect(moneyProblem('')).toContain('mancante');
    expect(moneyProblem('abc')).toContain('non valido');
    expect(moneyProblem('12345678901234')).toContain('non valido');
  });
});

describe('allocateInOrder', () => {
  it('fills claims in the given order and keeps the remainder unallocated', () => {
    expect(
      allocateInOrder('150.00', [
        { claimId: 'a', outstanding: '100.00' },
        { claimId: 'b', outstanding: '30.10' },
        { claimId: 'c', outstanding: '500.00' },
      ]),
    ).toEqual({
      allocations: [
        { claimId: 'a', amount: '100.00' },
        { claimId: 'b', amount: '30.10' },
        { claimId: 'c', amount: '19.90' },
      ],
      unallocated: '0.00',
    });
    expect(allocateInOrder('10.00', [{ claimId: 'a', outstanding: '4.99' }])).toEqual({
      allocations: [{ claimId: 'a', amount: '4.99' }],
      unallocated: '5.01',
    });
  });
  it('skips settled claims and allocates nothing to an empty list', () => {
    expect(allocateInOrder('1.00', [{ claimId: 'a', outstanding: '0.00' }])).toEqual({ allocations: [], unallocated: '1.00' });
  });
});

describe('amountProblem', () => {
  it('accepts up to 999,999,999.99 and refuses more with its own message', () => {
    expect(amountProblem(MAX_AMOUNT)).toBeNull();
    expect(amountProblem('999999999.99')).toBeNull();
    expect(amountProblem('0.01')).toBeNull();
    for (const raw of ['1000000000', '1000000000.00', '5000000000000.00', '9999999999999.99', ' 1000000000.01 ']) {
      expect(amountProblem(raw), raw).toBe('Importo oltre il massimo ammesso di 999.999.999,99');
    }
    // Format problems keep their own messages.
    expect(amountProblem('1e3')).toBe(moneyProblem('1e3'));
  });
});
