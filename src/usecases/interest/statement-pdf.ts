import type { Db } from '../../db/connect.ts';
import type { Statement } from '../../domain/interest/compute.ts';
import type { Actor } from '../../domain/policies.ts';
import { renderStatementPdf, type PdfLanguage } from '../../integrations/pdf/interest-statement-pdf.ts';
import { computeInterest } from './compute-interest.ts';
import { currentRateBook } from './rate-book.ts';

export { PDF_LANGUAGES } from '../../integrations/pdf/interest-statement-pdf.ts';

/** The calculator's statement as an A4 PDF (prospetto di calcolo) in the language asked for. */
export async function interestStatementPdf(
  db: Db,
  _actor: Actor,
  input: unknown,
  language: PdfLanguage,
): Promise<{ statement: Statement; pdf: Buffer }> {
  const statement = computeInterest(await currentRateBook(db), input);
  return { statement, pdf: await renderStatementPdf(statement, { language }) };
}
