import type { ReportPeriod } from './schedule.ts';

/**
 * A creditor's periodic report (issue 16 item 3, sent weekly or monthly): the portfolio by status as it
 * stands when the report is made, the money collected in the period by revenue and tax year (reversals
 * in the period credited back), the desk's work in the period, the plans and what they should bring in
 * the next three months, and the remittance statements issued in the period. Every figure is a grouped
 * query over indexed columns or the stored totals: the cost does not grow with the portfolio's size.
 */
export interface PeriodicReport {
  creditorName: string;
  period: ReportPeriod;
  /** The day the portfolio figures are of (the day the report was made). */
  madeOn: string;
  portfolio: { status: string; currency: string; count: number; loaded: string; totalDue: string }[];
  collected: { revenue: string; taxYear: number | null; currency: string; payments: number; collected: string; reversed: string; net: string }[];
  desk: { calls: number; rightParty: number; debtorsReached: number };
  plans: { active: number; currency: string; expectedNext3Months: string }[];
  statements: { number: number; year: number; currency: string; periodFrom: string; periodTo: string; toRemit: string; toInvoice: string }[];
}
