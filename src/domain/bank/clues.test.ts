import { describe, expect, it } from 'vitest';
import { CLAIM_REFERENCE_PREFIX, claimReferences, COMMUNICATION_REFERENCE_PREFIX, formatQrr, formatRf, PLAN_INSTALMENT_REFERENCE_PREFIX } from '../dunning/references.ts';
import { noticeCodeAux3, printedNotice } from '../municipal/pagopa.ts';
import { cluesOf, nameKey, resolveRuns } from './clues.ts';
import { isValidRf } from '../dunning/references.ts';

const claim123 = claimReferences('123', CLAIM_REFERENCE_PREFIX);
const notice = noticeCodeAux3('07', '0000000012345');

describe('cluesOf: what a bank transaction says about the claim it pays', () => {
  it('reads our RF and QR references from the structured field, in any spacing', () => {
    expect(cluesOf({ references: [claim123.rf], text: [] }).references).toEqual([{ kind: 'claim_number', value: '123', via: 'rf' }]);
    expect(cluesOf({ references: [formatRf(claim123.rf)], text: [] }).references).toEqual([{ kind: 'claim_number', value: '123', via: 'rf' }]);
    expect(cluesOf({ references: [claim123.qrr], text: [] }).references).toEqual([{ kind: 'claim_number', value: '123', via: 'qrr' }]);
  });

  it('finds them in the free text too, printed with spaces, and a notice code in its printed form', () => {
    const c = cluesOf({ references: [], text: [`Pagamento ${formatRf(claim123.rf)} grazie`, `avviso ${printedNotice(notice)}`, `QR ${formatQrr(claim123.qrr)}`] });
    expect(c.references).toEqual([
      { kind: 'claim_number', value: '123', via: 'rf' },
      { kind: 'claim_number', value: '123', via: 'qrr' },
      { kind: 'notice', value: notice },
    ].filter((x, i, all) => all.findIndex((y) => y.kind === x.kind && y.value === x.value) === i));
  });

  it('reads the pagoPA causale /RFB/<IUV>/<amount> of a bank transfer to an ente', () => {
    expect(cluesOf({ references: [], text: ['/RFB/07000000000123456/150.00/TXT/TARI 2024'] }).references).toEqual([{ kind: 'iuv', value: '07000000000123456' }]);
    expect(cluesOf({ references: ['070000000001234'], text: [] }).references).toEqual([{ kind: 'iuv', value: '070000000001234' }]);
  });

  it('a reference with a wrong check digit, or another creditor’s prefix, names no claim', () => {
    const typo = claim123.rf.slice(0, -1) + (claim123.rf.endsWith('9') ? '8' : '9');
    expect(cluesOf({ references: [typo], text: [] }).references).toEqual([]);
    const letter = claimReferences('77', COMMUNICATION_REFERENCE_PREFIX);
    expect(cluesOf({ references: [letter.rf], text: [] }).references).toEqual([{ kind: 'communication_number', value: '77', via: 'rf' }]);
    // A valid RF that is not ours (no prefix of ours): someone else's reference.
    expect(cluesOf({ references: [claimReferences('77', '9').rf], text: [] }).references).toEqual([]);
    const badNotice = notice.slice(0, 16) + (notice.endsWith('00') ? '01' : '00');
    expect(cluesOf({ references: [badNotice], text: [] }).references).toEqual([]);
  });

  it('a plan’s payment slip (prefix 3) names its instalment, by RF or QRR, in the field or in the text', () => {
    const slip = claimReferences('4711', PLAN_INSTALMENT_REFERENCE_PREFIX);
    expect(slip.rf.slice(4)).toBe('34711');
    expect(cluesOf({ references: [slip.rf], text: [] }).references).toEqual([{ kind: 'instalment_number', value: '4711', via: 'rf' }]);
    expect(cluesOf({ references: [slip.qrr], text: [] }).references).toEqual([{ kind: 'instalment_number', value: '4711', via: 'qrr' }]);
    expect(cluesOf({ references: [], text: [`rata 3 ${formatRf(slip.rf)}`] }).references).toEqual([{ kind: 'instalment_number', value: '4711', via: 'rf' }]);
    expect(cluesOf({ references: [], text: [formatQrr(slip.qrr)] }).references).toEqual([{ kind: 'instalment_number', value: '4711', via: 'qrr' }]);
  });

  it('lists words that can be document numbers, not dates, amounts or years', () => {
    const c = cluesOf({ references: [], text: ['Saldo fatt. FT-2024-0000123 e 2024/77 del 12.03.2024 euro 1234,50 anno 2024', 'rif. ord. A12B'] });
    expect(c.documents).toEqual(['FT-2024-0000123', '2024/77', 'A12B']);
    expect(cluesOf({ references: [], text: ['x'.repeat(70) + '1'] }).documents).toEqual([]);
  });

  it('compares names without accents, case or punctuation', () => {
    expect(nameKey('Nicolò  Cantù-Rossi S.r.l.')).toBe('NICOLO CANTU ROSSI S R L');
  });

  it('finds an RF printed in groups when the word after it makes a longer run that passes the check by chance (~1 in 97)', () => {
    // A word after the reference such that reference + word is itself a valid RF (mod 97): before, that
    // longer run was taken and the payment waited for a person.
    const rf = claimReferences('4711', CLAIM_REFERENCE_PREFIX).rf;
    let word = '';
    for (let i = 0; i < 10_000 && !word; i++) {
      const w = `ACC${i}`;
      if (isValidRf(`${rf}${w}`)) word = w;
    }
    expect(word).not.toBe('');
    expect(cluesOf({ references: [], text: [`Pagamento ${formatRf(rf)} ${word} grazie`] }).references).toContainEqual({ kind: 'claim_number', value: '4711', via: 'rf' });
  });

  it('of the runs of one RF printed in groups, counts the longest that names something', () => {
    // "RF14 1760 855" is claim 760855's reference; "RF14 1760" passes the check too, as claim 760's.
    const { references } = cluesOf({ references: [], text: ['Pagamento acconto RF14 1760 855'] });
    expect(references).toEqual([
      { kind: 'claim_number', value: '760855', via: 'rf', run: { id: 0, rank: 0 } },
      { kind: 'claim_number', value: '760', via: 'rf', run: { id: 0, rank: 1 } },
    ]);
    const names = (...found: string[]) => (c: (typeof references)[number]) => found.includes(c.value);
    expect(resolveRuns(references, names('760855', '760')).map((c) => c.value)).toEqual(['760855']);
    // A longer run that names nothing (a number written after the reference) does not hide the reference.
    expect(resolveRuns(references, names('760')).map((c) => c.value)).toEqual(['760']);
    expect(resolveRuns(references, names()).map((c) => c.value)).toEqual(['760855', '760']);
    // The clues of other references stay as they are.
    const two = cluesOf({ references: [formatRf(claimReferences('4711', CLAIM_REFERENCE_PREFIX).rf)], text: ['saldo RF14 1760 855'] }).references;
    expect(resolveRuns(two, names('4711', '760855', '760')).map((c) => c.value)).toEqual(['4711', '760855']);
  });
});
