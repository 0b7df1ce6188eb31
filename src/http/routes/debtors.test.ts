import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditOf,
  countRows,
  createTestClaim,
  createTestDebtor,
  snapshotCounts,
  uniq,
  type TestTenant,
} from '../../test/factories.ts';
import { fakePartitaIva } from '../../test/portfolio.ts';
import type { DebtorKind } from '../../domain/model.ts';
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

const counts = () => snapshotCounts(ctx.db, t.tenantId, ['debtors', 'addresses', 'contacts', 'audit_events']);

describe('debtors API', () => {
  it('requires a session on every route', async () => {
    const d = await createTestDebtor(ctx.db, t);
    for (const [method, url] of [
      ['GET', '/api/debtors'],
      ['POST', '/api/debtors'],
      ['GET', `/api/debtors/${d.id}`],
      ['PATCH', `/api/debtors/${d.id}`],
      ['GET', `/api/debtors/${d.id}/history`],
    ] as const) {
      const res = await ctx.app.inject({ method, url, payload: method === 'GET' ? undefined : { kind: 'consumer', lastName: 'X' } });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
  });

  it('creates a consumer with its addresses and contacts in one go, normalising every value', async () => {
    const before = await counts();
    const res = await ctx.operator({
      method: 'POST',
      url: '/api/debtors',
      payload: {
        kind: 'consumer',
        firstName: ' Mario ',
        lastName: 'Rossi',
        taxCode: 'rssmra 85t10 a562s',
        birthDate: '1985-12-10',
        addresses: [{ line1: 'Via Roma 1', postalCode: '00184', city: 'Roma', province: 'RM', line2: '' }],
        contacts: [
          { channel: 'mobile', value: '333 123 4567' },
          { channel: 'email', value: ' Mario.Rossi@Example.IT ', label: 'personale' },
        ],
      },
    });
    expect(res.statusCode).toBe(201);
    const d = res.json();
    expect(d).toMatchObject({
      kind: 'consumer',
      firstName: 'Mario',
      lastName: 'Rossi',
      companyName: null,
      displayName: 'Rossi Mario',
      taxCode: 'RSSMRA85T10A562S',
      vatNumber: null,
      chUid: null,
      birthDate: '1985-12-10',
      language: 'it',
      hardship: false,
      hardshipNote: null,
      version: 1,
      outstanding: [],
    });
    expect(d.addresses).toEqual([
      expect.objectContaining({
        debtorId: d.id,
        kind: 'residence',
        line1: 'Via Roma 1',
        line2: null,
        postalCode: '00184',
        city: 'Roma',
        province: 'RM',
        country: 'IT',
        source: 'creditor',
        version: 1,
      }),
    ]);
    expect(d.contacts.map((c: { channel: string; value: string; label: string | null; status: string; consent: string }) => [c.channel, c.value, c.label, c.status, c.consent])).toEqual([
      ['mobile', '+393331234567', null, 'unverified', 'unknown'],
      ['email', 'mario.rossi@example.it', 'personale', 'unverified', 'unknown'],
    ]);
    // Read back exactly what was answered.
    const read = await ctx.viewer({ method: 'GET', url: `/api/debtors/${d.id}` });
    expect(read.statusCode).toBe(404); // no claim of the viewer's creditor yet
    // Rows of one transaction share created_at: they come back by id, the same on every read and
    // in the contacts list.
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    const got = await ctx.admin({ method: 'GET', url: `/api/debtors/${d.id}` });
    expect(got.json()).toEqual({ ...d, contacts: [...d.contacts].sort(byId) });
    expect((await ctx.admin({ method: 'GET', url: `/api/debtors/${d.id}/contacts` })).json()).toEqual(got.json().contacts);
    expect(await counts()).toEqual({
      debtors: before.debtors! + 1,
      addresses: before.addresses! + 1,
      contacts: before.contacts! + 2,
      audit_events: before.audit_events! + 4,
    });
    const audit = await ctx.db
      .selectFrom('audit_events')
      .select(['action', 'actor_label'])
      .where('tenant_id', '=', t.tenantId)
      .where('debtor_id', '=', d.id)
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { action: 'debtor.created', actor_label: `user:${t.users.operator.email}` },
      { action: 'address.created', actor_label: `user:${t.users.operator.email}` },
      { action: 'contact.created', actor_label: `user:${t.users.operator.email}` },
      { action: 'contact.created', actor_label: `user:${t.users.operator.email}` },
    ]);
  });

  it('creates companies with a partita IVA or a Swiss UID, normalised', async () => {
    const italian = await ctx.admin({
      method: 'POST',
      url: '/api/debtors',
      payload: { kind: 'company', companyName: 'Alfa S.r.l.', vatNumber: 'IT 123 456 789 03', taxCode: '12345678903' },
    });
    expect(italian.statusCode).toBe(201);
    expect(italian.json()).toMatchObject({ displayName: 'Alfa S.r.l.', vatNumber: '12345678903', taxCode: '12345678903' });
    const ch = await ctx.admin({
      method: 'POST',
      url: '/api/debtors',
      payload: { kind: 'company', companyName: 'Beta AG', chUid: 'che116281710 mwst', language: 'de' },
    });
    expect(ch.statusCode).toBe(201);
    expect(ch.json()).toMatchObject({ displayName: 'Beta AG', chUid: 'CHE-116.281.710', language: 'de' });
    const trader = await ctx.admin({
      method: 'POST',
      url: '/api/debtors',
      payload: { kind: 'sole_trader', companyName: 'Bar Sport', firstName: 'Anna', lastName: 'Verdi' },
    });
    expect(trader.json().displayName).toBe('Bar Sport (Verdi Anna)');
  });

  it('refuses wrong tax ids, impossible dates and missing names with a message per field, writing nothing', async () => {
    const before = await counts();
    const consumer = await ctx.admin({
      method: 'POST',
      url: '/api/debtors',
      payload: { kind: 'consumer', firstName: 'Mario', taxCode: 'RSSMRA85T10A562T', birthDate: '2026-02-30', language: 'es' },
    });
    expect(consumer.statusCode).toBe(400);
    expect(consumer.json().error.code).toBe('validation');
    expect(pathsOf(consumer).sort()).toEqual(['birthDate', 'language', 'taxCode']);
    expect(messageFor(consumer, 'taxCode')).toContain('atteso S');
    expect(messageFor(consumer, 'birthDate')).toContain('2026-02-30 non esiste');

    const company = await ctx.admin({
      method: 'POST',
      url: '/api/debtors',
      payload: { kind: 'company', vatNumber: '01234567890', chUid: 'CHE-116.281.711' },
    });
    expect(company.statusCode).toBe(400);
    expect(pathsOf(company).sort()).toEqual(['chUid', 'vatNumber']);
    expect(messageFor(company, 'vatNumber')).toContain('atteso 7');
    expect(messageFor(company, 'chUid')).toContain('UID svizzero');

    // Rules across fields run once every field is valid.
    const noName = await ctx.admin({ method: 'POST', url: '/api/debtors', payload: { kind: 'company', vatNumber: '01234567897' } });
    expect(noName.statusCode).toBe(400);
    expect(pathsOf(noName)).toEqual(['companyName']);
    const noSurname = await ctx.admin({ method: 'POST', url: '/api/debtors', payload: { kind: 'consumer', firstName: 'Mario' } });
    expect(pathsOf(noSurname)).toEqual(['lastName']);
    const companyCf = await ctx.admin({
      method: 'POST',
      url: '/api/debtors',
      payload: { kind: 'consumer', lastName: 'Rossi', taxCode: '01234567897' },
    });
    expect(pathsOf(companyCf)).toEqual(['taxCode']);
    const noKind = await ctx.admin({ method: 'POST', url: '/api/debtors', payload: { lastName: 'Rossi', shoeSize: 42 } });
    expect(noKind.statusCode).toBe(400);
    expect(pathsOf(noKind)).toContain('kind');
    expect(await counts()).toEqual(before);
  });

  it('writes nothing at all when a nested address or contact is invalid', async () => {
    const before = await counts();
    const res = await ctx.admin({
      method: 'POST',
      url: '/api/debtors',
      payload: {
        kind: 'consumer',
        lastName: 'Annidato',
        addresses: [{ line1: 'Via Po 2', city: 'Torino' }, { line1: 'Via Dora 3', city: '', country: 'Italia' }],
        contacts: [{ channel: 'mobile', value: '333 765 4321' }, { channel: 'mobile', value: '12' }, { channel: 'email', value: 'not-an-email' }],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(pathsOf(res).sort()).toEqual(['addresses.1.city', 'addresses.1.country', 'contacts.1.value', 'contacts.2.value']);
    expect(messageFor(res, 'contacts.1.value')).toContain('telefono non valido');
    expect(messageFor(res, 'contacts.2.value')).toContain('e-mail non valido');
    expect(await counts()).toEqual(before);
  });

  it('keeps one debtor per tax code and partita IVA in a tenant: a second answers 409 on the field; another tenant may hold the same', async () => {
    const first = await createTestDebtor(ctx.db, t, { lastName: 'Unico' });
    const again = await ctx.admin({ method: 'POST', url: '/api/debtors', payload: { kind: 'consumer', firstName: 'Mario', lastName: 'Copia', taxCode: first.taxCode } });
    expect(again.statusCode, again.body).toBe(409);
    expect(messageFor(again, 'taxCode')).toContain('Esiste già un debitore con questo codice fiscale');
    const other = await createTestDebtor(ctx.db, t, { lastName: 'Altro' });
    const moved = await ctx.admin({ method: 'PATCH', url: `/api/debtors/${other.id}`, payload: { taxCode: first.taxCode } });
    expect(moved.statusCode, moved.body).toBe(409);
    expect(messageFor(moved, 'taxCode')).toContain('codice fiscale');
    const company = { kind: 'company', companyName: `Unica ${uniq()} S.r.l.`, vatNumber: fakePartitaIva(424242) };
    expect((await ctx.admin({ method: 'POST', url: '/api/debtors', payload: company })).statusCode).toBe(201);
    const twin = await ctx.admin({ method: 'POST', url: '/api/debtors', payload: { ...company, companyName: 'Gemella S.r.l.' } });
    expect(twin.statusCode).toBe(409);
    expect(messageFor(twin, 'vatNumber')).toContain('partita IVA');
    // The key is per tenant: another tenant's debtor with the same tax code is its own business.
    const elsewhere = await ctx.outsider({ method: 'POST', url: '/api/debtors', payload: { kind: 'consumer', firstName: 'Mario', lastName: 'Rossi', taxCode: first.taxCode } });
    expect(elsewhere.statusCode, elsewhere.body).toBe(201);
  });

  it('rolls the debtor back when a nested contact turns out to be a duplicate (409)', async () => {
    const before = await counts();
    const res = await ctx.admin({
      method: 'POST',
      url: '/api/debtors',
      payload: {
        kind: 'consumer',
        lastName: 'Doppione',
        addresses: [{ line1: 'Via Po 2', city: 'Torino' }],
        // Different spellings of the same number: a duplicate once normalised.
        contacts: [{ channel: 'mobile', value: '333 765 4321' }, { channel: 'mobile', value: '+39 333 7654321' }],
      },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('conflict');
    expect(res.json().error.message).toContain('+393337654321');
    expect(await counts()).toEqual(before);
  });

  it('updates with exact values, recomputes the display name, audits before/after and refuses stale versions', async () => {
    const d = await createTestDebtor(ctx.db, t, { firstName: 'Luca', lastName: 'Neri', taxCode: 'VRDGPP80A01H501U' });
    const res = await ctx.operator({
      method: 'PATCH',
      url: `/api/debtors/${d.id}`,
      payload: { lastName: 'Bianchi', hardship: true, hardshipNote: ' perdita del lavoro ', version: 1 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: d.id,
      firstName: 'Luca',
      lastName: 'Bianchi',
      displayName: 'Bianchi Luca',
      hardship: true,
      hardshipNote: 'perdita del lavoro',
      taxCode: 'VRDGPP80A01H501U',
      version: 2,
    });
    const audit = await auditOf(ctx.db, t.tenantId, d.id);
    expect(audit.map((a) => a.action)).toEqual(['debtor.created', 'debtor.updated']);
    expect(audit[1]).toMatchObject({
      debtor_id: d.id,
      actor_label: `user:${t.users.operator.email}`,
      before: { lastName: 'Neri', hardship: false, hardshipNote: null, displayName: 'Neri Luca' },
      after: { lastName: 'Bianchi', hardship: true, hardshipNote: 'perdita del lavoro', displayName: 'Bianchi Luca' },
    });

    const stale = await ctx.operator({ method: 'PATCH', url: `/api/debtors/${d.id}`, payload: { lastName: 'Gialli', version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain('versione 2, non 1');

    // An unchanged value writes nothing (no new version, no audit event).
    const same = await ctx.operator({ method: 'PATCH', url: `/api/debtors/${d.id}`, payload: { lastName: 'Bianchi' } });
    expect(same.json().version).toBe(2);
    expect((await auditOf(ctx.db, t.tenantId, d.id)).length).toBe(2);
  });

  it('refuses a bad update with field messages and changes nothing', async () => {
    const d = await createTestDebtor(ctx.db, t, { lastName: 'Fermo' });
    const auditBefore = await countRows(ctx.db, 'audit_events', t.tenantId);
    for (const [payload, path, text] of [
      [{ taxCode: 'RSSMRA85T10A562T' }, 'taxCode', 'atteso S'],
      [{ vatNumber: '01234567890' }, 'vatNumber', 'atteso 7'],
      [{ birthDate: '2023-02-29' }, 'birthDate', 'non esiste'],
      // A consumer keeps a surname: the rule applies to the record as it would become.
      [{ lastName: '' }, 'lastName', 'Cognome obbligatorio'],
      [{ kind: 'company' }, 'companyName', 'Ragione sociale'],
      [{ tenantId: ctx.other.tenantId }, 'tenantId', 'Campo sconosciuto'],
    ] as const) {
      const res = await ctx.admin({ method: 'PATCH', url: `/api/debtors/${d.id}`, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(messageFor(res, path)).toContain(text);
    }
    const row = await ctx.db.selectFrom('debtors').selectAll().where('id', '=', d.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ version: 1, last_name: 'Fermo', kind: 'consumer', tax_code: d.taxCode, tenant_id: t.tenantId });
    expect(await countRows(ctx.db, 'audit_events', t.tenantId)).toBe(auditBefore);
  });

  // What a debtor owes is the stored total of its open claims (principal, interest, costs); these run
  // without interest so the sums are the principals.
  it('lists with search, filters and exact outstanding totals per currency', async () => {
    const tag = `Lista${uniq()}`;
    const a = await createTestDebtor(ctx.db, t, { lastName: `${tag} Alfa`, taxCode: 'BNCLRA90C45F205Z', firstName: 'Laura' });
    const b = await createTestDebtor(ctx.db, t, { lastName: `${tag} Beta`, hardship: true });
    await createTestClaim(ctx.db, t, a.id, { principal: '100.10', currency: 'EUR', interestRegime: 'none' });
    await createTestClaim(ctx.db, t, a.id, { principal: '0.20', currency: 'EUR', interestRegime: 'none' });
    await createTestClaim(ctx.db, t, a.id, { principal: '50.00', currency: 'CHF', interestRegime: 'none' });
    const res = await ctx.admin({ method: 'GET', url: `/api/debtors?q=${encodeURIComponent(tag.toLowerCase())}&sort=displayName&order=desc` });
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page).toMatchObject({ total: 2, page: 1, pageSize: 25 });
    expect(page.items.map((i: { id: string }) => i.id)).toEqual([b.id, a.id]);
    expect(page.items[1].outstanding).toEqual([
      { currency: 'CHF', amount: '50.00', count: 1 },
      { currency: 'EUR', amount: '100.30', count: 2 },
    ]);
    expect(page.items[0].outstanding).toEqual([]);

    const byTaxCode = await ctx.admin({ method: 'GET', url: '/api/debtors?q=bnclra90' });
    expect(byTaxCode.json().items.map((i: { id: string }) => i.id)).toEqual([a.id]);
    const hardship = await ctx.admin({ method: 'GET', url: `/api/debtors?q=${tag}&hardship=true` });
    expect(hardship.json()).toMatchObject({ total: 1, items: [{ id: b.id }] });
    const paged = await ctx.admin({ method: 'GET', url: `/api/debtors?q=${tag}&pageSize=1&page=2` });
    expect(paged.json()).toMatchObject({ total: 2, page: 2, pageSize: 1, items: [{ id: b.id }] });
    // Wildcards in the search text are literal.
    expect((await ctx.admin({ method: 'GET', url: '/api/debtors?q=%25%25%25' })).json().total).toBe(0);

    const bad = await ctx.admin({ method: 'GET', url: '/api/debtors?kind=alien&pageSize=1000&creditorId=nope' });
    expect(bad.statusCode).toBe(400);
    expect(pathsOf(bad).sort()).toEqual(['query.creditorId', 'query.kind', 'query.pageSize']);
  });

  // The unfiltered total comes from counts the triggers keep (migration 0015), not from counting.
  it('answers the total without a search from the kept counts, equal to a count, after creates, a change of kind and a delete', async () => {
    const counted = async (where: { kind?: DebtorKind; hardship?: boolean } = {}) => {
      let q = ctx.db.selectFrom('debtors').select((eb) => eb.fn.countAll<number>().as('n')).where('tenant_id', '=', t.tenantId);
      if (where.kind) q = q.where('kind', '=', where.kind);
      if (where.hardship !== undefined) q = q.where('hardship', '=', where.hardship);
      return Number((await q.executeTakeFirstOrThrow()).n);
    };
    const total = async (query = '') => (await ctx.admin({ method: 'GET', url: `/api/debtors?pageSize=1${query}` })).json().total as number;
    const before = await total();
    expect(before).toBe(await counted());
    const tag = `Conta${uniq()}`;
    const x = await createTestDebtor(ctx.db, t, { lastName: `${tag} Uno` });
    await createTestDebtor(ctx.db, t, { lastName: `${tag} Due`, hardship: true });
    expect(await total()).toBe(before + 2);
    expect(await total('&hardship=true')).toBe(await counted({ hardship: true }));
    expect(await total('&kind=consumer')).toBe(await counted({ kind: 'consumer' }));
    await ctx.db.updateTable('debtors').set({ kind: 'sole_trader' }).where('id', '=', x.id).execute();
    expect(await total('&kind=sole_trader')).toBe(await counted({ kind: 'sole_trader' }));
    expect(await total('&kind=consumer')).toBe(await counted({ kind: 'consumer' }));
    await ctx.db.deleteFrom('addresses').where('debtor_id', '=', x.id).execute();
    await ctx.db.deleteFrom('contacts').where('debtor_id', '=', x.id).execute();
    await ctx.db.deleteFrom('debtors').where('id', '=', x.id).execute();
    expect(await total()).toBe(before + 1);
    expect(await total()).toBe(await counted());
  });

  it('sorts names without regard to case', async () => {
    const tag = `Caso${uniq()}`;
    const upper = await createTestDebtor(ctx.db, t, { lastName: `${tag} BIANCHI` });
    const lower = await createTestDebtor(ctx.db, t, { lastName: `${tag} abate` });
    const mixed = await createTestDebtor(ctx.db, t, { lastName: `${tag} Bassi` });
    const res = await ctx.admin({ method: 'GET', url: `/api/debtors?q=${tag}&sort=displayName` });
    // Byte order would give BIANCHI, Bassi, abate.
    expect(res.json().items.map((i: { id: string }) => i.id)).toEqual([lower.id, mixed.id, upper.id]);
  });

  it('shows a viewer only the debtors owing to its creditor, and only that creditor’s figures and history', async () => {
    const tag = `Vista${uniq()}`;
    const both = await createTestDebtor(ctx.db, t, { lastName: `${tag} Entrambi` });
    const otherOnly = await createTestDebtor(ctx.db, t, { lastName: `${tag} Altro` });
    const none = await createTestDebtor(ctx.db, t, { lastName: `${tag} Nessuno` });
    const mine = await createTestClaim(ctx.db, t, both.id, { principal: '100.00', interestRegime: 'none' });
    const theirs = await createTestClaim(ctx.db, t, both.id, { principal: '50.00', creditorId: t.otherCreditor.id, interestRegime: 'none' });
    await createTestClaim(ctx.db, t, otherOnly.id, { principal: '70.00', creditorId: t.otherCreditor.id, interestRegime: 'none' });

    const list = await ctx.viewer({ method: 'GET', url: `/api/debtors?q=${tag}` });
    expect(list.json()).toMatchObject({ total: 1, items: [{ id: both.id, outstanding: [{ currency: 'EUR', amount: '100.00', count: 1 }] }] });
    expect((await ctx.admin({ method: 'GET', url: `/api/debtors?q=${tag}` })).json().total).toBe(3);
    const byCreditor = await ctx.admin({ method: 'GET', url: `/api/debtors?q=${tag}&creditorId=${t.otherCreditor.id}&sort=displayName` });
    expect(byCreditor.json().items.map((i: { id: string }) => i.id)).toEqual([otherOnly.id, both.id]);

    const detail = await ctx.viewer({ method: 'GET', url: `/api/debtors/${both.id}` });
    expect(detail.statusCode).toBe(200);
    expect(detail.json().outstanding).toEqual([{ currency: 'EUR', amount: '100.00', count: 1 }]);
    const adminDetail = await ctx.admin({ method: 'GET', url: `/api/debtors/${both.id}` });
    expect(adminDetail.json().outstanding).toEqual([{ currency: 'EUR', amount: '150.00', count: 2 }]);
    for (const d of [otherOnly, none]) {
      for (const url of [`/api/debtors/${d.id}`, `/api/debtors/${d.id}/history`]) {
        const res = await ctx.viewer({ method: 'GET', url });
        expect(res.statusCode, url).toBe(404);
        expect(res.json().error.code).toBe('not_found');
      }
    }

    const history = await ctx.viewer({ method: 'GET', url: `/api/debtors/${both.id}/history` });
    expect(history.json().items.map((i: { action: string; entityId: string }) => [i.action, i.entityId])).toEqual([
      ['claim.created', mine.id],
    ]);
    const full = await ctx.admin({ method: 'GET', url: `/api/debtors/${both.id}/history` });
    expect(full.json().items.map((i: { action: string; entityId: string }) => [i.action, i.entityId])).toEqual([
      ['claim.created', theirs.id],
      ['claim.created', mine.id],
      ['debtor.created', both.id],
    ]);
    expect(full.json().total).toBe(3);
  });

  it('refuses a viewer’s writes with 403 and writes nothing', async () => {
    const d = await createTestDebtor(ctx.db, t, { lastName: 'Visibile' });
    await createTestClaim(ctx.db, t, d.id);
    const before = await counts();
    const create = await ctx.viewer({ method: 'POST', url: '/api/debtors', payload: { kind: 'consumer', lastName: 'Nuovo' } });
    expect(create.statusCode).toBe(403);
    expect(create.json().error.code).toBe('forbidden');
    const update = await ctx.viewer({ method: 'PATCH', url: `/api/debtors/${d.id}`, payload: { lastName: 'Cambiato' } });
    expect(update.statusCode).toBe(403);
    expect(await counts()).toEqual(before);
    const row = await ctx.db.selectFrom('debtors').select(['last_name', 'version']).where('id', '=', d.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ last_name: 'Visibile', version: 1 });
  });

  it('answers 404 for another tenant’s debtor, an unknown id and a malformed id', async () => {
    const d = await createTestDebtor(ctx.db, t, { lastName: 'Riservato' });
    const before = await counts();
    for (const [method, url] of [
      ['GET', `/api/debtors/${d.id}`],
      ['PATCH', `/api/debtors/${d.id}`],
      ['GET', `/api/debtors/${d.id}/history`],
    ] as const) {
      const res = await ctx.outsider({ method, url, payload: method === 'PATCH' ? { lastName: 'Preso' } : undefined });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    for (const id of [UNKNOWN_ID, ...MALFORMED_IDS]) {
      for (const [method, url] of [
        ['GET', `/api/debtors/${id}`],
        ['PATCH', `/api/debtors/${id}`],
        ['GET', `/api/debtors/${id}/history`],
      ] as const) {
        const res = await ctx.admin({ method, url, payload: method === 'PATCH' ? { lastName: 'Preso' } : undefined });
        expect(res.statusCode, `${method} ${url}`).toBe(404);
      }
    }
    const outsiderList = await ctx.outsider({ method: 'GET', url: '/api/debtors?q=Riservato' });
    expect(outsiderList.json().total).toBe(0);
    expect(await counts()).toEqual(before);
  });
});
