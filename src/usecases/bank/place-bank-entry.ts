import type { Db, Trx } from '../../db/connect.ts';
import { cluesOf, type Clue } from '../../domain/bank/clues.ts';
import { normaliseName } from '../../domain/import/matching.ts';
import { AppError, fieldMessage } from '../../domain/errors.ts';
import { money } from '../../domain/money.ts';
import { msg, type Message } from '../../domain/messages/index.ts';
import { OPEN_STATUSES } from '../../domain/model.ts';
import type { Actor } from '../../domain/policies.ts';
import { bookPayment } from '../payments/record-payment.ts';
import { reverseReturnedPayment } from './reverse-returned-payment.ts';

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

class RefusedPayment extends Error {
  constructor(readonly reason: Message) {
    super(reason.code);
  }
}

async function placeEntry(trx: Trx, actor: Actor, w: EntryWork, mayPay: boolean, refused?: Message): Promise<Outcome> {
  const line = w.line;
  const remittance = [...line.text, line.additionalInfo ?? ''].filter(Boolean).join(' / ').slice(0, 2000);
  const base = {
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
    .where('entry_key', '=', line.key)
    .executeTakeFirst();
  if (seen) return 'already';

  if (line.status !== 'BOOK') {
    return (await place('ignored', { reason: JSON.stringify((msg('bank.not_booked', { status: line.status }))) })) ? 'not_booked' : 'already';
  }
  if (money(line.amount).decimalPlaces() > 2) {
    return (await place('to_reconcile', { reason: JSON.stringify((msg('bank.amount_precision', { amount: line.amount }))) })) ? 'to_reconcile' : 'already';
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
    return (await place('to_reconcile', { reason: JSON.stringify((reason)) })) ? 'to_reconcile' : 'already';
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

/**
 * The claims our references name: claim numbers, letters about several claims, a plan's payment slip
 * (its instalment's RF / QRR or pagoPA notice code: the plan's positions), pagoPA notice codes and IUVs.
 */
async function claimsNamed(trx: Trx, tenantId: string, creditors: string[], clues: Clue[]): Promise<FoundClaim[]> {
  if (!clues.length || !creditors.length) return [];
  const claimNumbers = clues.filter((c) => c.kind === 'claim_number').map((c) => c.value);
  const letters = clues.filter((c) => c.kind === 'communication_number').map((c) => c.value);
  // Numbers beyond bigint are no instalment of ours (and must not make the query fail).
  const instalments = clues.filter((c) => c.kind === 'instalment_number' && c.value.length <= 18).map((c) => c.value);
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
  if (instalments.length || notices.size) {
    // A plan's instalment: the money goes to the plan's positions, allocated by the engine (the plan's
    // instalments are filled from what its positions received, usecases/plans/plan-fill.ts).
    const rows = await trx
      .selectFrom('plan_instalments as i')
      .innerJoin('plans as p', (j) => j.onRef('p.id', '=', 'i.plan_id').onRef('p.tenant_id', '=', 'i.tenant_id'))
      .innerJoin('claims as c', (j) => j.onRef('c.tenant_id', '=', 'p.tenant_id').on((eb) => eb('c.id', '=', eb.fn.any('p.claim_ids'))))
      .select([...cols, 'i.ref_no'])
      .where('i.tenant_id', '=', tenantId)
      .where('p.creditor_id', 'in', creditors)
      .where((eb) =>
        eb.or([
          ...(instalments.length ? [eb('i.ref_no', 'in', instalments)] : []),
          ...(notices.size ? [eb('i.notice_code', 'in', [...notices])] : []),
        ]),
      )
      .execute();
    out.push(...rows.map(({ ref_no, ...r }) => ({ ...r, via: instalments.includes(String(ref_no)) ? 'reference' : 'notice' })));
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
async function suggest(trx: Trx, tenantId: string, line: Pick<BankLine, 'partyIban' | 'partyName'>): Promise<{ debtorId: string; creditorId: string | null; claimIds: string[]; why: string }[]> {
  const why = new Map<string, string>();
  if (line.partyIban) {
    const rows = await trx
      .selectFrom('bank_entries as e')
      .innerJoin('payments as p', (j) => j.onRef('p.id', '=', 'e.payment_id').onRef('p.tenant_id', '=', 'e.tenant_id'))
      .select('p.debtor_id')
      .distinct()
      .where('e.tenant_id', '=', tenantId)
      .where('e.party_iban', '=', line.partyIban)
      .where('e.payment_id', 'is not', null)
      .limit(5)
      .execute();
    for (const r of rows) why.set(r.debtor_id, 'iban');
  }
  if (line.partyName) {
    const key = normaliseName(line.partyName, { keepLegalForm: true });
    const words = key.split(' ');
    const keys = [key, normaliseName(line.partyName)];
    if (words.length === 2) keys.push(`${words[1]} ${words[0]}`);
    // Imported debtors carry their name key; others are found by their display name in either order
    // (an ILIKE without wildcards: the trigram index of migration 0013 answers it).
    const plain = line.partyName.trim().replace(/[\\%_]/g, (c) => `\\${c}`);
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
