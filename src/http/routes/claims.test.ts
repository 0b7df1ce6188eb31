import { today } from '../../domain/dates.ts';
import { sql } from 'kysely';
import { computeStatement } from '../../domain/interest/compute.ts';
import { CLAIM_STATUSES, OPEN_STATUSES } from '../../domain/model.ts';
import { currentRateBook } from '../../usecases/interest/rate-book.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOf, createTestClaim, createTestDebtor, snapshotCounts, uniq, type TestTenant } from '../../test/factories.ts';
import { MALFORMED_IDS, messageFor, openApiContext, pathsOf, UNKNOWN_ID, type ApiContext } from '../../test/http.ts';

let ctx: ApiContext;
let t: TestTenant;
let consumer: { id: string };
let company: { id: string };

beforeAll(async () => {
  ctx = await openApiContext();
  t = ctx.t;
  consumer = await createTestDebtor(ctx.db, t, { firstName: 'Giulia', lastName: 'Conti' });
  company = await createTestDebtor(ctx.db, t, { kind: 'company', companyName: 'Gamma S.p.A.', taxCode: undefined, firstName: undefined, lastName: undefined });
});
afterAll(async () => {
  await ctx.app.close();
});

const counts = () => snapshotCounts(ctx.db, t.tenantId, ['claims', 'audit_events']);

/** A valid create body; override any field. */
const claimBody = (overrides: Record<string, unknown> = {}) => ({
  creditorId: t.creditor.id,
  debtorId: consumer.id,
  externalRef: `FT-${uniq()}`,
  kind: 'invoice',
  principal: '100.00',
  currency: 'EUR',
  dueDate: '2025-06-30',
  ...overrides,
});

const post = (payload: Record<string, unknown>, client = ctx.admin) => client({ method: 'POST', url: '/api/claims', payload });

describe('claims API', () => {
  it('requires a session on every route', async () => {
    const c = await createTestClaim(ctx.db, t, consumer.id);
    for (const [method, url] of [
      ['GET', '/api/claims'],
      ['POST', '/api/claims'],
      ['GET', `/api/claims/${c.id}`],
      ['PATCH', `/api/claims/${c.id}`],
    ] as const) {
      const res = await ctx.app.inject({ method, url, payload: method === 'GET' ? undefined : claimBody() });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
  });

  it('creates a claim with exact amounts and dates', async () => {
    const ref = `FT-2026/${uniq()}`;
    const res = await post(
      claimBody({ externalRef: ` ${ref} `, principal: '1234.5', issueDate: '2024-02-29', dueDate: '2026-02-28', description: ' Fornitura ' }),
      ctx.operator,
    );
    expect(res.statusCode).toBe(201);
    const c = res.json();
    // What it owes today, stored with the claim: the engine's total for a consumer at the legal rate.
    const engine = computeStatement(await currentRateBook(ctx.db), { principal: '1234.50', due: '2026-02-28', paid: today().toString(), regime: 'it-legal', debtorKind: 'consumer' });
    expect(c).toEqual({
      id: expect.any(String),
      creditorId: t.creditor.id,
      creditorName: t.creditor.name,
      debtorId: consumer.id,
      debtorName: 'Conti Giulia',
      externalRef: ref,
      kind: 'invoice',
      description: 'Fornitura',
      principal: '1234.50',
      principalPaid: '0.00',
      interestPaid: '0.00',
      costsPaid: '0.00',
      totalPaid: '0.00',
      totalDue: engine.totalDue,
      balanceOn: today().toString(),
      currency: 'EUR',
      issueDate: '2024-02-29',
      dueDate: '2026-02-28',
      contractDate: null,
      taxYear: null,
      jurisdiction: 'IT',
      interestRegime: null,
      judicialClaimDate: null,
      interestRate: null,
      interestBase: null,
      interestSpread: null,
      dayCount: 'act365',
      status: 'open',
      stage: 'none',
      nextActionOn: null,
      closedOn: null,
      act: null,
      noticeCode: null,
      // A company's claim: one principal component, accruing interest.
      components: [
        { id: expect.any(String), position: 1, kind: 'principal', amount: '1234.50', accruesInterest: true, paid: '0.00', waived: '0.00', due: '1234.50', tributeCode: null },
      ],
      version: 1,
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      updatedAt: c.createdAt,
      balance: expect.objectContaining({ regime: 'it-legal', regimeIsDefault: true, principalDue: '1234.50', problem: null }),
    });
    // Interest as of a given day: a consumer's invoice runs at the legal rate (1.6 % in 2026), 92 days.
    const detail = await ctx.operator({ method: 'GET', url: `/api/claims/${c.id}?asOf=2026-05-31` });
    expect(detail.json()).toEqual({
      ...c,
      balance: {
        asOf: '2026-05-31',
        regime: 'it-legal',
        regimeIsDefault: true,
        interest: '4.98',
        interestDue: '4.98',
        costs: '0.00',
        costsDue: '0.00',
        principalDue: '1234.50',
        totalDue: '1239.48',
        ratesKnownUntil: null,
        problem: null,
      },
      allocations: [],
      costs: [],
    });
    const row = await ctx.db.selectFrom('claims').select(['principal', 'due_date', 'tenant_id']).where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ principal: '1234.50', due_date: '2026-02-28', tenant_id: t.tenantId });
    expect(await auditOf(ctx.db, t.tenantId, c.id)).toEqual([
      expect.objectContaining({
        action: 'claim.created',
        debtor_id: consumer.id,
        creditor_id: t.creditor.id,
        after: Object.fromEntries(Object.entries(c).filter(([k]) => k !== 'balance')),
      }),
    ]);
    // Largest amount accepted (MAX_AMOUNT); a tax claim with its year.
    const big = await post(claimBody({ principal: '999999999.99', kind: 'imu', taxYear: 2023, currency: 'CHF', jurisdiction: 'CH' }));
    expect(big.json()).toMatchObject({ principal: '999999999.99', balance: { principalDue: '999999999.99' }, taxYear: 2023, currency: 'CHF', jurisdiction: 'CH' });
  });

  it('refuses impossible dates, inexact amounts and unknown currencies with a specific message, writing nothing', async () => {
    const before = await counts();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ dueDate: '2026-02-30' }, 'dueDate', 'La data 2026-02-30 non esiste nel calendario'],
      [{ dueDate: '2025-13-01' }, 'dueDate', 'non esiste'],
      [{ dueDate: '30/06/2025' }, 'dueDate', 'AAAA-MM-GG'],
      [{ dueDate: '0202-06-30' }, 'dueDate', 'fuori intervallo'],
      [{ dueDate: undefined }, 'dueDate', 'AAAA-MM-GG'],
      [{ principal: '12.345' }, 'principal', 'più di 2 decimali'],
      [{ principal: '1e3' }, 'principal', 'esponenziale'],
      [{ principal: '1E3' }, 'principal', 'notazione esponenziale'],
      [{ principal: '1234,56' }, 'principal', 'punto come separatore'],
      [{ principal: '-10.00' }, 'principal', 'positivo'],
      [{ principal: '0.00' }, 'principal', 'maggiore di zero'],
      [{ principal: 1000 }, 'principal', 'come stringa'],
      [{ principal: '12345678901234' }, 'principal', 'formato atteso'],
      [{ principal: '1000000000.00' }, 'principal', 'Importo oltre il massimo ammesso di 999.999.999,99'],
      [{ currency: 'USD' }, 'currency', 'Valuta non supportata: ammesse EUR, CHF'],
      [{ currency: 'eur' }, 'currency', 'Valuta non supportata'],
      [{ externalRef: '  ' }, 'externalRef', 'Campo obbligatorio'],
      [{ kind: 'loan' }, 'kind', ''],
      [{ issueDate: '2025-07-01', dueDate: '2025-06-30' }, 'dueDate', 'precede la data di emissione'],
      [{ taxYear: 1800 }, 'taxYear', ''],
      [{ creditorId: 'nope' }, 'creditorId', 'Identificativo non valido'],
      [{ status: 'paid' }, 'status', 'deriva dai pagamenti'],
      [{ status: 'partially_paid' }, 'status', 'deriva dai pagamenti'],
      [{ principalPaid: '10.00' }, 'principalPaid', 'Campo sconosciuto'],
    ];
    for (const [overrides, path, text] of cases) {
      const res = await post(claimBody(overrides));
      expect(res.statusCode, JSON.stringify(overrides)).toBe(400);
      expect(res.json().error.code).toBe('validation');
      expect(messageFor(res, path)).toContain(text);
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses the commercial rate on a consumer, but not on a company', async () => {
    const before = await counts();
    const res = await post(claimBody({ interestRegime: 'it-commercial' }));
    expect(res.statusCode).toBe(400);
    expect(pathsOf(res)).toEqual(['interestRegime']);
    expect(messageFor(res, 'interestRegime')).toContain('D.Lgs. 231/2002');
    expect((await post(claimBody({ interestRegime: 'de-business' }))).statusCode).toBe(400);
    expect(await counts()).toEqual(before);
    const ok = await post(claimBody({ debtorId: company.id, interestRegime: 'it-commercial', contractDate: '2012-12-31' }));
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ interestRegime: 'it-commercial', contractDate: '2012-12-31', debtorName: 'Gamma S.p.A.' });
    // And later on: a consumer's claim cannot be switched to it either.
    const mine = (await post(claimBody())).json();
    const patch = await ctx.admin({ method: 'PATCH', url: `/api/claims/${mine.id}`, payload: { interestRegime: 'fr-commercial' } });
    expect(patch.statusCode).toBe(400);
    expect(pathsOf(patch)).toEqual(['interestRegime']);
  });

  it('refuses a reference already used by the same creditor with 409, but not by another creditor', async () => {
    const ref = `DUP-${uniq()}`;
    expect((await post(claimBody({ externalRef: ref }))).statusCode).toBe(201);
    const before = await counts();
    const dup = await post(claimBody({ externalRef: ref, debtorId: company.id }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'conflict' });
    expect(dup.json().error.message).toContain(ref);
    expect(await counts()).toEqual(before);
    expect((await post(claimBody({ externalRef: ref, creditorId: t.otherCreditor.id }))).statusCode).toBe(201);
    // Renaming another claim onto the reference is refused too.
    const second = (await post(claimBody())).json();
    const rename = await ctx.admin({ method: 'PATCH', url: `/api/claims/${second.id}`, payload: { externalRef: ref } });
    expect(rename.statusCode).toBe(409);
  });

  it('refuses another tenant’s creditor or debtor in the body with 400 on that field', async () => {
    const before = await counts();
    const foreignDebtor = await createTestDebtor(ctx.db, ctx.other);
    const r1 = await post(claimBody({ creditorId: ctx.other.creditor.id }));
    expect(r1.statusCode).toBe(400);
    expect(messageFor(r1, 'creditorId')).toContain('Mandante inesistente');
    const r2 = await post(claimBody({ debtorId: foreignDebtor.id }));
    expect(r2.statusCode).toBe(400);
    expect(messageFor(r2, 'debtorId')).toContain('Debitore inesistente');
    expect(await counts()).toEqual(before);
  });

  it('updates stage and status with an audit trail, and closes a written-off claim', async () => {
    const c = (await post(claimBody({ principal: '500' }))).json();
    const res = await ctx.operator({
      method: 'PATCH',
      url: `/api/claims/${c.id}`,
      payload: { stage: 'soft', nextActionOn: '2025-07-15', description: 'Sollecito inviato', version: 1 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ stage: 'soft', nextActionOn: '2025-07-15', description: 'Sollecito inviato', status: 'open', version: 2 });

    const disputed = await ctx.operator({ method: 'PATCH', url: `/api/claims/${c.id}`, payload: { status: 'disputed' } });
    expect(disputed.json()).toMatchObject({ status: 'disputed', closedOn: null, version: 3 });
    const written = await ctx.supervisor({ method: 'PATCH', url: `/api/claims/${c.id}`, payload: { status: 'written_off', principal: '450.5' } });
    expect(written.json()).toMatchObject({ status: 'written_off', closedOn: today().toString(), principal: '450.50', balance: expect.objectContaining({ principalDue: '450.50' }), version: 4 });

    const audit = await auditOf(ctx.db, t.tenantId, c.id);
    expect(audit.map((a) => [a.action, a.before, a.after])).toEqual([
      ['claim.created', null, expect.objectContaining({ principal: '500.00' })],
      [
        'claim.updated',
        { stage: 'none', nextActionOn: null, description: null },
        { stage: 'soft', nextActionOn: '2025-07-15', description: 'Sollecito inviato' },
      ],
      ['claim.status_changed', { status: 'open' }, { status: 'disputed' }],
      ['claim.status_changed', { status: 'disputed', principal: '500.00' }, { status: 'written_off', principal: '450.50' }],
    ]);
    expect(audit.every((a) => a.creditor_id === t.creditor.id && a.debtor_id === consumer.id)).toBe(true);

    const stale = await ctx.operator({ method: 'PATCH', url: `/api/claims/${c.id}`, payload: { stage: 'formal', version: 2 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain('versione 4, non 2');
  });

  it('refuses a bad update with field messages and changes nothing', async () => {
    const c = (await post(claimBody({ issueDate: '2025-01-01', dueDate: '2025-01-31' }))).json();
    // 40.00 paid ten days late: 0.05 of legal interest (2 % in 2025) first, 39.95 of principal; the
    // principal may not drop below what was paid on it.
    const pay = await ctx.admin({
      method: 'POST',
      url: '/api/payments',
      payload: { debtorId: consumer.id, creditorId: t.creditor.id, amount: '40', currency: 'EUR', valueDate: '2025-02-10', method: 'cash', claimIds: [c.id] },
    });
    expect(pay.statusCode).toBe(201);
    const current = (await ctx.admin({ method: 'GET', url: `/api/claims/${c.id}` })).json();
    expect(current).toMatchObject({ status: 'partially_paid', principalPaid: '39.95', interestPaid: '0.05', balance: expect.objectContaining({ principalDue: '60.05' }), version: 2 });
    const before = await counts();
    for (const [payload, path, text] of [
      [{ status: 'paid' }, 'status', 'deriva dai pagamenti'],
      [{ principal: '12.345' }, 'principal', 'più di 2 decimali'],
      [{ principal: '1e3' }, 'principal', 'esponenziale'],
      [{ principal: '39.94' }, 'principal', 'inferiore a quanto già pagato (39,95)'],
      [{ currency: 'GBP' }, 'currency', 'Valuta non supportata'],
      // The 40.00 were paid in EUR: switching the claim to CHF would mix currencies.
      [{ currency: 'CHF' }, 'currency', 'pagamenti'],
      [{ dueDate: '2026-02-30' }, 'dueDate', 'non esiste'],
      // Checked against the issue date already recorded.
      [{ dueDate: '2024-12-31' }, 'dueDate', 'precede la data di emissione'],
      // A claim with payments cannot be typed back to "open".
      [{ status: 'open' }, 'status', 'non può tornare'],
      // Unknown fields are named, in the user's language.
      [{ principalPaid: '100.00' }, 'principalPaid', 'Campo sconosciuto'],
      [{ creditorId: t.otherCreditor.id }, 'creditorId', 'Campo sconosciuto'],
    ] as const) {
      const res = await ctx.admin({ method: 'PATCH', url: `/api/claims/${c.id}`, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(messageFor(res, path)).toContain(text);
    }
    expect(await counts()).toEqual(before);
    expect((await ctx.admin({ method: 'GET', url: `/api/claims/${c.id}` })).json()).toEqual(current);
  });

  it('lists with filters and sorting, exact totals', async () => {
    const d = await createTestDebtor(ctx.db, t, { lastName: `Elenco${uniq()}` });
    const a = (await post(claimBody({ debtorId: d.id, principal: '300', dueDate: '2025-03-31', externalRef: 'L-A' }))).json();
    const b = (await post(claimBody({ debtorId: d.id, principal: '100', dueDate: '2025-01-31', externalRef: 'L-B', currency: 'CHF' }))).json();
    const c = (await post(claimBody({ debtorId: d.id, principal: '200', dueDate: '2025-02-28', externalRef: 'L-C', kind: 'tari' }))).json();
    await ctx.admin({ method: 'PATCH', url: `/api/claims/${c.id}`, payload: { status: 'disputed' } });
    const ids = async (query: string) => {
      const res = await ctx.admin({ method: 'GET', url: `/api/claims?debtorId=${d.id}&${query}` });
      expect(res.statusCode, query).toBe(200);
      return res.json().items.map((x: { id: string }) => x.id);
    };
    expect(await ids('')).toEqual([b.id, c.id, a.id]);
    expect(await ids('sort=principal&order=desc')).toEqual([a.id, c.id, b.id]);
    // By what each owes today (principal, interest, costs), from the stored balances.
    expect(await ids('sort=totalDue&order=desc')).toEqual([a.id, c.id, b.id]);
    expect(await ids('sort=totalDue&order=asc&open=true')).toEqual([b.id, c.id, a.id]);
    expect(await ids('currency=EUR')).toEqual([c.id, a.id]);
    expect(await ids('status=open,disputed&kind=invoice')).toEqual([b.id, a.id]);
    expect(await ids('status=disputed')).toEqual([c.id]);
    // Status filters read the balance row's status too (migration 0059): the same answers.
    expect(await ids('status=disputed&sort=totalDue&order=desc')).toEqual([c.id]);
    expect(await ids('status=disputed&open=true')).toEqual([c.id]);
    expect(await ids('status=disputed&open=false')).toEqual([]);
    expect(await ids('open=false')).toEqual([]);
    expect(await ids('status=paid,written_off')).toEqual([]);
    expect(await ids('dueFrom=2025-02-01&dueTo=2025-03-31')).toEqual([c.id, a.id]);
    expect(await ids('q=l-c')).toEqual([c.id]);
    // A search finds its matches first, then sorts and pages them: the same orders as browsing.
    const tag = d.displayName.slice(0, 12);
    expect(await ids(`q=${tag}`)).toEqual([b.id, c.id, a.id]);
    expect(await ids(`q=${tag}&sort=principal&order=desc`)).toEqual([a.id, c.id, b.id]);
    expect(await ids(`q=${tag}&sort=totalDue&order=desc`)).toEqual([a.id, c.id, b.id]);
    expect(await ids(`q=${tag}&sort=totalDue&order=asc&open=true`)).toEqual([b.id, c.id, a.id]);
    expect(await ids(`q=${tag}&sort=externalRef&order=desc`)).toEqual([c.id, b.id, a.id]);
    expect(await ids(`q=${tag}&sort=debtorName`)).toHaveLength(3);
    expect(await ids(`q=${tag}&currency=EUR`)).toEqual([c.id, a.id]);
    const searched = await ctx.admin({ method: 'GET', url: `/api/claims?q=${tag}&pageSize=2&page=2` });
    expect(searched.json()).toMatchObject({ total: 3, page: 2, pageSize: 2, items: [{ id: a.id, debtorName: d.displayName, balance: { principalDue: '300.00' } }] });
    expect((await ctx.admin({ method: 'GET', url: `/api/claims?q=${tag}&pageSize=2&page=3` })).json()).toMatchObject({ total: 3, items: [] });
    const page = await ctx.admin({ method: 'GET', url: `/api/claims?debtorId=${d.id}&pageSize=2&page=2` });
    expect(page.json()).toMatchObject({ total: 3, page: 2, pageSize: 2, items: [{ id: a.id, balance: { principalDue: '300.00' } }] });

    const bad = await ctx.admin({ method: 'GET', url: '/api/claims?status=paid,lost&dueFrom=2026-02-30&currency=USD&sort=amount' });
    expect(bad.statusCode).toBe(400);
    expect(pathsOf(bad).map((p) => p.replace(/\.\d+$/, '')).sort()).toEqual(['query.currency', 'query.dueFrom', 'query.sort', 'query.status']);
  });

  it('shows a viewer only its creditor’s claims and refuses its writes with 403', async () => {
    const d = await createTestDebtor(ctx.db, t, { lastName: `Vista${uniq()}` });
    const mine = (await post(claimBody({ debtorId: d.id }))).json();
    const theirs = (await post(claimBody({ debtorId: d.id, creditorId: t.otherCreditor.id }))).json();
    const list = await ctx.viewer({ method: 'GET', url: `/api/claims?debtorId=${d.id}` });
    expect(list.json()).toMatchObject({ total: 1, items: [{ id: mine.id }] });
    const all = await ctx.viewer({ method: 'GET', url: '/api/claims?pageSize=200' });
    expect(all.json().items.every((c: { creditorId: string }) => c.creditorId === t.creditor.id)).toBe(true);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from claims where tenant_id = ${t.tenantId} and creditor_id = ${t.creditor.id}`.execute(ctx.db);
    expect(all.json().total).toBe(rows[0]!.n);
    // A total filtered by status alone comes from the kept sums: the same as counting the claims.
    for (const [query, statuses] of [
      ['open=true', OPEN_STATUSES],
      ['open=false', CLAIM_STATUSES.filter((s) => !OPEN_STATUSES.includes(s))],
      ['status=open,paid&open=true', ['open']],
    ] as const) {
      const { rows: n } = await sql<{ n: number }>`select count(*)::int as n from claims where tenant_id = ${t.tenantId} and creditor_id = ${t.creditor.id} and status = any(${[...statuses]}::text[])`.execute(ctx.db);
      expect((await ctx.viewer({ method: 'GET', url: `/api/claims?${query}&pageSize=1` })).json().total, query).toBe(n[0]!.n);
    }
    expect((await ctx.viewer({ method: 'GET', url: `/api/claims/${mine.id}` })).statusCode).toBe(200);
    expect((await ctx.viewer({ method: 'GET', url: `/api/claims/${theirs.id}` })).statusCode).toBe(404);
    expect((await ctx.viewer({ method: 'GET', url: `/api/claims?creditorId=${t.otherCreditor.id}` })).json().total).toBe(0);
    // A search by the debtor's name finds only the viewer's creditor's claims too.
    expect((await ctx.viewer({ method: 'GET', url: `/api/claims?q=${encodeURIComponent(d.displayName)}` })).json()).toMatchObject({ total: 1, items: [{ id: mine.id }] });

    const before = await counts();
    const create = await post(claimBody({ debtorId: d.id }), ctx.viewer);
    expect(create.statusCode).toBe(403);
    expect(create.json().error.code).toBe('forbidden');
    expect((await ctx.viewer({ method: 'PATCH', url: `/api/claims/${mine.id}`, payload: { stage: 'soft' } })).statusCode).toBe(403);
    expect((await ctx.viewer({ method: 'PATCH', url: `/api/claims/${theirs.id}`, payload: { stage: 'soft' } })).statusCode).toBe(404);
    expect(await counts()).toEqual(before);
    expect((await ctx.admin({ method: 'GET', url: `/api/claims/${mine.id}` })).json()).toMatchObject({ stage: 'none', version: 1 });
  });

  it('answers 404 for another tenant’s claim, and for unknown or malformed ids', async () => {
    const c = (await post(claimBody())).json();
    const before = await counts();
    expect((await ctx.outsider({ method: 'GET', url: `/api/claims/${c.id}` })).statusCode).toBe(404);
    const res = await ctx.outsider({ method: 'PATCH', url: `/api/claims/${c.id}`, payload: { stage: 'legal' } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
    expect((await ctx.outsider({ method: 'GET', url: `/api/claims?debtorId=${consumer.id}` })).json().total).toBe(0);
    for (const id of [UNKNOWN_ID, ...MALFORMED_IDS]) {
      expect((await ctx.admin({ method: 'GET', url: `/api/claims/${id}` })).statusCode, id).toBe(404);
      expect((await ctx.admin({ method: 'PATCH', url: `/api/claims/${id}`, payload: { stage: 'legal' } })).statusCode, id).toBe(404);
    }
    expect(await counts()).toEqual(before);
  });
});
