import { describe, expect, it } from 'vitest';

import { amountParam, dateParam, decodeMessage, encodeMessage, messageList, msg, plainParams, translate } from './index.ts';

describe('typed message params: amounts and dates written the reader’s way', () => {
  it('writes an amount with the decimal comma in it, de, fr and the point in en', () => {
    const m = msg('plans.too_many', { count: 72, max: 12, total: amountParam('814.82') });
    expect(translate(m, 'it')).toBe('72 rate sono più delle 12 consentite per 814,82 €');
    expect(translate(m, 'en')).toContain('814.82');
    expect(translate(m, 'de')).toContain('814,82');
    expect(translate(m, 'fr')).toContain('814,82');
  });

  it('groups thousands as the web does (1.234.567,89 · 1,234,567.89 · 1 234 567,89)', () => {
    const m = msg('bank.split_sum', { sum: amountParam('1234567.89'), amount: amountParam('1234567.9') });
    expect(translate(m, 'it')).toBe('Le parti sommano 1.234.567,89: devono fare esattamente l’importo del movimento, 1.234.567,90');
    expect(translate(m, 'de')).toContain('1.234.567,89');
    expect(translate(m, 'fr')).toContain('1\u202f234\u202f567,89');
    expect(translate(m, 'en')).toContain('1,234,567.89');
    expect(translate(m, 'en')).toContain('1,234,567.90');
  });

  it('keeps every digit (no float) and the sign of a negative amount', () => {
    const big = amountParam('9999999999999.99');
    expect(translate(msg('dunning.cli_fees', { amount: big }), 'it')).toBe('spese 9.999.999.999.999,99');
    expect(translate(msg('dunning.cli_fees', { amount: amountParam('-1234.5') }), 'it')).toBe('spese -1.234,50');
    expect(translate(msg('dunning.cli_fees', { amount: amountParam('-1234.5') }), 'en')).toBe('fees -1,234.50');
    expect(translate(msg('bank.amount_precision', { amount: amountParam('10.125') }), 'it')).toContain('10,125');
    expect(translate(msg('dunning.cli_fees', { amount: amountParam('0') }), 'de')).toContain('0,00');
  });

  it('writes the currency when it is given, as the web shows money', () => {
    const m = msg('dunning.cli_fees', { amount: amountParam('1234.5', 'EUR') });
    expect(translate(m, 'it')).toBe('spese 1.234,50\u00a0€');
    expect(translate(m, 'en')).toBe('fees €1,234.50');
    expect(translate(msg('dunning.cli_fees', { amount: amountParam('1234.5', 'CHF') }), 'de')).toContain('CHF\u00a01’234.50');
  });

  it('writes a date day first: 31/12/2026 (it, fr, en), 31.12.2026 (de)', () => {
    const m = msg('payment.already_reversed', { date: dateParam('2026-12-31') });
    expect(translate(m, 'it')).toBe('Pagamento già stornato il 31/12/2026');
    expect(translate(m, 'de')).toContain('31.12.2026');
    expect(translate(m, 'fr')).toContain('31/12/2026');
    expect(translate(m, 'en')).toContain('31/12/2026');
    expect(translate(m, 'en')).not.toContain('2026-12-31');
  });

  it('survives storing: encoded, decoded, then worded, also inside a nested message and a list', () => {
    const stored = encodeMessage(msg('settlement.not_yet_paid', { paid: amountParam('100'), amount: amountParam('1500.5'), deadline: dateParam('2027-01-15') }));
    const back = decodeMessage(JSON.parse(JSON.stringify(stored)) as string);
    expect(translate(back, 'it')).toBe('Pagati 100,00 dei 1.500,50 concordati: il saldo e stralcio resta aperto fino al 15/01/2027');
    expect(translate(back, 'de')).toContain('15.01.2027');
    const nested = msg('interest.claim_problem', { ref: 'X', problem: messageList([msg('payment.already_reversed', { date: dateParam('2026-03-01') })]) });
    expect(translate(nested, 'de')).toContain('01.03.2026');
  });

  it('shows anything that is not an amount or a date as it came', () => {
    expect(amountParam('abc')).toBe('abc');
    expect(dateParam('31/12/2026')).toBe('31/12/2026');
    expect(translate(msg('dunning.cli_fees', { amount: 'i18n#amount:1,5' }), 'it')).toBe('spese i18n#amount:1,5');
  });

  it('gives a program the plain values (API error params)', () => {
    expect(plainParams({ total: amountParam('-1234.5', 'EUR'), date: dateParam('2026-12-31'), count: 3, text: 'i18n#other' })).toEqual({ total: '-1234.5', date: '2026-12-31', count: 3, text: 'i18n#other' });
    expect(plainParams(undefined)).toEqual({});
  });
});
