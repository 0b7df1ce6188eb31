import { setPrincipalAmount } from './components.ts';
import { isClosed, manualStatusProblem, type ClaimStatus } from '../../domain/claims/lifecycle.ts';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db, Trx } from '../../db/connect.ts';
import { interestTermsProblems } from '../../domain/claim-rules.ts';
import { conflict, invalid, fieldError } from '../../domain/errors.ts';
import { money } from '../../domain/money.ts';
import { today } from '../../domain/dates.ts';
import type { Actor } from '../../domain/policies.ts';
import { diff, recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { checkVersion } from '../shared/present.ts';
import { loadClaim, loadDebtor } from '../shared/scope.ts';
import { fetchClaimView } from './claim-query.ts';
import { assertNoticeCodeFree } from './notice-code-free.ts';
import { resettleClaim } from './ledger.ts';
import { UpdateClaimInput, type ClaimView } from './schema.ts';
import { amountParam, msg } from '../../domain/messages/index.ts';
import { DEFAULT_LOCALE, type Locale } from '../../domain/messages/index.ts';
import { refreshDebtorProfiles } from '../risk/refresh-debtor-profiles.ts';

/** Fields the interest engine reads: changing one re-splits the claim's payments. */
const LEDGER_FIELDS = [
  'principal',
  'dueDate',
  'contractDate',
  'jurisdiction',
  'kind',
  'interestRegime',
  'judicialClaimDate',
  'interestRate',
  'interestBase',
  'interestSpread',
  'dayCount',
  // The act's kind and the day it became enforceable: the c.803 charges the engine derives.
  'act',
];

export async function updateClaim(
  db: Db,
  actor: Actor,
  id: string,
  input: z.input<typeof UpdateClaimInput>,
  locale: Locale = DEFAULT_LOCALE,
): Promise<ClaimView> {
  return db.transaction().execute((trx) => amendClaim(trx, actor, id, input, locale));
}

/** `updateClaim` on a transaction the caller holds. */
export async function amendClaim(
  trx: Trx,
  actor: Actor,
  id: string,
  input: z.input<typeof UpdateClaimInput>,
  locale: Locale = DEFAULT_LOCALE,
): Promise<ClaimView> {
  const data = parseInput(UpdateClaimInput, input);
  const current = await loadClaim(trx, actor, id, { forUpdate: true });
  authorize(actor, 'update', 'claim');
  checkVersion(current.version, data.version);
  const before = (await fetchClaimView(trx, actor, id, undefined, locale))!;

  const issueDate = data.issueDate !== undefined ? data.issueDate : current.issue_date;
  const dueDate = data.dueDate ?? current.due_date;
  if (issueDate && issueDate > dueDate) {
    throw invalid([fieldError('dueDate', 'claim.due_before_issue')]);
  }
  if (data.principal !== undefined && money(data.principal).lt(current.principal_paid)) {
    throw invalid([fieldError('principal', 'claim.principal_below_paid', { paid: amountParam(current.principal_paid) })]);
  }
  const statusProblem = data.status && manualStatusProblem(data.status, { principalPaid: current.principal_paid });
  if (statusProblem) throw invalid([fieldError('status', statusProblem.code, statusProblem.params)]);
  if (data.currency !== undefined && data.currency !== current.currency && money(current.principal_paid).gt(0)) {
    throw invalid([fieldError('currency', 'claim.currency_fixed')]);
  }
  const pick = <K extends 'interestRegime' | 'interestRate' | 'interestBase' | 'interestSpread'>(k: K, stored: string | null) =>
    data[k] !== undefined ? (data[k] ?? null) : stored;
  const debtor = await loadDebtor(trx, actor, current.debtor_id);
  const termProblems = interestTermsProblems(
    {
      interestRegime: pick('interestRegime', current.interest_regime),
      interestRate: pick('interestRate', before.interestRate),
      interestBase: pick('interestBase', current.interest_base),
      interestSpread: pick('interestSpread', before.interestSpread),
    },
    debtor.kind,
  );
  if (termProblems.length) throw invalid(termProblems);
  if (data.principal !== undefined) {
    const parts = await trx
      .selectFrom('claim_components')
      .select('kind')
      .where('tenant_id', '=', actor.tenantId)
      .where('claim_id', '=', id)
      .execute();
    if (parts.length !== 1 || parts[0]!.kind !== 'principal') throw invalid([fieldError('principal', 'claim.principal_of_components')]);
  }
  if (data.noticeCode && data.noticeCode !== current.notice_code) await assertNoticeCodeFree(trx, actor.tenantId, current.creditor_id, data.noticeCode, id);
  if (data.externalRef && data.externalRef !== current.external_ref) {
    const dup = await trx
      .selectFrom('claims')
      .select('id')
      .where('tenant_id', '=', actor.tenantId)
      .where('creditor_id', '=', current.creditor_id)
      .where('external_ref', '=', data.externalRef)
      .executeTakeFirst();
    if (dup) throw conflict(msg('claim.ref_used', { ref: data.externalRef }));
  }

  const changes = diff(before as unknown as Record<string, unknown>, data as Record<string, unknown>);
  if (!changes) return before;
  const a = changes.after;
  const set: Record<string, unknown> = {};
  const map: Record<string, string> = {
    externalRef: 'external_ref',
    kind: 'kind',
    description: 'description',
    principal: 'principal',
    currency: 'currency',
    issueDate: 'issue_date',
    dueDate: 'due_date',
    contractDate: 'contract_date',
    taxYear: 'tax_year',
    jurisdiction: 'jurisdiction',
    interestRegime: 'interest_regime',
    judicialClaimDate: 'judicial_claim_date',
    interestRate: 'interest_rate',
    interestBase: 'interest_base',
    interestSpread: 'interest_spread',
    dayCount: 'day_count',
    status: 'status',
    stage: 'stage',
    nextActionOn: 'next_action_on',
    noticeCode: 'notice_code',
  };
  for (const [k, col] of Object.entries(map)) if (k in a) set[col] = a[k];
  if ('act' in a) {
    const act = a.act as z.output<typeof UpdateClaimInput>['act'];
    Object.assign(set, {
      act_kind: act?.kind ?? null,
      act_number: act?.number ?? null,
      act_date: act?.date ?? null,
      act_notified_on: act?.notifiedOn ?? null,
      act_enforceable_on: act?.enforceableOn ?? null,
    });
  }
  // The day in Rome, as every date incasso writes (the database's current_date is its server's).
  if ('status' in a) set.closed_on = isClosed(a.status as ClaimStatus) ? today().toString() : null;
  await trx
    .updateTable('claims')
    .set({ ...set, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('tenant_id', '=', actor.tenantId)
    .execute();
  if ('principal' in a) await setPrincipalAmount(trx, actor.tenantId, id, String(a.principal));
  // New terms change what every payment settled: replay them (an audit event per changed split) and
  // store what the claim owes now.
  if (LEDGER_FIELDS.some((k) => k in a)) await resettleClaim(trx, actor, id);
  await recordAudit(trx, actor, {
    action: 'status' in a ? 'claim.status_changed' : 'claim.updated',
    entityType: 'claim',
    entityId: id,
    debtorId: current.debtor_id,
    creditorId: current.creditor_id,
    ...changes,
  });
  await refreshDebtorProfiles(trx, actor.tenantId, [current.debtor_id]);
  return (await fetchClaimView(trx, actor, id, undefined, locale))!;
}
