import { describe, expect, it } from 'vitest';
import { applyClock, parseClock, serverClock } from './clock.ts';
import { today } from './domain/dates.ts';
import { loadConfig } from './config.ts';

describe('the server clock (INCASSO_CLOCK)', () => {
  it('is real time unless set; set, it starts at the moment given and flows on', () => {
    let real = Date.parse('2026-01-10T08:00:00Z');
    const tick = () => real;
    expect(serverClock(undefined, tick)().toISOString()).toBe('2026-01-10T08:00:00.000Z');
    const clock = serverClock(parseClock('2026-12-07T22:00:00+01:00'), tick);
    expect(clock().toISOString()).toBe('2026-12-07T21:00:00.000Z');
    real += 90_000;
    expect(clock().toISOString()).toBe('2026-12-07T21:01:30.000Z');
  });

  it('is never on by default and refuses a moment without its offset', () => {
    expect(loadConfig({}).clockStart).toBeUndefined();
    expect(loadConfig({ INCASSO_CLOCK: '2026-12-13T11:00:00Z' }).clockStart?.toISOString()).toBe('2026-12-13T11:00:00.000Z');
    expect(() => parseClock('2026-12-07 22:00')).toThrow(/INCASSO_CLOCK/);
    expect(() => parseClock('2026-12-07T22:00:00')).toThrow(/INCASSO_CLOCK/);
  });

  it('moves "today" of the whole process when applied (the plans\' and the dunning\'s day), and back when not', () => {
    try {
      applyClock(parseClock('2027-03-31T23:30:00+02:00'));
      expect(today().toString()).toBe('2027-03-31');
      applyClock(parseClock('2027-03-31T22:30:00Z'));
      // 00:30 in Rome: already the first of April there.
      expect(today().toString()).toBe('2027-04-01');
    } finally {
      applyClock(undefined);
    }
    expect(today().toString()).not.toBe('2027-04-01');
  });
});
