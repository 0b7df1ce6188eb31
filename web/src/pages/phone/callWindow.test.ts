import { describe, expect, it } from 'vitest';
import { callPermission, romeMoment, type CallDay } from './callWindow';

const weekday = [{ from: '08:30', to: '21:00' }];
// Sunday 29 November 2026, then Monday to Saturday, then Tuesday 8 December (Immacolata).
const DAYS: CallDay[] = [
  { date: '2026-11-29', holiday: null, windows: [] },
  { date: '2026-11-30', holiday: null, windows: weekday },
  { date: '2026-12-01', holiday: null, windows: weekday },
  { date: '2026-12-02', holiday: null, windows: weekday },
  { date: '2026-12-03', holiday: null, windows: weekday },
  { date: '2026-12-04', holiday: null, windows: weekday },
  { date: '2026-12-05', holiday: null, windows: [{ from: '08:30', to: '15:00' }] },
  { date: '2026-12-06', holiday: null, windows: [] },
  { date: '2026-12-07', holiday: null, windows: weekday },
  { date: '2026-12-08', holiday: 'Immacolata Concezione', windows: [] },
];

describe('romeMoment', () => {
  it('reads the wall clock of Rome, in winter and in summer, whatever the browser’s zone', () => {
    expect(romeMoment(new Date('2026-11-29T09:00:00Z'))).toEqual({ date: '2026-11-29', time: '10:00' });
    expect(romeMoment(new Date('2026-07-14T19:30:00Z'))).toEqual({ date: '2026-07-14', time: '21:30' });
    expect(romeMoment(new Date('2026-11-30T23:15:00Z'))).toEqual({ date: '2026-12-01', time: '00:15' });
  });
});

describe('callPermission', () => {
  it('offers no call on a Sunday and names Monday 08:30', () => {
    expect(callPermission({ date: '2026-11-29', time: '10:00' }, DAYS, [])).toEqual({ permitted: false, nextSlot: { date: '2026-11-30', time: '08:30' }, known: true });
  });

  it('offers a call inside the window: from included, to excluded', () => {
    expect(callPermission({ date: '2026-12-01', time: '10:00' }, DAYS, []).permitted).toBe(true);
    expect(callPermission({ date: '2026-12-01', time: '08:30' }, DAYS, []).permitted).toBe(true);
    expect(callPermission({ date: '2026-12-01', time: '20:59' }, DAYS, []).permitted).toBe(true);
    expect(callPermission({ date: '2026-12-01', time: '21:00' }, DAYS, [])).toEqual({ permitted: false, nextSlot: { date: '2026-12-02', time: '08:30' }, known: true });
    expect(callPermission({ date: '2026-12-01', time: '08:29' }, DAYS, [])).toEqual({ permitted: false, nextSlot: { date: '2026-12-01', time: '08:30' }, known: true });
    expect(callPermission({ date: '2026-12-05', time: '15:00' }, DAYS, []).nextSlot).toEqual({ date: '2026-12-07', time: '08:30' });
  });

  it('skips a holiday and the days the debtor’s limits close', () => {
    expect(callPermission({ date: '2026-12-07', time: '22:00' }, DAYS, []).nextSlot).toBeNull();
    const limited = callPermission({ date: '2026-12-01', time: '10:00' }, DAYS, [{ date: '2026-12-01' }, { date: '2026-12-02' }]);
    expect(limited).toEqual({ permitted: false, nextSlot: { date: '2026-12-03', time: '08:30' }, known: true });
  });

  it('permits nothing on a day it was not told about', () => {
    expect(callPermission({ date: '2027-01-05', time: '10:00' }, DAYS, [])).toEqual({ permitted: false, nextSlot: null, known: false });
    expect(callPermission({ date: '2026-11-28', time: '10:00' }, DAYS, [])).toEqual({ permitted: false, nextSlot: { date: '2026-11-30', time: '08:30' }, known: false });
  });
});
