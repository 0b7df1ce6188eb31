import { uuid7 } from '../../db/uuid7.ts';
import type { Db, Trx } from '../../db/connect.ts';
import { bulkInsert, type BulkColumn } from '../../db/bulk-insert.ts';
import type { DB } from '../../db/schema.ts';
import { cluesOf, resolveRuns, type Clue } from '../../domain/bank/clues.ts';
import { normaliseName } from '../../domain/import/matching.ts';
import { AppError, fieldMessage } from '../../domain/errors.ts';
import { money } from '../../domain/money.ts';
import { amountParam, msg, type Message } from '../../domain/messages/index.ts';
import { OPEN_STATUSES } from '../../domain/model.ts';
import type { Actor } from '../../domain/policies.ts';
import { bookPayment, bookPayments } from '../payments/record-payment.ts';
import { sql } from 'kysely';
import { NO_E2E, reverseReturnedPayment } from './reverse-returned-payment.ts';

/**
 * One line of money read from a bank or pagoPA file, whatever the file's format (issue 15 items 4
 * and 5): a camt transaction, a pagoPA flow's single payment, a receipt of a CSV. The readers turn
 * what they read into this; {@link placeBankEntry} records it once and books what it proves.
 */
export interface BankLine {
  /** The account it moved on (an IBAN; for pagoPA "pagoPA:<ente's fiscal code>"). */
  account: string;
  /** Unique on the account: the same line read again (the same or an overlapping file) is recorded once. */
  key: string;
  direction: 'credit' | 'debit';
  /** It reverses an earlier one (a returned direct debit, a revoked pagoPA payment). */
  reversal: boolean;
  /** BOOK (booked), PDNG, INFO: only a booked line is paid in. */
  status: string;
  /** Exact, as written ("120.50"), never negative. */
  amount: string;
  currency: string;
  bookingDate: string | null;
  valueDate: string | null;
  partyName: string | null;
  partyIban: string | null;
  /** Structured references: RF, QRR, notice codes, IUVs. */
  references: string[];
  /** Remittance text (searched for references and document numbers). */
  text: string[];
  additionalInfo: string | null;
  endToEndId: string | null;
  returnReason: string | null;
  /** How the payment it becomes was made. */
  method: 'bank_transfer' | 'pagopa';
  /** Where in its file, for the payment's note ("STMT-1 #4", "<idFlusso> #2"). */
  source: string;
  /** The reader already knows a person must look, and why (a revoked pagoPA payment). */
  hold?: Message | null;
}

export type Outcome = 'matched' | 'to_reconcile' | 'not_booked' | 'already';

export interface EntryWork {
  fileId: string;
  fileName: string;
  line: BankLine;
  /** The tenant's creditors (notice codes and document numbers are unique per creditor). */
  creditors: string[];
  today: string;
}

/**
 * One line of a file, in one database transaction: its `bank_entries` row (unique per tenant,
 * account and key: a second reading records nothing) and — for a booked credit that a structured
 * reference, pagoPA notice code / IUV or document number ties to one debtor's claims — the payment,
 * allocated by the engine. A payment the engine refuses is redone as a reconciliation item with the
 * reason; a crash leaves the entry with its payment or neither.
 */
export async function placeBankEntry(db: Db, actor: Actor, w: EntryWork): Promise<Outcome> {
  try {
    return await db.transaction().execute((trx) => placeEntry(trx, actor, w, true));
  } catch (e) {
    if (!(e instanceof RefusedPayment)) throw e;
    return db.transaction().execute((trx) => placeEntry(trx, actor, w, false, e.reason));
  }
}

/**
 * Many lines of a file (a chunk of a few hundred) in ONE database transaction, each placed as
 * {@link placeBankEntry} places it — the same entry rows, matches, payments and reconciliation items —
 * with a few statements for the whole chunk: the keys already recorded in one, each kind of
 * reference looked up once for all lines, the payments booked together (`bookPayments`). The chunk
 * commits its entries with their payments at once, so a crash leaves each entry with its payment or
 * neither and a re-run finishes the file. Should anything fail in the chunk, it is rolled back and
 * its lines are placed one by one, each in its own transaction: a bad line never costs the others.
 */
export async function placeBankEntries(db: Db, actor: Actor, works: EntryWork[], order: ChunkOrder = IN_TURN): Promise<Outcome[]> {
  if (!works.length) return [];
  try {
    return await db.transaction().execute((trx) => placeChunk(trx, actor, works, order));
  } catch {
    // Line by line once the chunk before is done (its lines may be anyone's).
    await order.afterAll();
    const out: Outcome[] = [];
    for (const w of works) out.push(await placeBankEntry(db, actor, w));
    return out;
  }
}

/**
 * How a chunk keeps its place among chunks placed side by side (`importBankFile` with two
 * connections): each waits for the chunk before it where the file's order matters, and nowhere else.
 */
export interface ChunkOrder {
  /** Writes its entry rows after those of the chunk before (the list shows a file in its order). */
  entries<T>(write: () => Promise<T>): Promise<T>;
  /**
   * Before its payments are booked, given the debtors they pay: once the chunk before has booked its
   * own, if it pays any of them (their claims, plans and profiles are then changed in the file's
   * order, and two chunks never wait for each other's locks).
   */
  payments(debtorIds: readonly string[]): Promise<void>;
  /** Once the chunk before is done, whatever it touched (a return, which must see the credit it returns; lines placed one by one). */
  afterAll(): Promise<void>;
}

/** The order of a chunk placed alone: nothing runs before it. */
export const IN_TURN: ChunkOrder = { entries: (write) => write(), payments: async () => {}, afterAll: async () => {} };

/** A chunk with a return that may reverse a payment of an earlier line: it runs after the chunk before (whose credit it may return). */
export const returnsIn = (works: readonly EntryWork[]): boolean => works.some((w) => isReturn(w.line));

type Placed = { state: 'matched' | 'to_reconcile' | 'ignored'; extra: Record<string, unknown>; pay?: { input: Parameters<typeof bookPayments>[2][number]; claims: FoundClaim[] } };

async function placeChunk(trx: Trx, actor: Actor, works: EntryWork[], order: ChunkOrder): Promise<Outcome[]> {
  // A booked debit that returns money may reverse a payment we booked (reverse-returned-payment.ts):
  // such a return is placed as line by line, in its place in the file (a return after its credit finds
  // the payment). A return that can tie to no payment (none recorded, none among the chunk's credits
  // before it) is placed with the others, as placeEntry would place it: a reconciliation item.
  const ties = await returnsThatMayTie(trx, actor.tenantId, works);
  const d = works.findIndex((_, i) => ties.has(i));
  if (d >= 0) {
    const before = d > 0 ? await placeCredits(trx, actor, works.slice(0, d), order) : [];
    const returned = await placeEntry(trx, actor, works[d]!, true);
    const after = d + 1 < works.length ? await placeChunk(trx, actor, works.slice(d + 1), order) : [];
    return [...before, returned, ...after];
  }
  return placeCredits(trx, actor, works, order);
}

const isReturn = (line: BankLine) => line.direction === 'debit' && line.status === 'BOOK' && !line.hold && money(line.amount).decimalPlaces() <= 2 && (line.reversal || line.returnReason !== null);

/**
 * The returns of a chunk that might be tied to a payment (`reverseReturnedPayment`): one recorded
 * (a credit entry with the same end-to-end id, or a payment carrying one of its references, for the
 * same money, not reversed: one statement for the chunk) or one the chunk's credits before it may
 * book. The rest find nothing, whatever their place.
 */
async function returnsThatMayTie(trx: Trx, tenantId: string, works: EntryWork[]): Promise<Set<number>> {
  const out = new Set<number>();
  const keys = works.map((w, i) => {
    if (!isReturn(w.line)) return null;
    const e2e = w.line.endToEndId?.trim();
    return { i, e2e: e2e && !NO_E2E.has(e2e.toUpperCase()) ? e2e.slice(0, 100) : null, refs: w.line.references.map((r) => r.slice(0, 140)).filter(Boolean) };
  });
  const asking = keys.filter((k): k is NonNullable<typeof k> => k !== null && (k.e2e !== null || k.refs.length > 0));
  if (!asking.length) return out;
  for (const k of asking) {
    const line = works[k.i]!.line;
    for (let j = 0; j < k.i; j++) {
      const c = works[j]!.line;
      if (c.direction !== 'credit' || c.currency !== line.currency || !money(c.amount).eq(line.amount)) continue;
      const reference = (c.references[0] ?? c.endToEndId ?? null)?.slice(0, 140);
      if ((k.e2e !== null && c.endToEndId?.trim().slice(0, 100) === k.e2e) || (reference && k.refs.includes(reference))) out.add(k.i);
    }
  }
  const byE2e = asking.filter((k) => k.e2e !== null && !out.has(k.i));
  const byRef = asking.flatMap((k) => (out.has(k.i) ? [] : k.refs.map((ref) => ({ i: k.i, ref }))));
  const amount = (i: number) => works[i]!.line.amount;
  const currency = (i: number) => works[i]!.line.currency;
  if (byE2e.length || byRef.length) {
    const rows = await sql<{ i: number }>`
      select v.i from unnest(${byE2e.map((k) => k.i)}::int[], ${byE2e.map((k) => k.e2e)}::text[], ${byE2e.map((k) => amount(k.i))}::numeric[], ${byE2e.map((k) => currency(k.i))}::text[]) v(i, e2e, amount, currency)
       where exists (select 1 from bank_entries e join payments p on p.id = e.payment_id and p.tenant_id = e.tenant_id
                      where e.tenant_id = ${tenantId} and e.direction = 'credit' and e.end_to_end_id = v.e2e and p.reversed_at is null and p.amount = v.amount and p.currency = v.currency)
      union
      select v.i from unnest(${byRef.map((k) => k.i)}::int[], ${byRef.map((k) => k.ref)}::text[], ${byRef.map((k) => amount(k.i))}::numeric[], ${byRef.map((k) => currency(k.i))}::text[]) v(i, ref, amount, currency)
       where exists (select 1 from payments p where p.tenant_id = ${tenantId} and p.reference = v.ref and p.reversed_at is null and p.amount = v.amount and p.currency = v.currency)`.execute(trx);
    for (const r of rows.rows) out.add(r.i);
  }
  return out;
}

/** A chunk without returns that may tie to a payment: looked up and booked together. */
async function placeCredits(trx: Trx, actor: Actor, works: EntryWork[], order: ChunkOrder): Promise<Outcome[]> {
  const rows = works.map((w) => entryRow(actor, w));
  const out: (Outcome | null)[] = works.map(() => null);
  // Already recorded (this file again, an overlapping statement, or the same key twice in the chunk): nothing else happens.
  const seen = new Set(
    (
      await sql<{ k: string }>`
        select e.account || ' ' || e.entry_key as k from bank_entries e
          join unnest(${rows.map((r) => r.account)}::text[], ${rows.map((r) => r.entry_key)}::text[]) v(account, entry_key) on e.account = v.account and e.entry_key = v.entry_key
         where e.tenant_id = ${actor.tenantId}`.execute(trx)
    ).rows.map((r) => r.k),
  );
  rows.forEach((r, i) => {
    const k = `${r.account} ${r.entry_key}`;
    if (seen.has(k)) out[i] = 'already';
    seen.add(k);
  });
  const placed: (Placed | null)[] = works.map(() => null);
  const live = works.map((w, i) => ({ w, i })).filter(({ i }) => out[i] === null);
  // The lines that name claims: held ones (the person sees them) and booked credits.
  const clueOf = new Map<number, ReturnType<typeof cluesOf>>();
  for (const { w, i } of live) {
    const line = w.line;
    if (line.status !== 'BOOK') placed[i] = { state: 'ignored', extra: { reason: JSON.stringify(msg('bank.not_booked', { status: line.status })) } };
    else if (money(line.amount).decimalPlaces() > 2) placed[i] = { state: 'to_reconcile', extra: { reason: JSON.stringify(msg('bank.amount_precision', { amount: amountParam(line.amount) })) } };
    else if (line.hold || line.direction !== 'debit') clueOf.set(i, cluesOf(line));
    else {
      const reason = line.reversal || line.returnReason ? msg('bank.returned', { code: line.returnReason ?? '—' }) : msg('bank.debit');
      placed[i] = { state: 'to_reconcile', extra: { reason: JSON.stringify(reason) } };
    }
  }
  const asking = [...clueOf.keys()];
  const named = await claimsNamedAll(trx, actor.tenantId, asking.map((i) => ({ creditors: works[i]!.creditors, clues: clueOf.get(i)!.references })));
  const found = new Map(asking.map((i, k) => [i, named[k]!]));
  const byDocument = asking.filter((i) => !works[i]!.line.hold && !found.get(i)!.length && clueOf.get(i)!.documents.length);
  const documents = await claimsByDocumentAll(trx, actor.tenantId, byDocument.map((i) => ({ creditors: works[i]!.creditors, documents: clueOf.get(i)!.documents })));
  const documented = new Map(byDocument.map((i, k) => [i, documents[k]!]));
  const suggestFor: number[] = [];
  for (const i of asking) {
    const w = works[i]!;
    const line = w.line;
    if (line.hold) {
      // Nothing is paid; the person sees the claims it names (a revoked pagoPA payment: its notice's claim).
      placed[i] = { state: 'to_reconcile', extra: { reason: JSON.stringify(line.hold), claim_ids: [...new Set(found.get(i)!.map((c) => c.id))] } };
      continue;
    }
    const decision = decide(w, found.get(i)!, documented.get(i) ?? []);
    placed[i] = decision.placed;
    if (decision.suggest) suggestFor.push(i);
  }

  // The entry rows first (a concurrent import of the same lines waits here and finds them taken), a microsecond apart in file order.
  // An entry to be paid names its payment from the start (the id chosen here, the payment booked below;
  // the foreign key is checked at commit, migration 0058): one row version per entry, no update after.
  const inserting = live.filter(({ i }) => placed[i]);
  const paymentIdOf = new Map(inserting.filter(({ i }) => placed[i]!.pay).map(({ i }) => [i, uuid7()]));
  // One parameter per column (bulkInsert), not one per value: 500 lines are 23 parameters, not 11,500.
  const inserted = await order.entries(() =>
    bulkInsert<'bank_entries', { id: string; account: string; entry_key: string }>(
      trx,
      'bank_entries',
      ENTRY_COLUMNS,
      inserting.map(({ i }) => {
        const paymentId = paymentIdOf.get(i) ?? null;
        const extra = placed[i]!.extra;
        return { ...rows[i]!, state: placed[i]!.state, matched_by: null, reason: null, suggestions: null, ...extra, claim_ids: extra.claim_ids ?? [], payment_id: paymentId, payment_ids: paymentId ? [paymentId] : [] };
      }),
      sql`on conflict (tenant_id, account, entry_key) do nothing returning id, account, entry_key`,
      [{ name: 'created_at', value: sql`clock_timestamp() + v.n * interval '1 microsecond'` }],
    ),
  );
  const idOf = new Map(inserted.map((r) => [`${r.account} ${r.entry_key}`, r.id]));
  const paying: number[] = [];
  for (const { i } of inserting) {
    const id = idOf.get(`${rows[i]!.account} ${rows[i]!.entry_key}`);
    if (!id) out[i] = 'already';
    else if (placed[i]!.pay) paying.push(i);
    else out[i] = placed[i]!.state === 'ignored' ? 'not_booked' : 'to_reconcile';
  }
  await order.payments([...new Set(paying.map((i) => placed[i]!.pay!.input.debtorId))]);
  // The claims still open when each is booked: an earlier line of the chunk may have paid one off (placeEntry reads them as the line comes).
  const booked = await bookPayments(trx, actor, paying.map((i) => placed[i]!.pay!.input), {
    today: works[0]!.today,
    onlyOpen: true,
    markProfiles: true,
    paymentIds: paying.map((i) => paymentIdOf.get(i)!),
  });
  const refused: number[] = [];
  booked.forEach((b, k) => {
    const i = paying[k]!;
    if (b.ok) {
      if (b.payment.id !== paymentIdOf.get(i)) throw new Error('bookPayments: the payment of a bank entry was booked under another id');
      out[i] = 'matched';
    } else if (b.error.code === 'validation') {
      // The engine refused the payment: a reconciliation item with the reason, as placeBankEntry does.
      const e = b.error;
      const claims = placed[i]!.pay!.claims;
      placed[i] = { state: 'to_reconcile', extra: { reason: JSON.stringify(e.fields[0] ? fieldMessage(e.fields[0]) : e.msg), claim_ids: claims.map((c) => c.id), matched_by: null } };
      refused.push(i);
      out[i] = 'to_reconcile';
    } else throw b.error;
  });
  // The name/IBAN guesses once the chunk's payments are booked (a claim a line of the chunk paid off is no longer offered, as line by line).
  const guessed = suggestFor.filter((i) => out[i] === 'to_reconcile');
  await fillSuggestions(trx, actor.tenantId, works, placed, [...guessed, ...refused]);
  const withGuess = guessed.filter((i) => placed[i]!.extra.suggestions);
  if (withGuess.length) {
    await sql`
      update bank_entries e set suggestions = v.suggestions
        from unnest(${withGuess.map((i) => idOf.get(`${rows[i]!.account} ${rows[i]!.entry_key}`)!)}::uuid[], ${withGuess.map((i) => placed[i]!.extra.suggestions as string)}::jsonb[]) v(id, suggestions)
       where e.tenant_id = ${actor.tenantId} and e.id = v.id`.execute(trx);
  }
  if (refused.length) {
    for (const i of refused) {
      const p = placed[i]!;
      await trx
        .updateTable('bank_entries')
        .set({
          state: 'to_reconcile',
          matched_by: null,
          reason: p.extra.reason as string,
          claim_ids: p.extra.claim_ids as string[],
          suggestions: (p.extra.suggestions as string | null) ?? null,
          // The payment it was to become was refused: none was booked.
          payment_id: null,
          payment_ids: [],
        })
        .where('tenant_id', '=', actor.tenantId)
        .where('id', '=', idOf.get(`${rows[i]!.account} ${rows[i]!.entry_key}`)!)
        .execute();
    }
  }
  return out.map((o) => o ?? 'already');
}

/** What a booked credit becomes, given the claims its references (or document numbers) name: placeEntry's rules, without I/O. */
function decide(w: EntryWork, named: FoundClaim[], byDocument: FoundClaim[]): { placed: Placed; suggest: boolean } {
  const line = w.line;
  let matchedBy = named.length ? named[0]!.via : null;
  let claims = named;
  if (!claims.length && byDocument.length) {
    claims = byDocument;
    matchedBy = 'document';
  }
  const groups = new Map<string, FoundClaim[]>();
  for (const c of claims) {
    const k = `${c.debtor_id}|${c.creditor_id}`;
    groups.set(k, [...(groups.get(k) ?? []), c]);
  }
  let reason: Message | null = null;
  if (groups.size > 1) reason = msg('bank.several_debtors', { count: groups.size });
  if (!reason && groups.size === 1) {
    const group = [...groups.values()][0]!;
    if (line.currency !== 'EUR' && line.currency !== 'CHF') reason = msg('bank.currency_differs', { currency: line.currency, claimCurrency: group[0]!.currency });
    else if (group.some((c) => c.currency !== line.currency)) reason = msg('bank.currency_differs', { currency: line.currency, claimCurrency: group[0]!.currency });
  }
  if (!reason && groups.size === 1) {
    const group = [...groups.values()][0]!;
    const open = [...new Set(group.filter((c) => (OPEN_STATUSES as readonly string[]).includes(c.status)).map((c) => c.id))];
    return {
      suggest: false,
      placed: {
        state: 'matched',
        extra: { matched_by: matchedBy, claim_ids: [...new Set(group.map((c) => c.id))] },
        pay: { input: paymentOf(w, group[0]!, open), claims },
      },
    };
  }
  reason ??= msg('bank.no_reference');
  const extra: Record<string, unknown> = { reason: JSON.stringify(reason), claim_ids: claims.map((c) => c.id), suggestions: null };
  if (groups.size > 1) {
    extra.suggestions = JSON.stringify([...groups.values()].map((g) => ({ debtorId: g[0]!.debtor_id, creditorId: g[0]!.creditor_id, claimIds: g.map((c) => c.id), why: matchedBy })));
    return { suggest: false, placed: { state: 'to_reconcile', extra } };
  }
  return { suggest: true, placed: { state: 'to_reconcile', extra } };
}

/** The payment a matched credit becomes (placeEntry's, the same fields). */
function paymentOf(w: EntryWork, claim: FoundClaim, open: string[]) {
  const line = w.line;
  return {
    debtorId: claim.debtor_id,
    creditorId: claim.creditor_id,
    amount: money(line.amount).toFixed(2),
    currency: line.currency as 'EUR' | 'CHF',
    valueDate: line.valueDate ?? line.bookingDate ?? w.today,
    method: line.method,
    reference: (line.references[0] ?? line.endToEndId ?? null)?.slice(0, 140) ?? null,
    payerName: line.partyName?.slice(0, 200) ?? null,
    note: `${w.fileName.slice(0, 200)} · ${line.source}`.slice(0, 2000),
    // The claims the reference names, those still open; none open: the money is kept unallocated.
    claimIds: open,
  };
}

/** The name/IBAN guesses of the given lines, into their entries' `suggestions`. */
async function fillSuggestions(trx: Trx, tenantId: string, works: EntryWork[], placed: (Placed | null)[], which: number[]): Promise<void> {
  if (!which.length) return;
  const guesses = await suggestAll(trx, tenantId, which.map((i) => works[i]!.line));
  which.forEach((i, k) => {
    const s = guesses[k]!;
    placed[i]!.extra.suggestions = s.length ? JSON.stringify(s) : null;
  });
}

/** The columns of an entry written by a chunk (`entryRow`, what the line became, its payment). */
const ENTRY_COLUMNS: BulkColumn<DB['bank_entries']>[] = [
  { name: 'tenant_id', type: 'uuid' },
  { name: 'file_id', type: 'uuid' },
  { name: 'account', type: 'text' },
  { name: 'entry_key', type: 'text' },
  { name: 'direction', type: 'text' },
  { name: 'reversal', type: 'boolean' },
  { name: 'amount', type: 'numeric' },
  { name: 'currency', type: 'text' },
  { name: 'booking_date', type: 'date' },
  { name: 'value_date', type: 'date' },
  { name: 'party_name', type: 'text' },
  { name: 'party_iban', type: 'text' },
  { name: 'remittance', type: 'text' },
  { name: 'refs', type: 'text[]' },
  { name: 'end_to_end_id', type: 'text' },
  { name: 'return_reason', type: 'text' },
  { name: 'state', type: 'text' },
  { name: 'matched_by', type: 'text' },
  { name: 'reason', type: 'jsonb' },
  { name: 'claim_ids', type: 'uuid[]' },
  { name: 'suggestions', type: 'jsonb' },
  { name: 'payment_id', type: 'uuid' },
  { name: 'payment_ids', type: 'uuid[]' },
];

/** The `bank_entries` columns a line gives, whatever becomes of it. */
function entryRow(actor: Actor, w: EntryWork) {
  const line = w.line;
  const remittance = [...line.text, line.additionalInfo ?? ''].filter(Boolean).join(' / ').slice(0, 2000);
  return {
    tenant_id: actor.tenantId,
    file_id: w.fileId,
    account: line.account.slice(0, 70),
    entry_key: line.key,
    direction: line.direction,
    reversal: line.reversal,
    amount: line.amount,
    currency: line.currency,
    booking_date: line.bookingDate,
    value_date: line.valueDate,
    party_name: line.partyName?.slice(0, 200) ?? null,
    party_iban: line.partyIban?.slice(0, 40) ?? null,
    remittance: remittance || null,
    refs: line.references.map((r) => r.slice(0, 100)),
    end_to_end_id: line.endToEndId?.slice(0, 100) ?? null,
    return_reason: line.returnReason?.slice(0, 10) ?? null,
  };
}

class RefusedPayment extends Error {
  constructor(readonly reason: Message) {
    super(reason.code);
  }
}

async function placeEntry(trx: Trx, actor: Actor, w: EntryWork, mayPay: boolean, refused?: Message): Promise<Outcome> {
  const line = w.line;
  const base = entryRow(actor, w);
  const place = async (state: 'matched' | 'to_reconcile' | 'ignored', extra: Record<string, unknown>) => {
    const row = await trx
      .insertInto('bank_entries')
      // The moment of writing (not the transaction's start): a line placed alone inside a chunk keeps its place in the file's order.
      .values({ ...base, state, ...extra, created_at: sql`clock_timestamp()` } as never)
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
    .where('entry_key', '=', line.key)
    .executeTakeFirst();
  if (seen) return 'already';

  if (line.status !== 'BOOK') {
    return (await place('ignored', { reason: JSON.stringify(msg('bank.not_booked', { status: line.status })) })) ? 'not_booked' : 'already';
  }
  if (money(line.amount).decimalPlaces() > 2) {
    return (await place('to_reconcile', { reason: JSON.stringify(msg('bank.amount_precision', { amount: amountParam(line.amount) })) })) ? 'to_reconcile' : 'already';
  }
  if (line.hold) {
    // Nothing is paid; the person sees the claims it names (a revoked pagoPA payment: its notice's claim).
    const named = await claimsNamed(trx, actor.tenantId, w.creditors, cluesOf(line).references);
    return (await place('to_reconcile', { reason: JSON.stringify(line.hold), claim_ids: [...new Set(named.map((c) => c.id))] })) ? 'to_reconcile' : 'already';
  }
  if (line.direction === 'debit') {
    // A return of money we booked, tied to its payment: reversed with the entry (reverse-returned-payment.ts).
    const returned = await reverseReturnedPayment(trx, actor, w, (paymentId) => place('matched', { matched_by: 'return', payment_id: paymentId }));
    if (returned) return returned;
    const reason = line.reversal || line.returnReason ? msg('bank.returned', { code: line.returnReason ?? '—' }) : msg('bank.debit');
    return (await place('to_reconcile', { reason: JSON.stringify(reason) })) ? 'to_reconcile' : 'already';
  }

  const clues = cluesOf(line);
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
    if (line.currency !== 'EUR' && line.currency !== 'CHF') reason = msg('bank.currency_differs', { currency: line.currency, claimCurrency: group[0]!.currency });
    else if (group.some((c) => c.currency !== line.currency)) reason = msg('bank.currency_differs', { currency: line.currency, claimCurrency: group[0]!.currency });
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
          amount: money(line.amount).toFixed(2),
          currency: line.currency as 'EUR' | 'CHF',
          valueDate: line.valueDate ?? line.bookingDate ?? w.today,
          method: line.method,
          reference: (line.references[0] ?? line.endToEndId ?? null)?.slice(0, 140) ?? null,
          payerName: line.partyName?.slice(0, 200) ?? null,
          note: `${w.fileName.slice(0, 200)} · ${line.source}`.slice(0, 2000),
          // The claims the reference names, those still open; none open: the money is kept unallocated.
          claimIds: open,
        },
        { today: w.today },
      );
    } catch (e) {
      if (e instanceof AppError && e.code === 'validation') throw new RefusedPayment(e.fields[0] ? fieldMessage(e.fields[0]) : e.msg);
      throw e;
    }
    await trx.updateTable('bank_entries').set({ payment_id: payment.id, payment_ids: [payment.id] }).where('tenant_id', '=', actor.tenantId).where('id', '=', entryId).execute();
    return 'matched';
  }
  reason ??= msg('bank.no_reference');
  const suggestions = groups.size > 1 ? [...groups.values()].map((g) => ({ debtorId: g[0]!.debtor_id, creditorId: g[0]!.creditor_id, claimIds: g.map((c) => c.id), why: matchedBy })) : await suggest(trx, actor.tenantId, line);
  return (await place('to_reconcile', { reason: JSON.stringify(reason), claim_ids: claims.map((c) => c.id), suggestions: suggestions.length ? JSON.stringify(suggestions) : null })) ? 'to_reconcile' : 'already';
}

interface FoundClaim {
  id: string;
  debtor_id: string;
  creditor_id: string;
  currency: string;
  status: string;
  via: string;
}

/**
 * The claims our references name: claim numbers, letters about several claims, a plan's payment slip
 * (its instalment's RF / QRR or pagoPA notice code: the plan's positions), pagoPA notice codes and IUVs.
 */
async function claimsNamed(trx: Trx, tenantId: string, creditors: string[], clues: Clue[]): Promise<FoundClaim[]> {
  return (await claimsNamedAll(trx, tenantId, [{ creditors, clues }]))[0]!;
}

/** A claim number as a key (a reference may carry leading zeros; the column is a number). */
const numberKey = (v: string | number) => String(v).replace(/^0+(?=\d)/, '');

/**
 * {@link claimsNamed} for many lines at once: one statement per kind of reference for all of them
 * (a chunk of a bank file), each line given the claims its own references name, in the same order.
 */
async function claimsNamedAll(trx: Trx, tenantId: string, asks: { creditors: string[]; clues: Clue[] }[]): Promise<FoundClaim[][]> {
  const wanted = asks.map(({ creditors, clues }) => {
    if (!clues.length || !creditors.length) return { creditors, claimNumbers: [] as string[], letters: [] as string[], instalments: [] as string[], notices: new Set<string>() };
    // Numbers beyond bigint are none of ours (and must not make the query fail).
    const numbers = (kind: Clue['kind']) => clues.filter((c) => c.kind === kind).map((c) => numberKey(c.value)).filter((v) => v.length <= 18);
    const claimNumbers = numbers('claim_number');
    const letters = numbers('communication_number');
    const instalments = numbers('instalment_number');
    const notices = new Set(clues.filter((c) => c.kind === 'notice').map((c) => c.value));
    for (const c of clues) {
      if (c.kind !== 'iuv') continue;
      // The notice codes an IUV can belong to (SACI Tab. 2): aux 1, 2, 3 + a 17-digit IUV, aux 0 + application code + a 15-digit one.
      if (c.value.length === 17) for (const aux of ['1', '2', '3']) notices.add(aux + c.value);
      else for (let app = 0; app < 100; app++) notices.add(`0${String(app).padStart(2, '0')}${c.value}`);
    }
    return { creditors, claimNumbers, letters, instalments, notices };
  });
  const cols = ['c.id', 'c.debtor_id', 'c.creditor_id', 'c.currency', 'c.status'] as const;
  const claimNumbers = [...new Set(wanted.flatMap((w) => w.claimNumbers))];
  const letters = [...new Set(wanted.flatMap((w) => w.letters))];
  const instalments = [...new Set(wanted.flatMap((w) => w.instalments))];
  const notices = [...new Set(wanted.flatMap((w) => [...w.notices]))];
  const creditors = [...new Set(wanted.flatMap((w) => (w.notices.size || w.instalments.length ? w.creditors : [])))];
  const byNumber = new Map<string, FoundClaim[]>();
  const byInstalment = new Map<string, FoundClaim[]>();
  const byLetter = new Map<string, FoundClaim[]>();
  const byNotice = new Map<string, (FoundClaim & { notice_code: string })[]>();
  const push = <T,>(m: Map<string, T[]>, k: string, v: T) => (m.get(k) ?? m.set(k, []).get(k)!).push(v);
  if (claimNumbers.length) {
    const rows = await trx.selectFrom('claims as c').select([...cols, 'c.ref_no']).where('c.tenant_id', '=', tenantId).where('c.ref_no', 'in', claimNumbers).execute();
    for (const { ref_no, ...r } of rows) push(byNumber, numberKey(ref_no), { ...r, via: 'reference' });
  }
  if (letters.length) {
    const rows = await trx
      .selectFrom('communications as m')
      .innerJoin('communication_claims as mc', (j) => j.onRef('mc.communication_id', '=', 'm.id').onRef('mc.tenant_id', '=', 'm.tenant_id'))
      .innerJoin('claims as c', (j) => j.onRef('c.id', '=', 'mc.claim_id').onRef('c.tenant_id', '=', 'mc.tenant_id'))
      .select([...cols, 'm.ref_no as letter'])
      .where('m.tenant_id', '=', tenantId)
      .where('m.ref_no', 'in', letters)
      .execute();
    for (const { letter, ...r } of rows) push(byLetter, numberKey(letter), { ...r, via: 'reference' });
  }
  if ((instalments.length || notices.length) && creditors.length) {
    // A plan's instalment: the money goes to the plan's positions, allocated by the engine (the plan's
    // instalments are filled from what its positions received, usecases/plans/plan-fill.ts).
    const rows = await trx
      .selectFrom('plan_instalments as i')
      .innerJoin('plans as p', (j) => j.onRef('p.id', '=', 'i.plan_id').onRef('p.tenant_id', '=', 'i.tenant_id'))
      .innerJoin('claims as c', (j) => j.onRef('c.tenant_id', '=', 'p.tenant_id').on((eb) => eb('c.id', '=', eb.fn.any('p.claim_ids'))))
      .select([...cols, 'i.ref_no', 'i.notice_code'])
      .where('i.tenant_id', '=', tenantId)
      .where('p.creditor_id', 'in', creditors)
      .where((eb) => eb.or([...(instalments.length ? [eb('i.ref_no', 'in', instalments)] : []), ...(notices.length ? [eb('i.notice_code', 'in', notices)] : [])]))
      .execute();
    for (const { ref_no, notice_code, ...r } of rows) {
      if (instalments.includes(numberKey(ref_no))) push(byInstalment, `ref:${numberKey(ref_no)}`, { ...r, via: 'reference' });
      if (notice_code !== null && notices.includes(notice_code)) push(byInstalment, `notice:${notice_code}`, { ...r, via: 'notice' });
    }
  }
  if (notices.length && creditors.length) {
    // One probe of claims_notice_code per (creditor, code), whatever the statistics say: notice codes
    // loaded since the last ANALYZE (16,000 into 1M claims never trigger one) made the planner read
    // the code as a filter over every notice of the creditor (220 ms a chunk instead of 2 ms).
    // (Pairs from one unnest: the planner cannot take the creditor out of the probe's key.) Each code
    // only with the creditors of the lines that name it (a pagoPA flow's ente, not every creditor).
    const pairs = [...new Set(wanted.flatMap((w) => w.creditors.flatMap((k) => [...w.notices].map((n) => `${k} ${n}`))))].map((p) => p.split(' ') as [string, string]);
    const { rows } = await sql<Omit<FoundClaim, 'via'> & { notice_code: string }>`
      select c.id, c.debtor_id, c.creditor_id, c.currency, c.status, c.notice_code
        from unnest(${pairs.map((p) => p[0])}::uuid[], ${pairs.map((p) => p[1])}::text[]) v(creditor_id, code)
        join claims c on c.tenant_id = ${tenantId}::uuid and c.creditor_id = v.creditor_id and c.notice_code = v.code`.execute(trx);
    for (const r of rows) push(byNotice, r.notice_code, { ...r, via: 'notice' });
  }
  return wanted.map((w, i) => {
    const out: FoundClaim[] = [];
    // What one of our RF, QRR or instalment references names (claims of the line's creditors for a plan's slip).
    const named = (c: Clue): FoundClaim[] => {
      const n = c.kind === 'notice' || c.kind === 'iuv' ? '' : numberKey(c.value);
      if (n.length > 18) return [];
      if (c.kind === 'claim_number') return byNumber.get(n) ?? [];
      if (c.kind === 'communication_number') return byLetter.get(n) ?? [];
      if (c.kind === 'instalment_number') return (byInstalment.get(`ref:${n}`) ?? []).filter((k) => w.creditors.includes(k.creditor_id));
      return [];
    };
    // Of the runs of an RF printed in groups, the longest that names something (domain/bank/clues.ts).
    const ours = w.claimNumbers.length + w.letters.length + w.instalments.length;
    const counted = ours === 0 ? [] : ours > 1 ? resolveRuns(asks[i]!.clues, (c) => named(c).length > 0) : asks[i]!.clues;
    const kept = (kind: Clue['kind']) => new Set(counted.filter((c) => c.kind === kind).map((c) => numberKey(c.value)).filter((v) => v.length <= 18));
    for (const n of kept('claim_number')) out.push(...(byNumber.get(n) ?? []));
    for (const n of kept('communication_number')) out.push(...(byLetter.get(n) ?? []));
    for (const n of kept('instalment_number')) for (const c of byInstalment.get(`ref:${n}`) ?? []) if (w.creditors.includes(c.creditor_id)) out.push(c);
    for (const n of w.notices) for (const c of byInstalment.get(`notice:${n}`) ?? []) if (w.creditors.includes(c.creditor_id)) out.push(c);
    for (const n of w.notices) for (const { notice_code: _, ...c } of byNotice.get(n) ?? []) if (w.creditors.includes(c.creditor_id)) out.push(c);
    return out;
  });
}

/** Claims whose document number (as the creditor wrote it) appears in the remittance text. */
async function claimsByDocument(trx: Trx, tenantId: string, creditors: string[], documents: string[]): Promise<FoundClaim[]> {
  return (await claimsByDocumentAll(trx, tenantId, [{ creditors, documents }]))[0]!;
}

/** {@link claimsByDocument} for many lines at once, in one statement. */
async function claimsByDocumentAll(trx: Trx, tenantId: string, asks: { creditors: string[]; documents: string[] }[]): Promise<FoundClaim[][]> {
  const documents = [...new Set(asks.flatMap((a) => (a.creditors.length ? a.documents : [])))];
  const creditors = [...new Set(asks.flatMap((a) => (a.documents.length ? a.creditors : [])))];
  const byDocument = new Map<string, (FoundClaim & { external_ref: string })[]>();
  if (documents.length && creditors.length) {
    const rows = await trx
      .selectFrom('claims as c')
      .select(['c.id', 'c.debtor_id', 'c.creditor_id', 'c.currency', 'c.status', 'c.external_ref'])
      .where('c.tenant_id', '=', tenantId)
      .where('c.creditor_id', 'in', creditors)
      .where('c.external_ref', 'in', documents)
      .execute();
    for (const r of rows) (byDocument.get(r.external_ref) ?? byDocument.set(r.external_ref, []).get(r.external_ref)!).push({ ...r, via: 'document' });
  }
  return asks.map((a) => {
    const out: FoundClaim[] = [];
    for (const d of new Set(a.documents)) for (const { external_ref: _, ...c } of byDocument.get(d) ?? []) if (a.creditors.includes(c.creditor_id)) out.push(c);
    return out;
  });
}

type Suggestion = { debtorId: string; creditorId: string | null; claimIds: string[]; why: string };

/**
 * A guess for a person: the debtor whose earlier payment came from the same IBAN, or debtors whose
 * name is the payer's (either order of first and last name), each with its open claims. Never booked
 * by itself: a name is no proof.
 */
async function suggest(trx: Trx, tenantId: string, line: Pick<BankLine, 'partyIban' | 'partyName'>): Promise<Suggestion[]> {
  return (await suggestAll(trx, tenantId, [line]))[0]!;
}

/** {@link suggest} for many lines at once: three statements for all of them, each line its own guesses (at most 5 debtors per IBAN and per name). */
async function suggestAll(trx: Trx, tenantId: string, lines: Pick<BankLine, 'partyIban' | 'partyName'>[]): Promise<Suggestion[][]> {
  const ibans = [...new Set(lines.map((l) => l.partyIban).filter((v): v is string => !!v))];
  const byIban = new Map<string, string[]>();
  if (ibans.length) {
    const rows = await trx
      .selectFrom('bank_entries as e')
      .innerJoin('payments as p', (j) => j.onRef('p.id', '=', 'e.payment_id').onRef('p.tenant_id', '=', 'e.tenant_id'))
      .select(['e.party_iban', 'p.debtor_id'])
      .distinct()
      .where('e.tenant_id', '=', tenantId)
      .where('e.party_iban', 'in', ibans)
      .where('e.payment_id', 'is not', null)
      .execute();
    for (const r of rows) {
      const list = byIban.get(r.party_iban!) ?? byIban.set(r.party_iban!, []).get(r.party_iban!)!;
      if (list.length < 5) list.push(r.debtor_id);
    }
  }
  // Imported debtors carry their name key; others are found by their display name in either order
  // (an ILIKE without wildcards: the trigram index of migration 0013 answers it).
  const asked = lines.map((line) => {
    if (!line.partyName) return null;
    const key = normaliseName(line.partyName, { keepLegalForm: true });
    const words = key.split(' ');
    const keys = [key, normaliseName(line.partyName)];
    if (words.length === 2) keys.push(`${words[1]} ${words[0]}`);
    const plain = line.partyName.trim().replace(/[\\%_]/g, (c) => `\\${c}`);
    const parts = plain.split(/\s+/);
    const names = [plain, ...(parts.length === 2 ? [`${parts[1]} ${parts[0]}`] : [])];
    return { keys: [...new Set(keys)], names };
  });
  // The names as ILIKE compares them: escapes undone, case folded.
  const fold = (s: string) => s.toLowerCase();
  const unescape = (s: string) => s.replace(/\\(.)/g, '$1');
  const allKeys = [...new Set(asked.flatMap((a) => a?.keys ?? []))];
  const allNames = [...new Set(asked.flatMap((a) => a?.names ?? []))];
  const named = allKeys.length
    ? await trx
        .selectFrom('debtors')
        .select(['id', 'match_key', 'display_name'])
        .where('tenant_id', '=', tenantId)
        // A pattern without wildcards matches as its lower case does (what ILIKE compares): one probe of
        // the (tenant_id, lower(display_name)) index per name instead of a trigram search per name.
        .where((eb) => eb.or([eb('match_key', 'in', allKeys), sql<boolean>`lower(display_name) = any(array(select lower(n) from unnest(${allNames.map(unescape)}::text[]) n))`]))
        .execute()
    : [];
  const whys = lines.map((line, i) => {
    const why = new Map<string, string>();
    if (line.partyIban) for (const d of byIban.get(line.partyIban) ?? []) why.set(d, 'iban');
    const a = asked[i];
    if (a) {
      const names = a.names.map((n) => fold(unescape(n)));
      let n = 0;
      for (const r of named) {
        if (n >= 5) break;
        if ((r.match_key !== null && a.keys.includes(r.match_key)) || names.includes(fold(r.display_name))) {
          n++;
          if (!why.has(r.id)) why.set(r.id, 'name');
        }
      }
    }
    return why;
  });
  const debtors = [...new Set(whys.flatMap((w) => [...w.keys()]))];
  // One suggestion per debtor and creditor with open claims (a payment is one creditor's); a debtor
  // without open claims is still shown, to book the money unallocated.
  const open = debtors.length
    ? await trx
        .selectFrom('claims')
        .select(['id', 'debtor_id', 'creditor_id'])
        .where('tenant_id', '=', tenantId)
        .where('debtor_id', 'in', debtors)
        .where('status', 'in', [...OPEN_STATUSES])
        .orderBy('due_date')
        .execute()
    : [];
  return whys.map((why) => {
    if (!why.size) return [];
    const out = new Map<string, Suggestion>();
    let n = 0;
    for (const c of open) {
      if (!why.has(c.debtor_id)) continue;
      if (++n > 200) break;
      const k = `${c.debtor_id}|${c.creditor_id}`;
      if (!out.has(k)) out.set(k, { debtorId: c.debtor_id, creditorId: c.creditor_id, claimIds: [], why: why.get(c.debtor_id)! });
      out.get(k)!.claimIds.push(c.id);
    }
    for (const [debtorId, reason] of why) if (![...out.values()].some((s) => s.debtorId === debtorId)) out.set(debtorId, { debtorId, creditorId: null, claimIds: [], why: reason });
    return [...out.values()];
  });
}
