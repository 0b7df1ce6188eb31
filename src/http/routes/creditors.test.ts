import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connect.ts';
import { openTestDatabase } from '../../test/db.ts';
import { createTestTenant, TEST_ALBO, uniqueCodiceFiscale, type TestTenant } from '../../test/factories.ts';
import { fakePartitaIva } from '../../test/portfolio.ts';
import { as, buildTestApp, sessionCookie } from '../../test/http.ts';

let database: Database;
let app: FastifyInstance;
let t: TestTenant;
let other: TestTenant;
let admin: ReturnType<typeof as>;
let viewer: ReturnType<typeof as>;
let operator: ReturnType<typeof as>;
let outsider: ReturnType<typeof as>;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database.db);
  t = await createTestTenant(database.db);
  other = await createTestTenant(database.db);
  admin = as(app, await sessionCookie(app, t.users.admin.email));
  viewer = as(app, await sessionCookie(app, t.users.viewer.email));
  operator = as(app, await sessionCookie(app, t.users.operator.email));
  outsider = as(app, await sessionCookie(app, other.users.admin.email));
});
afterAll(async () => {
  await app.close();
});

const countCreditors = async (tenantId: string) =>
  Number(
    (
      await database.db
        .selectFrom('creditors')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('tenant_id', '=', tenantId)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('creditors API', () => {
  it('should require authentication', async () => {
    for (const [method, url] of [
      ['GET', '/api/creditors'],
      ['POST', '/api/creditors'],
      ['GET', `/api/creditors/${t.creditor.id}`],
      ['PATCH', `/api/creditors/${t.creditor.id}`],
    ] as const) {
      const res = await app.inject({ method, url, payload: method === 'GET' ? undefined : {} });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
  });

  it('creates, reads, updates and lists a creditor with exact values', async () => {
    const created = await admin({
      method: 'POST',
      url: '/api/creditors',
      payload: { name: 'Comune di Prova', kind: 'public_entity', taxCode: '00000000000'.slice(0, 0) || undefined, commissionPercent: '8.5', iban: 'IT60 X054 2811 1010 0000 0123 456' },
    });
    expect(created.statusCode).toBe(201);
    const c = created.json();
    expect(c).toMatchObject({ name: 'Comune di Prova', kind: 'public_entity', commissionPercent: '8.5000', iban: 'IT60X0542811101000000123456', version: 1 });

    const patched = await admin({ method: 'PATCH', url: `/api/creditors/${c.id}`, payload: { city: 'Valdoria', version: 1 } });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ city: 'Valdoria', version: 2 });

    const stale = await admin({ method: 'PATCH', url: `/api/creditors/${c.id}`, payload: { city: 'Altrove', version: 1 } });
    expect(stale.statusCode).toBe(409);

    const list = await admin({ method: 'GET', url: '/api/creditors?q=prova' });
    expect(list.json()).toMatchObject({ total: 1, items: [{ id: c.id }] });

    const audit = await database.db.selectFrom('audit_events').select(['action']).where('entity_id', '=', c.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['creditor.created', 'creditor.updated']);
  });

  it('keeps a comune’s cadastral code, regulation (over the law’s defaults) and pagoPA set-up, refusing wrong ones field by field', async () => {
    const created = await admin({
      method: 'POST',
      url: '/api/creditors',
      payload: { name: 'Comune di Regola', kind: 'public_entity', cadastralCode: 'h501', revenueRules: { interestPoints: '1.5' }, pagopa: { noticeMode: 'supplied' } },
    });
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json();
    expect(c.cadastralCode).toBe('H501');
    expect(c.revenueRules).toMatchObject({ interestPoints: '1.5', dayCount: 'act365', cdsSemesterSurcharge: false });
    expect(c.revenueRules.allocationOrder.slice(0, 2)).toEqual(['notification_costs', 'collection_charges']);
    expect(c.revenueRules.collectionCharges).toMatchObject({ withinDays: 60, early: { rate: '3', cap: '300.00' }, late: { rate: '6', cap: '600.00' } });
    expect(c.pagopa).toMatchObject({ noticeMode: 'supplied' });

    const generated = await admin({
      method: 'PATCH',
      url: `/api/creditors/${c.id}`,
      payload: { pagopa: { noticeMode: 'generated', segregationCode: '12', cbill: 'A1B2C' }, version: 1 },
    });
    expect(generated.statusCode).toBe(200);
    expect(generated.json().pagopa).toEqual({ noticeMode: 'generated', segregationCode: '12', cbill: 'A1B2C' });
    const row = await database.db.selectFrom('creditors').select(['pagopa', 'revenue_rules', 'cadastral_code']).where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(row.pagopa).toEqual({ noticeMode: 'generated', segregationCode: '12', cbill: 'A1B2C' });
    expect(row.revenue_rules).toMatchObject({ interestPoints: '1.5' });

    const bad = await admin({
      method: 'PATCH',
      url: `/api/creditors/${c.id}`,
      payload: { cadastralCode: 'ROMA', revenueRules: { interestPoints: '4' }, pagopa: { noticeMode: 'generated' } },
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.fields.map((f: { path: string }) => f.path).sort();
    expect(paths).toEqual(['cadastralCode', 'pagopa.segregationCode', 'revenueRules.interestPoints']);
    expect((await admin({ method: 'GET', url: `/api/creditors/${c.id}` })).json()).toMatchObject({ cadastralCode: 'H501', version: 2 });

    // A regulation stored with only its points (as the demo loader writes it) is shown whole, in lists too.
    await database.db.updateTable('creditors').set({ revenue_rules: JSON.stringify({ interestPoints: '2' }) }).where('id', '=', c.id).execute();
    const listed = await admin({ method: 'GET', url: '/api/creditors?q=regola' });
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().items[0].revenueRules).toMatchObject({ interestPoints: '2', dayCount: 'act365', cdsSemesterSurcharge: false });
  });

  it('answers 404 for another tenant’s creditor', async () => {
    expect((await outsider({ method: 'GET', url: `/api/creditors/${t.creditor.id}` })).statusCode).toBe(404);
    expect((await outsider({ method: 'PATCH', url: `/api/creditors/${t.creditor.id}`, payload: { city: 'X' } })).statusCode).toBe(404);
    expect((await admin({ method: 'GET', url: '/api/creditors/not-a-uuid' })).statusCode).toBe(404);
  });

  it('lets a viewer read only its own creditor and refuses its writes', async () => {
    expect((await viewer({ method: 'GET', url: `/api/creditors/${t.creditor.id}` })).statusCode).toBe(200);
    expect((await viewer({ method: 'GET', url: `/api/creditors/${t.otherCreditor.id}` })).statusCode).toBe(404);
    expect((await viewer({ method: 'GET', url: '/api/creditors' })).json().total).toBe(1);
    const before = await countCreditors(t.tenantId);
    const res = await viewer({ method: 'POST', url: '/api/creditors', payload: { name: 'Nuovo', kind: 'company' } });
    expect(res.statusCode).toBe(403);
    expect((await viewer({ method: 'PATCH', url: `/api/creditors/${t.creditor.id}`, payload: { city: 'X' } })).statusCode).toBe(403);
    expect((await operator({ method: 'POST', url: '/api/creditors', payload: { name: 'Nuovo', kind: 'company' } })).statusCode).toBe(403);
    expect(await countCreditors(t.tenantId)).toBe(before);
  });

  it('refuses bad input with field messages and writes nothing', async () => {
    const before = await countCreditors(t.tenantId);
    const res = await admin({
      method: 'POST',
      url: '/api/creditors',
      payload: { name: '', kind: 'bank', vatNumber: '01234567890', mandateStartsOn: '2026-02-30', defaultCurrency: 'USD' },
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'kind', 'vatNumber', 'mandateStartsOn', 'defaultCurrency']));
    const vat = res.json().error.fields.find((f: { path: string }) => f.path === 'vatNumber');
    expect(vat.message).toContain('atteso 7');
    expect(await countCreditors(t.tenantId)).toBe(before);
  });

  it('refuses an IBAN of the wrong length for its country, saying so (a 26-character Italian IBAN with good check digits)', async () => {
    const before = await countCreditors(t.tenantId);
    const res = await admin({ method: 'POST', url: '/api/creditors', payload: { name: 'IBAN corto', kind: 'company', iban: 'IT90 X054 2811 1010 0000 0123 45' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([expect.objectContaining({ path: 'iban', message: expect.stringContaining('Lunghezza IBAN errata: 26 caratteri, un IBAN IT ne ha 27') })]);
    const wrongDigits = await admin({ method: 'PATCH', url: `/api/creditors/${t.creditor.id}`, payload: { iban: 'IT61X0542811101000000123456' } });
    expect(wrongDigits.statusCode).toBe(400);
    expect(wrongDigits.json().error.fields[0].message).toContain('cifre di controllo errate');
    expect(await countCreditors(t.tenantId)).toBe(before);
  });

  it('refuses to activate a comune’s mandate while the agency has no albo registration (art. 53 D.Lgs. 446/1997), with the reason', async () => {
    const bare = await createTestTenant(database.db);
    await database.db.updateTable('tenants').set({ settings: '{}' }).where('id', '=', bare.tenantId).execute();
    const bareAdmin = as(app, await sessionCookie(app, bare.users.admin.email));
    const before = await countCreditors(bare.tenantId);

    const refused = await bareAdmin({ method: 'POST', url: '/api/creditors', headers: { 'accept-language': 'en' }, payload: { name: 'Comune di Senzalbo', kind: 'public_entity' } });
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'unprocessable', messageCode: 'municipal.albo_required', fields: [{ path: 'active', messageCode: 'municipal.albo_required' }] });
    expect(refused.json().error.message).toContain('art. 53 D.Lgs. 446/1997');
    expect(await countCreditors(bare.tenantId)).toBe(before);

    // A company needs no albo; a comune's mandate may be prepared inactive, but not switched on.
    expect((await bareAdmin({ method: 'POST', url: '/api/creditors', payload: { name: 'Ditta Senzalbo', kind: 'company' } })).statusCode).toBe(201);
    const prepared = await bareAdmin({ method: 'POST', url: '/api/creditors', payload: { name: 'Comune di Senzalbo', kind: 'public_entity', active: false } });
    expect(prepared.statusCode, prepared.body).toBe(201);
    const id = prepared.json().id;
    const activate = await bareAdmin({ method: 'PATCH', url: `/api/creditors/${id}`, payload: { active: true } });
    expect(activate.statusCode).toBe(422);
    expect(activate.json().error.messageCode).toBe('municipal.albo_required');
    expect((await bareAdmin({ method: 'GET', url: `/api/creditors/${id}` })).json()).toMatchObject({ active: false, version: 1 });

    // Registered: the mandate is activated.
    expect((await bareAdmin({ method: 'PATCH', url: '/api/settings', payload: { albo: TEST_ALBO } })).statusCode).toBe(200);
    const activated = await bareAdmin({ method: 'PATCH', url: `/api/creditors/${id}`, payload: { active: true } });
    expect(activated.statusCode, activated.body).toBe(200);
    expect(activated.json()).toMatchObject({ active: true, version: 2 });
    // …and the registration cannot be removed while the mandate is active.
    const unregister = await bareAdmin({ method: 'PATCH', url: '/api/settings', payload: { albo: null } });
    expect(unregister.statusCode).toBe(422);
    // (the factory's tenant has a comune of its own: two active mandates)
    expect(unregister.json().error).toMatchObject({ messageCode: 'municipal.albo_in_use', params: { count: 2 } });
    for (const c of [id, bare.otherCreditor.id]) expect((await bareAdmin({ method: 'PATCH', url: `/api/creditors/${c}`, payload: { active: false } })).statusCode).toBe(200);
    expect((await bareAdmin({ method: 'PATCH', url: '/api/settings', payload: { albo: null } })).statusCode).toBe(200);
  });

  it('refuses a comune whose codice fiscale is not 11 digits (a public body’s code is numeric)', async () => {
    const personal = uniqueCodiceFiscale();
    const bad = await admin({ method: 'POST', url: '/api/creditors', payload: { name: 'Comune di Codice', kind: 'public_entity', taxCode: personal } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([expect.objectContaining({ path: 'taxCode', messageCode: 'municipal.cf_ente' })]);
    const good = await admin({ method: 'POST', url: '/api/creditors', payload: { name: 'Comune di Codice', kind: 'public_entity', taxCode: fakePartitaIva(4711) } });
    expect(good.statusCode, good.body).toBe(201);
    expect((await admin({ method: 'PATCH', url: `/api/creditors/${good.json().id}`, payload: { taxCode: personal } })).json().error.fields[0]).toMatchObject({ path: 'taxCode', messageCode: 'municipal.cf_ente' });

    // A company with a personal codice fiscale cannot become a comune with it.
    const company = await admin({ method: 'POST', url: '/api/creditors', payload: { name: 'Ditta Codice', kind: 'company', taxCode: personal } });
    expect(company.statusCode, company.body).toBe(201);
    const turned = await admin({ method: 'PATCH', url: `/api/creditors/${company.json().id}`, payload: { kind: 'public_entity' } });
    expect(turned.statusCode).toBe(400);
    expect(turned.json().error.fields[0]).toMatchObject({ path: 'taxCode', messageCode: 'municipal.cf_ente' });
  });
});
