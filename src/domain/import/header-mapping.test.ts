import { describe, expect, it } from 'vitest';
import { translate } from '../messages/index.ts';
import { IMPORT_FIELD_NAMES } from './fields.ts';
import { exactSynonymOwners, mappingProblems, normaliseHeader, suggestMapping } from './header-mapping.ts';

/** header → field, for readable expectations */
function byHeader(headers: string[]) {
  const s = suggestMapping(headers);
  const out: Record<string, string> = {};
  for (const [field, column] of Object.entries(s.mapping)) out[headers[column as number]!] = field;
  return { fields: out, ...s };
}

describe('normaliseHeader', () => {
  it('lower-cases and removes accents, punctuation and extra spaces', () => {
    expect(normaliseHeader('  N° de facture ')).toBe('n de facture');
    expect(normaliseHeader('P.IVA')).toBe('p iva');
    expect(normaliseHeader('Fällig am')).toBe('fallig am');
    expect(normaliseHeader('Straße')).toBe('strasse');
    expect(normaliseHeader("Anno d'imposta")).toBe('anno d imposta');
    expect(normaliseHeader('Échéance')).toBe('echeance');
  });
});

describe('suggestMapping', () => {
  it('maps an Italian comune’s lista di carico', () => {
    const headers = 'Codice contribuente;Cognome;Nome;Codice fiscale;Indirizzo;CAP;Comune;Anno;Tributo;Importo;Scadenza'.split(';');
    const s = suggestMapping(headers);
    expect(s.mapping).toEqual({
      debtorRef: 0,
      lastName: 1,
      firstName: 2,
      taxCode: 3,
      addressLine1: 4,
      postalCode: 5,
      city: 6,
      taxYear: 7,
      kind: 8,
      principal: 9,
      dueDate: 10,
    });
    expect(Object.values(s.confidence).every((c) => c === 'exact')).toBe(true);
    expect(s.unmapped).toEqual([]);
    // Such a list has no document number: the mapping says so before the import starts.
    const problems = mappingProblems(s.mapping);
    expect(problems.map((p) => p.code)).toEqual(['import.mapping.required_field']);
    expect(translate(problems[0]!, 'it')).toBe('Nessuna colonna per il campo obbligatorio numero documento');
    expect(translate(problems[0]!, 'de')).toBe('Keine Spalte für das Pflichtfeld Belegnummer');
  });

  it('maps a company’s Italian invoice export', () => {
    const { fields } = byHeader([
      'N. documento', 'Data documento', 'Data scadenza', 'Importo residuo', 'Ragione sociale', 'P.IVA', 'C.F.', 'Indirizzo',
      'C.A.P.', 'Città', 'Prov.', 'E-mail', 'PEC', 'Tel.', 'Cellulare', 'Codice cliente', 'Causale', 'Valuta',
    ]);
    expect(fields).toEqual({
      'N. documento': 'externalRef',
      'Data documento': 'issueDate',
      'Data scadenza': 'dueDate',
      'Importo residuo': 'principal',
      'Ragione sociale': 'companyName',
      'P.IVA': 'vatNumber',
      'C.F.': 'taxCode',
      Indirizzo: 'addressLine1',
      'C.A.P.': 'postalCode',
      Città: 'city',
      'Prov.': 'province',
      'E-mail': 'email',
      PEC: 'pec',
      'Tel.': 'phone',
      Cellulare: 'mobile',
      'Codice cliente': 'debtorRef',
      Causale: 'description',
      Valuta: 'currency',
    });
  });

  it('maps a German export; "Name" beside "Vorname" is the surname', () => {
    const { fields, unmapped } = byHeader(
      'Rechnungsnummer;Rechnungsdatum;Fällig am;Betrag;Währung;Firma;Vorname;Name;Strasse;PLZ;Ort;Land;E-Mail;Telefon;Handy;UID;Kundennummer;Bemerkung'.split(';'),
    );
    expect(fields).toEqual({
      Rechnungsnummer: 'externalRef',
      Rechnungsdatum: 'issueDate',
      'Fällig am': 'dueDate',
      Betrag: 'principal',
      Währung: 'currency',
      Firma: 'companyName',
      Vorname: 'firstName',
      Name: 'lastName',
      Strasse: 'addressLine1',
      PLZ: 'postalCode',
      Ort: 'city',
      Land: 'country',
      'E-Mail': 'email',
      Telefon: 'phone',
      Handy: 'mobile',
      UID: 'chUid',
      Kundennummer: 'debtorRef',
    });
    expect(unmapped).toEqual([17]);
  });

  it('maps a French export', () => {
    const { fields } = byHeader(
      'N° de facture;Date de facture;Échéance;Montant;Devise;Raison sociale;Nom;Prénom;Adresse;NPA;Localité;Pays;Courriel;Téléphone;Portable;N° TVA;Libellé'.split(';'),
    );
    expect(fields).toEqual({
      'N° de facture': 'externalRef',
      'Date de facture': 'issueDate',
      Échéance: 'dueDate',
      Montant: 'principal',
      Devise: 'currency',
      'Raison sociale': 'companyName',
      Nom: 'lastName',
      Prénom: 'firstName',
      Adresse: 'addressLine1',
      NPA: 'postalCode',
      Localité: 'city',
      Pays: 'country',
      Courriel: 'email',
      Téléphone: 'phone',
      Portable: 'mobile',
      'N° TVA': 'vatNumber',
      Libellé: 'description',
    });
  });

  it('maps an English export; a lone "Name" is the full name', () => {
    const { fields } = byHeader(['Invoice no', 'Invoice date', 'Due date', 'Amount', 'Currency', 'Name', 'VAT number', 'Customer no', 'Phone']);
    expect(fields).toEqual({
      'Invoice no': 'externalRef',
      'Invoice date': 'issueDate',
      'Due date': 'dueDate',
      Amount: 'principal',
      Currency: 'currency',
      Name: 'debtorName',
      'VAT number': 'vatNumber',
      'Customer no': 'debtorRef',
      Phone: 'phone',
    });
  });

  it('knows the synonyms of the brief', () => {
    const cases: [string, string][] = [
      ['Numero fattura', 'externalRef'], ['Invoice no', 'externalRef'], ['Importo', 'principal'], ['Totale', 'principal'],
      ['Scadenza', 'dueDate'], ['Fälligkeit', 'dueDate'], ['Due date', 'dueDate'], ['CF', 'taxCode'], ['Steuernummer', 'taxCode'],
      ['USt-IdNr', 'vatNumber'], ['VAT number', 'vatNumber'], ['Company', 'companyName'], ['Nachname', 'lastName'], ['Surname', 'lastName'],
      ['First name', 'firstName'], ['Denominazione', 'debtorName'], ['Nominativo', 'debtorName'], ['Contribuente', 'debtorName'],
      ['Cliente', 'debtorName'], ['Via', 'addressLine1'], ['Address', 'addressLine1'], ['Code postal', 'postalCode'], ['ZIP', 'postalCode'],
      ['Postal code', 'postalCode'], ['Ville', 'city'], ['Provincia', 'province'], ['Posta elettronica', 'email'], ['Telefon', 'phone'],
      ['Natel', 'mobile'], ['Mobile', 'mobile'], ['IBAN', 'iban'], ["Anno d'imposta", 'taxYear'], ['Steuerjahr', 'taxYear'], ['Year', 'taxYear'],
      ['Tipo', 'kind'], ['Descrizione', 'description'], ['Beschreibung', 'description'], ['Data emissione', 'issueDate'],
      ['Date de facture', 'issueDate'], ['Währung', 'currency'], ['Kundennummer', 'debtorRef'], ['Deceduto', 'deceased'],
      ['Cessata', 'ceased'], ['Data di nascita', 'birthDate'], ['Lingua', 'language'], ['Tipo soggetto', 'debtorKind'],
    ];
    for (const [header, field] of cases) {
      const s = suggestMapping([header]);
      expect({ header, mapping: s.mapping, confidence: s.confidence }).toEqual({
        header,
        mapping: { [field]: 0 },
        confidence: { [field]: 'exact' },
      });
    }
  });

  it('suggests likely fields for headers that contain a keyword', () => {
    const cases: [string, string][] = [
      ['Importo dovuto al 31/12 (€)', 'principal'], ['Offener Rechnungsbetrag', 'principal'], ['Restbetrag offen', 'principal'],
      ['Scadenza rata', 'dueDate'], ['Fälligkeit der Rate', 'dueDate'], ['Codice fiscale del contribuente', 'taxCode'],
      ['Indirizzo completo', 'addressLine1'], ['Email cliente', 'email'], ['Customer email', 'email'], ['Numero fattura interno', 'externalRef'],
      ['Descrizione fattura', 'description'], ['Telefono ufficio', 'phone'], ['Società cessata il', 'ceased'], ['Cognome contribuente', 'lastName'],
    ];
    for (const [header, field] of cases) {
      expect({ header, ...suggestMapping([header]) }).toMatchObject({ header, mapping: { [field]: 0 }, confidence: { [field]: 'likely' } });
    }
  });

  it('does not take a look-alike column for a field', () => {
    for (const header of ['Importo pagato', 'Importo IVA', 'Data decesso', 'Luogo di nascita', 'Comune di nascita', 'Note', 'Stato pratica', 'Fax']) {
      expect({ header, mapping: suggestMapping([header]).mapping }).toEqual({ header, mapping: {} });
    }
  });

  it('prefers exact synonyms to partial matches and never maps a column twice', () => {
    const headers = ['Importo', 'Importo residuo', 'Totale', 'Importo dovuto al 31/12', 'Scadenza rata', 'Scadenza'];
    const s = suggestMapping(headers);
    expect(s.mapping.principal).toBe(1); // "Importo residuo" is the first synonym of what is owed
    expect(s.mapping.dueDate).toBe(5); // exact "Scadenza" beats "Scadenza rata"
    expect(s.confidence).toEqual({ principal: 'exact', dueDate: 'exact' });
    expect(s.unmapped).toEqual([0, 2, 3, 4]);
    const columns = Object.values(s.mapping);
    expect(new Set(columns).size).toBe(columns.length);
  });

  it('gives the longest keyword the column when several fields match', () => {
    expect(suggestMapping(['Codice fiscale / Partita IVA']).mapping).toEqual({ taxCode: 0 });
    expect(suggestMapping(['Cognome e nome']).mapping).toEqual({ debtorName: 0 });
    expect(suggestMapping(['Telefono cellulare']).mapping).toEqual({ mobile: 0 });
  });

  it('skips empty headers', () => {
    expect(suggestMapping(['', 'Importo', '  ']).unmapped).toEqual([0, 2]);
  });

  it('has each exact synonym for one field only, and a synonym for every field', () => {
    expect([...exactSynonymOwners()].filter(([, owners]) => owners.length > 1)).toEqual([]);
    const owned = new Set([...exactSynonymOwners().values()].flat());
    expect(IMPORT_FIELD_NAMES.filter((f) => !owned.has(f))).toEqual([]);
  });
});
