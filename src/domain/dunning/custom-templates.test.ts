import { describe, expect, it } from 'vitest';
import { translate } from '../messages/index.ts';
import { SAMPLE_VARIABLES, TemplateTextSchema, customizedTemplate, templateText, templateTextProblems } from './custom-templates.ts';
import { TEMPLATE_VARIABLES, fillTemplate, templateFor } from './templates.ts';
import { LANGUAGES } from './words.ts';

const bonario = templateFor('comune-avviso-bonario', 'it');

describe("a creditor's own wording of a template", () => {
  it('replaces salutation, paragraphs, legal notice and closing; keeps key, audience and the neutral subject', () => {
    const text = {
      salutation: 'Egregio contribuente {debtorName},',
      paragraphs: ['il Comune chiede il versamento di {totalDue} entro il {payBy}.'],
      legalNotice: [],
      closing: ['Il funzionario responsabile', '{senderName}'],
    };
    const t = customizedTemplate(bonario, text, 'it');
    expect(t).toMatchObject({ key: 'comune-avviso-bonario', audience: 'debtor', subject: bonario.subject, ...text });
    const filled = fillTemplate(t, { ...SAMPLE_VARIABLES.it });
    expect(filled.paragraphs).toEqual(['il Comune chiede il versamento di 1.234,56 € entro il 31 gennaio 2027.']);
    expect(filled.closing).toEqual(['Il funzionario responsabile', 'Agenzia Esempio S.r.l.']);
  });

  it('names every variable that does not exist, once, with the ones that do', () => {
    const text = { ...templateText(bonario), paragraphs: ['Totale {totale} entro il {payBy}; ancora {totale} e {scadenza}.'] };
    const problems = templateTextProblems(bonario, text);
    expect(problems.map((p) => p.params?.variable)).toEqual(['{totale}', '{scadenza}']);
    expect(translate(problems[0]!, 'it')).toContain('La variabile {totale} non esiste; si possono usare: {debtorName}, {creditorName}');
    expect(templateTextProblems(bonario, templateText(bonario))).toEqual([]);
  });

  it('keeps the interest paragraph as its two versions', () => {
    const text = { ...templateText(bonario), paragraphs: ['Testo.', { mention: 'Maturano interessi al {interestRate}.', charge: 'Interessi compresi al {interestRate}.' }] };
    const t = customizedTemplate(bonario, text, 'it');
    expect(fillTemplate(t, { ...SAMPLE_VARIABLES.it }, 'none').paragraphs).toEqual(['Testo.']);
    expect(fillTemplate(t, { ...SAMPLE_VARIABLES.it }, 'charge').paragraphs).toEqual(['Testo.', 'Interessi compresi al 13,15%.']);
  });

  it('refuses empty lines, no paragraph and no closing; the shipped texts pass', () => {
    const r = TemplateTextSchema.safeParse({ salutation: ' ', paragraphs: [], legalNotice: ['  '], closing: [] });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['closing', 'legalNotice.0', 'paragraphs', 'salutation']);
    for (const language of LANGUAGES) expect(TemplateTextSchema.safeParse(templateText(templateFor('comune-sollecito-accertamento', language))).success).toBe(true);
  });

  it('has a sample for every variable in every language', () => {
    for (const language of LANGUAGES) expect(Object.keys(SAMPLE_VARIABLES[language]).sort()).toEqual([...TEMPLATE_VARIABLES].sort());
  });
});
