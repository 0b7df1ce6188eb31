import type { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { fieldError, invalid } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { loadCreditor } from '../shared/scope.ts';
import { StatementQuery, type StatementView } from './schema.ts';
import { computeStatement } from './statement-data.ts';

/**
 * What a statement of a creditor for a period would hold if issued now: lines, commission, fees, VAT
 * and the net to remit or the amount to invoice. Nothing is stored. The agency's tool (administrator,
 * supervisor); the creditor's users read issued statements.
 */
export async function previewStatement(db: Db, actor: Actor, query: z.input<typeof StatementQuery>): Promise<StatementView> {
  const q = parseInput(StatementQuery, query);
  const creditor = await loadCreditor(db, actor, q.creditorId);
  authorize(actor, 'create', 'commission');
  if (q.periodTo < q.periodFrom) throw invalid([fieldError('periodTo', 'commission.period_order')]);
  const { versions: _versions, ...c } = await computeStatement(db, actor, creditor, { from: q.periodFrom, to: q.periodTo, currency: q.currency });
  return { ...c, id: null, number: null, year: null, issuedOn: null, issuedAt: null, language: 'it', corrects: null, correctedBy: null, pdfSha256: null, xlsxSha256: null };
}
