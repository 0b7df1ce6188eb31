import { describe, expect, it } from 'vitest';
import { containsDebtWording } from './compliance.ts';
import {
  TEMPLATE_INFO,
  TEMPLATE_KEYS,
  TemplateError,
  fillTemplate,
  isTemplateKey,
  templateAudience,
  templateFor,
  templateForAct,
  templateVariables,
  unknownTemplateVariables,
  type MessageTemplate,
  type TemplateVars,
} from './templates.ts';
import { INTEREST_MODES, LANGUAGES, type Language } from './words.ts';

const VARS: Required<TemplateVars> = {
  debtorName: 'Mario Rossi',
  creditorName: 'Alfa S.r.l.',
  creditorOf: 'del Comune di Valdoria',
  senderName: 'Studio Beta',
  senderContact: '02 1234567, info@beta.example',
  totalDue: 'EUR 1.234,50',
  payBy: '15/03/2026',
  references: 'n. 12/2026, n. 15/2026',
  claimCount: '2',
  interestRate: '10,40%',
};

const all = TEMPLATE_KEYS.flatMap((key) => LANGUAGES.map((lang) => templateFor(key, lang)));
const textOf = (t: MessageTemplate) =>
  [t.subject, t.salutation, ...t.paragraphs.flatMap((p) => (typeof p === 'string' ? [p] : [p.mention, p.charge])), ...t.legalNotice, ...t.closing].join('\n');

describe('templates', () => {
  it('exist for every key in Italian, English, German and French', () => {
    for (const key of TEMPLATE_KEYS) {
      for (const lang of LANGUAGES) {
        const t = templateFor(key, lang);
        expect(t.language).toBe(lang);
        expect(t.key).toBe(key);
        expect(t.paragraphs.length).toBeGreaterThan(1);
        expect(t.closing.at(-1)).toBe('{senderName}');
      }
    }
  });
  it('have neutral subjects only', () => {
    for (const t of all) expect(containsDebtWording(t.subject), `${t.key}/${t.language}: ${t.subject}`).toBe(false);
  });
  it('use only the known variables, and every one fills without leftovers in every interest mode', () => {
    for (const t of all) {
      expect(unknownTemplateVariables(t), `${t.key}/${t.language}`).toEqual([]);
      for (const mode of INTEREST_MODES) {
        const filled = fillTemplate(t, VARS, mode);
        const text = [filled.subject, filled.salutation, ...filled.paragraphs, ...filled.legalNotice, ...filled.closing].join('\n');
        expect(text, `${t.key}/${t.language}/${mode}`).not.toMatch(/[{}]/);
      }
    }
  });
  it('tell the debtor how to reach a person and by when to act', () => {
    for (const t of all.filter((x) => x.audience === 'debtor')) {
      const vars = templateVariables(t);
      expect(vars, `${t.key}/${t.language}`).toContain('senderContact');
      expect(vars, `${t.key}/${t.language}`).toContain('payBy');
    }
  });
  it('contain no threats, shaming or criminal-law language', () => {
    const forbidden = /carcere|prigione|arresto|denuncia penale|vergogn|prison|jail|arrest|criminal|shame|gefängnis|strafanzeige|polizei|police|polizia|honte|pénal|scandal/i;
    for (const t of all) expect(textOf(t), `${t.key}/${t.language}`).not.toMatch(forbidden);
  });
  it('state the formal notice with the legal basis of its jurisdiction', () => {
    const notice = (key: (typeof TEMPLATE_KEYS)[number], lang: Language) => templateFor(key, lang).legalNotice.join(' ');
    expect(notice('formal-notice-it', 'it')).toMatch(/art\. 1219 del codice civile/);
    expect(notice('formal-notice-it', 'de')).toMatch(/Art\. 1219/);
    expect(notice('formal-notice-ch', 'it')).toMatch(/art\. 102 cpv\. 1 CO/);
    expect(notice('formal-notice-ch', 'de')).toMatch(/Art\. 102 Abs\. 1 OR/);
    expect(notice('formal-notice-ch', 'fr')).toMatch(/art\. 102 al\. 1 CO/);
    expect(notice('formal-notice-de', 'de')).toMatch(/§ 286 Abs\. 1 BGB/);
    expect(notice('formal-notice-fr', 'fr')).toMatch(/article 1344 du Code civil/);
    expect(notice('legal-handoff-ch', 'de')).toMatch(/Art\. 74 SchKG/);
    expect(notice('comune-sollecito', 'it')).toMatch(/comma 792, L\. 160\/2019/);
  });
  it('keep the soft reminder free of legal notices and interest', () => {
    for (const lang of LANGUAGES) {
      const t = templateFor('soft-reminder', lang);
      expect(t.legalNotice).toEqual([]);
      expect(t.paragraphs.every((p) => typeof p === 'string')).toBe(true);
    }
  });
  it('address internal advice to the creditor', () => {
    expect(templateAudience('closure-advice')).toBe('creditor');
    expect(templateAudience('comune-handoff')).toBe('creditor');
    expect(templateAudience('legal-handoff-it')).toBe('debtor');
    expect(fillTemplate(templateFor('closure-advice', 'it'), VARS).salutation).toBe('Spettabile Alfa S.r.l.,');
    for (const key of TEMPLATE_KEYS) expect(TEMPLATE_INFO[key].audience).toBe(templateAudience(key));
  });
  it('falls back to Italian for a language without texts', () => {
    const t = templateFor('soft-reminder', 'es' as Language);
    expect(t.language).toBe('it');
    expect(() => templateFor('nope' as (typeof TEMPLATE_KEYS)[number], 'it')).toThrow(TemplateError);
    expect(isTemplateKey('formal-notice-it')).toBe(true);
    expect(isTemplateKey('formal-notice-xx')).toBe(false);
  });
});

describe('fillTemplate', () => {
  const t = templateFor('formal-notice-it', 'it');
  it('fills the variables as plain text, in Italian first', () => {
    const filled = fillTemplate(t, VARS, 'mention');
    expect(filled.subject).toBe('Comunicazione importante – si prega di rispondere');
    expect(filled.salutation).toBe('Gentile Mario Rossi,');
    expect(filled.paragraphs[0]).toBe(
      'risultano ancora da saldare i seguenti documenti di Alfa S.r.l.: n. 12/2026, n. 15/2026 (documenti: 2), per un importo complessivo di EUR 1.234,50.',
    );
    expect(filled.paragraphs[1]).toContain('attualmente il 10,40% annuo');
    expect(filled.closing).toEqual(['Cordiali saluti', 'Studio Beta']);
  });
  it('keeps, picks or drops the interest paragraph by interest mode', () => {
    expect(fillTemplate(t, VARS, 'none').paragraphs).toHaveLength(3);
    expect(fillTemplate(t, VARS, 'mention').paragraphs).toHaveLength(4);
    expect(fillTemplate(t, VARS, 'charge').paragraphs[1]).toContain('prospetto allegato');
    expect(fillTemplate(t, VARS).paragraphs.join(' ')).not.toContain('interessi');
  });
  it('names a missing variable', () => {
    const { payBy: _payBy, ...withoutPayBy } = VARS;
    try {
      fillTemplate(t, withoutPayBy);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(TemplateError);
      expect((e as TemplateError).variable).toBe('payBy');
      expect((e as TemplateError).message).toContain('{payBy}');
    }
  });
  it('names an unknown variable of a customised template', () => {
    const custom: MessageTemplate = { ...t, paragraphs: ['Saldo: {totalDue}, scadenza {dueDay}.'] };
    expect(unknownTemplateVariables(custom)).toEqual(['dueDay']);
    expect(() => fillTemplate(custom, VARS)).toThrow(/\{dueDay\}/);
  });
  it('inserts values literally, without re-reading braces or escaping', () => {
    const filled = fillTemplate(t, { ...VARS, debtorName: '<b>{creditorName}</b> & Co.' });
    expect(filled.salutation).toBe('Gentile <b>{creditorName}</b> & Co.,');
  });
});

describe('templates for a comune position follow the act behind it (municipal-notes.md §5)', () => {
  const bonarioWording = /evitare l’emissione|avoid a formal assessment|vermeiden Sie einen Feststellungsbescheid|éviter l’émission|potrà emettere l’avviso di accertamento/;
  it('a reminder of an enforceable assessment or an ingiunzione never says that paying avoids an act, and says it is a title', () => {
    for (const key of ['comune-avviso-bonario', 'comune-sollecito'] as const) {
      expect(templateForAct(key, 'accertamento_esecutivo')).toBe('comune-sollecito-accertamento');
      expect(templateForAct(key, 'ingiunzione_fiscale')).toBe('comune-sollecito-ingiunzione');
      expect(templateForAct(key, 'verbale_cds')).toBe('comune-sollecito-atto');
      expect(templateForAct(key, 'bonario')).toBe(key);
      expect(templateForAct(key, null)).toBe(key);
    }
    expect(templateForAct('comune-rateizzazione', 'accertamento_esecutivo')).toBe('comune-rateizzazione');
    expect(templateForAct('formal-notice-it', 'accertamento_esecutivo')).toBe('formal-notice-it');
    for (const key of ['comune-sollecito-accertamento', 'comune-sollecito-ingiunzione', 'comune-sollecito-atto'] as const) {
      for (const lang of LANGUAGES) expect(textOf(templateFor(key, lang)), `${key}/${lang}`).not.toMatch(bonarioWording);
    }
    expect(textOf(templateFor('comune-sollecito-accertamento', 'it'))).toMatch(/costituisce titolo esecutivo \(art\. 1, comma 792, L\. 160\/2019\)/);
    expect(textOf(templateFor('comune-sollecito-accertamento', 'it'))).toMatch(/comma 803/);
    expect(textOf(templateFor('comune-sollecito-ingiunzione', 'de'))).toMatch(/Vollstreckungstitel/);
    // The bonario keeps its wording: paying now avoids the assessment.
    expect(textOf(templateFor('comune-avviso-bonario', 'it'))).toMatch(/evitare l’emissione di un avviso di accertamento/);
  });
  it('names the comune once: "ufficio entrate del Comune di Valdoria"', () => {
    const filled = fillTemplate(templateFor('comune-avviso-bonario', 'it'), VARS);
    expect(filled.paragraphs[0]).toMatch(/^dai controlli dell’ufficio entrate del Comune di Valdoria risulta/);
  });
});
