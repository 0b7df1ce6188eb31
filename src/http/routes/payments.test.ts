import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOf, createTestClaim, createTestDebtor, snapshotCounts, type TestTenant } from '../../test/factories.ts';
import { exportPayments } from '../../usecases/payments/export-payments.ts';
import { MALFORMED_IDS, messageFor, openApiContext, pathsOf, UNKNOWN_ID, type ApiContext, type Client } from '../../test/http.ts';
import { camtXml } from '../../test/camt.ts';
import { pagopaFlowXml } from '../../test/pagopa-flow.ts';
import { noticeCodeAux3 } from '../../domain/municipal/pagopa.ts';

let ctx: ApiContext;
let t: TestTenant;

beforeAll(async () => {
  ctx = await openApiContext();
  t = ctx.t;
});
afterAll(async () => {
  await ctx.app.close();
});

const counts = () => snapshotCounts(ctx.db, t.tenantId, ['payments', 'payment_allocations', 'claims', 'audit_events']);

const pay = (payload: Record<string, unknown>, client = ctx.operator) => client({ method: 'POST', url: '/api/payments', payload });

/** A payment body for a debtor and the viewer's creditor; override any field. */
const payment = (debtorId: string, overrides: Record<string, unknown> = {}) => ({
  debtorId,
  creditorId: t.creditor.id,
  amount: '100.00',
  currency: 'EUR',
  valueDate: '2025-06-15',
  method: 'bank_transfer',
  ...overrides,
});

const claimState = async (id: string) => {
  const c = (await ctx.admin({ method: 'GET', url: `/api/claims/${id}` })).json();
  return { status: c.status, principalPaid: c.principalPaid, principalDue: c.balance.principalDue, closedOn: c.closedOn };
};

describe('payments API', () => {
  it('requires a session on every route', async () => {
    const d = await createTestDebtor(ctx.db, t);
    const p = (await pay(payment(d.id))).json();
    for (const [method, url] of [
      ['GET', '/api/payments'],
      ['POST', '/api/payments'],
      ['GET', `/api/payments/${p.id}`],
      ['PATCH', `/api/payments/${p.id}`],
    ] as const) {
      const res = await ctx.app.inject({ method, url, payload: method === 'GET' ? undefined : payment(d.id) });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
  });

  it('records a payment once per idempotency key, even when the same request arrives twice at once', async () => {
    const d = await createTestDebtor(ctx.db, t, { lastName: 'Ripetuto' });
    const c = await createTestClaim(ctx.db, t, d.id, { interestRegime: 'none', principal: '500.00' });
    const body = payment(d.id, { amount: '120.00', claimIds: [c.id], idempotencyKey: `key-${c.id}` });
    const [a, b] = await Promise.all([pay(body), pay(body)]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(b.json()).toEqual(a.json());
    const again = await pay(body);
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(a.json().id);
    expect(await claimState(c.id)).toMatchObject({ principalPaid: '120.00', principalDue: '380.00' });
    const listed = (await ctx.admin({ method: 'GET', url: `/api/payments?claimId=${c.id}` })).json();
    expect(listed.total).toBe(1);

    // The same key for other money is a client error, not a second payment.
    const before = await counts();
    const other = await pay({ ...body, amount: '121.00' });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.message).toContain('pagamento diverso');
    expect(await counts()).toEqual(before);
    expect(pathsOf(await pay({ ...body, idempotencyKey: 'short' }))).toEqual(['idempotencyKey']);
  });

  it('applies a payment to the oldest due claims first, with exact amounts and statuses', async () => {
    const d = await createTestDebtor(ctx.db, t, { lastName: 'Pagante' });
    // Created in the opposite order of their due dates, so only the due date can explain the order.
    const later = await createTestClaim(ctx.db, t, d.id, { interestRegime: 'none', externalRef: 'P-LATER', principal: '500.00', dueDate: '2025-03-31' });
    const older = await createTestClaim(ctx.db, t, d.id, { interestRegime: 'none', externalRef: 'P-OLDER', principal: '1000.00', dueDate: '2025-01-31' });
    // Never touched: another currency, and another creditor's claim.
    const chf = await createTestClaim(ctx.db, t, d.id, { interestRegime: 'none', principal: '200.00', currency: 'CHF', dueDate: '2024-01-31' });
    const foreign = await createTestClaim(ctx.db, t, d.id, { interestRegime: 'none', principal: '300.00', creditorId: t.otherCreditor.id, dueDate: '2024-01-31' });

    const res = await pay(payment(d.id, { amount: '1200.5', valueDate: '2025-04-10', reference: 'CRO 123', payerName: 'Mario Pagante' }));
    expect(res.statusCode).toBe(201);
    const first = res.json();
    expect(first).toEqual({
      id: expect.any(String),
      creditorId: t.creditor.id,
      creditorName: t.creditor.name,
      debtorId: d.id,
      debtorName: 'Pagante Mario',
      amount: '1200.50',
      unallocated: '0.00',
      currency: 'EUR',
      valueDate: '2025-04-10',
      method: 'bank_transfer',
      reference: 'CRO 123',
      payerName: 'Mario Pagante',
      note: null,
      reversedAt: null,
      version: 1,
      createdAt: expect.any(String),
      allocations: [
        { claimId: older.id, externalRef: 'P-OLDER', component: 'principal', amount: '1000.00' },
        { claimId: later.id, externalRef: 'P-LATER', component: 'principal', amount: '200.50' },
      ],
    });
    expect(await claimState(older.id)).toEqual({ status: 'paid', principalPaid: '1000.00', principalDue: '0.00', closedOn: '2025-04-10' });
    expect(await claimState(later.id)).toEqual({ status: 'partially_paid', principalPaid: '200.50', principalDue: '299.50', closedOn: null });
    expect(await claimState(chf.id)).toEqual({ status: 'open', principalPaid: '0.00', principalDue: '200.00', closedOn: null });
    expect(await claimState(foreign.id)).toEqual({ status: 'open', principalPaid: '0.00', principalDue: '300.00', closedOn: null });

    // The second payment finds only what is still open; the remainder stays on the payment.
    const second = (await pay(payment(d.id, { amount: '400', valueDate: '2025-05-02', method: 'pagopa' }))).json();
    expect(second).toMatchObject({ amount: '400.00', unallocated: '100.50', allocations: [{ claimId: later.id, amount: '299.50' }] });
    expect(await claimState(later.id)).toEqual({ status: 'paid', principalPaid: '500.00', principalDue: '0.00', closedOn: '2025-05-02' });

    const detail = (await ctx.admin({ method: 'GET', url: `/api/claims/${later.id}` })).json();
    expect(detail.allocations).toEqual([
      { paymentId: first.id, valueDate: '2025-04-10', method: 'bank_transfer', reference: 'CRO 123', component: 'principal', amount: '200.50', reversed: false },
      { paymentId: second.id, valueDate: '2025-05-02', method: 'pagopa', reference: null, component: 'principal', amount: '299.50', reversed: false },
    ]);
    expect((await ctx.admin({ method: 'GET', url: `/api/payments/${first.id}` })).json()).toEqual(first);

    const audit = await auditOf(ctx.db, t.tenantId, later.id);
    expect(audit.map((a) => [a.action, a.before, a.after])).toEqual([
      ['claim.created', null, expect.anything()],
      [
        'claim.payment_applied',
        { principalPaid: '0.00', interestPaid: '0.00', costsPaid: '0.00', status: 'open' },
        { principalPaid: '200.50', interestPaid: '0.00', costsPaid: '0.00', status: 'partially_paid', paymentId: first.id, allocated: '200.50', split: { principal: '200.50' } },
      ],
      [
        'claim.payment_applied',
        { principalPaid: '200.50', interestPaid: '0.00', costsPaid: '0.00', status: 'partially_paid' },
        { principalPaid: '500.00', interestPaid: '0.00', costsPaid: '0.00', status: 'paid', paymentId: second.id, allocated: '299.50', split: { principal: '299.50' } },
      ],
    ]);
    expect((await auditOf(ctx.db, t.tenantId, first.id)).map((a) => a.action)).toEqual(['payment.recorded']);

    // A debtor with nothing open: the whole amount stays unallocated.
    const third = (await pay(payment(d.id, { amount: '50.00' }))).json();
    expect(third).toMatchObject({ amount: '50.00', unallocated: '50.00', allocations: [] });
  });

  it('follows an explicit split, or restricts the automatic one to the claims given', async () => {
    const d = await createTestDebtor(ctx.db, t);
    const a = await createTestClaim(ctx.db, t, d.id, { interestRegime: 'none', principal: '100.00', dueDate: '2025-01-31' });
    const b = await createTestClaim(ctx.db, t, d.id, { interestRegime: 'none', principal: '100.00', dueDate: '2025-02-28' });
    const c = await createTestClaim(ctx.db, t, d.id, { interestRegime: 'none', principal: '100.00', dueDate: '2025-03-31' });
    const split = await pay(payment(d.id, { amount: '90.00', allocations: [{ claimId: c.id, amount: '60' }, { claimId: a.id, amount: '10.01' }] }));
    expect(split.statusCode).toBe(201);
    expect(split.json()).toMatchObject({ unallocated: '19.99' });
    expect(split.json().allocations.map((x: { claimId: string; amount: string }) => [x.claimId, x.amount])).toEqual([
      [a.id, '10.01'],
      [c.id, '60.00'],
    ]);
    expect(await claimState(c.id)).toMatchObject({ status: 'partially_paid', principalPaid: '60.00' });
    expect(await claimState(b.id)).toMatchObject({ status: 'open', principalPaid: '0.00' });

    const restricted = await pay(payment(d.id, { amount: '150.00', claimIds: [c.id, b.id] }));
    expect(restricted.json().allocations.map((x: { claimId: string; amount: string }) => [x.claimId, x.amount])).toEqual([
      [b.id, '100.00'],
      [c.id, '40.00'],
    ]);
    expect(restricted.json().unallocated).toBe('10.00');
    expect(await claimState(a.id)).toMatchObject({ principalPaid: '10.01', status: 'partially_paid' });
  });

  it('refuses splits beyond what is owed or paid, repeated claims, other currencies and other creditors, writing nothing', async () => {
    const d = await createTestDebtor(ctx.db, t);
    const eur = await createTestClaim(ctx.db, t, d.id, { interestRegime: 'none', principal: '100.00' });
    const chf = await createTestClaim(ctx.db, t, d.id, { interestRegime: 'none', principal: '100.00', currency: 'CHF' });
    const foreign = await createTestClaim(ctx.db, t, d.id, { interestRegime: 'none', principal: '100.00', creditorId: t.otherCreditor.id });
    const otherDebtor = await createTestDebtor(ctx.db, t);
    const notHis = await createTestClaim(ctx.db, t, otherDebtor.id, { interestRegime: 'none', principal: '100.00' });
    const before = await counts();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ amount: '200.00', allocations: [{ claimId: eur.id, amount: '100.01' }] }, 'allocations.0.amount', 'Oltre il dovuto della pratica al 15/06/2025 (100,00)'],
      [{ amount: '50.00', allocations: [{ claimId: eur.id, amount: '60.00' }] }, 'allocations', 'superano l’importo'],
      // The same claim twice: each part fits, together they are more than it owes.
      [
        { amount: '120.00', allocations: [{ claimId: eur.id, amount: '60.00' }, { claimId: eur.id, amount: '60.00' }] },
        'allocations.1.claimId',
        'ripetuta',
      ],
      [{ currency: 'CHF', claimIds: [eur.id] }, 'claimIds.0', 'Pratica in EUR, pagamento in CHF'],
      [{ currency: 'EUR', allocations: [{ claimId: chf.id, amount: '10.00' }] }, 'allocations.0.claimId', 'Pratica in CHF, pagamento in EUR'],
      [{ claimIds: [foreign.id] }, 'claimIds.0', 'non di questo debitore e mandante'],
      [{ claimIds: [notHis.id] }, 'claimIds.0', 'non di questo debitore e mandante'],
      [{ claimIds: [UNKNOWN_ID] }, 'claimIds.0', 'non di questo debitore e mandante'],
      [{ claimIds: [eur.id], allocations: [{ claimId: eur.id, amount: '1.00' }] }, 'claimIds', 'non entrambi'],
    ];
    for (const [overrides, path, text] of cases) {
      const res = await pay(payment(d.id, overrides));
      expect(res.statusCode, JSON.stringify(overrides)).toBe(400);
      expect(res.json().error.code).toBe('validation');
      expect(messageFor(res, path)).toContain(text);
    }
    expect(await counts()).toEqual(before);
    expect(await claimState(eur.id)).toEqual({ status: 'open', principalPaid: '0.00', principalDue: '100.00', closedOn: null });
  });

  it('refuses future or impossible value dates, inexact amounts and unknown currencies, writing nothing', async () => {
    const d = await createTestDebtor(ctx.db, t);
    await createTestClaim(ctx.db, t, d.id, { interestRegime: 'none' });
    const before = await counts();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ valueDate: '2199-12-31' }, 'valueDate', 'nel futuro'],
      [{ valueDate: '2026-02-30' }, 'valueDate', 'non esiste'],
      [{ amount: '12.345' }, 'amount', 'più di 2 decimali'],
      [{ amount: '1e3' }, 'amount', 'esponenziale'],
      [{ amount: '0' }, 'amount', 'maggiore di zero'],
      [{ amount: 100 }, 'amount', 'come stringa'],
      [{ currency: 'USD' }, 'currency', 'Valuta non supportata'],
      [{ method: 'bitcoin' }, 'method', ''],
      [{ debtorId: 'nope' }, 'debtorId', 'Identificativo non valido'],
      [{ debtorId: UNKNOWN_ID }, 'debtorId', 'Debitore inesistente'],
      [{ creditorId: ctx.other.creditor.id }, 'creditorId', 'Mandante inesistente'],
      [{ unallocated: '5.00' }, 'unallocated', 'Campo sconosciuto'],
    ];
    for (const [overrides, path, text] of cases) {
      const res = await pay(payment(d.id, overrides));
      expect(res.statusCode, JSON.stringify(overrides)).toBe(400);
      expect(messageFor(res, path)).toContain(text);
    }
    expect(await counts()).toEqual(before);
  });

  it('changes only reference, method, payer and note, with an audit trail', async () => {
    const d = await createTestDebtor(ctx.db, t);
    const claim = await createTestClaim(ctx.db, t, d.id, { interestRegime: 'none', principal: '80.00' });
    const p = (await pay(payment(d.id, { amount: '80.00' }))).json();
    const res = await ctx.operator({
      method: 'PATCH',
      url: `/api/payments/${p.id}`,
      payload: { reference: 'TRN 42', method: 'sepa_direct_debit', payerName: 'Coniuge', note: 'pagato dal coniuge', version: 1 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      ...p,
      reference: 'TRN 42',
      method: 'sepa_direct_debit',
      payerName: 'Coniuge',
      note: 'pagato dal coniuge',
      version: 2,
    });
    const audit = await auditOf(ctx.db, t.tenantId, p.id);
    expect(audit.map((a) => [a.action, a.before, a.after])).toEqual([
      ['payment.recorded', null, expect.objectContaining({ amount: '80.00' })],
      [
        'payment.updated',
        { reference: null, method: 'bank_transfer', payerName: null, note: null },
        { reference: 'TRN 42', method: 'sepa_direct_debit', payerName: 'Coniuge', note: 'pagato dal coniuge' },
      ],
    ]);

    const before = await counts();
    for (const [payload, path, text] of [
      [{ amount: '1.00' }, 'amount', 'Campo sconosciuto'],
      [{ valueDate: '2025-01-01' }, 'valueDate', 'Campo sconosciuto'],
      [{ allocations: [] }, 'allocations', 'Campo sconosciuto'],
      [{ method: 'barter' }, 'method', ''],
      [{ reference: 'x'.repeat(141) }, 'reference', 'Massimo 140'],
    ] as const) {
      const bad = await ctx.operator({ method: 'PATCH', url: `/api/payments/${p.id}`, payload });
      expect(bad.statusCode, JSON.stringify(payload)).toBe(400);
      expect(messageFor(bad, path)).toContain(text);
    }
    const stale = await ctx.operator({ method: 'PATCH', url: `/api/payments/${p.id}`, payload: { note: 'x', version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(await counts()).toEqual(before);
    expect((await ctx.operator({ method: 'GET', url: `/api/payments/${p.id}` })).json()).toEqual(res.json());
    expect(await claimState(claim.id)).toMatchObject({ status: 'paid', principalPaid: '80.00' });
  });

  it('lists with filters, and a viewer only its creditor’s payments', async () => {
    const d = await createTestDebtor(ctx.db, t);
    const mineClaim = await createTestClaim(ctx.db, t, d.id, { interestRegime: 'none', principal: '1000.00' });
    await createTestClaim(ctx.db, t, d.id, { interestRegime: 'none', principal: '1000.00', creditorId: t.otherCreditor.id });
    const p1 = (await pay(payment(d.id, { amount: '10.00', valueDate: '2025-01-10' }))).json();
    const p2 = (await pay(payment(d.id, { amount: '30.00', valueDate: '2025-02-10', reference: 'Rata febbraio' }))).json();
    const p3 = (await pay(payment(d.id, { amount: '20.00', valueDate: '2025-03-10', creditorId: t.otherCreditor.id }))).json();
    const ids = async (query: string, client = ctx.admin) => {
      const res = await client({ method: 'GET', url: `/api/payments?debtorId=${d.id}&${query}` });
      expect(res.statusCode, query).toBe(200);
      return res.json().items.map((x: { id: string }) => x.id);
    };
    expect(await ids('')).toEqual([p3.id, p2.id, p1.id]);
    expect(await ids('order=asc&sort=amount')).toEqual([p1.id, p3.id, p2.id]);
    expect(await ids('from=2025-02-01&to=2025-02-28')).toEqual([p2.id]);
    expect(await ids(`claimId=${mineClaim.id}`)).toEqual([p2.id, p1.id]);
    expect(await ids(`creditorId=${t.otherCreditor.id}`)).toEqual([p3.id]);
    expect(await ids('q=febbraio')).toEqual([p2.id]);

    expect(await ids('', ctx.viewer)).toEqual([p2.id, p1.id]);
    expect((await ctx.viewer({ method: 'GET', url: `/api/payments/${p3.id}` })).statusCode).toBe(404);
    expect((await ctx.viewer({ method: 'GET', url: `/api/payments/${p1.id}` })).json()).toEqual(p1);
    const bad = await ctx.admin({ method: 'GET', url: '/api/payments?from=2026-02-30&claimId=nope' });
    expect(bad.statusCode).toBe(400);
    expect(pathsOf(bad).sort()).toEqual(['query.claimId', 'query.from']);
  });

  it('filters by method and reversal, with the totals of the whole filtered set per currency', async () => {
    const d = await createTestDebtor(ctx.db, t, { lastName: 'Totali' });
    await createTestClaim(ctx.db, t, d.id, { interestRegime: 'none', principal: '1000.00' });
    const cash = (await pay(payment(d.id, { amount: '10.10', valueDate: '2025-01-10', method: 'cash' }))).json();
    const wire = (await pay(payment(d.id, { amount: '0.20', valueDate: '2025-01-11' }))).json();
    const back = (await pay(payment(d.id, { amount: '100.05', valueDate: '2025-01-12' }))).json();
    expect((await ctx.supervisor({ method: 'POST', url: `/api/payments/${back.id}/reverse`, payload: { reason: 'Assegno insoluto' } })).statusCode).toBe(200);
    const list = async (query: string, pageSize = 1) => {
      const res = await ctx.admin({ method: 'GET', url: `/api/payments?debtorId=${d.id}&pageSize=${pageSize}&${query}` });
      expect(res.statusCode, query).toBe(200);
      return res.json();
    };
    const all = await list('');
    expect(all.items.map((x: { id: string }) => x.id)).toEqual([back.id]);
    expect(all.total).toBe(3);
    expect(all.totals).toEqual([{ currency: 'EUR', count: 3, amount: '110.35', reversedAmount: '100.05' }]);
    const ids = async (query: string) => (await list(query, 10)).items.map((x: { id: string }) => x.id);
    expect(await ids('method=cash')).toEqual([cash.id]);
    expect(await ids('reversed=true')).toEqual([back.id]);
    expect(await ids('reversed=false')).toEqual([wire.id, cash.id]);
    expect((await list('reversed=false')).totals).toEqual([{ currency: 'EUR', count: 2, amount: '10.30', reversedAmount: '0.00' }]);
    expect((await list('method=card')).totals).toEqual([]);
    const bad = await ctx.admin({ method: 'GET', url: '/api/payments?method=bitcoin&reversed=maybe' });
    expect(bad.statusCode).toBe(400);
    expect(pathsOf(bad).sort()).toEqual(['query.method', 'query.reversed']);
  });

  it('exports the filtered payments as CSV: exact amounts, formulas neutralised, headers in the asked language, only the viewer’s creditor', async () => {
    const d = await createTestDebtor(ctx.db, t, { lastName: 'Esportato' });
    await createTestClaim(ctx.db, t, d.id, { interestRegime: 'none', principal: '1000.00' });
    await createTestClaim(ctx.db, t, d.id, { interestRegime: 'none', principal: '1000.00', creditorId: t.otherCreditor.id });
    const a = (await pay(payment(d.id, { amount: '1234.50', valueDate: '2025-02-01', payerName: '=HYPERLINK("http://x")', reference: 'Rata; 1' }))).json();
    const b = (await pay(payment(d.id, { amount: '0.10', valueDate: '2025-03-01', creditorId: t.otherCreditor.id }))).json();
    await ctx.supervisor({ method: 'POST', url: `/api/payments/${b.id}/reverse`, payload: { reason: 'Addebito respinto' } });
    const res = await ctx.admin({ method: 'GET', url: `/api/payments/export.csv?debtorId=${d.id}&lang=en` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="pagamenti.csv"');
    const lines = res.body.split('\r\n');
    expect(lines[0]).toBe('\ufeffvalue date;amount;currency;creditor;debtor;method;reference;payer;reversed on;reversal reason;source;bank file;payment id');
    expect(lines[1]).toBe(`2025-02-01;1234.50;EUR;${t.creditor.name};${a.debtorName};bank_transfer;"Rata; 1";"'=HYPERLINK(""http://x"")";;;manual;;${a.id}`);
    expect(lines[2]).toMatch(new RegExp(`^2025-03-01;0\\.10;EUR;${t.otherCreditor.name};.*;\\d{4}-\\d{2}-\\d{2};Addebito respinto;manual;;${b.id}$`));
    expect(lines.slice(3)).toEqual(['']);
    // The same filters as the list; Italian headers by default; a viewer exports its creditor only.
    const it = await ctx.admin({ method: 'GET', url: `/api/payments/export.csv?debtorId=${d.id}&reversed=true` });
    expect(it.body.split('\r\n')[0]).toMatch(/^\ufeffdata valuta;importo;/);
    expect(it.body.split('\r\n').slice(1, -1).map((l) => l.split(';').at(-1))).toEqual([b.id]);
    const viewer = await ctx.viewer({ method: 'GET', url: `/api/payments/export.csv?debtorId=${d.id}` });
    expect(viewer.body.split('\r\n').slice(1, -1).map((l) => l.split(';').at(-1))).toEqual([a.id]);
    expect((await ctx.admin({ method: 'GET', url: '/api/payments/export.csv?from=2025-02-30' })).statusCode).toBe(400);
    // Read in batches by (value date, id): a batch of one gives the same file, every payment once.
    const all: string[] = [];
    for await (const line of exportPayments(ctx.db, t.users.admin.actor, { debtorId: d.id }, 'en', { batch: 1 })) all.push(line);
    expect(all.join('')).toBe(res.body);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/payments/export.csv' })).statusCode).toBe(401);
  });

  it('refuses a viewer’s writes with 403 and writes nothing', async () => {
    const d = await createTestDebtor(ctx.db, t);
    await createTestClaim(ctx.db, t, d.id, { interestRegime: 'none' });
    const p = (await pay(payment(d.id, { amount: '10.00' }))).json();
    const theirs = (await pay(payment(d.id, { amount: '10.00', creditorId: t.otherCreditor.id }))).json();
    const before = await counts();
    const create = await pay(payment(d.id), ctx.viewer);
    expect(create.statusCode).toBe(403);
    expect(create.json().error.code).toBe('forbidden');
    expect((await ctx.viewer({ method: 'PATCH', url: `/api/payments/${p.id}`, payload: { note: 'dal viewer' } })).statusCode).toBe(403);
    expect((await ctx.viewer({ method: 'PATCH', url: `/api/payments/${theirs.id}`, payload: { note: 'dal viewer' } })).statusCode).toBe(404);
    expect(await counts()).toEqual(before);
    expect((await ctx.admin({ method: 'GET', url: `/api/payments/${p.id}` })).json()).toEqual(p);
  });

  it('answers 404 for another tenant’s payment, and for unknown or malformed ids', async () => {
    const d = await createTestDebtor(ctx.db, t);
    const p = (await pay(payment(d.id))).json();
    const before = await counts();
    expect((await ctx.outsider({ method: 'GET', url: `/api/payments/${p.id}` })).statusCode).toBe(404);
    const res = await ctx.outsider({ method: 'PATCH', url: `/api/payments/${p.id}`, payload: { note: 'presa' } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
    expect((await ctx.outsider({ method: 'GET', url: `/api/payments?debtorId=${d.id}` })).json().total).toBe(0);
    // Recording against another tenant's debtor and creditor names neither.
    const foreign = await ctx.outsider({ method: 'POST', url: '/api/payments', payload: payment(d.id) });
    expect(foreign.statusCode).toBe(400);
    expect(pathsOf(foreign)).toEqual(['debtorId']);
    for (const id of [UNKNOWN_ID, ...MALFORMED_IDS]) {
      expect((await ctx.admin({ method: 'GET', url: `/api/payments/${id}` })).statusCode, id).toBe(404);
      expect((await ctx.admin({ method: 'PATCH', url: `/api/payments/${id}`, payload: { note: 'x' } })).statusCode, id).toBe(404);
    }
    expect(await counts()).toEqual(before);
  });
});

describe('value dates of payments', () => {
  it('refuses implausibly old value dates (1900-01-01), writing nothing', async () => {
    const d = await createTestDebtor(ctx.db, t);
    await createTestClaim(ctx.db, t, d.id, { interestRegime: 'none' });
    const before = await counts();
    for (const valueDate of ['1900-01-01', '1990-06-30']) {
      const res = await pay(payment(d.id, { valueDate }));
      expect(res.statusCode, valueDate).toBe(400);
      expect(messageFor(res, 'valueDate'), valueDate).toMatch(/^Data valuta troppo vecchia: non prima del \d{2}\/\d{2}\/\d{4}$/);
      expect(res.json().error.fields[0], valueDate).toMatchObject({ messageCode: 'records.value_date_too_old', params: { date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) } });
    }
    const inEnglish = await ctx.admin({ method: 'POST', url: '/api/payments', payload: payment(d.id, { valueDate: '1900-01-01' }), headers: { 'accept-language': 'en' } });
    expect(messageFor(inEnglish, 'valueDate')).toMatch(/^Value date implausibly old: not before \d{2}\/\d{2}\/\d{4}$/);
    expect(await counts()).toEqual(before);
  });

  it('refuses a value date before the claim existed (its document or contract date)', async () => {
    const d = await createTestDebtor(ctx.db, t);
    const c = await createTestClaim(ctx.db, t, d.id, { interestRegime: 'none', externalRef: 'ORIG-1', issueDate: '2025-01-10', dueDate: '2025-02-10' });
    const before = await counts();
    const named = await pay(payment(d.id, { valueDate: '2025-01-09', claimIds: [c.id] }));
    expect(named.statusCode).toBe(400);
    expect(messageFor(named, 'claimIds.0')).toBe('Data valuta 09/01/2025 anteriore alla pratica ORIG-1 (del 10/01/2025)');
    const split = await pay(payment(d.id, { valueDate: '2025-01-09', allocations: [{ claimId: c.id, amount: '10.00' }] }));
    expect(messageFor(split, 'allocations.0.claimId')).toContain('anteriore alla pratica ORIG-1');
    const automatic = await pay(payment(d.id, { valueDate: '2024-12-31' }));
    expect(automatic.statusCode).toBe(400);
    expect(messageFor(automatic, 'valueDate')).toBe('Data valuta anteriore a ogni pratica aperta (la prima nasce il 10/01/2025)');
    expect(automatic.json().error.fields[0]).toMatchObject({ messageCode: 'records.value_date_before_claims', params: { date: '2025-01-10' } });
    expect(await counts()).toEqual(before);
    // On the document date itself, and after, the money goes to the claim.
    const ok = await pay(payment(d.id, { valueDate: '2025-01-10', amount: '10.00' }));
    expect(ok.statusCode).toBe(201);
    expect(await claimState(c.id)).toMatchObject({ principalPaid: '10.00' });
  });

  it('gives automatic payments only to claims that existed on the value date', async () => {
    const d = await createTestDebtor(ctx.db, t);
    const old = await createTestClaim(ctx.db, t, d.id, { interestRegime: 'none', issueDate: '2024-01-10', dueDate: '2025-03-31', principal: '50.00' });
    // Falls due earlier, so the oldest-due-first order would pick it, but it did not exist on 2024-06-01.
    const later = await createTestClaim(ctx.db, t, d.id, { interestRegime: 'none', contractDate: '2024-09-01', dueDate: '2024-10-01', principal: '50.00' });
    const res = await pay(payment(d.id, { valueDate: '2024-06-01', amount: '20.00' }));
    expect(res.statusCode).toBe(201);
    expect(await claimState(old.id)).toMatchObject({ principalPaid: '20.00' });
    expect(await claimState(later.id)).toMatchObject({ principalPaid: '0.00' });
  });
});

describe('payments by how the money came in', () => {
  /** Uploads a bank file as the Riconciliazione page does and lets the job place it. */
  async function bankFile(client: Client, name: string, content: string) {
    const boundary = `----incasso${Math.random().toString(16).slice(2)}`;
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/xml\r\n\r\n`),
      Buffer.from(content),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const r = await client({ method: 'POST', url: '/api/bank/files', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(r.statusCode, r.body).toBe(202);
    await ctx.jobs.idle();
    const file = (await client({ method: 'GET', url: `/api/bank/files/${r.json().id}` })).json();
    expect(file).toMatchObject({ status: 'done', matched: 1 });
    return file.id as string;
  }

  it('filters by source — bank file, pagoPA, by hand — with exact rows, each saying its source and file; the CSV too', async () => {
    const tag = String(Date.now());
    const d = await createTestDebtor(ctx.db, t, { lastName: `Provenienza${tag}` });
    const bankClaim = await createTestClaim(ctx.db, t, d.id, { interestRegime: 'none', principal: '50.00', externalRef: `SRC-${tag}`, dueDate: '2026-01-31' });
    const notice = noticeCodeAux3('05', tag.slice(-13).padStart(13, '0'));
    const pagopaClaim = await ctx.admin({
      method: 'POST',
      url: '/api/claims',
      payload: { kind: 'invoice', debtorId: d.id, creditorId: t.creditor.id, externalRef: `SRCP-${tag}`, principal: '30.00', currency: 'EUR', dueDate: '2026-01-31', interestRegime: 'none', noticeCode: notice },
    });
    expect(pagopaClaim.statusCode, pagopaClaim.body).toBe(201);
    const manual = (await pay(payment(d.id, { amount: '5.00', valueDate: '2026-02-01' }))).json();

    const day = '2026-02-10';
    const camtFile = await bankFile(
      ctx.operator,
      'estratto-provenienza.xml',
      camtXml({ statementId: `SRC-${tag}`, entries: [{ amount: '50.00', acctSvcrRef: `SRC-${tag}`, bookingDate: day, txs: [{ amount: '50.00', text: [`saldo fattura SRC-${tag}`] }] }] }),
    );
    const flowFile = await bankFile(ctx.operator, 'flusso-provenienza.xml', pagopaFlowXml({ flowId: `SRCF-${tag}`, payments: [{ iuv: notice.slice(1), iur: `IUR-${tag}`, amount: '30.00', date: day }] }));

    const list = async (query: string) => (await ctx.operator({ method: 'GET', url: `/api/payments?debtorId=${d.id}&sort=amount&order=desc${query}` })).json();
    const all = await list('');
    const bankPayment = all.items.find((p: { amount: string }) => p.amount === '50.00');
    const pagopaPayment = all.items.find((p: { amount: string }) => p.amount === '30.00');
    expect(all.items.map((p: { id: string; source: string; sourceFileId: string | null; sourceFileName: string | null }) => [p.id, p.source, p.sourceFileId, p.sourceFileName])).toEqual([
      [bankPayment.id, 'bank', camtFile, 'estratto-provenienza.xml'],
      [pagopaPayment.id, 'pagopa', flowFile, 'flusso-provenienza.xml'],
      [manual.id, 'manual', null, null],
    ]);
    expect((await list('&source=bank')).items.map((p: { id: string }) => p.id)).toEqual([bankPayment.id]);
    expect((await list('&source=pagopa')).items.map((p: { id: string }) => p.id)).toEqual([pagopaPayment.id]);
    expect((await list('&source=manual')).items.map((p: { id: string }) => p.id)).toEqual([manual.id]);
    expect((await list('&source=bank')).totals).toEqual([{ currency: 'EUR', count: 1, amount: '50.00', reversedAmount: '0.00' }]);
    expect((await ctx.operator({ method: 'GET', url: '/api/payments?source=cash' })).statusCode).toBe(400);
    // The claims are those the entries named.
    expect((await ctx.operator({ method: 'GET', url: `/api/payments?claimId=${bankClaim.id}&source=bank` })).json().items.map((p: { id: string }) => p.id)).toEqual([bankPayment.id]);

    const csv = (await ctx.operator({ method: 'GET', url: `/api/payments/export.csv?debtorId=${d.id}&source=pagopa&lang=en` })).body.split('\r\n');
    expect(csv.slice(1, -1).map((l) => l.split(';').slice(-3))).toEqual([['pagopa', 'flusso-provenienza.xml', pagopaPayment.id]]);
    const csvManual = (await ctx.operator({ method: 'GET', url: `/api/payments/export.csv?debtorId=${d.id}&source=manual` })).body.split('\r\n');
    expect(csvManual.slice(1, -1).map((l) => l.split(';').at(-1))).toEqual([manual.id]);
  });
});
