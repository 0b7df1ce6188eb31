import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Trx } from '../../db/connect.ts';
import { cluesOf, type Clue } from '../../domain/bank/clues.ts';
import { normaliseName } from '../../domain/import/matching.ts';
import { today } from '../../domain/dates.ts';
import { AppError, fieldMessage } from '../../domain/errors.ts';
import { money } from '../../domain/money.ts';
import { msg, type Message } from '../../domain/messages/index.ts';
import { OPEN_STATUSES } from '../../domain/model.ts';
import type { Actor } from '../../domain/policies.ts';
import { CamtError, readCamt, type CamtEntry, type CamtTransaction } from '../../integrations/bank/camt.ts';
import { bookPayment } from '../payments/record-payment.ts';
import { recordAudit } from '../shared/audit.ts';
import { authorize } from '../shared/authorize.ts';

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
 * Imports a bank file (issue 15 item 4): an ISO 20022 camt.053 statement or camt.054 notification,
 * read as a stream. Each transaction is one unit of work in its own database transaction: its entry
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
  now: { today?: string; onProgress?: (s: BankFileSummary) => void } = {},
): Promise<BankFileSummary> {
  authorize(actor, 'create', 'payment');
  // Read as it arrives (a statement of 100,000 entries is never held whole); its digest as it passes.
  const hash = createHash('sha256');
  const source = 'bytes' in file ? slices(file.bytes) : file.chunks;
  const chunks = async function* () {
    for await (const chunk of source) {
      hash.update(chunk);
      yield chunk;
    }
  };
  const { id: fileId } = await db
    .insertInto('bank_files')
    .values({ tenant_id: actor.tenantId, file_name: file.name.slice(0, 300) || 'file', sha256: '0'.repeat(64), created_by: actor.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  const summary: BankFileSummary = { fileId, fileName: file.name, status: 'done', entries: 0, matched: 0, toReconcile: 0, alreadyRecorded: 0, notBooked: 0, problems: [], error: null };
  const creditors = (await db.selectFrom('creditors').select('id').where('tenant_id', '=', actor.tenantId).execute()).map((c) => c.id);
  const occurrences = new Map<string, number>();
  let format: string | null = null;
  try {
    for await (const item of readCamt(chunks())) {
      if (item.kind === 'header') format = `${item.message}.001.${item.version}`;
      else if (item.kind === 'problem') summary.problems.push({ index: item.index, message: item.message });
      else {
        for (let i = 0; i < item.entry.transactions.length; i++) {
          const tx = item.entry.transactions[i]!;
          const key = entryKey(item.entry, tx, i, occurrences);
          summary.entries++;
          const outcome = await bookEntry(db, actor, { fileId, fileName: file.name, entry: item.entry, tx, key, creditors, today: now.today ?? today().toString() });
          if (outcome === 'matched') summary.matched++;
          else if (outcome === 'to_reconcile') summary.toReconcile++;
          else if (outcome === 'not_booked') summary.notBooked++;
          else summary.alreadyRecorded++;
          if (now.onProgress && summary.entries % 100 === 0) now.onProgress(summary);
        }
      }
    }
  } catch (e) {
    if (!(e instanceof CamtError)) throw e;
    summary.status = 'failed';
    summary.error = e.problem;
  }
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
  return summary;
}

function* slices(bytes: Uint8Array) {
  for (let i = 0; i < bytes.length; i += 1 << 16) yield bytes.subarray(i, i + (1 << 16));
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

type Outcome = 'matched' | 'to_reconcile' | 'not_booked' | 'already';

interface EntryWork {
  fileId: string;
  fileName: string;
  entry: CamtEntry;
  tx: CamtTransaction;
  key: string;
  creditors: string[];
  today: string;
}

/** One transaction of the file, in one database transaction; a refused payment is redone as a reconciliation item. */
async function bookEntry(db: Db, actor: Actor, w: EntryWork): Promise<Outcome> {
  try {
    return await db.transaction().execute((trx) => placeEntry(trx, actor, w, true));
  } catch (e) {
    if (!(e instanceof RefusedPayment)) throw e;
    return db.transaction().execute((trx) => placeEntry(trx, actor, w, false, e.reason));
  }
}

class RefusedPayment extends Error {
  constructor(readonly reason: Message) {
    super(reason.code);
  }
}

async function placeEntry(trx: Trx, actor: Actor, w: EntryWork, mayPay: boolean, refused?: Message): Promise<Outcome> {
  const { entry, tx } = w;
  const remittance = [...tx.text, entry.additionalInfo ?? ''].filter(Boolean).join(' / ').slice(0, 2000);
  const base = {
    tenant_id: actor.tenantId,
    file_id: w.fileId,
    account: entry.account.slice(0, 70),
    entry_key: w.key,
    direction: entry.direction,
    reversal: entry.reversal,
    amount: tx.amount,
    currency: tx.currency,
    booking_date: entry.bookingDate,
    value_date: entry.valueDate,
    party_name: tx.partyName?.slice(0, 200) ?? null,
    party_iban: tx.partyIban?.slice(0, 40) ?? null,
    remittance: remittance || null,
    refs: tx.references.map((r) => r.slice(0, 100)),
    end_to_end_id: tx.endToEndId?.slice(0, 100) ?? null,
    return_reason: tx.returnReason?.slice(0, 10) ?? null,
  };
  const place = async (state: 'matched' | 'to_reconcile' | 'ignored', extra: Record<string, unknown>) => {
    const row = await trx
      .insertInto('bank_entries')
      .values({ ...base, state, ...extra } as never)
      .onConflict((oc) => oc.columns(['tenant_id', 'account', 'entry_key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id ?? null;
  };
  // Already recorded (this file again, or an overlapping statement)? Nothing else happens.
  const seen = await trx
    .selectFrom('bank_entries')
    .select('id')
    .where('tenant_id', '=', actor.tenantId)
    .where('account', '=', base.account)
    .where('entry_key', '=', w.key)
    .executeTakeFirst();
  if (seen) return 'already';

  if (entry.status !== 'BOOK') {
    return (await place('ignored', { reason: JSON.stringify((msg('bank.not_booked', { status: entry.status }))) })) ? 'not_booked' : 'already';
  }
  if (money(tx.amount).decimalPlaces() > 2) {
    return (await place('to_reconcile', { reason: JSON.stringify((msg('bank.amount_precision', { amount: tx.amount }))) })) ? 'to_reconcile' : 'already';
  }
  if (entry.direction === 'debit') {
    const reason = entry.reversal || tx.returnReason ? msg('bank.returned', { code: tx.returnReason ?? '—' }) : msg('bank.debit');
    return (await place('to_reconcile', { reason: JSON.stringify((reason)) })) ? 'to_reconcile' : 'already';
  }

  const clues = cluesOf(tx);
  const found = await claimsNamed(trx, actor.tenantId, w.creditors, clues.references);
  let matchedBy = found.length ? found[0]!.via : null;
  let claims = found;
  if (!claims.length && clues.documents.length) {
    claims = await claimsByDocument(trx, actor.tenantId, w.creditors, clues.documents);
    matchedBy = claims.length ? 'document' : null;
  }
  const groups = new Map<string, typeof claims>();
  for (const c of claims) {
    const k = `${c.debtor_id}|${c.creditor_id}`;
    groups.set(k, [...(groups.get(k) ?? []), c]);
  }
  let reason: Message | null = refused ?? null;
  if (!reason && groups.size > 1) reason = msg('bank.several_debtors', { count: groups.size });
  if (!reason && groups.size === 1) {
    const group = [...groups.values()][0]!;
    if (tx.currency !== 'EUR' && tx.currency !== 'CHF') reason = msg('bank.currency_differs', { currency: tx.currency, claimCurrency: group[0]!.currency });
    else if (group.some((c) => c.currency !== tx.currency)) reason = msg('bank.currency_differs', { currency: tx.currency, claimCurrency: group[0]!.currency });
  }
  if (!reason && groups.size === 1 && mayPay) {
    const group = [...groups.values()][0]!;
    const open = [...new Set(group.filter((c) => (OPEN_STATUSES as readonly string[]).includes(c.status)).map((c) => c.id))];
    const entryId = await place('matched', { matched_by: matchedBy, claim_ids: [...new Set(group.map((c) => c.id))] });
    if (!entryId) return 'already';
    let payment;
    try {
      payment = await bookPayment(
        trx,
        actor,
        {
          debtorId: group[0]!.debtor_id,
          creditorId: group[0]!.creditor_id,
          amount: money(tx.amount).toFixed(2),
          currency: tx.currency as 'EUR' | 'CHF',
          valueDate: entry.valueDate ?? entry.bookingDate ?? w.today,
          method: 'bank_transfer',
          reference: (tx.references[0] ?? tx.endToEndId ?? null)?.slice(0, 140) ?? null,
          payerName: tx.partyName?.slice(0, 200) ?? null,
          note: `${w.fileName.slice(0, 200)} · ${entry.statementId ?? ''} #${entry.index}`.slice(0, 2000),
          // The claims the reference names, those still open; none open: the money is kept unallocated.
          claimIds: open,
        },
        { today: w.today },
      );
    } catch (e) {
      if (e instanceof AppError && e.code === 'validation') throw new RefusedPayment(e.fields[0] ? fieldMessage(e.fields[0]) : e.msg);
      throw e;
    }
    await trx.updateTable('bank_entries').set({ payment_id: payment.id }).where('tenant_id', '=', actor.tenantId).where('id', '=', entryId).execute();
    return 'matched';
  }
  reason ??= msg('bank.no_reference');
  const suggestions = groups.size > 1 ? [...groups.values()].map((g) => ({ debtorId: g[0]!.debtor_id, creditorId: g[0]!.creditor_id, claimIds: g.map((c) => c.id), why: matchedBy })) : await suggest(trx, actor.tenantId, tx);
  return (await place('to_reconcile', { reason: JSON.stringify((reason)), claim_ids: claims.map((c) => c.id), suggestions: suggestions.length ? JSON.stringify(suggestions) : null })) ? 'to_reconcile' : 'already';
}

interface FoundClaim {
  id: string;
  debtor_id: string;
  creditor_id: string;
  currency: string;
  status: string;
  via: string;
}

/** The claims our references name: claim numbers, letters about several claims, pagoPA notice codes and IUVs. */
async function claimsNamed(trx: Trx, tenantId: string, creditors: string[], clues: Clue[]): Promise<FoundClaim[]> {
  if (!clues.length || !creditors.length) return [];
  const claimNumbers = clues.filter((c) => c.kind === 'claim_number').map((c) => c.value);
  const letters = clues.filter((c) => c.kind === 'communication_number').map((c) => c.value);
  const notices = new Set(clues.filter((c) => c.kind === 'notice').map((c) => c.value));
  for (const c of clues) {
    if (c.kind !== 'iuv') continue;
    // The notice codes an IUV can belong to (SACI Tab. 2): aux 1, 2, 3 + a 17-digit IUV, aux 0 + application code + a 15-digit one.
    if (c.value.length === 17) for (const aux of ['1', '2', '3']) notices.add(aux + c.value);
    else for (let app = 0; app < 100; app++) notices.add(`0${String(app).padStart(2, '0')}${c.value}`);
  }
  const cols = ['c.id', 'c.debtor_id', 'c.creditor_id', 'c.currency', 'c.status'] as const;
  const out: FoundClaim[] = [];
  if (claimNumbers.length) {
    const rows = await trx.selectFrom('claims as c').select(cols).where('c.tenant_id', '=', tenantId).where('c.ref_no', 'in', claimNumbers).execute();
    out.push(...rows.map((r) => ({ ...r, via: 'reference' })));
  }
  if (letters.length) {
    const rows = await trx
      .selectFrom('communications as m')
      .innerJoin('communication_claims as mc', (j) => j.onRef('mc.communication_id', '=', 'm.id').onRef('mc.tenant_id', '=', 'm.tenant_id'))
      .innerJoin('claims as c', (j) => j.onRef('c.id', '=', 'mc.claim_id').onRef('c.tenant_id', '=', 'mc.tenant_id'))
      .select(cols)
      .where('m.tenant_id', '=', tenantId)
      .where('m.ref_no', 'in', letters)
      .execute();
    out.push(...rows.map((r) => ({ ...r, via: 'reference' })));
  }
  if (notices.size) {
    const rows = await trx
      .selectFrom('claims as c')
      .select(cols)
      .where('c.tenant_id', '=', tenantId)
      .where('c.creditor_id', 'in', creditors)
      .where('c.notice_code', 'in', [...notices])
      .execute();
    out.push(...rows.map((r) => ({ ...r, via: 'notice' })));
  }
  return out;
}

/** Claims whose document number (as the creditor wrote it) appears in the remittance text. */
async function claimsByDocument(trx: Trx, tenantId: string, creditors: string[], documents: string[]): Promise<FoundClaim[]> {
  if (!creditors.length) return [];
  const rows = await trx
    .selectFrom('claims as c')
    .select(['c.id', 'c.debtor_id', 'c.creditor_id', 'c.currency', 'c.status'])
    .where('c.tenant_id', '=', tenantId)
    .where('c.creditor_id', 'in', creditors)
    .where('c.external_ref', 'in', documents)
    .execute();
  return rows.map((r) => ({ ...r, via: 'document' }));
}

/**
 * A guess for a person: the debtor whose earlier payment came from the same IBAN, or debtors whose
 * name is the payer's (either order of first and last name), each with its open claims. Never booked
 * by itself: a name is no proof.
 */
async function suggest(trx: Trx, tenantId: string, tx: CamtTransaction): Promise<{ debtorId: string; creditorId: string | null; claimIds: string[]; why: string }[]> {
  const why = new Map<string, string>();
  if (tx.partyIban) {
    const rows = await trx
      .selectFrom('bank_entries as e')
      .innerJoin('payments as p', (j) => j.onRef('p.id', '=', 'e.payment_id').onRef('p.tenant_id', '=', 'e.tenant_id'))
      .select('p.debtor_id')
      .distinct()
      .where('e.tenant_id', '=', tenantId)
      .where('e.party_iban', '=', tx.partyIban)
      .where('e.payment_id', 'is not', null)
      .limit(5)
      .execute();
    for (const r of rows) why.set(r.debtor_id, 'iban');
  }
  if (tx.partyName) {
    const key = normaliseName(tx.partyName, { keepLegalForm: true });
    const words = key.split(' ');
    const keys = [key, normaliseName(tx.partyName)];
    if (words.length === 2) keys.push(`${words[1]} ${words[0]}`);
    // Imported debtors carry their name key; others are found by their display name in either order
    // (an ILIKE without wildcards: the trigram index of migration 0013 answers it).
    const plain = tx.partyName.trim().replace(/[\\%_]/g, (c) => `\\${c}`);
    const parts = plain.split(/\s+/);
    const names = [plain, ...(parts.length === 2 ? [`${parts[1]} ${parts[0]}`] : [])];
    const rows = await trx
      .selectFrom('debtors')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where((eb) => eb.or([eb('match_key', 'in', [...new Set(keys)]), ...names.map((n) => eb('display_name', 'ilike', n))]))
      .limit(5)
      .execute();
    for (const r of rows) if (!why.has(r.id)) why.set(r.id, 'name');
  }
  if (!why.size) return [];
  // One suggestion per debtor and creditor with open claims (a payment is one creditor's); a debtor
  // without open claims is still shown, to book the money unallocated.
  const out = new Map<string, { debtorId: string; creditorId: string | null; claimIds: string[]; why: string }>();
  const open = await trx
    .selectFrom('claims')
    .select(['id', 'debtor_id', 'creditor_id'])
    .where('tenant_id', '=', tenantId)
    .where('debtor_id', 'in', [...why.keys()])
    .where('status', 'in', [...OPEN_STATUSES])
    .orderBy('due_date')
    .limit(200)
    .execute();
  for (const c of open) {
    const k = `${c.debtor_id}|${c.creditor_id}`;
    if (!out.has(k)) out.set(k, { debtorId: c.debtor_id, creditorId: c.creditor_id, claimIds: [], why: why.get(c.debtor_id)! });
    out.get(k)!.claimIds.push(c.id);
  }
  for (const [debtorId, reason] of why) if (![...out.values()].some((s) => s.debtorId === debtorId)) out.set(debtorId, { debtorId, creditorId: null, claimIds: [], why: reason });
  return [...out.values()];
}
