import type { TemplateText } from '../../api/web13-hooks';

/* Pure helpers of the creditor's template editor (CreditorTemplatesPage.tsx). */

/** A body paragraph as the editor holds it: plain text, or the interest paragraph's two versions. */
export type EditorParagraph = { kind: 'text'; text: string } | { kind: 'interest'; mention: string; charge: string };

export interface EditorValues {
  salutation: string;
  paragraphs: EditorParagraph[];
  /** Legal-notice paragraphs, one per block (separated by an empty line). */
  legalNotice: string;
  /** Closing lines, one per line. */
  closing: string;
}

export function toEditor(text: TemplateText): EditorValues {
  return {
    salutation: text.salutation,
    paragraphs: text.paragraphs.map((p) => (typeof p === 'string' ? { kind: 'text', text: p } : { kind: 'interest', mention: p.mention, charge: p.charge })),
    legalNotice: text.legalNotice.join('\n\n'),
    closing: text.closing.join('\n'),
  };
}

/** Blocks of text separated by empty lines, each with its lines joined by a space. */
const blocks = (s: string) =>
  s
    .split(/\n\s*\n/)
    .map((b) => b.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);

export function fromEditor(v: EditorValues): TemplateText {
  return {
    salutation: v.salutation.trim(),
    paragraphs: v.paragraphs.map((p) => (p.kind === 'text' ? p.text.trim() : { mention: p.mention.trim(), charge: p.charge.trim() })),
    legalNotice: blocks(v.legalNotice),
    closing: v.closing
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
  };
}

/** The text with its variables replaced by the sample values; an unknown variable stays visible as written. */
export const fillSample = (text: string, sample: Readonly<Record<string, string>>) =>
  text.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (all, name: string) => sample[name] ?? all);

/** Variables a text uses that do not exist (shown before the server refuses them). */
export function unknownVariables(text: TemplateText, known: readonly string[]): string[] {
  const all = [text.salutation, ...text.paragraphs.flatMap((p) => (typeof p === 'string' ? [p] : [p.mention, p.charge])), ...text.legalNotice, ...text.closing];
  const names = all.flatMap((t) => [...t.matchAll(/\{([A-Za-z][A-Za-z0-9]*)\}/g)].map((m) => m[1]!));
  return [...new Set(names.filter((n) => !known.includes(n)))];
}

/** Whether two texts say the same (the editor's "changed" state). */
export const sameText = (a: TemplateText, b: TemplateText) => JSON.stringify(a) === JSON.stringify(b);
