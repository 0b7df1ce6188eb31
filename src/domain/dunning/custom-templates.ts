import { z } from 'zod';
import { coded, msg, type Message } from '../messages/index.ts';
import { TEMPLATE_VARIABLES, templateVariables, type MessageTemplate, type Paragraph } from './templates.ts';
import type { Language } from './words.ts';

/**
 * A creditor's own wording of a template (a comune's regulation of its reminders, a company's house
 * style), per template key and language. What it may change: the salutation, the body paragraphs
 * (the interest paragraph keeps its two versions, one for interest merely mentioned and one for
 * interest charged), the legal-notice lines and the closing. What it may not:
 * - the subject stays the neutral one of compliance.ts: it shows in e-mail previews and through
 *   window envelopes, where nothing may reveal a debt to a third party (Garante privacy, provv.
 *   30/10/2014 on debt collection; art. 8 Codice di condotta UNIREC);
 * - the variables are those of {@link TEMPLATE_VARIABLES}: a typo ("{totale}") is refused when the
 *   text is saved, not discovered when the letters of a run fail;
 * - the act-specific choice stays the law's (templateForAct): a comune words each reminder it uses,
 *   and a position already assessed still never gets the bonario text.
 */
export interface TemplateText {
  salutation: string;
  paragraphs: Paragraph[];
  legalNotice: string[];
  closing: string[];
}

const line = (max: number) => z.string().trim().min(1, { message: coded('dunning.custom_template_empty_line') }).max(max);

export const TemplateTextSchema = z.strictObject({
  salutation: line(200),
  paragraphs: z
    .array(z.union([line(3000), z.strictObject({ mention: line(3000), charge: line(3000) })]))
    .min(1, { message: coded('dunning.custom_template_no_paragraph') })
    .max(30),
  legalNotice: z.array(line(3000)).max(10),
  closing: z.array(line(200)).min(1, { message: coded('dunning.custom_template_no_closing') }).max(6),
});

/** The editable part of a template. */
export function templateText(t: MessageTemplate): TemplateText {
  return { salutation: t.salutation, paragraphs: t.paragraphs, legalNotice: t.legalNotice, closing: t.closing };
}

/** The template with the creditor's wording in place of the shipped one (key, audience and subject kept). */
export function customizedTemplate(base: MessageTemplate, text: TemplateText, language: Language): MessageTemplate {
  return { ...base, language, ...text };
}

/** Why a creditor's text cannot be used: variables that do not exist (each once, in order of use). */
export function templateTextProblems(base: MessageTemplate, text: TemplateText): Message[] {
  const known = TEMPLATE_VARIABLES as readonly string[];
  return templateVariables(customizedTemplate(base, text, base.language))
    .filter((v) => !known.includes(v))
    .map((v) => msg('dunning.custom_template_unknown_variable', { variable: `{${v}}`, known: known.map((k) => `{${k}}`).join(', ') }));
}

/**
 * Sample values of the variables, for a preview of a creditor's text before any letter is sent. They
 * are examples, marked as such where a reader could mistake them for data.
 */
export const SAMPLE_VARIABLES: Readonly<Record<Language, Readonly<Record<(typeof TEMPLATE_VARIABLES)[number], string>>>> = {
  it: sample('Mario Rossi', 'Comune di Esempio', 'del Comune di Esempio', 'Agenzia Esempio S.r.l.', '1.234,56 €', '31 gennaio 2027', '13,15%'),
  en: sample('Mario Rossi', 'Comune di Esempio', 'of the Comune di Esempio', 'Example Agency Ltd', '€1,234.56', '31 January 2027', '13.15%'),
  de: sample('Mario Rossi', 'Gemeinde Beispiel', 'der Gemeinde Beispiel', 'Beispiel-Agentur GmbH', '1.234,56 €', '31. Januar 2027', '13,15%'),
  fr: sample('Mario Rossi', 'Comune di Esempio', 'de la Comune di Esempio', 'Agence Exemple SARL', '1 234,56 €', '31 janvier 2027', '13,15%'),
};

function sample(
  debtorName: string,
  creditorName: string,
  creditorOf: string,
  senderName: string,
  totalDue: string,
  payBy: string,
  interestRate: string,
): Record<(typeof TEMPLATE_VARIABLES)[number], string> {
  return {
    debtorName,
    creditorName,
    creditorOf,
    senderName,
    senderContact: '0471 000000 · info@example.test',
    totalDue,
    payBy,
    references: 'IMU-2022-000001, TARI-2023-000002',
    claimCount: '2',
    interestRate,
  };
}
