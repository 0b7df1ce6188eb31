import { describe, expect, it } from 'vitest';
import { identityMatches, identityMethodsFor, normaliseBirthDate, normaliseTaxId } from './identity.ts';
import { DEFAULT_PROMISE_RULES, promiseRulesOf } from './promises.ts';

describe('the right-party check', () => {
  const ref = { taxIds: ['RSSMRA70C21H501W', null], birthDate: '1970-03-21' };

  it('compares a codice fiscale whatever its case and spacing', () => {
    expect(normaliseTaxId(' rss mra 70c21 h501w ')).toBe('RSSMRA70C21H501W');
    expect(identityMatches(ref, 'tax_id', 'rssmra70c21h501w')).toBe(true);
    expect(identityMatches(ref, 'tax_id', 'RSS MRA 70C21 H501W')).toBe(true);
    expect(identityMatches(ref, 'tax_id', 'RSSMRA70C21H501X')).toBe(false);
    expect(identityMatches(ref, 'tax_id', '   ')).toBe(false);
  });

  it('reads a date of birth as ISO or day first', () => {
    for (const v of ['1970-03-21', '21/03/1970', '21-3-1970', '21.03.1970', ' 21 03 1970 ']) expect(identityMatches(ref, 'birth_date', v), v).toBe(true);
    expect(identityMatches(ref, 'birth_date', '03/21/1970')).toBe(false);
    expect(identityMatches(ref, 'birth_date', '22/03/1970')).toBe(false);
    expect(normaliseBirthDate('31/02/1970')).toBeNull();
    expect(normaliseBirthDate('marzo')).toBeNull();
  });

  it('has nothing to check against when the records lack it', () => {
    const none = { taxIds: [null, ''], birthDate: null };
    expect(identityMethodsFor(none)).toEqual([]);
    expect(identityMatches(none, 'tax_id', 'RSSMRA70C21H501W')).toBeNull();
    expect(identityMatches(none, 'birth_date', '1970-03-21')).toBeNull();
    expect(identityMethodsFor(ref)).toEqual(['tax_id', 'birth_date']);
  });
});

describe('a creditor’s promise rules', () => {
  it('fill what the creditor did not set from the defaults; broken rules give the defaults', () => {
    expect(promiseRulesOf(null)).toEqual(DEFAULT_PROMISE_RULES);
    expect(promiseRulesOf({ maxDaysAhead: 10, minAmount: '50.00' })).toEqual({ ...DEFAULT_PROMISE_RULES, maxDaysAhead: 10, minAmount: '50.00' });
    expect(promiseRulesOf({ maxDaysAhead: 9999 })).toEqual(DEFAULT_PROMISE_RULES);
    expect(promiseRulesOf(['x'])).toEqual(DEFAULT_PROMISE_RULES);
  });
});
