import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { parseDate, today } from '../../domain/dates.ts';
import { msg, type Message } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { CamtError, readCamt, type CamtEntry, type CamtTransaction } from '../../integrations/bank/camt.ts';
import { fieldError, invalid } from '../../domain/errors.ts';
import { readBankCsv, type BankCsvRow } from '../../integrations/bank/bank-csv.ts';
import { CsvFileError } from '../../integrations/bank/csv-rows.ts';
import { PAID_OUTCOMES, PagopaFlowError, readPagopaFlow, REVOKED_OUTCOME, type PagopaFlowHeader, type PagopaReceipt } from '../../integrations/bank/pagopa-flow.ts';
import { readReceiptsCsv, type ReceiptRow } from '../../integrations/bank/pagopa-receipts-csv.ts';
import { sniffBankFile, SNIFF_BYTES } from '../../integrations/bank/sniff.ts';
import { refreshStaleDebtorProfiles } from '../risk/refresh-debtor-profiles.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';
import { placeBankEntries, placeBankEntry, returnsIn, type BankLine, type ChunkOrder, type EntryWork, type Outcome } from './place-bank-entry.ts';
import { bankCsvMappingOf } from './save-bank-csv-mapping.ts';
import { PAGOPA_ACCOUNT, type BankCsvMapping } from './schema.ts';

/** Lines placed in one transaction. */
const CHUNK = 500;

export interface BankFileSummary {
  fileId: string;
  fileName: string;
  status: 'done' | 'failed';
  /** Transactions read (a batch booking counts each of its transactions). */
  entries: number;
  /** Became payments, matched by a reference, notice code or document number. */
  matched: number;
  /** Wait for a person on the reconciliation list (no proof, several debtors, a debit, a refusal). */
  toReconcile: number;
  /** Already recorded by an earlier import of this or an overlapping file: nothing done. */
  alreadyRecorded: number;
  /** Pending or information-only entries (not booked by the bank): kept, never paid in. */
  notBooked: number;
  /** Entries that could not be read, with their position in the file. */
  problems: { index: number; message: Message }[];
  /** Why the file as a whole stopped (the entries before are kept). */
  error: Message | null;
}

/**
 * Imports a bank file (issue 15 items 4 and 5), its kind told by its content: an ISO 20022 camt.053
 * statement or camt.054 notification, a pagoPA reconciliation flow (FlussoRiversamento), or a CSV of
 * pagoPA receipts — read as a stream. pagoPA payments are matched by their IUV / notice code only,
 * among the claims of the ente the flow names; each is keyed by IUV + IUR + transfer index on the
 * ente's "account", so the same flow twice, or a CSV repeating it, records nothing twice; a revoked
 * one (outcome 3) waits for a person. Each transaction is one unit of work in its own database transaction: its entry
 * row (unique per account and bank reference, so a second import of the same or an overlapping file
 * records nothing twice) and — for a booked credit that a structured reference, pagoPA notice code
 * or document number ties to one debtor's claims — the payment, allocated by the engine as any payment
 * is (art. 1193/1194 c.c.). A crash leaves an entry with its payment or neither; a re-run finishes
 * the file. Everything else goes to the reconciliation list with the reason and, where the payer's
 * IBAN or name points to a debtor, a suggestion a person confirms. A debit (a returned direct debit,
 * a recalled transfer) waits there too: reversing a payment is a person's decision.
 */
export async function importBankFile(
  db: Db,
  actor: Actor,
  file: { name: string; bytes: Uint8Array } | { name: string; chunks: AsyncIterable<Uint8Array> },
  now: {
    today?: string;
    onProgress?: (s: BankFileSummary) => void;
    mapping?: string | null;
    /** Lines per transaction (1: each line alone, as before chunks). */
    chunk?: number;
    /**
     * A stored file's row, already `running` (`runBankFile`, `resumeBankFiles`): its counts are where
     * an earlier run got to — the lines they cover are read again (keys and problems come out the
     * same) but not placed, and counting goes on from there.
     */
    fileId?: string;
    /**
     * The risk profiles of the debtors the file paid (the chunks mark them, decision 0006): `now`
     * refreshes them once the file is done, before this returns (the CLI: no job runs there); `job` leaves them to the
     * server's `refresh-stale-profiles` job, which takes them within a minute, so a statement's
     * payments are done and shown without waiting for the debtors' profiles (at 1M claims 8 s of a
     * 100,000-entry file).
     */
    profiles?: 'now' | 'job';
    /**
     * Chunks placed at once, each on its own connection (PostgreSQL: 2; PGlite has one connection):
     * one chunk's statements run while the next is read, matched and computed. Each waits for the
     * one before it where the file's order matters (`ChunkOrder`): entry rows in file order, payments
     * of a debtor the chunk before also pays after its own, a return after everything before it.
     * Counts are committed in file order, so a resumed run still starts after lines all placed.
     */
    connections?: number;
  } = {},
): Promise<BankFileSummary> {
  authorize(actor, 'create', 'payment');
  // A bank's CSV export is read with the tenant's mapping of that name (issue 15 item 4).
  const mapping = now.mapping ? await bankCsvMappingOf(db, actor.tenantId, now.mapping) : null;
  if (now.mapping && !mapping) throw invalid([fieldError('mapping', 'bank.csv_mapping_unknown', { name: now.mapping.slice(0, 60) })]);
  // Read as it arrives (a statement of 100,000 entries is never held whole); its digest as it passes.
  const hash = createHash('sha256');
  const source = 'bytes' in file ? slices(file.bytes) : file.chunks;
  const chunks = async function* () {
    for await (const chunk of source) {
      hash.update(chunk);
      yield chunk;
    }
  };
  let fileId: string;
  let skip = 0;
  const summary: BankFileSummary = { fileId: '', fileName: file.name, status: 'done', entries: 0, matched: 0, toReconcile: 0, alreadyRecorded: 0, notBooked: 0, problems: [], error: null };
  if (now.fileId) {
    const row = await db
      .selectFrom('bank_files')
      .select(['id', 'entries', 'matched', 'to_reconcile', 'already_recorded', 'not_booked'])
      .where('tenant_id', '=', actor.tenantId)
      .where('id', '=', now.fileId)
      .where('status', '=', 'running')
      .executeTakeFirst();
    if (!row) throw new Error(`bank file ${now.fileId} is not running`);
    fileId = row.id;
    skip = row.entries;
    Object.assign(summary, { entries: row.entries, matched: row.matched, toReconcile: row.to_reconcile, alreadyRecorded: row.already_recorded, notBooked: row.not_booked });
  } else {
    fileId = (
      await db
        .insertInto('bank_files')
        .values({ tenant_id: actor.tenantId, file_name: file.name.slice(0, 300) || 'file', sha256: '0'.repeat(64), created_by: actor.userId })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }
  summary.fileId = fileId;
  const creditorRows = await db.selectFrom('creditors').select(['id', 'tax_code', 'vat_number']).where('tenant_id', '=', actor.tenantId).execute();
  const allCreditors = creditorRows.map((c) => c.id);
  // A pagoPA payment names its ente (the comune's fiscal code): its IUV is looked up among that
  // creditor's notices (an IUV is unique per ente, not across entes); unknown: among all.
  const creditorsOf = (ente: string | null) => {
    const k = ente?.toUpperCase().replace(/^IT/, '');
    const named = k ? creditorRows.filter((c) => [c.tax_code, c.vat_number].some((v) => v && v.toUpperCase().replace(/^IT/, '') === k)).map((c) => c.id) : [];
    return named.length ? named : allCreditors;
  };
  const todayIso = now.today ?? today().toString();
  // Lines are placed in chunks, each in one transaction (placeBankEntries): a statement of 100,000
  // entries in a few hundred commits instead of 100,000 (issue 15 item 8).
  const chunk = Math.max(1, Math.floor(now.chunk ?? CHUNK));
  const sideBySide = chunk > 1 && (now.connections ?? 1) > 1;
  let pending: EntryWork[] = [];
  // The chunk placed before the one being read (side by side: maybe still running), and its counts' commit.
  let previous: Running | null = null;
  const flush = async () => {
    const works = pending;
    pending = [];
    if (!sideBySide) {
      const outcomes = chunk === 1 ? [await placeBankEntry(db, actor, works[0]!)] : await placeBankEntries(db, actor, works);
      await count(works, outcomes);
      return;
    }
    const before = previous;
    const running = runChunk(before, (order) => placeBankEntries(db, actor, works, order), returnsIn(works));
    // Counted in file order, after the chunk before is counted.
    running.counted = running.done.then(async (outcomes) => {
      await before?.counted;
      await count(works, outcomes);
    });
    running.counted.catch(() => {}); // awaited below or by the next chunk; never an unhandled rejection
    previous = running;
    // Two at most: this one runs while the next is read; the one before must be done and counted.
    try {
      await before?.counted;
    } catch (e) {
      await running.done.catch(() => {});
      throw e;
    }
  };
  const count = async (works: EntryWork[], outcomes: Outcome[]) => {
    // Lines counted once placed (side by side, the next chunk's are being read meanwhile).
    summary.entries += works.length;
    for (const outcome of outcomes) {
      if (outcome === 'matched') summary.matched++;
      else if (outcome === 'to_reconcile') summary.toReconcile++;
      else if (outcome === 'not_booked') summary.notBooked++;
      else summary.alreadyRecorded++;
    }
    // The running counts, committed right after the chunk: the page polls them, and a run resumed
    // after a crash starts after them (a crash in between only counts that chunk as already recorded).
    await db
      .updateTable('bank_files')
      .set({ entries: summary.entries, matched: summary.matched, to_reconcile: summary.toReconcile, already_recorded: summary.alreadyRecorded, not_booked: summary.notBooked, updated_at: sql`now()` })
      .where('tenant_id', '=', actor.tenantId)
      .where('id', '=', fileId)
      .execute();
    now.onProgress?.(summary);
  };
  let read = 0;
  const place = async (line: BankLine, creditors: string[]) => {
    if (++read <= skip) return; // placed by the run that was interrupted
    pending.push({ fileId, fileName: file.name, line, creditors, today: todayIso });
    if (pending.length >= chunk) await flush();
  };
  const occurrences = new Map<string, number>();
  let format: string | null = null;
  try {
    const { kind, stream } = await sniffed(chunks());
    if (kind === 'camt') {
      for await (const item of readCamt(stream)) {
        if (item.kind === 'header') format = `${item.message}.001.${item.version}`;
        else if (item.kind === 'problem') summary.problems.push({ index: item.index, message: item.message });
        else {
          for (let i = 0; i < item.entry.transactions.length; i++) {
            const tx = item.entry.transactions[i]!;
            await place(camtLine(item.entry, tx, entryKey(item.entry, tx, i, occurrences)), allCreditors);
          }
        }
      }
    } else if (kind === 'pagopa_flow') {
      format = 'pagopa.flow';
      let header: PagopaFlowHeader | null = null;
      for await (const item of readPagopaFlow(stream)) {
        if (item.kind === 'header') header = item.header;
        else if (item.kind === 'problem') summary.problems.push({ index: item.index, message: item.message });
        else await place(flowLine(header!, item.receipt), creditorsOf(header!.receiver));
      }
    } else if (mapping) {
      format = 'csv';
      for await (const item of readBankCsv(stream, mapping)) {
        if (item.kind === 'problem') summary.problems.push({ index: item.index, message: item.message });
        else await place(bankCsvLine(mapping, item.row, occurrences), allCreditors);
      }
    } else {
      format = 'pagopa.receipts_csv';
      for await (const item of readReceiptsCsv(stream)) {
        if (item.kind === 'problem') summary.problems.push({ index: item.index, message: item.message });
        else await place(receiptLine(item.receipt, occurrences), creditorsOf(item.receipt.ente));
      }
    }
  } catch (e) {
    if (!(e instanceof CamtError || e instanceof PagopaFlowError || e instanceof CsvFileError)) throw e;
    summary.status = 'failed';
    summary.error = e.problem;
  }
  // The lines read before the end (or before the file went wrong: they are kept).
  if (pending.length) await flush();
  await (previous as Running | null)?.counted;
  const sha256 = hash.digest('hex');
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('bank_files')
      .set({
        format,
        sha256,
        status: summary.status,
        entries: summary.entries,
        matched: summary.matched,
        to_reconcile: summary.toReconcile,
        already_recorded: summary.alreadyRecorded,
        not_booked: summary.notBooked,
        problems: JSON.stringify(summary.problems.slice(0, 1000)),
        error: summary.error ? JSON.stringify((summary.error)) : null,
        finished_at: sql`now()`,
        updated_at: sql`now()`,
      })
      .where('tenant_id', '=', actor.tenantId)
      .where('id', '=', fileId)
      .execute();
    await recordAudit(trx, actor, {
      action: 'bank_file.imported',
      entityType: 'bank_file',
      entityId: fileId,
      after: { file: file.name, sha256, format, entries: summary.entries, matched: summary.matched, toReconcile: summary.toReconcile, alreadyRecorded: summary.alreadyRecorded, notBooked: summary.notBooked, problems: summary.problems.length, status: summary.status },
    });
  });
  // The file is done once its lines are placed (its row says so, with the time it finished). Then the
  // risk profiles of the debtors the chunks paid, once for the file (they marked them, decision 0006):
  // a derived figure — should this stop, the marks stay for the `refresh-stale-profiles` job.
  if (now.profiles !== 'job') await refreshStaleDebtorProfiles(db, actor.tenantId, { workers: now.connections ?? 1 });
  return summary;
}

/** A chunk under way side by side with the one before it (`ChunkOrder`). */
interface Running {
  /** Its debtors, known once it books its payments; null: it may touch anyone's (wait for it to be done). */
  debtors: Promise<Set<string> | null>;
  /** Its entry rows are written (or it is done). */
  entered: Promise<void>;
  done: Promise<Outcome[]>;
  counted: Promise<void>;
}

/**
 * Starts a chunk whose order after `before` (the chunk started just before it, maybe running) is
 * kept by a {@link ChunkOrder}: a chunk with a return waits for `before` to be done first.
 */
function runChunk(before: Running | null, place: (order: ChunkOrder) => Promise<Outcome[]>, withReturn: boolean): Running {
  let tell!: (debtors: Set<string> | null) => void;
  let entered!: () => void;
  const debtors = new Promise<Set<string> | null>((r) => (tell = r));
  const enteredP = new Promise<void>((r) => (entered = r));
  const finished = before ? before.done.then(() => {}, () => {}) : Promise.resolve();
  const order: ChunkOrder = {
    entries: async (write) => {
      await before?.entered;
      try {
        return await write();
      } finally {
        entered();
      }
    },
    payments: async (ids) => {
      tell(new Set(ids));
      if (!before) return;
      // Nothing to wait for if the chunk before is done, or pays none of these debtors.
      const theirs = await Promise.race([before.debtors, finished.then(() => new Set<string>())]);
      if (theirs === null || ids.some((id) => theirs.has(id))) await finished;
    },
    afterAll: async () => {
      tell(null);
      await finished;
    },
  };
  const done = (async () => {
    if (withReturn) await order.afterAll();
    return place(order);
  })();
  // Whatever happened, the next chunk must not wait for what this one will never tell.
  const settle = () => {
    tell(new Set());
    entered();
  };
  done.then(settle, settle);
  return { debtors, entered: enteredP, done, counted: Promise.resolve() };
}

function* slices(bytes: Uint8Array) {
  for (let i = 0; i < bytes.length; i += 1 << 16) yield bytes.subarray(i, i + (1 << 16));
}

/** The file's kind from its first bytes; the stream given back still starts at the beginning. */
async function sniffed(source: AsyncIterable<Uint8Array>) {
  const it = source[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let size = 0;
  while (size < SNIFF_BYTES) {
    const next = await it.next();
    if (next.done) break;
    head.push(next.value);
    size += next.value.length;
  }
  const kind = sniffBankFile(new TextDecoder('utf-8').decode(Buffer.concat(head).subarray(0, SNIFF_BYTES)));
  async function* stream() {
    yield* head;
    for (;;) {
      const next = await it.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { kind, stream: stream() };
}

/**
 * A PSP's cumulative transfer of pagoPA payments: the SCT's remittance (AT-05) reads
 * `/PUR/LGPE-RIVERSAMENTO/URI/<identificativoFlusso>` (SANP, "Riversamento cumulativo"; some treasuries
 * write TXT/<n>/ before URI). Its single payments come with that flow, matched by IUV.
 */
const CUMULATIVE_TRANSFER = /PUR.LGPE-RIVERSAMENTO.(?:TXT.\d.)?URI.([0-9A-Za-z_-]+)/;

function camtLine(entry: CamtEntry, tx: CamtTransaction, key: string): BankLine {
  const cumulative = entry.direction === 'credit' ? CUMULATIVE_TRANSFER.exec([...tx.text, entry.additionalInfo ?? ''].join(' ')) : null;
  return {
    // Never booked as one payment: it would count the flow's payments twice.
    hold: cumulative ? msg('bank.pagopa_transfer', { flow: cumulative[1]!.slice(0, 60) }) : null,
    account: entry.account,
    key,
    direction: entry.direction,
    reversal: entry.reversal,
    status: entry.status,
    amount: tx.amount,
    currency: tx.currency,
    bookingDate: entry.bookingDate,
    valueDate: entry.valueDate,
    partyName: tx.partyName,
    partyIban: tx.partyIban,
    references: tx.references,
    text: tx.text,
    additionalInfo: entry.additionalInfo,
    endToEndId: tx.endToEndId,
    returnReason: tx.returnReason,
    method: 'bank_transfer',
    source: `${entry.statementId ?? ''} #${entry.index}`,
  };
}

/** The "account" of pagoPA payments: the ente they were paid to (its fiscal code), so a flow and a CSV of the same ente share keys. */
export const pagopaAccount = (ente: string | null) => (ente ? `${PAGOPA_ACCOUNT}:${ente}` : PAGOPA_ACCOUNT).slice(0, 70);

/**
 * The key of a pagoPA payment: IUV + IUR + transfer index identify one payment of one ente (SANP:
 * the ente finds the receipt by IUV and IUR, the transfer by the index), so the same flow again, or
 * a later flow repeating it, records nothing twice. A revocation of it is another line (its own key).
 */
export const pagopaKey = (iuv: string, iur: string, transferIndex: string, revoked: boolean) => `p:${iuv}/${iur}/${transferIndex}${revoked ? '/revoked' : ''}`;

const validDate = (d: string | null) => {
  if (!d) return null;
  try {
    return parseDate(d.slice(0, 10)).toString();
  } catch {
    return null;
  }
};

/**
 * A payment of a pagoPA flow. Paid (0, and 4, 8, 9: stand-in or without RPT, still money received)
 * is a credit matched by its IUV alone; revoked (3) waits for a person as a reversal; any other
 * outcome waits with its code.
 */
function flowLine(h: PagopaFlowHeader, r: PagopaReceipt): BankLine {
  const revoked = r.outcome === REVOKED_OUTCOME;
  const paid = (PAID_OUTCOMES as readonly string[]).includes(r.outcome);
  const regulation = validDate(h.regulationDate);
  return {
    account: pagopaAccount(h.receiver),
    key: pagopaKey(r.iuv, r.iur, r.transferIndex, revoked),
    direction: revoked ? 'debit' : 'credit',
    reversal: revoked,
    status: 'BOOK',
    amount: r.amount,
    currency: 'EUR',
    bookingDate: regulation,
    valueDate: r.outcomeDate ?? regulation,
    partyName: null,
    partyIban: null,
    references: [r.iuv],
    text: [],
    additionalInfo: `pagoPA ${h.flowId ?? ''} · ${h.pspName ?? h.psp ?? ''} · ${h.regulationId ?? ''}`.slice(0, 500),
    endToEndId: r.iur,
    returnReason: null,
    method: 'pagopa',
    source: `${h.flowId ?? ''} #${r.index}`,
    hold: revoked ? msg('bank.pagopa_revoked', { iuv: r.iuv }) : paid ? null : msg('bank.pagopa_outcome', { code: r.outcome }),
  };
}

/** A receipt of a CSV: with its IUR it has the flow's key; without, its content and occurrence in the file. */
function receiptLine(r: ReceiptRow, occurrences: Map<string, number>): BankLine {
  const revoked = r.negative || r.outcome === REVOKED_OUTCOME;
  const paid = r.outcome === null || (PAID_OUTCOMES as readonly string[]).includes(r.outcome);
  let key: string;
  if (r.iur) key = pagopaKey(r.iuv, r.iur, r.transferIndex, revoked);
  else {
    const base = `r:${r.iuv}/${r.date}/${r.amount}${revoked ? '/revoked' : ''}`;
    const n = (occurrences.get(base) ?? 0) + 1;
    occurrences.set(base, n);
    key = `${base}#${n}`;
  }
  return {
    account: pagopaAccount(r.ente),
    key,
    direction: revoked ? 'debit' : 'credit',
    reversal: revoked,
    status: 'BOOK',
    amount: r.amount,
    currency: 'EUR',
    bookingDate: r.date,
    valueDate: r.date,
    partyName: r.payer,
    partyIban: null,
    references: [r.notice ?? r.iuv],
    text: [],
    additionalInfo: null,
    endToEndId: r.iur,
    returnReason: null,
    method: 'pagopa',
    source: `#${r.index}`,
    hold: revoked ? msg('bank.pagopa_revoked', { iuv: r.iuv }) : paid ? null : msg('bank.pagopa_outcome', { code: r.outcome! }),
  };
}

/**
 * The entry's key on its account: the bank's reference (AcctSvcrRef; with the transaction's position
 * when a batch booking holds several), else the transaction's own bank reference, else a digest of
 * everything the entry says with how often the same entry occurred in this file — two identical
 * transfers on one day stay two, and the same file read again gives the same keys.
 */
export function entryKey(entry: CamtEntry, tx: CamtTransaction, i: number, occurrences: Map<string, number>): string {
  const many = entry.transactions.length > 1;
  if (entry.acctSvcrRef) return `a:${entry.acctSvcrRef}${many ? `#${i + 1}` : ''}`.slice(0, 200);
  if (tx.acctSvcrRef) return `t:${tx.acctSvcrRef}`.slice(0, 200);
  const digest = createHash('sha256')
    .update(JSON.stringify([entry.bookingDate, entry.valueDate, entry.direction, entry.reversal, entry.entryRef, tx.amount, tx.currency, tx.endToEndId, tx.references, tx.text, tx.partyName, tx.partyIban]))
    .digest('hex')
    .slice(0, 40);
  const n = (occurrences.get(digest) ?? 0) + 1;
  occurrences.set(digest, n);
  return `h:${digest}#${n}`;
}


/**
 * A row of a bank's CSV export: the mapped account, and as key a digest of everything the row says
 * with how often the same row occurred in this file (CSV exports carry no bank reference): the same
 * export, or an overlapping one, read again gives the same keys.
 */
function bankCsvLine(m: BankCsvMapping, r: BankCsvRow, occurrences: Map<string, number>): BankLine {
  const digest = createHash('sha256')
    .update(JSON.stringify([r.bookingDate, r.valueDate, r.direction, r.amount, r.payer, r.iban, r.references, r.text]))
    .digest('hex')
    .slice(0, 40);
  const n = (occurrences.get(digest) ?? 0) + 1;
  occurrences.set(digest, n);
  return {
    account: m.account,
    key: `c:${digest}#${n}`,
    direction: r.direction,
    reversal: false,
    status: 'BOOK',
    amount: r.amount,
    currency: m.currency,
    bookingDate: r.bookingDate,
    valueDate: r.valueDate,
    partyName: r.payer,
    partyIban: r.iban,
    references: r.references,
    text: r.text,
    additionalInfo: null,
    endToEndId: null,
    returnReason: null,
    method: 'bank_transfer',
    source: `#${r.index}`,
  };
}
