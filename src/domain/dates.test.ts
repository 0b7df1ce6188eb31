import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { dateProblem, daysBetween, today } from './dates.ts';

describe('calendar dates', () => {
  it('refuses dates that do not exist', () => {
    expect(dateProblem('2026-02-30')).toContain('non esiste');
    expect(dateProblem('2025-02-29')).toContain('non esiste');
    expect(dateProblem('2024-02-29')).toBeNull();
    expect(dateProblem('2026-13-01')).toContain('non esiste');
  });
  it('refuses other formats and implausible years', () => {
    expect(dateProblem('31/12/2026')).toContain('AAAA-MM-GG');
    expect(dateProblem('2026-1-5')).toContain('AAAA-MM-GG');
    expect(dateProblem('0202-01-01')).toContain('fuori intervallo');
  });
  it('counts days between calendar dates, leap days included', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-01-01', '2024-01-01')).toBe(365);
  });
  it('takes today in Rome, not in UTC', () => {
    // 23:30 UTC on 31 December is already 1 January in Rome.
    const instant = Temporal.Instant.from('2025-12-31T23:30:00Z');
    expect(today('Europe/Rome', instant).toString()).toBe('2026-01-01');
  });
});
