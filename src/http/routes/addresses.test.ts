import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOf, chronological, createTestClaim, createTestDebtor, snapshotCounts, type TestTenant } from '../../test/factories.ts';
import { MALFORMED_IDS, messageFor, openApiContext, UNKNOWN_ID, type ApiContext } from '../../test/http.ts';

let ctx: ApiContext;
let t: TestTenant;

beforeAll(async () => {
  ctx = await openApiContext();
  t = ctx.t;
});
afterAll(async () => {
  await ctx.app.close();
});

const counts = () => snapshotCounts(ctx.db, t.tenantId, ['addresses', 'audit_events']);

const addAddress = async (debtorId: string, payload: Record<string, unknown>) => {
  const res = await ctx.admin({ method: 'POST', url: `/api/debtors/${debtorId}/addresses`, payload });
  if (res.statusCode !== 201) throw new Error(`address not created: ${res.body}`);
  return res.json();
};

describe('addresses API', () => {
  it('requires a session on every route', async () => {
    const d = await createTestDebtor(ctx.db, t);
    const a = await addAddress(d.id, { line1: 'Via Roma 1', city: 'Roma' });
    for (const [method, url] of [
      ['GET', `/api/debtors/${d.id}/addresses`],
      ['POST', `/api/debtors/${d.id}/addresses`],
      ['PATCH', `/api/addresses/${a.id}`],
    ] as const) {
      const res = await ctx.app.inject({ method, url, payload: method === 'GET' ? undefined : { line1: 'Via Po 1', city: 'Torino' } });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
  });

  it('adds addresses with defaults and normalised values, and lists them in order', async () => {
    const d = await createTestDebtor(ctx.db, t);
    const res = await ctx.operator({
      method: 'POST',
      url: `/api/debtors/${d.id}/addresses`,
      payload: { line1: ' Via Nassa 7 ', line2: '', postalCode: '6900', city: 'Lugano', province: 'TI', country: 'ch', validFrom: '2024-02-29' },
    });
    expect(res.statusCode).toBe(201);
    const home = res.json();
    expect(home).toEqual({
      id: expect.any(String),
      debtorId: d.id,
      kind: 'residence',
      line1: 'Via Nassa 7',
      line2: null,
      postalCode: '6900',
      city: 'Lugano',
      province: 'TI',
      country: 'CH',
      validFrom: '2024-02-29',
      validTo: null,
      source: 'creditor',
      version: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const office = await addAddress(d.id, { kind: 'domicile', line1: 'Corso Italia 3', city: 'Milano', source: 'public_registry' });
    expect(office).toMatchObject({ kind: 'domicile', country: 'IT', source: 'public_registry', postalCode: null });
    const list = await ctx.operator({ method: 'GET', url: `/api/debtors/${d.id}/addresses` });
    // Oldest first; id breaks ties between rows of the same instant.
    const order = await chronological(ctx.db, 'addresses', [home.id, office.id]);
    expect(list.json()).toEqual(order.map((id) => [home, office].find((a) => a.id === id)));
    expect(await auditOf(ctx.db, t.tenantId, home.id)).toEqual([
      expect.objectContaining({ action: 'address.created', debtor_id: d.id, before: null, after: home }),
    ]);
  });

  it('refuses bad input with field messages and writes nothing', async () => {
    const d = await createTestDebtor(ctx.db, t);
    const before = await counts();
    for (const [payload, path, text] of [
      [{ city: 'Roma' }, 'line1', ''],
      [{ line1: '   ', city: 'Roma' }, 'line1', 'Campo obbligatorio'],
      [{ line1: 'Via Roma 1', city: '' }, 'city', 'Campo obbligatorio'],
      [{ line1: 'Via Roma 1', city: 'Roma', country: 'Italia' }, 'country', 'codice ISO'],
      [{ line1: 'Via Roma 1', city: 'Roma', kind: 'holiday' }, 'kind', ''],
      [{ line1: 'Via Roma 1', city: 'Roma', validFrom: '2026-02-30' }, 'validFrom', 'non esiste'],
      [{ line1: 'Via Roma 1', city: 'Roma', validFrom: '2025-01-01', validTo: '2024-01-01' }, 'validTo', 'Fine validità'],
      [{ line1: 'x'.repeat(201), city: 'Roma' }, 'line1', 'Massimo 200'],
      [{ line1: 'Via Roma 1', city: 'Roma', debtorId: UNKNOWN_ID }, 'debtorId', 'Campo sconosciuto'],
    ] as const) {
      const res = await ctx.admin({ method: 'POST', url: `/api/debtors/${d.id}/addresses`, payload });
      expect(res.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
      expect(res.json().error.code).toBe('validation');
      expect(messageFor(res, path)).toContain(text);
    }
    expect(await counts()).toEqual(before);
  });

  it('updates an address with exact values, audits before/after and refuses stale versions', async () => {
    const d = await createTestDebtor(ctx.db, t);
    const a = await addAddress(d.id, { line1: 'Via Roma 1', city: 'Roma', postalCode: '00100' });
    const res = await ctx.operator({
      method: 'PATCH',
      url: `/api/addresses/${a.id}`,
      payload: { city: 'Napoli', postalCode: '80100', province: 'NA', validTo: '2025-12-31', version: 1 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: a.id, line1: 'Via Roma 1', city: 'Napoli', postalCode: '80100', province: 'NA', validTo: '2025-12-31', version: 2 });
    const audit = await auditOf(ctx.db, t.tenantId, a.id);
    expect(audit.map((e) => [e.action, e.before, e.after])).toEqual([
      ['address.created', null, expect.objectContaining({ city: 'Roma' })],
      [
        'address.updated',
        { city: 'Roma', postalCode: '00100', province: null, validTo: null },
        { city: 'Napoli', postalCode: '80100', province: 'NA', validTo: '2025-12-31' },
      ],
    ]);
    const stale = await ctx.operator({ method: 'PATCH', url: `/api/addresses/${a.id}`, payload: { city: 'Bari', version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect((await ctx.operator({ method: 'GET', url: `/api/debtors/${d.id}/addresses` })).json()).toEqual([res.json()]);
  });

  it('refuses a bad update with field messages and changes nothing', async () => {
    const d = await createTestDebtor(ctx.db, t);
    const a = await addAddress(d.id, { line1: 'Via Roma 1', city: 'Roma', validFrom: '2024-01-01' });
    const before = await counts();
    for (const [payload, path, text] of [
      [{ city: '' }, 'city', 'Campo obbligatorio'],
      [{ country: 'ITA' }, 'country', 'codice ISO'],
      [{ kind: null }, 'kind', ''],
      [{ validTo: '2023-02-29' }, 'validTo', 'non esiste'],
      // Checked against the start already recorded.
      [{ validTo: '2023-12-31' }, 'validTo', 'Fine validità'],
      [{ debtorId: UNKNOWN_ID }, 'debtorId', 'Campo sconosciuto'],
    ] as const) {
      const res = await ctx.operator({ method: 'PATCH', url: `/api/addresses/${a.id}`, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(messageFor(res, path)).toContain(text);
    }
    expect(await counts()).toEqual(before);
    expect((await ctx.operator({ method: 'GET', url: `/api/debtors/${d.id}/addresses` })).json()).toEqual([a]);
  });

  it('lets a viewer read the addresses of its creditor’s debtors, and refuses its writes with 403', async () => {
    const d = await createTestDebtor(ctx.db, t);
    await createTestClaim(ctx.db, t, d.id);
    const a = await addAddress(d.id, { line1: 'Via Vista 1', city: 'Roma' });
    const hidden = await createTestDebtor(ctx.db, t);
    const hiddenAddress = await addAddress(hidden.id, { line1: 'Via Nascosta 1', city: 'Roma' });

    expect((await ctx.viewer({ method: 'GET', url: `/api/debtors/${d.id}/addresses` })).json()).toEqual([a]);
    expect((await ctx.viewer({ method: 'GET', url: `/api/debtors/${hidden.id}/addresses` })).statusCode).toBe(404);
    const before = await counts();
    const create = await ctx.viewer({ method: 'POST', url: `/api/debtors/${d.id}/addresses`, payload: { line1: 'Via Nuova 2', city: 'Roma' } });
    expect(create.statusCode).toBe(403);
    expect(create.json().error.code).toBe('forbidden');
    const update = await ctx.viewer({ method: 'PATCH', url: `/api/addresses/${a.id}`, payload: { city: 'Milano' } });
    expect(update.statusCode).toBe(403);
    expect((await ctx.viewer({ method: 'PATCH', url: `/api/addresses/${hiddenAddress.id}`, payload: { city: 'Milano' } })).statusCode).toBe(404);
    expect(await counts()).toEqual(before);
    expect((await ctx.admin({ method: 'GET', url: `/api/debtors/${d.id}/addresses` })).json()).toEqual([a]);
  });

  it('answers 404 for another tenant’s debtor or address, and for unknown or malformed ids', async () => {
    const d = await createTestDebtor(ctx.db, t);
    const a = await addAddress(d.id, { line1: 'Via Privata 1', city: 'Roma' });
    const before = await counts();
    const payload = { line1: 'Via Po 1', city: 'Torino' };
    for (const [method, url] of [
      ['GET', `/api/debtors/${d.id}/addresses`],
      ['POST', `/api/debtors/${d.id}/addresses`],
      ['PATCH', `/api/addresses/${a.id}`],
    ] as const) {
      const res = await ctx.outsider({ method, url, payload: method === 'GET' ? undefined : payload });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    for (const id of [UNKNOWN_ID, ...MALFORMED_IDS]) {
      for (const [method, url] of [
        ['GET', `/api/debtors/${id}/addresses`],
        ['POST', `/api/debtors/${id}/addresses`],
        ['PATCH', `/api/addresses/${id}`],
      ] as const) {
        const res = await ctx.admin({ method, url, payload: method === 'GET' ? undefined : payload });
        expect(res.statusCode, `${method} ${url}`).toBe(404);
      }
    }
    expect(await counts()).toEqual(before);
  });
});
