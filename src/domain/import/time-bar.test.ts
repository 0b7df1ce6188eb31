import { describe, expect, it } from 'vitest';
import { CLAIM_KINDS } from '../model.ts';
import { isTimeBarred, LIMITATION_RULES, limitationRule, timeBarredFrom, type LimitationRule } from './time-bar.ts';

describe('limitation table', () => {
  it('gives every line a source, and a note to every unverified line', () => {
    for (const r of LIMITATION_RULES) {
      expect(r.source.length).toBeGreaterThan(5);
      if (!r.verified) expect(r.note, `${r.jurisdiction} ${r.kind}`).toBeTruthy();
    }
  });
  it('covers every Italian claim kind', () => {
    for (const kind of CLAIM_KINDS) expect(limitationRule(kind, 'IT'), kind).not.toBeNull();
  });
  it('has no line for Italian municipal revenues abroad', () => {
    expect(limitationRule('imu', 'CH')).toBeNull();
    expect(timeBarredFrom('tari', '2020-01-31', 2019, 'DE')).toBeNull();
  });
});

describe('timeBarredFrom (Italy)', () => {
  it('invoices: 10 years from the due date, barred the day after (art. 2946, 2963 c.c.)', () => {
    expect(timeBarredFrom('invoice', '2015-03-10', null)).toBe('2025-03-11');
    expect(timeBarredFrom('other', '2015-03-10', null, 'IT')).toBe('2025-03-11');
  });
  it('a period starting on 29 February ends on 28 February', () => {
    expect(timeBarredFrom('invoice', '2016-02-29', null)).toBe('2026-03-01');
  });
  it('IMU and TARI: the notice is due by 31 December of the fifth year after the year of payment', () => {
    expect(timeBarredFrom('imu', '2019-12-16', 2019)).toBe('2025-01-01');
    expect(timeBarredFrom('imu', '2019-06-17', null)).toBe('2025-01-01');
    // TARI 2023 paid in February 2024: the year of the payment counts.
    expect(timeBarredFrom('tari', '2024-02-28', 2023)).toBe('2030-01-01');
    // A due date before its tax year is a mistake in the file: the later year is taken.
    expect(timeBarredFrom('imu', '2019-12-16', 2020)).toBe('2026-01-01');
  });
  it('CUP and traffic fines: 5 years from the due date', () => {
    expect(timeBarredFrom('cup', '2021-04-30', 2021)).toBe('2026-05-01');
    expect(timeBarredFrom('cds_fine', '2020-05-01', null)).toBe('2025-05-02');
  });
});

describe('timeBarredFrom (Switzerland, Germany, France)', () => {
  it('Switzerland: 10 years (art. 127 CO), 5 for invoices to consumers (art. 128 CO)', () => {
    expect(timeBarredFrom('invoice', '2015-06-30', null, 'CH')).toBe('2025-07-01');
    expect(timeBarredFrom('invoice', '2015-06-30', null, 'CH', { debtorKind: 'company' })).toBe('2025-07-01');
    expect(timeBarredFrom('invoice', '2020-06-30', null, 'CH', { debtorKind: 'consumer' })).toBe('2025-07-01');
  });
  it('Germany: 3 years from the end of the year (§§ 195, 199 BGB)', () => {
    expect(timeBarredFrom('invoice', '2022-06-30', null, 'DE')).toBe('2026-01-01');
    expect(timeBarredFrom('invoice', '2022-12-31', null, 'DE')).toBe('2026-01-01');
  });
  it('France: 5 years, 2 against a consumer (art. L218-2 C. consommation)', () => {
    expect(timeBarredFrom('invoice', '2020-06-30', null, 'FR')).toBe('2025-07-01');
    expect(timeBarredFrom('invoice', '2022-06-30', null, 'FR', { debtorKind: 'consumer' })).toBe('2024-07-01');
  });
});

describe('isTimeBarred', () => {
  it('is true from the first barred day on', () => {
    expect(isTimeBarred('invoice', '2015-03-10', null, 'IT', '2025-03-10')).toBe(false);
    expect(isTimeBarred('invoice', '2015-03-10', null, 'IT', '2025-03-11')).toBe(true);
    expect(isTimeBarred('tari', '2019-12-16', 2019, 'IT', '2024-12-31')).toBe(false);
    expect(isTimeBarred('tari', '2019-12-16', 2019, 'IT', '2025-01-01')).toBe(true);
  });
  it('is false when no rule applies', () => {
    expect(isTimeBarred('imu', '1990-01-01', 1990, 'CH', '2026-01-01')).toBe(false);
  });
  it('takes the caller’s own table', () => {
    const rules: LimitationRule[] = [{ jurisdiction: 'IT', kind: 'invoice', years: 5, start: 'due_date', source: 'contratto', verified: false, note: 'test' }];
    expect(timeBarredFrom('invoice', '2015-03-10', null, 'IT', { rules })).toBe('2020-03-11');
    expect(isTimeBarred('imu', '2015-03-10', 2015, 'IT', '2026-01-01', { rules })).toBe(false);
  });
});
