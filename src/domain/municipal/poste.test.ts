import { describe, expect, it } from 'vitest';
import { noticeCodeAux3 } from './pagopa.ts';
import { POSTE_PAYLOAD_LENGTH, posteDataMatrixPayload, posteText, readPostePayload } from './poste.ts';
import { MunicipalInputError } from './result.ts';

/*
 * The Poste Data Matrix payload (municipal-notes.md §2.6): 256 characters, fields at fixed offsets,
 * read back at the IO app decoder's positions (notice [15, 33), amount [49, 59), CF ente [66, 77)).
 */

const notice = noticeCodeAux3('12', '0000000004242');
const base = {
  notice,
  cfEnte: '80024710160',
  postalAccount: '1234567',
  amount: '1395.50',
  debtorTaxCode: 'rssmra80a01h501u',
  debtorName: 'Rossi Mario',
  subject: 'IMU 2022 - avviso di accertamento esecutivo ACC/2025/118',
};

describe('Poste Data Matrix payload (Bollettino Postale PA)', () => {
  it('lays out the fields exactly: codeline, 896 document type, 1P1, padded parties and causale, filler, A', () => {
    const p = posteDataMatrixPayload(base);
    const expected =
      'codfase=NBPA;' +
      '18' + notice +
      '12' + '000001234567' +
      '10' + '0000139550' +
      '3' + '896' +
      '1P1' +
      '80024710160' +
      'RSSMRA80A01H501U' +
      'Rossi Mario'.padEnd(40, ' ') +
      'IMU 2022 - avviso di accertamento esecutivo ACC/2025/118'.padEnd(110, ' ') +
      ' '.repeat(12) +
      'A';
    expect(p).toBe(expected);
    expect(p).toHaveLength(POSTE_PAYLOAD_LENGTH);
    // Offsets of the table in the notes.
    expect(p.slice(0, 13)).toBe('codfase=NBPA;');
    expect(p.slice(35, 47)).toBe('000001234567');
    expect(p.slice(59, 63)).toBe('3896');
    expect(p.slice(63, 66)).toBe('1P1');
    expect(p.slice(77, 93)).toBe('RSSMRA80A01H501U');
    expect(p.slice(93, 133).trimEnd()).toBe('Rossi Mario');
    expect(p.slice(243, 255)).toBe(' '.repeat(12));
    expect(p[255]).toBe('A');
  });

  it('is read back by the IO app decoder’s positions', () => {
    expect(readPostePayload(posteDataMatrixPayload(base))).toEqual({ notice, cents: '0000139550', cfEnte: '80024710160' });
    expect(readPostePayload(posteDataMatrixPayload({ ...base, amount: '0.01' }))?.cents).toBe('0000000001');
  });

  it('stays 256 characters whatever the name and causale: cut to their fields, ASCII only, no debtor code as spaces', () => {
    const p = posteDataMatrixPayload({ ...base, debtorTaxCode: null, debtorName: 'Niccolò D’Àrco dei Conti di Valdoria e Roccamontana Superiore', subject: 'x'.repeat(200) });
    expect(p).toHaveLength(256);
    expect(p.slice(77, 93)).toBe(' '.repeat(16));
    expect(p.slice(93, 133)).toBe("Niccolo D'Arco dei Conti di Valdoria e R");
    expect(p.slice(133, 243)).toBe('x'.repeat(110));
    expect(p[255]).toBe('A');
    expect(/^[\x20-\x7e]+$/.test(p)).toBe(true);
    expect(posteText('Straße €5')).toBe('Stra e  5');
  });

  it('refuses a wrong notice code, CF, account or amount with the reason', () => {
    const reason = (over: Partial<typeof base>) => {
      try {
        posteDataMatrixPayload({ ...base, ...over });
        return null;
      } catch (e) {
        return e instanceof MunicipalInputError ? [e.field, e.msg.code] : e;
      }
    };
    expect(reason({ notice: notice.slice(0, 16) + '00' })).toEqual(['notice', 'municipal.notice_check_digits']);
    expect(reason({ cfEnte: 'RSSMRA80A01H501U' })).toEqual(['cfEnte', 'municipal.cf_ente']);
    expect(reason({ postalAccount: '1234567890123' })).toEqual(['postalAccount', 'municipal.postal_account']);
    expect(reason({ amount: '0.00' })).toEqual(['amount', 'municipal.datamatrix_amount_range']);
    expect(reason({ amount: '100000000.00' })).toEqual(['amount', 'municipal.datamatrix_amount_range']);
    expect((reason({ amount: '1,50' }) as string[])[0]).toBe('amount');
  });
});
