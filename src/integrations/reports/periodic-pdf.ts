import { msg, translate, type Locale, type MessageCode, type MessageParams } from '../../domain/messages/index.ts';
import { money as formatMoney, shortDate } from '../letters/format.ts';
import { canonicalJson, openDocument } from '../letters/pdf-document.ts';
import { mm } from '../letters/pdf-units.ts';
import type { PeriodicReport } from '../../domain/reports/periodic.ts';
import { pageFooters, reportWriter } from './pdf-report.ts';

/**
 * A creditor's periodic report (issue 16 item 3) as an A4 PDF: the portfolio by status, the money
 * collected in the period by revenue and tax year, the desk's work, the plans, the statements issued.
 * Bytes depend only on the input (`openDocument`: CreationDate = the day it was made).
 */
export const PERIODIC_PDF_LAYOUT_VERSION = 1;

const MARGINS = { top: mm(18), bottom: mm(18), left: mm(18), right: mm(18) };
const PAGE = { size: 'A4' as const, margins: MARGINS };

export interface PeriodicDocumentInput {
  report: PeriodicReport;
  frequency: 'weekly' | 'monthly';
  locale: Locale;
}

export async function renderPeriodicPdf(input: PeriodicDocumentInput): Promise<Buffer> {
  const { report, locale } = input;
  const t = (code: MessageCode, params?: MessageParams) => translate(msg(code, params), locale);
  const m = (a: string, currency: string) => formatMoney(a, currency, locale);
  const d = (iso: string) => shortDate(iso, locale);
  const { doc, done } = openDocument({
    date: report.madeOn,
    title: `${t('periodic.title')} – ${report.creditorName}`,
    author: report.creditorName,
    fingerprint: canonicalJson({ v: PERIODIC_PDF_LAYOUT_VERSION, input }),
  });
  try {
    const w = reportWriter(doc, PAGE);
    w.text(`${t('periodic.title')} ${t(`periodic.${input.frequency}`)}`, 'bold', 16);
    w.text(t('periodic.subtitle', { creditor: report.creditorName, from: d(report.period.from), to: d(report.period.to), madeOn: d(report.madeOn) }), 'regular', 10);
    w.gap(6);

    w.text(t('periodic.portfolio', { madeOn: d(report.madeOn) }), 'bold', 11);
    w.table(
      [
        [t('periodic.col_status'), 0.34, 'left'],
        [t('periodic.col_currency'), 0.1, 'left'],
        [t('periodic.col_positions'), 0.14, 'right'],
        [t('periodic.col_loaded'), 0.21, 'right'],
        [t('periodic.col_due'), 0.21, 'right'],
      ],
      report.portfolio.map((p) => [t(`periodic.status.${p.status}` as MessageCode), p.currency, String(p.count), m(p.loaded, p.currency), m(p.totalDue, p.currency)]),
      9,
    );

    w.text(t('periodic.collected'), 'bold', 11);
    if (report.collected.length === 0) w.text(t('periodic.collected_none'), 'regular', 9);
    else
      w.table(
        [
          [t('periodic.col_revenue'), 0.14, 'left'],
          [t('periodic.col_year'), 0.1, 'left'],
          [t('periodic.col_payments'), 0.13, 'right'],
          [t('periodic.col_collected'), 0.21, 'right'],
          [t('periodic.col_reversed'), 0.21, 'right'],
          [t('periodic.col_net'), 0.21, 'right'],
        ],
        report.collected.map((c) => [
          c.revenue.toUpperCase(),
          c.taxYear === null ? t('periodic.no_year') : String(c.taxYear),
          String(c.payments),
          m(c.collected, c.currency),
          m(c.reversed, c.currency),
          m(c.net, c.currency),
        ]),
        9,
      );

    w.text(t('periodic.desk', { calls: report.desk.calls, rightParty: report.desk.rightParty, reached: report.desk.debtorsReached }), 'regular', 9);
    if (report.plans.length === 0) w.text(t('periodic.plans_none'), 'regular', 9);
    for (const p of report.plans) w.text(t('periodic.plans', { active: p.active, currency: p.currency, expected: m(p.expectedNext3Months, p.currency) }), 'regular', 9);
    w.gap(4);

    w.text(t('periodic.statements'), 'bold', 11);
    if (report.statements.length === 0) w.text(t('periodic.statements_none'), 'regular', 9);
    else
      w.table(
        [
          [t('periodic.col_statement'), 0.2, 'left'],
          [t('periodic.col_period'), 0.36, 'left'],
          [t('periodic.col_to_remit'), 0.22, 'right'],
          [t('periodic.col_to_invoice'), 0.22, 'right'],
        ],
        report.statements.map((s) => [`${s.number}/${s.year}`, `${d(s.periodFrom)} – ${d(s.periodTo)}`, m(s.toRemit, s.currency), m(s.toInvoice, s.currency)]),
        9,
      );
    pageFooters(doc, MARGINS, (page, pages) => `${t('periodic.title')} · ${report.creditorName} · ${d(report.period.to)} · ${t('periodic.page', { page, pages })}`);
  } catch (e) {
    doc.end();
    await done.catch(() => undefined);
    throw e;
  }
  doc.end();
  return done;
}
