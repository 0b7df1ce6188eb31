import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connect.ts';
import { CLAIM_REFERENCE_PREFIX, claimReferences, formatRf, PLAN_INSTALMENT_REFERENCE_PREFIX } from '../../domain/dunning/references.ts';
import { noticeCodeAux3 } from '../../domain/municipal/pagopa.ts';
import { proposePlan } from '../plans/propose-plan.ts';
import { camtXml, type CamtEntryInput } from '../../test/camt.ts';
import { openTestDatabase } from '../../test/db.ts';
import { createTestClaim, createTestDebtor, createTestTenant, type TestTenant } from '../../test/factories.ts';
import { importBankFile } from './import-bank-file.ts';
import { refreshStaleProfilesJob } from '../../jobs/handlers/refresh-stale-profiles.ts';

/**
 * Issue 15 item 8: a statement placed in chunks (several lines per transaction, payments booked
 * together) gives the same entries, payments, allocations and claims as placed line by line — two
 * tenants with the same portfolio, the same file, one each way.
 */
let database: Database;
const TODAY = '2026-12-01';
type Portfolio = { t: TestTenant; claims: { id: string; refNo: string; externalRef: string }[]; notice: string; instalmentRf: string };
const portfolios: Portfolio[] = [];

async function portfolio(db: Database['db']): Promise<Portfolio> {
  const t = await createTestTenant(db);
  const claims: Portfolio['claims'] = [];
  for (let i = 0; i < 4; i++) {
    const d = await createTestDebtor(db, t, { lastName: `Chunk${i}`, firstName: 'Anna' });
    // Two claims per debtor, with interest (the engine splits each payment into interest and principal).
    for (let k = 0; k < 2; k++) {
      const externalRef = `FC-${i}${k}-2025`;
      const c = await createTestClaim(db, t, d.id, { principal: `${400 + 100 * k}.00`, dueDate: k ? "2025-04-30" : "2025-03-31", issueDate: `2025-0${2 + k}-28`, externalRef });
      const row = await db.selectFrom('claims').select('ref_no').where('id', '=', c.id).executeTakeFirstOrThrow();
      claims.push({ id: c.id, refNo: String(row.ref_no), externalRef });
    }
  }
  // Claim 8: a pagoPA notice code (a comune's act is paid by it).
  const dn = await createTestDebtor(db, t, { lastName: 'Avviso', firstName: 'Carla' });
  const n = await createTestClaim(db, t, dn.id, { principal: '250.00', dueDate: '2025-05-31', issueDate: '2025-04-30', externalRef: 'AVV-8-2025' });
  const nRow = await db.selectFrom('claims').select('ref_no').where('id', '=', n.id).executeTakeFirstOrThrow();
  const notice = noticeCodeAux3('01', String(nRow.ref_no).padStart(13, '0'));
  await db.updateTable('claims').set({ notice_code: notice }).where('id', '=', n.id).execute();
  claims.push({ id: n.id, refNo: String(nRow.ref_no), externalRef: 'AVV-8-2025' });
  // Claims 9 and 10: one debtor's instalment plan; its first slip's RF pays the plan's positions.
  const dp = await createTestDebtor(db, t, { lastName: 'Rateale', firstName: 'Piero' });
  for (let k = 0; k < 2; k++) {
    const externalRef = `RAT-${9 + k}-2025`;
    const c = await createTestClaim(db, t, dp.id, { interestRegime: 'none', principal: `${200 + 100 * k}.00`, dueDate: `2026-0${3 + k}-15`, issueDate: '2026-02-28', externalRef });
    const row = await db.selectFrom('claims').select('ref_no').where('id', '=', c.id).executeTakeFirstOrThrow();
    claims.push({ id: c.id, refNo: String(row.ref_no), externalRef });
  }
  const plan = await proposePlan(db, t.users.operator.actor, { claimIds: [claims[9]!.id, claims[10]!.id], count: 3, firstDueOn: '2026-11-30' }, { today: '2026-10-01' });
  const first = await db.selectFrom('plan_instalments').select('ref_no').where('plan_id', '=', plan.id).orderBy('number').executeTakeFirstOrThrow();
  const instalmentRf = claimReferences(String(first.ref_no), PLAN_INSTALMENT_REFERENCE_PREFIX).rf;
  return { t, claims, notice, instalmentRf };
}

beforeAll(async () => {
  database = await openTestDatabase();
  portfolios.push(await portfolio(database.db), await portfolio(database.db));
}, 120_000);
afterAll(async () => {
  await database?.close();
});

/** The same statement, for either portfolio (claim k of the portfolio in the same place). */
function statement(p: Portfolio): CamtEntryInput[] {
  const rf = (k: number) => claimReferences(p.claims[k]!.refNo, CLAIM_REFERENCE_PREFIX).rf;
  return [
    // A part payment of claim 0, then two more on the same claim in the same chunk (booked one after the other).
    { amount: '100.00', acctSvcrRef: 'C1', valueDate: '2026-10-01', txs: [{ amount: '100.00', reference: rf(0) }] },
    { amount: '150.00', acctSvcrRef: 'C2', valueDate: '2026-11-01', txs: [{ amount: '150.00', text: [`acconto ${formatRf(rf(0))}`] }] },
    // An earlier value date on the same claim (re-splits the later ones).
    { amount: '50.00', acctSvcrRef: 'C4', valueDate: '2026-06-01', txs: [{ amount: '50.00', reference: rf(0) }] },
    { amount: '900.00', acctSvcrRef: 'C3', valueDate: '2026-11-20', txs: [{ amount: '900.00', reference: rf(0) }] },
    // Document numbers; an overpayment.
    { amount: '2000.00', acctSvcrRef: 'C5', valueDate: '2026-11-25', txs: [{ amount: '2000.00', text: [`fattura ${p.claims[2]!.externalRef}`] }] },
    { amount: '77.70', acctSvcrRef: 'C6', valueDate: '2026-11-25', txs: [{ amount: '77.70', text: [`fatt. ${p.claims[5]!.externalRef}`], name: 'Anna Chunk2' }] },
    // Two claims of two debtors named: a person decides.
    { amount: '10.00', acctSvcrRef: 'C7', txs: [{ amount: '10.00', text: [`${p.claims[6]!.externalRef} ${p.claims[4]!.externalRef}`] }] },
    // A value date before the claim existed: refused by the engine's checks → reconciliation with the reason.
    { amount: '30.00', acctSvcrRef: 'C8', valueDate: '2025-01-10', txs: [{ amount: '30.00', reference: rf(7), name: 'Anna Chunk3' }] },
    // A payer whose name is a debtor's: a suggestion (its claim C5 paid off is no longer offered); a return; pending; the same key twice.
    { amount: '45.00', acctSvcrRef: 'C9', txs: [{ amount: '45.00', text: ['regalo'], name: 'Anna Chunk1' }] },
    { amount: '80.00', direction: 'DBIT', reversal: true, acctSvcrRef: 'C10', txs: [{ amount: '80.00', returnReason: 'MD06' }] },
    { amount: '10.00', status: 'PDNG', acctSvcrRef: 'C11', txs: [{ amount: '10.00', reference: rf(3) }] },
    { amount: '60.00', acctSvcrRef: 'C12', valueDate: '2026-11-02', txs: [{ amount: '60.00', reference: rf(3) }] },
    { amount: '60.00', acctSvcrRef: 'C12', valueDate: '2026-11-02', txs: [{ amount: '60.00', reference: rf(3) }] },
    // A pagoPA notice code (an overpayment), a plan's instalment slip.
    { amount: '400.00', acctSvcrRef: 'C13', valueDate: '2026-11-10', txs: [{ amount: '400.00', reference: p.notice }] },
    { amount: '100.00', acctSvcrRef: 'C14', valueDate: '2026-11-28', txs: [{ amount: '100.00', reference: p.instalmentRf, name: 'Rateale Piero' }] },
    // A credit with its end-to-end id, then its return (tied: the payment is reversed); a return tied to nothing.
    { amount: '120.00', acctSvcrRef: 'C15', valueDate: '2026-11-03', txs: [{ amount: '120.00', endToEndId: 'E2E-C15', reference: rf(6) }] },
    { amount: '35.00', acctSvcrRef: 'C16', direction: 'DBIT', reversal: true, txs: [{ amount: '35.00', endToEndId: 'E2E-NONE', returnReason: 'AC04' }] },
    { amount: '120.00', acctSvcrRef: 'C17', direction: 'DBIT', reversal: true, valueDate: '2026-11-04', txs: [{ amount: '120.00', endToEndId: 'E2E-C15', returnReason: 'MD06' }] },
  ];
}

/** Everything the import wrote for a portfolio, with its claims named by their place in it. */
async function written(p: Portfolio, fileId: string) {
  const db = database.db;
  const place = new Map(p.claims.map((c, k) => [c.id, k]));
  const entries = await db
    .selectFrom('bank_entries')
    .select(['id', 'entry_key', 'state', 'matched_by', 'reason', 'claim_ids', 'suggestions', 'payment_id', 'payment_ids'])
    .where('tenant_id', '=', p.t.tenantId)
    .where('file_id', '=', fileId)
    .orderBy('entry_key')
    .execute();
  const out = [];
  for (const e of entries) {
    const payment = e.payment_id ? await db.selectFrom('payments').select(['amount', 'unallocated', 'value_date', 'method', 'imputation']).where('id', '=', e.payment_id).executeTakeFirstOrThrow() : null;
    const allocations = e.payment_id
      ? (await db.selectFrom('payment_allocations').select(['claim_id', 'component', 'amount']).where('payment_id', '=', e.payment_id).execute())
          .map((a) => `${place.get(a.claim_id)}:${a.component}:${a.amount}`)
          .sort()
      : [];
    const suggestions = (e.suggestions as { claimIds: string[]; why: string }[] | null)?.map((s) => `${s.why}:${s.claimIds.map((id) => place.get(id)).join(',')}`) ?? null;
    // The payments a credit became: its payment alone, or none (a refused one names none, however it was
    // placed). A return names the payment it reversed and became none.
    expect(e.payment_ids).toEqual(e.payment_id && e.matched_by !== 'return' ? [e.payment_id] : []);
    out.push({ key: e.entry_key, state: e.state, matchedBy: e.matched_by, reason: e.reason, claims: e.claim_ids.map((id) => place.get(id)!).sort((x, y) => x - y), suggestions, payment, allocations });
  }
  const claims = await db.selectFrom('claims').select(['id', 'status', 'principal_paid', 'interest_paid', 'costs_paid', 'closed_on']).where('tenant_id', '=', p.t.tenantId).execute();
  const balances = await db.selectFrom('claim_balances').select(['claim_id', 'status', 'principal_due', 'interest_due', 'costs_due', 'parts_due', 'total_due', 'interest_carried', 'interest_from', 'balance_on']).where('tenant_id', '=', p.t.tenantId).execute();
  const audits = await db.selectFrom('audit_events').select(['action']).where('tenant_id', '=', p.t.tenantId).where('action', 'in', ['payment.recorded', 'claim.payment_applied', 'claim.allocation_recomputed']).execute();
  const count = (a: string) => audits.filter((x) => x.action === a).length;
  // Each payment's audit event as it was booked (line by line it is read back; in chunks built from what was written): the same facts.
  // (The credit each payment came from, whichever file recorded it: the same file imported twice at once records each line in one of the two.)
  const credits = await db.selectFrom('bank_entries').select(['entry_key', 'payment_id']).where('tenant_id', '=', p.t.tenantId).where('direction', '=', 'credit').where('payment_id', 'is not', null).execute();
  const keyOf = new Map(credits.map((e) => [e.payment_id!, e.entry_key]));
  const recorded = (await db.selectFrom('audit_events').select(['entity_id', 'after']).where('tenant_id', '=', p.t.tenantId).where('action', '=', 'payment.recorded').execute())
    .map((r) => {
      // (Ids, the creditor's name and the references are each tenant's own.)
      const { id: _i, debtorId: _d, creditorId: _c, creditorName: _n, reference: _r, createdAt, allocations, ...rest } = r.after as Record<string, unknown> & { createdAt: string; allocations: { claimId: string }[] };
      expect(createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(keyOf.has(r.entity_id)).toBe(true);
      return { key: keyOf.get(r.entity_id), ...rest, allocations: allocations.map(({ claimId, ...a }) => ({ k: place.get(claimId), ...a })).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))) };
    })
    .sort((x, y) => String(x.key).localeCompare(String(y.key)));
  // The debtors' risk profiles (chunks mark them and the import refreshes them at its end; line by line refreshes each at once): a debtor named by its first claim's place.
  const debtorOf = new Map<string, number>();
  for (const c of await db.selectFrom('claims').select(['id', 'debtor_id']).where('tenant_id', '=', p.t.tenantId).execute()) {
    const k = place.get(c.id);
    if (k !== undefined && (debtorOf.get(c.debtor_id) ?? Infinity) > k) debtorOf.set(c.debtor_id, k);
  }
  const profiles = (await db.selectFrom('debtor_profiles').select(['debtor_id', 'creditor_id', 'risk_class', 'figures', 'reasons']).where('tenant_id', '=', p.t.tenantId).execute())
    .map((r) => ({ debtor: debtorOf.get(r.debtor_id), whole: r.creditor_id === null, riskClass: r.risk_class, figures: r.figures, reasons: r.reasons }))
    .sort((x, y) => x.debtor! - y.debtor! || Number(x.whole) - Number(y.whole));
  const stale = await db.selectFrom('debtor_profiles_stale').select('debtor_id').where('tenant_id', '=', p.t.tenantId).execute();
  return {
    recorded,
    profiles,
    stale: stale.length,
    entries: out,
    claims: claims.map(({ id, ...c }) => ({ k: place.get(id), ...c })).sort((a, b) => a.k! - b.k!),
    balances: balances.map(({ claim_id, ...b }) => ({ k: place.get(claim_id), ...b })).sort((a, b) => a.k! - b.k!),
    audits: { recorded: count('payment.recorded'), applied: count('claim.payment_applied'), recomputed: count('claim.allocation_recomputed') },
  };
}

describe('importBankFile in chunks', () => {
  it('gives the same entries, payments, allocations, claims and balances as line by line', async () => {
    const [a, b] = portfolios as [Portfolio, Portfolio];
    const file = (p: Portfolio) => ({ name: 'estratto.xml', bytes: new TextEncoder().encode(camtXml({ entries: statement(p), account: 'IT60X0542811101000000123456' })) });
    const byLine = await importBankFile(database.db, a.t.users.operator.actor, file(a), { today: TODAY, chunk: 1 });
    const chunked = await importBankFile(database.db, b.t.users.operator.actor, file(b), { today: TODAY, chunk: 500 });
    const { fileId: _a, fileName: _fa, ...one } = byLine;
    const { fileId: _b, fileName: _fb, ...other } = chunked;
    const [wa, wb] = [await written(a, byLine.fileId), await written(b, chunked.fileId)];
    expect(wb.entries.map((e) => [e.key, e.state, e.reason])).toEqual(wa.entries.map((e) => [e.key, e.state, e.reason]));
    expect(other).toEqual(one);
    expect(one).toMatchObject({ entries: 18, matched: 11, alreadyRecorded: 1, notBooked: 1 });

    expect(wb).toEqual(wa);
    // The file is done once its lines are placed; the paid debtors' profiles are refreshed after it
    // (a derived figure: a stop there leaves a done file and the marks for the job).
    const done = await database.db.selectFrom('bank_files').select(['status', 'finished_at']).where('id', '=', chunked.fileId).executeTakeFirstOrThrow();
    const paidDebtors = (await database.db.selectFrom('payments').select('debtor_id').distinct().where('tenant_id', '=', b.t.tenantId).execute()).map((r) => r.debtor_id);
    const refreshedAt = await database.db.selectFrom('debtor_profiles').select('computed_at').where('tenant_id', '=', b.t.tenantId).where('creditor_id', 'is', null).where('debtor_id', 'in', paidDebtors).execute();
    expect(done.status).toBe('done');
    expect(refreshedAt).toHaveLength(paidDebtors.length);
    // (A line placed on its own — a return tied to its payment — refreshes its debtor at once, as any payment.)
    expect(Math.max(...refreshedAt.map((r) => r.computed_at.getTime()))).toBeGreaterThanOrEqual(done.finished_at!.getTime());
    // The file's facts, so the comparison compares something: payments with interest and principal, a refusal, a suggestion.
    expect(wa.entries.find((e) => e.key === 'a:C8')).toMatchObject({ state: 'to_reconcile', reason: { code: 'records.value_date_before_claim' } });
    expect(wa.entries.find((e) => e.key === 'a:C9')!.suggestions).toEqual(['name:3']);
    expect(wa.entries.find((e) => e.key === 'a:C3')!.allocations.some((x) => x.startsWith('0:interest:'))).toBe(true);
    expect(wa.audits.recomputed).toBeGreaterThan(0);
    // Profiles of every debtor paid, none left marked stale.
    expect(wa.profiles.filter((x) => x.whole).map((x) => x.debtor)).toEqual(expect.arrayContaining([0, 2, 4, 6, 8, 9]));
    expect(wa.stale).toBe(0);
    expect(wa.entries.find((e) => e.key === 'a:C13')).toMatchObject({ state: 'matched', matchedBy: 'notice', allocations: [expect.stringMatching(/^8:/), expect.stringMatching(/^8:/)] });
    expect(wa.entries.find((e) => e.key === 'a:C14')).toMatchObject({ state: 'matched', allocations: ['9:principal:100.00'] });
    expect(wa.entries.find((e) => e.key === 'a:C16')).toMatchObject({ state: 'to_reconcile', reason: { code: 'bank.returned' } });
    expect(wa.entries.find((e) => e.key === 'a:C17')).toMatchObject({ state: 'matched', matchedBy: 'return' });
    // Chunks of two lines (payments of one claim in different chunks and rounds): the same again.
    const c = await portfolio(database.db);
    const small = await importBankFile(database.db, c.t.users.operator.actor, file(c), { today: TODAY, chunk: 2 });
    expect(await written(c, small.fileId)).toEqual(wa);
    // Chunks side by side (on PostgreSQL each on its own connection; PGlite takes them in turn): payments
    // of one claim in consecutive chunks, a return of the chunk before's credit — the same again, the
    // counts committed as the file goes, the entries written in the file's order.
    const s = await portfolio(database.db);
    const counts: number[] = [];
    const sideBySide = await importBankFile(database.db, s.t.users.operator.actor, file(s), { today: TODAY, chunk: 2, connections: 2, onProgress: (x) => counts.push(x.entries) });
    expect(await written(s, sideBySide.fileId)).toEqual(wa);
    expect(counts).toEqual(Array.from({ length: 9 }, (_, k) => 2 * (k + 1)));
    const order = await database.db.selectFrom('bank_entries').select('entry_key').where('file_id', '=', sideBySide.fileId).orderBy('created_at').execute();
    expect(order.map((e) => e.entry_key)).toEqual(statement(s).map((e) => `a:${e.acctSvcrRef}`).filter((k, i, all) => all.indexOf(k) === i));

    // The same file imported twice at the same moment (on PostgreSQL two connections: the chunks run
    // side by side): each line is recorded once, by one of the two, and paid once.
    const d = await portfolio(database.db);
    const both = await Promise.all([0, 1].map(() => importBankFile(database.db, d.t.users.operator.actor, file(d), { today: TODAY, chunk: 500 })));
    const sum = (k: 'matched' | 'toReconcile' | 'notBooked' | 'alreadyRecorded') => both[0]![k] + both[1]![k];
    expect([sum('matched'), sum('toReconcile'), sum('notBooked'), sum('alreadyRecorded')]).toEqual([one.matched, one.toReconcile, one.notBooked, 2 * one.entries - (one.entries - one.alreadyRecorded)]);
    const entries = await database.db.selectFrom('bank_entries').select(['entry_key', 'state', 'payment_id']).where('tenant_id', '=', d.t.tenantId).orderBy('entry_key').execute();
    expect(entries.map((e) => [e.entry_key, e.state])).toEqual(wa.entries.map((e) => [e.key, e.state]));
    const { entries: _we, ...rest } = wa;
    const { entries: _de, ...together } = await written(d, both[0]!.fileId);
    expect(together).toEqual(rest);
    const payments = await database.db.selectFrom('payments').select((eb) => eb.fn.countAll<string>().as('n')).where('tenant_id', '=', d.t.tenantId).executeTakeFirstOrThrow();
    // (A return tied to a payment names the payment it reversed.)
    expect(Number(payments.n)).toBe(new Set(entries.flatMap((e) => (e.payment_id ? [e.payment_id] : []))).size);

    // On the server (a file run by the jobs, `profiles: 'job'`) the payments are done without the
    // profiles: the paid debtors stay marked until the minute's job refreshes them — then all is as above.
    const e = await portfolio(database.db);
    const byJob = await importBankFile(database.db, e.t.users.operator.actor, file(e), { today: TODAY, chunk: 500, profiles: 'job' });
    const before = await written(e, byJob.fileId);
    expect(before.entries).toEqual(wa.entries);
    expect(before.profiles).not.toEqual(wa.profiles); // as the claims were registered, before the payments
    expect(before.stale).toBe(new Set(wa.profiles.filter((x) => x.whole).map((x) => x.debtor)).size);
    await refreshStaleProfilesJob(database.db).run({});
    expect(await written(e, byJob.fileId)).toEqual(wa);
  });
});
