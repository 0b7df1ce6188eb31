import { describe, expect, it } from 'vitest';
import { fillSample, fromEditor, sameText, toEditor, unknownVariables } from './templates';

const text = {
  salutation: 'Gentile {debtorName},',
  paragraphs: ['Versi {totalDue} entro il {payBy}.', { mention: 'Maturano interessi al {interestRate}.', charge: 'Interessi compresi.' }],
  legalNotice: ['Primo avviso.', 'Secondo avviso.'],
  closing: ['Cordiali saluti', '{senderName}'],
};

describe('the template editor', () => {
  it('round-trips a text through the editor’s fields', () => {
    const v = toEditor(text);
    expect(v.legalNotice).toBe('Primo avviso.\n\nSecondo avviso.');
    expect(v.closing).toBe('Cordiali saluti\n{senderName}');
    expect(v.paragraphs[1]).toEqual({ kind: 'interest', mention: 'Maturano interessi al {interestRate}.', charge: 'Interessi compresi.' });
    expect(fromEditor(v)).toEqual(text);
    expect(sameText(fromEditor(v), text)).toBe(true);
  });

  it('joins a block’s lines, drops empty blocks and lines, trims', () => {
    const v = { ...toEditor(text), legalNotice: '  Riga uno\nriga due  \n\n\n\nAltro\n', closing: '\n Saluti \n\n{senderName}\n' };
    expect(fromEditor(v)).toMatchObject({ legalNotice: ['Riga uno riga due', 'Altro'], closing: ['Saluti', '{senderName}'] });
  });

  it('fills the sample values and leaves an unknown variable visible; names unknown variables once', () => {
    expect(fillSample('Versi {totalDue} entro {scadenza}.', { totalDue: '1.234,56 €' })).toBe('Versi 1.234,56 € entro {scadenza}.');
    expect(unknownVariables({ ...text, paragraphs: ['{totale} e {totale}, {payBy}'] }, ['payBy', 'debtorName', 'senderName'])).toEqual(['totale']);
  });
});
