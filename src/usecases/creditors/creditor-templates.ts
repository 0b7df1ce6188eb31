import { templateTextProblems, type TemplateText } from '../../domain/dunning/custom-templates.ts';
import { TEMPLATE_KEYS, isTemplateKey, templateFor, type TemplateKey } from '../../domain/dunning/templates.ts';
import type { Language } from '../../domain/dunning/words.ts';
import { invalid, notFound } from '../../domain/errors.ts';
import { translate } from '../../domain/messages/index.ts';

/*
 * Shared pieces of the creditor-template use cases: which templates a creditor words, and the check
 * of a text against the shipped template it replaces.
 */

/** The templates a creditor may word: a comune its own reminders (comune-*), a company the others. */
export function templateKeysFor(kind: string): TemplateKey[] {
  const comune = kind === 'public_entity';
  return TEMPLATE_KEYS.filter((k) => k.startsWith('comune-') === comune);
}

/** The key as a template of this creditor, or 404 (an unknown key is no resource). */
export function creditorTemplateKey(kind: string, key: string): TemplateKey {
  if (!isTemplateKey(key) || !templateKeysFor(kind).includes(key)) throw notFound('template');
  return key;
}

/** Refuses a text whose variables do not exist, naming them and the ones that do. */
export function assertUsableText(key: TemplateKey, language: Language, text: TemplateText): void {
  const problems = templateTextProblems(templateFor(key, language), text);
  if (problems.length > 0) throw invalid(problems.map((p) => ({ path: 'paragraphs', message: translate(p, 'it'), messageCode: p.code, ...(p.params ? { params: p.params } : {}) })), problems[0]!);
}
