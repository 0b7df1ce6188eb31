import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../dunning/words.ts';
import { callScript, type CallScriptInput } from './call-script.ts';
import { C796_SCHEDULE, instalmentTier } from './instalments.ts';

const base: CallScriptInput = {
  language: 'it',
  revenue: 'imu',
  act: { kind: 'accertamento_esecutivo', number: 'ACC/2025/118', date: '2024-12-20', enforceableOn: '2025-03-10' },
  taxYear: 2022,
  comune: 'Comune di Valdoria',
  agency: 'Riscossioni Alpine S.r.l.',
  total: '1.427,07 €',
  noticeCode: '3120 0000 0000 0042 60',
  f24: true,
  instalments: instalmentTier('1427.07'),
};
const text = (i: CallScriptInput) => callScript(i).flatMap((s) => s.lines).join(' ');

describe('the call script of a comune’s position', () => {
  it('goes in the call’s order: who calls, identity first, the act, amount and payment, instalments, care', () => {
    expect(callScript(base).map((s) => s.key)).toEqual(['opening', 'identity', 'explain', 'amount', 'instalments', 'care']);
    const t = text(base);
    expect(t).toContain('Riscossioni Alpine S.r.l.: la chiamo per conto del Comune di Valdoria, Ufficio Tributi');
    expect(t).toContain('Se risponde un’altra persona: nessun cenno al debito');
    expect(t).toContain('avviso di accertamento esecutivo n. ACC/2025/118 del 20/12/2024 per l’anno 2022, esecutivo dal 10/03/2025');
    expect(t).toContain('L’importo dovuto oggi è 1.427,07 €.');
    expect(t).toContain('codice avviso 3120 0000 0000 0042 60');
    expect(t).toContain('modello F24');
    expect(t).toContain('da 5 a 12 rate mensili');
  });

  it('never tells a taxpayer with an assessment or an injunction that paying avoids it; a reminder may', () => {
    for (const kind of ['accertamento_esecutivo', 'ingiunzione_fiscale'] as const) {
      for (const language of LANGUAGES) {
        const t = text({ ...base, language, act: { ...base.act!, kind } });
        expect(t, `${kind} ${language}`).not.toMatch(/si evitano l’avviso|avoids the assessment notice|vermeidet den Bescheid und|évite l’avis de rectification/);
      }
    }
    expect(text({ ...base, act: { kind: 'bonario', number: 'SOL/7', date: '2025-01-05', enforceableOn: null } })).toContain('regolarizzando ora si evitano l’avviso di accertamento');
  });

  it('speaks each language and each revenue; no pagoPA code, no F24, no instalments where none apply', () => {
    expect(text({ ...base, language: 'de' })).toContain('vollstreckbaren Feststellungsbescheid Nr. ACC/2025/118 vom 20.12.2024');
    expect(text({ ...base, language: 'fr', revenue: 'tari' })).toContain('La TARI est la taxe sur les déchets');
    const small = text({ ...base, revenue: 'cds_fine', act: { kind: 'verbale_cds', number: 'V-5521', date: '2025-02-01', enforceableOn: null }, noticeCode: null, f24: false, total: '87,50 €', instalments: instalmentTier('87.50') });
    expect(small).toContain('violazione del Codice della strada');
    expect(small).toContain('l’avviso con il codice viene inviato su richiesta');
    expect(small).not.toContain('F24');
    expect(small).toContain('non prevede la rateizzazione');
  });
});

describe('the c.796 instalment schedule', () => {
  it('reproduces TV-IT-19', () => {
    const tiers = ['100.00', '100.01', '3000.00', '6000.01', '20000.01'].map((a) => instalmentTier(a));
    expect(tiers.map((t) => [t.min, t.max])).toEqual([[0, 0], [1, 4], [5, 12], [25, 36], [37, 72]]);
    expect(instalmentTier('500.00')).toBe(C796_SCHEDULE[1]);
    expect(instalmentTier('6000.00')).toMatchObject({ min: 13, max: 24 });
  });
});
