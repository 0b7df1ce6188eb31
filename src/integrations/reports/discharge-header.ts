import type { DischargeHead, PositionRow } from '../../domain/discharge/report.ts';
import type { Locale } from '../../domain/messages/index.ts';

/** What the documents print besides the report itself: who it is for, what it covers, in which language. */
export interface DischargeDocumentInput {
  /** Totals, identity, narrative: known before the first row is written. */
  head: DischargeHead;
  /**
   * The rows in report order, a chunk at a time; each call reads them again from the report's spool
   * (a file that lists them twice — the workbook's positions and components — calls it twice), so no
   * document keeps them all.
   */
  rows: () => AsyncIterable<PositionRow[]>;
  /** SHA-256 of the rows: with the rest of the input, what a PDF's file ID is made of. */
  rowsDigest: string;
  locale: Locale;
  creditorName: string;
  /** The load's label (its file name) or null for the whole mandate. */
  load: string | null;
}

/** A document input of a report held in memory (tests, small reports). */
export function inMemory(report: { rows: PositionRow[] } & Omit<DischargeHead, 'positions'>): Pick<DischargeDocumentInput, 'head' | 'rows' | 'rowsDigest'> {
  const { rows, ...head } = report;
  return {
    head: { ...head, positions: rows.length },
    rows: async function* () {
      yield rows;
    },
    rowsDigest: '',
  };
}
