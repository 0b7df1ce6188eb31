import { refreshBalances } from './balances.ts';
import { insertComponents } from './components.ts';
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
import { assertNoticeCodeFree } from './notice-code-free.ts';
import { CreateClaimInput, type ClaimView } from './schema.ts';
import { amountParam, encodeMessage, msg } from '../../domain/messages/index.ts';
import { money, sumMoney, toMoneyString } from '../../domain/money.ts';
import { MUNICIPAL_TAX_KINDS, OPEN_STATUSES, type ClaimKind } from '../../domain/model.ts';
import { generatingSettings, reserveNoticeCodes } from '../creditors/notice-codes.ts';
import { regimeProblemForRevenue } from '../../domain/municipal/local-interest.ts';
import { comuneTaxTerms } from '../../domain/municipal/revenue-rules.ts';
import type { Regime } from '../../domain/interest/regimes.ts';
import { DEFAULT_LOCALE, type Locale } from '../../domain/messages/index.ts';
import { refreshDebtorProfiles } from '../risk/refresh-debtor-profiles.ts';

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
  // A comune's tax: the law's interest only (art. 1 c. 165 L. 296/2006), at the comune's points when
  // its regulation sets them — stored on the claim, so a later change of the regulation is not retroactive.
  const terms = municipalTerms(creditor, data);
  if (terms.problem) throw invalid([{ path: 'interestRegime', message: encodeMessage(terms.problem) }]);
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
  const components = data.components ?? [{ kind: 'principal' as const, amount: data.principal!, tributeCode: null }];
  const principal = toMoneyString(sumMoney(components.map((c) => c.amount)));
  if (data.principal !== undefined && !money(data.principal).eq(principal)) {
    throw invalid([fieldError('principal', 'claim.components_sum', { principal: amountParam(data.principal), sum: amountParam(principal) })]);
  }
  if (data.noticeCode) await assertNoticeCodeFree(trx, actor.tenantId, creditor.id, data.noticeCode);
  // A comune whose notices incasso generates as its technological partner: an open position without
  // a code gets the comune's next one (municipal-notes.md §2.1, §2.3).
  const status = data.status ?? 'open';
  const noticeCode =
    data.noticeCode ??
    (creditor.kind === 'public_entity' && generatingSettings(creditor.pagopa) && OPEN_STATUSES.includes(status)
      ? ((await reserveNoticeCodes(trx, actor.tenantId, creditor.id, 1))[0] ?? null)
      : null);
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
      principal,
      currency: data.currency,
      issue_date: data.issueDate ?? null,
      due_date: data.dueDate,
      contract_date: data.contractDate ?? null,
      tax_year: data.taxYear ?? null,
      jurisdiction: data.jurisdiction ?? (creditor.default_jurisdiction as 'IT'),
      interest_regime: terms.regime,
      judicial_claim_date: data.judicialClaimDate ?? null,
      interest_rate: data.interestRate ?? null,
      interest_base: terms.base,
      interest_spread: terms.spread,
      day_count: data.dayCount ?? 'act365',
      status,
      stage: data.stage ?? 'none',
      next_action_on: data.nextActionOn ?? null,
      act_kind: data.act?.kind ?? null,
      act_number: data.act?.number ?? null,
      act_date: data.act?.date ?? null,
      act_notified_on: data.act?.notifiedOn ?? null,
      act_enforceable_on: data.act?.enforceableOn ?? null,
      notice_code: noticeCode,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertComponents(trx, actor.tenantId, row.id, components);
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
  await refreshDebtorProfiles(trx, actor.tenantId, [debtor.id]);
  return view;
}

/**
 * The interest terms a new claim is stored with. A comune's tax without terms of its own runs at the
 * legal rate plus the comune's points (its regulation; 0 by default); terms the law excludes for a
 * tax (the commercial rate, art. 1284 c.4 c.c.) are refused with the law's reason.
 */
function municipalTerms(
  creditor: { kind: string; revenue_rules: Record<string, unknown> | null },
  data: { kind: ClaimKind; interestRegime?: Regime | null; interestBase?: Regime | null; interestSpread?: string | null; judicialClaimDate?: string | null },
) {
  const given = { regime: data.interestRegime ?? null, base: data.interestBase ?? null, spread: data.interestSpread ?? null };
  if (!(MUNICIPAL_TAX_KINDS as readonly string[]).includes(data.kind)) return { ...given, problem: null };
  const problem = regimeProblemForRevenue(data.kind as 'imu', {
    regime: given.regime ?? 'it-legal',
    base: given.base,
    spread: given.spread,
    judicialClaimDate: data.judicialClaimDate ?? null,
  });
  if (given.regime !== null || problem) return { ...given, problem };
  return { ...(comuneTaxTerms(creditor) ?? given), problem: null };
}
