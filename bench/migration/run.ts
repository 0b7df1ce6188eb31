/**
 * Migration 0012 on a large portfolio (README.md): every claim's statement, to the cent, is the same
 * before the claim became one principal component and after.
 *
 * 1. A scratch database is brought to 0011 (the schema before 0012) and filled with plain SQL the way
 *    the code of that time wrote it: claims with every kind of interest terms, costs (some waived),
 *    payments — some split over two claims of a debtor, some more than the claim owed — booked and then
 *    settled as the pre-0012 `settleClaim` did (the engine's split into costs / interest / principal
 *    rows, `amount_paid`, `interest_paid`, `costs_paid`, status, closed_on), a few older principal-only
 *    allocations and reversed payments.
 * 2. BEFORE: every claim's statement computed by the engine from rows read here with our own SQL
 *    against the 0011 columns (not the product's loader, which reads the new ones), with its allocation
 *    rows and paid sums, stored as a digest per claim in the scratch database.
 * 3. `migrateToLatest`, then AFTER: every claim's statement as the product computes it now
 *    (`loadLedgers` + `claimStatement`, what `getClaimStatement` runs; the use case itself on one
 *    claim in 100, at most 1,000), the stored balances from `refreshBalances` against the BEFORE figures, and the
 *    principal component of each claim against its principal and what was paid on it.
 *
 * Prints the first 20 differences with both sides and exits 1 on any.
 *
 *   npx tsx bench/migration/run.ts [--claims 100000] [--keep] [--corrupt N] [--pglite] [--database URL]
 *
 * PostgreSQL: a scratch database incasso_migtest_<pid> on DATABASE_URL's server (default
 * postgres://incasso:incasso@127.0.0.1:5432/postgres), dropped at the end unless --keep; `--database URL`
 * uses that (empty) database as it is. `--pglite`: the embedded engine, in memory.
 * `--corrupt N`: after the migration, changes N allocation rows by one cent (the run must then fail).
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/connect.ts';
import { migrateTo, migrateToLatest } from '../../src/db/migrate.ts';
import { createPglite } from '../../src/db/pglite.ts';
import { claimStatement, splitPayments, type ClaimCost, type ClaimPayment, type ClaimTerms } from '../../src/domain/interest/claim-ledger.ts';
import { InterestInputError, type Statement } from '../../src/domain/interest/compute.ts';
import type { DayCount } from '../../src/domain/interest/day-count.ts';
import { trimRate } from '../../src/domain/interest/rate-table.ts';
import type { RateBook, Regime } from '../../src/domain/interest/regimes.ts';
import { AppError } from '../../src/domain/errors.ts';
import { money, toMoneyString } from '../../src/domain/money.ts';
import type { AllocationOrder, ClaimKind, ClaimStatus, Currency, DebtorKind, Jurisdiction } from '../../src/domain/model.ts';
import { systemActor } from '../../src/domain/policies.ts';
import { refreshBalances } from '../../src/usecases/claims/balances.ts';
import { getClaimStatement } from '../../src/usecases/claims/get-claim-statement.ts';
import { loadLedgers } from '../../src/usecases/claims/ledger.ts';
import { shippedRateBook } from '../../src/usecases/interest/rate-book.ts';

const argv = process.argv.slice(2);
const value = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const CLAIMS = Number(value('claims') ?? 100_000);
const CORRUPT = Number(value('corrupt') ?? 0);
const KEEP = argv.includes('--keep');
const PGLITE = argv.includes('--pglite');
const GIVEN = value('database');
if (!Number.isSafeInteger(CLAIMS) || CLAIMS < 8 || !Number.isSafeInteger(CORRUPT) || CORRUPT < 0) {
  console.error('usage: npx tsx bench/migration/run.ts [--claims 100000] [--keep] [--corrupt N] [--pglite] [--database URL]');
  process.exit(2);
}
/** The day every statement runs to (fixed, so runs compare). */
const DAY = value('as-of') ?? '2026-11-30';
const PER_DEBTOR = 4;
const DEBTORS = Math.ceil(CLAIMS / PER_DEBTOR);
const CHUNK = 2000;

const t00 = performance.now();
const phases: [string, number][] = [];
async function phase<T>(label: string, f: () => Promise<T>): Promise<T> {
  const t = performance.now();
  const out = await f();
  const s = (performance.now() - t) / 1000;
  phases.push([label, s]);
  console.log(`${label.padEnd(64)} ${s.toFixed(1).padStart(7)} s`);
  return out;
}

// ---------------------------------------------------------------------------------------------------
// The database.
let database: Database;
let cleanup: () => Promise<void>;
let where: string;
if (PGLITE) {
  const pglite = await createPglite();
  database = await openDatabase({ pglite });
  cleanup = async () => {
    await database.close();
    await pglite.close();
  };
  where = 'PGlite (embedded, in memory)';
} else if (GIVEN) {
  database = await openDatabase({ databaseUrl: GIVEN, poolMax: 4 });
  cleanup = () => database.close();
  where = `PostgreSQL ${new URL(GIVEN).pathname.slice(1)}`;
} else {
  const server = process.env.DATABASE_URL || 'postgres://incasso:incasso@127.0.0.1:5432/postgres';
  const name = `incasso_migtest_${process.pid}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  database = await openDatabase({ databaseUrl: url.toString(), poolMax: 4 });
  cleanup = async () => {
    await database.close();
    if (KEEP) console.log(`kept database ${name}`);
    else await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
  where = `PostgreSQL ${name}`;
}
const db = database.db;
/** Statements are computed with the shipped rate tables (no period is entered in a scratch database). */
const book: RateBook = shippedRateBook();

// ---------------------------------------------------------------------------------------------------
// The claims as the 0011 schema holds them, read with our own SQL (never the product's loader).
interface OldLedger {
  id: string;
  tenantId: string;
  status: ClaimStatus;
  closedOn: string | null;
  amountPaid: string;
  interestPaid: string;
  costsPaid: string;
  terms: ClaimTerms;
  payments: ClaimPayment[];
  costs: ClaimCost[];
  /** Older rows: one principal-only allocation per payment, written without the engine. */
  legacy: boolean;
}

interface OldClaimRow {
  id: string;
  tenant_id: string;
  status: string;
  closed_on: string | null;
  amount_paid: string;
  interest_paid: string;
  costs_paid: string;
  principal: string;
  currency: string;
  due_date: string;
  jurisdiction: string;
  kind: string;
  debtor_kind: string;
  interest_regime: string | null;
  contract_date: string | null;
  judicial_claim_date: string | null;
  interest_rate: string | null;
  interest_base: string | null;
  interest_spread: string | null;
  day_count: string;
  flat_compensation: boolean;
  allocation_order: string;
  legacy: boolean;
}

/**
 * A chunk of claims (ids after `after`, in id order) with what the engine needs, from the 0011 columns.
 * `from`: the payments as allocation rows (what is stored), or as the bookings generated here (before
 * they were settled).
 */
async function readOld(after: string, from: 'allocations' | 'bookings'): Promise<OldLedger[]> {
  const { rows } = await sql<OldClaimRow>`
    select c.id, c.tenant_id, c.status, c.closed_on::text, c.amount_paid::text, c.interest_paid::text, c.costs_paid::text,
           c.principal::text, c.currency, c.due_date::text, c.jurisdiction, c.kind, d.kind as debtor_kind, c.interest_regime,
           c.contract_date::text, c.judicial_claim_date::text, c.interest_rate::text, c.interest_base, c.interest_spread::text, c.day_count,
           k.flat_compensation, k.allocation_order,
           ${from === 'bookings' ? sql`exists (select 1 from bench_bookings b where b.claim_id = c.id and b.legacy)` : sql`false`} as legacy
      from claims c
      join debtors d on d.id = c.debtor_id and d.tenant_id = c.tenant_id
      join creditors k on k.id = c.creditor_id and k.tenant_id = c.tenant_id
     where c.id > ${after}::uuid
     order by c.id
     limit ${CHUNK}`.execute(db);
  const out = new Map<string, OldLedger>();
  for (const c of rows) {
    out.set(c.id, {
      id: c.id,
      tenantId: c.tenant_id,
      status: c.status as ClaimStatus,
      closedOn: c.closed_on,
      amountPaid: c.amount_paid,
      interestPaid: c.interest_paid,
      costsPaid: c.costs_paid,
      legacy: c.legacy,
      terms: {
        principal: c.principal,
        currency: c.currency as Currency,
        dueDate: c.due_date,
        jurisdiction: c.jurisdiction as Jurisdiction,
        kind: c.kind as ClaimKind,
        debtorKind: c.debtor_kind as DebtorKind,
        interestRegime: c.interest_regime as Regime | null,
        contractDate: c.contract_date,
        judicialClaimDate: c.judicial_claim_date,
        interestRate: c.interest_rate === null ? null : trimRate(c.interest_rate),
        interestBase: c.interest_base as Regime | null,
        interestSpread: c.interest_spread === null ? null : trimRate(c.interest_spread),
        dayCount: c.day_count as DayCount,
        flatCompensation: c.flat_compensation,
        allocationOrder: c.allocation_order as AllocationOrder,
      },
      payments: [],
      costs: [],
    });
  }
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  // What each payment gave the claim: the sum of its rows, payments in booking order (value date,
  // booking time, id), reversed payments left out — as the 0011 loader read them.
  const { rows: pays } =
    from === 'allocations'
      ? await sql<{ claim_id: string; payment_id: string; value_date: string; amount: string }>`
          select a.claim_id, a.payment_id, p.value_date::text, sum(a.amount)::text as amount
            from payment_allocations a join payments p on p.id = a.payment_id and p.tenant_id = a.tenant_id
           where a.claim_id = any(${ids}::uuid[]) and p.reversed_at is null
           group by a.claim_id, a.payment_id, p.value_date, p.created_at
           order by p.value_date, p.created_at, a.payment_id`.execute(db)
      : await sql<{ claim_id: string; payment_id: string; value_date: string; amount: string }>`
          select b.claim_id, b.payment_id, p.value_date::text, b.amount::text
            from bench_bookings b join payments p on p.id = b.payment_id
           where b.claim_id = any(${ids}::uuid[])
           order by p.value_date, p.created_at, b.payment_id`.execute(db);
  for (const p of pays) out.get(p.claim_id)!.payments.push({ paymentId: p.payment_id, date: p.value_date, amount: toMoneyString(money(p.amount)) });
  const { rows: costs } = await sql<{ claim_id: string; incurred_on: string; amount: string; label: string }>`
    select claim_id, incurred_on::text, amount::text, label from claim_costs
     where claim_id = any(${ids}::uuid[]) and waived_on is null
     order by incurred_on, created_at`.execute(db);
  for (const k of costs) out.get(k.claim_id)!.costs.push({ date: k.incurred_on, amount: k.amount, label: k.label });
  return [...out.values()];
}

/** Every allocation row of the claims (reversed payments' too), as text: the history that must not change. */
async function allocationRows(ids: string[]): Promise<Map<string, string>> {
  const { rows } = await sql<{ claim_id: string; rows: string }>`
    select claim_id, string_agg(concat_ws(':', payment_id, component, amount), ',' order by payment_id, component, amount) as rows
      from payment_allocations where claim_id = any(${ids}::uuid[]) group by claim_id`.execute(db);
  return new Map(rows.map((r) => [r.claim_id, r.rows]));
}

// ---------------------------------------------------------------------------------------------------
// A claim's digest: the figures printed on a difference, and a hash of the whole statement.
interface Figures {
  totalDue: string;
  interest: string;
  interestPaid: string;
  interestDue: string;
  principalPaid: string;
  principalDue: string;
  costs: string;
  costsPaid: string;
  costsDue: string;
  status: string;
  /** The claim's stored sums: principal (amount_paid, now principal_paid), interest, costs. */
  paidColumns: string;
  allocations: string;
  error: string | null;
}
interface Digest {
  hash: string;
  figures: Figures;
}

function statementOf(terms: ClaimTerms, payments: ClaimPayment[], costs: ClaimCost[]): Statement | { error: string } {
  try {
    return claimStatement(book, terms, payments, costs, DAY).statement;
  } catch (err) {
    if (err instanceof InterestInputError) return { error: err.msg.code };
    throw err;
  }
}

function digestOf(s: Statement | { error: string }, status: string, paid: [string, string, string], allocations: string): Digest {
  const e = 'error' in s ? s : null;
  const st = e ? null : (s as Statement);
  const figures: Figures = {
    totalDue: st?.totalDue ?? '',
    interest: st?.interest ?? '',
    interestPaid: st?.interestPaid ?? '',
    interestDue: st?.interestDue ?? '',
    principalPaid: st?.principalPaid ?? '',
    principalDue: st?.principalDue ?? '',
    costs: st?.costs ?? '',
    costsPaid: st?.costsPaid ?? '',
    costsDue: st?.costsDue ?? '',
    status,
    paidColumns: paid.join('/'),
    allocations,
    error: e?.error ?? null,
  };
  const hash = createHash('sha256').update(JSON.stringify(s)).update(JSON.stringify(figures)).digest('base64url');
  return { hash, figures };
}

// ---------------------------------------------------------------------------------------------------
// 1. Generation against the 0011 schema.
async function generate(): Promise<void> {
  const t1 = await sql<{ id: string }>`insert into tenants (slug, name, kind) values ('migtest', 'Migtest Recuperi', 'agency') returning id`.execute(db);
  const t2 = await sql<{ id: string }>`insert into tenants (slug, name, kind) values ('migtest-own', 'Migtest Utility S.p.A.', 'company') returning id`.execute(db);
  const [a, b] = [t1.rows[0]!.id, t2.rows[0]!.id];
  // Creditors: an Italian supplier (costs, interest, principal: art. 1194 c.c.), a municipality (taxes
  // and fines), a Swiss one in CHF, a German and a French one with other allocation orders, and the
  // second tenant's own (no €40 flat compensation claimed).
  const creditors = await sql<{ id: string }>`
    insert into creditors (tenant_id, name, kind, country, default_currency, default_jurisdiction, allocation_order, flat_compensation)
    values (${a}, 'Forniture Alfa S.p.A.', 'company', 'IT', 'EUR', 'IT', 'costs,interest,principal', true),
           (${a}, 'Comune di Borgo', 'public_entity', 'IT', 'EUR', 'IT', 'interest,costs,principal', false),
           (${a}, 'Alpenblick AG', 'company', 'CH', 'CHF', 'CH', 'costs,interest,principal', false),
           (${a}, 'Nordhandel GmbH', 'company', 'DE', 'EUR', 'DE', 'costs,interest,principal', true),
           (${a}, 'Maison Lyon SARL', 'company', 'FR', 'EUR', 'FR', 'principal,costs,interest', true),
           (${b}, 'Migtest Utility S.p.A.', 'company', 'IT', 'EUR', 'IT', 'interest,principal,costs', false)
    returning id`.execute(db);
  const k = creditors.rows.map((r) => r.id);
  // Debtor n: tenant and creditor by n % 20 (half the Italian supplier's), kind by n.
  await sql`
    insert into debtors (tenant_id, kind, display_name, first_name, last_name, company_name, tax_code, vat_number, language, external_ref)
    select case when n % 20 >= 18 then ${b}::uuid else ${a}::uuid end, kind,
           case when kind = 'consumer' then 'Rossi' || n || ' Mario' else 'Impresa ' || n || ' S.r.l.' end,
           case when kind = 'consumer' then 'Mario' end, case when kind = 'consumer' then 'Rossi' || n end,
           case when kind <> 'consumer' then 'Impresa ' || n || ' S.r.l.' end,
           case when kind = 'consumer' then 'MGT' || lpad(n::text, 13, '0') end,
           case when kind <> 'consumer' then lpad(n::text, 11, '0') end,
           case when n % 20 in (13, 14, 15, 16) then 'de' when n % 20 = 17 then 'fr' else 'it' end, 'D' || n
      from (select n, case when n % 3 = 0 then 'company' when n % 7 = 1 then 'sole_trader' when n % 11 = 5 then 'public_administration'
                           else 'consumer' end as kind
              from generate_series(1, ${DEBTORS}) n) g`.execute(db);
  // Claims: four per debtor; g numbers them, h1…h10 are its dice (0…999).
  await sql`
    insert into claims (tenant_id, creditor_id, debtor_id, external_ref, kind, principal, currency, issue_date, due_date, contract_date,
                        jurisdiction, interest_regime, judicial_claim_date, interest_rate, interest_base, interest_spread, day_count,
                        status, stage, closed_on, hold_until, hold_reason)
    select tenant_id, creditor_id, debtor_id, 'MT-' || lpad(g::text, 8, '0'), kind, principal, currency, due_date - 30, due_date,
           case when h8 < 200 then due_date - (30 + h8 * 9) end,
           jurisdiction, regime,
           case when jurisdiction = 'IT' and coalesce(regime, 'it-legal') = 'it-legal' and h8 >= 950 then least(due_date + 200 + h3, ${DAY}::date) end,
           case when regime = 'fixed' then ((100 + (h4 * 11) % 1100) / 100.0)::numeric(7,4) end,
           case when regime = 'spread' then case when dk <> 'consumer' and h4 % 2 = 0 then 'it-commercial' else 'it-legal' end end,
           case when regime = 'spread' then (((h4 % 600) - 100) / 100.0)::numeric(7,4) end,
           case when regime in ('fixed', 'spread') then (array['act365', 'act360', '30e360', 'act366'])[1 + h5 % 4] else 'act365' end,
           status, case status when 'legal' then 'legal' when 'in_collection' then 'formal' else 'none' end,
           case when status in ('written_off', 'returned') then least(due_date + 400, ${DAY}::date) end,
           case when h10 < 50 then ${DAY}::date + 30 end, case when h10 < 50 then 'Contestazione in verifica' end
      from (select *,
                   case cr
                     when 3 then case when h2 < 300 then 'ch' end
                     when 4 then case when h2 < 200 then case when dk = 'consumer' then 'de-consumer' else 'de-business' end
                                      when h2 < 260 then 'fixed' end
                     when 5 then case when h2 < 100 and dk = 'consumer' then 'fr-legal-private' when h2 < 150 and dk <> 'consumer' then 'fr-commercial' end
                     else case when h2 < 450 then null when h2 < 550 then 'it-legal'
                               when h2 < 630 then case when dk <> 'consumer' or h3 < 20 then 'it-commercial' else 'it-legal' end
                               when h2 < 730 then 'fixed' when h2 < 800 then 'spread' when h2 < 850 then 'none' end
                   end as regime,
                   case when cr = 2 then (array['imu', 'tari', 'cds_fine', 'cup'])[1 + h1 % 4] when h1 < 50 then 'other' else 'invoice' end as kind,
                   case when cr = 3 then 'CHF' else 'EUR' end as currency,
                   case cr when 3 then 'CH' when 4 then 'DE' when 5 then 'FR' else 'IT' end as jurisdiction,
                   ((1000 + (g * 7919 + h1 * 104729) % 4999000) / 100.0)::numeric(15,2) as principal,
                   date '2012-01-01' + ((h6 * 5 + h7) % 5380) as due_date,
                   case when h9 < 550 then 'open' when h9 < 700 then 'in_collection' when h9 < 760 then 'promised' when h9 < 800 then 'in_plan'
                        when h9 < 850 then 'disputed' when h9 < 900 then 'legal' when h9 < 950 then 'written_off' when h9 < 970 then 'returned'
                        else 'open' end as status
              from (select d.tenant_id, d.id as debtor_id, d.kind as dk, g,
                           case when n % 20 < 10 then 1 when n % 20 < 13 then 2 when n % 20 < 15 then 3 when n % 20 < 17 then 4 when n % 20 = 17 then 5 else 6 end as cr,
                           (${k}::uuid[])[case when n % 20 < 10 then 1 when n % 20 < 13 then 2 when n % 20 < 15 then 3 when n % 20 < 17 then 4 when n % 20 = 17 then 5 else 6 end] as creditor_id,
                           abs(hashtext(g || 'a')) % 1000 as h1, abs(hashtext(g || 'b')) % 1000 as h2, abs(hashtext(g || 'c')) % 1000 as h3,
                           abs(hashtext(g || 'd')) % 1000 as h4, abs(hashtext(g || 'e')) % 1000 as h5, abs(hashtext(g || 'f')) % 1000 as h6,
                           abs(hashtext(g || 'g')) % 1000 as h7, abs(hashtext(g || 'h')) % 1000 as h8, abs(hashtext(g || 'i')) % 1000 as h9,
                           abs(hashtext(g || 'j')) % 1000 as h10
                      from (select id, tenant_id, kind, substr(external_ref, 2)::int as n from debtors) d,
                           generate_series(1, ${PER_DEBTOR}) j, lateral (select (d.n - 1) * ${PER_DEBTOR} + j as g) x
                     where g <= ${CLAIMS}) dice) terms`.execute(db);
  // Costs: a reminder fee on three claims in ten, a collection cost on some of them; one in seven waived.
  await sql`
    insert into claim_costs (tenant_id, claim_id, kind, label, amount, incurred_on, source_key, waived_on, waiver_reason)
    select tenant_id, id, case when j = 1 then 'reminder_fee' else 'collection_cost' end,
           case when j = 1 then 'Spese di sollecito' else 'Spese di recupero' end,
           case when j = 1 then 5 + hc % 11 else greatest(1, round(principal * (2 + hc % 8) / 100, 2)) end,
           due_date + 30 + 90 * j, 'mt:' || external_ref || ':' || j,
           case when hw < 150 then least(due_date + 50 + 90 * j, ${DAY}::date) end,
           case when hw < 150 then 'Rinuncia concordata con il debitore' end
      from (select c.*, j, abs(hashtext(external_ref || 'cost')) % 1000 as h, abs(hashtext(external_ref || 'c' || j)) % 1000 as hc,
                   abs(hashtext(external_ref || 'w' || j)) % 1000 as hw
              from claims c, generate_series(1, 2) j) c
     where h < 300 and (j = 1 or h < 120) and due_date + 30 + 90 * j <= ${DAY}::date`.execute(db);
  // Bookings: what each payment gave each claim when it was booked. Four claims in ten were paid
  // 1–3 times (one in ten of those paid 160 % of the principal: paid off unless interest and costs
  // grew past it); a quarter of first payments also paid the debtor's next claim (one payment, two
  // claims) when that one was already due.
  await sql`
    create table bench_bookings as
    with claim_dice as (
      select c.id, c.tenant_id, c.creditor_id, c.debtor_id, c.currency, c.principal, c.due_date, c.external_ref,
             abs(hashtext(c.external_ref || 'pay')) % 1000 as hp, abs(hashtext(c.external_ref || 'full')) % 1000 as hf,
             lead(c.id) over w as next_id, lead(c.principal) over w as next_principal, lead(c.due_date) over w as next_due
        from claims c window w as (partition by c.debtor_id order by c.external_ref)
    ), own as (
      select d.*, j, d.external_ref || '/' || j as pkey,
             least(${DAY}::date, d.due_date + 15 + abs(hashtext(d.external_ref || 'date' || j)) % 1200) as value_date,
             case when hf < 100 and j = 1 then round(principal * 1.6, 2)
                  else greatest(0.01, round(principal * (5 + abs(hashtext(d.external_ref || 'amt' || j)) % 40) / 100.0 / (1 + hp % 3), 2)) end as amount
        from claim_dice d, generate_series(1, 3) j
       where hp < 400 and j <= 1 + hp % 3
    )
    select pkey, tenant_id, creditor_id, debtor_id, currency, id as claim_id, value_date, amount, false as shared from own
    union all
    select pkey, tenant_id, creditor_id, debtor_id, currency, next_id, value_date,
           greatest(0.01, round(next_principal * (10 + abs(hashtext(pkey || 'share')) % 30) / 100.0, 2)), true
      from own where j = 1 and next_id is not null and next_due <= value_date and abs(hashtext(pkey || 'shared')) % 4 = 0`.execute(db);
  await sql`create table bench_payments as select pkey, gen_random_uuid() as id from bench_bookings group by pkey`.execute(db);
  await sql`alter table bench_bookings add column payment_id uuid, add column legacy boolean not null default false`.execute(db);
  await sql`update bench_bookings b set payment_id = p.id from bench_payments p where p.pkey = b.pkey`.execute(db);
  // Older claims (before the split was stored): one payment, one principal row, written without the engine.
  await sql`
    update bench_bookings b set legacy = true
      from (select claim_id from bench_bookings group by claim_id having count(*) = 1) one_payment,
           (select payment_id from bench_bookings group by payment_id having count(*) = 1) one_claim, claims c
     where one_payment.claim_id = b.claim_id and one_claim.payment_id = b.payment_id and c.id = b.claim_id
       and b.amount <= c.principal and abs(hashtext(b.pkey || 'legacy')) % 100 < 8`.execute(db);
  await sql`create index on bench_bookings (claim_id)`.execute(db);
  await sql`
    insert into payments (id, tenant_id, creditor_id, debtor_id, amount, unallocated, currency, value_date, method, reference)
    select payment_id, tenant_id, creditor_id, debtor_id, amount, amount, currency, value_date,
           (array['bank_transfer', 'sepa_direct_debit', 'card', 'pagopa', 'qr_bill', 'cash', 'cheque', 'postal'])[1 + abs(hashtext(pkey)) % 8], pkey
      from (select payment_id, min(pkey) as pkey, tenant_id, creditor_id, debtor_id, currency, value_date,
                   sum(amount) + case when abs(hashtext(min(pkey) || 'over')) % 20 = 0 then 25 else 0 end as amount
              from bench_bookings group by payment_id, tenant_id, creditor_id, debtor_id, currency, value_date) p`.execute(db);
}

const ALLOCATED = ['costs', 'interest', 'principal'] as const;

/**
 * The pre-0012 settlement of every booked claim: the engine's split of its payments into rows, the
 * claim's sums, status and closing day (as `settleClaim` wrote them before migration 0012), then each
 * payment's unallocated rest. Legacy claims get one principal row per payment instead.
 */
async function settle(): Promise<{ claims: number; rows: number }> {
  let after = '00000000-0000-0000-0000-000000000000';
  let claims = 0;
  let rowCount = 0;
  for (;;) {
    const ledgers = await readOld(after, 'bookings');
    if (ledgers.length === 0) break;
    after = ledgers[ledgers.length - 1]!.id;
    const rows: { t: string; p: string; c: string; k: string; a: string }[] = [];
    const sums: { id: string; p: string; i: string; c: string; status: string; closed: string | null }[] = [];
    for (const l of ledgers) {
      if (l.payments.length === 0) continue;
      if (l.legacy) {
        claims++;
        let left = money(l.terms.principal);
        let paid = money(0);
        for (const p of l.payments) {
          const a = money(p.amount).gt(left) ? left : money(p.amount);
          if (a.gt(0)) rows.push({ t: l.tenantId, p: p.paymentId, c: l.id, k: 'principal', a: toMoneyString(a) });
          left = left.minus(a);
          paid = paid.plus(a);
        }
        const status = l.status === 'open' || l.status === 'in_collection' ? 'partially_paid' : l.status;
        sums.push({ id: l.id, p: toMoneyString(paid), i: '0.00', c: '0.00', status, closed: l.closedOn });
        continue;
      }
      let result;
      try {
        result = splitPayments(book, l.terms, l.payments, l.costs);
      } catch (err) {
        if (err instanceof InterestInputError) continue; // the booking was refused: no rows
        throw err;
      }
      claims++;
      for (const s of result.splits) for (const k of ALLOCATED) if (money(s[k]).gt(0)) rows.push({ t: l.tenantId, p: s.paymentId, c: l.id, k, a: s[k] });
      // The pre-0012 rule (src/usecases/claims/ledger.ts at 0011).
      const st = result.statement;
      const paidOff = money(st.totalDue).eq(0);
      const lastPayment = l.payments.reduce((m, p) => (p.date > m ? p.date : m), '');
      let status: ClaimStatus = l.status;
      if (paidOff) status = 'paid';
      else if (l.status === 'paid') status = 'partially_paid';
      else if (l.status === 'open' || l.status === 'in_collection') status = 'partially_paid';
      const closed = paidOff ? lastPayment : status === l.status ? l.closedOn : null;
      sums.push({ id: l.id, p: st.principalPaid, i: st.interestPaid, c: st.costsPaid, status, closed });
    }
    rowCount += rows.length;
    if (rows.length) {
      const col = (f: (r: (typeof rows)[number]) => string) => rows.map(f);
      await sql`
        insert into payment_allocations (tenant_id, payment_id, claim_id, component, amount)
        select * from unnest(${col((r) => r.t)}::uuid[], ${col((r) => r.p)}::uuid[], ${col((r) => r.c)}::uuid[], ${col((r) => r.k)}::text[], ${col((r) => r.a)}::numeric[])`.execute(db);
    }
    if (sums.length) {
      await sql`
        update claims c set amount_paid = v.p, interest_paid = v.i, costs_paid = v.c, status = v.status, closed_on = v.closed,
                            version = version + 1, updated_at = now()
          from unnest(${sums.map((s) => s.id)}::uuid[], ${sums.map((s) => s.p)}::numeric[], ${sums.map((s) => s.i)}::numeric[],
                      ${sums.map((s) => s.c)}::numeric[], ${sums.map((s) => s.status)}::text[], ${sums.map((s) => s.closed)}::date[])
               as v(id, p, i, c, status, closed)
         where c.id = v.id`.execute(db);
    }
  }
  await sql`
    update payments p set unallocated = p.amount - s.allocated
      from (select payment_id, sum(amount) as allocated from payment_allocations group by payment_id) s where s.payment_id = p.id`.execute(db);
  // Reversed afterwards (a returned direct debit): the rows stay, the payment no longer counts.
  await sql`
    update payments set reversed_at = (value_date + 10)::timestamptz, reversal_reason = 'Storno bancario (RID insoluto)'
     where abs(hashtext(reference || 'rev')) % 100 = 0`.execute(db);
  await sql`drop table bench_bookings`.execute(db);
  await sql`drop table bench_payments`.execute(db);
  await sql`analyze`.execute(db);
  return { claims, rows: rowCount };
}

// ---------------------------------------------------------------------------------------------------
// 2. BEFORE: digests from the 0011 rows, stored.
async function before(): Promise<{ claims: number; errors: number }> {
  await sql`create table bench_before (claim_id uuid primary key, hash text not null, figures jsonb not null)`.execute(db);
  let after = '00000000-0000-0000-0000-000000000000';
  let claims = 0;
  let errors = 0;
  for (;;) {
    const ledgers = await readOld(after, 'allocations');
    if (ledgers.length === 0) break;
    after = ledgers[ledgers.length - 1]!.id;
    const allocations = await allocationRows(ledgers.map((l) => l.id));
    const out: { id: string; d: Digest }[] = [];
    for (const l of ledgers) {
      const d = digestOf(statementOf(l.terms, l.payments, l.costs), l.status, [l.amountPaid, l.interestPaid, l.costsPaid], allocations.get(l.id) ?? '');
      if (d.figures.error) errors++;
      out.push({ id: l.id, d });
    }
    claims += out.length;
    await sql`
      insert into bench_before (claim_id, hash, figures)
      select * from unnest(${out.map((o) => o.id)}::uuid[], ${out.map((o) => o.d.hash)}::text[], ${out.map((o) => JSON.stringify(o.d.figures))}::jsonb[])`.execute(db);
  }
  return { claims, errors };
}

// ---------------------------------------------------------------------------------------------------
// 3. AFTER: the product's statements, the stored balances, the components.
interface Difference {
  claimId: string;
  what: string;
  before: unknown;
  after: unknown;
}
const differences: Difference[] = [];

async function storedBefore(ids: string[]): Promise<Map<string, Digest>> {
  const { rows } = await sql<{ claim_id: string; hash: string; figures: Figures | string }>`
    select claim_id, hash, figures from bench_before where claim_id = any(${ids}::uuid[])`.execute(db);
  return new Map(rows.map((r) => [r.claim_id, { hash: r.hash, figures: typeof r.figures === 'string' ? (JSON.parse(r.figures) as Figures) : r.figures }]));
}

function compare(claimId: string, what: string, b: Digest | undefined, a: Digest): void {
  if (!b) {
    differences.push({ claimId, what: `${what}: claim missing before`, before: null, after: a.figures });
    return;
  }
  if (b.hash === a.hash) return;
  const changed = (Object.keys(a.figures) as (keyof Figures)[]).filter((k) => b.figures[k] !== a.figures[k]);
  const pick = (f: Figures) => (changed.length ? Object.fromEntries(changed.map((k) => [k, f[k]])) : { totalDue: f.totalDue, note: 'same figures, statement detail differs' });
  differences.push({ claimId, what, before: pick(b.figures), after: pick(a.figures) });
}

/** Every claim id by tenant, in chunks. */
async function* chunks(): AsyncGenerator<{ tenantId: string; ids: string[] }> {
  const tenants = await db.selectFrom('tenants').select('id').orderBy('id').execute();
  for (const t of tenants) {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const ids = (await db.selectFrom('claims').select('id').where('tenant_id', '=', t.id).where('id', '>', after).orderBy('id').limit(CHUNK).execute()).map((r) => r.id);
      if (ids.length === 0) break;
      after = ids[ids.length - 1]!;
      yield { tenantId: t.id, ids };
    }
  }
}

async function afterStatements(): Promise<number> {
  let n = 0;
  for await (const { tenantId, ids } of chunks()) {
    const ledgers = await loadLedgers(db, { tenantId }, ids);
    const allocations = await allocationRows(ids);
    const was = await storedBefore(ids);
    for (const l of ledgers.values()) {
      const d = digestOf(statementOf(l.terms, l.payments, l.costs), l.status, [l.principalPaid, l.interestPaid, l.costsPaid], allocations.get(l.id) ?? '');
      compare(l.id, 'statement', was.get(l.id), d);
      n++;
    }
  }
  return n;
}

/** The use case the API's statement route calls, on every `every`-th claim. */
async function useCaseSample(every: number): Promise<number> {
  let n = 0;
  let i = 0;
  for await (const { tenantId, ids } of chunks()) {
    const actor = systemActor(tenantId, 'migtest');
    const sample = ids.filter(() => i++ % every === 0);
    const was = await storedBefore(sample);
    const allocations = await allocationRows(sample);
    for (const id of sample) {
      const ledger = (await loadLedgers(db, { tenantId }, [id])).get(id)!;
      let s: Statement | { error: string };
      try {
        s = (await getClaimStatement(db, actor, id, { asOf: DAY })).statement as Statement;
      } catch (err) {
        if (!(err instanceof AppError) || !err.fields[0]?.messageCode) throw err;
        s = { error: err.fields[0].messageCode };
      }
      compare(id, 'statement (getClaimStatement)', was.get(id), digestOf(s, ledger.status, [ledger.principalPaid, ledger.interestPaid, ledger.costsPaid], allocations.get(id) ?? ''));
      n++;
    }
  }
  return n;
}

async function refreshAll(): Promise<void> {
  for await (const { tenantId, ids } of chunks()) await db.transaction().execute((trx) => refreshBalances(trx, tenantId, ids, DAY));
}

/** The stored balances against the BEFORE statements (claims the engine refused: a problem noted). */
async function compareBalances(): Promise<number> {
  let n = 0;
  for await (const { ids } of chunks()) {
    const was = await storedBefore(ids);
    const { rows } = await sql<{ claim_id: string; principal_due: string; interest_due: string; costs_due: string; total_due: string; balance_problem: string | null }>`
      select claim_id, principal_due::text, interest_due::text, costs_due::text, total_due::text, balance_problem
        from claim_balances where claim_id = any(${ids}::uuid[])`.execute(db);
    const got = new Map(rows.map((r) => [r.claim_id, r]));
    for (const id of ids) {
      n++;
      const b = was.get(id)?.figures;
      const r = got.get(id);
      if (!b || !r) {
        differences.push({ claimId: id, what: 'stored balance missing', before: b ?? null, after: r ?? null });
        continue;
      }
      if (b.error) {
        if (!r.balance_problem) differences.push({ claimId: id, what: 'stored balance: no problem noted', before: b.error, after: r });
        continue;
      }
      const before = { principalDue: b.principalDue, interestDue: b.interestDue, costsDue: b.costsDue, totalDue: b.totalDue, problem: null };
      const after = {
        principalDue: toMoneyString(money(r.principal_due)),
        interestDue: toMoneyString(money(r.interest_due)),
        costsDue: toMoneyString(money(r.costs_due)),
        totalDue: toMoneyString(money(r.total_due)),
        problem: r.balance_problem,
      };
      if (JSON.stringify(before) !== JSON.stringify(after)) differences.push({ claimId: id, what: 'stored balance (claim_balances)', before, after });
    }
  }
  return n;
}

/** Each claim one principal component (its principal, what was paid on it); principal rows point at it. */
async function compareComponents(): Promise<void> {
  const { rows } = await sql<{ id: string; principal: string; principal_paid: string; components: string | null }>`
    select c.id, c.principal::text, c.principal_paid::text,
           (select string_agg(concat_ws(':', k.position, k.kind, k.amount, k.paid, k.waived, k.accrues_interest), ',') from claim_components k where k.claim_id = c.id) as components
      from claims c
     where (select count(*) from claim_components k where k.claim_id = c.id) <> 1
        or not exists (select 1 from claim_components k where k.claim_id = c.id and k.position = 1 and k.kind = 'principal'
                          and k.amount = c.principal and k.paid = c.principal_paid and k.waived = 0 and k.accrues_interest)
     limit 100`.execute(db);
  for (const r of rows) differences.push({ claimId: r.id, what: 'principal component', before: { principal: r.principal, paid: r.principal_paid }, after: r.components });
  const { rows: loose } = await sql<{ claim_id: string; n: number }>`
    select a.claim_id, count(*)::int as n from payment_allocations a
     where (a.component = 'principal') <> (a.component_id is not null)
        or (a.component_id is not null and a.component_id <> (select k.id from claim_components k where k.claim_id = a.claim_id and k.position = 1))
     group by a.claim_id limit 100`.execute(db);
  for (const r of loose) differences.push({ claimId: r.claim_id, what: 'allocation rows not pointing at the principal component', before: null, after: `${r.n} rows` });
}

// ---------------------------------------------------------------------------------------------------
let exitCode = 0;
try {
  console.log(`migration 0012 on ${CLAIMS} claims of ${DEBTORS} debtors — ${where}; statements to ${DAY}`);
  await phase('migrate to 0011_login_throttle (the schema before 0012)', () => migrateTo(db, '0011_login_throttle'));
  await phase('generate claims, debtors, costs, payments (SQL, 0011 columns)', generate);
  const settled = await phase('settle payments as the pre-0012 code did (engine split)', settle);
  const mix = await sql<{ line: string }>`
    select concat_ws(' ', count(*), 'claims;', count(*) filter (where currency = 'CHF'), 'in CHF;',
                     count(*) filter (where id in (select claim_id from payment_allocations)), 'with payments;',
                     count(*) filter (where status = 'paid'), 'paid;', count(*) filter (where status = 'partially_paid'), 'partially paid;',
                     count(*) filter (where status = 'written_off'), 'written off;', count(*) filter (where hold_until is not null), 'held;',
                     count(*) filter (where id in (select claim_id from claim_costs)), 'with costs;',
                     count(*) filter (where id in (select claim_id from claim_costs where waived_on is not null)), 'with a waived cost;',
                     count(*) filter (where interest_regime = 'fixed'), 'fixed rate;', count(*) filter (where interest_regime = 'spread'), 'base + spread;',
                     count(*) filter (where interest_regime = 'none'), 'no interest;', count(*) filter (where interest_regime is null), 'default regime') as line
      from claims c`.execute(db);
  const pays = await sql<{ line: string }>`
    select concat_ws(' ', (select count(*) from payments), 'payments (', (select count(*) from payments where reversed_at is not null), 'reversed,',
                     (select count(*) from (select payment_id from payment_allocations group by payment_id having count(distinct claim_id) > 1) s), 'over two claims,',
                     (select count(*) from payments where unallocated > 0), 'with an unallocated rest );',
                     (select count(*) from payment_allocations), 'allocation rows:',
                     (select string_agg(component || ' ' || n, ', ') from (select component, count(*) as n from payment_allocations group by component order by component) s)) as line`.execute(db);
  console.log(`  ${mix.rows[0]!.line}`);
  console.log(`  ${pays.rows[0]!.line}; ${settled.claims} claims settled`);

  const was = await phase('BEFORE: every statement from the 0011 rows, digests stored', before);
  console.log(`  ${was.claims} claims (${was.errors} whose terms the engine refuses: their refusal is compared)`);
  await phase('migrate to latest (0012 claim components, 0013 indexes)', () => migrateToLatest(db));
  if (CORRUPT > 0) {
    const { rows } = await sql<{ claim_id: string }>`
      update payment_allocations set amount = amount + 0.01
       where id in (select id from payment_allocations where payment_id in (select id from payments where reversed_at is null) order by id limit ${CORRUPT})
      returning claim_id`.execute(db);
    console.log(`  --corrupt: ${rows.length} allocation rows changed by one cent (claims ${rows.slice(0, 3).map((r) => r.claim_id).join(', ')}${rows.length > 3 ? ', …' : ''})`);
  }
  const n = await phase('AFTER: every statement via loadLedgers + claimStatement', afterStatements);
  // ~1 claim in 100, at most 1,000 (each a few queries: the route's cost, not the engine's).
  const every = Math.max(1, Math.round(CLAIMS / Math.min(1000, Math.ceil(CLAIMS / 100))));
  const m = await phase(`AFTER: getClaimStatement (the API's use case) on every ${every}th claim`, () => useCaseSample(every));
  await phase('refreshBalances for every claim', refreshAll);
  const b = await phase('stored balances against the BEFORE figures', compareBalances);
  await phase('principal components and their allocation rows', compareComponents);
  const total = (performance.now() - t00) / 1000;
  console.log(`compared: ${n} statements, ${m} through the use case, ${b} stored balances — ${differences.length} differences (${total.toFixed(0)} s in all)`);
  for (const d of differences.slice(0, 20)) {
    console.log(`  ${d.claimId} ${d.what}\n    before: ${JSON.stringify(d.before)}\n    after:  ${JSON.stringify(d.after)}`);
  }
  if (differences.length) exitCode = 1;
} catch (err) {
  console.error(err);
  exitCode = 2;
} finally {
  await cleanup();
}
process.exit(exitCode);
