import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connect.ts';
import { HOLIDAY_CALENDARS, ITALIAN_DEFAULTS, type ComplianceRules } from '../../domain/dunning/index.ts';
import { AppError } from '../../domain/errors.ts';
import { insertPhoneTask } from '../../test/communications.ts';
import { openTestDatabase } from '../../test/db.ts';
import { createTestDebtor, createTestTenant, type TestTenant } from '../../test/factories.ts';
import { listPhoneTasks } from './list-phone-tasks.ts';
import { recordPhoneContact } from './record-phone-contact.ts';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});

/** A Europe/Rome wall-clock moment in winter (CET, UTC+1). */
const rome = (date: string, time: string) => new Date(`${date}T${time}:00+01:00`);

async function tenantWith(compliance?: unknown): Promise<TestTenant> {
  const t = await createTestTenant(database.db);
  if (compliance !== undefined) {
    await database.db.updateTable('tenants').set({ settings: JSON.stringify({ compliance }) }).where('id', '=', t.tenantId).execute();
  }
  return t;
}

describe('phone contact rules in the use cases, at a given moment', () => {
  it('allows three conversations a week per debtor, then none until Monday', async () => {
    const t = await tenantWith();
    const operator = t.users.operator.actor;
    const d = await createTestDebtor(database.db, t, { lastName: 'Settimana' });
    const tasks = [];
    for (let i = 0; i < 4; i++) tasks.push(await insertPhoneTask(database.db, t, d.id, { step_no: i + 1 }));
    for (const [i, date] of ['2026-11-30', '2026-12-01', '2026-12-02'].entries()) {
      const r = await recordPhoneContact(database.db, operator, tasks[i]!.id, { outcome: 'conversation' }, rome(date, '18:00'));
      expect(r.recorded, date).toBe(true);
    }
    const thursday = await recordPhoneContact(database.db, operator, tasks[3]!.id, { outcome: 'no_answer' }, rome('2026-12-03', '09:00'));
    expect(thursday).toMatchObject({
      recorded: false,
      refusal: { code: 'weekly_limit', nextSlot: { date: '2026-12-07', time: '08:30' } },
      at: { date: '2026-12-03', time: '09:00' },
    });
    const list = await listPhoneTasks(database.db, operator, { debtorId: d.id }, rome('2026-12-03', '09:00'));
    expect(list.tasks.map((x) => [x.id, x.permittedNow, x.blockedNow?.code, x.nextSlot])).toEqual([[tasks[3]!.id, false, 'weekly_limit', { date: '2026-12-07', time: '08:30' }]]);
    // Thursday to Saturday are closed by the limit; Sunday has no windows anyway; Monday is a new week.
    expect(list.tasks[0]!.blockedDays.map((b) => [b.date, b.code])).toEqual([
      ['2026-12-03', 'weekly_limit'],
      ['2026-12-04', 'weekly_limit'],
      ['2026-12-05', 'weekly_limit'],
    ]);
    const monday = await recordPhoneContact(database.db, operator, tasks[3]!.id, { outcome: 'conversation' }, rome('2026-12-07', '08:30'));
    expect(monday.recorded).toBe(true);
  });

  it('follows the tenant’s own rules: its calendar, its windows, its limits', async () => {
    const rules: ComplianceRules = {
      ...ITALIAN_DEFAULTS,
      holidays: HOLIDAY_CALENDARS['CH-TI'],
      phoneWindows: { ...ITALIAN_DEFAULTS.phoneWindows, sun: [{ from: '10:00', to: '12:00' }] },
      maxConversationsPerDay: 2,
      maxAttemptsPerDay: 1,
    };
    const t = await tenantWith(rules);
    const operator = t.users.operator.actor;
    const d = await createTestDebtor(database.db, t, { lastName: 'Ticino' });
    const task = await insertPhoneTask(database.db, t, d.id);
    const other = await insertPhoneTask(database.db, t, d.id, { step_no: 5 });

    // San Giuseppe is a holiday in Ticino, not in Italy.
    const stJoseph = await recordPhoneContact(database.db, operator, task.id, { outcome: 'no_answer' }, rome('2027-03-19', '10:00'));
    expect(stJoseph).toMatchObject({ recorded: false, refusal: { code: 'holiday', message: { code: 'dunning.holiday_no_call', params: { holiday: 'San Giuseppe' } } } });
    // Sundays have a window here.
    const sunday = await listPhoneTasks(database.db, operator, { debtorId: d.id }, rome('2026-11-29', '10:30'));
    expect(sunday.days[0]).toEqual({ date: '2026-11-29', holiday: null, windows: [{ from: '10:00', to: '12:00' }] });
    expect(sunday.tasks.every((x) => x.permittedNow)).toBe(true);
    expect(await recordPhoneContact(database.db, operator, task.id, { outcome: 'no_answer' }, rome('2026-11-29', '10:30'))).toMatchObject({ recorded: true });
    // One attempt a day: a second one is refused, a conversation too (it starts as a call).
    expect(await recordPhoneContact(database.db, operator, other.id, { outcome: 'conversation' }, rome('2026-11-29', '11:00'))).toMatchObject({
      recorded: false,
      refusal: { code: 'attempt_limit', nextSlot: { date: '2026-11-30', time: '08:30' } },
    });
    expect(await recordPhoneContact(database.db, operator, task.id, { outcome: 'conversation' }, rome('2026-11-30', '09:00'))).toMatchObject({ recorded: true });
    expect(await recordPhoneContact(database.db, operator, other.id, { outcome: 'conversation' }, rome('2026-11-30', '09:30'))).toMatchObject({ recorded: true });
  });

  it('refuses to decide under contact rules that are set but invalid', async () => {
    const t = await tenantWith({ ...ITALIAN_DEFAULTS, maxConversationsPerDay: -1 });
    const d = await createTestDebtor(database.db, t);
    const task = await insertPhoneTask(database.db, t, d.id);
    for (const attempt of [
      () => listPhoneTasks(database.db, t.users.operator.actor, {}, rome('2026-11-24', '10:00')),
      () => recordPhoneContact(database.db, t.users.operator.actor, task.id, { outcome: 'conversation' }, rome('2026-11-24', '10:00')),
    ]) {
      const err = await attempt().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('validation');
      expect((err as AppError).fields.map((f) => f.path)).toEqual(['settings.compliance']);
    }
    const log = await database.db.selectFrom('contact_log').select('id').where('communication_id', '=', task.id).execute();
    expect(log).toEqual([]);
  });
});
