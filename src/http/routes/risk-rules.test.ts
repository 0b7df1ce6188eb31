import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RISK_RULES } from '../../domain/risk/rules.ts';
import { createTestClaim, createTestDebtor } from '../../test/factories.ts';
import { openApiContext, type ApiContext } from '../../test/http.ts';
import { refreshDebtorProfiles } from '../../usecases/risk/refresh-debtor-profiles.ts';

let ctx: ApiContext;
beforeAll(async () => {
  ctx = await openApiContext();
});
afterAll(async () => {
  await ctx.app.close();
});

/** A customer whose three invoices were paid 100 days late: class D by the shipped thresholds. */
async function lateCustomer() {
  const { db, t } = ctx;
  const d = await createTestDebtor(db, t, { lastName: 'Ritardatario' });
  for (let i = 0; i < 3; i++) {
    const c = await createTestClaim(db, t, d.id, { principal: '500.00', dueDate: '2026-01-10' });
    await db.updateTable('claims').set({ status: 'paid', principal_paid: '500.00', closed_on: '2026-04-20' }).where('id', '=', c.id).execute();
  }
  await db.transaction().execute((trx) => refreshDebtorProfiles(trx, t.tenantId, [d.id]));
  return d.id;
}

async function classOf(debtorId: string): Promise<string> {
  return (await ctx.admin({ method: 'GET', url: `/api/debtors/${debtorId}` })).json().riskClass;
}

/** The recomputation runs after the answer, on the job queue: its class once the queue is idle. */
async function classAfterJobs(debtorId: string): Promise<string> {
  await ctx.jobs.idle();
  return classOf(debtorId);
}

describe('risk-class thresholds as data, edited through the API', () => {
  it('the agency sets its own thresholds (admin only); every class is recomputed; clearing returns to the defaults', async () => {
    const debtor = await lateCustomer();
    expect(await classOf(debtor)).toBe('D');
    const before = (await ctx.admin({ method: 'GET', url: '/api/settings' })).json();
    expect(before.riskRulesIsDefault).toBe(true);
    expect(before.riskRules).toEqual(DEFAULT_RISK_RULES);

    // D only from 120 days late: 100 days late is C (more than 30 days on 2 of the last 5).
    const own = { ...DEFAULT_RISK_RULES, D: { ...DEFAULT_RISK_RULES.D, lateDays: 120 } };
    expect((await ctx.supervisor({ method: 'PATCH', url: '/api/settings', payload: { riskRules: own } })).statusCode).toBe(403);
    const saved = await ctx.admin({ method: 'PATCH', url: '/api/settings', payload: { riskRules: own } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ riskRulesIsDefault: false, riskRules: { D: { lateDays: 120 } } });
    expect(await classAfterJobs(debtor)).toBe('C');
    const audit = await ctx.db.selectFrom('audit_events').select(['action', 'after']).where('tenant_id', '=', ctx.t.tenantId).where('action', '=', 'settings.updated').execute();
    expect(audit.some((a) => JSON.stringify(a.after).includes('"lateDays":120'))).toBe(true);

    // A threshold out of range is refused with the field named; nothing changes.
    const bad = await ctx.admin({ method: 'PATCH', url: '/api/settings', payload: { riskRules: { ...own, C: { ...own.C, lateOfRecent: 0 } } } });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('riskRules.C.lateOfRecent');

    const cleared = await ctx.admin({ method: 'PATCH', url: '/api/settings', payload: { riskRules: null } });
    expect(cleared.json()).toMatchObject({ riskRulesIsDefault: true, riskRules: DEFAULT_RISK_RULES });
    expect(await classAfterJobs(debtor)).toBe('D');
  });

  it('a creditor has its own thresholds (stored whole, null returns to the agency’s); outsiders get 404, viewers cannot write', async () => {
    const id = ctx.t.creditor.id;
    const current = (await ctx.admin({ method: 'GET', url: `/api/creditors/${id}` })).json();
    expect(current.riskRules).toBeNull();
    const own = { ...DEFAULT_RISK_RULES, noHistory: 'C', advice: { ...DEFAULT_RISK_RULES.advice, highExposure: '2500.00' } };
    expect((await ctx.outsider({ method: 'PATCH', url: `/api/creditors/${id}`, payload: { riskRules: own } })).statusCode).toBe(404);
    expect((await ctx.viewer({ method: 'PATCH', url: `/api/creditors/${id}`, payload: { riskRules: own } })).statusCode).toBe(403);
    const saved = await ctx.supervisor({ method: 'PATCH', url: `/api/creditors/${id}`, payload: { riskRules: own, version: current.version } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().riskRules).toEqual(own);
    const stored = await ctx.db.selectFrom('creditors').select('risk_rules').where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.risk_rules).toEqual(own);
    const partial = await ctx.admin({ method: 'PATCH', url: `/api/creditors/${id}`, payload: { riskRules: { recent: 5 } } });
    expect(partial.statusCode).toBe(400);
    const cleared = await ctx.admin({ method: 'PATCH', url: `/api/creditors/${id}`, payload: { riskRules: null } });
    expect(cleared.json().riskRules).toBeNull();
  });
});
