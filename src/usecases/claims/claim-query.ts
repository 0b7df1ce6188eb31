import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import { today } from '../../domain/dates.ts';
import { currentRateBook } from '../interest/rate-book.ts';
import { balanceOf, loadLedgers } from './ledger.ts';
import type { ClaimRow, ClaimView } from './schema.ts';
import { DEFAULT_LOCALE, translate, type Locale } from '../../domain/messages/index.ts';

/** Claims joined with the names people recognise them by, scoped to what the actor may see. */
export function claimsQuery(db: Db, actor: Actor) {
  let q = db
    .selectFrom('claims as c')
    .innerJoin('debtors as d', (j) => j.onRef('d.id', '=', 'c.debtor_id').onRef('d.tenant_id', '=', 'c.tenant_id'))
    .innerJoin('creditors as k', (j) => j.onRef('k.id', '=', 'c.creditor_id').onRef('k.tenant_id', '=', 'c.tenant_id'))
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
    'c.amount_paid as amountPaid',
    'c.interest_paid as interestPaid',
    'c.costs_paid as costsPaid',
    sql<string>`round(c.amount_paid + c.interest_paid + c.costs_paid, 2)::text`.as('totalPaid'),
    sql<string>`round(c.principal - c.amount_paid, 2)::text`.as('outstanding'),
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
    'c.version',
    sql<string>`to_char(c.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`.as('createdAt'),
    sql<string>`to_char(c.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`.as('updatedAt'),
  ]);
}

export async function fetchClaimView(db: Db, actor: Actor, id: string, asOf?: string, locale: Locale = DEFAULT_LOCALE): Promise<ClaimView | undefined> {
  const row = await selectClaimView(claimsQuery(db, actor).where('c.id', '=', id)).executeTakeFirst();
  if (!row) return undefined;
  return (await withBalances(db, actor, [row as ClaimRow], asOf, false, locale))[0];
}

/**
 * Adds to each claim what it owes on `asOf` (default today): interest, costs, principal, total, by the
 * interest engine on the current rate tables. Lists use the fast path, which gives the same figures.
 * Why a balance could not be computed is worded in `locale`.
 */
export async function withBalances(db: Db, actor: Actor, rows: ClaimRow[], asOf?: string, fast = false, locale: Locale = DEFAULT_LOCALE): Promise<ClaimView[]> {
  if (rows.length === 0) return [];
  const day = asOf ?? today().toString();
  const book = await currentRateBook(db);
  const ledgers = await loadLedgers(db, actor, rows.map((r) => r.id));
  return rows.map((r) => {
    const l = ledgers.get(r.id)!;
    const b = balanceOf(book, l, day, fast);
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
