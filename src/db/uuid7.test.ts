import { describe, expect, it } from 'vitest';
import { uuid7 } from './uuid7.ts';

describe('uuid7', () => {
  it('is a version 7, variant 10 uuid carrying the time', () => {
    const id = uuid7(Date.UTC(2026, 10, 23, 12, 0, 0));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.UTC(2026, 10, 23, 12, 0, 0));
  });

  it('sorts in creation order, also many in one millisecond and when the clock steps back', () => {
    const ids: string[] = [];
    const t = Date.now() + 10_000;
    for (let i = 0; i < 5000; i++) ids.push(uuid7(t));
    ids.push(uuid7(t - 5));
    ids.push(uuid7(t + 1));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
