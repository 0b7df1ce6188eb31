import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connect.ts';
import { CLAIM_REFERENCE_PREFIX, claimNumberFromReference, claimReferences, formatRf, isValidRf } from '../../domain/dunning/references.ts';
import { cluesOf } from '../../domain/bank/clues.ts';
import { AppError } from '../../domain/errors.ts';
import { camtXml, type CamtEntryInput } from '../../test/camt.ts';
import { openTestDatabase } from '../../test/db.ts';
import { createTestClaim, createTestDebtor, createTestTenant, type TestTenant } from '../../test/factories.ts';
import { importBankFile } from './import-bank-file.ts';

let database: Database;
let t: TestTenant;
let other: TestTenant;
const claims: { id: string; debtorId: string; refNo: string; externalRef: string }[] = [];
let foreign: { refNo: string };
const TODAY = '2026-12-01';

beforeAll(async () => {
  database = await openTestDatabase();
  t = await createTestTenant(database.db);
  other = await createTestTenant(database.db);
  for (let i = 0; i < 4; i++) {
    const d = await createTestDebtor(database.db, t, { lastName: `Banca${i}`, firstName: 'Maria' });
    const c = await createTestClaim(database.db, t, d.id, { interestRegime: 'none', principal: '300.00', dueDate: '2026-03-31', externalRef: `FT-2026-00${i}77` });
    const row = await database.db.selectFrom('claims').select('ref_no').where('id', '=', c.id).executeTakeFirstOrThrow();
    claims.push({ id: c.id, debtorId: d.id, refNo: String(row.ref_no), externalRef: `FT-2026-00${i}77` });
  }
  const od = await createTestDebtor(database.db, other, { lastName: 'Altrove' });
  const oc = await createTestClaim(database.db, other, od.id, { interestRegime: 'none', principal: '50.00', dueDate: '2026-03-31' });
  foreign = { refNo: String((await database.db.selectFrom('claims').select('ref_no').where('id', '=', oc.id).executeTakeFirstOrThrow()).ref_no) };
}, 120_000);
afterAll(async () => {
  await database?.close();
});

const rf = (i: number) => claimReferences(claims[i]!.refNo, CLAIM_REFERENCE_PREFIX).rf;

/**
 * Two claim numbers, of 18 and of 11 or 15 digits, such that the RF of the first, printed in groups, begins
 * with a run of groups that is a valid RF of ours naming the second (as "RF14 1760 855" and
 * "RF14 1760": claims 760855 and 760). Searched from a random start, ~50 tries.
 */
function collidingPair(): { long: { n: string; rf: string }; short: { n: string; rf: string } } {
  for (let n = 100_000_000_000_000_000n + BigInt(Math.floor(Math.random() * 1e12)) * 1000n; ; n++) {
    const rfOf = (x: string) => claimReferences(x, CLAIM_REFERENCE_PREFIX).rf;
    const groups = formatRf(rfOf(n.toString())).split(' ');
    // The shorter runs that are valid references of ours: exactly one, of four groups or more (11+ digits).
    const runs = groups.slice(0, -1).map((_, k) => groups.slice(0, k + 1).join('')).filter((run) => run.length >= 5 && isValidRf(run) && claimNumberFromReference(run, CLAIM_REFERENCE_PREFIX));
    if (runs.length !== 1 || runs[0]!.length <= 12) continue;
    const pair = { long: { n: n.toString(), rf: rfOf(n.toString()) }, short: { n: claimNumberFromReference(runs[0]!, CLAIM_REFERENCE_PREFIX)!, rf: runs[0]! } };
    // And no other clue read from the printed reference (its digits can by chance read as an 18-digit pagoPA notice).
    const read = cluesOf({ references: [], text: [groups.join(' ')] }).references.map((c) => c.value);
    if (read.length === 2 && read[0] === pair.long.n && read[1] === pair.short.n) return pair;
  }
}
const file = (entries: CamtEntryInput[], opts: { version?: '02' | '05' | '08'; message?: 'camt.053' | 'camt.054' } = {}) => ({
  name: 'estratto.xml',
  bytes: new TextEncoder().encode(camtXml({ entries, account: 'IT60X0542811101000000123456', ...opts })),
});
const paymentsOf = (claimId: string) =>
  database.db
    .selectFrom('payment_allocations as a')
    .innerJoin('payments as p', 'p.id', 'a.payment_id')
    .select(['p.amount', 'p.method', 'p.payer_name', 'p.value_date'])
    .where('a.claim_id', '=', claimId)
    .execute();
const statusOf = async (claimId: string) => (await database.db.selectFrom('claims').select('status').where('id', '=', claimId).executeTakeFirstOrThrow()).status;
const entriesOf = (fileId: string) =>
  database.db.selectFrom('bank_entries').select(['entry_key', 'state', 'matched_by', 'reason', 'suggestions', 'payment_id', 'amount']).where('file_id', '=', fileId).orderBy('created_at').execute();

describe('importBankFile: a camt.053 / camt.054 turned into payments, exactly once', () => {
  const statementOf = (): CamtEntryInput[] => [
    // 1. Our RF in the structured field: claim 0 is paid in full.
    { amount: '300.00', acctSvcrRef: 'S1', valueDate: '2026-11-20', txs: [{ amount: '300.00', reference: formatRf(rf(0)), name: 'Maria Banca0' }] },
    // 2. The RF of claim 1 in free text, a part payment.
    { amount: '120.50', acctSvcrRef: 'S2', txs: [{ amount: '120.50', text: [`Pagamento ${formatRf(rf(1))} acconto`], name: 'M. Banca1' }] },
    // 3. No reference, the invoice number in the text: claim 2.
    { amount: '300.00', acctSvcrRef: 'S3', txs: [{ amount: '300.00', text: [`saldo fattura ${claims[2]!.externalRef}`] }] },
    // 4. Nothing to prove: an unknown payer → reconciliation.
    { amount: '45.00', acctSvcrRef: 'S4', txs: [{ amount: '45.00', text: ['regalo di Natale'], name: 'Giulio Sconosciuto' }] },
    // 5. A returned direct debit → reconciliation, never a payment.
    { amount: '80.00', direction: 'DBIT', reversal: true, acctSvcrRef: 'S5', txs: [{ amount: '80.00', returnReason: 'MD06', name: 'Maria Banca3' }] },
    // 6. Pending: kept, not paid in.
    { amount: '10.00', status: 'PDNG', acctSvcrRef: 'S6', txs: [{ amount: '10.00', reference: rf(3) }] },
    // 7. Another tenant's claim number: not ours → reconciliation.
    { amount: '50.00', acctSvcrRef: 'S7', txs: [{ amount: '50.00', reference: claimReferences(foreign.refNo, CLAIM_REFERENCE_PREFIX).rf }] },
  ];

  it('matches by reference and document number, leaves the rest for a person, and a second import records nothing', async () => {
    const statement = statementOf();
    const first = await importBankFile(database.db, t.users.operator.actor, file(statement), { today: TODAY });
    // On a mismatch, the entries with their states and reasons say which line and why.
    expect(first, JSON.stringify(await entriesOf(first.fileId))).toMatchObject({ status: 'done', entries: 7, matched: 3, toReconcile: 3, notBooked: 1, alreadyRecorded: 0, problems: [], error: null });
    expect(await paymentsOf(claims[0]!.id)).toEqual([{ amount: '300.00', method: 'bank_transfer', payer_name: 'Maria Banca0', value_date: '2026-11-20' }]);
    expect(await statusOf(claims[0]!.id)).toBe('paid');
    expect((await paymentsOf(claims[1]!.id)).map((p) => p.amount)).toEqual(['120.50']);
    expect(await statusOf(claims[1]!.id)).toBe('partially_paid');
    expect((await paymentsOf(claims[2]!.id)).map((p) => p.amount)).toEqual(['300.00']);
    const rows = await entriesOf(first.fileId);
    expect(rows.map((r) => [r.entry_key, r.state, r.matched_by, (r.reason as { code?: string } | null)?.code ?? null])).toEqual([
      ['a:S1', 'matched', 'reference', null],
      ['a:S2', 'matched', 'reference', null],
      ['a:S3', 'matched', 'document', null],
      ['a:S4', 'to_reconcile', null, 'bank.no_reference'],
      ['a:S5', 'to_reconcile', null, 'bank.returned'],
      ['a:S6', 'ignored', null, 'bank.not_booked'],
      ['a:S7', 'to_reconcile', null, 'bank.no_reference'],
    ]);
    expect(rows.filter((r) => r.state === 'matched').every((r) => r.payment_id)).toBe(true);

    // The same file again (and a camt.054 of the same account saying the same): nothing twice.
    const again = await importBankFile(database.db, t.users.operator.actor, file(statement), { today: TODAY });
    expect(again).toMatchObject({ entries: 7, matched: 0, toReconcile: 0, notBooked: 0, alreadyRecorded: 7 });
    const notification = await importBankFile(database.db, t.users.operator.actor, file(statement.slice(0, 2), { message: 'camt.054', version: '05' }), { today: TODAY });
    expect(notification).toMatchObject({ entries: 2, alreadyRecorded: 2, matched: 0 });
    expect(await paymentsOf(claims[0]!.id)).toHaveLength(1);
    expect(await paymentsOf(claims[1]!.id)).toHaveLength(1);
  });

  it('an overlapping statement records only what is new; entries without a bank reference are told apart by content and occurrence', async () => {
    const noRef = (amount: string): CamtEntryInput => ({ amount, txs: [{ amount, reference: rf(3), name: 'Maria Banca3' }] });
    const withoutRefs = (xml: string) => xml.replace(/<AcctSvcrRef>[^<]*<\/AcctSvcrRef>/g, '');
    const bytes = (entries: CamtEntryInput[]) => ({ name: 'noref.xml', bytes: new TextEncoder().encode(withoutRefs(camtXml({ entries, account: 'IT60X0542811101000000123456' }))) });
    // Two identical transfers of €20 on one day are two payments.
    const one = await importBankFile(database.db, t.users.operator.actor, bytes([noRef('20.00'), noRef('20.00')]), { today: TODAY });
    expect(one).toMatchObject({ entries: 2, matched: 2 });
    // The next statement repeats them and adds a third: only the third is new.
    const two = await importBankFile(database.db, t.users.operator.actor, bytes([noRef('20.00'), noRef('20.00'), noRef('20.00')]), { today: TODAY });
    expect(two).toMatchObject({ entries: 3, matched: 1, alreadyRecorded: 2 });
    expect((await paymentsOf(claims[3]!.id)).map((p) => p.amount)).toEqual(['20.00', '20.00', '20.00']);
  });

  it('a payment the engine refuses (value date after today) waits for a person with the reason; nothing half-done', async () => {
    const r = await importBankFile(database.db, t.users.operator.actor, file([{ amount: '5.00', acctSvcrRef: 'FUT1', valueDate: '2027-01-15', txs: [{ amount: '5.00', reference: rf(3) }] }]), { today: TODAY });
    expect(r).toMatchObject({ matched: 0, toReconcile: 1 });
    const [row] = await entriesOf(r.fileId);
    expect(row).toMatchObject({ state: 'to_reconcile', payment_id: null });
    expect(JSON.stringify(row!.reason)).toContain('payment.value_date_future');
  });

  it('a hostile or foreign file is refused by name and records nothing; the good entries before a broken end are kept', async () => {
    const bomb = { name: 'bomb.xml', bytes: new TextEncoder().encode('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><Document/>') };
    const r = await importBankFile(database.db, t.users.operator.actor, bomb, { today: TODAY });
    expect(r).toMatchObject({ status: 'failed', entries: 0, error: { code: 'bank.xml_doctype' } });
    const xml = camtXml({ entries: [{ amount: '7.00', acctSvcrRef: 'CUT1', txs: [{ amount: '7.00', text: ['niente'] }] }, { amount: '8.00', acctSvcrRef: 'CUT2' }], account: 'IT60X0542811101000000123456' });
    const cut = { name: 'cut.xml', bytes: new TextEncoder().encode(xml.slice(0, xml.indexOf('CUT2') + 4) + '<<') };
    const c = await importBankFile(database.db, t.users.operator.actor, cut, { today: TODAY });
    expect(c).toMatchObject({ status: 'failed', entries: 1, toReconcile: 1, error: { code: 'bank.xml_broken' } });
  });

  it('a viewer may not import a bank file; another tenant never sees these entries', async () => {
    const err = await importBankFile(database.db, t.users.viewer.actor, file(statementOf()), { today: TODAY }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('forbidden');
    // The other tenant's claim was never paid by our statement.
    const otherPayments = await database.db.selectFrom('payments').select('id').where('tenant_id', '=', other.tenantId).execute();
    expect(otherPayments).toEqual([]);
  });
});

describe('importBankFile: returns reverse the payment they return', () => {
  it('a returned direct debit with the end-to-end id of a credit we booked reverses its payment in the same entry; once', async () => {
    const d = await createTestDebtor(database.db, t, { lastName: 'Storno', firstName: 'Sara' });
    const c = await createTestClaim(database.db, t, d.id, { interestRegime: 'none', principal: '200.00', dueDate: '2026-03-31' });
    const refNo = String((await database.db.selectFrom('claims').select('ref_no').where('id', '=', c.id).executeTakeFirstOrThrow()).ref_no);
    const ref = claimReferences(refNo, CLAIM_REFERENCE_PREFIX).rf;
    const paid = await importBankFile(database.db, t.users.operator.actor, file([{ amount: '200.00', acctSvcrRef: 'R1', valueDate: '2026-11-02', txs: [{ amount: '200.00', reference: ref, endToEndId: 'SDD-2026-0042', name: 'Sara Storno' }] }]), { today: TODAY });
    expect(paid).toMatchObject({ matched: 1 });
    expect(await statusOf(c.id)).toBe('paid');
    const [credit] = await entriesOf(paid.fileId);

    // The bank returns the direct debit (MD06, the debtor asked for a refund): the payment no longer counts.
    const ret = file([{ amount: '200.00', direction: 'DBIT', reversal: true, acctSvcrRef: 'R2', valueDate: '2026-11-09', txs: [{ amount: '200.00', endToEndId: 'SDD-2026-0042', returnReason: 'MD06', name: 'Sara Storno' }] }]);
    const returned = await importBankFile(database.db, t.users.operator.actor, ret, { today: TODAY });
    expect(returned).toMatchObject({ entries: 1, matched: 1, toReconcile: 0 });
    const [debit] = await entriesOf(returned.fileId);
    expect(debit).toMatchObject({ state: 'matched', matched_by: 'return', payment_id: credit!.payment_id });
    const payment = await database.db.selectFrom('payments').select(['reversed_at', 'reversal_reason']).where('id', '=', credit!.payment_id!).executeTakeFirstOrThrow();
    expect(payment.reversed_at).not.toBeNull();
    expect(payment.reversal_reason).toBe('MD06 · estratto.xml · STMT-1 #1');
    // Nothing paid any more: the whole €200 is owed again, back in collection.
    expect(await statusOf(c.id)).toBe('in_collection');
    expect((await database.db.selectFrom('claim_balances').select('total_due').where('claim_id', '=', c.id).executeTakeFirstOrThrow()).total_due).toBe('200.00');
    const audit = await database.db.selectFrom('audit_events').select(['action', 'actor_label']).where('entity_id', '=', credit!.payment_id!).where('action', '=', 'payment.reversed').execute();
    expect(audit).toEqual([{ action: 'payment.reversed', actor_label: 'system:bank-return' }]);

    // The same return read again: nothing twice.
    expect(await importBankFile(database.db, t.users.operator.actor, ret, { today: TODAY })).toMatchObject({ entries: 1, matched: 0, alreadyRecorded: 1 });
  });

  it('a return tied by its structured reference reverses too; one that ties to nothing (another amount) waits for a person', async () => {
    const d = await createTestDebtor(database.db, t, { lastName: 'Richiamo', firstName: 'Luca' });
    const c = await createTestClaim(database.db, t, d.id, { interestRegime: 'none', principal: '150.00', dueDate: '2026-03-31' });
    const refNo = String((await database.db.selectFrom('claims').select('ref_no').where('id', '=', c.id).executeTakeFirstOrThrow()).ref_no);
    const ref = claimReferences(refNo, CLAIM_REFERENCE_PREFIX).rf;
    const paid = await importBankFile(database.db, t.users.operator.actor, file([{ amount: '90.00', acctSvcrRef: 'Q1', valueDate: '2026-11-03', txs: [{ amount: '90.00', reference: ref }] }]), { today: TODAY });
    const [credit] = await entriesOf(paid.fileId);
    expect(await statusOf(c.id)).toBe('partially_paid');
    const r = await importBankFile(
      database.db,
      t.users.operator.actor,
      file([
        // Another amount with the same reference: not this payment → a person looks.
        { amount: '45.00', direction: 'DBIT', reversal: true, acctSvcrRef: 'Q2', txs: [{ amount: '45.00', reference: ref, returnReason: 'AC04' }] },
        { amount: '90.00', direction: 'DBIT', reversal: true, acctSvcrRef: 'Q3', valueDate: '2026-11-10', txs: [{ amount: '90.00', reference: ref, returnReason: 'AC04' }] },
      ]),
      { today: TODAY },
    );
    expect(r).toMatchObject({ entries: 2, matched: 1, toReconcile: 1 });
    const rows = await entriesOf(r.fileId);
    expect(rows.map((x) => [x.entry_key, x.state, x.matched_by, (x.reason as { code?: string } | null)?.code ?? null, x.payment_id])).toEqual([
      ['a:Q2', 'to_reconcile', null, 'bank.returned', null],
      ['a:Q3', 'matched', 'return', null, credit!.payment_id],
    ]);
    expect(await statusOf(c.id)).toBe('in_collection');
  });
  it('an RF printed in groups whose first groups are by chance another claim\'s RF pays the claim the whole reference names', async () => {
    // "RF14 1760 855" is claim 760855's reference; its first two groups, "RF14 1760", pass the mod-97
    // check as claim 760's (once in ~97 references). Both name claims of different debtors: the whole
    // reference counts (before, such a payment waited for a person as "several debtors"). The numbers
    // here are far above any the tenants' sequence gives (the PostgreSQL suite shares one database).
    const { long, short } = collidingPair();
    expect(cluesOf({ references: [], text: [formatRf(long.rf)] }).references.map((c) => c.value)).toEqual([long.n, short.n]);
    const ids: string[] = [];
    for (const { n } of [short, long]) {
      const d = await createTestDebtor(database.db, t, { lastName: `Gruppi${n.slice(-4)}`, firstName: 'Ada' });
      const c = await createTestClaim(database.db, t, d.id, { interestRegime: 'none', principal: '80.00', dueDate: '2026-03-31' });
      // The claim's number is the tenant's next one at creation; here it is set to the colliding one.
      await sql`update claims set ref_no = ${n}::bigint where id = ${c.id}`.execute(database.db);
      ids.push(c.id);
    }
    const r = await importBankFile(
      database.db,
      t.users.operator.actor,
      file([
        { amount: '80.00', acctSvcrRef: 'G1', valueDate: '2026-11-12', txs: [{ amount: '80.00', text: [`Pagamento acconto ${formatRf(long.rf)}`] }] },
        // The shorter reference alone still names its own claim.
        { amount: '30.00', acctSvcrRef: 'G2', valueDate: '2026-11-12', txs: [{ amount: '30.00', text: [`rata ${formatRf(short.rf)} grazie`] }] },
      ]),
      { today: TODAY },
    );
    expect(r).toMatchObject({ entries: 2, matched: 2, toReconcile: 0 });
    expect(await paymentsOf(ids[1]!)).toMatchObject([{ amount: '80.00' }]);
    expect(await paymentsOf(ids[0]!)).toMatchObject([{ amount: '30.00' }]);
    expect(await statusOf(ids[1]!)).toBe('paid');
    expect(await statusOf(ids[0]!)).toBe('partially_paid');
  });
});
