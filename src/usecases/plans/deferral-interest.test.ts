import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connect.ts';
import { parseDate, today } from '../../domain/dates.ts';
import { sumMoney } from '../../domain/money.ts';
import { openTestDatabase } from '../../test/db.ts';
import { createTestClaim, createTestDebtor, createTestTenant, type TestTenant } from '../../test/factories.ts';
import { getClaim } from '../claims/get-claim.ts';
import { recordPayment } from '../payments/record-payment.ts';
import { approvePlan } from './approve-plan.ts';
import { cancelPlan } from './cancel-plan.ts';
import { evaluatePlans } from './evaluate-plans.ts';
import { extendPlan } from './extend-plan.ts';
import { getPlan } from './get-plan.ts';
import { proposePlan } from './propose-plan.ts';
import { recordPlanReminder } from './record-plan-reminder.ts';

/**
 * Interest on the deferral (issue 15 item 1): a comune whose regulation asks for the legal rate + 1
 * point on the deferred capital. The plan starts on 2026-11-10 (legal rate 1.6 %, DM 10/12/2025): 2.6 %.
 */
let database: Database;
let t: TestTenant;
const START = '2026-11-10';
const later = (days: number) => today().add({ days }).toString();
const after = (d: string, n: number) => parseDate(d).add({ days: n }).toString();

beforeAll(async () => {
  database = await openTestDatabase();
  t = await createTestTenant(database.db);
  await database.db.updateTable('creditors').set({ plan_rules: JSON.stringify({ interestPoints: '1' }) }).where('id', '=', t.otherCreditor.id).execute();
}, 120_000);
afterAll(async () => {
  await database?.close();
});

/** A comune's TARI position not yet due: it owes exactly its principal. */
const position = (debtorId: string, principal: string) =>
  createTestClaim(database.db, t, debtorId, { creditorId: t.otherCreditor.id, kind: 'tari', taxYear: 2025, principal, dueDate: later(60) });
const owed = async (id: string) => (await database.db.selectFrom('claim_balances').select('total_due').where('claim_id', '=', id).executeTakeFirstOrThrow()).total_due;
const status = async (id: string) => (await database.db.selectFrom('claims').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
const pay = (debtorId: string, amount: string) =>
  recordPayment(database.db, t.users.operator.actor, { debtorId, creditorId: t.otherCreditor.id, amount, currency: 'EUR', valueDate: today().toString(), method: 'bank_transfer' });

describe('interest on the deferral of a plan', () => {
  it('each instalment carries capital, interest and amount; the positions owe capital + their share; paying every instalment closes them at zero', async () => {
    const d = await createTestDebtor(database.db, t, { lastName: 'Dilazione' });
    const a = await position(d.id, '300.00');
    const b = await position(d.id, '150.00');
    const plan = await proposePlan(database.db, t.users.operator.actor, { claimIds: [a.id, b.id], count: 4 }, { today: START });
    expect(plan).toMatchObject({ state: 'active', capital: '450.00', interest: '3.08', total: '453.08', deferralRate: '2.6' });
    expect(plan.deferralRateSource).toContain('DM 10/12/2025');
    // 112.50 × 2.6 % × 51, 82, 110, 141 days / 365, each rounded half-up.
    expect(plan.instalments.map((i) => [i.dueOn, i.capital, i.interest, i.amount])).toEqual([
      ['2026-12-31', '112.50', '0.41', '112.91'],
      ['2027-01-31', '112.50', '0.66', '113.16'],
      ['2027-02-28', '112.50', '0.88', '113.38'],
      ['2027-03-31', '112.50', '1.13', '113.63'],
    ]);
    expect(sumMoney(plan.instalments.map((i) => i.amount)).toFixed(2)).toBe(plan.total);
    // €3.08 pro rata to capital 300 : 150 → 2.0533 and 1.0267: the cent left goes to the larger remainder.
    expect(await owed(a.id)).toBe('302.05');
    expect(await owed(b.id)).toBe('151.03');
    const cost = (await getClaim(database.db, t.users.operator.actor, a.id)).costs;
    expect(cost).toMatchObject([{ kind: 'deferral_interest', amount: '2.05', label: `Interessi di dilazione al 2.6% (piano del 10/11/2026)`, waivedOn: null }]);

    for (const i of plan.instalments) await pay(d.id, i.amount);
    const done = await getPlan(database.db, t.users.operator.actor, plan.id);
    expect(done).toMatchObject({ state: 'paid', paid: '453.08' });
    expect(await owed(a.id)).toBe('0.00');
    expect(await owed(b.id)).toBe('0.00');
    expect(await status(a.id)).toBe('paid');
    expect(await status(b.id)).toBe('paid');
  });

  it('a plan outside the rules owes its interest only once approved', async () => {
    const d = await createTestDebtor(database.db, t, { lastName: 'Approvato' });
    const a = await position(d.id, '450.00');
    const plan = await proposePlan(database.db, t.users.operator.actor, { claimIds: [a.id], count: 6 }, { today: START });
    expect(plan).toMatchObject({ state: 'proposed', capital: '450.00' });
    expect(await owed(a.id)).toBe('450.00');
    const ok = await approvePlan(database.db, t.users.supervisor.actor, plan.id, { reason: 'Difficoltà documentata' });
    expect(ok.state).toBe('active');
    expect(await owed(a.id)).toBe(sumMoney(['450.00', plan.interest]).toFixed(2));
  });

  it('on a lapse (c.800) the interest of the instalments not yet due is no longer owed, with its reason', async () => {
    const d = await createTestDebtor(database.db, t, { lastName: 'Decaduto' });
    const a = await position(d.id, '1200.00');
    const plan = await proposePlan(database.db, t.users.operator.actor, { claimIds: [a.id], count: 12 }, { today: START });
    expect(plan.state).toBe('active');
    const [i1, , i3] = plan.instalments;
    expect(await owed(a.id)).toBe(plan.total);
    await pay(d.id, i1!.amount);
    for (const n of [2, 3]) {
      const due = plan.instalments[n - 1]!.dueOn;
      await evaluatePlans(database.db, after(due, 3), { tenantId: t.tenantId });
      await recordPlanReminder(database.db, t.users.operator.actor, plan.id, { number: n }, { today: after(due, 3) });
    }
    await evaluatePlans(database.db, after(i3!.dueOn, 4), { tenantId: t.tenantId });
    const lapsed = await getPlan(database.db, t.users.operator.actor, plan.id);
    expect(lapsed).toMatchObject({ state: 'lapsed', lapsedOn: after(i3!.dueOn, 3) });
    // Kept: the interest of instalments 1–3 (due by the lapse); the other nine are dropped.
    const kept = sumMoney(plan.instalments.slice(0, 3).map((i) => i.interest)).toFixed(2);
    const costs = (await getClaim(database.db, t.users.operator.actor, a.id)).costs;
    expect(costs.map((c) => [c.kind, c.amount, c.waivedOn !== null])).toEqual([
      ['deferral_interest', plan.interest, true],
      ['deferral_interest', kept, false],
    ]);
    expect(costs[0]!.waiverReason).toBe(`Piano decaduto il ${after(i3!.dueOn, 3).split('-').reverse().join('/')}: non sono più dovuti gli interessi di dilazione delle rate non ancora scadute`);
    expect(await owed(a.id)).toBe(sumMoney(['1200.00', kept]).minus(i1!.amount).toFixed(2));
  });

  it('an extension (c.798) re-schedules the interest: the new instalments bear it from the plan’s start to their new days', async () => {
    const d = await createTestDebtor(database.db, t, { lastName: 'Prorogato' });
    const a = await position(d.id, '1200.00');
    const plan = await proposePlan(database.db, t.users.operator.actor, { claimIds: [a.id], count: 12 }, { today: START });
    expect(plan.instalments[0]).toMatchObject({ capital: '100.00', interest: '0.36', amount: '100.36' });
    await pay(d.id, '100.36');
    const ext = await extendPlan(database.db, t.users.supervisor.actor, plan.id, { count: 20, reason: 'Perdita del lavoro documentata' }, { today: '2026-12-15' });
    expect(ext.instalments).toHaveLength(21);
    expect(ext.instalments[0]).toMatchObject({ capital: '100.00', interest: '0.36', amount: '100.36', state: 'paid' });
    // 1,100.00 over 20: 55.00 each; 2.6 % from 2026-11-10 — 82 days to 2027-01-31, 660 to 2028-08-31.
    expect(ext.instalments[1]).toMatchObject({ dueOn: '2027-01-31', capital: '55.00', interest: '0.32', amount: '55.32' });
    expect(ext.instalments[20]).toMatchObject({ dueOn: '2028-08-31', capital: '55.00', interest: '2.59', amount: '57.59' });
    expect(sumMoney(ext.instalments.map((i) => i.capital)).toFixed(2)).toBe('1200.00');
    expect(sumMoney(ext.instalments.map((i) => i.interest)).toFixed(2)).toBe(ext.interest);
    expect(sumMoney(ext.instalments.map((i) => i.amount)).toFixed(2)).toBe(ext.total);
    const costs = (await getClaim(database.db, t.users.operator.actor, a.id)).costs;
    expect(costs.map((c) => [c.amount, c.waivedOn !== null])).toEqual([
      [plan.interest, true],
      [ext.interest, false],
    ]);
    expect(await owed(a.id)).toBe(sumMoney([ext.total]).minus('100.36').toFixed(2));
  });

  it('a running plan cancelled keeps only the interest of what fell due or was paid', async () => {
    const d = await createTestDebtor(database.db, t, { lastName: 'Annullato' });
    const a = await position(d.id, '450.00');
    const plan = await proposePlan(database.db, t.users.operator.actor, { claimIds: [a.id], count: 4 }, { today: START });
    await pay(d.id, plan.instalments[0]!.amount);
    await cancelPlan(database.db, t.users.operator.actor, plan.id, { reason: 'Il debitore ritira la richiesta' });
    const costs = (await getClaim(database.db, t.users.operator.actor, a.id)).costs;
    // Kept: the first instalment's (paid) and those of any instalment already due today.
    const kept = sumMoney(plan.instalments.filter((i, k) => k === 0 || i.dueOn <= today().toString()).map((i) => i.interest));
    expect(costs.filter((c) => c.waivedOn === null).map((c) => c.amount)).toEqual([kept.toFixed(2)]);
    expect(await owed(a.id)).toBe(sumMoney(['450.00', kept]).minus(plan.instalments[0]!.amount).toFixed(2));
  });

  it('a company’s negotiated plan with interest (legal rate + 2 points): paying every instalment closes the claim at zero', async () => {
    await database.db.updateTable('creditors').set({ plan_rules: JSON.stringify({ interestPoints: '2' }) }).where('id', '=', t.creditor.id).execute();
    const d = await createTestDebtor(database.db, t, { lastName: 'Impresa' });
    const c = await createTestClaim(database.db, t, d.id, { interestRegime: 'none', principal: '600.00', dueDate: later(30) });
    const plan = await proposePlan(database.db, t.users.operator.actor, { claimIds: [c.id], count: 3, firstDueOn: '2027-01-31', firstAmount: '300.00' }, { today: START });
    // 3.6 % (1.6 + 2), due on the month's last day: 300.00 × 82 days → 2.43; 150.00 × 110 → 1.63; 150.00 × 141 → 2.09.
    expect(plan).toMatchObject({ state: 'active', deferralRate: '3.6', capital: '600.00', interest: '6.15', total: '606.15' });
    expect(plan.instalments.map((i) => [i.dueOn, i.capital, i.interest, i.amount])).toEqual([
      ['2027-01-31', '300.00', '2.43', '302.43'],
      ['2027-02-28', '150.00', '1.63', '151.63'],
      ['2027-03-31', '150.00', '2.09', '152.09'],
    ]);
    expect(await owed(c.id)).toBe('606.15');
    for (const i of plan.instalments) {
      await recordPayment(database.db, t.users.operator.actor, { debtorId: d.id, creditorId: t.creditor.id, amount: i.amount, currency: 'EUR', valueDate: today().toString(), method: 'bank_transfer' });
    }
    expect((await getPlan(database.db, t.users.operator.actor, plan.id)).state).toBe('paid');
    expect(await owed(c.id)).toBe('0.00');
    expect(await status(c.id)).toBe('paid');
  });
});

