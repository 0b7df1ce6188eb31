import { describe, expect, it } from 'vitest';
import { codiceFiscaleCheckChar } from '../tax-ids.ts';
import { cfFirstNameCode, cfSurnameCode } from './cf-person.ts';
import { compareDebtors, debtorKeys, normaliseAddress, normaliseName, similarNames, type MatchSubject } from './matching.ts';
import { splitFullName } from './names.ts';
import type { ImportedAddress, ImportedDebtor } from './validate-row.ts';

const MARIO_ROSSI = 'RSSMRA85T10A562S';
const MARIO_ROSSI_JR = `RSSMRA12A01H501${codiceFiscaleCheckChar('RSSMRA12A01H501')}`;
const PIVA = '01234567897';

const debtor = (d: Partial<ImportedDebtor>): ImportedDebtor => ({
  kind: 'consumer',
  firstName: null,
  lastName: null,
  companyName: null,
  taxCode: null,
  vatNumber: null,
  chUid: null,
  birthDate: null,
  language: null,
  deceased: false,
  ceased: false,
  debtorRef: null,
  ...d,
});
const address = (line1: string, postalCode: string | null = null, city: string | null = null): ImportedAddress => ({
  line1,
  postalCode,
  city,
  province: null,
  country: 'IT',
});
const subject = (d: Partial<ImportedDebtor>, a: ImportedAddress | null = null): MatchSubject => ({ debtor: debtor(d), address: a });
const rossi = (extra: Partial<ImportedDebtor> = {}) => ({ lastName: 'ROSSI', firstName: 'MARIO', ...extra });

describe('normaliseName', () => {
  it('removes case, accents, punctuation and legal forms', () => {
    expect(normaliseName('Rossi Costruzioni S.r.l.')).toBe('ROSSI COSTRUZIONI');
    expect(normaliseName('ROSSI COSTRUZIONI SRL')).toBe('ROSSI COSTRUZIONI');
    expect(normaliseName('Alfa S.p.A.')).toBe('ALFA');
    expect(normaliseName('Bianchi & C. S.n.c.')).toBe('BIANCHI');
    expect(normaliseName('Verdi Mario & C. s.a.s.')).toBe('VERDI MARIO');
    expect(normaliseName('Muster GmbH & Co. KG')).toBe('MUSTER');
    expect(normaliseName('Muster AG')).toBe('MUSTER');
    expect(normaliseName('Dupont SA')).toBe('DUPONT');
    expect(normaliseName('Élise Dupont SARL')).toBe('ELISE DUPONT');
    expect(normaliseName('Immobiliare Beta srl in liquidazione')).toBe('IMMOBILIARE BETA');
    expect(normaliseName("D'Amico  Società Cooperativa")).toBe('DAMICO');
    expect(normaliseName('Ditta Verdi Giuseppe')).toBe('VERDI GIUSEPPE');
    expect(normaliseName('Rossi & Bianchi')).toBe('ROSSI E BIANCHI');
  });
  it('keeps a name that is only a legal form, and keeps legal forms on request', () => {
    expect(normaliseName('S.r.l.')).toBe('SRL');
    expect(normaliseName('Alfa S.r.l.', { keepLegalForm: true })).toBe('ALFA SRL');
  });
});

describe('normaliseAddress', () => {
  it('writes street types out and keeps the house number', () => {
    expect(normaliseAddress('V.le Europa, 12/a', '20100')).toBe('VIALE EUROPA 12A|20100');
    expect(normaliseAddress('VIALE EUROPA 12 A', '20100')).toBe('VIALE EUROPA 12A|20100');
    expect(normaliseAddress('V. Roma n. 5', null)).toBe('VIA ROMA 5|');
    expect(normaliseAddress('V.ROMA 5', 'I-00187')).toBe('VIA ROMA 5|00187');
    expect(normaliseAddress('P.zza Garibaldi 1', null)).toBe('PIAZZA GARIBALDI 1|');
    expect(normaliseAddress('P.ZZA.GARIBALDI 1', null)).toBe('PIAZZA GARIBALDI 1|');
    expect(normaliseAddress('C.so Vittorio Emanuele II, 100', null)).toBe('CORSO VITTORIO EMANUELE II 100|');
    expect(normaliseAddress('Via XX Settembre, civico 20', null)).toBe('VIA XX SETTEMBRE 20|');
    expect(normaliseAddress('Str. Provinciale 12', null)).toBe('STRADA PROVINCIALE 12|');
  });
  it('reads German streets', () => {
    expect(normaliseAddress('Bahnhofstr. 5', 'CH-8001')).toBe('BAHNHOFSTRASSE 5|8001');
    expect(normaliseAddress('Bahnhofstraße 5', '8001')).toBe('BAHNHOFSTRASSE 5|8001');
    expect(normaliseAddress('Berliner Str. 10', null)).toBe('BERLINER STRASSE 10|');
  });
  it('keeps different house numbers apart', () => {
    expect(normaliseAddress('Via Roma 12', null)).not.toBe(normaliseAddress('Via Roma 21', null));
  });
});

describe('debtorKeys', () => {
  it('gives tax keys, the name and the name with the address', () => {
    expect(debtorKeys(debtor(rossi({ taxCode: MARIO_ROSSI })), address('Via Roma, 12', '00187'))).toEqual({
      taxKeys: [`CF:${MARIO_ROSSI}`],
      nameKey: 'ROSSI MARIO',
      nameAddressKey: 'ROSSI MARIO|VIA ROMA 12|00187',
    });
  });
  it('gives an 11-digit number both as CF and as PIVA, and the UID', () => {
    expect(debtorKeys(debtor({ kind: 'company', companyName: 'Alfa S.r.l.', vatNumber: PIVA, chUid: 'CHE-116.281.710' }), null)).toEqual({
      taxKeys: [`PIVA:${PIVA}`, `CF:${PIVA}`, 'UID:CHE-116.281.710'],
      nameKey: 'ALFA',
      nameAddressKey: null,
    });
    expect(debtorKeys(debtor({ kind: 'company', companyName: 'Alfa', taxCode: PIVA, vatNumber: PIVA }), null).taxKeys).toEqual([
      `CF:${PIVA}`,
      `PIVA:${PIVA}`,
    ]);
  });
  it('names a person by surname and first name, a sole trader without surname by the trade name', () => {
    expect(debtorKeys(debtor({ kind: 'sole_trader', lastName: 'Rossi', firstName: 'Mario', companyName: 'Bar Sport' }), null).nameKey).toBe('ROSSI MARIO');
    expect(debtorKeys(debtor({ kind: 'sole_trader', companyName: 'Bar Sport di Rossi Mario' }), null).nameKey).toBe('BAR SPORT DI ROSSI MARIO');
  });
});

describe('compareDebtors', () => {
  const roma = address('Via Roma 12', '00187', 'Roma');
  it('same: a shared tax id, whatever the names and addresses', () => {
    expect(compareDebtors(subject(rossi({ taxCode: MARIO_ROSSI }), roma), subject({ lastName: 'ROSSI M.', taxCode: MARIO_ROSSI }, null))).toBe('same');
    expect(
      compareDebtors(
        subject({ kind: 'company', companyName: 'Alfa S.r.l.', taxCode: PIVA }),
        subject({ kind: 'company', companyName: 'ALFA SRL UNIPERSONALE', vatNumber: PIVA }),
      ),
    ).toBe('same');
  });
  it('different: two different codici fiscali, even with the same name at the same address', () => {
    expect(compareDebtors(subject(rossi({ taxCode: MARIO_ROSSI }), roma), subject(rossi({ taxCode: MARIO_ROSSI_JR }), roma))).toBe('different');
    expect(
      compareDebtors(subject({ kind: 'company', companyName: 'Alfa', vatNumber: PIVA }), subject({ kind: 'company', companyName: 'Alfa', vatNumber: '12345678903' })),
    ).toBe('different');
  });
  it('same: no tax id to compare, same name at the same address', () => {
    expect(compareDebtors(subject(rossi({ taxCode: MARIO_ROSSI }), roma), subject(rossi(), address('V. Roma, n. 12', '00187')))).toBe('same');
    expect(
      compareDebtors(
        subject({ kind: 'company', companyName: 'Rossi Costruzioni S.r.l.' }, address('Viale Europa 5')),
        subject({ kind: 'company', companyName: 'ROSSI COSTRUZIONI SRL' }, address('V.le Europa 5')),
      ),
    ).toBe('same');
  });
  it('uncertain: same name, no tax id on one side, another address or none', () => {
    expect(compareDebtors(subject(rossi({ taxCode: MARIO_ROSSI }), roma), subject(rossi(), address('Via Milano 3', '20121', 'Milano')))).toBe('uncertain');
    expect(compareDebtors(subject(rossi(), roma), subject(rossi(), null))).toBe('uncertain');
    expect(compareDebtors(subject(rossi(), roma), subject(rossi(), address('Via Roma 12', '00100')))).toBe('uncertain');
  });
  it('uncertain: similar names at the same address', () => {
    expect(compareDebtors(subject(rossi(), roma), subject({ lastName: 'ROSSO', firstName: 'MARIO' }, roma))).toBe('uncertain');
    expect(compareDebtors(subject(rossi(), roma), subject({ lastName: 'MARIO', firstName: 'ROSSI' }, roma))).toBe('uncertain');
    expect(compareDebtors(subject(rossi(), roma), subject({ lastName: 'ROSIS', firstName: 'MARIO' }, roma))).toBe('uncertain');
  });
  it('different: other names, a person and a company, two birth dates', () => {
    expect(compareDebtors(subject(rossi(), roma), subject({ lastName: 'BIANCHI', firstName: 'LUCA' }, roma))).toBe('different');
    expect(compareDebtors(subject(rossi(), address('Via Milano 3')), subject({ lastName: 'ROSSO', firstName: 'MARIO' }, roma))).toBe('different');
    expect(compareDebtors(subject(rossi(), roma), subject({ kind: 'company', companyName: 'Rossi Mario' }, roma))).toBe('different');
    expect(compareDebtors(subject(rossi({ birthDate: '1985-12-10' }), roma), subject(rossi({ birthDate: '2012-01-01' }), roma))).toBe('different');
  });
});

describe('similarNames', () => {
  it('allows one edit or a different word order', () => {
    expect(similarNames('ROSSI MARIO', 'ROSSI MARIA')).toBe(true);
    expect(similarNames('ROSSI MARIO', 'ROSI MARIO')).toBe(true);
    expect(similarNames('ROSSI MARIO', 'ROSSII MARIO')).toBe(true);
    expect(similarNames('ROSSI MARIO', 'RSOSI MARIO')).toBe(true);
    expect(similarNames('ROSSI MARIO', 'MARIO ROSSI')).toBe(true);
    expect(similarNames('ROSSI MARIO', 'ROSSO MARIA')).toBe(false);
    expect(similarNames('ROSSI MARIO', 'BIANCHI MARIO')).toBe(false);
  });
});

describe('splitFullName and the codice fiscale letters', () => {
  it('computes surname and first-name letters', () => {
    expect(cfSurnameCode('Rossi')).toBe('RSS');
    expect(cfSurnameCode('Fo')).toBe('FOX');
    expect(cfSurnameCode("Dell'Acqua")).toBe('DLL');
    expect(cfFirstNameCode('Mario')).toBe('MRA');
    expect(cfFirstNameCode('Gianfranco')).toBe('GFR');
    expect(cfFirstNameCode('Nicolò')).toBe('NCL');
  });
  it('splits by convention: surname first, with its particles', () => {
    expect(splitFullName('ROSSI MARIO', null)).toEqual({ lastName: 'ROSSI', firstName: 'MARIO', by: 'convention' });
    expect(splitFullName('DE LUCA MARIA GRAZIA', null)).toEqual({ lastName: 'DE LUCA', firstName: 'MARIA GRAZIA', by: 'convention' });
    expect(splitFullName('DELLA VALLE ANNA', null)).toEqual({ lastName: 'DELLA VALLE', firstName: 'ANNA', by: 'convention' });
    expect(splitFullName("DELL'ACQUA ANNA", null)).toEqual({ lastName: "DELL'ACQUA", firstName: 'ANNA', by: 'convention' });
    expect(splitFullName('DI MARIO', null)).toEqual({ lastName: 'DI MARIO', firstName: null, by: 'convention' });
    expect(splitFullName('ROSSI', null)).toEqual({ lastName: 'ROSSI', firstName: null, by: 'convention' });
  });
  it('splits at a comma', () => {
    expect(splitFullName('Rossi, Mario', null)).toEqual({ lastName: 'Rossi', firstName: 'Mario', by: 'comma' });
  });
  it('follows the codice fiscale when it decides', () => {
    expect(splitFullName('Mario Rossi', MARIO_ROSSI)).toEqual({ lastName: 'Rossi', firstName: 'Mario', by: 'tax_code' });
    const gianfranco = `DLCGFR70A01F205${codiceFiscaleCheckChar('DLCGFR70A01F205')}`;
    expect(splitFullName('GIANFRANCO DE LUCA', gianfranco)).toEqual({ lastName: 'DE LUCA', firstName: 'GIANFRANCO', by: 'tax_code' });
    // The code of someone else does not decide: the convention applies.
    expect(splitFullName('BIANCHI LUCA', MARIO_ROSSI).by).toBe('convention');
  });
});
