import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import { today } from '../../domain/dates.ts';
import { currentRateBook } from '../interest/rate-book.ts';
import { balanceOf, loadLedgers, type ClaimLedger } from './ledger.ts';
import type { ClaimRow, ClaimView } from './schema.ts';
import { defaultRegime } from '../../domain/interest/claim-ledger.ts';
import { money, toMoneyString } from '../../domain/money.ts';
import type { DebtorKind, Jurisdiction } from '../../domain/model.ts';
import { DEFAULT_LOCALE, decodeMessage, translate, type Locale } from '../../domain/messages/index.ts';

/** Claims joined with the names people recognise them by, scoped to what the actor may see. */
export function claimsQuery(db: Db, actor: Actor) {
  let q = db
    .selectFrom('claims as c')
    .innerJoin('debtors as d', (j) => j.onRef('d.id', '=', 'c.debtor_id').onRef('d.tenant_id', '=', 'c.tenant_id'))
    .innerJoin('creditors as k', (j) => j.onRef('k.id', '=', 'c.creditor_id').onRef('k.tenant_id', '=', 'c.tenant_id'))
    .innerJoin('claim_balances as b', 'b.claim_id', 'c.id')
    .where('c.tenant_id', '=', actor.tenantId);
  if (actor.creditorId !== null) q = q.where('c.creditor_id', '=', actor.creditorId);
  return q;
}

export function selectClaimView(q: ReturnType<typeof claimsQuery>) {
  return q.select([
    'c.id',
    'c.creditor_id as creditorId',
    'k.name as creditorName',
    'c.debtor_id as debtorId',
    'd.display_name as debtorName',
    'c.external_ref as externalRef',
    'c.kind',
    'c.description',
    'c.principal',
    'c.principal_paid as principalPaid',
    'c.interest_paid as interestPaid',
    'c.costs_paid as costsPaid',
    sql<string>`round(c.principal_paid + c.interest_paid + c.costs_paid, 2)::text`.as('totalPaid'),
    'b.total_due as totalDue',
    'b.balance_on as balanceOn',
    // The rest of the stored balance, read by withBalances and not shown as such.
    'b.principal_due as storedPrincipalDue',
    'b.interest_due as storedInterestDue',
    'b.costs_due as storedCostsDue',
    'b.balance_problem as storedProblem',
    'd.kind as storedDebtorKind',
    'c.currency',
    'c.issue_date as issueDate',
    'c.due_date as dueDate',
    'c.contract_date as contractDate',
    'c.tax_year as taxYear',
    'c.jurisdiction',
    'c.interest_regime as interestRegime',
    'c.judicial_claim_date as judicialClaimDate',
    sql<string | null>`trim_scale(c.interest_rate)::text`.as('interestRate'),
    'c.interest_base as interestBase',
    sql<string | null>`trim_scale(c.interest_spread)::text`.as('interestSpread'),
    'c.day_count as dayCount',
    'c.status',
    'c.stage',
    'c.next_action_on as nextActionOn',
    'c.closed_on as closedOn',
    sql<ClaimView['act']>`case when c.act_kind is null then null else json_build_object('kind', c.act_kind, 'number', c.act_number,
      'date', c.act_date, 'notifiedOn', c.act_notified_on, 'enforceableOn', c.act_enforceable_on) end`.as('act'),
    'c.notice_code as noticeCode',
    'c.version',
    sql<string>`to_char(c.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`.as('createdAt'),
    sql<string>`to_char(c.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`.as('updatedAt'),
  ]);
}

export async function fetchClaimView(db: Db, actor: Actor, id: string, asOf?: string, locale: Locale = DEFAULT_LOCALE): Promise<ClaimView | undefined> {
  const row = await selectClaimView(claimsQuery(db, actor).where('c.id', '=', id)).executeTakeFirst();
  if (!row) return undefined;
  const [view] = await withBalances(db, actor, [row as ClaimRowWithStored], asOf, false, locale);
  const components = await db
    .selectFrom('claim_components')
    .select([
      'id',
      'position',
      'kind',
      'amount',
      'accrues_interest as accruesInterest',
      'paid',
      'waived',
      sql<string>`(amount - paid - waived)::numeric(15,2)::text`.as('due'),
      'tribute_code as tributeCode',
    ])
    .where('tenant_id', '=', actor.tenantId)
    .where('claim_id', '=', id)
    .orderBy('position')
    .execute();
  return { ...view!, components: components as NonNullable<ClaimView['components']> };
}

/** The stored balance columns a claim row carries for `withBalances`. */
interface StoredColumns {
  storedPrincipalDue: string;
  storedInterestDue: string;
  storedCostsDue: string;
  storedProblem: string | null;
  storedDebtorKind: DebtorKind;
}
export type ClaimRowWithStored = ClaimRow & StoredColumns;

/**
 * Adds to each claim what it owes on `asOf` (default today): interest, costs, principal, total. A
 * claim whose stored balance is of that day reads it (src/domain/claims/balance.ts, kept equal to the
 * engine by every write and the daily roll-forward); any other day is computed by the interest engine
 * on the current rate tables from the claim's ledger (lists use its fast path, same figures). Why a
 * balance could not be computed is worded in `locale`.
 */
export async function withBalances(
  db: Db,
  actor: Actor,
  rows: ClaimRowWithStored[],
  asOf?: string,
  fast = false,
  locale: Locale = DEFAULT_LOCALE,
): Promise<ClaimView[]> {
  if (rows.length === 0) return [];
  const day = asOf ?? today().toString();
  const computed = rows.filter((r) => r.balanceOn !== day);
  const book = computed.length ? await currentRateBook(db) : null;
  const ledgers = computed.length ? await loadLedgers(db, actor, computed.map((r) => r.id)) : new Map<string, ClaimLedger>();
  return rows.map(({ storedPrincipalDue, storedInterestDue, storedCostsDue, storedProblem, storedDebtorKind, ...r }) => {
    const l = ledgers.get(r.id);
    if (!l) {
      return {
        ...r,
        balance: {
          asOf: day,
          regime: r.interestRegime ?? defaultRegime(r.jurisdiction as Jurisdiction, r.kind, storedDebtorKind),
          regimeIsDefault: r.interestRegime === null,
          interest: toMoneyString(money(r.interestPaid).plus(storedInterestDue)),
          interestDue: toMoneyString(storedInterestDue),
          costs: toMoneyString(money(r.costsPaid).plus(storedCostsDue)),
          costsDue: toMoneyString(storedCostsDue),
          principalDue: toMoneyString(storedPrincipalDue),
          totalDue: toMoneyString(r.totalDue),
          ratesKnownUntil: null,
          problem: storedProblem === null ? null : translate(decodeMessage(storedProblem), locale),
        },
      } as ClaimView;
    }
    const b = balanceOf(book!, l, day, fast);
    return {
      ...r,
      balance: {
        asOf: b.asOf,
        regime: b.regime,
        regimeIsDefault: l.terms.interestRegime === null,
        interest: b.interest,
        interestDue: b.interestDue,
        costs: b.costs,
        costsDue: b.costsDue,
        principalDue: b.principalDue,
        totalDue: b.totalDue,
        ratesKnownUntil: b.ratesKnownUntil,
        problem: b.problem && translate(b.problem, locale),
      },
    };
  });
}
