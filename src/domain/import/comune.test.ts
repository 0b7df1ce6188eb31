import { describe, expect, it } from 'vitest';
import { translate } from '../messages/index.ts';
import { noticeCodeAux3 } from '../municipal/pagopa.ts';
import { missingFields, type ImportField } from './fields.ts';
import { suggestMapping } from './header-mapping.ts';
import { buildReference, DEFAULT_REFERENCE_PATTERN, referenceTokens } from './reference.ts';
import { validateRow, type RowContext, type RowProblem } from './validate-row.ts';
import { kindOfTributeCode, parseActKind, parseClaimKind } from './words.ts';

/** A comune's list: components, the act, tribute codes, cadastral and notice codes (issue 13). */
const ctx: RowContext = { today: '2025-06-30', defaultCurrency: 'EUR', defaultCountry: 'IT', decimal: 'auto', cadastralCode: 'H501' };
const CF = 'RSSMRA85T10A562S';
const NOTICE = noticeCodeAux3('12', '0000000000042');
type Values = Partial<Record<ImportField, string>>;
const imu: Values = {
  externalRef: 'ACC-2025-118',
  kind: 'IMU',
  taxYear: '2022',
  dueDate: '09/03/2025',
  debtorName: 'ROSSI MARIO',
  taxCode: CF,
  actKind: 'Avviso di accertamento esecutivo',
  actNumber: 'ACC 118',
  actDate: '20/12/2024',
  notifiedOn: '08/01/2025',
  enforceableOn: '09/03/2025',
  tributeCode: '3918',
  tax: '1.000,00',
  sanctionsTributeCode: '3924',
  sanctions: '300,00',
  interestTributeCode: '3923',
  actInterest: '85,50',
  notificationCosts: '10,00',
};
const shown = (list: RowProblem[], locale: 'it' | 'en' = 'it') => list.map((p) => `${p.field}: ${translate(p, locale)}`);
const problemsOf = (v: Values, c: RowContext = ctx) => {
  const r = validateRow(v, c);
  expect(r.record).toBeNull();
  return r.problems;
};

describe('header words of a comune’s list', () => {
  it('maps components, codes, the act and the notice code', () => {
    const headers = [
      'Codice fiscale', 'Contribuente', 'Tributo', "Anno d'imposta", 'Tipo atto', 'Numero atto', 'Data atto', 'Data notifica', 'Data esecutività',
      'Codice tributo', 'Imposta', 'TEFA', 'Codice tributo sanzioni', 'Sanzioni', 'Codice tributo interessi', 'Interessi', 'Spese di notifica',
      'Oneri di riscossione', 'Totale dovuto', 'Scadenza', 'Codice avviso', 'Codice catastale', 'IBAN',
    ];
    const { mapping, confidence, unmapped } = suggestMapping(headers);
    const fields = Object.fromEntries(Object.entries(mapping).map(([f, i]) => [headers[i]!, f]));
    expect(fields).toEqual({
      'Codice fiscale': 'taxCode',
      Contribuente: 'debtorName',
      Tributo: 'kind',
      "Anno d'imposta": 'taxYear',
      'Tipo atto': 'actKind',
      'Numero atto': 'actNumber',
      'Data atto': 'actDate',
      'Data notifica': 'notifiedOn',
      'Data esecutività': 'enforceableOn',
      'Codice tributo': 'tributeCode',
      Imposta: 'tax',
      TEFA: 'tefa',
      'Codice tributo sanzioni': 'sanctionsTributeCode',
      Sanzioni: 'sanctions',
      'Codice tributo interessi': 'interestTributeCode',
      Interessi: 'actInterest',
      'Spese di notifica': 'notificationCosts',
      'Oneri di riscossione': 'collectionCharges',
      'Totale dovuto': 'principal',
      Scadenza: 'dueDate',
      'Codice avviso': 'noticeCode',
      'Codice catastale': 'cadastralCode',
      IBAN: 'iban',
    });
    expect(Object.values(confidence).every((c) => c === 'exact')).toBe(true);
    expect(unmapped).toEqual([]);
  });

  it('knows the other words and the English ones', () => {
    const cases: [string, ImportField][] = [
      ['IUV', 'noticeCode'], ['Numero avviso', 'noticeCode'], ['Numero avviso pagoPA', 'noticeCode'], ['Notice number', 'noticeCode'],
      ['Canone', 'tax'], ['Importo tributo', 'tax'], ['Tax amount', 'tax'], ['Penalties', 'sanctions'], ['Interest', 'actInterest'],
      ['Notification costs', 'notificationCosts'], ['Spese notifica', 'notificationCosts'], ['Aggio', 'collectionCharges'],
      ['Tribute code', 'tributeCode'], ['Act number', 'actNumber'], ['N. atto', 'actNumber'], ['Act type', 'actKind'],
      ['Notification date', 'notifiedOn'], ['Esecutivo dal', 'enforceableOn'], ['Belfiore', 'cadastralCode'], ['Tributo provinciale', 'tefa'],
    ];
    for (const [header, field] of cases) expect({ header, mapping: suggestMapping([header]).mapping }).toEqual({ header, mapping: { [field]: 0 } });
    // Likely matches keep to their kind of column.
    expect(suggestMapping(['Importo sanzioni 2022']).mapping).toEqual({ sanctions: 0 });
    expect(suggestMapping(['Spese di notifica raccomandata']).mapping).toEqual({ notificationCosts: 0 });
    expect(suggestMapping(['Data di notifica dell’avviso']).mapping).toEqual({ notifiedOn: 0 });
    expect(suggestMapping(['Imposta dovuta 2022']).mapping).toEqual({ tax: 0 });
  });

  it('reads act kinds and F24 tribute codes (the codes of f24.ts)', () => {
    const acts: [string, string][] = [
      ['Avviso di accertamento esecutivo', 'accertamento_esecutivo'], ['accertamento', 'accertamento_esecutivo'], ['ACC', 'accertamento_esecutivo'],
      ['Sollecito', 'bonario'], ['Avviso bonario', 'bonario'], ['Ingiunzione fiscale', 'ingiunzione_fiscale'], ['Verbale', 'verbale_cds'],
      ['Verbale di accertamento n. 12', 'verbale_cds'], ['Avviso CUP', 'cup_notice'], ['altro', 'other'], ['accertamento_esecutivo', 'accertamento_esecutivo'],
    ];
    for (const [word, kind] of acts) expect({ word, kind: parseActKind(word) }).toEqual({ word, kind });
    expect(parseActKind('pizza')).toBeNull();
    expect(kindOfTributeCode('3918')).toBe('imu');
    expect(kindOfTributeCode('tefa')).toBe('tari');
    expect(kindOfTributeCode('3952')).toBe('tari');
    expect(kindOfTributeCode('1001')).toBeNull();
    expect(parseClaimKind('3951 interessi tariffa')).toBe('tari');
  });
});

describe('row rules of a comune’s list', () => {
  it('splits the act in its components; the amount is their sum; the act and notice code are kept', () => {
    const r = validateRow({ ...imu, principal: '1.395,50', noticeCode: NOTICE.replace(/(\d{4})/g, '$1 '), cadastralCode: 'h501' }, ctx);
    expect(r.problems).toEqual([]);
    expect(r.record!.claim).toMatchObject({
      kind: 'imu',
      principal: '1395.50',
      issueDate: '2024-12-20',
      noticeCode: NOTICE,
      act: { kind: 'accertamento_esecutivo', number: 'ACC 118', date: '2024-12-20', notifiedOn: '2025-01-08', enforceableOn: '2025-03-09' },
      components: [
        { kind: 'tax', amount: '1000.00', tributeCode: '3918' },
        { kind: 'sanctions', amount: '300.00', tributeCode: '3924' },
        { kind: 'act_interest', amount: '85.50', tributeCode: '3923' },
        { kind: 'notification_costs', amount: '10.00', tributeCode: null },
      ],
    });
  });

  it('keeps TEFA as a second tax under its code, leaves empty and zero parts out, and a row with one amount a single principal', () => {
    const tari = validateRow({ ...imu, kind: 'TARI', tributeCode: '3944', tax: '200', tefa: '10', sanctions: '0,00', sanctionsTributeCode: '', actInterest: '', interestTributeCode: '', notificationCosts: '' }, ctx);
    expect(tari.problems).toEqual([]);
    expect(tari.record!.claim.components).toEqual([
      { kind: 'tax', amount: '200.00', tributeCode: '3944' },
      { kind: 'tax', amount: '10.00', tributeCode: 'TEFA' },
    ]);
    expect(tari.record!.claim.principal).toBe('210.00');
    const plain = validateRow({ externalRef: 'V-1', kind: 'Multa', principal: '173,00', dueDate: '07/04/2025', debtorName: 'ROSSI MARIO', actKind: 'verbale' }, ctx);
    expect(plain.record!.claim).toMatchObject({ principal: '173.00', components: null, act: { kind: 'verbale_cds', number: null } });
    // A list naming the tax only by its F24 code.
    const byCode = validateRow({ externalRef: 'X', tributeCode: '3944', tax: '50', dueDate: '07/04/2025', debtorName: 'ROSSI MARIO' }, ctx);
    expect(byCode.record!.claim.kind).toBe('tari');
  });

  it('refuses a total that is not the sum of the components, with both figures', () => {
    const p = problemsOf({ ...imu, principal: '1.400,00' });
    expect(shown(p)).toEqual(['principal: Il totale 1.400,00 non corrisponde alla somma delle componenti 1.395,50']);
    expect(shown(p, 'en')).toEqual(['principal: The total 1,400.00 does not equal the sum of the components 1,395.50']);
    expect(shown(problemsOf({ ...imu, sanctions: '-300,00' }))[0]).toMatch(/^sanctions: .*negativ/i);
    expect(shown(problemsOf({ ...imu, tax: '', sanctions: '', actInterest: '', notificationCosts: '0' }))).toEqual(['principal: Campo obbligatorio mancante: importo']);
  });

  it('refuses a notice code with wrong check digits, naming the expected ones', () => {
    const wrong = `${NOTICE.slice(0, 16)}${NOTICE.endsWith('00') ? '01' : '00'}`;
    const p = problemsOf({ ...imu, noticeCode: wrong });
    expect(shown(p)).toEqual([`noticeCode: Codice avviso "${wrong}": Cifre di controllo del codice avviso errate: attese ${NOTICE.slice(16)}, presenti ${wrong.slice(16)} (resto della divisione per 93)`]);
    expect(shown(problemsOf({ ...imu, noticeCode: '3012' }), 'en')[0]).toContain('Notice code "3012"');
  });

  it('refuses another comune’s cadastral code, tribute codes of another tax or role, and act dates out of order', () => {
    expect(shown(problemsOf({ ...imu, cadastralCode: 'F205' }))).toEqual(['cadastralCode: Codice catastale F205 diverso da quello del comune mandante (H501)']);
    expect(shown(problemsOf({ ...imu, cadastralCode: 'Roma' }))[0]).toContain('Codice catastale "Roma"');
    expect(shown(problemsOf({ ...imu, tributeCode: '3944' }), 'en')[0]).toMatch(/^tributeCode: Tribute code "3944": /);
    expect(shown(problemsOf({ ...imu, sanctionsTributeCode: '3923' }))[0]).toMatch(/^sanctionsTributeCode: Codice tributo "3923": /);
    expect(shown(problemsOf({ ...imu, kind: 'IMU', tefa: '5' }))[0]).toMatch(/^tefa: Codice tributo "TEFA": /);
    expect(shown(problemsOf({ ...imu, notifiedOn: '10/12/2024' }))).toEqual(['notifiedOn: Data di notifica 10/12/2024 precedente alla data dell’atto 20/12/2024']);
    expect(shown(problemsOf({ ...imu, enforceableOn: '01/01/2025' }))).toEqual(['enforceableOn: Data di esecutività 01/01/2025 precedente alla notifica 08/01/2025']);
    expect(shown(problemsOf({ ...imu, actKind: 'boh' }))[0]).toMatch(/^actKind: Tipo di atto "boh" non riconosciuto/);
    // Without the comune's code set, any well-formed code passes.
    expect(validateRow({ ...imu, cadastralCode: 'F205' }, { ...ctx, cadastralCode: null }).problems).toEqual([]);
  });

  it('notes a row’s IBAN other than the comune’s collection account, and keeps it', () => {
    const r = validateRow({ ...imu, iban: 'IT60X0542811101000000123456' }, { ...ctx, creditorIban: 'IT40S0542811101000000123456' });
    expect(r.record!.claim.iban).toBe('IT60X0542811101000000123456');
    expect(shown(r.warnings).filter((w) => w.startsWith('iban'))).toEqual([
      'iban: IBAN IT60X0542811101000000123456 diverso dal conto di incasso del mandante IT40S0542811101000000123456: conservato nella registrazione dell’importazione',
    ]);
    expect(validateRow({ ...imu, iban: 'IT40S0542811101000000123456' }, { ...ctx, creditorIban: 'IT40S0542811101000000123456' }).warnings.filter((w) => w.field === 'iban')).toEqual([]);
  });
});

describe('references built for a list without a document number', () => {
  const pattern = DEFAULT_REFERENCE_PATTERN;
  it('joins taxpayer, revenue, year and act', () => {
    const { externalRef: _ref, ...noRef } = imu;
    const r = validateRow(noRef, { ...ctx, referencePattern: pattern });
    expect(r.record!.claim.externalRef).toBe(`${CF}-IMU-2022-ACC118`);
    const custom = validateRow({ ...noRef, noticeCode: NOTICE }, { ...ctx, referencePattern: '{revenue}/{year}/{notice}' });
    expect(custom.record!.claim.externalRef).toBe(`IMU/2022/${NOTICE}`);
    // The reference column, when there is one, is not built over.
    expect(validateRow(imu, ctx).record!.claim.externalRef).toBe('ACC-2025-118');
  });

  it('refuses a row without a part the pattern needs, naming it', () => {
    const { externalRef: _ref, actNumber: _n, ...noAct } = imu;
    expect(shown(problemsOf(noAct, { ...ctx, referencePattern: pattern }))).toEqual([
      `actNumber: Manca numero atto, necessario per costruire il riferimento (${pattern})`,
    ]);
  });

  it('checks patterns and which columns a mapping needs', () => {
    expect(referenceTokens(pattern)).toEqual(['taxCode', 'revenue', 'year', 'act']);
    expect(referenceTokens('{taxCode}-{nope}')).toBeNull();
    expect(referenceTokens('plain')).toBeNull();
    expect(referenceTokens('{act};DROP')).toBeNull();
    expect(buildReference(pattern, { taxCode: CF, revenue: 'TARI', year: '2023', act: 'B 2023 / 77' })).toEqual({ ref: `${CF}-TARI-2023-B2023/77` });
    const has = (fields: ImportField[]) => (f: ImportField) => fields.includes(f);
    expect(missingFields(has(['taxCode', 'taxYear', 'actNumber', 'tax', 'dueDate']))).toEqual([]);
    expect(missingFields(has(['taxCode', 'taxYear', 'tax', 'dueDate']))).toEqual(['externalRef']);
    expect(missingFields(has(['externalRef', 'dueDate']))).toEqual(['principal']);
    expect(missingFields(has(['vatNumber', 'taxYear', 'actNumber', 'principal', 'dueDate']))).toEqual([]);
  });
});
