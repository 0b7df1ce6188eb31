import { describe, expect, it } from 'vitest';
import { csvField, DISCHARGE_CSV_COLUMNS, dischargeCsv } from './csv.ts';

describe('discharge CSV', () => {
  it('has the documented header, CRLF line ends and quoting; neutralises formulas', () => {
    expect(DISCHARGE_CSV_COLUMNS.join(',')).toBe(
      'reference,taxpayer,tax_id,revenue,tax_year,currency,final_state,reason,loaded,collected,annulled,residual,other_collected,call_attempts,right_party_contacts,letters,plans',
    );
    expect(dischargeCsv({ rows: [] }).toString('utf8')).toBe(DISCHARGE_CSV_COLUMNS.join(',') + '\r\n');
    expect(csvField('Rossi, Mario')).toBe('"Rossi, Mario"');
    expect(csvField('a "b"')).toBe('"a ""b"""');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('-5')).toBe("'-5");
    expect(csvField(2021)).toBe('2021');
    expect(csvField(null)).toBe('');
  });
});
