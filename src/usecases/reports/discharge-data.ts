import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Trx } from '../../db/connect.ts';
import { today } from '../../domain/dates.ts';
import { assignCapital, compareRows, DischargeTotaller, positionRow, type ComponentInput, type DischargeHead, type DischargeReport, type PositionInput, type PositionRow } from '../../domain/discharge/report.ts';
import { SHIPPED_OUTCOMES } from '../../domain/desk/outcomes.ts';
import { notFound, invalid, fieldError } from '../../domain/errors.ts';
import type { ClaimKind, ClaimStatus, ComponentKind } from '../../domain/model.ts';
import { money, toMoneyString } from '../../domain/money.ts';
import type { Actor } from '../../domain/policies.ts';

export interface DischargeScope {
  creditorId: string;
  creditorName: string;
  loadId: string | null;
  /** The load as printed: its file name. */
  loadLabel: string | null;
  asOf: string;
}

/**
 * The creditor (and load) of a report, scoped to the actor's tenant and, for a creditor's viewer, to
 * its own creditor: anything else is not found.
 */
export async function resolveDischargeScope(db: Db, actor: Actor, q: { creditorId: string; loadId?: string | undefined; asOf?: string | undefined }): Promise<DischargeScope> {
  if (actor.creditorId !== null && actor.creditorId !== q.creditorId) throw notFound('creditor');
  const creditor = await db.selectFrom('creditors').select(['id', 'name']).where('tenant_id', '=', actor.tenantId).where('id', '=', q.creditorId).executeTakeFirst();
  if (!creditor) throw notFound('creditor');
  let loadLabel: string | null = null;
  if (q.loadId) {
    const load = await db
      .selectFrom('import_jobs')
      .select(['id', 'file_name'])
      .where('tenant_id', '=', actor.tenantId)
      .where('creditor_id', '=', creditor.id)
      .where('id', '=', q.loadId)
      .executeTakeFirst();
    if (!load) throw notFound('import');
    loadLabel = load.file_name;
  }
  const now = today().toString();
  const asOf = q.asOf ?? now;
  if (asOf > now) throw invalid([fieldError('asOf', 'discharge.bad_as_of', { asOf })]);
  return { creditorId: creditor.id, creditorName: creditor.name, loadId: q.loadId ?? null, loadLabel, asOf };
}

const EFFECT = new Map(SHIPPED_OUTCOMES.map((o) => [o.code, o.effect]));

/** Positions fetched per round trip: the memory a report needs is a chunk's, not the mandate's. */
export const DISCHARGE_CHUNK = 5_000;

/** The report's totals (first read) and its rows, read again chunk by chunk in report order. */
export interface DischargeSource {
  head: DischargeHead;
  /** SHA-256 of the rows in order (their JSON: `positionRow` builds them with a fixed key order), from the first read. */
  rowsDigest: string;
  /**
   * The rows in report order (revenue, tax year, reference, id), a chunk at a time, read and built
   * again; if they are not the rows the totals were made of (the data changed between the reads
   * outside a snapshot) it throws after the last chunk, so no file is made of them.
   */
  chunks(): AsyncGenerator<PositionRow[]>;
}

/**
 * The discharge report of a scope, streaming: one set-wise query gives every position with all it
 * needs (components with what the ledger collected on them, calls, last outcome, letters, plans,
 * callable numbers, how a written-off position was closed), in report order, read through a cursor
 * `chunkSize` rows at a time — once to make the totals, once more as the file is written. `db` must
 * be a transaction (a cursor lives in one), repeatable read so that both reads see the same data.
 */
export async function openDischargeReport(db: Trx, tenantId: string, scope: DischargeScope, chunkSize = DISCHARGE_CHUNK): Promise<DischargeSource> {
  const checkStored = scope.asOf >= today().toString();
  const totaller = new DischargeTotaller(scope.asOf, checkStored);
  const digest = createHash('sha256');
  for await (const chunk of readPositions(db, tenantId, scope, chunkSize)) {
    for (const p of chunk) digest.update(JSON.stringify(totaller.add(p))).update('\n');
  }
  const head = totaller.finish();
  const rowsDigest = digest.digest('hex');

  async function* chunks(): AsyncGenerator<PositionRow[]> {
    const again = createHash('sha256');
    let previous: PositionRow | null = null;
    for await (const chunk of readPositions(db, tenantId, scope, chunkSize)) {
      const rows = chunk.map((p) => positionRow(p, checkStored).row);
      for (const r of rows) {
        // The database sorts; the domain's order is the definition (code points; see compareRows).
        if (previous && compareRows(previous, r) >= 0) throw new Error(`discharge report: positions out of order at ${r.reference}`);
        previous = r;
        again.update(JSON.stringify(r)).update('\n');
      }
      yield rows;
    }
    if (again.digest('hex') !== rowsDigest) throw new Error('discharge report: the positions changed while the report was written');
  }
  return { head, rowsDigest, chunks };
}

/** The whole report in memory (rows included): for the preview's first rows and small scopes. */
export async function loadDischargeReport(db: Trx, tenantId: string, scope: DischargeScope, limitRows = Infinity): Promise<DischargeReport> {
  const src = await openDischargeReport(db, tenantId, scope);
  const rows: PositionRow[] = [];
  if (limitRows > 0) {
    for await (const chunk of src.chunks()) {
      rows.push(...chunk.slice(0, limitRows - rows.length));
      if (rows.length >= limitRows) break;
    }
  }
  const { positions: _count, ...head } = src.head;
  return { ...head, rows };
}

/** Runs `f` in a read-only repeatable-read transaction: the report's two reads see one snapshot. */
export function inReportSnapshot<T>(db: Db, f: (trx: Trx) => Promise<T>): Promise<T> {
  return db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(f);
}

let cursors = 0;

/** The positions of the scope in report order, `chunkSize` at a time, through a cursor closed at the end (or on an early exit). */
async function* readPositions(db: Trx, tenantId: string, scope: DischargeScope, chunkSize: number): AsyncGenerator<PositionInput[]> {
  const cursor = sql.raw(`discharge_positions_${++cursors}`);
  // A cursor is planned for its first rows by default (cursor_tuple_fraction 0.1: nested loops); this
  // one is read to the end, so plan it for all of them (hash joins, one sort). SET LOCAL: this transaction only.
  await sql`set local cursor_tuple_fraction = 1`.execute(db);
  await sql`declare ${cursor} no scroll cursor for ${dischargePositionsQuery(tenantId, scope)}`.execute(db);
  try {
    for (;;) {
      const page = await sql<PositionRecord>`fetch forward ${sql.raw(String(chunkSize))} from ${cursor}`.execute(db);
      if (page.rows.length === 0) break;
      yield page.rows.map(positionInput);
      if (page.rows.length < chunkSize) break;
    }
  } finally {
    await sql`close ${cursor}`.execute(db);
  }
}

/** Every position of the scope with all the report needs, in report order (one statement; the cursor reads it). */
export function dischargePositionsQuery(tenantId: string, scope: DischargeScope) {
  const { asOf } = scope;
  const inScope = sql`c.tenant_id = ${tenantId} and c.creditor_id = ${scope.creditorId} ${scope.loadId ? sql`and c.import_job_id = ${scope.loadId}` : sql``} and (c.created_at at time zone 'Europe/Rome')::date <= ${asOf}::date`;
  // On the carico: allocations to a component row, and capital stored without one (assignCapital).
  // Beyond it: interest accrued after the act, the claim's costs and the c.803 charges the engine derives.
  return sql<PositionRecord>`
    with c as (
      select c.id, c.external_ref, c.kind, c.tax_year, c.currency, c.principal, c.principal_paid, c.status, c.debtor_id, d.display_name,
             coalesce(d.tax_code, d.vat_number, d.ch_uid) as tax_id, d.deceased, d.ceased, d.hardship
        from claims c join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
       where ${inScope}
    ), a as (
      select pa.claim_id, pa.component_id, pa.component, sum(pa.amount) as amount
        from payment_allocations pa
        join payments p on p.tenant_id = pa.tenant_id and p.id = pa.payment_id
       where pa.tenant_id = ${tenantId} and pa.claim_id in (select id from c)
         and p.value_date <= ${asOf}::date and p.reversed_at is null
       group by pa.claim_id, pa.component_id, pa.component
    ), byComponent as (
      select a.component_id, sum(a.amount) as amount from a where a.component_id is not null group by a.component_id
    ), comps as (
      select cc.claim_id,
             array_agg(cc.kind::text order by cc.position) as kinds,
             array_agg(cc.amount::text order by cc.position) as amounts,
             array_agg(coalesce(b.amount, 0)::text order by cc.position) as collected,
             array_agg(cc.waived::text order by cc.position) as waived,
             array_agg(cc.accrues_interest order by cc.position) as accrues
        from claim_components cc left join byComponent b on b.component_id = cc.id
       where cc.tenant_id = ${tenantId} and cc.claim_id in (select id from c)
       group by cc.claim_id
    ), loose as (
      select a.claim_id, sum(a.amount) filter (where a.component = 'principal')::text as capital,
             sum(a.amount) filter (where a.component <> 'principal')::text as other
        from a where a.component_id is null group by a.claim_id
    ), calls as (
      select l.debtor_id, (count(*) filter (where l.kind in ('phone_attempt', 'conversation')))::int as attempts,
             (count(*) filter (where l.kind = 'conversation'))::int as right_party
        from contact_log l
       where l.tenant_id = ${tenantId} and l.debtor_id in (select debtor_id from c) and l.local_date <= ${asOf}::date
       group by l.debtor_id
    ), outcomes as (
      select distinct on (l.debtor_id) l.debtor_id, coalesce(l.corrected_outcome, l.outcome) as outcome
        from contact_log l
       where l.tenant_id = ${tenantId} and l.debtor_id in (select debtor_id from c) and l.local_date <= ${asOf}::date and l.outcome is not null
       order by l.debtor_id, l.created_at desc, l.id desc
    ), letters as (
      select k.claim_id, count(distinct k.communication_id)::int as letters
        from communication_claims k
        join communications m on m.tenant_id = k.tenant_id and m.id = k.communication_id
       where k.tenant_id = ${tenantId} and k.claim_id in (select id from c)
         and m.channel <> 'phone_task' and m.status in ('sent', 'printed') and m.run_date <= ${asOf}::date
       group by k.claim_id
    ), plans as (
      select x.claim_id, count(*)::int as plans, bool_or(x.running) as running
        from (select unnest(p.claim_ids) as claim_id,
                     (p.state = 'active' or (p.state = 'lapsed' and p.lapsed_on > ${asOf}::date)
                       or (p.state in ('paid', 'cancelled') and p.closed_on > ${asOf}::date)) as running
                from plans p
               where p.tenant_id = ${tenantId} and p.creditor_id = ${scope.creditorId} and p.started_on <= ${asOf}::date
                 and p.state not in ('proposed', 'rejected')) x
       group by x.claim_id
    ), callable as (
      select distinct k.debtor_id from contacts k
       where k.tenant_id = ${tenantId} and k.debtor_id in (select debtor_id from c)
         and k.channel in ('phone', 'mobile') and k.status <> 'invalid' and k.third_party = false and k.consent <> 'withdrawn'
         and (k.valid_to is null or k.valid_to >= ${asOf}::date)
    ), settled as (
      select distinct a.entity_id from audit_events a
       where a.tenant_id = ${tenantId} and a.entity_type = 'claim' and a.action = 'claim.written_off'
         and a.entity_id in (select id from c)
    )
    select c.*, comps.kinds, comps.amounts, comps.collected, comps.waived, comps.accrues, loose.capital, loose.other,
           coalesce(calls.attempts, 0) as attempts, coalesce(calls.right_party, 0) as right_party, outcomes.outcome,
           coalesce(letters.letters, 0) as letters, coalesce(plans.plans, 0) as plans, coalesce(plans.running, false) as plan_running,
           callable.debtor_id is not null as callable, settled.entity_id is not null as settled
      from c
      left join comps on comps.claim_id = c.id
      left join loose on loose.claim_id = c.id
      left join calls on calls.debtor_id = c.debtor_id
      left join outcomes on outcomes.debtor_id = c.debtor_id
      left join letters on letters.claim_id = c.id
      left join plans on plans.claim_id = c.id
      left join callable on callable.debtor_id = c.debtor_id
      left join settled on settled.entity_id = c.id
     order by c.kind::text collate "C", coalesce(c.tax_year, 99999), c.external_ref collate "C", c.id`;
}

interface PositionRecord {
  id: string;
  external_ref: string;
  kind: ClaimKind;
  tax_year: number | null;
  currency: string;
  principal: string;
  principal_paid: string;
  status: ClaimStatus;
  debtor_id: string;
  display_name: string;
  tax_id: string | null;
  deceased: boolean;
  ceased: boolean;
  hardship: boolean;
  kinds: ComponentKind[] | null;
  amounts: string[] | null;
  collected: string[] | null;
  waived: string[] | null;
  accrues: boolean[] | null;
  capital: string | null;
  other: string | null;
  attempts: number;
  right_party: number;
  outcome: string | null;
  letters: number;
  plans: number;
  plan_running: boolean;
  callable: boolean;
  settled: boolean;
}

function positionInput(c: PositionRecord): PositionInput {
  const comps: (ComponentInput & { accrues: boolean })[] = (c.kinds ?? []).map((kind, i) => ({
    kind,
    amount: c.amounts![i]!,
    collected: toMoneyString(money(c.collected![i]!)),
    waived: c.waived![i]!,
    accrues: c.accrues![i]!,
  }));
  if (c.capital !== null && comps.length > 0) assignCapital(comps, toMoneyString(money(c.capital))).forEach((v, i) => (comps[i]!.collected = v));
  return {
    claimId: c.id,
    reference: c.external_ref,
    taxpayer: c.display_name,
    taxId: c.tax_id,
    revenue: c.kind,
    taxYear: c.tax_year,
    currency: c.currency,
    loaded: c.principal,
    storedPaid: c.principal_paid,
    status: c.status,
    writtenOffBy: c.status === 'written_off' ? (c.settled ? 'settlement' : 'creditor') : null,
    components: comps.map(({ kind, amount, collected, waived }) => ({ kind, amount, collected, waived })),
    otherCollected: toMoneyString(money(c.other ?? 0)),
    debtor: { deceased: c.deceased, ceased: c.ceased, hardship: c.hardship, debtorId: c.debtor_id },
    activity: { attempts: c.attempts, rightParty: c.right_party, letters: c.letters, plans: c.plans },
    planRunning: c.plan_running,
    noCallableContact: !c.callable,
    lastOutcomeEffect: c.outcome === null ? null : (EFFECT.get(c.outcome) ?? null),
  };
}
