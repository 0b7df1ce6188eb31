import { createHash } from 'node:crypto';
import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type QueryResult } from 'kysely';
import type { Db, Trx } from '../../db/connect.ts';
import { today } from '../../domain/dates.ts';
import { assignCapital, compareRows, DischargeTotaller, type ComponentInput, type DischargeHead, type DischargeReport, type PositionInput, type PositionRow } from '../../domain/discharge/report.ts';
import { SHIPPED_OUTCOMES } from '../../domain/desk/outcomes.ts';
import { notFound, invalid, fieldError } from '../../domain/errors.ts';
import type { ClaimKind, ClaimStatus, ComponentKind } from '../../domain/model.ts';
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

/** The report's totals and its rows, read once from the database and kept in a spool file for the writing. */
export interface DischargeSource {
  head: DischargeHead;
  /** SHA-256 of the rows in order (their JSON lines: `positionRow` builds them with a fixed key order). */
  rowsDigest: string;
  /**
   * The rows in report order (revenue, tax year, reference, id), a chunk at a time, from the spool:
   * as often as a file needs them (the workbook lists them twice), without asking the database again.
   */
  chunks(): AsyncGenerator<PositionRow[]>;
  /** Removes the spool; `chunks` cannot be read after. */
  close(): Promise<void>;
}

/**
 * The built rows of a report, a chunk per JSON array, in a temporary file (removed on `close`): what
 * lets the report run its statement once although the totals are printed before the rows, and keeps
 * the process's memory at a chunk's whatever the number of positions.
 */
class RowSpool {
  private readonly sizes: number[] = [];
  private written = 0;
  private constructor(
    private readonly dir: string,
    private readonly file: FileHandle,
  ) {}

  static async open(): Promise<RowSpool> {
    const dir = await mkdtemp(join(tmpdir(), 'incasso-discharge-'));
    try {
      return new RowSpool(dir, await open(join(dir, 'rows.json'), 'w+', 0o600));
    } catch (e) {
      await rm(dir, { recursive: true, force: true });
      throw e;
    }
  }

  async write(json: string): Promise<void> {
    const bytes = Buffer.from(json, 'utf8');
    await this.file.write(bytes, 0, bytes.length, this.written);
    this.written += bytes.length;
    this.sizes.push(bytes.length);
  }

  async *read(): AsyncGenerator<PositionRow[]> {
    let at = 0;
    for (const size of this.sizes) {
      const bytes = Buffer.allocUnsafe(size);
      const { bytesRead } = await this.file.read(bytes, 0, size, at);
      if (bytesRead !== size) throw new Error('discharge report: the spool file was cut short');
      at += size;
      yield JSON.parse(bytes.toString('utf8')) as PositionRow[];
    }
  }

  async close(): Promise<void> {
    await this.file.close().catch(() => undefined);
    await rm(this.dir, { recursive: true, force: true });
  }
}

/**
 * The discharge report of a scope: one set-wise statement gives every position with all it needs
 * (components with what the ledger collected on them, calls, last outcome, letters, plans, callable
 * numbers, how a written-off position was closed), in report order, read through a cursor
 * `chunkSize` rows at a time — once: each chunk is classified, counted into the totals and spooled
 * (`RowSpool`), so that the file is written from the spool after its totals. `db` must be a
 * transaction (a cursor lives in one). The caller closes the source.
 */
export async function openDischargeReport(db: Trx, tenantId: string, scope: DischargeScope, chunkSize = DISCHARGE_CHUNK): Promise<DischargeSource> {
  const checkStored = scope.asOf >= today().toString();
  const totaller = new DischargeTotaller(scope.asOf, checkStored);
  const digest = createHash('sha256');
  const spool = await RowSpool.open();
  try {
    let previous: PositionRow | null = null;
    for await (const chunk of readPositions(db, tenantId, scope, chunkSize)) {
      const lines: string[] = [];
      for (const p of chunk) {
        const r = totaller.add(p);
        // The database sorts; the domain's order is the definition (code points; see compareRows).
        if (previous && compareRows(previous, r) >= 0) throw new Error(`discharge report: positions out of order at ${r.reference}`);
        previous = r;
        lines.push(JSON.stringify(r));
      }
      digest.update(lines.join('\n') + '\n');
      await spool.write(`[${lines.join(',')}]`);
    }
  } catch (e) {
    await spool.close();
    throw e;
  }
  let closed = false;
  return {
    head: totaller.finish(),
    rowsDigest: digest.digest('hex'),
    chunks: async function* () {
      if (closed) throw new Error('discharge report: the source is closed');
      yield* spool.read();
    },
    close: async () => {
      closed = true;
      await spool.close();
    },
  };
}

/** The report's head with its first `limitRows` rows (the preview), from one read of the positions; nothing spooled. */
export async function loadDischargeReport(db: Trx, tenantId: string, scope: DischargeScope, limitRows = Infinity): Promise<DischargeReport> {
  const totaller = new DischargeTotaller(scope.asOf, scope.asOf >= today().toString());
  const rows: PositionRow[] = [];
  for await (const chunk of readPositions(db, tenantId, scope, DISCHARGE_CHUNK)) {
    for (const p of chunk) {
      const r = totaller.add(p);
      if (rows.length < limitRows) rows.push(r);
    }
  }
  const { positions: _count, ...head } = totaller.finish();
  return { ...head, rows };
}

/** Runs `f` in a read-only repeatable-read transaction: the report's reads (the scope, the positions) see one snapshot. */
export function inReportSnapshot<T>(db: Db, f: (trx: Trx) => Promise<T>): Promise<T> {
  return db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(f);
}

/**
 * Settings for the report's one statement, for this transaction only (SET LOCAL). A cursor is planned
 * for its first rows by default (cursor_tuple_fraction 0.1: nested loops); this one is read to the
 * end, so it is planned for all of them (hash joins, one sort). No JIT: the statement's cost estimate
 * is far above jit_above_cost (the per-debtor joins are estimated at billions of rows), and compiling
 * its ~270 functions took 10 of the 35 s the statement took on 200,000 positions — more than it saves.
 */
export async function planForTheWholeReport(db: Trx): Promise<void> {
  await sql`set local cursor_tuple_fraction = 1`.execute(db);
  await sql`set local jit = off`.execute(db);
  // Its sorts and hashes in memory (a 200,000-position report sorted ~70 MB on disk at the default 4 MB).
  await sql`set local work_mem = '128MB'`.execute(db);
}

let cursors = 0;

/** The positions of the scope in report order, `chunkSize` at a time, through a cursor closed at the end (or on an early exit). */
async function* readPositions(db: Trx, tenantId: string, scope: DischargeScope, chunkSize: number): AsyncGenerator<PositionInput[]> {
  const cursor = sql.raw(`discharge_positions_${++cursors}`);
  await planForTheWholeReport(db);
  await sql`declare ${cursor} no scroll cursor for ${dischargePositionsQuery(tenantId, scope)}`.execute(db);
  const fetchPage = (): Promise<QueryResult<PositionRecord>> => {
    const page = sql<PositionRecord>`fetch forward ${sql.raw(String(chunkSize))} from ${cursor}`.execute(db);
    // Handled where it is awaited; marked handled now, so a failure while the consumer works is not an unhandled rejection.
    page.catch(() => undefined);
    return page;
  };
  // The next page is asked for before this one is handed over: the database reads it while node
  // classifies and writes this one (the connection runs its statements in order).
  let next: Promise<QueryResult<PositionRecord>> | null = fetchPage();
  try {
    while (next) {
      const page: QueryResult<PositionRecord> = await next;
      next = page.rows.length === chunkSize ? fetchPage() : null;
      if (page.rows.length > 0) yield page.rows.map(positionInput);
    }
  } finally {
    // Left early (an error, a consumer that stops): the page asked for ahead is awaited, then the cursor closed.
    if (next) await next.catch(() => undefined);
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
        join c on c.id = pa.claim_id
       where pa.tenant_id = ${tenantId}
         and p.value_date <= ${asOf}::date and p.reversed_at is null
       group by pa.claim_id, pa.component_id, pa.component
    ), byComponent as (
      select a.component_id, sum(a.amount) as amount from a where a.component_id is not null group by a.component_id
    ), comps as (
      -- One ordered aggregate (one sort per position, not one per field): per component in position
      -- order "kind,amount,collected,waived,t|f" (accrues interest), joined by ";".
      select cc.claim_id,
             string_agg(cc.kind::text || ',' || cc.amount::text || ',' || coalesce(b.amount, 0)::text || ',' || cc.waived::text || ',' || case when cc.accrues_interest then 't' else 'f' end, ';' order by cc.position) as components
        from claim_components cc join c on c.id = cc.claim_id left join byComponent b on b.component_id = cc.id
       where cc.tenant_id = ${tenantId}
       group by cc.claim_id
    ), loose as (
      select a.claim_id, sum(a.amount) filter (where a.component = 'principal')::text as capital,
             sum(a.amount) filter (where a.component <> 'principal')::text as other
        from a where a.component_id is null group by a.claim_id
    ), calls as (
      -- The debtor's contact log read once: its calls, and its last outcome (the latest entry that has one).
      select l.debtor_id, (count(*) filter (where l.kind in ('phone_attempt', 'conversation')))::int as attempts,
             (count(*) filter (where l.kind = 'conversation'))::int as right_party,
             (array_agg(coalesce(l.corrected_outcome, l.outcome) order by l.created_at desc, l.id desc) filter (where l.outcome is not null))[1] as outcome
        from contact_log l
       where l.tenant_id = ${tenantId} and l.debtor_id in (select debtor_id from c) and l.local_date <= ${asOf}::date
       group by l.debtor_id
    ), letters as (
      select k.claim_id, count(distinct k.communication_id)::int as letters
        from communication_claims k
        join communications m on m.tenant_id = k.tenant_id and m.id = k.communication_id
        join c on c.id = k.claim_id
       where k.tenant_id = ${tenantId}
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
        join c on c.id = a.entity_id
       where a.tenant_id = ${tenantId} and a.entity_type = 'claim' and a.action = 'claim.written_off'
    )
    select c.*, comps.components, loose.capital, loose.other,
           coalesce(calls.attempts, 0) as attempts, coalesce(calls.right_party, 0) as right_party, calls.outcome,
           coalesce(letters.letters, 0) as letters, coalesce(plans.plans, 0) as plans, coalesce(plans.running, false) as plan_running,
           callable.debtor_id is not null as callable, settled.entity_id is not null as settled
      from c
      left join comps on comps.claim_id = c.id
      left join loose on loose.claim_id = c.id
      left join calls on calls.debtor_id = c.debtor_id
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
  /** Per component in position order "kind,amount,collected,waived,t|f", joined by ";" (null: none). */
  components: string | null;
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
  const comps: (ComponentInput & { accrues: boolean })[] = c.components === null ? [] : c.components.split(';').map((text) => {
    const [kind, amount, collected, waived, accrues] = text.split(',') as [ComponentKind, string, string, string, string];
    return { kind, amount, collected, waived, accrues: accrues === 't' };
  });
  if (c.capital !== null && comps.length > 0) assignCapital(comps, c.capital).forEach((v, i) => (comps[i]!.collected = v));
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
    otherCollected: c.other ?? '0',
    debtor: { deceased: c.deceased, ceased: c.ceased, hardship: c.hardship, debtorId: c.debtor_id },
    activity: { attempts: c.attempts, rightParty: c.right_party, letters: c.letters, plans: c.plans },
    planRunning: c.plan_running,
    noCallableContact: !c.callable,
    lastOutcomeEffect: c.outcome === null ? null : (EFFECT.get(c.outcome) ?? null),
  };
}
