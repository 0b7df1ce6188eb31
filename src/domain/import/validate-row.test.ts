import { describe, expect, it } from 'vitest';
import { LOCALES, translate } from '../messages/index.ts';
import { codiceFiscaleCheckChar, partitaIvaCheckDigit } from '../tax-ids.ts';
import type { ImportField } from './fields.ts';
import { validateRow, type ImportRecord, type RowContext, type RowProblem } from './validate-row.ts';

const ctx: RowContext = { today: '2026-03-15', defaultCurrency: 'EUR', defaultCountry: 'IT', decimal: 'auto' };
const cf = (first15: string) => first15 + codiceFiscaleCheckChar(first15);

/** Mario Rossi, born 10/12/1985 in Roma, and variants. */
const MARIO_ROSSI = 'RSSMRA85T10A562S';
const MARIA_ROSSI = cf('RSSMRA85T50A562'); // a woman: day + 40
const ROSSI_OMOCODIA = cf('RSSMRA85T1LA562'); // the 0 of the day written L
const ANNA_ROSSI_BIANCHI = cf('RSSNNA80A41H501');
const PIVA = '01234567897';
/** An entity's numeric codice fiscale, like a comune's. */
const COMUNE_CF = `8001234567${partitaIvaCheckDigit('8001234567')}`;
const IBAN = 'IT60X0542811101000000123456';

type Values = Partial<Record<ImportField, string>>;
const claim: Values = { externalRef: 'FT-2025/0042', principal: '1.234,56', dueDate: '31/01/2025' };

/** A problem or warning as an Italian reader sees it. */
type Shown = { field: ImportField; message: string };
const shown = (list: RowProblem[]): Shown[] => list.map((p) => ({ field: p.field, message: translate(p, 'it') }));

function ok(values: Values, context: RowContext = ctx): { record: ImportRecord; warnings: Shown[] } {
  const r = validateRow(values, context);
  expect(r.problems).toEqual([]);
  expect(r.record).not.toBeNull();
  return { record: r.record!, warnings: shown(r.warnings) };
}

function problems(values: Values, context: RowContext = ctx): Shown[] {
  const r = validateRow(values, context);
  expect(r.record).toBeNull();
  expect(r.problems.length).toBeGreaterThan(0);
  return shown(r.problems);
}

const fieldsOf = (list: Shown[]) => list.map((p) => p.field);

describe('validateRow: a comune’s TARI row', () => {
  it('gives claim, debtor, address and contacts, normalised', () => {
    const { record, warnings } = ok({
      externalRef: 'TARI-2023-000123',
      kind: 'TARI',
      description: '  Tassa rifiuti   2023\n(saldo) ',
      principal: '€ 312,40',
      dueDate: '16/12/2023',
      taxYear: '2023',
      debtorRef: 'C000981',
      debtorName: 'ROSSI MARIO',
      taxCode: 'rssmra85t10a562s',
      addressLine1: 'Via Roma, 12',
      postalCode: '00187',
      city: 'Roma',
      province: 'rm',
      email: 'Mario.Rossi@Example.IT',
      phone: '06 1234567',
      mobile: '333 123 4567',
    });
    expect(warnings).toEqual([]);
    expect(record).toEqual({
      claim: {
        externalRef: 'TARI-2023-000123',
        kind: 'tari',
        description: 'Tassa rifiuti 2023 (saldo)',
        principal: '312.40',
        currency: 'EUR',
        issueDate: null,
        dueDate: '2023-12-16',
        contractDate: null,
        taxYear: 2023,
        iban: null,
        components: null,
        act: null,
        noticeCode: null,
      },
      debtor: {
        kind: 'consumer',
        firstName: 'MARIO',
        lastName: 'ROSSI',
        companyName: null,
        taxCode: MARIO_ROSSI,
        vatNumber: null,
        chUid: null,
        birthDate: null,
        language: null,
        deceased: false,
        ceased: false,
        debtorRef: 'C000981',
      },
      address: { line1: 'Via Roma, 12', postalCode: '00187', city: 'Roma', province: 'RM', country: 'IT' },
      contacts: [
        { channel: 'email', value: 'mario.rossi@example.it' },
        { channel: 'phone', value: '+39061234567' },
        { channel: 'mobile', value: '+393331234567' },
      ],
    });
  });
});

describe('validateRow: every problem at once', () => {
  it('reports all the row’s problems, each on its field, in the order of the fields', () => {
    const list = problems({
      kind: 'boh',
      principal: '12,345',
      currency: 'USD',
      dueDate: '2026-02-30',
      issueDate: '2027-01-01',
      taxYear: '23',
      taxCode: 'RSSMRA85T10A562T',
      vatNumber: '01234567890',
      deceased: 'forse',
      country: 'Austria',
    });
    expect(fieldsOf(list)).toEqual([
      'externalRef',
      'kind',
      'principal',
      'currency',
      'issueDate',
      'dueDate',
      'taxYear',
      'lastName',
      'taxCode',
      'vatNumber',
      'deceased',
      'country',
    ]);
    const text = list.map((p) => p.message).join('\n');
    expect(text).toContain('Campo obbligatorio mancante: numero documento');
    expect(text).toContain('"boh" non riconosciuto');
    expect(text).toContain('"12,345" ambiguo');
    expect(text).toContain('Valuta "USD" non supportata');
    expect(text).toContain('"2026-02-30" non esiste nel calendario');
    expect(text).toContain('Data documento 01/01/2027 nel futuro');
    expect(text).toContain('Anno d’imposta "23" non valido');
    expect(text).toContain('atteso S');
    expect(text).toContain('atteso 7');
    expect(text).toContain('Manca il cognome');
    expect(text).toContain('"forse"');
    expect(text).toContain('Paese "Austria" non supportato');
  });

  it('names each missing required field, as a code with the field’s label rendered in the reader’s language', () => {
    const raw = validateRow({ lastName: 'ROSSI' }, ctx).problems;
    expect(raw.map((p) => [p.field, p.code])).toEqual([
      ['externalRef', 'import.required_missing'],
      ['principal', 'import.required_missing'],
      ['dueDate', 'import.required_missing'],
    ]);
    expect(translate(raw[0]!, 'en')).toBe('Required field missing: document number');
    expect(translate(raw[1]!, 'de')).toBe('Pflichtfeld fehlt: Betrag');
    expect(translate(raw[2]!, 'fr')).toBe('Champ obligatoire manquant : échéance');
    const list = problems({ lastName: 'ROSSI' });
    expect(list).toEqual([
      { field: 'externalRef', message: 'Campo obbligatorio mancante: numero documento' },
      { field: 'principal', message: 'Campo obbligatorio mancante: importo' },
      { field: 'dueDate', message: 'Campo obbligatorio mancante: scadenza' },
    ]);
  });

  it('treats blank cells as missing', () => {
    expect(fieldsOf(problems({ ...claim, externalRef: '   ', lastName: 'ROSSI' }))).toEqual(['externalRef']);
    expect(fieldsOf(problems({ ...claim, externalRef: '\u200b', lastName: 'ROSSI' }))).toEqual(['externalRef']);
  });
});

describe('validateRow: the claim', () => {
  const person = { lastName: 'ROSSI', firstName: 'MARIO' };

  it('reads claim kinds from the words people use', () => {
    const cases: [string, string][] = [
      ['Fattura', 'invoice'], ['fattura n. 12', 'invoice'], ['Rechnung', 'invoice'], ['Facture', 'invoice'], ['invoice', 'invoice'],
      ['IMU', 'imu'], ['IMU 2022 acconto', 'imu'], ['ICI', 'imu'], ['Sanzione IMU 2021', 'imu'], ['3918', 'imu'],
      ['TARI', 'tari'], ['TARES', 'tari'], ['TIA', 'tari'], ['Tassa rifiuti', 'tari'], ['3944', 'tari'],
      ['CUP', 'cup'], ['Canone unico patrimoniale', 'cup'], ['COSAP', 'cup'],
      ['Multa', 'cds_fine'], ['Verbale CdS n. 123', 'cds_fine'], ['sanzione', 'cds_fine'], ['Codice della strada', 'cds_fine'],
      ['cds_fine', 'cds_fine'], ['Altro', 'other'],
    ];
    for (const [word, kind] of cases) {
      expect({ word, kind: ok({ ...claim, ...person, kind: word }).record.claim.kind }).toEqual({ word, kind });
    }
    expect(ok({ ...claim, ...person }).record.claim.kind).toBe('invoice');
  });

  it('reads currencies, and from the amount cell when no column says it', () => {
    for (const [word, currency] of [['€', 'EUR'], ['Euro', 'EUR'], ['EUR', 'EUR'], ['Fr.', 'CHF'], ['CHF', 'CHF'], ['SFr.', 'CHF']] as const) {
      expect(ok({ ...claim, ...person, currency: word }).record.claim.currency).toBe(currency);
    }
    expect(ok({ ...claim, ...person }, { ...ctx, defaultCurrency: 'CHF' }).record.claim.currency).toBe('CHF');
    expect(ok({ ...claim, ...person, principal: 'CHF 1’234.50' }).record.claim).toMatchObject({ principal: '1234.50', currency: 'CHF' });
    expect(problems({ ...claim, ...person, principal: 'CHF 10.00', currency: 'EUR' })[0]!.message).toContain('diversa da quella scritta');
  });

  it('uses the file’s decimal setting', () => {
    expect(ok({ ...claim, ...person, principal: '1.234' }, { ...ctx, decimal: ',' }).record.claim.principal).toBe('1234.00');
    expect(fieldsOf(problems({ ...claim, ...person, principal: '1.234' }))).toEqual(['principal']);
  });

  it('checks the order and range of dates', () => {
    expect(problems({ ...claim, ...person, issueDate: '01/02/2025' })).toEqual([
      { field: 'issueDate', message: 'Data documento 01/02/2025 successiva alla scadenza 31/01/2025' },
    ]);
    expect(ok({ ...claim, ...person, issueDate: '31/01/2025' }).record.claim.issueDate).toBe('2025-01-31');
    expect(ok({ ...claim, ...person, dueDate: '15/03/2027' }).record.claim.dueDate).toBe('2027-03-15');
    expect(problems({ ...claim, ...person, dueDate: '16/03/2027' })[0]!.message).toBe(
      'Scadenza 16/03/2027 oltre un anno dopo oggi (15/03/2026): al massimo 15/03/2027',
    );
    expect(problems({ ...claim, ...person, contractDate: '2026-04-01' })[0]!.field).toBe('contractDate');
    expect(ok({ ...claim, ...person, contractDate: '2020-06-30' }).record.claim.contractDate).toBe('2020-06-30');
    expect(problems({ ...claim, ...person, dueDate: '31/01/25' })[0]!.message).toContain('anno a due cifre');
  });

  it('checks the tax year', () => {
    expect(ok({ ...claim, ...person, kind: 'IMU', taxYear: '2023' }).record.claim.taxYear).toBe(2023);
    expect(ok({ ...claim, ...person, kind: 'IMU', taxYear: '2024.0' }).record.claim.taxYear).toBe(2024);
    expect(problems({ ...claim, ...person, taxYear: '2027' })[0]!.message).toContain('fuori intervallo 1900–2026');
    expect(problems({ ...claim, ...person, taxYear: '2026' })[0]!.message).toContain('precedente all’anno d’imposta');
    const { warnings } = ok({ ...claim, ...person, kind: 'TARI' });
    expect(warnings).toEqual([{ field: 'taxYear', message: 'Anno d’imposta mancante per un credito TARI' }]);
  });

  it('stores a valid IBAN in electronic form and drops an invalid one with a warning', () => {
    expect(ok({ ...claim, ...person, iban: 'IT60 X054 2811 1010 0000 0123 456' }).record.claim.iban).toBe(IBAN);
    const { record, warnings } = ok({ ...claim, ...person, iban: 'IT61 X054 2811 1010 0000 0123 456' });
    expect(record.claim.iban).toBeNull();
    expect(warnings[0]).toMatchObject({ field: 'iban', message: expect.stringContaining('cifre di controllo errate') });
  });

  it('bounds text: a reference over 100 characters is refused, a description over 2000 is cut', () => {
    expect(problems({ ...claim, ...person, externalRef: 'X'.repeat(101) })[0]!.message).toContain('al massimo 100');
    const { record, warnings } = ok({ ...claim, ...person, description: 'd'.repeat(2500) });
    expect([...record.claim.description!].length).toBe(2000);
    expect(record.claim.description!.endsWith('…')).toBe(true);
    expect(warnings[0]!.field).toBe('description');
  });
});

describe('validateRow: tax identifiers', () => {
  it('accepts a codice fiscale, its omocodia variant, and refuses a wrong check character', () => {
    expect(ok({ ...claim, lastName: 'ROSSI', taxCode: MARIO_ROSSI }).record.debtor.taxCode).toBe(MARIO_ROSSI);
    expect(ok({ ...claim, lastName: 'ROSSI', taxCode: ROSSI_OMOCODIA }).record.debtor.taxCode).toBe(ROSSI_OMOCODIA);
    const [p] = problems({ ...claim, lastName: 'ROSSI', taxCode: 'RSSMRA85T10A562T' });
    expect(p).toEqual({
      field: 'taxCode',
      message: 'Codice fiscale "RSSMRA85T10A562T": Carattere di controllo del codice fiscale errato: atteso S',
    });
    // The validator's reason travels inside the row's message and is rendered with it.
    const [raw] = validateRow({ ...claim, lastName: 'ROSSI', taxCode: 'RSSMRA85T10A562T' }, ctx).problems;
    expect(raw).toMatchObject({ field: 'taxCode', code: 'import.tax_code_invalid', params: { value: '"RSSMRA85T10A562T"' } });
    expect(translate(raw!, 'en')).toBe('Tax code "RSSMRA85T10A562T": Wrong tax code check character: expected S');
  });

  it('refuses a birth date the codice fiscale contradicts, for either sex', () => {
    expect(ok({ ...claim, lastName: 'ROSSI', firstName: 'MARIO', taxCode: MARIO_ROSSI, birthDate: '10/12/1985' }).record.debtor.birthDate).toBe('1985-12-10');
    expect(ok({ ...claim, lastName: 'ROSSI', firstName: 'MARIA', taxCode: MARIA_ROSSI, birthDate: '10/12/1985' }).record.debtor.birthDate).toBe('1985-12-10');
    expect(ok({ ...claim, lastName: 'ROSSI', taxCode: ROSSI_OMOCODIA, birthDate: '1985-12-10' }).record.debtor.birthDate).toBe('1985-12-10');
    expect(problems({ ...claim, lastName: 'ROSSI', taxCode: MARIO_ROSSI, birthDate: '11/12/1985' })).toEqual([
      {
        field: 'birthDate',
        message: `Data di nascita 11/12/1985 diversa da quella del codice fiscale ${MARIO_ROSSI} (10/12/…85, uomo)`,
      },
    ]);
    expect(problems({ ...claim, lastName: 'ROSSI', taxCode: MARIA_ROSSI, birthDate: '1985-11-10' })[0]!.message).toContain('10/12/…85, donna');
  });

  it('warns when the codice fiscale holds an impossible day or does not match the name', () => {
    const impossible = cf('RSSMRA85T35A562');
    expect(ok({ ...claim, lastName: 'ROSSI', firstName: 'MARIO', taxCode: impossible }).warnings[0]!.message).toContain('giorno di nascita impossibile');
    // 29 February: possible in '84 (1984 or 2084), not in '85.
    expect(ok({ ...claim, lastName: 'ROSSI', firstName: 'MARIO', taxCode: cf('RSSMRA84B29A562') }).warnings).toEqual([]);
    expect(ok({ ...claim, lastName: 'ROSSI', firstName: 'MARIO', taxCode: cf('RSSMRA85B29A562') }).warnings[0]!.message).toContain('(29/02)');
    const { warnings } = ok({ ...claim, lastName: 'BIANCHI', firstName: 'LUCA', taxCode: MARIO_ROSSI });
    expect(warnings).toEqual([
      { field: 'taxCode', message: `Il codice fiscale ${MARIO_ROSSI} non corrisponde al nome "BIANCHI LUCA"` },
    ]);
  });

  it('checks the partita IVA and accepts the IT prefix', () => {
    expect(ok({ ...claim, companyName: 'Alfa S.r.l.', vatNumber: `IT ${PIVA}` }).record.debtor.vatNumber).toBe(PIVA);
    expect(problems({ ...claim, companyName: 'Alfa S.r.l.', vatNumber: '01234567890' })[0]!.message).toContain('atteso 7');
    expect(problems({ ...claim, companyName: 'Alfa S.r.l.', vatNumber: '1234567' })[0]!.message).toContain('11 cifre');
  });

  it('takes a Swiss MWST number as the UID and drops a foreign VAT number with a warning', () => {
    const ch = ok({ ...claim, companyName: 'Muster AG', vatNumber: 'CHE-116.281.710 MWST', country: 'CH' }).record.debtor;
    expect(ch).toMatchObject({ kind: 'company', chUid: 'CHE-116.281.710', vatNumber: null });
    const de = ok({ ...claim, companyName: 'Muster GmbH', vatNumber: 'DE123456789', country: 'DE' });
    expect(de.record.debtor.vatNumber).toBeNull();
    expect(de.warnings[0]!.message).toContain('Partita IVA estera');
  });

  it('checks the Swiss UID', () => {
    expect(ok({ ...claim, companyName: 'Muster AG', chUid: 'CHE116281710' }).record.debtor.chUid).toBe('CHE-116.281.710');
    expect(problems({ ...claim, companyName: 'Muster AG', chUid: 'CHE-116.281.711' })[0]!.field).toBe('chUid');
  });

  it('does not require a tax identifier for an Italian debtor', () => {
    expect(ok({ ...claim, companyName: 'Bar Sport di Verdi Giuseppe' }).record.debtor).toMatchObject({ kind: 'company', taxCode: null, vatNumber: null });
  });
});

describe('validateRow: debtor kind', () => {
  it('infers the kind from the identifiers and names', () => {
    const kindOf = (v: Values) => ok({ ...claim, ...v }).record.debtor.kind;
    expect(kindOf({ debtorName: 'ROSSI MARIO', taxCode: MARIO_ROSSI })).toBe('consumer');
    expect(kindOf({ debtorName: 'ROSSI MARIO', taxCode: MARIO_ROSSI, vatNumber: PIVA })).toBe('sole_trader');
    expect(kindOf({ companyName: 'Bar Sport', lastName: 'ROSSI', taxCode: MARIO_ROSSI })).toBe('sole_trader');
    expect(kindOf({ debtorName: 'Alfa S.r.l.', vatNumber: PIVA })).toBe('company');
    expect(kindOf({ debtorName: 'Alfa', taxCode: PIVA })).toBe('company');
    expect(kindOf({ debtorName: 'Rossi Costruzioni S.R.L.' })).toBe('company');
    expect(kindOf({ debtorName: 'Comune di Valdoria', taxCode: COMUNE_CF })).toBe('public_administration');
    expect(kindOf({ lastName: 'ROSSI', firstName: 'MARIO' })).toBe('consumer');
  });

  it('warns when a name alone makes the debtor a consumer', () => {
    const { record, warnings } = ok({ ...claim, debtorName: 'VERDI GIUSEPPE' });
    expect(record.debtor).toMatchObject({ kind: 'consumer', lastName: 'VERDI', firstName: 'GIUSEPPE' });
    expect(warnings).toEqual([
      { field: 'debtorKind', message: 'Tipo di debitore non indicato: "VERDI GIUSEPPE" trattato come privato' },
    ]);
  });

  it('reads the words for debtor kinds', () => {
    const cases: [string, string][] = [
      ['privato', 'consumer'], ['Persona fisica', 'consumer'], ['consumer', 'consumer'], ['PF', 'consumer'],
      ['Ditta individuale', 'sole_trader'], ['sole_trader', 'sole_trader'], ['Libero professionista', 'sole_trader'],
      ['Società', 'company'], ['Impresa', 'company'], ['Azienda', 'company'], ['S.r.l.', 'company'], ['company', 'company'], ['Persona giuridica', 'company'],
      ['Ente', 'public_administration'], ['PA', 'public_administration'], ['Pubblica amministrazione', 'public_administration'],
    ];
    for (const [word, kind] of cases) {
      const names = kind === 'consumer' || kind === 'sole_trader' ? { lastName: 'ROSSI' } : { companyName: 'Alfa' };
      expect({ word, kind: ok({ ...claim, ...names, debtorKind: word }).record.debtor.kind }).toEqual({ word, kind });
    }
    expect(problems({ ...claim, lastName: 'ROSSI', debtorKind: 'boh' })[0]!.message).toContain('Tipo di debitore "boh" non riconosciuto');
  });

  it('refuses a company’s 11-digit codice fiscale on a consumer, drops a person’s on a company', () => {
    expect(problems({ ...claim, lastName: 'ROSSI', debtorKind: 'privato', taxCode: PIVA })[0]!.field).toBe('taxCode');
    const { record, warnings } = ok({ ...claim, companyName: 'Alfa S.r.l.', debtorKind: 'società', taxCode: MARIO_ROSSI });
    expect(record.debtor.taxCode).toBeNull();
    expect(warnings[0]!.message).toContain('legale rappresentante');
  });
});

describe('validateRow: names', () => {
  it('splits "COGNOME NOME" for consumers and keeps case as written', () => {
    expect(ok({ ...claim, debtorName: 'ROSSI MARIO', taxCode: MARIO_ROSSI }).record.debtor).toMatchObject({ lastName: 'ROSSI', firstName: 'MARIO' });
    expect(ok({ ...claim, debtorName: '  De Luca   Maria Grazia ', debtorKind: 'privato' }).record.debtor).toMatchObject({
      lastName: 'De Luca',
      firstName: 'Maria Grazia',
    });
  });

  it('lets the codice fiscale decide the split, in either order', () => {
    expect(ok({ ...claim, debtorName: 'Mario Rossi', taxCode: MARIO_ROSSI }).record.debtor).toMatchObject({ lastName: 'Rossi', firstName: 'Mario' });
    expect(ok({ ...claim, debtorName: 'ROSSI BIANCHI ANNA', taxCode: ANNA_ROSSI_BIANCHI }).record.debtor).toMatchObject({
      lastName: 'ROSSI BIANCHI',
      firstName: 'ANNA',
    });
  });

  it('keeps first and last name columns over the full name', () => {
    expect(ok({ ...claim, debtorName: 'ROSSI MARIO', lastName: 'Rossi', firstName: 'Mario' }).record.debtor).toMatchObject({
      lastName: 'Rossi',
      firstName: 'Mario',
    });
  });

  it('keeps an organisation’s name whole, also when written in the surname column', () => {
    expect(ok({ ...claim, debtorName: 'ROSSI COSTRUZIONI S.R.L.', vatNumber: PIVA }).record.debtor).toMatchObject({
      kind: 'company',
      companyName: 'ROSSI COSTRUZIONI S.R.L.',
      lastName: null,
      firstName: null,
    });
    expect(ok({ ...claim, lastName: 'IMMOBILIARE ALFA SRL', taxCode: PIVA }).record.debtor).toMatchObject({
      kind: 'company',
      companyName: 'IMMOBILIARE ALFA SRL',
      lastName: null,
    });
  });

  it('splits a sole trader’s name only when the codice fiscale confirms it', () => {
    expect(ok({ ...claim, debtorName: 'ROSSI MARIO', taxCode: MARIO_ROSSI, vatNumber: PIVA }).record.debtor).toMatchObject({
      kind: 'sole_trader',
      lastName: 'ROSSI',
      firstName: 'MARIO',
      companyName: null,
    });
    expect(ok({ ...claim, debtorName: 'BAR SPORT DI ROSSI MARIO', taxCode: MARIO_ROSSI, vatNumber: PIVA }).record.debtor).toMatchObject({
      kind: 'sole_trader',
      lastName: null,
      companyName: 'BAR SPORT DI ROSSI MARIO',
    });
  });

  it('requires a surname for a person and a name for an organisation', () => {
    expect(problems({ ...claim, firstName: 'MARIO' })).toEqual([{ field: 'lastName', message: 'Manca il cognome del debitore' }]);
    expect(problems({ ...claim, debtorKind: 'società' })).toEqual([
      { field: 'companyName', message: 'Manca la ragione sociale del debitore' },
    ]);
  });

  it('bounds names: 100 characters for first and last name, 200 for a company', () => {
    expect(fieldsOf(problems({ ...claim, lastName: 'R'.repeat(101) }))).toEqual(['lastName']);
    expect(ok({ ...claim, companyName: 'A'.repeat(200) }).record.debtor.companyName).toHaveLength(200);
    expect(fieldsOf(problems({ ...claim, companyName: 'A'.repeat(201) }))).toEqual(['companyName']);
  });
});

describe('validateRow: flags, language, address', () => {
  const person = { lastName: 'ROSSI', firstName: 'MARIO' };

  it('reads deceased and ceased as yes/no', () => {
    expect(ok({ ...claim, ...person, deceased: 'Sì' }).record.debtor.deceased).toBe(true);
    expect(ok({ ...claim, companyName: 'Alfa S.r.l.', ceased: 'x' }).record.debtor.ceased).toBe(true);
    expect(ok({ ...claim, ...person, deceased: 'no' }).record.debtor.deceased).toBe(false);
    expect(problems({ ...claim, ...person, deceased: 'forse' })).toEqual([
      { field: 'deceased', message: 'Valore "forse" non riconosciuto: atteso sì o no' },
    ]);
    const { record, warnings } = ok({ ...claim, ...person, ceased: 'sì' });
    expect(record.debtor.ceased).toBe(false);
    expect(warnings[0]!.field).toBe('ceased');
  });

  it('reads languages and drops an unknown one with a warning', () => {
    expect(ok({ ...claim, ...person, language: 'Deutsch' }).record.debtor.language).toBe('de');
    expect(ok({ ...claim, ...person, language: 'fr-CH' }).record.debtor.language).toBe('fr');
    expect(ok({ ...claim, ...person, language: 'IT' }).record.debtor.language).toBe('it');
    const { record, warnings } = ok({ ...claim, ...person, language: 'klingon' });
    expect(record.debtor.language).toBeNull();
    expect(warnings[0]!.field).toBe('language');
  });

  it('reads countries, and refuses one it cannot hold', () => {
    expect(ok({ ...claim, ...person, addressLine1: 'Via Nassa 5', postalCode: '6900', city: 'Lugano', country: 'Svizzera' }).record.address).toEqual({
      line1: 'Via Nassa 5',
      postalCode: '6900',
      city: 'Lugano',
      province: null,
      country: 'CH',
    });
    expect(problems({ ...claim, ...person, country: 'Österreich' })[0]!.field).toBe('country');
  });

  it('restores postal codes that lost their leading zeros, drops invalid ones', () => {
    const rome = ok({ ...claim, ...person, addressLine1: 'Via Cola di Rienzo 10', postalCode: '192', city: 'Roma' });
    expect(rome.record.address!.postalCode).toBe('00192');
    expect(rome.warnings[0]!.message).toBe('CAP "192" completato in 00192: gli zeri iniziali erano andati persi');
    expect(ok({ ...claim, ...person, addressLine1: 'Via Roma 1', postalCode: 'I-20121', city: 'Milano' }).record.address!.postalCode).toBe('20121');
    const bad = ok({ ...claim, ...person, addressLine1: 'Bahnhofstrasse 1', postalCode: '80011', city: 'Zürich', country: 'CH' });
    expect(bad.record.address!.postalCode).toBeNull();
    expect(bad.warnings[0]!.message).toContain('attese 4 cifre');
  });

  it('keeps an address without city with a warning, drops city and CAP without a street', () => {
    const noCity = ok({ ...claim, ...person, addressLine1: 'Via Roma 1' });
    expect(noCity.record.address).toMatchObject({ line1: 'Via Roma 1', city: null });
    expect(noCity.warnings[0]!.field).toBe('city');
    const noStreet = ok({ ...claim, ...person, city: 'Milano', postalCode: '20121' });
    expect(noStreet.record.address).toBeNull();
    expect(noStreet.warnings[0]!.field).toBe('addressLine1');
    const long = ok({ ...claim, ...person, addressLine1: 'V'.repeat(201), city: 'Milano' });
    expect(long.record.address).toBeNull();
    expect(long.warnings[0]!.message).toContain('al massimo 200');
  });
});

describe('validateRow: contacts never cost the row', () => {
  const person = { lastName: 'ROSSI', firstName: 'MARIO' };

  it('drops an invalid e-mail or PEC with a warning and keeps the rest', () => {
    const { record, warnings } = ok({ ...claim, ...person, email: 'mario.rossi@example.it; mario.rossi@', pec: 'rossi.pec.it' });
    expect(record.contacts).toEqual([{ channel: 'email', value: 'mario.rossi@example.it' }]);
    expect(warnings).toEqual([
      { field: 'email', message: 'E-mail "mario.rossi@" non valida: ignorata' },
      { field: 'pec', message: 'PEC "rossi.pec.it" non valida: ignorata' },
    ]);
  });

  it('reads several addresses in a cell, names in angle brackets, and removes duplicates', () => {
    const { record, warnings } = ok({
      ...claim,
      ...person,
      email: 'Mario Rossi <Mario.Rossi@example.it>, <m.rossi@example.it>',
      pec: 'mario.rossi@pec.example.it',
      phone: '02 1234567; 02/1234567',
    });
    expect(warnings).toEqual([]);
    expect(record.contacts).toEqual([
      { channel: 'email', value: 'mario.rossi@example.it' },
      { channel: 'email', value: 'm.rossi@example.it' },
      { channel: 'pec', value: 'mario.rossi@pec.example.it' },
      { channel: 'phone', value: '+39021234567' },
    ]);
  });

  it('normalises phones for the row’s country', () => {
    expect(ok({ ...claim, ...person, mobile: '+39 333 1234567' }).record.contacts).toEqual([{ channel: 'mobile', value: '+393331234567' }]);
    expect(ok({ ...claim, ...person, phone: '044 123 45 67', country: 'CH' }).record.contacts).toEqual([{ channel: 'phone', value: '+41441234567' }]);
    expect(ok({ ...claim, ...person, phone: '0049 30 1234567', country: 'DE' }).record.contacts).toEqual([{ channel: 'phone', value: '+49301234567' }]);
    const de = ok({ ...claim, ...person, phone: '030 1234567', country: 'DE' });
    expect(de.record.contacts).toEqual([]);
    expect(de.warnings[0]!.message).toContain('prefisso internazionale');
    const bad = ok({ ...claim, ...person, mobile: '12' });
    expect(bad.record.contacts).toEqual([]);
    expect(bad.warnings).toEqual([{ field: 'mobile', message: 'Numero di telefono "12" non valido: ignorato' }]);
  });
});

describe('validateRow: messages in every language', () => {
  it('gives codes whose texts render fully in it, en, de and fr (nested reasons and labels included)', () => {
    const refused = validateRow(
      {
        kind: 'boh',
        principal: '12,345',
        currency: 'USD',
        dueDate: '2026-02-30',
        issueDate: '2027-01-01',
        taxYear: '23',
        taxCode: 'RSSMRA85T10A562T',
        vatNumber: '01234567890',
        chUid: 'CHE-116.281.711',
        deceased: 'forse',
        country: 'Austria',
      },
      ctx,
    );
    const warned = validateRow(
      {
        ...claim,
        debtorName: 'VERDI GIUSEPPE',
        iban: 'IT61 X054 2811 1010 0000 0123 456',
        birthDate: '31/02/1980',
        email: 'x@',
        phone: '12',
        addressLine1: 'Via Roma 1',
        postalCode: '192',
        language: 'klingon',
        description: 'd'.repeat(2100),
      },
      ctx,
    );
    const all = [...refused.problems, ...warned.warnings];
    expect(all.length).toBeGreaterThan(15);
    for (const locale of LOCALES) {
      for (const p of all) {
        const text = translate(p, locale);
        expect(text, `${locale} ${p.code}`).not.toMatch(/\{\w+\}|i18n:/);
      }
    }
    const iban = warned.warnings.find((w) => w.field === 'iban')!;
    expect(translate(iban, 'de')).toBe('IBAN "IT61 X054 2811 1010 0000 0123 456": Ungültige IBAN: falsche Prüfziffern; ignoriert');
    expect(translate(iban, 'fr')).toBe('IBAN "IT61 X054 2811 1010 0000 0123 456" : IBAN non valide : chiffres de contrôle erronés ; ignoré');
  });
});
