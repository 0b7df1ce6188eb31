import { printedNotice } from '../../domain/municipal/pagopa.ts';
import { oneLine } from './address.ts';
import { groupIban, groupReference, longDate, money, shortDate } from './format.ts';
import { LABELS } from './labels.ts';
import type { LetterInput } from './types.ts';

/**
 * A dunning letter as an e-mail: a plain-text and an HTML part with the same content (salutation,
 * paragraphs, claims, totals, payment instructions, legal notice, closing). The HTML uses inline
 * styles only and loads nothing (no images, fonts or links a mail client would fetch), and every
 * value from the letter is HTML-escaped: names and texts are user data.
 */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and (double- or single-quoted) attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** Escaped, line breaks kept as <br>. */
const htmlLines = (value: string) => escapeHtml(value.replace(/\r\n?/g, '\n').trim()).replace(/\n/g, '<br>');
/** A header must be one line: a newline in a subject would let data inject headers. */
const oneLineText = (value: string) => value.replace(/\s*[\r\n]+\s*/g, ' ').trim();

interface Content {
  headings: { claims: string; payment: string };
  columns: string[];
  rows: { reference: string; description: string | null; due: string; amounts: string[] }[];
  totals: { label: string; amounts: string[] };
  payment: [string, string][];
  hint: string | null;
  documentLine: string;
}

/** What both parts show, decided once so the text and the HTML cannot drift apart. */
function content(letter: LetterInput): Content {
  const t = LABELS[letter.language];
  const lang = letter.language;
  const m = (a: string) => money(a, letter.currency, lang);
  const withInterest = letter.interestMode !== 'none';
  const pick = (c: { principal: string; interest: string; costs: string; paid: string; totalDue: string }) =>
    (withInterest ? [c.principal, c.interest, c.costs, c.paid, c.totalDue] : [c.principal, c.costs, c.paid, c.totalDue]).map(m);
  const p = letter.payment;
  const payment: [string, string][] = [
    [t.payee, oneLine(p.payee)],
    [t.iban, groupIban(p.iban)],
  ];
  if (p.reference) payment.push([p.referenceType === 'QRR' ? t.qrReference : p.referenceType === 'SCOR' ? t.structuredReference : t.paymentReference, groupReference(p.referenceType, p.reference)]);
  if (p.message.trim() && p.referenceType === 'NON') payment.push([t.message, oneLineText(p.message)]);
  payment.push([t.amount, m(p.amount)], [t.payBy, longDate(p.payBy, lang)]);
  return {
    headings: { claims: t.claims, payment: t.payment },
    columns: [t.reference, t.dueDate, ...(withInterest ? [t.principal, t.interest, t.costs, t.paid, t.totalDue] : [t.principal, t.costs, t.paid, t.totalDue])],
    rows: letter.claims.map((c) => ({ reference: oneLineText(c.reference), description: [c.description ? oneLineText(c.description) : null, c.flatCompensation ? `${t.ofWhich} ${oneLineText(c.flatCompensation.label)}: ${m(c.flatCompensation.amount)}` : null].filter(Boolean).join(' · ') || null, due: shortDate(c.dueDate, lang), amounts: pick(c) })),
    totals: { label: t.totals, amounts: pick(letter.totals) },
    payment,
    hint: p.reference ? t.referenceHint : null,
    documentLine: `${t.document} ${letter.documentId}`,
  };
}

function renderText(letter: LetterInput, c: Content): string {
  const out: string[] = [letter.salutation.trim(), ''];
  for (const p of letter.paragraphs) out.push(p.trim(), '');
  out.push(c.headings.claims);
  const amountHeads = c.columns.slice(2);
  for (const r of c.rows) {
    out.push(`- ${r.reference}${r.description ? ` (${r.description})` : ''} · ${c.columns[1]} ${r.due}`);
    out.push(`  ${r.amounts.map((a, i) => `${amountHeads[i]}: ${a}`).join(' · ')}`);
  }
  out.push(`${c.totals.label}: ${c.totals.amounts.map((a, i) => `${amountHeads[i]} ${a}`).join(' · ')}`, '');
  out.push(c.headings.payment);
  for (const [label, value] of c.payment) out.push(`${label}: ${value}`);
  if (c.hint) out.push(c.hint);
  out.push('');
  if (letter.legalNotice.length) {
    for (const l of letter.legalNotice) out.push(l.trim());
    out.push('');
  }
  for (const l of letter.closing) out.push(l.trim());
  out.push('', `-- `, c.documentLine);
  return out.join('\n') + '\n';
}

const FONT = 'font-family:Arial,Helvetica,sans-serif;';
const CELL = 'padding:4px 6px;border-bottom:1px solid #dddddd;';

function renderHtml(letter: LetterInput, c: Content): string {
  const para = (text: string, style = '') => `<p style="margin:0 0 12px 0;${style}">${htmlLines(text)}</p>`;
  const cell = (tag: 'td' | 'th', value: string, align: 'left' | 'right', extra = '') =>
    `<${tag} style="${CELL}text-align:${align};${align === 'right' ? 'white-space:nowrap;' : ''}${extra}">${escapeHtml(value)}</${tag}>`;
  const head = c.columns.map((h, i) => cell('th', h, i < 2 ? 'left' : 'right', 'border-bottom:1px solid #999999;')).join('');
  const rows = c.rows.map((r) => {
    const description = r.description ? `<br><span style="font-size:11px;color:#666666;">${escapeHtml(r.description)}</span>` : '';
    const amounts = r.amounts.map((a) => cell('td', a, 'right')).join('');
    return `<tr><td style="${CELL}text-align:left;">${escapeHtml(r.reference)}${description}</td>${cell('td', r.due, 'left', 'white-space:nowrap;')}${amounts}</tr>`;
  });
  const totals = `<tr><td colspan="2" style="${CELL}text-align:left;font-weight:bold;">${escapeHtml(c.totals.label)}</td>${c.totals.amounts.map((a) => cell('td', a, 'right', 'font-weight:bold;')).join('')}</tr>`;
  const payment = c.payment.map(
    ([label, value]) => `<tr><td style="padding:3px 12px 3px 0;color:#666666;vertical-align:top;">${escapeHtml(label)}</td><td style="padding:3px 0;font-weight:bold;">${escapeHtml(value)}</td></tr>`,
  );
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(letter.language)}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(oneLineText(letter.subject))}</title></head>`,
    '<body style="margin:0;padding:0;background-color:#ffffff;">',
    `<div style="max-width:680px;margin:0 auto;padding:24px;${FONT}font-size:14px;line-height:1.5;color:#222222;">`,
    para(letter.salutation),
    ...letter.paragraphs.map((p) => para(p)),
    `<p style="margin:18px 0 6px 0;font-weight:bold;">${escapeHtml(c.headings.claims)}</p>`,
    `<table role="presentation" cellspacing="0" cellpadding="0" style="border-collapse:collapse;width:100%;${FONT}font-size:13px;">`,
    `<thead><tr>${head}</tr></thead>`,
    '<tbody>',
    ...rows,
    '</tbody>',
    `<tfoot>${totals}</tfoot>`,
    '</table>',
    '<div style="margin:18px 0;padding:12px 16px;border:1px solid #bbbbbb;">',
    `<p style="margin:0 0 8px 0;font-weight:bold;">${escapeHtml(c.headings.payment)}</p>`,
    `<table role="presentation" cellspacing="0" cellpadding="0" style="border-collapse:collapse;${FONT}font-size:14px;">`,
    ...payment,
    '</table>',
    ...(c.hint ? [`<p style="margin:8px 0 0 0;font-size:12px;color:#666666;">${escapeHtml(c.hint)}</p>`] : []),
    '</div>',
    ...letter.legalNotice.map((l) => para(l, 'font-size:12px;color:#444444;')),
    para(letter.closing.join('\n')),
    `<p style="margin:24px 0 0 0;font-size:11px;color:#888888;">${escapeHtml(c.documentLine)}</p>`,
    '</div>',
    '</body>',
    '</html>',
  ].join('\n') + '\n';
}

/** The e-mail of a letter. Subject = the letter's subject (on one line: it becomes a header). */
export function renderEmail(letter: LetterInput): RenderedEmail {
  if (letter.municipal) return renderMunicipalEmail(letter);
  const c = content(letter);
  return { subject: oneLineText(letter.subject), text: renderText(letter, c), html: renderHtml(letter, c) };
}

/** A comune position in an e-mail: what the letter shows, in sections of label/value lines. */
interface Section {
  heading: string;
  lines: string[];
  table: [string, string][];
}

/**
 * A comune's letter as an e-mail (issue 13): for each position the revenue, year and act, its
 * components, the pagoPA notice's data (codice avviso in groups of four, the comune's codice fiscale,
 * amount, due date) and the F24 lines; the agency acting on the comune's behalf. No bank transfer.
 */
function municipalSections(letter: LetterInput): Section[] {
  const t = LABELS[letter.language];
  const c = t.comune;
  const lang = letter.language;
  const m = (a: string) => money(a, letter.currency, lang);
  const out: Section[] = [];
  const positions = letter.municipal!.positions;
  for (const p of positions) {
    out.push({
      heading: `${oneLineText(p.title)} · ${oneLineText(p.reference)}`,
      lines: p.act.length ? [p.act.map(oneLineText).join(', ')] : [],
      table: [
        ...p.components.map((r): [string, string] => [`${oneLineText(r.label)}${r.tributeCode ? ` (${r.tributeCode})` : ''}`, `${m(r.due)}${r.due !== r.amount ? ` (${t.amount} ${m(r.amount)}, ${t.paid} ${m(r.paid)})` : ''}`]),
        [t.totalDue, m(p.totalDue)],
      ],
    });
  }
  for (const p of positions) {
    const suffix = positions.length > 1 ? ` — ${oneLineText(p.reference)}` : '';
    if (p.pagopa) {
      const n = p.pagopa;
      const table: [string, string][] = [
        [c.entity, oneLineText(n.entity)],
        [c.cfEnte, n.cfEnte],
        [c.noticeCode, printedNotice(n.noticeCode)],
        [t.amount, m(n.amount)],
        [t.payBy, longDate(n.payBy, lang)],
      ];
      if (n.cbill) table.push([c.cbill, n.cbill]);
      // The Bollettino Postale PA's data (its Data Matrix is printed on the letter only).
      if (n.poste) {
        table.push([`${c.poste}: ${c.posteAccount}`, n.poste.account]);
        if (n.poste.holder) table.push([c.posteHolder, oneLineText(n.poste.holder)]);
      }
      out.push({ heading: `${c.pagopa}${suffix}`, lines: [c.pagopaHint], table });
    }
    if (!p.pagopa && !p.f24) out.push({ heading: `${c.pagopa}${suffix}`, lines: [c.noNotice], table: [] });
    if (p.f24) {
      out.push({
        heading: `${c.f24}${suffix}`,
        lines: [c.f24Hint],
        table: [...p.f24.lines.map((l): [string, string] => [`EL ${l.tributeCode} ${l.cadastralCode}${l.ravvedimento ? ` ${c.f24Ravv}` : ''} ${l.year}`, m(l.amount)]), [t.totals, m(p.f24.total)]],
      });
    }
  }
  return out;
}

function renderMunicipalEmail(letter: LetterInput): RenderedEmail {
  const t = LABELS[letter.language];
  const sections = municipalSections(letter);
  const agency = letter.municipal!.agency;
  const documentLine = `${t.document} ${letter.documentId}`;

  const text: string[] = [letter.salutation.trim(), ''];
  for (const p of letter.paragraphs) text.push(p.trim(), '');
  for (const s of sections) {
    text.push(s.heading);
    for (const l of s.lines) text.push(l);
    for (const [label, value] of s.table) text.push(`${label}: ${value}`);
    text.push('');
  }
  for (const l of letter.legalNotice) text.push(l.trim());
  if (letter.legalNotice.length) text.push('');
  if (agency) text.push(agency.trim(), '');
  for (const l of letter.closing) text.push(l.trim());
  text.push('', `-- `, documentLine);

  const para = (value: string, style = '') => `<p style="margin:0 0 12px 0;${style}">${htmlLines(value)}</p>`;
  const html = [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(letter.language)}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(oneLineText(letter.subject))}</title></head>`,
    '<body style="margin:0;padding:0;background-color:#ffffff;">',
    `<div style="max-width:680px;margin:0 auto;padding:24px;${FONT}font-size:14px;line-height:1.5;color:#222222;">`,
    para(letter.salutation),
    ...letter.paragraphs.map((p) => para(p)),
    ...sections.flatMap((s) => [
      '<div style="margin:18px 0;padding:12px 16px;border:1px solid #bbbbbb;">',
      `<p style="margin:0 0 8px 0;font-weight:bold;">${escapeHtml(s.heading)}</p>`,
      ...s.lines.map((l) => `<p style="margin:0 0 8px 0;font-size:12px;color:#444444;">${escapeHtml(l)}</p>`),
      `<table role="presentation" cellspacing="0" cellpadding="0" style="border-collapse:collapse;${FONT}font-size:14px;">`,
      ...s.table.map(
        ([label, value]) =>
          `<tr><td style="padding:3px 12px 3px 0;color:#666666;vertical-align:top;">${escapeHtml(label)}</td><td style="padding:3px 0;font-weight:bold;">${escapeHtml(value)}</td></tr>`,
      ),
      '</table>',
      '</div>',
    ]),
    ...letter.legalNotice.map((l) => para(l, 'font-size:12px;color:#444444;')),
    ...(agency ? [para(agency, 'font-size:12px;color:#444444;')] : []),
    para(letter.closing.join('\n')),
    `<p style="margin:24px 0 0 0;font-size:11px;color:#888888;">${escapeHtml(documentLine)}</p>`,
    '</div>',
    '</body>',
    '</html>',
  ].join('\n') + '\n';
  return { subject: oneLineText(letter.subject), text: text.join('\n') + '\n', html };
}
