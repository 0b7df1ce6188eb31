import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { loadCreditor } from '../shared/scope.ts';
import { IssueStatementInput, type StatementView } from './schema.ts';
import { checkPeriod, sealStatement } from './seal-statement.ts';

/**
 * Issues a creditor's remittance statement for a period (rendiconto / fattura provvigioni): numbered
 * per tenant and year without gaps, immutable once issued, stored with its PDF and XLSX and their
 * SHA-256. A period already issued is corrected (`correctStatement`), never issued twice.
 */
export async function generateStatement(db: Db, actor: Actor, input: z.input<typeof IssueStatementInput>): Promise<StatementView> {
  return db.transaction().execute((trx) => issueStatement(trx, actor, input));
}

export async function issueStatement(trx: Trx, actor: Actor, input: z.input<typeof IssueStatementInput>): Promise<StatementView> {
  const data = parseInput(IssueStatementInput, input);
  const creditor = await loadCreditor(trx, actor, data.creditorId);
  authorize(actor, 'create', 'commission');
  checkPeriod(data.periodFrom, data.periodTo);
  return sealStatement(trx, actor, creditor.id, { from: data.periodFrom, to: data.periodTo, currency: data.currency }, data.language, null);
}
