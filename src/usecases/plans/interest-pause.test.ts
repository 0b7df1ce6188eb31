import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connect.ts';
import { parseDate, today } from '../../domain/dates.ts';
import { money, sumMoney } from '../../domain/money.ts';
import { openTestDatabase } from '../../test/db.ts';
import { createTestClaim, createTestDebtor, createTestTenant, type TestTenant } from '../../test/factories.ts';
import { refreshBalances, rollBalances } from '../claims/balances.ts';
import { loadLedgers } from '../claims/ledger.ts';
import { recordPayment } from '../payments/record-payment.ts';
import { reversePayment } from '../payments/reverse-payment.ts';
import { cancelPlan } from './cancel-plan.ts';
import { evaluatePlans } from './evaluate-plans.ts';
import { getPlan } from './get-plan.ts';
import { proposePlan } from './propose-plan.ts';
import { recordPlanReminder } from './record-plan-reminder.ts';

/**
 * Ordinary interest is suspended while a plan with interest on the deferral runs (domain/plans/pauses.ts).
 * A comune's TARI position of €1,000.00 due 2026-03-31, its late interest at the legal rate + 3 points
 * (4.6 % in 2026: 1.6 %, DM 10/12/2025), planned on 2026-06-10 — 71 days overdue then:
 * 1,000 × 4.6 % × 71 / 365 = 8.9479 → €8.95 of interest in the amount planned (€1,008.95).
 * Balances are checked on a fixed day, 2026-11-30.
 */
let database: Database;
let t: TestTenant;
const START = '2026-06-10';
const AS_OF = '2026-11-30';
const after = (d: string, n: number) => parseDate(d).add({ days: n }).toString();
const days = (from: string, to: string) => parseDate(from).until(parseDate(to)).days;

beforeAll(async () => {
  database = await openTestDatabase();
  t = await createTestTenant(database.db);
}, 120_000);
afterAll(async () => {
  await database?.close();
});

const rules = (interestPoints: string | null) =>
  database.db.updateTable('creditors').set({ plan_rules: JSON.stringify({ interestPoints }) }).where('id', '=', t.otherCreditor.id).execute();
const position = (debtorId: string) =>
  createTestClaim(database.db, t, debtorId, {
    creditorId: t.otherCreditor.id,
    kind: 'tari',
    taxYear: 2025,
    principal: '1000.00',
    dueDate: '2026-03-31',
    interestRegime: 'spread',
    interestBase: 'it-legal',
    interestSpread: '3',
  });
/** The stored balance brought to AS_OF. */
const balanceOn = async (id: string, asOf = AS_OF) => {
  await refreshBalances(database.db, t.tenantId, [id], asOf);
  return database.db.selectFrom('claim_balances').select(['total_due', 'interest_due', 'costs_due', 'principal_due', 'balance_on']).where('claim_id', '=', id).executeTakeFirstOrThrow();
};
const status = async (id: string) => (await database.db.selectFrom('claims').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
const pay = (debtorId: string, amount: string, valueDate: string) =>
  recordPayment(database.db, t.users.operator.actor, { debtorId, creditorId: t.otherCreditor.id, amount, currency: 'EUR', valueDate, method: 'bank_transfer' });
/** 1,000 × 4.6 % × d / 365, rounded half-up to the cent (no payment rounds it before). */
const interestFor = (d: number) => money('1000').times('4.6').times(d).div(36500).toDecimalPlaces(2, 4).toFixed(2);

describe('ordinary interest paused while a plan with interest on the deferral runs', () => {
  it('paying every instalment on its day leaves the position at 0.00, paid (no ordinary interest on top of the plan’s)', async () => {
    await rules('1');
    const d = await createTestDebtor(database.db, t, { lastName: 'Puntuale' });
    const a = await position(d.id);
    const plan = await proposePlan(database.db, t.users.operator.actor, { claimIds: [a.id], count: 5 }, { today: START });
    expect(plan).toMatchObject({ state: 'active', capital: '1008.95', deferralRate: '2.6' });
    expect(interestFor(71)).toBe('8.95');
    // The ledger now carries the pause from the day after the start, open-ended.
    const terms = (await loadLedgers(database.db, { tenantId: t.tenantId }, [a.id])).get(a.id)!.terms;
    expect(terms.interestPauses).toEqual([{ from: '2026-06-11', to: null, reason: 'plan' }]);
    const payments = [];
    for (const i of plan.instalments) payments.push(await pay(d.id, i.amount, i.dueOn));
    const done = await getPlan(database.db, t.users.operator.actor, plan.id);
    expect(done.state).toBe('paid');
    expect(await balanceOn(a.id)).toMatchObject({ total_due: '0.00', interest_due: '0.00', balance_on: AS_OF });
    expect(await status(a.id)).toBe('paid');

    // The last instalment's money returned: the plan runs again, and so does its pause — the position
    // owes that instalment, no ordinary interest on it (stored balance refreshed, to today).
    await reversePayment(database.db, t.users.supervisor.actor, payments.at(-1)!.id, { reason: 'Bonifico stornato dalla banca' });
    expect((await getPlan(database.db, t.users.operator.actor, plan.id)).state).toBe('active');
    expect(await database.db.selectFrom('claim_balances').select(['total_due', 'interest_due']).where('claim_id', '=', a.id).executeTakeFirstOrThrow()).toEqual({
      total_due: plan.instalments.at(-1)!.amount,
      interest_due: '0.00',
    });
    // Open-ended again: a month on, still no ordinary interest.
    expect(await balanceOn(a.id, after(today().toString(), 30))).toMatchObject({ total_due: plan.instalments.at(-1)!.amount, interest_due: '0.00' });
  });

  it('a lapse (c.800): ordinary interest runs again on the whole residual from the lapse day', async () => {
    await rules('1');
    const d = await createTestDebtor(database.db, t, { lastName: 'Decaduta' });
    const a = await position(d.id);
    const plan = await proposePlan(database.db, t.users.operator.actor, { claimIds: [a.id], count: 12 }, { today: START });
    expect(plan.state).toBe('active');
    for (const n of [1, 2]) {
      const due = plan.instalments[n - 1]!.dueOn;
      await evaluatePlans(database.db, after(due, 3), { tenantId: t.tenantId });
      await recordPlanReminder(database.db, t.users.operator.actor, plan.id, { number: n }, { today: after(due, 3) });
    }
    await evaluatePlans(database.db, after(plan.instalments[1]!.dueOn, 4), { tenantId: t.tenantId });
    const lapsed = await getPlan(database.db, t.users.operator.actor, plan.id);
    // Instalments 1 and 2 fall due on 2026-07-31 and 08-31; the second reminder, on 09-03, completes the lapse.
    expect(lapsed).toMatchObject({ state: 'lapsed', lapsedOn: '2026-09-03' });
    // Ordinary interest: 71 days to the start (2026-04-01 … 06-10), none 06-11 … 09-02 (the plan's),
    // then 2026-09-03 … 11-30 = 28 + 31 + 30 = 89 days: 1,000 × 4.6 % × 160 / 365 = 20.1643… → 20.16.
    expect(days('2026-09-02', AS_OF)).toBe(89);
    expect(interestFor(71 + 89)).toBe('20.16');
    const terms = (await loadLedgers(database.db, { tenantId: t.tenantId }, [a.id])).get(a.id)!.terms;
    expect(terms.interestPauses).toEqual([{ from: '2026-06-11', to: '2026-09-02', reason: 'plan' }]);
    // The lapse refreshed the stored balance (to today): 71 days, then the lapse day to today.
    const on = today().toString();
    expect(await database.db.selectFrom('claim_balances').select(['interest_due', 'balance_on']).where('claim_id', '=', a.id).executeTakeFirstOrThrow()).toEqual({ interest_due: interestFor(71 + days('2026-09-02', on)), balance_on: on });
    // The plan's interest of the two instalments due by the lapse stays owed (a claim cost).
    const kept = sumMoney(plan.instalments.slice(0, 2).map((i) => i.interest)).toFixed(2);
    const b = await balanceOn(a.id);
    expect(b).toMatchObject({ interest_due: '20.16', principal_due: '1000.00' });
    expect(money(b.costs_due).toFixed(2)).toBe(kept);
    expect(b.total_due).toBe(sumMoney(['1000.00', '20.16', kept]).toFixed(2));
    // The nightly roll-forward from a stored day after the lapse agrees: 2026-10-01 → 11-30.
    await balanceOn(a.id, '2026-10-01');
    await rollBalances(database.db, AS_OF);
    expect(await database.db.selectFrom('claim_balances').select(['interest_due', 'balance_on']).where('claim_id', '=', a.id).executeTakeFirstOrThrow()).toEqual({ interest_due: '20.16', balance_on: AS_OF });
    // Without the pause it would be 244 days (2026-04-01 … 11-30): 30.75.
    expect(interestFor(244)).toBe('30.75');
  });

  it('a cancelled plan: ordinary interest runs again from the cancellation day (today)', async () => {
    await rules('1');
    const d = await createTestDebtor(database.db, t, { lastName: 'Ritirata' });
    const a = await position(d.id);
    const plan = await proposePlan(database.db, t.users.operator.actor, { claimIds: [a.id], count: 5 }, { today: START });
    await cancelPlan(database.db, t.users.operator.actor, plan.id, { reason: 'Il debitore ritira la richiesta' });
    const on = today().toString();
    const terms = (await loadLedgers(database.db, { tenantId: t.tenantId }, [a.id])).get(a.id)!.terms;
    expect(terms.interestPauses).toEqual([{ from: '2026-06-11', to: after(on, -1), reason: 'plan' }]);
    // The stored balance follows at once: today's interest runs again (71 + 1 days).
    expect(await database.db.selectFrom('claim_balances').select(['interest_due', 'balance_on']).where('claim_id', '=', a.id).executeTakeFirstOrThrow()).toEqual({ interest_due: interestFor(72), balance_on: on });
    // 71 days before the start, then today … today + 30 (31 days) at 4.6 % (the 2026 legal rate is open-ended).
    const b = await balanceOn(a.id, after(on, 30));
    expect(b.interest_due).toBe(interestFor(71 + 31));
  });

  it('a plan without interest on the deferral pauses nothing: the position keeps its ordinary interest', async () => {
    await rules(null);
    const d = await createTestDebtor(database.db, t, { lastName: 'Senza' });
    const a = await position(d.id);
    const plan = await proposePlan(database.db, t.users.operator.actor, { claimIds: [a.id], count: 5 }, { today: START });
    expect(plan).toMatchObject({ state: 'active', capital: '1008.95', interest: '0.00' });
    const terms = (await loadLedgers(database.db, { tenantId: t.tenantId }, [a.id])).get(a.id)!.terms;
    expect(terms.interestPauses).toBeUndefined();
    // 2026-04-01 … 11-30: 244 days, 30.75 — as without the plan.
    expect(await balanceOn(a.id)).toMatchObject({ interest_due: '30.75', total_due: '1030.75' });
  });
});
