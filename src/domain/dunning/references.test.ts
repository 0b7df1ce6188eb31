import { calculateQRReferenceChecksum, calculateSCORReferenceChecksum, isQRReferenceValid, isSCORReferenceValid } from 'swissqrbill/utils';
import { describe, expect, it } from 'vitest';
import {
  claimNumberFromReference,
  claimReferenceBase,
  claimReferences,
  formatQrr,
  formatRf,
  isValidQrr,
  isValidRf,
  mod10Recursive,
  qrrReference,
  rfReference,
} from './references.ts';

describe('RF creditor reference (ISO 11649)', () => {
  it('reproduces the published example RF18539007547034', () => {
    expect(rfReference('539007547034')).toBe('RF18539007547034');
    expect(isValidRf('RF18539007547034')).toBe(true);
    expect(isValidRf('rf18 5390 0754 7034')).toBe(true);
    expect(formatRf('RF18539007547034')).toBe('RF18 5390 0754 7034');
  });
  it('refuses a changed digit, swapped digits and impossible check digits', () => {
    expect(isValidRf('RF18539007547035')).toBe(false);
    expect(isValidRf('RF18539007574034')).toBe(false);
    expect(isValidRf('RF81539007547034')).toBe(false);
    expect(isValidRf('RF99539007547034')).toBe(false);
    expect(isValidRf('RF18')).toBe(false);
    expect(isValidRf('RF18' + '1'.repeat(22))).toBe(false);
    expect(isValidRf('XX18539007547034')).toBe(false);
  });
  it('accepts letters and refuses bad bases', () => {
    const ref = rfReference('inv 2026 A17');
    expect(ref).toMatch(/^RF\d{2}INV2026A17$/);
    expect(isValidRf(ref)).toBe(true);
    expect(() => rfReference('')).toThrow(/RF/);
    expect(() => rfReference('1'.repeat(22))).toThrow(/21/);
    expect(() => rfReference('àbc')).toThrow(RangeError);
  });
  it('agrees with swissqrbill on many bases', () => {
    for (let i = 1; i < 3000; i += 7) {
      const base = `${i * 7919}${i % 3 === 0 ? 'X' : ''}`;
      const ref = rfReference(base);
      expect(ref.slice(2, 4)).toBe(calculateSCORReferenceChecksum(base));
      expect(isSCORReferenceValid(ref)).toBe(true);
    }
  });
});

describe('Swiss QR reference (QRR)', () => {
  it('reproduces the SIX sample and the legal-notes vectors (TV-CH-06)', () => {
    expect(isValidQrr('210000000003139471430009017')).toBe(true);
    expect(qrrReference('21000000000313947143000901')).toBe('210000000003139471430009017');
    expect(qrrReference('21570300007520033455900012')).toBe('215703000075200334559000126');
    expect(qrrReference('0'.repeat(26))).toBe('0'.repeat(27));
    expect(formatQrr('210000000003139471430009017')).toBe('21 00000 00003 13947 14300 09017');
    expect(isValidQrr('21 00000 00003 13947 14300 09017')).toBe(true);
  });
  it('pads short numbers and refuses bad input', () => {
    expect(qrrReference('1042')).toHaveLength(27);
    expect(qrrReference('1042').startsWith('0000000000000000000000104')).toBe(true);
    expect(() => qrrReference('12a')).toThrow(RangeError);
    expect(() => qrrReference('1'.repeat(27))).toThrow(/26/);
    expect(isValidQrr('210000000003139471430009018')).toBe(false);
    expect(isValidQrr('21000000000313947143000901')).toBe(false);
    expect(() => mod10Recursive('1a')).toThrow(RangeError);
  });
  it('agrees with swissqrbill on many numbers', () => {
    for (let i = 1; i < 5000; i += 13) {
      const digits = String(i * 104729).padStart(26, '0');
      expect(String(mod10Recursive(digits))).toBe(calculateQRReferenceChecksum(digits));
      expect(isQRReferenceValid(qrrReference(digits))).toBe(true);
    }
  });
});

describe('claim references', () => {
  it('maps a claim number and a prefix into both references and back', () => {
    expect(claimReferenceBase(1042n)).toBe('1042');
    expect(claimReferenceBase('0001042', '12')).toBe('121042');
    const { rf, qrr } = claimReferences('1042', '12');
    expect(isValidRf(rf)).toBe(true);
    expect(rf.slice(4)).toBe('121042');
    expect(isValidQrr(qrr)).toBe(true);
    expect(qrr.slice(0, 26)).toBe('12' + '1042'.padStart(24, '0'));
    expect(claimNumberFromReference(rf, '12')).toBe('1042');
    expect(claimNumberFromReference(formatQrr(qrr), '12')).toBe('1042');
    expect(claimNumberFromReference(formatRf(claimReferences(7n).rf))).toBe('7');
  });
  it('ignores references of another prefix, with bad check digits, or not ours', () => {
    const { rf, qrr } = claimReferences('1042', '12');
    expect(claimNumberFromReference(rf, '13')).toBeNull();
    expect(claimNumberFromReference(qrr, '13')).toBeNull();
    expect(claimNumberFromReference(rf.slice(0, -1) + '9', '12')).toBeNull();
    expect(claimNumberFromReference(rfReference('ABC123'))).toBeNull();
    expect(claimNumberFromReference('0'.repeat(27))).toBeNull();
    expect(claimNumberFromReference('Fattura 12')).toBeNull();
  });
  it('refuses numbers that cannot name a claim', () => {
    expect(() => claimReferenceBase('0')).toThrow(/positive integer/);
    expect(() => claimReferenceBase('-5')).toThrow(RangeError);
    expect(() => claimReferenceBase('12', 'A')).toThrow(/digits only/);
    expect(() => claimReferenceBase(10n ** 21n)).toThrow(/21/);
    expect(claimReferenceBase(10n ** 20n)).toHaveLength(21);
  });
});
