import { collectionRate, type PositionRow } from '../../domain/discharge/report.ts';
import { msg, translate, type MessageCode, type MessageParams } from '../../domain/messages/index.ts';
import { money as formatMoney, shortDate } from '../letters/format.ts';
import { canonicalJson, openDocument } from '../letters/pdf-document.ts';
import { line } from '../letters/pdf-text.ts';
import { mm } from '../letters/pdf-units.ts';
import type { DischargeDocumentInput } from './discharge-header.ts';

/**
 * The discharge report as a landscape A4 PDF (issue 16 item 6): title, the identity, totals per revenue
 * × tax year and in all, the narrative (activity, outcomes, KPI, social-protection cases counted
 * without names), then every position. Bytes depend only on the input: the CreationDate is the report's
 * as-of date and the file ID a hash of the content (`openDocument`: the head, the rows' digest, the
 * language and the layout version).
 *
 * Streaming: the layout is fixed (the positions' rows have one height), so the page count is known
 * before anything is drawn — the opening is laid out once without drawing, the positions' pages are
 * counted — and each page gets its footer ("page x of y") and is written out as soon as it is full:
 * neither the rows nor the pages are kept.
 */
export const DISCHARGE_PDF_LAYOUT_VERSION = 2;

const MARGINS = { top: mm(15), bottom: mm(15), left: mm(12), right: mm(12) };
const PAGE = { size: 'A4' as const, layout: 'landscape' as const, margins: MARGINS };

type Col = [string, number, 'left' | 'right'];

export async function renderDischargePdf(input: DischargeDocumentInput): Promise<Buffer> {
  const { head, locale } = input;
  const t = (code: MessageCode, params?: MessageParams) => translate(msg(code, params), locale);
  const lang = locale;
  const m = (a: string, currency: string) => formatMoney(a, currency, lang);
  const { doc, done } = openDocument({
    date: head.asOf,
    title: `${t('discharge.title')} – ${input.creditorName}`,
    author: input.creditorName,
    fingerprint: canonicalJson({ v: DISCHARGE_PDF_LAYOUT_VERSION, head, rowsDigest: input.rowsDigest, locale, creditorName: input.creditorName, load: input.load }),
  });
  try {
    doc.addPage(PAGE);
    const left = MARGINS.left;
    const width = doc.page.width - MARGINS.left - MARGINS.right;
    const bottom = doc.page.height - MARGINS.bottom - 14;
    const footerText = (page: number, pages: number) =>
      `${t('discharge.title')} · ${input.creditorName} · ${shortDate(head.asOf, lang)} · ${t('discharge.page', { page, pages })}`;

    /** One pass over the layout: `draw` false only counts pages (fonts are set to measure, nothing is drawn). */
    const layout = (draw: boolean, pages: number) => {
      let y = MARGINS.top;
      let page = 1;
      const footer = () => {
        doc.font('regular').fontSize(7).fillColor('#555555');
        // The footer sits in the bottom margin: pdfkit would start a new page for text below it (the
        // cause of a blank page after every page before), so the margin is lifted while it is drawn.
        const margin = doc.page.margins.bottom;
        doc.page.margins.bottom = 0;
        line(doc, footerText(page, pages), left, doc.page.height - MARGINS.bottom, width, 'right');
        doc.page.margins.bottom = margin;
      };
      const newPage = () => {
        if (draw) {
          footer();
          doc.flushPages();
          doc.addPage(PAGE);
        }
        page++;
        y = MARGINS.top;
      };
      const ensure = (h: number) => {
        if (y + h > bottom) newPage();
      };
      const text = (s: string, font: 'regular' | 'bold', size: number) => {
        doc.font(font).fontSize(size);
        if (draw) doc.fillColor('black');
        const h = doc.heightOfString(s, { width });
        ensure(h);
        if (draw) doc.text(s, left, y, { width });
        y += h + 4;
      };
      /** A table: columns as [label, width fraction, align]; `row(i)` gives the cells of row i (only called when drawing). */
      const tableStart = (cols: Col[], size: number) => {
        const ws = cols.map(([, f]) => f * width);
        const rowH = size + 4;
        const header = () => {
          if (draw) {
            doc.font('bold').fontSize(size).fillColor('black');
            let x = left;
            cols.forEach(([label, , align], i) => {
              line(doc, label, x, y, ws[i]! - 3, align);
              x += ws[i]!;
            });
          }
          y += rowH;
          if (draw) doc.moveTo(left, y - 2).lineTo(left + width, y - 2).lineWidth(0.5).strokeColor('#888888').stroke();
        };
        ensure(rowH * 2);
        header();
        return {
          row: (cells: string[] | null, bold: boolean) => {
            if (y + rowH > bottom) {
              newPage();
              header();
            }
            if (draw && cells) {
              doc.font(bold ? 'bold' : 'regular').fontSize(size).fillColor('black');
              let x = left;
              cells.forEach((cell, i) => {
                line(doc, cell, x, y, ws[i]! - 3, cols[i]![2]);
                x += ws[i]!;
              });
            }
            y += rowH;
          },
          end: () => {
            y += 6;
          },
        };
      };

      text(t('discharge.title'), 'bold', 16);
      const scope = input.load === null ? t('discharge.scope_mandate') : t('discharge.scope_load', { load: input.load });
      text(t('discharge.subtitle', { creditor: input.creditorName, scope, asOf: shortDate(head.asOf, lang) }), 'regular', 10);
      text(t('discharge.identity'), 'bold', 10);
      y += 4;

      text(t('discharge.by_revenue'), 'bold', 11);
      const groupRows = head.groups.map((g) => [
        g.revenue.toUpperCase(),
        g.taxYear === null ? t('discharge.no_year') : String(g.taxYear),
        String(g.positions),
        m(g.loaded, g.currency),
        m(g.collected, g.currency),
        m(g.annulled, g.currency),
        m(g.residual, g.currency),
      ]);
      for (const tot of head.totals) {
        groupRows.push([t('discharge.total'), tot.currency, String(tot.positions), m(tot.loaded, tot.currency), m(tot.collected, tot.currency), m(tot.annulled, tot.currency), m(tot.residual, tot.currency)]);
      }
      const groups = tableStart(
        [
          [t('discharge.col_revenue'), 0.14, 'left'],
          [t('discharge.col_year'), 0.08, 'left'],
          [t('discharge.col_positions'), 0.1, 'right'],
          [t('discharge.col_loaded'), 0.17, 'right'],
          [t('discharge.col_collected'), 0.17, 'right'],
          [t('discharge.col_annulled'), 0.17, 'right'],
          [t('discharge.col_residual'), 0.17, 'right'],
        ],
        9,
      );
      groupRows.forEach((r, i) => groups.row(r, i === groupRows.length - 1));
      groups.end();

      text(t('discharge.narrative'), 'bold', 11);
      const s = head.summary;
      text(
        t('discharge.narrative_activity', { positions: head.positions, attempts: s.attempts, rightParty: s.rightParty, reached: s.positionsReached, letters: s.letters, plans: s.plans }),
        'regular',
        9,
      );
      const outcomes = Object.entries(s.byState)
        .filter(([, n]) => n > 0)
        .map(([state, n]) => `${t(`discharge.state.${state}` as MessageCode)} ${n}`)
        .join('; ');
      text(t('discharge.narrative_outcomes', { outcomes }), 'regular', 9);
      for (const tot of head.totals) {
        const rate = collectionRate(tot);
        text(rate === null ? t('discharge.narrative_kpi_none') : t('discharge.narrative_kpi', { rate: lang === 'en' ? rate : rate.replace('.', ',') }), 'regular', 9);
        if (tot.otherCollected !== '0.00') text(t('discharge.narrative_other', { amount: m(tot.otherCollected, tot.currency) }), 'regular', 9);
      }
      text(t('discharge.narrative_social', { hardship: s.debtorsHardship, deceased: s.debtorsDeceased }), 'regular', 9);
      y += 4;

      text(t('discharge.positions'), 'bold', 11);
      const positions = tableStart(
        [
          [t('discharge.col_reference'), 0.1, 'left'],
          [t('discharge.col_taxpayer'), 0.16, 'left'],
          [t('discharge.col_revenue'), 0.05, 'left'],
          [t('discharge.col_year'), 0.045, 'left'],
          [t('discharge.col_state'), 0.12, 'left'],
          [t('discharge.col_reason'), 0.155, 'left'],
          [t('discharge.col_loaded'), 0.075, 'right'],
          [t('discharge.col_collected'), 0.075, 'right'],
          [t('discharge.col_annulled'), 0.075, 'right'],
          [t('discharge.col_residual'), 0.075, 'right'],
          [t('discharge.col_actions'), 0.075, 'left'],
        ],
        7,
      );
      return { positions, pages: () => page, footer };
    };

    // Counting: the opening as laid out, then one row height per position.
    const count = layout(false, 0);
    for (let i = 0; i < head.positions; i++) count.positions.row(null, false);
    const pages = count.pages();

    const real = layout(true, pages);
    const labels = new Map<string, string>();
    const label = (code: string) => {
      let s = labels.get(code);
      if (s === undefined) labels.set(code, (s = t(code as MessageCode)));
      return s;
    };
    let drawn = 0;
    for await (const rows of input.rows()) {
      for (const r of rows as PositionRow[]) {
        real.positions.row(
          [
            r.reference,
            r.taxpayer,
            r.revenue.toUpperCase(),
            r.taxYear === null ? '' : String(r.taxYear),
            label(`discharge.state.${r.state}`),
            label(`discharge.reason.${r.reason}`),
            m(r.loaded, r.currency),
            m(r.collected, r.currency),
            m(r.annulled, r.currency),
            m(r.residual, r.currency),
            `${r.attempts} / ${r.letters} / ${r.plans}`,
          ],
          false,
        );
        drawn++;
      }
    }
    real.positions.end();
    if (drawn !== head.positions || real.pages() !== pages) throw new Error(`discharge PDF: ${drawn} rows on ${real.pages()} pages, ${head.positions} on ${pages} expected`);
    real.footer();
  } catch (e) {
    doc.end();
    await done.catch(() => undefined);
    throw e;
  }
  doc.end();
  return done;
}
