import { describe, expect, it } from 'vitest';
import { addCalls, addCollected, addKept, addPromises, emptyFigures, RIGHT_PARTY_CODES } from './board.ts';

describe('the board’s figures', () => {
  it('count calls by the flags of their outcome; refused calls only as refused', () => {
    const f = emptyFigures();
    addCalls(f, 'PROMESSA_PAGAMENTO', true, 2);
    addCalls(f, 'NON_RISPONDE', true, 3);
    addCalls(f, 'TERZO_RISPONDE', true, 1);
    addCalls(f, 'DECEDUTO', true, 1);
    addCalls(f, 'RIFIUTO', false, 4);
    expect(f).toMatchObject({ attempts: 7, contacts: 4, rightParty: 2, worked: 7, refused: 4, outcomes: { PROMESSA_PAGAMENTO: 2, NON_RISPONDE: 3, TERZO_RISPONDE: 1, DECEDUTO: 1 } });
  });
  it('add money exactly, per currency', () => {
    const f = emptyFigures();
    addPromises(f, 1, 'EUR', '0.10');
    addPromises(f, 2, 'EUR', '0.20');
    addPromises(f, 1, 'CHF', '7.50');
    addKept(f, 1, 'EUR', '100.005');
    addCollected(f, 'EUR', '0.10');
    addCollected(f, 'CHF', '5.00');
    addCollected(f, 'EUR', '0.20');
    expect(f).toMatchObject({ promises: 4, promised: [{ currency: 'CHF', amount: '7.50' }, { currency: 'EUR', amount: '0.30' }], promisesKept: 1, kept: [{ currency: 'EUR', amount: '100.01' }], collected: [{ currency: 'CHF', amount: '5.00' }, { currency: 'EUR', amount: '0.30' }] });
  });
  it('credit money only to right-party contacts', () => {
    expect(RIGHT_PARTY_CODES).toContain('PROMESSA_PAGAMENTO');
    expect(RIGHT_PARTY_CODES).not.toContain('TERZO_RISPONDE');
    expect(RIGHT_PARTY_CODES).not.toContain('DECEDUTO');
  });
});
