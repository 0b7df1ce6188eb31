import { refreshBalances } from './balances.ts';
import { insertPrincipalComponents } from './components.ts';
import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { interestTermsProblems } from '../../domain/claim-rules.ts';
import { conflict, invalid, fieldError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { loadCreditor, loadDebtor } from '../shared/scope.ts';
import { fetchClaimView } from './claim-query.ts';
import { CreateClaimInput, type ClaimView } from './schema.ts';
import { msg } from '../../domain/messages/index.ts';
import { DEFAULT_LOCALE, type Locale } from '../../domain/messages/index.ts';

/** Registers a claim (credito) of a creditor against a debtor. External reference is unique per creditor. */
export async function createClaim(
  db: Db,
  actor: Actor,
  input: z.input<typeof CreateClaimInput>,
  locale: Locale = DEFAULT_LOCALE,
): Promise<ClaimView> {
  return db.transaction().execute((trx) => registerClaim(trx, actor, input, locale));
}

/** `createClaim` on a transaction the caller holds. */
export async function registerClaim(
  trx: Trx,
  actor: Actor,
  input: z.input<typeof CreateClaimInput>,
  locale: Locale = DEFAULT_LOCALE,
): Promise<ClaimView> {
  authorize(actor, 'create', 'claim');
  const data = parseInput(CreateClaimInput, input);
  const creditor = await loadCreditor(trx, actor, data.creditorId).catch(() => {
    throw invalid([fieldError('creditorId', 'claim.unknown_creditor')]);
  });
  const debtor = await loadDebtor(trx, actor, data.debtorId).catch(() => {
    throw invalid([fieldError('debtorId', 'claim.unknown_debtor')]);
  });
  const termProblems = interestTermsProblems(
    {
      interestRegime: data.interestRegime ?? null,
      interestRate: data.interestRate ?? null,
      interestBase: data.interestBase ?? null,
      interestSpread: data.interestSpread ?? null,
    },
    debtor.kind,
  );
  if (termProblems.length) throw invalid(termProblems);
  const duplicate = await trx
    .selectFrom('claims')
    .select('id')
    .where('tenant_id', '=', actor.tenantId)
    .where('creditor_id', '=', creditor.id)
    .where('external_ref', '=', data.externalRef)
    .executeTakeFirst();
  if (duplicate) {
    throw conflict(msg('claim.ref_taken', { ref: data.externalRef }));
  }
  const row = await trx
    .insertInto('claims')
    .values({
      tenant_id: actor.tenantId,
      creditor_id: creditor.id,
      debtor_id: debtor.id,
      external_ref: data.externalRef,
      kind: data.kind,
      description: data.description ?? null,
      principal: data.principal,
      currency: data.currency,
      issue_date: data.issueDate ?? null,
      due_date: data.dueDate,
      contract_date: data.contractDate ?? null,
      tax_year: data.taxYear ?? null,
      jurisdiction: data.jurisdiction ?? (creditor.default_jurisdiction as 'IT'),
      interest_regime: data.interestRegime ?? null,
      judicial_claim_date: data.judicialClaimDate ?? null,
      interest_rate: data.interestRate ?? null,
      interest_base: data.interestBase ?? null,
      interest_spread: data.interestSpread ?? null,
      day_count: data.dayCount ?? 'act365',
      status: data.status ?? 'open',
      stage: data.stage ?? 'none',
      next_action_on: data.nextActionOn ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertPrincipalComponents(trx, actor.tenantId, [{ id: row.id, principal: data.principal }]);
  await refreshBalances(trx, actor.tenantId, [row.id]);
  const view = (await fetchClaimView(trx, actor, row.id, undefined, locale))!;
  const { balance: _derived, ...facts } = view;
  await recordAudit(trx, actor, {
    action: 'claim.created',
    entityType: 'claim',
    entityId: row.id,
    debtorId: debtor.id,
    creditorId: creditor.id,
    after: facts,
  });
  return view;
}
