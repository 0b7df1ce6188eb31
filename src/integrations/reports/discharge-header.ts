import type { DischargeReport } from '../../domain/discharge/report.ts';
import type { Locale } from '../../domain/messages/index.ts';

/** What the documents print besides the report itself: who it is for, what it covers, in which language. */
export interface DischargeDocumentInput {
  report: DischargeReport;
  locale: Locale;
  creditorName: string;
  /** The load's label (its file name) or null for the whole mandate. */
  load: string | null;
}
