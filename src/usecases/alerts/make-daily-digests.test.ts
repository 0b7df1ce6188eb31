import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connect.ts';
import { openTestDatabase } from '../../test/db.ts';
import { createTestClaim, createTestDebtor, createTestTenant, type TestTenant } from '../../test/factories.ts';
import { deliverOutbox } from '../dunning/deliver-outbox.ts';
import { getAlertSettings } from './get-alert-settings.ts';
import { getLatestAlertDigest } from './get-latest-alert-digest.ts';
import { makeDailyDigests } from './make-daily-digests.ts';
import { setAlertSettings } from './set-alert-settings.ts';

let database: Database;
let t: TestTenant;
beforeAll(async () => {
  database = await openTestDatabase();
  t = await createTestTenant(database.db);
});

describe('daily alert digests', () => {
  it('tells a creditor’s user what happened yesterday to its own customers, once, by e-mail and on the dashboard', async () => {
    const db = database.db;
    const viewer = t.users.viewer.actor;
    expect(await getAlertSettings(db, viewer)).toMatchObject({ kinds: ['overdue', 'promise_broken', 'plan_lapsed', 'dispute_opened', 'guarantee_expiring'], email: true, saved: false });
    await setAlertSettings(db, viewer, { kinds: ['overdue', 'promise_broken', 'plan_lapsed', 'dispute_opened', 'guarantee_expiring'], email: true });
    await setAlertSettings(db, t.users.admin.actor, { kinds: ['overdue'], email: false });

    // Saturday 5 December 2026: an invoice falls due (and one of another creditor), a promise is judged
    // broken, a plan lapses, a position is disputed. An invoice due on the 4th was reported before.
    const rossi = await createTestDebtor(db, t, { lastName: 'Rossi' });
    const bianchi = await createTestDebtor(db, t, { lastName: 'Bianchi' });
    const due = await createTestClaim(db, t, rossi.id, { externalRef: 'FT-2026-0501', principal: '1200.00', dueDate: '2026-12-05' });
    await createTestClaim(db, t, rossi.id, { externalRef: 'FT-OTHER-1', principal: '99.00', dueDate: '2026-12-05', creditorId: t.otherCreditor.id });
    await createTestClaim(db, t, rossi.id, { externalRef: 'FT-2026-0400', principal: '50.00', dueDate: '2026-12-04' });
    const promised = await createTestClaim(db, t, bianchi.id, { externalRef: 'FT-2026-0300', principal: '400.00', dueDate: '2026-09-30' });
    await db
      .insertInto('promises')
      .values({ tenant_id: t.tenantId, debtor_id: bianchi.id, amount: '150.00', currency: 'EUR', due_on: '2026-11-30', grace_days: 3, made_on: '2026-11-20', claim_ids: [promised.id], state: 'broken', judged_on: '2026-12-05' })
      .execute();
    await db
      .insertInto('plans')
      .values({
        tenant_id: t.tenantId,
        debtor_id: bianchi.id,
        creditor_id: t.creditor.id,
        claim_ids: [promised.id],
        currency: 'EUR',
        total: '400.00',
        paid: '100.00',
        instalment_count: 4,
        state: 'lapsed',
        rules: JSON.stringify({}),
        started_on: '2026-08-31',
        proposed_by: 'user:test',
        lapsed_on: '2026-12-05',
      })
      .execute();
    const disputed = await createTestClaim(db, t, bianchi.id, { externalRef: 'FT-2026-0777', principal: '75.50', dueDate: '2026-10-31' });
    await db.updateTable('claims').set({ status: 'disputed', updated_at: sql`'2026-12-05 11:00:00+01'::timestamptz` }).where('id', '=', disputed.id).execute();

    // A bank guarantee of Bianchi's that ends on 4 January 2027: 30 days before, on 5 December, it enters the window.
    const bank = await db.insertInto('guarantors').values({ tenant_id: t.tenantId, kind: 'bank', name: 'Banca Esempio S.p.A.' }).returning('id').executeTakeFirstOrThrow();
    await db
      .insertInto('guarantees')
      .values({ tenant_id: t.tenantId, creditor_id: t.creditor.id, debtor_id: bianchi.id, guarantor_id: bank.id, kind: 'bank_guarantee', reference: 'FID-778', amount: '15000.00', currency: 'EUR', valid_from: '2025-01-05', valid_to: '2027-01-04', covers: 'relationship' })
      .execute();

    expect(await makeDailyDigests(db, { today: '2026-12-06' })).toEqual({ digests: 2, mails: 1 });
    expect(await makeDailyDigests(db, { today: '2026-12-06' })).toEqual({ digests: 0, mails: 0 });

    const { digest } = await getLatestAlertDigest(db, viewer);
    expect(digest).toMatchObject({ digestOn: '2026-12-06', periodFrom: '2026-12-05', periodTo: '2026-12-05', total: 5 });
    expect(digest!.groups.map((g) => [g.kind, g.count, g.items.map((i) => `${i.claimRef ?? '-'} ${i.amount}`)])).toEqual([
      ['overdue', 1, [`FT-2026-0501 1200.00`]],
      ['promise_broken', 1, ['FT-2026-0300 150.00']],
      ['plan_lapsed', 1, ['- 300.00']],
      ['dispute_opened', 1, ['FT-2026-0777 75.50']],
      ['guarantee_expiring', 1, ['FID-778 15000.00']],
    ]);
    expect(due.id).toBe(digest!.groups[0]!.items[0]!.claimId);
    // The agency's administrator sees every creditor's, on the dashboard only (no e-mail chosen).
    const admin = (await getLatestAlertDigest(db, t.users.admin.actor)).digest!;
    expect(admin.groups.map((g) => [g.kind, g.items.map((i) => i.claimRef).sort()])).toEqual([['overdue', ['FT-2026-0501', 'FT-OTHER-1']]]);

    await deliverOutbox(db, { transport: null, from: 'incasso@agenzia.test', tenantId: t.tenantId });
    const mails = await db.selectFrom('local_mailbox').select(['to_address', 'subject', 'body_text']).where('tenant_id', '=', t.tenantId).execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to_address).toBe(t.users.viewer.email);
    expect(mails[0]!.subject).toBe('incasso: 5 novità sui vostri crediti (05/12/2026 – 05/12/2026)');
    expect(mails[0]!.body_text).toContain('Fatture scadute (1)\n– 05/12/2026 · Rossi');
    expect(mails[0]!.body_text.replace(/[\u00a0\u202f]/g, ' ')).toMatch(/FT-2026-0501\): 1\.200,00 €/);
    expect(mails[0]!.body_text).not.toContain('FT-OTHER-1');

    // Sunday: nothing new — a digest that says so on the dashboard, no e-mail.
    expect(await makeDailyDigests(db, { today: '2026-12-07' })).toEqual({ digests: 2, mails: 0 });
    expect((await getLatestAlertDigest(db, viewer)).digest).toMatchObject({ digestOn: '2026-12-07', total: 0 });
  });

  it('a user chooses for itself only; no kinds means no digest', async () => {
    const db = database.db;
    await setAlertSettings(db, t.users.operator.actor, { kinds: [], email: true });
    expect(await getAlertSettings(db, t.users.operator.actor)).toMatchObject({ kinds: [], saved: true });
    await expect(setAlertSettings(db, t.users.operator.actor, { kinds: ['nonsense' as 'overdue'], email: true })).rejects.toMatchObject({ code: 'validation' });
    const before = await db.selectFrom('alert_digests').select(sql<number>`count(*)::int`.as('n')).where('user_id', '=', t.users.operator.id).executeTakeFirstOrThrow();
    await makeDailyDigests(db, { today: '2026-12-08' });
    const after = await db.selectFrom('alert_digests').select(sql<number>`count(*)::int`.as('n')).where('user_id', '=', t.users.operator.id).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});
