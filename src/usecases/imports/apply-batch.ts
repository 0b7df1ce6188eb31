import { sql, type Selectable } from 'kysely';
import type { Db } from '../../db/connect.ts';
import {
  debtorKeys,
  normaliseAddress,
  validateRow,
  type ImportField,
  type ImportRecord,
  type ImportedClaim,
  type ImportedComponent,
  type RowContext,
} from '../../domain/import/index.ts';
import { COMUNE_FIELDS } from '../../domain/import/fields.ts';
import { DEFAULT_REFERENCE_PATTERN } from '../../domain/import/reference.ts';
import { amountParam, encodeMessage, type Message, msg } from '../../domain/messages/index.ts';
import { comuneTaxTerms } from '../../domain/municipal/revenue-rules.ts';
import { money } from '../../domain/money.ts';
import { COMPONENT_ACCRUES_INTEREST, debtorDisplayName, MUNICIPAL_TAX_KINDS, type AllocationOrder, type DebtorKind } from '../../domain/model.ts';
import type { Actor } from '../../domain/policies.ts';
import type { TableItem } from '../../integrations/import-files/index.ts';
import { bulkInsert, type BulkColumn } from '../../db/bulk-insert.ts';
import { AUDIT_COLUMNS } from '../shared/audit.ts';
import { uuid7 } from '../../db/uuid7.ts';
import type { DB, StoredMessage, StoredRowProblem } from '../../db/schema.ts';
import { resettleClaim } from '../claims/ledger.ts';
import { setPrincipalAmount } from '../claims/components.ts';
import { currentRateBook } from '../interest/rate-book.ts';
import { balanceFromLedger } from '../../domain/claims/balance.ts';
import { C803_CHARGES, chargesTermsOf, type CollectionChargeRules } from '../../domain/municipal/charges.ts';
import { today } from '../../domain/dates.ts';
import type { ClaimComponentTerms } from '../../domain/interest/claim-ledger.ts';
import { trimRate } from '../../domain/interest/rate-table.ts';
import type { RateBook, Regime } from '../../domain/interest/regimes.ts';
import type { MoneyPart } from '../../domain/municipal/parts.ts';
import { DEFAULT_ALLOCATION_ORDER, validateRevenueRules } from '../../domain/municipal/revenue-rules.ts';
import { storeNote, storeProblem } from './stored-messages.ts';

/**
 * Another import wrote a debtor (same tax id) or a claim (same creditor and reference) this batch was
 * about to create. Nothing of the batch is kept; the caller redoes it, and it then finds those rows.
 */
export class ImportRaceLost extends Error {
  constructor(readonly what: 'debtors' | 'claims') {
    super(`concurrent import wrote the same ${what}`);
    this.name = 'ImportRaceLost';
  }
}


/** What one batch did; added to the job's counters in the same transaction. */
export interface BatchCounts {
  rowsRead: number;
  imported: number;
  updated: number;
  unchanged: number;
  rejected: number;
  debtorsCreated: number;
  debtorsMatched: number;
  reviews: number;
  /** Row-level notes that did not reject the row (an optional contact dropped, …), as stored. */
  warnings: StoredMessage[];
}

export const zeroCounts = (): BatchCounts => ({
  rowsRead: 0,
  imported: 0,
  updated: 0,
  unchanged: 0,
  rejected: 0,
  debtorsCreated: 0,
  debtorsMatched: 0,
  reviews: 0,
  warnings: [],
});

export interface BatchContext {
  actor: Actor;
  jobId: string;
  fileName: string;
  creditorId: string;
  jurisdiction: 'IT' | 'CH' | 'DE' | 'FR';
  headers: string[];
  /** field → column index */
  columns: Map<ImportField, number>;
  rowContext: RowContext;
  /**
   * Debtors this run created or already counted as matched: a debtor found again by a later batch
   * of the same file is neither "created" nor "matched" twice. (Kept in memory: ~100 bytes a debtor.)
   */
  seenDebtors?: Set<string>;
  /** Notice codes of this run's rows so far, with their line: the same code on another row is refused. */
  seenNotices?: Map<string, number>;
  /** A comune's tax claims (IMU, TARI) are stored with these interest terms (its points over the legal rate). */
  taxTerms?: { regime: string; base: string | null; spread: string | null } | null;
}

/** What a creditor's row context and batches take from it (a comune's codes, account, regulation). */
export const CREDITOR_IMPORT_COLUMNS = ['kind', 'iban', 'cadastral_code', 'revenue_rules'] as const;

/**
 * The creditor's part of a batch's context: its cadastral code and collection account for the row
 * rules, the reference pattern when the file has no reference column, and the interest terms of a
 * comune's tax claims (its regulation's points over the legal rate, as the claims API stores them).
 */
export function creditorContext(
  creditor: { kind: string; iban: string | null; cadastral_code: string | null; revenue_rules: unknown },
  columns: ReadonlyMap<ImportField, number>,
  referencePattern: string | undefined,
): { row: Pick<RowContext, 'cadastralCode' | 'creditorIban' | 'referencePattern' | 'comuneColumns'>; taxTerms: BatchContext['taxTerms'] } {
  return {
    row: {
      comuneColumns: COMUNE_FIELDS.some((f) => columns.has(f)),
      cadastralCode: creditor.cadastral_code,
      // A comune's collection account; a company's file may carry its customers' own IBANs.
      creditorIban: creditor.kind === 'public_entity' ? creditor.iban : null,
      referencePattern: columns.has('externalRef') ? null : (referencePattern ?? DEFAULT_REFERENCE_PATTERN),
    },
    taxTerms: comuneTaxTerms(creditor),
  };
}

interface Reject {
  line: number;
  cells: Record<string, string>;
  problems: StoredRowProblem[];
}

interface Candidate {
  line: number;
  record: ImportRecord;
  /** The row as read: its cells by header are built only if the row ends up rejected. */
  raw: readonly string[];
  /** The debtor's match keys and the address as compared, worked out with the row (ahead of the write). */
  keys: ReturnType<typeof debtorKeys>;
  addressKey: string | null;
  /** Its `claim.created` audit facts as JSON (the debtor and source are added once known). */
  facts: string;
  /** Its opening balance should it be new, worked out with the row from the last batch's terms (checked before use). */
  opening?: Opening;
}

/** Claim fields an import may change, with how they compare. */
const CLAIM_FIELDS = [
  ['principal', 'principal'],
  ['dueDate', 'due_date'],
  ['issueDate', 'issue_date'],
  ['description', 'description'],
  ['kind', 'kind'],
  ['currency', 'currency'],
  ['contractDate', 'contract_date'],
  ['taxYear', 'tax_year'],
] as const;

const source = (ctx: BatchContext, line: number) => ({ importJobId: ctx.jobId, fileName: ctx.fileName, line });

/**
 * Applies one batch of rows in the caller's transaction: rows the rules refuse become rejects (with
 * their line, cells and reasons); debtors are matched by tax id, else by name and address (a same
 * name at another address is created apart and listed for review); claims are identified by
 * creditor + external reference: new ones created, changed ones updated with an audit event naming
 * the file and line, identical ones left alone. Nothing here commits: the caller's transaction
 * makes the batch visible whole or not at all.
 */
export async function applyBatch(trx: Db, ctx: BatchContext, items: readonly TableItem[]): Promise<BatchCounts> {
  return writeBatch(trx, ctx, prepareBatch(ctx, items));
}

/** A batch read and checked, ready to be written: the CPU half of a batch, run while the database works. */
export interface PreparedBatch {
  lastLine: number;
  counts: BatchCounts;
  rejects: Reject[];
  unique: Candidate[];
  columnOf: Map<string, string>;
}

/** Reads and checks a batch's rows (no I/O): rejects with reasons, and the rows to write. */
export function prepareBatch(ctx: BatchContext, items: readonly TableItem[]): PreparedBatch {
  const batch = openBatch(ctx);
  for (const item of items) batch.add(item);
  return batch.finish();
}

/** A batch being prepared row by row as the file is read (`prepareBatch` in steps; no I/O). */
export interface BatchBuilder {
  /** Reads and checks one row. */
  add(item: TableItem): void;
  /** The batch's checks across its rows (references and notice codes repeated), and the batch ready to write. */
  finish(): PreparedBatch;
}

/**
 * Starts a batch whose rows are checked one by one as they are read: the import reads the next batch
 * while the current one is written and hands the event loop back between rows, so the write's next
 * statement leaves as soon as the database answers the previous one.
 */
export function openBatch(ctx: BatchContext): BatchBuilder {
  const counts = zeroCounts();
  const rejects: Reject[] = [];
  const candidates: Candidate[] = [];
  const columnOf = new Map<string, string>();
  for (const [field, index] of ctx.columns) columnOf.set(field, ctx.headers[index] ?? field);
  let lastLine = 0;
  const asOf = today().toString();
  return {
    add: (item) => {
      lastLine = item.line;
      addRow(ctx, item, counts, rejects, candidates, columnOf, asOf);
    },
    finish: () => finishBatch(ctx, lastLine, counts, rejects, candidates, columnOf),
  };
}

function addRow(
  ctx: BatchContext,
  item: TableItem,
  counts: BatchCounts,
  rejects: Reject[],
  candidates: Candidate[],
  columnOf: Map<string, string>,
  asOf: string,
): void {
  counts.rowsRead++;
  if (item.kind === 'problem') {
    rejects.push({ line: item.line, cells: {}, problems: [storeProblem(null, null, item.message)] });
    return;
  }
  const values: Partial<Record<ImportField, string>> = {};
  for (const [field, index] of ctx.columns) {
    const v = item.cells[index]?.trim();
    if (v) values[field] = v;
  }
  const result = validateRow(values, ctx.rowContext);
  for (const w of result.warnings) {
    counts.warnings.push(storeNote(msg('import.row_note', { line: item.line, column: columnOf.get(w.field) ?? w.field, note: encodeMessage(w) })));
  }
  if (!result.record) {
    rejects.push({
      line: item.line,
      cells: cellsByHeader(ctx.headers, item.cells),
      problems: result.problems.map((p) => storeProblem(p.field, columnOf.get(p.field) ?? null, p)),
    });
    return;
  }
  const { debtor, address } = result.record;
  // A run's rows after its first write: the new claim's balance is worked out here, ahead of the write.
  const ahead = ctx.seenDebtors ? aheadTerms.get(ctx) : undefined;
  candidates.push({
    line: item.line,
    record: result.record,
    raw: item.cells,
    keys: debtorKeys(debtor, address),
    addressKey: address ? normaliseAddress(address.line1, address.postalCode) : null,
    facts: JSON.stringify(createdFacts(result.record.claim)),
    opening: ahead ? openingOf(ctx, ahead.creditor, ahead.book, asOf, result.record.claim, debtor.kind) : undefined,
  });
}

function finishBatch(
  ctx: BatchContext,
  lastLine: number,
  counts: BatchCounts,
  rejects: Reject[],
  candidates: Candidate[],
  columnOf: Map<string, string>,
): PreparedBatch {
  // The same reference twice in one batch: identical is one claim, different is a mistake in the file.
  const byRef = new Map<string, Candidate>();
  const unique: Candidate[] = [];
  for (const c of candidates) {
    const first = byRef.get(c.record.claim.externalRef);
    if (!first) {
      byRef.set(c.record.claim.externalRef, c);
      unique.push(c);
    } else if (JSON.stringify(first.record.claim) === JSON.stringify(c.record.claim)) {
      counts.unchanged++;
    } else {
      rejects.push({
        line: c.line,
        cells: cellsByHeader(ctx.headers, c.raw),
        problems: [
          storeProblem('externalRef', columnOf.get('externalRef') ?? null, msg('import.reference_repeated', { ref: c.record.claim.externalRef, line: first.line })),
        ],
      });
    }
  }

  // A notice code identifies one payment position of the comune: never on two rows of a file.
  const kept = ctx.seenNotices ? unique.filter((c) => {
    const code = c.record.claim.noticeCode;
    if (code === null) return true;
    const first = ctx.seenNotices!.get(code);
    if (first === undefined || first === c.line) {
      ctx.seenNotices!.set(code, c.line);
      return true;
    }
    rejects.push(reject(ctx.headers, c, 'noticeCode', columnOf, msg('import.notice_code_repeated', { code, line: first })));
    return false;
  }) : unique;

  return { lastLine, counts, rejects, unique: kept, columnOf };
}

/**
 * The debtors a run's committed batches found or created, by tax key (`CF:…`, `PIVA:…`), most recent
 * last: a debtor's next invoices, a few batches later, need no lookup. Bounded (≈ 10 MB); a batch's
 * own finds wait in `pending` until its transaction commits (`batchCommitted`): a batch rolled back
 * and redone must not trust debtors it created itself.
 */
interface DebtorMemo {
  known: Map<string, { id: string; kind: DebtorKind }>;
  pending: Map<string, { id: string; kind: DebtorKind }>;
}
const DEBTOR_MEMO_SIZE = 50_000;
const debtorMemos = new WeakMap<BatchContext, DebtorMemo>();

/** The caller committed the batch it last wrote with this context: its debtors are remembered. */
export function batchCommitted(ctx: BatchContext): void {
  const memo = debtorMemos.get(ctx);
  if (!memo) return;
  for (const [key, d] of memo.pending) {
    memo.known.delete(key);
    memo.known.set(key, d);
  }
  memo.pending.clear();
  for (const key of memo.known.keys()) {
    if (memo.known.size <= DEBTOR_MEMO_SIZE) break;
    memo.known.delete(key);
  }
}

/** Writes a prepared batch in the caller's transaction; returns what it did. */
export async function writeBatch(trx: Db, ctx: BatchContext, batch: PreparedBatch): Promise<BatchCounts> {
  const { counts, columnOf } = batch;
  // Only a run's context (which keeps its seen debtors) remembers them from batch to batch.
  if (ctx.seenDebtors) {
    const memo = debtorMemos.get(ctx);
    if (memo) memo.pending.clear();
    else debtorMemos.set(ctx, { known: new Map(), pending: new Map() });
  }
  const rejects = [...batch.rejects];
  const unique = await withoutTakenNotices(trx, ctx, batch.unique, rejects, columnOf);
  const debtors = await resolveDebtors(trx, ctx, unique, counts);
  await applyClaims(trx, ctx, unique, debtors, counts, rejects, columnOf);
  await bulkInsert(
    trx,
    'import_rejects',
    [
      { name: 'tenant_id', type: 'uuid' },
      { name: 'job_id', type: 'uuid' },
      { name: 'line', type: 'integer' },
      { name: 'cells', type: 'jsonb' },
      { name: 'problems', type: 'jsonb' },
    ],
    rejects.map((r) => ({ tenant_id: ctx.actor.tenantId, job_id: ctx.jobId, line: r.line, cells: r.cells, problems: r.problems })),
    sql`on conflict (job_id, line) do nothing`,
  );
  counts.rejected += rejects.length;
  return counts;
}

/**
 * Rows whose notice code another position of the comune already has are refused (a notice code is
 * unique per comune, migration 0017); the same position again (same reference) keeps it. Only
 * batches with notice codes look: a company's file costs nothing here.
 */
async function withoutTakenNotices(trx: Db, ctx: BatchContext, rows: Candidate[], rejects: Reject[], columnOf: Map<string, string>): Promise<Candidate[]> {
  const codes = rows.flatMap((r) => (r.record.claim.noticeCode === null ? [] : [r.record.claim.noticeCode]));
  if (codes.length === 0) return rows;
  const { rows: found } = await claimsByNotice(ctx.actor.tenantId, ctx.creditorId, codes).execute(trx);
  const holder = new Map(found.map((f) => [f.notice_code, f.external_ref]));
  return rows.filter((r) => {
    const code = r.record.claim.noticeCode;
    const ref = code === null ? undefined : holder.get(code);
    if (ref === undefined || ref === r.record.claim.externalRef) return true;
    rejects.push(reject(ctx.headers, r, 'noticeCode', columnOf, msg('import.notice_code_taken', { code: code!, ref })));
    return false;
  });
}

/**
 * Finds or creates the debtor of every candidate row; returns line → debtor id, and each debtor's
 * kind as stored (a new claim's interest regime depends on it).
 */
async function resolveDebtors(
  trx: Db,
  ctx: BatchContext,
  rows: Candidate[],
  counts: BatchCounts,
): Promise<{ debtorOf: Map<number, string>; kindOf: Map<string, DebtorKind> }> {
  const tenantId = ctx.actor.tenantId;
  const out = new Map<number, string>();
  const kindOf = new Map<string, DebtorKind>();
  const keysOf = new Map<number, ReturnType<typeof debtorKeys>>();
  const cfs = new Set<string>();
  const pivas = new Set<string>();
  const uids = new Set<string>();
  const names = new Set<string>();
  for (const r of rows) {
    const k = r.keys;
    keysOf.set(r.line, k);
    for (const key of k.taxKeys) {
      const [type, value] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
      if (type === 'CF') cfs.add(value);
      else if (type === 'PIVA') pivas.add(value);
      else if (type === 'UID') uids.add(value);
    }
    if (k.taxKeys.length === 0 && k.nameKey) names.add(k.nameKey);
  }
  // Existing debtors by tax id: those an earlier batch of this run found or created, then the database.
  const known = new Map<string, string>();
  const memo = debtorMemos.get(ctx);
  if (memo) {
    for (const [prefix, values] of [
      ['CF', cfs],
      ['PIVA', pivas],
      ['UID', uids],
    ] as const) {
      for (const value of values) {
        const d = memo.known.get(`${prefix}:${value}`);
        if (!d) continue;
        known.set(`${prefix}:${value}`, d.id);
        kindOf.set(d.id, d.kind);
        values.delete(value);
      }
    }
  }
  // One query per kind of tax id, each on its own index (an OR of the three scans them all).
  for (const [column, prefix, values] of [
    ['tax_code', 'CF', cfs],
    ['vat_number', 'PIVA', pivas],
    ['ch_uid', 'UID', uids],
  ] as const) {
    if (values.size === 0) continue;
    const { rows: found } = await debtorsByTaxId(tenantId, column, [...values]).execute(trx);
    for (const d of found) {
      const key = `${prefix}:${d.value}`;
      if (!known.has(key)) known.set(key, d.id);
      kindOf.set(d.id, d.kind as DebtorKind);
    }
  }
  // Existing debtors by name (only for rows without a tax id), with their first address to compare.
  const byName = new Map<string, { id: string; address: string | null }[]>();
  if (names.size) {
    const found = await trx
      .selectFrom('debtors as d')
      .leftJoin(
        (eb) =>
          eb
            .selectFrom('addresses')
            .select(['debtor_id', 'line1', 'postal_code'])
            .distinctOn('debtor_id')
            .where('tenant_id', '=', tenantId)
            .orderBy('debtor_id')
            .orderBy('created_at')
            .as('a'),
        (j) => j.onRef('a.debtor_id', '=', 'd.id'),
      )
      .select(['d.id', 'd.kind', 'd.match_key', 'a.line1', 'a.postal_code'])
      .where('d.tenant_id', '=', tenantId)
      .where('d.match_key', 'in', [...names])
      .orderBy('d.created_at')
      .execute();
    for (const d of found) {
      const list = byName.get(d.match_key!) ?? [];
      list.push({ id: d.id, address: d.line1 ? normaliseAddress(d.line1, d.postal_code) : null });
      kindOf.set(d.id, d.kind as DebtorKind);
      byName.set(d.match_key!, list);
    }
  }

  const newDebtors: Record<string, unknown>[] = [];
  const newAddresses: Record<string, unknown>[] = [];
  const newContacts: { debtor_id: string; channel: string; value: string; line: number; isNew: boolean }[] = [];
  const reviews: Record<string, unknown>[] = [];
  const matched = new Set<string>();
  const createdIds = new Set<string>();
  const audits: Record<string, unknown>[] = [];

  for (const r of rows) {
    const k = keysOf.get(r.line)!;
    const d = r.record.debtor;
    const address = r.record.address;
    const addressKey = r.addressKey;
    let id: string | undefined;
    for (const key of k.taxKeys) id ??= known.get(key);
    let review: { candidate: string; reason: Message } | null = null;
    if (!id && k.taxKeys.length === 0 && k.nameKey) {
      const candidates = byName.get(k.nameKey) ?? [];
      const same = candidates.find((c) => c.address !== null && addressKey !== null && c.address === addressKey);
      if (same) id = same.id;
      else if (candidates[0]) {
        review = { candidate: candidates[0].id, reason: msg('import.review_same_name') };
      }
    }
    if (id) {
      out.set(r.line, id);
      if (!createdIds.has(id) && !ctx.seenDebtors?.has(id)) matched.add(id);
      for (const c of r.record.contacts) newContacts.push({ debtor_id: id, channel: c.channel, value: c.value, line: r.line, isNew: false });
      continue;
    }
    id = uuid7();
    createdIds.add(id);
    out.set(r.line, id);
    kindOf.set(id, d.kind);
    const displayName = debtorDisplayName({ kind: d.kind, firstName: d.firstName, lastName: d.lastName, companyName: d.companyName });
    newDebtors.push({
      id,
      tenant_id: ctx.actor.tenantId,
      kind: d.kind,
      first_name: d.firstName,
      last_name: d.lastName,
      company_name: d.companyName,
      display_name: displayName.slice(0, 300),
      tax_code: d.taxCode,
      vat_number: d.vatNumber,
      ch_uid: d.chUid,
      birth_date: d.birthDate,
      language: d.language ?? (address?.country === 'DE' ? 'de' : address?.country === 'FR' ? 'fr' : 'it'),
      deceased: d.deceased,
      ceased: d.ceased,
      external_ref: d.debtorRef,
      match_key: k.nameKey,
    });
    // Later rows of the batch with the same keys find this debtor.
    for (const key of k.taxKeys) known.set(key, id);
    if (k.nameKey && k.taxKeys.length === 0) {
      byName.set(k.nameKey, [{ id, address: addressKey }, ...(byName.get(k.nameKey) ?? [])]);
    }
    if (address?.city) {
      newAddresses.push({
        id: uuid7(),
        tenant_id: ctx.actor.tenantId,
        debtor_id: id,
        kind: d.kind === 'company' || d.kind === 'public_administration' ? 'registered_office' : 'residence',
        line1: address.line1,
        postal_code: address.postalCode,
        city: address.city,
        province: address.province,
        country: address.country,
        source: 'import',
      });
    }
    for (const c of r.record.contacts) newContacts.push({ debtor_id: id, channel: c.channel, value: c.value, line: r.line, isNew: true });
    if (review) {
      reviews.push({
        tenant_id: ctx.actor.tenantId,
        job_id: ctx.jobId,
        line: r.line,
        debtor_id: id,
        candidate_id: review.candidate,
        reason: encodeMessage(review.reason),
      });
    }
    audits.push(auditRow(ctx, 'debtor.created', 'debtor', id, id, null, { displayName, kind: d.kind, taxCode: d.taxCode, vatNumber: d.vatNumber, source: source(ctx, r.line) }));
  }

  // One debtor per tax id in a tenant (unique indexes): a debtor another import committed (or is
  // committing) since this batch looked is not created twice — the insert waits for the other
  // transaction and skips it, and the batch is redone on what is there now (ImportRaceLost).
  // Inserting in key order keeps two imports from waiting on each other crosswise.
  // (Byte order: the same in every import, and far cheaper than localeCompare's collation.)
  newDebtors.sort((a, b) => compareText(String(a.tax_code ?? a.vat_number ?? ''), String(b.tax_code ?? b.vat_number ?? '')));
  const insertedDebtors = await bulkInsert<'debtors', { id: string }>(trx, 'debtors', DEBTOR_COLUMNS, newDebtors, sql`on conflict do nothing returning id`);
  if (insertedDebtors.length !== newDebtors.length) throw new ImportRaceLost('debtors');
  await bulkInsert(trx, 'addresses', ADDRESS_COLUMNS, newAddresses);
  if (newContacts.length) {
    // One row per debtor, channel and value; contacts already known are left as they are.
    const seen = new Set<string>();
    const values = newContacts
      .filter((c) => {
        const key = `${c.debtor_id}|${c.channel}|${c.value}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .map((c) => ({ id: uuid7(), tenant_id: ctx.actor.tenantId, debtor_id: c.debtor_id, channel: c.channel, value: c.value, source: `import:${ctx.fileName}`.slice(0, 200) }));
    const inserted = await bulkInsert<'contacts', { id: string; debtor_id: string; channel: string; value: string }>(
      trx,
      'contacts',
      CONTACT_COLUMNS,
      values,
      sql`on conflict (tenant_id, debtor_id, channel, value) do nothing returning id, debtor_id, channel, value`,
    );
    const created = new Set(newDebtors.map((n) => n.id as string));
    for (const c of inserted) {
      if (created.has(c.debtor_id)) continue; // part of the debtor's creation
      audits.push(auditRow(ctx, 'contact.created', 'contact', c.id, c.debtor_id, null, { channel: c.channel, value: c.value, source: `import:${ctx.fileName}` }));
    }
  }
  if (reviews.length) {
    await trx.insertInto('import_reviews').values(reviews as never).onConflict((oc) => oc.columns(['job_id', 'line']).doNothing()).execute();
  }
  await bulkInsert(trx, 'audit_events', AUDIT_COLUMNS, audits);
  counts.debtorsCreated += newDebtors.length;
  counts.debtorsMatched += matched.size;
  if (ctx.seenDebtors) for (const id of [...matched, ...createdIds]) ctx.seenDebtors.add(id);
  counts.reviews += reviews.length;
  if (memo) {
    for (const r of rows) {
      const id = out.get(r.line)!;
      for (const key of keysOf.get(r.line)!.taxKeys) if (known.get(key) === id) memo.pending.set(key, { id, kind: kindOf.get(id)! });
    }
  }
  return { debtorOf: out, kindOf };
}

async function applyClaims(
  trx: Db,
  ctx: BatchContext,
  rows: Candidate[],
  debtors: { debtorOf: Map<number, string>; kindOf: Map<string, DebtorKind> },
  counts: BatchCounts,
  rejects: Reject[],
  columnOf: Map<string, string>,
): Promise<void> {
  if (rows.length === 0) return;
  const tenantId = ctx.actor.tenantId;
  // Every row is first written as a new claim (`on conflict do nothing`): what the insert skipped
  // exists already and is looked up and compared; a new claim costs no lookup of its own. In
  // reference order, so two imports of overlapping files take the unique index's keys in one order.
  const asNew = [...rows].sort((a, b) => compareText(a.record.claim.externalRef, b.record.claim.externalRef));
  const planned = new Map<Candidate, Record<string, unknown>>();
  let comune = false;
  for (const r of asNew) {
    const c = r.record.claim;
    // A comune's tax runs at the legal rate plus the comune's points, stored on the claim (as the API does).
    const terms = taxTermsOf(ctx, c);
    const extra = c.act || c.noticeCode || terms;
    if (extra) comune = true;
    planned.set(r, {
      ...(extra ? { ...actColumns(c), interest_regime: terms?.regime ?? null, interest_base: terms?.base ?? null, interest_spread: terms?.spread ?? null } : {}),
      id: uuid7(),
      tenant_id: tenantId,
      creditor_id: ctx.creditorId,
      debtor_id: debtors.debtorOf.get(r.line)!,
      external_ref: c.externalRef,
      kind: c.kind,
      description: c.description,
      principal: c.principal,
      currency: c.currency,
      issue_date: c.issueDate,
      due_date: c.dueDate,
      contract_date: c.contractDate,
      tax_year: c.taxYear,
      jurisdiction: ctx.jurisdiction,
      import_job_id: ctx.jobId,
    });
  }
  // The new claims' balances are written below, once, from the engine: the trigger's opening rows
  // (migration 0021) would be a second write of each.
  await sql`select set_config('incasso.balances_written', 'on', true)`.execute(trx);
  const insertedClaims = await bulkInsert<'claims', { id: string }>(
    trx,
    'claims',
    comune ? [...CLAIM_COLUMNS, ...COMUNE_CLAIM_COLUMNS] : CLAIM_COLUMNS,
    [...planned.values()],
    sql`on conflict do nothing returning id`,
  );
  await sql`select set_config('incasso.balances_written', 'off', true)`.execute(trx);
  const inserted = new Set(insertedClaims.map((c) => c.id));
  const skipped = asNew.filter((r) => !inserted.has(planned.get(r)!.id as string));
  const byRef = new Map<string, ExistingClaim>();
  if (skipped.length) {
    const { rows: existing } = await claimsByRef(tenantId, ctx.creditorId, skipped.map((r) => r.record.claim.externalRef)).execute(trx);
    for (const c of existing) byRef.set(c.external_ref, c);
    // Skipped, yet not there by its reference: another import holds the notice code (redo the batch).
    if (existing.length !== skipped.length) throw new ImportRaceLost('claims');
  }
  const storedParts = await storedComponents(trx, tenantId, skipped, byRef);

  const created: { claim: Record<string, unknown>; record: ImportedClaim; row: Candidate }[] = [];
  const audits: Record<string, unknown>[] = [];
  for (const r of rows) {
    const c = r.record.claim;
    const debtorId = debtors.debtorOf.get(r.line)!;
    const row = planned.get(r)!;
    if (inserted.has(row.id as string)) {
      created.push({ claim: row, record: c, row: r });
      audits.push(auditRow(ctx, 'claim.created', 'claim', row.id as string, debtorId, null, createdAfter(ctx, r, debtorId)));
      counts.imported++;
      continue;
    }
    const old = byRef.get(c.externalRef)!;
    if (c.components && !sameComponents(c.components, storedParts.get(old.id) ?? [])) {
      rejects.push(reject(ctx.headers, r, 'principal', columnOf, msg('import.components_changed', { ref: c.externalRef })));
      continue;
    }
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const set: Record<string, unknown> = {};
    // The act and notice code a row states replace the stored ones; a row without them leaves them.
    if (c.act || c.noticeCode) {
      const { notice_code, ...actOnly } = actColumns(c);
      const act = { ...(c.act ? actOnly : {}), ...(notice_code ? { notice_code } : {}) };
      for (const [column, now] of Object.entries(act)) {
        const was = old[column as keyof ExistingClaim] ?? null;
        if (was !== now) {
          before[column] = was;
          after[column] = now;
          set[column] = now;
        }
      }
    }
    for (const [field, column] of CLAIM_FIELDS) {
      const was = old[column] as string | number | null;
      const now = c[field] as string | number | null;
      const same = field === 'principal' ? money(String(was)).eq(String(now)) : (was ?? null) === (now ?? null);
      if (!same) {
        before[field] = was;
        after[field] = now;
        set[column] = now;
      }
    }
    if (Object.keys(set).length === 0) {
      counts.unchanged++;
      continue;
    }
    const paid = money(old.principal_paid);
    if ('currency' in set && paid.gt(0)) {
      rejects.push(reject(ctx.headers, r, 'currency', columnOf, msg('import.currency_fixed')));
      continue;
    }
    if ('principal' in set && paid.gt(String(set.principal))) {
      rejects.push(reject(ctx.headers, r, 'principal', columnOf, msg('import.principal_below_paid', { paid: amountParam(old.principal_paid) })));
      continue;
    }
    // A new amount without components for a comune's act split in parts: which part changed is not
    // said, so the row is refused rather than the parts left disagreeing with the amount.
    if ('principal' in set && !c.components && (await hasActParts(trx, ctx.actor.tenantId, old.id))) {
      rejects.push(reject(ctx.headers, r, 'principal', columnOf, msg('import.components_changed', { ref: c.externalRef })));
      continue;
    }
    await trx
      .updateTable('claims')
      .set({ ...set, import_job_id: ctx.jobId, version: sql`version + 1`, updated_at: sql`now()` } as never)
      .where('id', '=', old.id)
      .where('tenant_id', '=', ctx.actor.tenantId)
      .execute();
    if ('principal' in set) await setPrincipalAmount(trx, ctx.actor.tenantId, old.id, String(set.principal));
    await resettleClaim(trx, ctx.actor, old.id);
    audits.push(auditRow(ctx, 'claim.updated', 'claim', old.id, old.debtor_id, before, { ...after, source: source(ctx, r.line) }));
    counts.updated++;
  }
  // Every new claim's components (one principal, or a comune's act in its parts) in one statement,
  // and its opening balance: no payment yet, so the engine on its terms alone gives what it owes today.
  const components: Record<string, unknown>[] = [];
  const balances: Record<string, unknown>[] = [];
  if (created.length) {
    const creditor = await creditorTermsOf(trx, ctx);
    const book = await currentRateBook(trx);
    const asOf = today().toString();
    aheadTerms.set(ctx, { creditor, book });
    for (const { claim, record: c, row } of created) {
      const claimId = claim.id as string;
      const debtorKind = debtors.kindOf.get(claim.debtor_id as string)!;
      // Worked out with the row when the same terms, rate book, day and debtor kind held then.
      const ahead = row.opening;
      const { parts, b } =
        ahead && ahead.book === book && ahead.asOf === asOf && ahead.debtorKind === debtorKind ? ahead : openingOf(ctx, creditor, book, asOf, c, debtorKind);
      for (const k of parts) {
        components.push({ id: k.id, tenant_id: tenantId, claim_id: claimId, position: k.position, kind: k.kind, amount: k.amount, accrues_interest: k.accrues, tribute_code: k.tributeCode });
      }
      balances.push({
        claim_id: claimId,
        tenant_id: tenantId,
        creditor_id: ctx.creditorId,
        currency: c.currency,
        status: 'open',
        principal: c.principal,
        principal_due: b.principalDue,
        interest_due: b.interestDue,
        costs_due: b.costsDue,
        total_due: b.totalDue,
        parts_due: b.partsDue,
        interest_carried: b.interestCarried,
        interest_from: b.interestFrom,
        balance_on: b.asOf,
        balance_problem: b.problem,
      });
    }
  }
  await bulkInsert(trx, 'claim_components', COMPONENT_COLUMNS, components);
  await bulkInsert(trx, 'claim_balances', BALANCE_COLUMNS, balances);
  await bulkInsert(trx, 'audit_events', AUDIT_COLUMNS, audits);
}

/** The rate book and creditor terms a run's writes used last: the rows read next work out new claims' balances with them. */
const aheadTerms = new WeakMap<BatchContext, { creditor: CreditorTerms; book: RateBook }>();

interface Opening {
  book: RateBook;
  asOf: string;
  debtorKind: DebtorKind;
  parts: ClaimComponentTerms[];
  b: ReturnType<typeof balanceFromLedger>;
}

/** A new claim's components and opening balance: no payment yet, so the engine on its terms alone. */
function openingOf(ctx: BatchContext, creditor: CreditorTerms, book: RateBook, asOf: string, c: ImportedClaim, debtorKind: DebtorKind): Opening {
  const parts: ClaimComponentTerms[] = (c.components ?? [{ kind: 'principal' as const, amount: c.principal, tributeCode: null }]).map((k, i) => ({
    id: uuid7(),
    kind: k.kind,
    position: i + 1,
    amount: k.amount,
    accrues: COMPONENT_ACCRUES_INTEREST[k.kind],
    tributeCode: k.tributeCode ?? null,
  }));
  const terms = taxTermsOf(ctx, c);
  const b = balanceFromLedger(
    book,
    {
      principal: c.principal,
      currency: c.currency,
      dueDate: c.dueDate,
      jurisdiction: ctx.jurisdiction,
      kind: c.kind,
      debtorKind,
      interestRegime: (terms?.regime ?? null) as Regime | null,
      contractDate: c.contractDate,
      judicialClaimDate: null,
      interestRate: null,
      interestBase: (terms?.base ?? null) as Regime | null,
      interestSpread: terms?.spread == null ? null : trimRate(terms.spread),
      dayCount: 'act365',
      flatCompensation: creditor.flatCompensation,
      allocationOrder: creditor.allocationOrder,
      components: parts,
      // An enforceable act bears the c.803 charges from its dates, at the comune's figures (as loadLedgers reads them).
      charges: chargesTermsOf({ kind: c.act?.kind ?? null, enforceableOn: c.act?.enforceableOn ?? null }, creditor.chargeRules),
      // A comune's act settles in its regulation's order (as loadLedgers reads it back).
      ...(parts.some((k) => k.kind !== 'principal') ? { moneyOrder: creditor.moneyOrder ?? DEFAULT_ALLOCATION_ORDER } : {}),
    },
    [],
    [],
    asOf,
  );
  return { book, asOf, debtorKind, parts, b };
}

/** Byte order of references (as the database's `C` collation would sort them): the same order in every import. */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A comune's tax claims (IMU, TARI) run at the terms of its regulation; every other claim at the default. */
const taxTermsOf = (ctx: BatchContext, c: ImportedClaim) =>
  ctx.taxTerms && (MUNICIPAL_TAX_KINDS as readonly string[]).includes(c.kind) ? ctx.taxTerms : null;

interface CreditorTerms {
  flatCompensation: boolean;
  allocationOrder: AllocationOrder;
  /** A comune's regulation order of its acts' parts, when it stored valid revenue rules. */
  moneyOrder: readonly MoneyPart[] | null;
  /** Its c.803 figures (the law's unless its regulation stores them). */
  chargeRules: CollectionChargeRules;
}
const creditorTerms = new WeakMap<BatchContext, CreditorTerms>();

/** The creditor's terms a new claim's balance depends on, read once per run. */
async function creditorTermsOf(trx: Db, ctx: BatchContext): Promise<CreditorTerms> {
  const known = creditorTerms.get(ctx);
  if (known) return known;
  const k = await trx
    .selectFrom('creditors')
    .select(['flat_compensation', 'allocation_order', 'revenue_rules'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', ctx.creditorId)
    .executeTakeFirstOrThrow();
  const rules = k.revenue_rules ? validateRevenueRules(k.revenue_rules) : null;
  const terms: CreditorTerms = {
    flatCompensation: k.flat_compensation,
    allocationOrder: k.allocation_order as AllocationOrder,
    moneyOrder: rules?.ok ? rules.rules.allocationOrder : null,
    chargeRules: rules?.ok ? rules.rules.collectionCharges : C803_CHARGES,
  };
  creditorTerms.set(ctx, terms);
  return terms;
}

/**
 * The lookups of a batch's keys, one index probe per key: `unnest` of the keys joined LATERAL to the
 * table. A plain `col = any($1)` lets the planner pick the column's trigram GIN index (migration 0013;
 * pg_trgm serves `=` too), whose estimate is far too low: for invoice numbers sharing most of their
 * trigrams (`FT-2024-…`) it read posting lists of the whole table per batch (57 s for 2,000 keys at
 * 90k claims, measured), or a hash join over every claim of the creditor. Each lateral probe is one
 * equality on the unique btree index, whatever the table's size.
 */
export function claimsByRef(tenantId: string, creditorId: string, refs: readonly string[]) {
  // Locked in one order whatever the file's (two imports of overlapping files do not wait crosswise).
  const keys = [...refs].sort();
  return sql<ExistingClaim>`select c.* from unnest(${keys}::text[]) as k(ref) cross join lateral (
      select id, external_ref, debtor_id, principal, due_date, issue_date, description, kind, currency, contract_date, tax_year, principal_paid,
          act_kind, act_number, act_date, act_notified_on, act_enforceable_on, notice_code
        from claims where tenant_id = ${tenantId} and creditor_id = ${creditorId} and external_ref = k.ref for update) as c`;
}

/**
 * The oldest debtor of a tenant with each of the given tax ids of one kind (see claimsByRef for the
 * lateral probe; its `limit 1` keeps the planner from turning it back into a join over every debtor).
 */
export function debtorsByTaxId(tenantId: string, column: 'tax_code' | 'vat_number' | 'ch_uid', values: readonly string[]) {
  return sql<{ id: string; value: string; kind: string }>`select d.id, d.value, d.kind from unnest(${values}::text[]) as k(value) cross join lateral (
      select id, ${sql.ref(column)} as value, kind, created_at from debtors where tenant_id = ${tenantId} and ${sql.ref(column)} = k.value
      order by created_at limit 1) as d`;
}

type ExistingClaim = Pick<
  Selectable<DB['claims']>,
  | 'id'
  | 'external_ref'
  | 'debtor_id'
  | 'principal'
  | 'due_date'
  | 'issue_date'
  | 'description'
  | 'kind'
  | 'currency'
  | 'contract_date'
  | 'tax_year'
  | 'principal_paid'
  | 'act_kind'
  | 'act_number'
  | 'act_date'
  | 'act_notified_on'
  | 'act_enforceable_on'
  | 'notice_code'
>;

/**
 * The claims of a creditor holding any of the given notice codes, one probe per code on the partial
 * unique index claims_notice_code (the same lateral shape as claimsByRef).
 */
export function claimsByNotice(tenantId: string, creditorId: string, codes: readonly string[]) {
  return sql<{ notice_code: string; external_ref: string }>`select c.notice_code, c.external_ref from unnest(${[...new Set(codes)]}::text[]) as k(code) cross join lateral (
      select notice_code, external_ref from claims where tenant_id = ${tenantId} and creditor_id = ${creditorId} and notice_code = k.code limit 1) as c`;
}

/** Whether a claim is made of an act's parts rather than one principal (only asked when its amount changes). */
async function hasActParts(trx: Db, tenantId: string, claimId: string): Promise<boolean> {
  const part = await trx
    .selectFrom('claim_components')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('claim_id', '=', claimId)
    .where('kind', '<>', 'principal')
    .limit(1)
    .executeTakeFirst();
  return part !== undefined;
}

/** The stored components of the existing claims that rows with components would update. */
async function storedComponents(trx: Db, tenantId: string, rows: Candidate[], byRef: Map<string, ExistingClaim>) {
  const ids = rows.flatMap((r) => (r.record.claim.components ? [byRef.get(r.record.claim.externalRef)?.id ?? []].flat() : []));
  const out = new Map<string, { kind: string; amount: string; tribute_code: string | null }[]>();
  if (ids.length === 0) return out;
  const found = await trx
    .selectFrom('claim_components')
    .select(['claim_id', 'kind', 'amount', 'tribute_code'])
    .where('tenant_id', '=', tenantId)
    .where('claim_id', 'in', ids)
    .orderBy('claim_id')
    .orderBy('position')
    .execute();
  for (const c of found) out.set(c.claim_id, [...(out.get(c.claim_id) ?? []), c]);
  return out;
}

const sameComponents = (row: readonly ImportedComponent[], stored: readonly { kind: string; amount: string; tribute_code: string | null }[]) =>
  row.length === stored.length &&
  row.every((c, i) => c.kind === stored[i]!.kind && money(c.amount).eq(stored[i]!.amount) && (c.tributeCode ?? null) === (stored[i]!.tribute_code ?? null));

/**
 * A created claim as its audit event records it: the row's values, the row's IBAN among them (the
 * claim's import record: claims have no IBAN of their own, the comune's collection account is the
 * creditor's); a comune's components, act and notice code only when the row has them, so a company's
 * event stays as it was.
 */
function createdFacts(c: ImportedClaim): Partial<ImportedClaim> {
  if (c.components || c.act || c.noticeCode) return c;
  const { components: _c, act: _a, noticeCode: _n, ...plain } = c;
  return plain;
}

/** A row's act and notice code as claim columns. */
function actColumns(c: ImportedClaim) {
  return {
    act_kind: c.act?.kind ?? null,
    act_number: c.act?.number ?? null,
    act_date: c.act?.date ?? null,
    act_notified_on: c.act?.notifiedOn ?? null,
    act_enforceable_on: c.act?.enforceableOn ?? null,
    notice_code: c.noticeCode,
  };
}

/**
 * A created claim's audit `after`: its facts (as JSON, worked out with the row) with its debtor and
 * source, as `{ ...createdFacts(c), debtorId, source }` would be stringified.
 */
function createdAfter(ctx: BatchContext, r: Candidate, debtorId: string): string {
  const facts = r.facts.slice(0, -1);
  return `${facts}${facts.length > 1 ? ',' : ''}"debtorId":${JSON.stringify(debtorId)},"source":${JSON.stringify(source(ctx, r.line))}}`;
}

function reject(headers: readonly string[], r: Candidate, field: string, columnOf: Map<string, string>, message: Message): Reject {
  return { line: r.line, cells: cellsByHeader(headers, r.raw), problems: [storeProblem(field, columnOf.get(field) ?? null, message)] };
}

/** A rejected row as stored and shown: its non-empty cells under their headers. */
function cellsByHeader(headers: readonly string[], raw: readonly string[]): Record<string, string> {
  const cells: Record<string, string> = {};
  headers.forEach((h, i) => {
    const v = raw[i];
    if (v !== undefined && v !== '') cells[h || `#${i + 1}`] = v;
  });
  return cells;
}

function auditRow(
  ctx: BatchContext,
  action: string,
  entityType: string,
  entityId: string,
  debtorId: string | null,
  before: Record<string, unknown> | null,
  /** An object, or its JSON already (jsonb columns take either). */
  after: Record<string, unknown> | string,
) {
  return {
    tenant_id: ctx.actor.tenantId,
    actor_user_id: ctx.actor.userId,
    actor_label: ctx.actor.label,
    action,
    entity_type: entityType,
    entity_id: entityId,
    debtor_id: debtorId,
    creditor_id: entityType === 'claim' ? ctx.creditorId : null,
    before,
    after,
  };
}

const DEBTOR_COLUMNS: BulkColumn<DB['debtors']>[] = [
  { name: 'id', type: 'uuid' },
  { name: 'tenant_id', type: 'uuid' },
  { name: 'kind', type: 'text' },
  { name: 'first_name', type: 'text' },
  { name: 'last_name', type: 'text' },
  { name: 'company_name', type: 'text' },
  { name: 'display_name', type: 'text' },
  { name: 'tax_code', type: 'text' },
  { name: 'vat_number', type: 'text' },
  { name: 'ch_uid', type: 'text' },
  { name: 'birth_date', type: 'date' },
  { name: 'language', type: 'text' },
  { name: 'deceased', type: 'boolean' },
  { name: 'ceased', type: 'boolean' },
  { name: 'external_ref', type: 'text' },
  { name: 'match_key', type: 'text' },
];
const ADDRESS_COLUMNS: BulkColumn<DB['addresses']>[] = [
  { name: 'id', type: 'uuid' },
  { name: 'tenant_id', type: 'uuid' },
  { name: 'debtor_id', type: 'uuid' },
  { name: 'kind', type: 'text' },
  { name: 'line1', type: 'text' },
  { name: 'postal_code', type: 'text' },
  { name: 'city', type: 'text' },
  { name: 'province', type: 'text' },
  { name: 'country', type: 'text' },
  { name: 'source', type: 'text' },
];
const CONTACT_COLUMNS: BulkColumn<DB['contacts']>[] = [
  { name: 'id', type: 'uuid' },
  { name: 'tenant_id', type: 'uuid' },
  { name: 'debtor_id', type: 'uuid' },
  { name: 'channel', type: 'text' },
  { name: 'value', type: 'text' },
  { name: 'source', type: 'text' },
];
const CLAIM_COLUMNS: BulkColumn<DB['claims']>[] = [
  { name: 'id', type: 'uuid' },
  { name: 'tenant_id', type: 'uuid' },
  { name: 'creditor_id', type: 'uuid' },
  { name: 'debtor_id', type: 'uuid' },
  { name: 'external_ref', type: 'text' },
  { name: 'kind', type: 'text' },
  { name: 'description', type: 'text' },
  { name: 'principal', type: 'numeric' },
  { name: 'currency', type: 'text' },
  { name: 'issue_date', type: 'date' },
  { name: 'due_date', type: 'date' },
  { name: 'contract_date', type: 'date' },
  { name: 'tax_year', type: 'integer' },
  { name: 'jurisdiction', type: 'text' },
  { name: 'import_job_id', type: 'uuid' },
];
/** A comune's act, notice code and interest terms (migration 0017), inserted only by batches that have them. */
const COMUNE_CLAIM_COLUMNS: BulkColumn<DB['claims']>[] = [
  { name: 'act_kind', type: 'text' },
  { name: 'act_number', type: 'text' },
  { name: 'act_date', type: 'date' },
  { name: 'act_notified_on', type: 'date' },
  { name: 'act_enforceable_on', type: 'date' },
  { name: 'notice_code', type: 'text' },
  { name: 'interest_regime', type: 'text' },
  { name: 'interest_base', type: 'text' },
  { name: 'interest_spread', type: 'numeric' },
];
const COMPONENT_COLUMNS: BulkColumn<DB['claim_components']>[] = [
  { name: 'id', type: 'uuid' },
  { name: 'tenant_id', type: 'uuid' },
  { name: 'claim_id', type: 'uuid' },
  { name: 'position', type: 'integer' },
  { name: 'kind', type: 'text' },
  { name: 'amount', type: 'numeric' },
  { name: 'accrues_interest', type: 'boolean' },
  { name: 'tribute_code', type: 'text' },
];

const BALANCE_COLUMNS: BulkColumn<DB['claim_balances']>[] = [
  { name: 'claim_id', type: 'uuid' },
  { name: 'tenant_id', type: 'uuid' },
  { name: 'creditor_id', type: 'uuid' },
  { name: 'currency', type: 'text' },
  { name: 'status', type: 'text' },
  { name: 'principal', type: 'numeric' },
  { name: 'principal_due', type: 'numeric' },
  { name: 'interest_due', type: 'numeric' },
  { name: 'costs_due', type: 'numeric' },
  { name: 'total_due', type: 'numeric' },
  { name: 'parts_due', type: 'numeric' },
  { name: 'interest_carried', type: 'numeric' },
  { name: 'interest_from', type: 'date' },
  { name: 'balance_on', type: 'date' },
  { name: 'balance_problem', type: 'text' },
];
