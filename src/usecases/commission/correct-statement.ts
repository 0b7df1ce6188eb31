import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { conflict, notFound } from '../../domain/errors.ts';
import { msg } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { assertId } from '../shared/scope.ts';
import { CorrectStatementInput, type StatementView } from './schema.ts';
import { sealStatement } from './seal-statement.ts';

/**
 * A correction of an issued statement: a new statement (its own number) for the same creditor, period
 * and currency, computed from today's records, that names the one it replaces. The old one stays as it
 * was issued; it can be corrected once (a later correction corrects the correction).
 */
export async function correctStatement(db: Db, actor: Actor, id: string, input: z.input<typeof CorrectStatementInput> = {}): Promise<StatementView> {
  return db.transaction().execute((trx) => rectifyStatement(trx, actor, id, input));
}

export async function rectifyStatement(trx: Trx, actor: Actor, id: string, input: z.input<typeof CorrectStatementInput> = {}): Promise<StatementView> {
  const data = parseInput(CorrectStatementInput, input);
  assertId(id, 'statement');
  let q = trx.selectFrom('remittance_statements').select(['id', 'creditor_id', 'number', 'year', 'period_from', 'period_to', 'currency', 'language']).where('tenant_id', '=', actor.tenantId).where('id', '=', id);
  if (actor.creditorId !== null) q = q.where('creditor_id', '=', actor.creditorId);
  const old = await q.executeTakeFirst();
  if (!old) throw notFound('statement');
  authorize(actor, 'create', 'commission');
  // Lock the creditor first (as an issue does), then look for an earlier correction.
  await trx.selectFrom('creditors').select('id').where('id', '=', old.creditor_id).forUpdate().execute();
  const fixed = await trx.selectFrom('remittance_statements').select('id').where('tenant_id', '=', actor.tenantId).where('corrects_id', '=', old.id).executeTakeFirst();
  if (fixed) throw conflict(msg('commission.already_corrected', { number: old.number, year: old.year }));
  return sealStatement(trx, actor, old.creditor_id, { from: old.period_from, to: old.period_to, currency: old.currency }, data.language ?? old.language, { id: old.id, number: old.number, year: old.year });
}
