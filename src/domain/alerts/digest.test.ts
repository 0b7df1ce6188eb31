import { describe, expect, it } from 'vitest';
import { ALERT_ITEMS_PER_KIND, digestPeriod, groupAlerts, type AlertItem } from './digest.ts';

describe('alert digest', () => {
  it('covers the whole days since the last digest, at most a week, never the same day twice', () => {
    expect(digestPeriod(null, '2026-12-07')).toEqual({ from: '2026-12-06', to: '2026-12-06' });
    expect(digestPeriod('2026-12-04', '2026-12-07')).toEqual({ from: '2026-12-05', to: '2026-12-06' });
    expect(digestPeriod('2026-12-06', '2026-12-07')).toBeNull();
    expect(digestPeriod('2026-10-01', '2026-12-07')).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(digestPeriod('2026-12-31', '2027-01-01')).toBeNull();
    expect(digestPeriod('2026-12-30', '2027-01-01')).toEqual({ from: '2026-12-31', to: '2026-12-31' });
  });

  it('groups by the kinds chosen, newest first, with whole counts and a capped list', () => {
    const item = (kind: AlertItem['kind'], on: string, ref: string): AlertItem => ({ kind, on, debtorId: 'd', debtorName: 'Rossi', claimId: ref, claimRef: ref, amount: '10.00', currency: 'EUR' });
    const overdue = Array.from({ length: 25 }, (_, i) => item('overdue', `2026-12-0${(i % 5) + 1}`, `FT-${String(i).padStart(2, '0')}`));
    const g = groupAlerts([...overdue, item('plan_lapsed', '2026-12-05', 'FT-X'), item('promise_broken', '2026-12-05', 'FT-Y')], ['overdue', 'plan_lapsed']);
    expect(g.map((x) => [x.kind, x.count, x.items.length])).toEqual([
      ['overdue', 25, ALERT_ITEMS_PER_KIND],
      ['plan_lapsed', 1, 1],
    ]);
    expect(g[0]!.items[0]).toMatchObject({ on: '2026-12-05', claimRef: 'FT-04' });
  });
});
