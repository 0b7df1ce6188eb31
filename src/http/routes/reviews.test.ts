import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClaim, createTestDebtor, type TestTenant } from '../../test/factories.ts';
import { openApiContext, type ApiContext } from '../../test/http.ts';

let ctx: ApiContext;
let t: TestTenant;

beforeAll(async () => {
  ctx = await openApiContext();
  t = ctx.t;
});
afterAll(async () => {
  await ctx.app.close();
});

const list = (query: string, client = ctx.admin) => client({ method: 'GET', url: `/api/reviews/time-barred${query}` });

describe('review list of positions past their decadenza or prescription term', () => {
  it('lists each open position with its term, the day it lapsed and the law; scoped to the tenant and a bound user’s creditor', async () => {
    // Its own creditor, so that other tests' claims stay out of the counts.
    const d = await createTestDebtor(ctx.db, t, { lastName: 'Prescritto' });
    const imu = await createTestClaim(ctx.db, t, d.id, { creditorId: t.otherCreditor.id, externalRef: 'IMU-2019-1', kind: 'imu', taxYear: 2019, dueDate: '2019-12-16', principal: '980.00' });
    const acc = await createTestClaim(ctx.db, t, d.id, { creditorId: t.otherCreditor.id, externalRef: 'IMU-2016-ACC', kind: 'imu', taxYear: 2016, dueDate: '2021-01-31', principal: '1500.00' });
    await ctx.db
      .updateTable('claims')
      .set({ act_kind: 'accertamento_esecutivo', act_number: '2020/IMU/7', act_notified_on: '2020-10-05', act_enforceable_on: '2020-12-04' })
      .where('id', '=', acc.id)
      .execute();
    // Still within its term on the day asked, and a paid one: not listed.
    await createTestClaim(ctx.db, t, d.id, { creditorId: t.otherCreditor.id, externalRef: 'TARI-2021', kind: 'tari', taxYear: 2021, dueDate: '2021-12-02' });
    const paid = await createTestClaim(ctx.db, t, d.id, { creditorId: t.otherCreditor.id, externalRef: 'IMU-2018-PAID', kind: 'imu', taxYear: 2018, dueDate: '2018-12-17' });
    await ctx.db.updateTable('claims').set({ status: 'paid' }).where('id', '=', paid.id).execute();
    // The viewer is bound to the tenant's first creditor: it sees that creditor's lapsed position only.
    const own = await createTestClaim(ctx.db, t, d.id, { externalRef: 'CDS-2019', kind: 'cds_fine', dueDate: '2019-05-10' });
    await ctx.db.updateTable('claims').set({ act_kind: 'verbale_cds', act_date: '2019-03-01' }).where('id', '=', own.id).execute();

    const res = await list(`?creditorId=${t.otherCreditor.id}&asOf=2025-12-05`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ total: 2, page: 1, asOf: '2025-12-05' });
    expect(res.json().items).toEqual([
      {
        claimId: imu.id,
        externalRef: 'IMU-2019-1',
        debtorId: d.id,
        debtorName: expect.stringContaining('Prescritto'),
        creditorId: t.otherCreditor.id,
        creditorName: t.otherCreditor.name,
        kind: 'imu',
        taxYear: 2019,
        actKind: null,
        actNumber: null,
        dueDate: '2019-12-16',
        currency: 'EUR',
        openPrincipal: '980.00',
        status: 'open',
        term: { key: 'decadenza-accertamento', kind: 'decadenza', years: 5, law: 'art. 1 c. 161 L. 296/2006', verified: true },
        lapsedOn: '2025-01-01',
      },
      expect.objectContaining({
        claimId: acc.id,
        actKind: 'accertamento_esecutivo',
        actNumber: '2020/IMU/7',
        term: expect.objectContaining({ key: 'prescrizione-tributo-accertato', kind: 'prescrizione', verified: false }),
        lapsedOn: '2025-12-05',
      }),
    ]);
    // The day before the assessed claim's prescription, only the decadenza.
    expect((await list(`?creditorId=${t.otherCreditor.id}&asOf=2025-12-04`)).json().items.map((i: { externalRef: string }) => i.externalRef)).toEqual(['IMU-2019-1']);

    const viewer = (await list('?asOf=2025-12-05', ctx.viewer)).json();
    expect(viewer.items.map((i: { externalRef: string }) => i.externalRef)).toEqual(['CDS-2019']);
    expect(viewer.items[0]).toMatchObject({ term: { key: 'prescrizione-cds' }, lapsedOn: '2024-03-02' });
    expect((await list(`?creditorId=${t.otherCreditor.id}&asOf=2025-12-05`, ctx.viewer)).json().total).toBe(0);
    expect((await list('?asOf=2025-12-05', ctx.outsider)).json().items.filter((i: { debtorId: string }) => i.debtorId === d.id)).toEqual([]);
  });

  it('needs a session and checks its query', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/reviews/time-barred' })).statusCode).toBe(401);
    expect((await list('?asOf=2025-13-01')).statusCode).toBe(400);
  });
});
