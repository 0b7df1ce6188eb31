import { describe, expect, it } from 'vitest';
import { translate } from '../messages/index.ts';
import { prng } from '../interest/test-book.ts';
import { iuvOf, mod93, noticeCodeAux3, noticeProblem, pagopaQrPayload, parseNotice, parsePagopaQr, printedNotice } from './pagopa.ts';
import { MunicipalInputError } from './result.ts';

describe('mod 93 (SACI 1.3.1 §2.2.2.4)', () => {
  it('equals the BigInt remainder, digit by digit, beyond Number.MAX_SAFE_INTEGER', () => {
    expect(mod93('0')).toBe(0);
    expect(mod93('93')).toBe(0);
    expect(mod93('94')).toBe(1);
    expect(mod93('9999999999999999')).toBe(Number(9999999999999999n % 93n));
    const r = prng(7);
    for (let i = 0; i < 500; i++) {
      const digits = Array.from({ length: 1 + Math.floor(r() * 30) }, () => Math.floor(r() * 10)).join('');
      expect(mod93(digits), digits).toBe(Number(BigInt(digits) % 93n));
    }
  });
  it('refuses anything but digits', () => {
    expect(() => mod93('12a')).toThrow(RangeError);
    expect(() => mod93('')).toThrow(RangeError);
  });
});

describe('notice codes (municipal-notes.md §2.3, fixtures §2.9)', () => {
  it('accepts the public CdS fixtures (aux 0, application code 01, check 08 / 09)', () => {
    for (const [code, check] of [['001340000013900808', '08'], ['001340000013900909', '09']] as const) {
      const r = parseNotice(code);
      expect(r.ok, code).toBe(true);
      if (!r.ok) continue;
      expect(r.value).toMatchObject({ aux: 0, applicationCode: '01', checkDigits: check, iuv: code.slice(3) });
      expect(iuvOf(code)).toHaveLength(15);
    }
  });
  it('refuses the two synthetic fixtures that fail mod 93, saying which check digits were expected', () => {
    for (const code of ['399000012345678900', '344012345678901233']) {
      const r = parseNotice(code);
      expect(r.ok, code).toBe(false);
      if (r.ok) continue;
      const expected = String(mod93(code.slice(0, 16))).padStart(2, '0');
      expect(r.problem).toEqual({ code: 'municipal.notice_check_digits', params: { expected, found: code.slice(16) } });
      expect(translate(r.problem, 'it')).toContain(`attese ${expected}`);
    }
  });
  it('reads the legacy aux 1 (no check) and aux 2 shapes, and the spec placeholder', () => {
    expect(parseNotice('123456789012345678')).toMatchObject({ ok: true, value: { aux: 1, iuv: '23456789012345678', checkDigits: null } });
    const body = '2' + '123456789012345';
    const aux2 = body + String(mod93(body)).padStart(2, '0');
    expect(parseNotice(aux2)).toMatchObject({ ok: true, value: { aux: 2, iuv: aux2.slice(1) } });
    expect(parseNotice('000000000000000000').ok).toBe(true);
  });
  it('names each problem: not digits, wrong length, unknown aux digit', () => {
    expect(noticeProblem('30123456789012345X')).toEqual({ code: 'municipal.notice_not_digits' });
    expect(noticeProblem('3012345678901234')).toEqual({ code: 'municipal.notice_length', params: { length: 16 } });
    expect(noticeProblem('')).toEqual({ code: 'municipal.notice_length', params: { length: 0 } });
    expect(noticeProblem('512345678901234567')).toEqual({ code: 'municipal.notice_unknown_aux', params: { aux: 5 } });
  });
  it('builds aux 3 codes: "3" + segregation + base + mod-93 check, IUV = the code without its first digit', () => {
    const code = noticeCodeAux3('01', '2345678901234');
    expect(code).toHaveLength(18);
    expect(code.slice(0, 16)).toBe('3012345678901234');
    expect(code.slice(16)).toBe(String(Number(3012345678901234n % 93n)).padStart(2, '0'));
    expect(parseNotice(code)).toMatchObject({ ok: true, value: { aux: 3, segregationCode: '01', iuv: code.slice(1) } });
    expect(iuvOf(code)).toBe(code.slice(1));
    expect(() => noticeCodeAux3('1', '2345678901234')).toThrow(MunicipalInputError);
    expect(() => noticeCodeAux3('01', '234567890123')).toThrow(MunicipalInputError);
  });
  it('round-trips many random bases: built, printed, parsed back; one changed digit is caught', () => {
    const r = prng(93);
    const digits = (n: number) => Array.from({ length: n }, () => Math.floor(r() * 10)).join('');
    for (let i = 0; i < 2000; i++) {
      const seg = digits(2);
      const base = digits(13);
      const code = noticeCodeAux3(seg, base);
      const printed = printedNotice(code);
      expect(printed).toMatch(/^\d{4} \d{4} \d{4} \d{4} \d{2}$/);
      const back = parseNotice(printed);
      expect(back.ok && back.value.code).toBe(code);
      expect(back.ok && back.value.segregationCode).toBe(seg);
      // Changing one digit of the body changes the remainder (10^k is never ≡ 0 mod 93).
      const k = 3 + Math.floor(r() * 13);
      const other = (Number(code[k]) + 1 + Math.floor(r() * 9)) % 10;
      const tampered = code.slice(0, k) + String(other) + code.slice(k + 1);
      expect(parseNotice(tampered).ok, tampered).toBe(false);
    }
  });
  it('prints in groups of four', () => {
    expect(printedNotice('301234567890123456')).toBe('3012 3456 7890 1234 56');
  });
});

describe('QR payload (docs.pagopa.it avviso-pagamento "Codice QR", §2.5)', () => {
  it('writes the spec example exactly', () => {
    expect(pagopaQrPayload('000000000000000000', '00000000000', '99.99')).toBe('PAGOPA|002|000000000000000000|00000000000|9999');
  });
  it('pads cents to two digits and refuses amounts outside 0.01 – 99,999,999.99', () => {
    expect(pagopaQrPayload('000000000000000000', '01199250158', '0.05')).toBe('PAGOPA|002|000000000000000000|01199250158|05');
    expect(pagopaQrPayload('000000000000000000', '01199250158', '99999999.99')).toMatch(/\|9999999999$/);
    for (const amount of ['0', '0.00', '100000000.00']) {
      try {
        pagopaQrPayload('000000000000000000', '01199250158', amount);
        expect.unreachable(amount);
      } catch (e) {
        expect((e as MunicipalInputError).msg.code).toBe('municipal.qr_amount_range');
      }
    }
    expect(() => pagopaQrPayload('000000000000000000', '01199250158', '1,00')).toThrow(MunicipalInputError);
    expect(() => pagopaQrPayload('399000012345678900', '01199250158', '1.00')).toThrow(/controllo/);
    expect(() => pagopaQrPayload('000000000000000000', '0119925015', '1.00')).toThrow(MunicipalInputError);
  });
  it('reads the public fixtures: padded and unpadded cents, 1–11 digits', () => {
    expect(parsePagopaQr('PAGOPA|002|000000000000000000|00000000000|9999')).toMatchObject({ ok: true, value: { amount: '99.99', cents: '9999' } });
    expect(parsePagopaQr('PAGOPA|002|000000000000000000|01199250158|0000015000')).toMatchObject({
      ok: true,
      value: { amount: '150.00', cfEnte: '01199250158', cents: '15000' },
    });
    expect(parsePagopaQr('PAGOPA|002|123456789012345678|12345678901|1234567801')).toMatchObject({ ok: true, value: { amount: '12345678.01' } });
    expect(parsePagopaQr('PAGOPA|002|000000000000000000|00000000000|5')).toMatchObject({ ok: true, value: { amount: '0.05' } });
    expect(parsePagopaQr('PAGOPA|002|000000000000000000|00000000000|12345678901')).toMatchObject({ ok: true, value: { amount: '123456789.01' } });
    expect(parsePagopaQr('PAGOPA|002|000000000000000000|00000000000|123456789012').ok).toBe(false);
    expect(parsePagopaQr('PAGOPA|001|000000000000000000|00000000000|99')).toEqual({ ok: false, problem: { code: 'municipal.qr_format' } });
    expect(parsePagopaQr('PAGOPA|002|399000012345678900|00000000000|99')).toMatchObject({ ok: false, problem: { code: 'municipal.notice_check_digits' } });
  });
  it('round-trips payloads it writes', () => {
    const r = prng(11);
    for (let i = 0; i < 300; i++) {
      const code = noticeCodeAux3(String(Math.floor(r() * 46)).padStart(2, '0'), String(Math.floor(r() * 1e13)).padStart(13, '0'));
      const amount = (Math.floor(r() * 1e8) / 100 + 0.01).toFixed(2);
      const parsed = parsePagopaQr(pagopaQrPayload(code, '01199250158', amount));
      expect(parsed.ok && [parsed.value.notice.code, parsed.value.amount]).toEqual([code, amount]);
    }
  });
});
