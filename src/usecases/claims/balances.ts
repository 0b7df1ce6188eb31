import { sql } from 'kysely';
import { jsonRows } from '../../db/bulk-insert.ts';
import type { Db } from '../../db/connect.ts';
import { balanceAfterStatement, balanceDifferences, balanceFromLedger, rollBalance, type StoredBalance } from '../../domain/claims/balance.ts';
import { today } from '../../domain/dates.ts';
import type { RateBook } from '../../domain/interest/regimes.ts';
import { OPEN_STATUSES } from '../../domain/model.ts';
import { currentRateBook } from '../interest/rate-book.ts';
import { money } from '../../domain/money.ts';
import { ledgerAfterSettlement, loadLedgers, type ClaimLedger, type SettlementPlan } from './ledger.ts';

/**
 * The stored balance of claims (src/domain/claims/balance.ts): written from the ledger by every use
 * case that changes what a claim owes, in its transaction, and rolled forward to the new day by the
 * `balances` job. Readers (dashboard, lists, sorting, reports) use the stored figures.
 */

const CHUNK = 1000;

/**
 * `status in (…open…)` on claim_balances with the statuses as literals: the partial indexes of
 * migration 0012 are used only when the planner sees the same constants as their predicate.
 */
export const OPEN_BALANCE = sql<boolean>`status in (${sql.join(OPEN_STATUSES.map((s) => sql.lit(s)))})`;

/**
 * Recomputes the stored balance of the given claims of a tenant from their ledgers, to `asOf`
 * (default today). Callers hold the claims' locks when they write (a payment, a cost, new terms).
 */
export async function refreshBalances(trx: Db, tenantId: string, claimIds: readonly string[], asOf = today().toString()): Promise<void> {
  if (claimIds.length === 0) return;
  const book = await currentRateBook(trx);
  for (let i = 0; i < claimIds.length; i += CHUNK) {
    const ledgers = await loadLedgers(trx, { tenantId }, claimIds.slice(i, i + CHUNK));
    await writeBalances(
      trx,
      [...ledgers.values()].map((l) => ({ id: l.id, b: fromLedger(book, l, asOf) })),
    );
  }
}

const fromLedger = (book: RateBook, l: ClaimLedger, asOf: string): StoredBalance => balanceFromLedger(book, l.terms, l.payments, l.costs, asOf);

/**
 * Stores the balance of claims whose ledgers the caller holds as they now are (e.g.
 * `ledgerAfterSettlement` of what it just wrote), to `asOf` — {@link refreshBalances} without reading
 * the ledgers again. Callers hold the claims' locks.
 */
export async function storeBalances(trx: Db, book: RateBook, ledgers: readonly ClaimLedger[], asOf = today().toString()): Promise<void> {
  for (let i = 0; i < ledgers.length; i += CHUNK) {
    await writeBalances(
      trx,
      ledgers.slice(i, i + CHUNK).map((l) => ({ id: l.id, b: fromLedger(book, l, asOf) })),
    );
  }
}

/**
 * {@link storeBalances} for claims a batch just settled (`planSettlement`): each claim's ledger as
 * written (`ledgerAfterSettlement`), its balance rolled forward from the statement the settlement
 * computed up to the last payment when that statement is the ledger's as written (the usual case: the
 * new payment is the latest), else replayed from the ledger — the same figures, one engine run fewer.
 */
export async function storeSettledBalances(trx: Db, book: RateBook, plans: readonly SettlementPlan[], asOf = today().toString()): Promise<void> {
  const rows = plans.map((plan) => {
    const l = ledgerAfterSettlement(plan);
    const same =
      l.payments.length === plan.statementPayments.length &&
      l.payments.every((p, i) => {
        const q = plan.statementPayments[i]!;
        return p.paymentId === q.paymentId && p.date === q.date && money(p.amount).eq(q.amount);
      });
    const last = l.payments.length ? l.payments[l.payments.length - 1]!.date : null;
    const b = same && last !== null ? balanceAfterStatement(book, l.terms, l.payments, l.costs, plan.statement, last, asOf) : null;
    return { id: l.id, b: b ?? fromLedger(book, l, asOf), status: plan.after.status };
  });
  for (let i = 0; i < rows.length; i += CHUNK) await writeBalances(trx, rows.slice(i, i + CHUNK));
}

/**
 * Writes balances with one statement (`update … from unnest(…)`), whatever their number. With a
 * status (a settlement about to be written: `storeSettledBalances` runs before the claims update) the
 * row takes it too, so the claims update's trigger (`claims_balances_follow`) finds the balance
 * already following and writes no second row version.
 */
async function writeBalances(trx: Db, rows: { id: string; b: StoredBalance; status?: string }[]): Promise<void> {
  if (rows.length === 0) return;
  const v = jsonRows(rows, [
    ['uuid', (r) => r.id],
    ['numeric', (r) => r.b.principalDue],
    ['numeric', (r) => r.b.interestDue],
    ['numeric', (r) => r.b.costsDue],
    ['numeric', (r) => r.b.totalDue],
    ['numeric', (r) => r.b.partsDue],
    ['numeric', (r) => r.b.interestCarried],
    ['date', (r) => r.b.interestFrom],
    ['date', (r) => r.b.asOf],
    ['text', (r) => r.b.problem],
    ['text', (r) => r.status ?? null],
  ]);
  await sql`
    update claim_balances c set
      principal_due = ${v.at(1)}, interest_due = ${v.at(2)}, costs_due = ${v.at(3)}, total_due = ${v.at(4)}, parts_due = ${v.at(5)},
      interest_carried = ${v.at(6)}, interest_from = ${v.at(7)}, balance_on = ${v.at(8)}, balance_problem = ${v.at(9)},
      status = coalesce(${v.at(10)}, c.status)
    from ${v.from}
    where c.claim_id = ${v.at(0)}`.execute(trx);
}

export interface RollResult {
  asOf: string;
  /** Balances brought forward from their stored figures. */
  rolled: number;
  /** Balances computed from the ledger (new, migrated, or not yet overdue when last stored). */
  replayed: number;
  /** Claims another transaction held: the next run takes them. */
  skipped: number;
}

/**
 * Brings the stored balance of every open claim (and every claim never computed) of every tenant to
 * `asOf`: in chunks, each its own transaction, claims taken with FOR UPDATE SKIP LOCKED so a payment
 * being booked is never overwritten with older figures (its own transaction writes them).
 */
export async function rollBalances(db: Db, asOf = today().toString(), chunk = 2000): Promise<RollResult> {
  const result: RollResult = { asOf, rolled: 0, replayed: 0, skipped: 0 };
  // Nothing stale (the normal case between nights): two probes of partial indexes.
  const { rows: stale } = await sql<{ any: boolean }>`
    select exists (select 1 from claim_balances where balance_on is null)
        or exists (select 1 from claim_balances where balance_on < ${asOf}::date and ${OPEN_BALANCE}) as any`.execute(db);
  if (!stale[0]?.any) return result;
  const book = await currentRateBook(db);
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const done = await db.transaction().execute(async (trx) => {
      const ids = await trx
        .selectFrom('claim_balances')
        .select('claim_id as id')
        .where('claim_id', '>', after)
        .where((eb) => eb.or([eb('balance_on', 'is', null), eb.and([eb('balance_on', '<', asOf), OPEN_BALANCE])]))
        .orderBy('claim_id')
        .limit(chunk)
        .execute();
      if (ids.length === 0) return true;
      after = ids[ids.length - 1]!.id;
      // The claims are locked (as a payment being booked locks them): a balance is never overwritten
      // with figures older than the booking's.
      const rows = await storedSelect(trx)
        .where(
          'c.id',
          'in',
          ids.map((r) => r.id),
        )
        .forUpdate('c')
        .skipLocked()
        .execute();
      result.skipped += ids.length - rows.length;
      const byTenant = new Map<string, typeof rows>();
      for (const r of rows) byTenant.set(r.tenant_id, [...(byTenant.get(r.tenant_id) ?? []), r]);
      const out: { id: string; b: StoredBalance }[] = [];
      for (const [tenantId, list] of byTenant) {
        // Terms are enough to roll; the ledger is read only for the claims that need a replay.
        const terms = await loadLedgers(trx, { tenantId }, list.map((r) => r.id), { history: false });
        const replay: string[] = [];
        for (const r of list) {
          const stored = r.balance_on === null ? null : storedOf(r);
          const rolled = stored && rollBalance(book, terms.get(r.id)!.terms, stored, asOf);
          if (rolled) {
            result.rolled++;
            if (rolled !== stored) out.push({ id: r.id, b: rolled });
          } else replay.push(r.id);
        }
        if (replay.length) {
          const ledgers = await loadLedgers(trx, { tenantId }, replay);
          for (const id of replay) out.push({ id, b: fromLedger(book, ledgers.get(id)!, asOf) });
          result.replayed += replay.length;
        }
      }
      await writeBalances(trx, out);
      return false;
    });
    if (done) return result;
  }
}

/** A claim with its stored balance (the paid sums are the claim's, settled with its payments). */
function storedSelect(db: Db) {
  return db
    .selectFrom('claims as c')
    .innerJoin('claim_balances as b', 'b.claim_id', 'c.id')
    .select([
      'c.id',
      'c.tenant_id',
      'c.external_ref',
      'b.balance_on',
      'c.principal_paid',
      'c.interest_paid',
      'c.costs_paid',
      'b.principal_due',
      'b.interest_due',
      'b.costs_due',
      'b.total_due',
      'b.parts_due',
      'b.interest_carried',
      'b.interest_from',
      'b.balance_problem',
    ]);
}

interface StoredRow {
  balance_on: string | null;
  principal_paid: string;
  interest_paid: string;
  costs_paid: string;
  principal_due: string;
  interest_due: string;
  costs_due: string;
  total_due: string;
  parts_due: string;
  interest_carried: string;
  interest_from: string;
  balance_problem: string | null;
}

function storedOf(r: StoredRow): StoredBalance {
  return {
    asOf: r.balance_on!,
    principalPaid: r.principal_paid,
    interestPaid: r.interest_paid,
    costsPaid: r.costs_paid,
    principalDue: r.principal_due,
    interestDue: r.interest_due,
    costsDue: r.costs_due,
    totalDue: r.total_due,
    partsDue: r.parts_due,
    interestCarried: r.interest_carried,
    interestFrom: r.interest_from,
    problem: r.balance_problem,
  };
}

export interface BalanceDifference {
  tenantId: string;
  claimId: string;
  externalRef: string;
  differences: string[];
}

/**
 * Compares every claim's stored balance with the engine on its whole ledger, to the stored day
 * (`incasso check balances`). A claim never computed is reported as such.
 */
export async function checkBalances(db: Db, opts: { tenantId?: string; chunk?: number } = {}): Promise<{ checked: number; differences: BalanceDifference[] }> {
  const chunk = opts.chunk ?? 2000;
  const book = await currentRateBook(db);
  const differences: BalanceDifference[] = [];
  let checked = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    let q = storedSelect(db).where('c.id', '>', after).orderBy('c.id').limit(chunk);
    if (opts.tenantId) q = q.where('c.tenant_id', '=', opts.tenantId);
    const rows = await q.execute();
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    const byTenant = new Map<string, typeof rows>();
    for (const r of rows) byTenant.set(r.tenant_id, [...(byTenant.get(r.tenant_id) ?? []), r]);
    for (const [tenantId, list] of byTenant) {
      const ledgers = await loadLedgers(db, { tenantId }, list.map((r) => r.id));
      for (const r of list) {
        checked++;
        if (r.balance_on === null) {
          differences.push({ tenantId, claimId: r.id, externalRef: r.external_ref, differences: ['balance_on: not computed'] });
          continue;
        }
        const stored = storedOf(r);
        const diff = balanceDifferences(stored, fromLedger(book, ledgers.get(r.id)!, stored.asOf));
        if (diff.length) differences.push({ tenantId, claimId: r.id, externalRef: r.external_ref, differences: diff });
      }
    }
  }
  return { checked, differences };
}
