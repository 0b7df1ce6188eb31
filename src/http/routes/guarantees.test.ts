import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { today } from '../../domain/dates.ts';
import { createDebtor } from '../../usecases/debtors/create-debtor.ts';
import { expiringGuarantees } from '../../usecases/guarantees/expiring-guarantees.ts';
import { auditOf, createTestClaim, createTestDebtor, type TestTenant } from '../../test/factories.ts';
import { MALFORMED_IDS, openApiContext, UNKNOWN_ID, type ApiContext } from '../../test/http.ts';
import { pdfText } from '../../test/pdf.ts';

let ctx: ApiContext;
let t: TestTenant;

const day = (offset: number) => today().add({ days: offset }).toString();

beforeAll(async () => {
  ctx = await openApiContext();
  t = ctx.t;
  await ctx.db
    .updateTable('creditors')
    .set({ iban: 'IT60X0542811101000000123456', address_line1: 'Via dei Mattoni 3', postal_code: '20121', city: 'Milano', province: 'MI' })
    .where('tenant_id', '=', t.tenantId)
    .execute();
});
afterAll(async () => {
  await ctx.app.close();
});

function multipart(name: string, type: string, content: Buffer) {
  const boundary = `----incasso${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A company debtor with two claims a bank guarantee covers and one it does not. */
async function scene() {
  const debtor = await createDebtor(ctx.db, t.users.admin.actor, { kind: 'company', companyName: `Edilnord ${Math.random().toString(36).slice(2, 7)} S.r.l.`, vatNumber: null });
  const a = await createTestClaim(ctx.db, t, debtor.id, { externalRef: `FT-A-${debtor.id.slice(0, 4)}`, principal: '1000.00' });
  const b = await createTestClaim(ctx.db, t, debtor.id, { externalRef: `FT-B-${debtor.id.slice(0, 4)}`, principal: '800.00' });
  const other = await createTestClaim(ctx.db, t, debtor.id, { externalRef: `FT-SECRET-${debtor.id.slice(0, 4)}`, principal: '9876.54', description: 'Fornitura riservata' });
  return { debtor, a, b, other };
}

const bankGuarantee = (debtorId: string, claimIds: string[], extra: Record<string, unknown> = {}) => ({
  creditorId: t.creditor.id,
  debtorId,
  guarantor: { kind: 'bank', name: 'Banca Alpina S.p.A.', addressLine1: 'Piazza Affari 1', postalCode: '20123', city: 'Milano', province: 'MI', email: 'garanzie@banca-alpina.example' },
  kind: 'bank_guarantee',
  reference: 'FB-2026-77',
  amount: '1500.00',
  currency: 'EUR',
  validFrom: day(-60),
  validTo: day(20),
  covers: 'claims',
  claimIds,
  ...extra,
});

describe('guarantees API', () => {
  it('records a bank guarantee on named claims, audited, and lists it as expiring within 30 days', async () => {
    const s = await scene();
    const res = await ctx.operator({ method: 'POST', url: '/api/guarantees', payload: bankGuarantee(s.debtor.id, [s.a.id, s.b.id]) });
    expect(res.statusCode, res.body).toBe(201);
    const g = res.json();
    expect(g).toMatchObject({
      kind: 'bank_guarantee',
      amount: '1500.00',
      currency: 'EUR',
      covers: 'claims',
      state: 'active',
      daysToExpiry: 20,
      validTo: day(20),
      guarantor: { kind: 'bank', name: 'Banca Alpina S.p.A.', city: 'Milano', debtorId: null },
      debtorId: s.debtor.id,
      creditorId: t.creditor.id,
      version: 1,
    });
    expect(g.claims.map((c: { reference: string }) => c.reference).sort()).toEqual([s.a.externalRef, s.b.externalRef].sort());
    const audit = await auditOf(ctx.db, t.tenantId, g.id);
    expect(audit.at(-1)).toMatchObject({ action: 'guarantee.created', debtor_id: s.debtor.id, creditor_id: t.creditor.id, actor_label: `user:${t.users.operator.email}` });

    const expiring = await ctx.viewer({ method: 'GET', url: '/api/guarantees?expiringWithinDays=30' });
    expect(expiring.statusCode).toBe(200);
    expect(expiring.json().items.map((x: { id: string }) => x.id)).toContain(g.id);
    const notYet = await ctx.viewer({ method: 'GET', url: '/api/guarantees?expiringWithinDays=19' });
    expect(notYet.json().items.map((x: { id: string }) => x.id)).not.toContain(g.id);
    const byDebtor = await ctx.operator({ method: 'GET', url: `/api/guarantees?debtorId=${s.debtor.id}` });
    expect(byDebtor.json().items).toHaveLength(1);

    // The alert digest's source: the same guarantee, in the window, for the creditor's scope.
    const rows = await expiringGuarantees(ctx.db, { tenantId: t.tenantId, creditorId: t.creditor.id }, { from: day(0), to: day(30) });
    expect(rows.find((r) => r.guaranteeId === g.id)).toEqual({
      on: day(20),
      debtorId: s.debtor.id,
      debtorName: s.debtor.displayName,
      claimId: null,
      claimRef: 'FB-2026-77',
      amount: '1500.00',
      currency: 'EUR',
      guaranteeId: g.id,
      guaranteeKind: 'bank_guarantee',
      guarantorName: 'Banca Alpina S.p.A.',
    });
    expect(await expiringGuarantees(ctx.db, { tenantId: t.tenantId, creditorId: t.otherCreditor.id }, { from: day(0), to: day(30) })).toEqual([]);
    expect((await expiringGuarantees(ctx.db, { tenantId: t.tenantId, creditorId: null }, { from: day(21), to: day(60) })).find((r) => r.guaranteeId === g.id)).toBeUndefined();
  });

  it('takes a guarantor who is also a debtor record from that record (decision 0005), and reuses a recorded guarantor', async () => {
    const s = await scene();
    const owner = await createTestDebtor(ctx.db, t, { firstName: 'Piero', lastName: 'Titolare', language: 'de' });
    const res = await ctx.operator({ method: 'POST', url: '/api/guarantees', payload: bankGuarantee(s.debtor.id, [s.a.id], { kind: 'personal_guarantee', guarantor: { kind: 'person', debtorId: owner.id } }) });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().guarantor).toMatchObject({ kind: 'person', name: owner.displayName, debtorId: owner.id, language: 'de' });
    const again = await ctx.operator({ method: 'POST', url: '/api/guarantees', payload: { ...bankGuarantee(s.debtor.id, [s.b.id], { kind: 'personal_guarantee' }), guarantor: undefined, guarantorId: res.json().guarantor.id } });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().guarantor.id).toBe(res.json().guarantor.id);
    const foreign = await ctx.outsider({ method: 'POST', url: '/api/guarantees', payload: { ...bankGuarantee(s.debtor.id, [s.b.id]), guarantor: undefined, guarantorId: res.json().guarantor.id } });
    expect(foreign.statusCode).toBe(404);
  });

  it('refuses claims of another debtor, a bank guarantee from a person, an end before the start', async () => {
    const s = await scene();
    const stranger = await createTestDebtor(ctx.db, t, { lastName: 'Estraneo' });
    const foreign = await createTestClaim(ctx.db, t, stranger.id);
    const bad = await ctx.operator({ method: 'POST', url: '/api/guarantees', payload: bankGuarantee(s.debtor.id, [s.a.id, foreign.id]) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0]).toMatchObject({ path: 'claimIds.1', messageCode: 'guarantees.claim_outside' });
    const person = await ctx.operator({ method: 'POST', url: '/api/guarantees', payload: bankGuarantee(s.debtor.id, [s.a.id], { guarantor: { kind: 'person', name: 'Mario Verdi' } }) });
    expect(person.json().error.fields[0]).toMatchObject({ path: 'kind', messageCode: 'guarantees.issuer_mismatch' });
    const dates = await ctx.operator({ method: 'POST', url: '/api/guarantees', payload: bankGuarantee(s.debtor.id, [s.a.id], { validFrom: day(5), validTo: day(1) }) });
    expect(dates.json().error.fields[0]).toMatchObject({ path: 'validTo' });
    const none = await ctx.operator({ method: 'POST', url: '/api/guarantees', payload: bankGuarantee(s.debtor.id, []) });
    expect(none.json().error.fields[0]).toMatchObject({ path: 'claimIds', messageCode: 'guarantees.claims_required' });
    expect((await ctx.db.selectFrom('guarantees').select('id').where('debtor_id', '=', s.debtor.id).execute())).toHaveLength(0);
  });

  it('enforces: the demand to the guarantor names only the guarantee, the debtor, the covered claims and the amount', async () => {
    const s = await scene();
    const g = (await ctx.operator({ method: 'POST', url: '/api/guarantees', payload: bankGuarantee(s.debtor.id, [s.a.id, s.b.id]) })).json();
    const res = await ctx.operator({ method: 'POST', url: `/api/guarantees/${g.id}/enforce`, payload: { version: 1 } });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json();
    // Both claims owe more than € 1,800 with interest since 2025: the guarantor is asked the guaranteed € 1,500.00.
    expect(after).toMatchObject({ state: 'enforced', enforcedOn: day(0), enforcedAmount: '1500.00', version: 2 });
    expect(after.letters).toHaveLength(1);
    // Sent by the guarantor's e-mail with the PDF attached: queued in the outbox with the letter.
    expect(after.letters[0]).toMatchObject({ amount: '1500.00', currency: 'EUR', sentOn: day(0), recipient: 'garanzie@banca-alpina.example', channel: 'email', status: 'queued', stepKey: null });

    const file = await ctx.viewer({ method: 'GET', url: `/api/guarantees/${g.id}/letters/${after.letters[0].id}` });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(createHash('sha256').update(file.rawPayload).digest('hex')).toBe(after.letters[0].sha256);
    const text = pdfText(file.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('Banca Alpina S.p.A.');
    expect(text).toContain('fideiussione bancaria n. FB-2026-77');
    expect(text).toContain(s.debtor.displayName);
    expect(text).toContain(s.a.externalRef);
    expect(text).toContain(s.b.externalRef);
    expect(text).toContain('1.500,00');
    expect(text).toContain('art. 1944 c.c.');
    // Nothing else of the debtor: not its other claim, its amount or description.
    expect(text).not.toContain(s.other.externalRef);
    expect(text).not.toContain('9.876,54');
    expect(text).not.toContain('Fornitura riservata');

    const audit = await auditOf(ctx.db, t.tenantId, g.id);
    expect(audit.at(-1)).toMatchObject({ action: 'guarantee.enforced', before: { state: 'active', enforcedOn: null, enforcedAmount: null }, after: { state: 'enforced', enforcedOn: day(0), enforcedAmount: '1500.00' } });

    // Once only.
    const again = await ctx.operator({ method: 'POST', url: `/api/guarantees/${g.id}/enforce`, payload: {} });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.messageCode).toBe('guarantees.not_active');
    expect(await ctx.db.selectFrom('guarantor_letters').select('id').where('guarantee_id', '=', g.id).execute()).toHaveLength(1);
  });

  it('asks no more than the covered claims owe, for the relationship, and refuses an expired guarantee', async () => {
    const debtor = await createDebtor(ctx.db, t.users.admin.actor, { kind: 'company', companyName: 'Futura S.r.l.', vatNumber: null });
    const c = await createTestClaim(ctx.db, t, debtor.id, { principal: '1200.00', dueDate: day(10) });
    const g = (
      await ctx.operator({ method: 'POST', url: '/api/guarantees', payload: bankGuarantee(debtor.id, [], { covers: 'relationship', amount: '50000.00', guarantor: { kind: 'person', name: 'Anna Bianchi', addressLine1: 'Via Po 12', postalCode: '10123', city: 'Torino' }, kind: 'personal_guarantee', reference: null, validTo: null }) })
    ).json();
    expect(g).toMatchObject({ covers: 'relationship', claims: [], daysToExpiry: null, state: 'active' });
    const res = await ctx.operator({ method: 'POST', url: `/api/guarantees/${g.id}/enforce`, payload: {} });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'enforced', enforcedAmount: '1200.00' });
    // No e-mail address: a registered letter to the guarantor's address, waiting to be printed, nothing in the outbox.
    expect(res.json().letters[0]).toMatchObject({ channel: 'registered_letter', status: 'to_print', recipient: 'Anna Bianchi, Via Po 12, 10123 Torino' });
    expect(await ctx.db.selectFrom('outbox').select('id').where('guarantor_letter_id', '=', res.json().letters[0].id).execute()).toEqual([]);
    const text = pdfText((await ctx.operator({ method: 'GET', url: `/api/guarantees/${g.id}/letters/${res.json().letters[0].id}` })).rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('1.200,00');
    expect(text).toContain(c.externalRef);
    // It waits in the print queue with the dunning letters, and the next print batch takes it.
    const letterId = res.json().letters[0].id;
    const queue = (await ctx.operator({ method: 'GET', url: '/api/print-queue' })).json();
    expect(queue.items.find((i: { id: string }) => i.id === letterId)).toMatchObject({
      kind: 'guarantor_letter',
      refNo: null,
      debtorId: debtor.id,
      debtorName: 'Futura S.r.l.',
      channel: 'registered_letter',
      recipient: 'Anna Bianchi, Via Po 12, 10123 Torino',
      amount: '1200.00',
      currency: 'EUR',
      postage: null,
      printable: true,
    });
    const batch = await ctx.operator({ method: 'POST', url: '/api/print-batches', payload: {} });
    expect(batch.statusCode, batch.body).toBe(201);
    const batchPdf = pdfText((await ctx.operator({ method: 'GET', url: `/api/print-batches/${batch.json().id}/pdf` })).rawPayload).replace(/\s+/g, ' ');
    expect(batchPdf).toContain('Anna Bianchi');
    expect(batchPdf).toContain(c.externalRef);
    expect(await ctx.db.selectFrom('guarantor_letters').select(['status', 'print_batch_id']).where('id', '=', letterId).executeTakeFirstOrThrow()).toEqual({ status: 'printed', print_batch_id: batch.json().id });
    expect((await ctx.operator({ method: 'GET', url: `/api/guarantees/${g.id}` })).json().letters[0]).toMatchObject({ id: letterId, status: 'printed' });
    const printed = await ctx.db.selectFrom('audit_events').select(['action', 'debtor_id', 'after']).where('entity_id', '=', letterId).where('action', '=', 'guarantor_letter.printed').execute();
    expect(printed).toEqual([{ action: 'guarantor_letter.printed', debtor_id: debtor.id, after: { status: 'printed', printBatchId: batch.json().id, printBatchRefNo: batch.json().refNo } }]);
    expect((await ctx.operator({ method: 'GET', url: '/api/print-queue' })).json().items.some((i: { id: string }) => i.id === letterId)).toBe(false);

    const s = await scene();
    const expired = (await ctx.operator({ method: 'POST', url: '/api/guarantees', payload: bankGuarantee(s.debtor.id, [s.a.id], { validFrom: day(-90), validTo: day(-1) }) })).json();
    expect(expired.state).toBe('expired');
    const refused = await ctx.operator({ method: 'POST', url: `/api/guarantees/${expired.id}/enforce`, payload: {} });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.messageCode).toBe('guarantees.expired');
  });

  it('keeps a document with the guarantee, in chunks, and gives it back byte for byte', async () => {
    const s = await scene();
    const g = (await ctx.operator({ method: 'POST', url: '/api/guarantees', payload: bankGuarantee(s.debtor.id, [s.a.id]) })).json();
    const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1024 * 1024 + 10, 7)]);
    const up = await ctx.operator({ method: 'POST', url: `/api/guarantees/${g.id}/documents`, ...multipart('fideiussione.pdf', 'application/pdf', bytes) });
    expect(up.statusCode, up.body).toBe(201);
    const doc = up.json().documents[0];
    expect(doc).toMatchObject({ fileName: 'fideiussione.pdf', contentType: 'application/pdf', sizeBytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    expect(await ctx.db.selectFrom('attachment_data').select('seq').where('attachment_id', '=', doc.id).execute()).toHaveLength(2);
    const down = await ctx.viewer({ method: 'GET', url: `/api/guarantees/${g.id}/documents/${doc.id}` });
    expect(down.statusCode).toBe(200);
    expect(Buffer.compare(down.rawPayload, bytes)).toBe(0);
    const exe = await ctx.operator({ method: 'POST', url: `/api/guarantees/${g.id}/documents`, ...multipart('x.exe', 'application/octet-stream', Buffer.from('MZ')) });
    expect(exe.json().error.fields[0]).toMatchObject({ path: 'file', messageCode: 'guarantees.document_type' });
    expect((await ctx.outsider({ method: 'GET', url: `/api/guarantees/${g.id}/documents/${doc.id}` })).statusCode).toBe(404);
  });

  it('releases by a supervisor with the reason; an operator may not', async () => {
    const s = await scene();
    const g = (await ctx.operator({ method: 'POST', url: '/api/guarantees', payload: bankGuarantee(s.debtor.id, [s.a.id]) })).json();
    expect((await ctx.operator({ method: 'POST', url: `/api/guarantees/${g.id}/release`, payload: { reason: 'Debito saldato' } })).statusCode).toBe(403);
    const res = await ctx.supervisor({ method: 'POST', url: `/api/guarantees/${g.id}/release`, payload: { reason: 'Debito saldato' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'released', releasedOn: day(0), releaseReason: 'Debito saldato', version: 2 });
    expect((await ctx.operator({ method: 'POST', url: `/api/guarantees/${g.id}/enforce`, payload: {} })).json().error.messageCode).toBe('guarantees.not_active');
  });

  it('scopes: outsiders and another creditor’s viewer get 404, a viewer writes nothing, malformed ids are 404', async () => {
    const s = await scene();
    const other = await createTestClaim(ctx.db, t, s.debtor.id, { creditorId: t.otherCreditor.id });
    const g = (await ctx.operator({ method: 'POST', url: '/api/guarantees', payload: bankGuarantee(s.debtor.id, [other.id], { creditorId: t.otherCreditor.id }) })).json();
    expect(g.id).toBeDefined();
    expect((await ctx.viewer({ method: 'GET', url: `/api/guarantees/${g.id}` })).statusCode).toBe(404);
    expect((await ctx.viewer({ method: 'GET', url: `/api/guarantees?debtorId=${s.debtor.id}` })).json().items).toEqual([]);
    expect((await ctx.outsider({ method: 'GET', url: `/api/guarantees/${g.id}` })).statusCode).toBe(404);
    expect((await ctx.outsider({ method: 'POST', url: `/api/guarantees/${g.id}/enforce`, payload: {} })).statusCode).toBe(404);
    expect((await ctx.outsider({ method: 'GET', url: '/api/guarantees' })).json().items.map((x: { id: string }) => x.id)).not.toContain(g.id);
    expect((await ctx.viewer({ method: 'POST', url: '/api/guarantees', payload: bankGuarantee(s.debtor.id, [s.a.id]) })).statusCode).toBe(403);
    for (const id of [...MALFORMED_IDS, UNKNOWN_ID]) expect((await ctx.admin({ method: 'GET', url: `/api/guarantees/${id}` })).statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/guarantees' })).statusCode).toBe(401);
  });
});
