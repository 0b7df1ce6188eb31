import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { termsProblems, type MandateTerms } from '../../domain/commission/terms.ts';
import { plainDateOf } from '../../domain/dates.ts';
import { conflict, fieldError, invalid, unprocessable } from '../../domain/errors.ts';
import { dateParam, msg } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { loadCreditor } from '../shared/scope.ts';
import { listMandateTerms } from './list-mandate-terms.ts';
import { CreateMandateTermsInput, type MandateTermsView } from './schema.ts';

/**
 * A new version of a creditor's mandate terms, in force from its date until the next version. Terms
 * are never edited: a change is a new version, and it cannot start on or before the last day an issued
 * statement covers (what was reported stays as reported: never retroactive). An administrator's or a
 * supervisor's act, audited.
 */
export async function createMandateTerms(db: Db, actor: Actor, creditorId: string, input: z.input<typeof CreateMandateTermsInput>): Promise<MandateTermsView> {
  return db.transaction().execute((trx) => registerMandateTerms(trx, actor, creditorId, input));
}

export async function registerMandateTerms(trx: Trx, actor: Actor, creditorId: string, input: z.input<typeof CreateMandateTermsInput>): Promise<MandateTermsView> {
  const data = parseInput(CreateMandateTermsInput, input);
  const creditor = await loadCreditor(trx, actor, creditorId, { forUpdate: true });
  authorize(actor, 'create', 'commission');
  const terms: MandateTerms = data.terms;
  const problems = termsProblems(terms);
  if (problems.length > 0) throw invalid(problems.map((p) => fieldError(`terms.${p.field}`, p.code)));
  const covered = await trx
    .selectFrom('remittance_statements')
    .select((eb) => eb.fn.max('period_to').as('last'))
    .where('tenant_id', '=', actor.tenantId)
    .where('creditor_id', '=', creditor.id)
    .executeTakeFirst();
  const last = covered?.last as string | null | undefined;
  if (last && data.effectiveFrom <= last) {
    throw unprocessable(msg('commission.terms_retroactive', { date: dateParam(plainDateOf(last).add({ days: 1 }).toString()) }), [fieldError('effectiveFrom', 'commission.terms_retroactive', { date: dateParam(plainDateOf(last).add({ days: 1 }).toString()) })]);
  }
  const same = await trx
    .selectFrom('mandate_terms')
    .select('id')
    .where('tenant_id', '=', actor.tenantId)
    .where('creditor_id', '=', creditor.id)
    .where('effective_from', '=', data.effectiveFrom)
    .executeTakeFirst();
  if (same) throw conflict(msg('commission.terms_exist', { date: dateParam(data.effectiveFrom) }));
  const row = await trx
    .insertInto('mandate_terms')
    .values({ tenant_id: actor.tenantId, creditor_id: creditor.id, effective_from: data.effectiveFrom, terms: JSON.stringify(terms), note: data.note ?? null, created_by: actor.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: 'mandate_terms.created',
    entityType: 'mandate_terms',
    entityId: row.id,
    creditorId: creditor.id,
    after: { effectiveFrom: data.effectiveFrom, terms, note: data.note ?? null },
  });
  return (await listMandateTerms(trx, actor, creditor.id)).items.find((v) => v.id === row.id)!;
}
