import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connect.ts';
import { noticeCodeAux3 } from '../../domain/municipal/pagopa.ts';
import { camtXml } from '../../test/camt.ts';
import { openTestDatabase } from '../../test/db.ts';
import { createTestClaim, createTestDebtor, createTestTenant, type TestTenant } from '../../test/factories.ts';
import { pagopaFlowXml, type FlowInput } from '../../test/pagopa-flow.ts';
import { importBankFile } from './import-bank-file.ts';

/** pagoPA receipts (issue 15 item 5): a comune's flow and CSV matched by IUV / notice code, each payment exactly once. */
let database: Database;
let t: TestTenant;
let other: TestTenant;
const COMUNE = '80012345678';
const TODAY = '2026-12-01';
const notices = [0, 1, 2, 3].map((i) => noticeCodeAux3('07', `00000000100${i}1`));
const iuv = (i: number) => notices[i]!.slice(1);
const claims: string[] = [];
let twin: string;

beforeAll(async () => {
  database = await openTestDatabase();
  t = await createTestTenant(database.db);
  other = await createTestTenant(database.db);
  await database.db.updateTable('creditors').set({ tax_code: COMUNE, kind: 'public_entity' }).where('id', '=', t.creditor.id).execute();
  for (let i = 0; i < 3; i++) {
    const d = await createTestDebtor(database.db, t, { lastName: `Tributo${i}`, firstName: 'Anna' });
    const c = await createTestClaim(database.db, t, d.id, { interestRegime: 'none', principal: '200.00', dueDate: '2026-06-30', noticeCode: notices[i]! });
    claims.push(c.id);
  }
  // Another comune of the same tenant issued the same notice code (an IUV is unique per ente only).
  const b = await database.db.insertInto('creditors').values({ tenant_id: t.tenantId, name: 'Comune Gemello', kind: 'public_entity', tax_code: '80099999999' }).returning('id').executeTakeFirstOrThrow();
  const dt = await createTestDebtor(database.db, t, { lastName: 'Gemello' });
  twin = (await createTestClaim(database.db, t, dt.id, { creditorId: b.id, interestRegime: 'none', principal: '200.00', dueDate: '2026-06-30', noticeCode: notices[0]! })).id;
  // Another tenant's position with notice 3: never ours.
  const od = await createTestDebtor(database.db, other, { lastName: 'Altrove' });
  await createTestClaim(database.db, other, od.id, { interestRegime: 'none', principal: '80.00', dueDate: '2026-06-30', noticeCode: notices[3]! });
}, 120_000);
afterAll(async () => {
  await database?.close();
});

const flowFile = (f: FlowInput, name = 'flusso.xml') => ({ name, bytes: new TextEncoder().encode(pagopaFlowXml({ receiver: COMUNE, ...f })) });
const paymentsOf = (claimId: string) =>
  database.db
    .selectFrom('payment_allocations as a')
    .innerJoin('payments as p', 'p.id', 'a.payment_id')
    .select(['p.amount', 'p.method', 'p.value_date', 'p.reference'])
    .where('a.claim_id', '=', claimId)
    .orderBy('p.created_at')
    .execute();
const statusOf = async (id: string) => (await database.db.selectFrom('claims').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
const entriesOf = (fileId: string) => database.db.selectFrom('bank_entries').select(['account', 'entry_key', 'state', 'matched_by', 'reason', 'claim_ids', 'amount']).where('file_id', '=', fileId).orderBy('created_at').execute();
const count = async (table: 'payments' | 'bank_entries') => Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('tenant_id', '=', t.tenantId).executeTakeFirstOrThrow()).n);

describe('importBankFile with a pagoPA reconciliation flow', () => {
  const flow: FlowInput = {
    flowId: '2026-11-27BCITITMM-S000000042',
    payments: [
      // Claim 0 paid in full, claim 1 in part (outcome 9: paid without RPT, money received all the same).
      { iuv: iuv(0), iur: 'IUR-0', amount: '200.00', date: '2026-11-24' },
      { iuv: iuv(1), iur: 'IUR-1', amount: '75.25', outcome: '9', date: '2026-11-25' },
      // Claim 2: two payments of one position (two receipts) are two payments.
      { iuv: iuv(2), iur: 'IUR-2A', amount: '50.00', date: '2026-11-25' },
      { iuv: iuv(2), iur: 'IUR-2B', amount: '50.10', date: '2026-11-26' },
      // An IUV nobody here issued (the other tenant's): reconciliation.
      { iuv: iuv(3), iur: 'IUR-3', amount: '80.00' },
      // A revoked payment: a person reverses it; never a payment.
      { iuv: iuv(1), iur: 'IUR-1R', amount: '10.00', outcome: '3' },
    ],
  };

  it('books each paid receipt on the claim its IUV names, exact amounts; the same flow again records nothing', async () => {
    const first = await importBankFile(database.db, t.users.operator.actor, flowFile(flow), { today: TODAY });
    expect(first).toMatchObject({ status: 'done', entries: 6, matched: 4, toReconcile: 2, alreadyRecorded: 0, problems: [], error: null });
    expect(await paymentsOf(claims[0]!)).toEqual([{ amount: '200.00', method: 'pagopa', value_date: '2026-11-24', reference: iuv(0) }]);
    expect(await statusOf(claims[0]!)).toBe('paid');
    expect((await paymentsOf(claims[1]!)).map((p) => p.amount)).toEqual(['75.25']);
    expect(await statusOf(claims[1]!)).toBe('partially_paid');
    expect((await paymentsOf(claims[2]!)).map((p) => [p.amount, p.value_date])).toEqual([
      ['50.00', '2026-11-25'],
      ['50.10', '2026-11-26'],
    ]);
    // The other comune's position with the same notice code was not touched: the flow names its ente.
    expect(await paymentsOf(twin)).toEqual([]);
    const rows = await entriesOf(first.fileId);
    expect(rows.map((r) => [r.account, r.entry_key, r.state, r.matched_by, (r.reason as { code?: string } | null)?.code ?? null])).toEqual([
      [`pagoPA:${COMUNE}`, `p:${iuv(0)}/IUR-0/1`, 'matched', 'notice', null],
      [`pagoPA:${COMUNE}`, `p:${iuv(1)}/IUR-1/1`, 'matched', 'notice', null],
      [`pagoPA:${COMUNE}`, `p:${iuv(2)}/IUR-2A/1`, 'matched', 'notice', null],
      [`pagoPA:${COMUNE}`, `p:${iuv(2)}/IUR-2B/1`, 'matched', 'notice', null],
      [`pagoPA:${COMUNE}`, `p:${iuv(3)}/IUR-3/1`, 'to_reconcile', null, 'bank.no_reference'],
      [`pagoPA:${COMUNE}`, `p:${iuv(1)}/IUR-1R/1/revoked`, 'to_reconcile', null, 'bank.pagopa_revoked'],
    ]);
    // The revoked payment shows the person the claim it concerns.
    expect(rows[5]!.claim_ids).toEqual([claims[1]]);
    const format = await database.db.selectFrom('bank_files').select('format').where('id', '=', first.fileId).executeTakeFirstOrThrow();
    expect(format.format).toBe('pagopa.flow');

    const before = { payments: await count('payments'), entries: await count('bank_entries') };
    const again = await importBankFile(database.db, t.users.operator.actor, flowFile(flow, 'flusso-di-nuovo.xml'), { today: TODAY });
    expect(again).toMatchObject({ status: 'done', entries: 6, matched: 0, toReconcile: 0, alreadyRecorded: 6 });
    expect({ payments: await count('payments'), entries: await count('bank_entries') }).toEqual(before);

    // A CSV of receipts from the comune repeating one of them (same IUV, IUR, ente) and adding one by notice code.
    const csv = ['idDominio;Codice avviso;IUV;IUR;Importo;Data pagamento;Pagatore', `${COMUNE};;${iuv(1)};IUR-1;75,25;25/11/2026;Anna Tributo1`, `${COMUNE};${notices[1]};;IUR-9;24,75;27/11/2026;Anna Tributo1`].join('\n');
    const r = await importBankFile(database.db, t.users.operator.actor, { name: 'ricevute.csv', bytes: new TextEncoder().encode(csv) }, { today: TODAY });
    expect(r).toMatchObject({ status: 'done', entries: 2, matched: 1, alreadyRecorded: 1, problems: [] });
    expect((await paymentsOf(claims[1]!)).map((p) => p.amount)).toEqual(['75.25', '24.75']);
    expect(await statusOf(claims[1]!)).toBe('partially_paid');
  });

  it('a flow with a DOCTYPE is refused by name and records nothing', async () => {
    const before = { payments: await count('payments'), entries: await count('bank_entries') };
    const xml = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>` + pagopaFlowXml({ receiver: COMUNE, payments: [{ iuv: iuv(2), amount: '1.00' }] }).replace(/^<\?xml[^>]*>/, '');
    // With a DOCTYPE before it the root is not even looked for: the XML is refused for its DOCTYPE.
    const r = await importBankFile(database.db, t.users.operator.actor, { name: 'bomb.xml', bytes: new TextEncoder().encode(xml) }, { today: TODAY });
    expect(r).toMatchObject({ status: 'failed', entries: 0, error: { code: 'bank.xml_doctype' } });
    expect({ payments: await count('payments'), entries: await count('bank_entries') }).toEqual(before);
  });

  it('a viewer may not import a flow', async () => {
    await expect(importBankFile(database.db, t.users.viewer.actor, flowFile({ payments: [] }), { today: TODAY })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it("the PSP's cumulative transfer on the comune's statement waits for a person, never a second payment of the flow's receipts", async () => {
    const xml = camtXml({
      account: 'IT60X0542811101000000999999',
      entries: [{ amount: '375.35', acctSvcrRef: 'LGPE1', txs: [{ amount: '375.35', text: [`/PUR/LGPE-RIVERSAMENTO/URI/2026-11-27BCITITMM-S000000042 ${notices[2]}`] }] }],
    });
    const r = await importBankFile(database.db, t.users.operator.actor, { name: 'tesoreria.xml', bytes: new TextEncoder().encode(xml) }, { today: TODAY });
    expect(r).toMatchObject({ entries: 1, matched: 0, toReconcile: 1 });
    const [row] = await entriesOf(r.fileId);
    expect(row!.reason).toEqual({ code: 'bank.pagopa_transfer', params: { flow: '2026-11-27BCITITMM-S000000042' } });
  });
});
