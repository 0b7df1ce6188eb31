import { describe, expect, it } from 'vitest';
import { fieldHelp, fieldLabel, IMPORT_FIELD_NAMES } from '../../import/fields.ts';
import { encodeMessage, isMessageCode, LOCALES, msg, rawText, translate } from '../index.ts';
import { importIt } from './it.ts';

describe('import messages', () => {
  it('name every importable field and say what its column holds, in every language', () => {
    for (const field of IMPORT_FIELD_NAMES) {
      expect(isMessageCode(fieldLabel(field)), field).toBe(true);
      expect(isMessageCode(fieldHelp(field)), field).toBe(true);
    }
    expect(translate(msg(fieldLabel('dueDate')), 'fr')).toBe('échéance');
  });

  it('are all named import.*', () => {
    for (const code of Object.keys(importIt)) expect(code).toMatch(/^import\.[a-z_]+(\.[A-Za-z0-9_]+)?$/);
  });

  it('render a message inside another’s params in the same language', () => {
    const reason = encodeMessage(msg('cf.check_char', { expected: 'S' }));
    const m = msg('import.tax_code_invalid', { value: '"RSSMRA85T10A562T"', reason });
    expect(translate(m, 'it')).toBe('Codice fiscale "RSSMRA85T10A562T": Carattere di controllo del codice fiscale errato: atteso S');
    expect(translate(m, 'en')).toBe('Tax code "RSSMRA85T10A562T": Wrong tax code check character: expected S');
    for (const locale of LOCALES) expect(translate(m, locale)).not.toContain('i18n:');
    // Two levels: a row's note holding a warning holding a field label.
    const note = msg('import.row_note', { line: 7, column: 'Scadenza', note: encodeMessage(msg('import.required_missing', { label: encodeMessage(msg(fieldLabel('dueDate'))) })) });
    expect(translate(note, 'de')).toBe('Zeile 7, Scadenza: Pflichtfeld fehlt: Fälligkeit');
  });

  it('show a param that only looks like a coded message as it is', () => {
    expect(translate(msg('import.stopped', { reason: 'i18n:no.such_code' }), 'en')).toBe('Import stopped: i18n:no.such_code');
    expect(translate(msg('import.stopped', { reason: encodeMessage(rawText('disk full')) }), 'fr')).toBe('Importation interrompue : disk full');
  });
});
