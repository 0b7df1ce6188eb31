import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOf, chronological, createTestClaim, createTestDebtor, snapshotCounts, type TestTenant } from '../../test/factories.ts';
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

const counts = () => snapshotCounts(ctx.db, t.tenantId, ['contacts', 'audit_events']);

const addContact = async (debtorId: string, payload: Record<string, unknown>) => {
  const res = await ctx.admin({ method: 'POST', url: `/api/debtors/${debtorId}/contacts`, payload });
  if (res.statusCode !== 201) throw new Error(`contact not created: ${res.body}`);
  return res.json();
};

describe('contacts API', () => {
  it('requires a session on every route', async () => {
    const d = await createTestDebtor(ctx.db, t);
    const c = await addContact(d.id, { channel: 'mobile', value: '3331112222' });
    for (const [method, url] of [
      ['GET', `/api/debtors/${d.id}/contacts`],
      ['POST', `/api/debtors/${d.id}/contacts`],
      ['GET', `/api/contacts/${c.id}`],
      ['PATCH', `/api/contacts/${c.id}`],
    ] as const) {
      const res = await ctx.app.inject({ method, url, payload: method === 'GET' ? undefined : { channel: 'mobile', value: '3339998888' } });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
  });

  it('adds contacts normalised for their channel, with exact values, and lists them in order', async () => {
    const d = await createTestDebtor(ctx.db, t);
    const landline = await ctx.operator({
      method: 'POST',
      url: `/api/debtors/${d.id}/contacts`,
      payload: { channel: 'phone', value: '(06) 1234-5678', label: ' casa ', source: 'skip_tracing', validFrom: '2024-02-29' },
    });
    expect(landline.statusCode).toBe(201);
    expect(landline.json()).toEqual({
      id: expect.any(String),
      debtorId: d.id,
      channel: 'phone',
      value: '+390612345678',
      label: 'casa',
      status: 'unverified',
      source: 'skip_tracing',
      consent: 'unknown',
      thirdParty: false,
      thirdPartyRelation: null,
      validFrom: '2024-02-29',
      validTo: null,
      version: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const swiss = await addContact(d.id, { channel: 'mobile', value: '0041 79 123 45 67' });
    expect(swiss.value).toBe('+41791234567');
    const pec = await addContact(d.id, { channel: 'pec', value: 'Rossi.Mario@PEC.Example.it' });
    expect(pec.value).toBe('rossi.mario@pec.example.it');
    const mother = await addContact(d.id, { channel: 'mobile', value: '347-000-1111', thirdParty: true, thirdPartyRelation: 'madre', consent: 'granted' });
    expect(mother).toMatchObject({ value: '+393470001111', thirdParty: true, thirdPartyRelation: 'madre', consent: 'granted' });

    const list = await ctx.viewer({ method: 'GET', url: `/api/debtors/${d.id}/contacts` });
    expect(list.statusCode).toBe(404); // the viewer's creditor has no claim on this debtor
    const all = await ctx.operator({ method: 'GET', url: `/api/debtors/${d.id}/contacts` });
    // Oldest first; id breaks ties between rows of the same instant.
    const created = [landline.json(), swiss, pec, mother];
    const order = await chronological(ctx.db, 'contacts', created.map((c) => c.id));
    expect(all.json()).toEqual(order.map((id) => created.find((c) => c.id === id)));
    expect((await ctx.operator({ method: 'GET', url: `/api/contacts/${pec.id}` })).json()).toEqual(pec);
    const audit = await auditOf(ctx.db, t.tenantId, pec.id);
    expect(audit).toEqual([expect.objectContaining({ action: 'contact.created', debtor_id: d.id, before: null, after: pec })]);
  });

  it('refuses a duplicate contact with 409, however it is spelt', async () => {
    const d = await createTestDebtor(ctx.db, t);
    await addContact(d.id, { channel: 'mobile', value: '333 123 0000' });
    await addContact(d.id, { channel: 'email', value: 'dup@example.it' });
    const before = await counts();
    for (const payload of [
      { channel: 'mobile', value: '+39 333 1230000' },
      { channel: 'mobile', value: '0039-333-123-0000' },
      { channel: 'email', value: ' DUP@Example.IT' },
    ]) {
      const res = await ctx.admin({ method: 'POST', url: `/api/debtors/${d.id}/contacts`, payload });
      expect(res.statusCode, payload.value).toBe(409);
      expect(res.json().error.code).toBe('conflict');
    }
    expect(await counts()).toEqual(before);
    // The same number on another channel, or for another debtor, is not a duplicate.
    expect((await ctx.admin({ method: 'POST', url: `/api/debtors/${d.id}/contacts`, payload: { channel: 'phone', value: '3331230000' } })).statusCode).toBe(201);
    const d2 = await createTestDebtor(ctx.db, t);
    expect((await ctx.admin({ method: 'POST', url: `/api/debtors/${d2.id}/contacts`, payload: { channel: 'mobile', value: '3331230000' } })).statusCode).toBe(201);
  });

  it('refuses bad input with field messages and writes nothing', async () => {
    const d = await createTestDebtor(ctx.db, t);
    const before = await counts();
    for (const [payload, path, text] of [
      [{ channel: 'fax', value: '0612345678' }, 'channel', 'Canale'],
      [{ channel: 'mobile', value: 'chiamami' }, 'value', 'telefono non valido'],
      [{ channel: 'mobile', value: '+1' }, 'value', 'telefono non valido'],
      [{ channel: 'email', value: 'mario@' }, 'value', 'e-mail non valido'],
      [{ channel: 'email', value: '' }, 'value', 'Recapito obbligatorio'],
      [{ channel: 'pec', value: 'a@b.it', validFrom: '2025-01-01', validTo: '2024-12-31' }, 'validTo', 'Fine validità'],
      [{ channel: 'pec', value: 'a@b.it', validFrom: '2026-02-30' }, 'validFrom', 'non esiste'],
      [{ channel: 'pec', value: 'a@b.it', consent: 'maybe' }, 'consent', ''],
      [{ channel: 'pec', value: 'a@b.it', debtorId: UNKNOWN_ID }, 'debtorId', 'Campo sconosciuto'],
    ] as const) {
      const res = await ctx.admin({ method: 'POST', url: `/api/debtors/${d.id}/contacts`, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(messageFor(res, path)).toContain(text);
    }
    expect(await counts()).toEqual(before);
  });

  it('updates status, consent and value with exact values, audits before/after and refuses stale versions', async () => {
    const d = await createTestDebtor(ctx.db, t);
    const c = await addContact(d.id, { channel: 'mobile', value: '3330001111' });
    const res = await ctx.operator({
      method: 'PATCH',
      url: `/api/contacts/${c.id}`,
      payload: { status: 'valid', consent: 'granted', version: 1 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: c.id, value: '+393330001111', status: 'valid', consent: 'granted', version: 2 });

    const moved = await ctx.operator({ method: 'PATCH', url: `/api/contacts/${c.id}`, payload: { value: '+41 79 000 11 22', label: 'lavoro' } });
    expect(moved.json()).toMatchObject({ value: '+41790001122', label: 'lavoro', version: 3 });
    const toEmail = await ctx.operator({ method: 'PATCH', url: `/api/contacts/${c.id}`, payload: { channel: 'email', value: 'Nuovo@Example.IT' } });
    expect(toEmail.json()).toMatchObject({ channel: 'email', value: 'nuovo@example.it', version: 4 });

    const audit = await auditOf(ctx.db, t.tenantId, c.id);
    expect(audit.map((a) => [a.action, a.before, a.after])).toEqual([
      ['contact.created', null, expect.objectContaining({ value: '+393330001111' })],
      ['contact.updated', { status: 'unverified', consent: 'unknown' }, { status: 'valid', consent: 'granted' }],
      ['contact.updated', { value: '+393330001111', label: null }, { value: '+41790001122', label: 'lavoro' }],
      ['contact.updated', { channel: 'mobile', value: '+41790001122' }, { channel: 'email', value: 'nuovo@example.it' }],
    ]);

    const stale = await ctx.operator({ method: 'PATCH', url: `/api/contacts/${c.id}`, payload: { status: 'invalid', version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect((await ctx.operator({ method: 'GET', url: `/api/contacts/${c.id}` })).json()).toMatchObject({ status: 'valid', version: 4 });
  });

  it('refuses a bad update with field messages and changes nothing', async () => {
    const d = await createTestDebtor(ctx.db, t);
    const c = await addContact(d.id, { channel: 'mobile', value: '3330002222', validFrom: '2024-01-01' });
    const other = await addContact(d.id, { channel: 'mobile', value: '3330003333' });
    const before = await counts();
    for (const [payload, path, text] of [
      [{ value: 'nessuno' }, 'value', 'telefono non valido'],
      // A new channel checks the value already there.
      [{ channel: 'pec' }, 'value', 'e-mail non valido'],
      [{ status: 'maybe' }, 'status', ''],
      [{ validFrom: '2025-01-01', validTo: '2024-01-01' }, 'validTo', 'Fine validità'],
      // Checked against the start already recorded, not only against the start sent.
      [{ validTo: '2023-12-31' }, 'validTo', 'Fine validità'],
      [{ debtorId: UNKNOWN_ID }, 'debtorId', 'Campo sconosciuto'],
    ] as const) {
      const res = await ctx.operator({ method: 'PATCH', url: `/api/contacts/${c.id}`, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(messageFor(res, path)).toContain(text);
    }
    const duplicate = await ctx.operator({ method: 'PATCH', url: `/api/contacts/${other.id}`, payload: { value: '+39 333 000 2222' } });
    expect(duplicate.statusCode).toBe(409);
    expect(await counts()).toEqual(before);
    expect((await ctx.operator({ method: 'GET', url: `/api/contacts/${c.id}` })).json()).toEqual(c);
  });

  it('lets a viewer read the contacts of its creditor’s debtors, and refuses its writes with 403', async () => {
    const d = await createTestDebtor(ctx.db, t);
    await createTestClaim(ctx.db, t, d.id);
    const c = await addContact(d.id, { channel: 'email', value: 'visto@example.it' });
    const hidden = await createTestDebtor(ctx.db, t);
    await createTestClaim(ctx.db, t, hidden.id, { creditorId: t.otherCreditor.id });
    const hiddenContact = await addContact(hidden.id, { channel: 'email', value: 'nascosto@example.it' });

    expect((await ctx.viewer({ method: 'GET', url: `/api/debtors/${d.id}/contacts` })).json()).toEqual([c]);
    expect((await ctx.viewer({ method: 'GET', url: `/api/contacts/${c.id}` })).json()).toEqual(c);
    expect((await ctx.viewer({ method: 'GET', url: `/api/debtors/${hidden.id}/contacts` })).statusCode).toBe(404);
    expect((await ctx.viewer({ method: 'GET', url: `/api/contacts/${hiddenContact.id}` })).statusCode).toBe(404);

    const before = await counts();
    const create = await ctx.viewer({ method: 'POST', url: `/api/debtors/${d.id}/contacts`, payload: { channel: 'mobile', value: '3330004444' } });
    expect(create.statusCode).toBe(403);
    expect(create.json().error.code).toBe('forbidden');
    const update = await ctx.viewer({ method: 'PATCH', url: `/api/contacts/${c.id}`, payload: { status: 'invalid' } });
    expect(update.statusCode).toBe(403);
    // Out of its sight, the answer is 404, not 403.
    expect((await ctx.viewer({ method: 'PATCH', url: `/api/contacts/${hiddenContact.id}`, payload: { status: 'invalid' } })).statusCode).toBe(404);
    expect(await counts()).toEqual(before);
    expect((await ctx.admin({ method: 'GET', url: `/api/contacts/${c.id}` })).json()).toEqual(c);
  });

  it('answers 404 for another tenant’s debtor or contact, and for unknown or malformed ids', async () => {
    const d = await createTestDebtor(ctx.db, t);
    const c = await addContact(d.id, { channel: 'email', value: 'privato@example.it' });
    const before = await counts();
    for (const [method, url] of [
      ['GET', `/api/debtors/${d.id}/contacts`],
      ['POST', `/api/debtors/${d.id}/contacts`],
      ['GET', `/api/contacts/${c.id}`],
      ['PATCH', `/api/contacts/${c.id}`],
    ] as const) {
      const res = await ctx.outsider({ method, url, payload: method === 'GET' ? undefined : { channel: 'mobile', value: '3330005555' } });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    for (const id of [UNKNOWN_ID, ...MALFORMED_IDS]) {
      for (const [method, url] of [
        ['GET', `/api/debtors/${id}/contacts`],
        ['POST', `/api/debtors/${id}/contacts`],
        ['GET', `/api/contacts/${id}`],
        ['PATCH', `/api/contacts/${id}`],
      ] as const) {
        const res = await ctx.admin({ method, url, payload: method === 'GET' ? undefined : { channel: 'mobile', value: '3330005555' } });
        expect(res.statusCode, `${method} ${url}`).toBe(404);
      }
    }
    expect(await counts()).toEqual(before);
    expect(pathsOf(await ctx.admin({ method: 'PATCH', url: `/api/contacts/${c.id}`, payload: { value: 'x' } }))).toEqual(['value']);
  });
});
