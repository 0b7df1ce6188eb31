import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { camtXml } from '../../test/camt.ts';
import { noticeCodeAux3 } from '../../domain/municipal/pagopa.ts';
import { pagopaFlowXml } from '../../test/pagopa-flow.ts';
import { openApiContext, type ApiContext, type Client } from '../../test/http.ts';
import { today } from '../../domain/dates.ts';
import { sql } from 'kysely';
import { Readable } from 'node:stream';
import { resumeBankFiles } from '../../usecases/bank/resume-bank-files.ts';
import { importBankFile } from '../../usecases/bank/import-bank-file.ts';
import { storedBankFile, uploadBankFile } from '../../usecases/bank/upload-bank-file.ts';

let ctx: ApiContext;
let debtorId: string;
let claimId: string;

beforeAll(async () => {
  ctx = await openApiContext();
  const d = await ctx.admin({ method: 'POST', url: '/api/debtors', payload: { kind: 'consumer', firstName: 'Ottavia', lastName: 'Bancaria' } });
  expect(d.statusCode, d.body).toBe(201);
  debtorId = d.json().id;
  const c = await ctx.admin({
    method: 'POST',
    url: '/api/claims',
    payload: { kind: 'invoice', debtorId, creditorId: ctx.t.creditor.id, externalRef: `BK-${Date.now()}`, principal: '250.00', currency: 'EUR', dueDate: '2026-01-31', interestRegime: 'none' },
  });
  expect(c.statusCode, c.body).toBe(201);
  claimId = c.json().id;
});
afterAll(async () => {
  await ctx.app.close();
});

function multipart(name: string, content: string) {
  const boundary = `----incasso${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/xml\r\n\r\n`),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
/** Uploads a file (answered at once, queued), lets the job place it, and returns the file as GET shows it then. */
async function upload(client: Client, xml: string, name = 'estratto.xml', url = '/api/bank/files') {
  const r = await client({ method: 'POST', url, ...multipart(name, xml) });
  if (r.statusCode !== 202) return { statusCode: r.statusCode, json: () => r.json(), body: r.body };
  expect(r.json()).toMatchObject({ fileName: name, status: 'queued', entries: 0 });
  await ctx.jobs.idle();
  const file = await client({ method: 'GET', url: `/api/bank/files/${r.json().id}` });
  expect(file.statusCode, file.body).toBe(200);
  return { statusCode: 202, json: () => ({ ...file.json(), fileId: file.json().id }), body: file.body };
}

describe('bank files and the reconciliation list over HTTP', () => {
  const day = today().subtract({ days: 2 }).toString();
  const xml = () =>
    camtXml({
      statementId: `API-${Date.now()}`,
      entries: [{ amount: '100.00', acctSvcrRef: `API-${Date.now()}`, bookingDate: day, txs: [{ amount: '100.00', name: 'Ottavia Bancaria', text: ['acconto dicembre'] }] }],
    });

  it('an uploaded statement waits for a person with its reason and the payer suggested by name; assigning it books the payment', async () => {
    const r = await upload(ctx.operator, xml());
    expect(r.statusCode, r.body).toBe(202);
    expect(r.json()).toMatchObject({ status: 'done', entries: 1, matched: 0, toReconcile: 1, error: null });
    // Another tenant's file is not found.
    expect((await ctx.outsider({ method: 'GET', url: `/api/bank/files/${r.json().fileId}` })).statusCode).toBe(404);

    const list = await ctx.operator({ method: 'GET', url: `/api/bank/entries?state=to_reconcile&fileId=${r.json().fileId}`, headers: { 'accept-language': 'en' } });
    expect(list.statusCode, list.body).toBe(200);
    const [entry] = list.json().items;
    expect(entry).toMatchObject({ amount: '100.00', currency: 'EUR', partyName: 'Ottavia Bancaria', reasonCode: 'bank.no_reference', reason: 'No reference, notice code or document number recognised' });
    expect(entry.suggestions).toEqual([{ debtorId, debtorName: expect.stringContaining('Bancaria'), creditorId: ctx.t.creditor.id, creditorName: ctx.t.creditor.name, claimIds: [claimId], why: 'name' }]);

    // An outsider sees nothing of it and cannot touch it.
    expect((await ctx.outsider({ method: 'GET', url: '/api/bank/entries' })).json().items.map((e: { id: string }) => e.id)).not.toContain(entry.id);
    expect((await ctx.outsider({ method: 'POST', url: `/api/bank/entries/${entry.id}/ignore`, payload: { reason: 'x' } })).statusCode).toBe(404);
    // A viewer cannot assign it.
    expect((await ctx.viewer({ method: 'POST', url: `/api/bank/entries/${entry.id}/assign`, payload: { debtorId, creditorId: ctx.t.creditor.id } })).statusCode).toBe(403);

    const assigned = await ctx.operator({ method: 'POST', url: `/api/bank/entries/${entry.id}/assign`, payload: { debtorId, creditorId: ctx.t.creditor.id, claimIds: [claimId] } });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json().payments).toEqual([expect.objectContaining({ amount: '100.00', unallocated: '0.00', method: 'bank_transfer', payerName: 'Ottavia Bancaria', valueDate: day })]);
    const claim = await ctx.operator({ method: 'GET', url: `/api/claims/${claimId}` });
    expect(claim.json().status).toBe('partially_paid');
    // Twice is refused; the entry is now among the matched ones.
    expect((await ctx.operator({ method: 'POST', url: `/api/bank/entries/${entry.id}/assign`, payload: { debtorId, creditorId: ctx.t.creditor.id } })).statusCode).toBe(409);
    const matched = await ctx.operator({ method: 'GET', url: `/api/bank/entries?state=matched&fileId=${r.json().fileId}` });
    expect(matched.json().items[0]).toMatchObject({ id: entry.id, matchedBy: 'person', paymentId: assigned.json().payments[0].id, paymentIds: [assigned.json().payments[0].id] });
  });

  it('a person splits one transfer between two taxpayers: two payments making exactly the entry, refused when the parts do not add up', async () => {
    const other = await ctx.admin({ method: 'POST', url: '/api/debtors', payload: { kind: 'consumer', firstName: 'Ettore', lastName: 'Bancario' } });
    const otherClaim = await ctx.admin({
      method: 'POST',
      url: '/api/claims',
      payload: { kind: 'invoice', debtorId: other.json().id, creditorId: ctx.t.creditor.id, externalRef: `BK2-${Date.now()}`, principal: '80.00', currency: 'EUR', dueDate: '2026-01-31', interestRegime: 'none' },
    });
    expect(otherClaim.statusCode, otherClaim.body).toBe(201);
    const r = await upload(ctx.operator, xml());
    const [entry] = (await ctx.operator({ method: 'GET', url: `/api/bank/entries?state=to_reconcile&fileId=${r.json().fileId}` })).json().items;
    const split = (a: string, b: string) =>
      ctx.operator({
        method: 'POST',
        url: `/api/bank/entries/${entry.id}/assign`,
        payload: {
          parts: [
            { debtorId, creditorId: ctx.t.creditor.id, claimIds: [claimId], amount: a },
            { debtorId: other.json().id, creditorId: ctx.t.creditor.id, claimIds: [otherClaim.json().id], amount: b },
          ],
        },
      });
    // 60.00 + 39.99 is a cent short of the 100.00 received: refused, nothing booked.
    const short = await split('60.00', '39.99');
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields).toEqual([expect.objectContaining({ path: 'parts', messageCode: 'bank.split_sum', message: 'Le parti sommano 99,99: devono fare esattamente l’importo del movimento, 100,00' })]);
    const done = await split('20.00', '80.00');
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().payments.map((p: { amount: string; unallocated: string }) => [p.amount, p.unallocated])).toEqual([
      ['20.00', '0.00'],
      ['80.00', '0.00'],
    ]);
    expect((await ctx.operator({ method: 'GET', url: `/api/claims/${otherClaim.json().id}` })).json().status).toBe('paid');
    const [matched] = (await ctx.operator({ method: 'GET', url: `/api/bank/entries?state=matched&fileId=${r.json().fileId}` })).json().items;
    expect(matched.paymentIds).toEqual(done.json().payments.map((p: { id: string }) => p.id));
  });

  it('an entry set aside keeps its reason; a hostile file is refused by name; files are listed', async () => {
    const r = await upload(ctx.supervisor, xml());
    const [entry] = (await ctx.supervisor({ method: 'GET', url: `/api/bank/entries?fileId=${r.json().fileId}` })).json().items;
    const ignored = await ctx.supervisor({ method: 'POST', url: `/api/bank/entries/${entry.id}/ignore`, payload: { reason: 'giroconto tra conti dell’agenzia' } });
    expect(ignored.json()).toEqual({ id: entry.id, state: 'ignored' });
    const list = (await ctx.supervisor({ method: 'GET', url: `/api/bank/entries?state=ignored&fileId=${r.json().fileId}` })).json();
    expect(list.items[0].reason).toBe('Scartato: giroconto tra conti dell’agenzia');

    const bomb = await upload(ctx.supervisor, '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><Document>&x;</Document>', 'bomb.xml');
    expect(bomb.statusCode).toBe(202);
    expect(bomb.json()).toMatchObject({ status: 'failed', entries: 0, errorCode: 'bank.xml_doctype' });
    // An empty file is refused at once.
    expect((await upload(ctx.supervisor, '', 'vuoto.xml')).statusCode).toBe(400);
    const files = (await ctx.supervisor({ method: 'GET', url: '/api/bank/files' })).json() as { fileName: string; status: string; error: string | null }[];
    expect(files.find((f) => f.fileName === 'bomb.xml')).toMatchObject({ status: 'failed', error: expect.stringContaining('DOCTYPE') });
    expect((await ctx.app.inject({ method: 'GET', url: '/api/bank/files' })).statusCode).toBe(401);
  });

  it('a pagoPA reconciliation flow is recognised by its content: its receipt becomes a payment on the notice\'s claim, once', async () => {
    const notice = noticeCodeAux3('05', String(Date.now()).slice(-13).padStart(13, '0'));
    const c = await ctx.admin({
      method: 'POST',
      url: '/api/claims',
      payload: { kind: 'invoice', debtorId, creditorId: ctx.t.creditor.id, externalRef: `PA-${Date.now()}`, principal: '90.00', currency: 'EUR', dueDate: '2026-01-31', interestRegime: 'none', noticeCode: notice },
    });
    expect(c.statusCode, c.body).toBe(201);
    const flow = pagopaFlowXml({ flowId: `F-${Date.now()}`, payments: [{ iuv: notice.slice(1), iur: `IUR-${Date.now()}`, amount: '90.00', date: day }] });
    const r = await upload(ctx.operator, flow, 'flusso.xml');
    expect(r.statusCode, r.body).toBe(202);
    expect(r.json()).toMatchObject({ status: 'done', entries: 1, matched: 1, toReconcile: 0, error: null });
    const again = await upload(ctx.operator, flow, 'flusso.xml');
    expect(again.json()).toMatchObject({ entries: 1, matched: 0, alreadyRecorded: 1 });
    const claim = await ctx.admin({ method: 'GET', url: `/api/claims/${c.json().id}` });
    expect(claim.json().status).toBe('paid');
  });

  it("a bank's CSV export with a mapping saved under a name (admin only); an unknown name is refused", async () => {
    const mapping = { account: 'IT60X0542811101000000777777', date: 'Data', amount: 'Importo', remittance: ['Causale'], payer: 'Ordinante' };
    expect((await ctx.operator({ method: 'POST', url: '/api/bank/csv-mappings', payload: { name: 'Banca API', mapping } })).statusCode).toBe(403);
    const saved = await ctx.admin({ method: 'POST', url: '/api/bank/csv-mappings', payload: { name: 'Banca API', mapping } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await ctx.operator({ method: 'GET', url: '/api/bank/csv-mappings' })).json()).toContainEqual(expect.objectContaining({ name: 'Banca API' }));
    const content = `Data;Importo;Causale;Ordinante\n${day.split('-').reverse().join('/')};42,00;pagamento ${Date.now()};Ottavia Bancaria\n`;
    const post = (name: string) => upload(ctx.operator, content, 'movimenti.csv', `/api/bank/files?mapping=${encodeURIComponent(name)}`);
    const r = await post('Banca API');
    expect(r.statusCode, r.body).toBe(202);
    expect(r.json()).toMatchObject({ status: 'done', entries: 1, toReconcile: 1 });
    expect((await post('Banca API')).json()).toMatchObject({ entries: 1, alreadyRecorded: 1 });
    expect((await post('Nessuna')).statusCode).toBe(400);
  });
});

describe('a bank file uploaded over HTTP is stored and placed by a job', () => {
  const day = today().subtract({ days: 3 }).toString();
  async function claimWith(ref: string, principal: string) {
    const c = await ctx.admin({
      method: 'POST',
      url: '/api/claims',
      payload: { kind: 'invoice', debtorId, creditorId: ctx.t.creditor.id, externalRef: ref, principal, currency: 'EUR', dueDate: '2026-01-31', interestRegime: 'none' },
    });
    expect(c.statusCode, c.body).toBe(201);
    return c.json().id as string;
  }
  const statement = (tag: string, refs: string[]) =>
    camtXml({
      statementId: `JOB-${tag}`,
      entries: [
        ...refs.map((ref, i) => ({ amount: '40.00', acctSvcrRef: `JOB-${tag}-${i}`, bookingDate: day, txs: [{ amount: '40.00', text: [`saldo fattura ${ref}`] }] })),
        { amount: '7.00', acctSvcrRef: `JOB-${tag}-x`, bookingDate: day, txs: [{ amount: '7.00', name: 'Sconosciuto Qualunque', text: ['regalo'] }] },
      ],
    });

  it('a camt.053 is answered queued at once; the job matches its entries; the file shows its counts', async () => {
    const tag = String(Date.now());
    const refs = [`JA-${tag}`, `JB-${tag}`];
    const ids = [await claimWith(refs[0]!, '40.00'), await claimWith(refs[1]!, '90.00')];
    const r = await ctx.operator({ method: 'POST', url: '/api/bank/files', ...multipart('estratto-job.xml', statement(tag, refs)) });
    expect(r.statusCode, r.body).toBe(202);
    expect(r.json()).toMatchObject({ fileName: 'estratto-job.xml', status: 'queued', entries: 0, matched: 0, error: null, problemItems: [] });
    await ctx.jobs.idle();
    const file = await ctx.operator({ method: 'GET', url: `/api/bank/files/${r.json().id}` });
    expect(file.json()).toMatchObject({ status: 'done', format: 'camt.053.001.08', entries: 3, matched: 2, toReconcile: 1, alreadyRecorded: 0, notBooked: 0, problems: 0, error: null, errorCode: null });
    expect((await ctx.operator({ method: 'GET', url: '/api/bank/files' })).json()).toContainEqual(expect.objectContaining({ id: r.json().id, status: 'done', matched: 2 }));
    expect((await ctx.operator({ method: 'GET', url: `/api/claims/${ids[0]}` })).json().status).toBe('paid');
    expect((await ctx.operator({ method: 'GET', url: `/api/claims/${ids[1]}` })).json().status).toBe('partially_paid');
    const matched = (await ctx.operator({ method: 'GET', url: `/api/bank/entries?state=matched&fileId=${r.json().id}` })).json().items;
    expect(matched).toHaveLength(2);
    // Another tenant sees neither the file nor it in the list.
    expect((await ctx.outsider({ method: 'GET', url: `/api/bank/files/${r.json().id}` })).statusCode).toBe(404);
    expect((await ctx.outsider({ method: 'GET', url: '/api/bank/files' })).json().map((f: { id: string }) => f.id)).not.toContain(r.json().id);
  });

  it('a run cut short (running, some entries recorded, the last chunk not yet counted) is resumed (the resume job\'s use case) and records each entry once', async () => {
    const tag = `R${Date.now()}`;
    const refs = [`RA-${tag}`, `RB-${tag}`];
    const ids = [await claimWith(refs[0]!, '40.00'), await claimWith(refs[1]!, '40.00')];
    const actor = ctx.t.users.operator.actor;
    // Stored as the route stores it; no job sent (the message was lost with the node).
    const stored = await uploadBankFile(ctx.db, actor, { fileName: 'interrotto.xml' }, Readable.from([Buffer.from(statement(tag, refs))]), { maxBytes: 1 << 20 });
    await ctx.db.updateTable('bank_files').set({ status: 'running' }).where('id', '=', stored.id).execute();
    // The run dies after its second entry is committed (one entry per chunk here)…
    let flushes = 0;
    await expect(
      importBankFile(ctx.db, actor, { name: 'interrotto.xml', chunks: storedBankFile(ctx.db, actor.tenantId, stored.id) }, {
        fileId: stored.id,
        chunk: 1,
        onProgress: () => {
          if (++flushes === 2) throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    // …and before the second entry's counts were committed, as a SIGKILL between the two statements would leave it.
    await ctx.db.updateTable('bank_files').set({ entries: 1, matched: 1, updated_at: sql`now() - interval '10 minutes'` }).where('id', '=', stored.id).execute();
    expect(await ctx.db.selectFrom('bank_entries').select((eb) => eb.fn.countAll<string>().as('n')).where('file_id', '=', stored.id).executeTakeFirstOrThrow()).toEqual({ n: '2' });

    expect(await resumeBankFiles(ctx.db, 2, { tenantId: ctx.t.tenantId })).toEqual([stored.id]);
    const file = (await ctx.operator({ method: 'GET', url: `/api/bank/files/${stored.id}` })).json();
    // The second entry, placed before the crash, is found recorded; the third is placed now.
    expect(file).toMatchObject({ status: 'done', entries: 3, matched: 1, alreadyRecorded: 1, toReconcile: 1 });
    const entries = await ctx.db.selectFrom('bank_entries').select(['entry_key', 'state']).where('file_id', '=', stored.id).orderBy('entry_key').execute();
    expect(entries).toEqual([
      { entry_key: `a:JOB-${tag}-0`, state: 'matched' },
      { entry_key: `a:JOB-${tag}-1`, state: 'matched' },
      { entry_key: `a:JOB-${tag}-x`, state: 'to_reconcile' },
    ]);
    for (const id of ids) {
      const payments = (await ctx.operator({ method: 'GET', url: `/api/payments?claimId=${id}` })).json();
      expect(payments.items.map((p: { amount: string }) => p.amount)).toEqual(['40.00']);
    }
    // Nothing left to resume.
    await ctx.db.updateTable('bank_files').set({ updated_at: sql`now() - interval '10 minutes'` }).where('id', '=', stored.id).execute();
    expect(await resumeBankFiles(ctx.db, 2, { tenantId: ctx.t.tenantId })).toEqual([]);
    expect(await ctx.db.selectFrom('bank_entries').select((eb) => eb.fn.countAll<string>().as('n')).where('file_id', '=', stored.id).executeTakeFirstOrThrow()).toEqual({ n: '3' });
  });

  it('a file whose queue message was lost is sent again (or, with no queue, placed) by the resume job once it has waited', async () => {
    const tag = `Q${Date.now()}`;
    const ref = `QA-${tag}`;
    await claimWith(ref, '40.00');
    const stored = await uploadBankFile(ctx.db, ctx.t.users.operator.actor, { fileName: 'perso.xml' }, Readable.from([Buffer.from(statement(tag, [ref]))]), { maxBytes: 1 << 20 });
    // Fresh: left to the worker that should come.
    expect(await resumeBankFiles(ctx.db, 2, { tenantId: ctx.t.tenantId })).toEqual([]);
    await ctx.db.updateTable('bank_files').set({ updated_at: sql`now() - interval '10 minutes'` }).where('id', '=', stored.id).execute();
    const sent: string[] = [];
    expect(await resumeBankFiles(ctx.db, 2, { tenantId: ctx.t.tenantId, requeue: async (id) => void sent.push(id) })).toEqual([stored.id]);
    expect(sent).toEqual([stored.id]);
    expect(await resumeBankFiles(ctx.db, 2, { tenantId: ctx.t.tenantId })).toEqual([stored.id]);
    expect((await ctx.operator({ method: 'GET', url: `/api/bank/files/${stored.id}` })).json()).toMatchObject({ status: 'done', entries: 2, matched: 1, toReconcile: 1 });
  });
});
