import { describe, expect, it } from 'vitest';
import { parseClock, serverClock } from './clock.ts';
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
});
