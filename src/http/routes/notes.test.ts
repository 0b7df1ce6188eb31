import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOf, chronological, countRows, createTestClaim, createTestDebtor, snapshotCounts, type TestTenant } from '../../test/factories.ts';
import { MALFORMED_IDS, messageFor, openApiContext, pathsOf, UNKNOWN_ID, type ApiContext } from '../../test/http.ts';

let ctx: ApiContext;
let t: TestTenant;

beforeAll(async () => {
  ctx = await openApiContext();
  t = ctx.t;
});
afterAll(async () => {
  await ctx.app.close();
});

const counts = () => snapshotCounts(ctx.db, t.tenantId, ['notes', 'audit_events']);

/** A debtor owing to the viewer's creditor (claim `mine`) and to the other creditor (claim `theirs`). */
async function debtorWithClaims(lastName = 'Annotato') {
  const debtor = await createTestDebtor(ctx.db, t, { lastName });
  const mine = await createTestClaim(ctx.db, t, debtor.id);
  const theirs = await createTestClaim(ctx.db, t, debtor.id, { creditorId: t.otherCreditor.id });
  return { debtor, mine, theirs };
}

describe('notes API', () => {
  it('requires a session on every route', async () => {
    const { debtor } = await debtorWithClaims();
    const note = await ctx.admin({ method: 'POST', url: '/api/notes', payload: { debtorId: debtor.id, body: 'x' } });
    for (const [method, url] of [
      ['GET', '/api/notes'],
      ['POST', '/api/notes'],
      ['GET', `/api/notes/${note.json().id}`],
      ['PATCH', `/api/notes/${note.json().id}`],
    ] as const) {
      const res = await ctx.app.inject({ method, url, payload: method === 'GET' ? undefined : { debtorId: debtor.id, body: 'y' } });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
  });

  it('creates a note with exact values and an audit event', async () => {
    const { debtor, mine } = await debtorWithClaims();
    const res = await ctx.operator({
      method: 'POST',
      url: '/api/notes',
      payload: { debtorId: debtor.id, claimId: mine.id, body: '  Telefonato: promette di pagare entro il 15.  ' },
    });
    expect(res.statusCode).toBe(201);
    const note = res.json();
    expect(note).toEqual({
      id: expect.any(String),
      debtorId: debtor.id,
      claimId: mine.id,
      body: 'Telefonato: promette di pagare entro il 15.',
      authorId: t.users.operator.id,
      authorName: `operator ${t.slug}`,
      version: 1,
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      updatedAt: note.createdAt,
    });
    expect((await ctx.operator({ method: 'GET', url: `/api/notes/${note.id}` })).json()).toEqual(note);
    const audit = await auditOf(ctx.db, t.tenantId, note.id);
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'note.created',
        debtor_id: debtor.id,
        creditor_id: t.creditor.id,
        after: { body: note.body, claimId: mine.id },
      }),
    ]);
  });

  it('refuses bad input with field messages and writes nothing', async () => {
    const { debtor } = await debtorWithClaims();
    const { mine: ofAnotherDebtor } = await debtorWithClaims('Altro');
    const before = await counts();
    for (const [payload, path, text] of [
      [{ debtorId: debtor.id, body: '   ' }, 'body', 'La nota è vuota'],
      [{ debtorId: debtor.id, body: 'x'.repeat(10_001) }, 'body', 'troppo lunga'],
      [{ debtorId: 'nope', body: 'ok' }, 'debtorId', 'Identificativo non valido'],
      [{ debtorId: debtor.id, claimId: 'nope', body: 'ok' }, 'claimId', 'Identificativo non valido'],
      [{ debtorId: debtor.id, claimId: ofAnotherDebtor.id, body: 'ok' }, 'claimId', 'non è di questo debitore'],
      [{ debtorId: debtor.id, body: 'ok', authorId: t.users.admin.id }, 'authorId', 'Campo sconosciuto'],
    ] as const) {
      const res = await ctx.operator({ method: 'POST', url: '/api/notes', payload });
      expect(res.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
      expect(res.json().error.code).toBe('validation');
      expect(messageFor(res, path)).toContain(text);
    }
    expect(await counts()).toEqual(before);
  });

  it('lets an operator edit only its own notes, and a supervisor any, keeping the old text in the audit', async () => {
    const { debtor } = await debtorWithClaims();
    const byAdmin = (await ctx.admin({ method: 'POST', url: '/api/notes', payload: { debtorId: debtor.id, body: 'Testo originale' } })).json();
    const auditBefore = await countRows(ctx.db, 'audit_events', t.tenantId);
    const refused = await ctx.operator({ method: 'PATCH', url: `/api/notes/${byAdmin.id}`, payload: { body: 'Riscritto' } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain('Solo l’autore');
    expect(await countRows(ctx.db, 'audit_events', t.tenantId)).toBe(auditBefore);
    expect((await ctx.admin({ method: 'GET', url: `/api/notes/${byAdmin.id}` })).json()).toMatchObject({ body: 'Testo originale', version: 1 });

    const edited = await ctx.supervisor({ method: 'PATCH', url: `/api/notes/${byAdmin.id}`, payload: { body: ' Testo corretto ', version: 1 } });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ id: byAdmin.id, body: 'Testo corretto', version: 2, authorId: t.users.admin.id });
    const audit = await auditOf(ctx.db, t.tenantId, byAdmin.id);
    expect(audit.map((a) => [a.action, a.before, a.after])).toEqual([
      ['note.created', null, { body: 'Testo originale', claimId: null }],
      ['note.updated', { body: 'Testo originale' }, { body: 'Testo corretto' }],
    ]);
    const stale = await ctx.supervisor({ method: 'PATCH', url: `/api/notes/${byAdmin.id}`, payload: { body: 'Ancora', version: 1 } });
    expect(stale.statusCode).toBe(409);

    const own = (await ctx.operator({ method: 'POST', url: '/api/notes', payload: { debtorId: debtor.id, body: 'Mia' } })).json();
    const ownEdit = await ctx.operator({ method: 'PATCH', url: `/api/notes/${own.id}`, payload: { body: 'Mia, corretta' } });
    expect(ownEdit.statusCode).toBe(200);
    expect(ownEdit.json()).toMatchObject({ body: 'Mia, corretta', version: 2 });

    const empty = await ctx.operator({ method: 'PATCH', url: `/api/notes/${own.id}`, payload: { body: '' } });
    expect(empty.statusCode).toBe(400);
    expect(pathsOf(empty)).toEqual(['body']);
    const extra = await ctx.operator({ method: 'PATCH', url: `/api/notes/${own.id}`, payload: { body: 'x', debtorId: debtor.id } });
    expect(extra.statusCode).toBe(400);
    expect((await ctx.operator({ method: 'GET', url: `/api/notes/${own.id}` })).json()).toMatchObject({ body: 'Mia, corretta', version: 2 });
  });

  it('lists a debtor’s notes newest first, and a viewer only those on its creditor’s claims', async () => {
    const { debtor, mine, theirs } = await debtorWithClaims();
    const general = (await ctx.admin({ method: 'POST', url: '/api/notes', payload: { debtorId: debtor.id, body: 'Generale' } })).json();
    const onMine = (await ctx.admin({ method: 'POST', url: '/api/notes', payload: { debtorId: debtor.id, claimId: mine.id, body: 'Sulla mia' } })).json();
    const onTheirs = (await ctx.admin({ method: 'POST', url: '/api/notes', payload: { debtorId: debtor.id, claimId: theirs.id, body: 'Sulla loro' } })).json();

    const all = await ctx.admin({ method: 'GET', url: `/api/notes?debtorId=${debtor.id}` });
    expect(all.json()).toMatchObject({ total: 3, page: 1, pageSize: 25 });
    // Newest first; id (ascending) breaks ties between notes of the same instant.
    const created = [general, onMine, onTheirs];
    const order = await chronological(ctx.db, 'notes', created.map((n) => n.id), 'desc');
    expect(all.json().items).toEqual(order.map((id) => created.find((n) => n.id === id)));
    const byClaim = await ctx.admin({ method: 'GET', url: `/api/notes?claimId=${mine.id}` });
    expect(byClaim.json()).toMatchObject({ total: 1, items: [{ id: onMine.id }] });

    const seen = await ctx.viewer({ method: 'GET', url: `/api/notes?debtorId=${debtor.id}` });
    expect(seen.json()).toMatchObject({ total: 1, items: [{ id: onMine.id, body: 'Sulla mia' }] });
    expect((await ctx.viewer({ method: 'GET', url: `/api/notes/${onMine.id}` })).statusCode).toBe(200);
    for (const id of [general.id, onTheirs.id]) {
      expect((await ctx.viewer({ method: 'GET', url: `/api/notes/${id}` })).statusCode).toBe(404);
    }
    const bad = await ctx.admin({ method: 'GET', url: '/api/notes?debtorId=nope&order=sideways' });
    expect(bad.statusCode).toBe(400);
    expect(pathsOf(bad).sort()).toEqual(['query.debtorId', 'query.order']);
  });

  it('refuses a viewer’s writes with 403 and writes nothing', async () => {
    const { debtor, mine } = await debtorWithClaims();
    const note = (await ctx.admin({ method: 'POST', url: '/api/notes', payload: { debtorId: debtor.id, claimId: mine.id, body: 'Visibile' } })).json();
    const before = await counts();
    const create = await ctx.viewer({ method: 'POST', url: '/api/notes', payload: { debtorId: debtor.id, claimId: mine.id, body: 'Dal viewer' } });
    expect(create.statusCode).toBe(403);
    const update = await ctx.viewer({ method: 'PATCH', url: `/api/notes/${note.id}`, payload: { body: 'Cambiata' } });
    expect(update.statusCode).toBe(403);
    expect(await counts()).toEqual(before);
    expect((await ctx.viewer({ method: 'GET', url: `/api/notes/${note.id}` })).json()).toMatchObject({ body: 'Visibile', version: 1 });
  });

  it('answers 404 for another tenant’s notes and debtors, and for unknown or malformed ids', async () => {
    const { debtor } = await debtorWithClaims();
    const note = (await ctx.admin({ method: 'POST', url: '/api/notes', payload: { debtorId: debtor.id, body: 'Riservata' } })).json();
    const before = await counts();
    expect((await ctx.outsider({ method: 'GET', url: `/api/notes/${note.id}` })).statusCode).toBe(404);
    expect((await ctx.outsider({ method: 'PATCH', url: `/api/notes/${note.id}`, payload: { body: 'Presa' } })).statusCode).toBe(404);
    expect((await ctx.outsider({ method: 'POST', url: '/api/notes', payload: { debtorId: debtor.id, body: 'Intrusa' } })).statusCode).toBe(404);
    expect((await ctx.outsider({ method: 'GET', url: `/api/notes?debtorId=${debtor.id}` })).json().total).toBe(0);
    for (const id of [UNKNOWN_ID, ...MALFORMED_IDS]) {
      expect((await ctx.admin({ method: 'GET', url: `/api/notes/${id}` })).statusCode, id).toBe(404);
      expect((await ctx.admin({ method: 'PATCH', url: `/api/notes/${id}`, payload: { body: 'x' } })).statusCode, id).toBe(404);
    }
    expect(await counts()).toEqual(before);
    expect((await ctx.admin({ method: 'GET', url: `/api/notes/${note.id}` })).json()).toMatchObject({ body: 'Riservata', version: 1 });
  });
});

describe('debtor history', () => {
  it('holds notes and audit events, newest first, in the order they were written', async () => {
    // Make the audit ids of the next transaction cross a power of ten (…99 → …100), where ordering ids
    // as text rather than as numbers goes wrong. Only ever moves the sequence forward, and by little.
    const { rows } = await sql<{ last: string }>`select last_value::text as last from audit_events_id_seq`.execute(ctx.db);
    const last = BigInt(rows[0]!.last);
    let boundary = 10n;
    while (boundary <= last + 1n) boundary *= 10n;
    if (boundary - last < 10_000n) await sql`select setval('audit_events_id_seq', ${String(boundary - 3n)}::bigint)`.execute(ctx.db);

    const created = await ctx.operator({
      method: 'POST',
      url: '/api/debtors',
      payload: {
        kind: 'consumer',
        lastName: 'Storico',
        addresses: [{ line1: 'Via Garibaldi 5', city: 'Lugano', country: 'CH' }],
        contacts: [
          { channel: 'phone', value: '06 1234 5678' },
          { channel: 'email', value: 'storico@example.it' },
          { channel: 'pec', value: 'storico@pec.example.it' },
        ],
      },
    });
    expect(created.statusCode).toBe(201);
    const d = created.json();
    const patched = await ctx.operator({ method: 'PATCH', url: `/api/debtors/${d.id}`, payload: { firstName: 'Sara' } });
    expect(patched.statusCode).toBe(200);
    const note = (await ctx.operator({ method: 'POST', url: '/api/notes', payload: { debtorId: d.id, body: 'Primo contatto' } })).json();
    const claim = await ctx.operator({
      method: 'POST',
      url: '/api/claims',
      payload: { creditorId: t.creditor.id, debtorId: d.id, externalRef: 'STORIA-1', kind: 'invoice', principal: '10', currency: 'EUR', dueDate: '2025-05-31' },
    });
    expect(claim.statusCode).toBe(201);

    const res = await ctx.operator({ method: 'GET', url: `/api/debtors/${d.id}/history` });
    expect(res.statusCode).toBe(200);
    const h = res.json();
    expect(h.total).toBe(8);
    expect(h.items.map((i: { type: string; action: string }) => `${i.type}:${i.action}`)).toEqual([
      'audit:claim.created',
      'note:note.created',
      'audit:debtor.updated',
      'audit:contact.created',
      'audit:contact.created',
      'audit:contact.created',
      'audit:address.created',
      'audit:debtor.created',
    ]);
    // The three contacts of one transaction: last written first.
    expect(h.items.slice(3, 6).map((i: { entityId: string }) => i.entityId)).toEqual(
      [...d.contacts].reverse().map((c: { id: string }) => c.id),
    );
    expect(h.items[1]).toMatchObject({ id: `n${note.id}`, entityId: note.id, body: 'Primo contatto', actor: `operator ${t.slug}`, before: null, after: null });
    expect(h.items[2]).toMatchObject({
      action: 'debtor.updated',
      actor: `operator ${t.slug}`,
      before: { firstName: null, displayName: 'Storico' },
      after: { firstName: 'Sara', displayName: 'Storico Sara' },
      body: null,
    });
    const ats = h.items.map((i: { at: string }) => i.at);
    expect([...ats].sort().reverse()).toEqual(ats);

    const page2 = await ctx.operator({ method: 'GET', url: `/api/debtors/${d.id}/history?pageSize=3&page=2` });
    expect(page2.json()).toMatchObject({ total: 8, page: 2, pageSize: 3 });
    expect(page2.json().items.map((i: { id: string }) => i.id)).toEqual(h.items.slice(3, 6).map((i: { id: string }) => i.id));
    const bad = await ctx.operator({ method: 'GET', url: `/api/debtors/${d.id}/history?pageSize=501` });
    expect(bad.statusCode).toBe(400);
    expect(pathsOf(bad)).toEqual(['query.pageSize']);
  });
});
