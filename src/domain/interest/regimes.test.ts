import { describe, expect, it } from 'vitest';
import { frenchCommercialTable } from './regimes.ts';

const ecb = (rows: [string, string | null, string][]) => ({
  name: 'ecb-mro',
  rows: rows.map(([from, to, rate]) => ({ from, to, rate, source: 'test' })),
});
const shape = (t: ReturnType<typeof frenchCommercialTable>) => t.rows.map((r) => [r.from, r.to, r.rate]);

describe('French commercial rate (C. com. L441-10 II)', () => {
  it('takes the ECB rate in force on 1 January / 1 July for the whole half-year, ignoring changes inside it', () => {
    const t = frenchCommercialTable(
      ecb([
        ['2022-03-10', '2022-07-26', '0'],
        ['2022-07-27', '2022-09-13', '0.5'],
        ['2022-09-14', '2023-02-07', '1.25'],
        ['2023-02-08', '2023-06-30', '3'],
      ]),
    );
    // The table starts with the first half-year whose first day the ECB table covers.
    expect(shape(t)).toEqual([
      ['2022-07-01', '2022-12-31', '10'],
      ['2023-01-01', '2023-06-30', '11.25'],
    ]);
    expect(t.rows[0]!.source).toContain('2022-07-01');
  });
  it('knows a half-year to its end once its first day is known; the open last ECB rate stays open', () => {
    expect(shape(frenchCommercialTable(ecb([['2024-01-01', '2024-07-01', '4.5']])))).toEqual([
      ['2024-01-01', '2024-06-30', '14.5'],
      ['2024-07-01', '2024-12-31', '14.5'],
    ]);
    expect(shape(frenchCommercialTable(ecb([['2024-01-01', '2024-06-11', '4.5'], ['2024-06-12', null, '4.25']])))).toEqual([
      ['2024-01-01', '2024-06-30', '14.5'],
      ['2024-07-01', null, '14.25'],
    ]);
  });
});
