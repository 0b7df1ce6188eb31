import { describe, expect, it } from 'vitest';
import { countryName, splitAddress, windowLines } from './address.ts';
import { groupIban, groupReference, longDate, money, rate, shortDate } from './format.ts';

describe('format', () => {
  it('dates, rates and amounts per language', () => {
    expect(longDate('2025-03-01', 'it')).toBe('1 marzo 2025');
    expect(longDate('2025-03-01', 'fr')).toBe('1er mars 2025');
    expect(longDate('2025-03-15', 'de')).toBe('15. März 2025');
    expect(longDate('2025-12-02', 'en')).toBe('2 December 2025');
    expect(shortDate('2025-03-15', 'de')).toBe('15.03.2025');
    expect(shortDate('2025-03-15', 'it')).toBe('15/03/2025');
    expect(rate('12.25', 'it')).toBe('12,25\u00a0%');
    expect(rate('12.25', 'en')).toBe('12.25%');
    expect(money('1234.56', 'EUR', 'it')).toBe('1.234,56\u00a0€');
    expect(money('1234.56', 'CHF', 'fr')).toBe('CHF\u00a01’234.56');
  });

  it('groups IBANs and references as printed on slips', () => {
    expect(groupIban('ch4431999123000889012')).toBe('CH44 3199 9123 0008 8901 2');
    expect(groupReference('QRR', '210000000003139471430009017')).toBe('21 00000 00003 13947 14300 09017');
    expect(groupReference('SCOR', 'RF18539007547034')).toBe('RF18 5390 0754 7034');
    expect(groupReference('NON', 'Fattura 12')).toBe('Fattura 12');
  });
});

describe('address', () => {
  it('finds street, postal code and city in the printed lines', () => {
    expect(splitAddress({ name: 'x', lines: ['Via Roma 1', 'Scala B', '20121 Milano MI'], country: 'IT' })).toEqual({ street: 'Via Roma 1, Scala B', postalCode: '20121', city: 'Milano MI' });
    expect(splitAddress({ name: 'x', lines: ['Bahnhofstrasse 1', 'CH-8001 Zürich'], country: 'CH' })).toEqual({ street: 'Bahnhofstrasse 1', postalCode: '8001', city: 'Zürich' });
    expect(splitAddress({ name: 'x', lines: ['Postfach', '8021 Zürich 1'], country: 'CH' })?.city).toBe('Zürich 1');
    expect(splitAddress({ name: 'x', lines: ['10 Downing Street', 'London SW1A 2AA'], country: 'GB' })).toBeNull();
  });

  it('adds the country line for abroad, in the sending post’s language', () => {
    expect(windowLines({ name: 'x', lines: ['Friedrichstraße 100', '10117 Berlin'], country: 'DE' }, 'IT', 'de')).toEqual(['Friedrichstraße 100', '10117 Berlin', 'GERMANIA']);
    expect(windowLines({ name: 'x', lines: ['Via Roma 1', '20121 Milano'], country: 'IT' }, 'CH', 'it')).toEqual(['Via Roma 1', '20121 Milano', 'ITALIA']);
    expect(windowLines({ name: 'x', lines: ['Via Roma 1', '20121 Milano'], country: 'IT' }, 'IT', 'it')).toHaveLength(2);
    expect(countryName('XX', 'en')).toBe('XX');
    expect(countryName('not a code', 'en')).toBe('NOT A CODE');
  });
});
