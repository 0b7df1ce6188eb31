import { describe, expect, it } from 'vitest';
import { translate } from '../messages/index.ts';
import { C803_CHARGES, chargeBase, chargesOn, collectionCharges } from './charges.ts';

const enforceableOn = '2025-03-01';
const at = (paidOn: string, base: string) => collectionCharges(C803_CHARGES, { enforceableOn, paidOn, base });

describe('c.803 collection charges (L. 160/2019), TV-IT-18', () => {
  it('€5,000: 3 % = €150 within 60 days of enforceability, 6 % = €300 after', () => {
    expect(at('2025-03-20', '5000.00')).toMatchObject({ amount: '150.00', band: 'early', capped: false });
    expect(at('2025-06-01', '5000.00')).toMatchObject({ amount: '300.00', band: 'late', capped: false });
  });
  it('€20,000: capped at €300 / €600', () => {
    expect(at('2025-03-20', '20000.00')).toMatchObject({ amount: '300.00', band: 'early', capped: true });
    expect(at('2025-06-01', '20000.00')).toMatchObject({ amount: '600.00', band: 'late', capped: true });
  });
  it('counts the 60th day from the day after enforceability and includes it', () => {
    // 2025-03-01 + 60 days = 2025-04-30.
    expect(at('2025-04-30', '1000.00')).toMatchObject({ amount: '30.00', band: 'early', earlyUntil: '2025-04-30' });
    expect(at('2025-05-01', '1000.00')).toMatchObject({ amount: '60.00', band: 'late' });
    expect(at(enforceableOn, '1000.00')).toMatchObject({ band: 'early' });
  });
  it('charges nothing before the act is enforceable, nor at the bonario stage', () => {
    expect(at('2025-02-28', '5000.00')).toMatchObject({ amount: '0.00', band: 'none', reason: { code: 'municipal.charges_before_enforceable' } });
    const bonario = collectionCharges(C803_CHARGES, { enforceableOn: null, paidOn: '2025-06-01', base: '5000.00' });
    expect(bonario).toMatchObject({ amount: '0.00', band: 'none', reason: { code: 'municipal.charges_not_enforceable' } });
  });
  it('rounds half-up to the cent', () => {
    expect(at('2025-03-20', '0.50').amount).toBe('0.02'); // 0.015
    expect(at('2025-03-20', '1234.56').amount).toBe('37.04'); // 37.0368
  });
  it('takes the base from the act without notification costs, charges and procedure costs', () => {
    const components = [
      { kind: 'tax', amount: '4000.00' },
      { kind: 'sanctions', amount: '800.00' },
      { kind: 'act_interest', amount: '200.00' },
      { kind: 'notification_costs', amount: '14.20' },
      { kind: 'collection_charges', amount: '150.00' },
    ] as const;
    expect(chargeBase(C803_CHARGES, components)).toBe('5000.00');
    expect(collectionCharges(C803_CHARGES, { enforceableOn, paidOn: '2025-03-20', base: components })).toMatchObject({ amount: '150.00', base: '5000.00' });
  });
  it('gives the law’s reason with the band and the last early day', () => {
    expect(translate(at('2025-06-01', '20000.00').reason, 'it')).toBe(
      'Oneri di riscossione 6 % (massimo 600,00 €): pagamento oltre il 60° giorno dall’esecutività, cioè dopo il 30/04/2025 (art. 1 c. 803 lett. a L. 160/2019)',
    );
  });
});

describe('c.803 charges with partial payments (chargesOn)', () => {
  const on = (day: string, earlyPaid: string, latePaid: string, owed: string) => chargesOn(C803_CHARGES, enforceableOn, day, { earlyPaid, latePaid, owed });
  it('TV-IT-18 on a base nothing of which is paid: €150 / €300 for €5,000, €300 / €600 (caps) for €20,000', () => {
    expect(on('2025-04-30', '0', '0', '5000.00')).toMatchObject({ amount: '150.00', band: 'early', capped: false });
    expect(on('2025-05-01', '0', '0', '5000.00')).toMatchObject({ amount: '300.00', band: 'late', capped: false });
    expect(on('2025-03-01', '0', '0', '20000.00')).toMatchObject({ amount: '300.00', band: 'early', capped: true });
    expect(on('2025-05-01', '0', '0', '20000.00')).toMatchObject({ amount: '600.00', band: 'late', capped: true });
  });
  it('nothing before enforceability', () => {
    expect(on('2025-02-28', '0', '0', '5000.00')).toMatchObject({ amount: '0.00', band: 'none', reason: { code: 'municipal.charges_before_enforceable' } });
  });
  it('each sum paid bears the band of its day; what is owed the band of the day asked', () => {
    // 2,000 paid early (3 % = 60), 3,000 owed: 90 more early, 180 more late.
    expect(on('2025-04-30', '2000.00', '0', '3000.00').amount).toBe('150.00');
    expect(on('2025-05-01', '2000.00', '0', '3000.00').amount).toBe('240.00');
    // All paid early: 3 % forever, never the late band's 6 %.
    expect(on('2026-01-01', '5000.00', '0', '0.00')).toMatchObject({ amount: '150.00', band: 'late' });
    // Paid late in part: 1,000 late (60) + 2,000 early (60) + 2,000 owed late (120).
    expect(on('2025-09-01', '2000.00', '1000.00', '2000.00').amount).toBe('240.00');
  });
  it('the sums paid early bear at most €300, and the act never more than the cap of the band of the day', () => {
    // 15,000 paid early: 450 → 300; 5,000 owed late: 300; together 600.
    expect(on('2025-06-01', '15000.00', '0', '5000.00')).toMatchObject({ amount: '600.00', capped: false });
    expect(on('2025-06-01', '15000.00', '0', '6000.00')).toMatchObject({ amount: '600.00', capped: true });
    expect(on('2025-06-01', '20000.00', '0', '0')).toMatchObject({ amount: '300.00', capped: false });
    expect(on('2025-04-01', '2000.00', '0', '9000.00')).toMatchObject({ amount: '300.00', capped: true });
  });
  it('rounds the total half-up to the cent and says why', () => {
    expect(on('2025-03-20', '0.50', '0', '0')).toMatchObject({ amount: '0.02' });
    expect(translate(on('2025-03-20', '0', '0', '1000.00').reason, 'it')).toBe(
      'Oneri di riscossione 3 % (massimo 300,00 €): pagamento entro il 60° giorno dall’esecutività, cioè entro il 30/04/2025 (art. 1 c. 803 lett. a L. 160/2019)',
    );
  });
});
