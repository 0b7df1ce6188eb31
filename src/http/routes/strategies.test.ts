import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STRATEGY_TEMPLATES, type Step } from '../../domain/dunning/index.ts';
import { auditOf, createTestClaim, createTestDebtor, type TestTenant } from '../../test/factories.ts';
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

const countStrategies = async (tenantId = t.tenantId) =>
  Number(
    (
      await ctx.db
        .selectFrom('strategies')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('tenant_id', '=', tenantId)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** A creditor of its own, so each test sees only its strategies and claims. */
async function newCreditor(name = 'Strategico') {
  const res = await ctx.admin({ method: 'POST', url: '/api/creditors', payload: { name: `${name} ${Math.random().toString(36).slice(2, 8)}`, kind: 'company' } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const create = (payload: Record<string, unknown>, client = ctx.admin) => client({ method: 'POST', url: '/api/strategies', payload });

const step = (overrides: Record<string, unknown> = {}) => ({
  key: 'soft-1',
  tier: 'soft',
  delayDays: 10,
  delayFrom: 'due',
  channels: ['email'],
  template: 'soft-reminder',
  conditions: {},
  fee: 'none',
  interest: 'none',
  ...overrides,
});

/** Puts a claim where the engine would have left it: on a strategy, at a step, done on a day. */
async function placeClaim(
  claimId: string,
  at: { strategyId: string | null; stepNo: number; stepKey: string | null; stepOn: string | null; nextActionOn?: string | null; holdUntil?: string | null },
) {
  await ctx.db
    .updateTable('claims')
    .set({
      strategy_id: at.strategyId,
      dunning_step_no: at.stepNo,
      dunning_step_key: at.stepKey,
      dunning_step_on: at.stepOn,
      next_action_on: at.nextActionOn ?? null,
      hold_until: at.holdUntil ?? null,
      hold_reason: at.holdUntil ? 'test' : null,
    })
    .where('id', '=', claimId)
    .execute();
}

const claimRow = (id: string) =>
  ctx.db
    .selectFrom('claims')
    .select(['strategy_id', 'dunning_step_no', 'dunning_step_key', 'dunning_step_on', 'next_action_on', 'version'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

describe('strategies API', () => {
  it('should require authentication', async () => {
    for (const [method, url] of [
      ['GET', '/api/strategy-templates'],
      ['GET', '/api/strategies'],
      ['POST', '/api/strategies'],
      ['GET', `/api/strategies/${UNKNOWN_ID}`],
      ['PATCH', `/api/strategies/${UNKNOWN_ID}`],
      ['POST', `/api/strategies/${UNKNOWN_ID}/activate`],
      ['POST', `/api/strategies/${UNKNOWN_ID}/deactivate`],
    ] as const) {
      const res = await ctx.app.inject({ method, url, payload: method === 'GET' ? undefined : {} });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
  });

  it('lists the shipped templates with their steps and the message templates per tier', async () => {
    const res = await ctx.viewer({ method: 'GET', url: '/api/strategy-templates' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.defaultKey).toBe('it-b2b');
    expect(body.strategies.map((s: { key: string }) => s.key)).toEqual(['it-b2b', 'it-b2c', 'ch', 'comune']);
    const b2b = body.strategies[0];
    expect(b2b.steps).toEqual(STRATEGY_TEMPLATES['it-b2b'].steps);
    // The seed schedule: +10 friendly without interest, +30 interest mentioned, +45 interest charged.
    expect(b2b.steps.slice(0, 3).map((s: Step) => [s.delayDays, s.delayFrom, s.interest])).toEqual([
      [10, 'due', 'none'],
      [30, 'due', 'mention'],
      [45, 'due', 'charge'],
    ]);
    expect(body.strategies[2].steps[0]).toMatchObject({ key: 'mahnung-1', waiveBelow: '500.00', paymentSlip: 'qr_bill' });
    expect(body.messageTemplates).toContainEqual({
      key: 'closure-advice',
      tier: 'closure',
      audience: 'creditor',
      description: 'Consiglio al creditore: sospendere le forniture (interno)',
    });
    // Described in the reader's language.
    const de = (await ctx.viewer({ method: 'GET', url: '/api/strategy-templates', headers: { 'accept-language': 'de' } })).json();
    expect(de.messageTemplates.find((m: { key: string }) => m.key === 'closure-advice').description).toBe('Empfehlung an den Auftraggeber: Lieferungen einstellen (intern)');
  });

  it('creates a strategy from a template, inactive, with exact steps and an audit event', async () => {
    const creditorId = await newCreditor();
    const res = await create({ creditorId, template: 'it-b2b' });
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json();
    expect(s).toEqual({
      id: expect.any(String),
      creditorId,
      creditorName: expect.stringMatching(/^Strategico /),
      name: 'it-b2b',
      template: 'it-b2b',
      steps: STRATEGY_TEMPLATES['it-b2b'].steps,
      active: false,
      openClaims: 0,
      version: 1,
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      updatedAt: expect.any(String),
    });
    expect((await ctx.viewer({ method: 'GET', url: `/api/strategies/${s.id}` })).statusCode).toBe(404); // not the viewer's creditor
    expect((await ctx.operator({ method: 'GET', url: `/api/strategies/${s.id}` })).json()).toEqual(s);
    const audit = await auditOf(ctx.db, t.tenantId, s.id);
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'strategy.created',
        entity_type: 'strategy',
        creditor_id: creditorId,
        before: null,
        after: { name: 'it-b2b', template: 'it-b2b', steps: STRATEGY_TEMPLATES['it-b2b'].steps, active: false },
      }),
    ]);
  });

  it('creates a strategy from explicit steps, normalising amounts', async () => {
    const creditorId = await newCreditor();
    const res = await ctx.supervisor({
      method: 'POST',
      url: '/api/strategies',
      payload: {
        creditorId,
        name: '  Clienti fedeli  ',
        steps: [
          step({ fee: '5', waiveBelow: '100', conditions: { currencies: ['EUR'], minAmount: '10', maxAmount: '999.9' } }),
          step({ key: 'formal-1', tier: 'formal', delayDays: 20, delayFrom: 'previous', channels: ['pec', 'registered_letter'], template: 'formal-notice-it', fee: 'creditor', interest: 'mention', postage: '8.5' }),
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ name: 'Clienti fedeli', template: null, active: false });
    expect(res.json().steps).toEqual([
      step({ fee: '5.00', waiveBelow: '100.00', conditions: { currencies: ['EUR'], minAmount: '10.00', maxAmount: '999.90' } }),
      step({ key: 'formal-1', tier: 'formal', delayDays: 20, delayFrom: 'previous', channels: ['pec', 'registered_letter'], template: 'formal-notice-it', fee: 'creditor', interest: 'mention', postage: '8.50' }),
    ]);
  });

  it('round-trips the action steps (enforce the guarantee, propose mediation) and refuses an unknown action', async () => {
    const creditorId = await newCreditor();
    const steps = [
      step(),
      step({ key: 'mediazione', tier: 'negotiation', delayDays: 15, delayFrom: 'previous', template: 'negotiation-offer', action: 'propose_mediation' }),
      // An action step's template is not used, so it need not belong to the tier.
      step({ key: 'escussione', tier: 'legal', delayDays: 20, delayFrom: 'previous', channels: ['pec', 'registered_letter'], template: 'soft-reminder', conditions: { riskClasses: ['C', 'D'] }, action: 'enforce_guarantee' }),
    ];
    const res = await create({ creditorId, name: 'Con garanzie', steps });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().steps).toEqual(steps);
    const s = res.json();
    const back = (await ctx.operator({ method: 'GET', url: `/api/strategies/${s.id}` })).json();
    expect(back.steps).toEqual(steps);
    // Edited as the editor sends it: the action changed, one removed.
    const edited = [
      steps[0],
      { ...steps[1], action: 'enforce_guarantee' },
      step({ key: 'escussione', tier: 'legal', delayDays: 20, delayFrom: 'previous', channels: ['pec', 'registered_letter'], template: 'legal-handoff-it', conditions: { riskClasses: ['C', 'D'] } }),
    ];
    const patched = await ctx.supervisor({ method: 'PATCH', url: `/api/strategies/${s.id}`, payload: { steps: edited, version: s.version } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().steps).toEqual(edited);
    expect(patched.json().steps[2].action).toBeUndefined();

    const bad = await create({ creditorId, name: 'Sbagliata', steps: [step({ action: 'sue_at_once' })] });
    expect(bad.statusCode).toBe(400);
    expect(pathsOf(bad)).toEqual(['steps.0.action']);
    // A message step still needs a template of its tier.
    const wrongTier = await create({ creditorId, name: 'Sbagliata', steps: [step({ template: 'legal-handoff-it' })] });
    expect(pathsOf(wrongTier)).toEqual(['steps.0.template']);
  });

  it('refuses invalid steps with an error on the exact step and field, and writes nothing', async () => {
    const creditorId = await newCreditor();
    const before = await countStrategies();

    // Each step alone is wrong somewhere.
    const single = await create({
      creditorId,
      name: 'Sbagliata',
      steps: [step({ fee: '12.345', channels: ['fax'] }), step({ key: 'Bad Key', delayDays: -1 })],
    });
    expect(single.statusCode).toBe(400);
    expect(pathsOf(single)).toEqual(expect.arrayContaining(['steps.0.fee', 'steps.0.channels.0', 'steps.1.key', 'steps.1.delayDays']));

    // Steps fine alone, wrong together: the domain's rules across steps.
    const across = await create({
      creditorId,
      name: 'Fuori ordine',
      steps: [
        step({ delayFrom: 'previous' }),
        step({ key: 'formal-1', tier: 'formal', delayDays: 30, template: 'soft-reminder' }),
        step({ key: 'soft-2', tier: 'soft', delayDays: 20 }),
        step({ key: 'formal-1', tier: 'formal', delayDays: 40, template: 'formal-notice-it' }),
      ],
    });
    expect(across.statusCode).toBe(400);
    expect(pathsOf(across).sort()).toEqual(['steps.0.delayFrom', 'steps.1.template', 'steps.2.delayDays', 'steps.2.tier', 'steps.3.key']);
    expect(messageFor(across, 'steps.3.key')).toContain('Chiave ripetuta: formal-1');
    expect(messageFor(across, 'steps.2.tier')).toContain('i livelli non tornano indietro');

    const nothing = await create({ creditorId, name: 'Vuota' });
    expect(nothing.statusCode).toBe(400);
    expect(pathsOf(nothing)).toEqual(['template']);
    const unnamed = await create({ creditorId, steps: [step()] });
    expect(pathsOf(unnamed)).toEqual(['name']);
    const unknownTemplate = await create({ creditorId, template: 'de' });
    expect(pathsOf(unknownTemplate)).toEqual(['template']);
    const tooMany = await create({
      creditorId,
      name: 'Lunga',
      steps: Array.from({ length: 21 }, (_, i) => step({ key: `s-${i}`, delayDays: i + 1, delayFrom: i === 0 ? 'due' : 'previous' })),
    });
    expect(tooMany.statusCode).toBe(400);
    expect(messageFor(tooMany, 'steps')).toContain('Al massimo 20 passi');
    expect(await countStrategies()).toBe(before);
  });

  it('lets only admins and supervisors change strategies; a viewer reads its creditor’s only', async () => {
    const creditorId = await newCreditor();
    const before = await countStrategies();
    for (const client of [ctx.operator, ctx.viewer]) {
      expect((await create({ creditorId, template: 'ch' }, client)).statusCode).toBe(403);
      expect((await create({ creditorId: t.creditor.id, template: 'ch' }, client)).statusCode).toBe(403);
    }
    expect(await countStrategies()).toBe(before);

    const mine = (await create({ creditorId: t.creditor.id, template: 'it-b2c' })).json();
    const theirs = (await create({ creditorId: t.otherCreditor.id, template: 'comune' })).json();
    for (const client of [ctx.operator, ctx.viewer]) {
      expect((await client({ method: 'PATCH', url: `/api/strategies/${mine.id}`, payload: { name: 'X' } })).statusCode).toBe(403);
      expect((await client({ method: 'POST', url: `/api/strategies/${mine.id}/activate`, payload: {} })).statusCode).toBe(403);
      expect((await client({ method: 'POST', url: `/api/strategies/${mine.id}/deactivate`, payload: {} })).statusCode).toBe(403);
    }
    expect((await ctx.viewer({ method: 'GET', url: `/api/strategies/${mine.id}` })).json()).toMatchObject({ id: mine.id, name: 'it-b2c' });
    expect((await ctx.viewer({ method: 'GET', url: `/api/strategies/${theirs.id}` })).statusCode).toBe(404);
    const listed = (await ctx.viewer({ method: 'GET', url: '/api/strategies' })).json().items;
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((s: { creditorId: string }) => s.creditorId === t.creditor.id)).toBe(true);
    expect((await ctx.viewer({ method: 'GET', url: `/api/strategies?creditorId=${t.otherCreditor.id}` })).json().items).toEqual([]);

    const all = (await ctx.operator({ method: 'GET', url: `/api/strategies?creditorId=${t.otherCreditor.id}` })).json().items;
    expect(all.map((s: { id: string }) => s.id)).toContain(theirs.id);
    expect(all.every((s: { creditorId: string }) => s.creditorId === t.otherCreditor.id)).toBe(true);
  });

  it('answers 404 for another tenant’s strategy or creditor, and for ids that name nothing', async () => {
    const s = (await create({ creditorId: t.creditor.id, template: 'it-b2b' })).json();
    expect((await ctx.outsider({ method: 'GET', url: `/api/strategies/${s.id}` })).statusCode).toBe(404);
    expect((await ctx.outsider({ method: 'PATCH', url: `/api/strategies/${s.id}`, payload: { name: 'Presa' } })).statusCode).toBe(404);
    expect((await ctx.outsider({ method: 'POST', url: `/api/strategies/${s.id}/activate`, payload: {} })).statusCode).toBe(404);
    expect((await ctx.outsider({ method: 'POST', url: `/api/strategies/${s.id}/deactivate`, payload: {} })).statusCode).toBe(404);
    expect((await ctx.outsider({ method: 'GET', url: '/api/strategies' })).json().items.map((x: { id: string }) => x.id)).not.toContain(s.id);
    const before = await countStrategies(ctx.other.tenantId);
    expect((await create({ creditorId: t.creditor.id, template: 'it-b2b' }, ctx.outsider)).statusCode).toBe(404);
    expect(await countStrategies(ctx.other.tenantId)).toBe(before);
    for (const id of [...MALFORMED_IDS, UNKNOWN_ID]) {
      expect((await ctx.admin({ method: 'GET', url: `/api/strategies/${id}` })).statusCode, id).toBe(404);
    }
    expect((await ctx.admin({ method: 'GET', url: `/api/strategies/${s.id}` })).json().name).toBe('it-b2b');
  });

  it('updates name and steps with a version check, auditing before and after', async () => {
    const creditorId = await newCreditor();
    const s = (await create({ creditorId, template: 'it-b2b' })).json();
    const renamed = await ctx.supervisor({ method: 'PATCH', url: `/api/strategies/${s.id}`, payload: { name: 'B2B lento', version: 1 } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'B2B lento', version: 2, steps: s.steps });

    const stale = await ctx.admin({ method: 'PATCH', url: `/api/strategies/${s.id}`, payload: { name: 'Altro', version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('conflict');

    const steps = structuredClone(s.steps) as Step[];
    steps[0]!.delayDays = 12;
    const edited = await ctx.admin({ method: 'PATCH', url: `/api/strategies/${s.id}`, payload: { steps, version: 2 } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ version: 3 });
    expect(edited.json().steps[0].delayDays).toBe(12);

    // Unchanged input changes nothing.
    const same = await ctx.admin({ method: 'PATCH', url: `/api/strategies/${s.id}`, payload: { steps, name: 'B2B lento' } });
    expect(same.json().version).toBe(3);

    const bad = structuredClone(steps);
    bad[2]!.delayDays = 20; // before formal-1's day 30
    const refused = await ctx.admin({ method: 'PATCH', url: `/api/strategies/${s.id}`, payload: { steps: bad, version: 3 } });
    expect(refused.statusCode).toBe(400);
    expect(pathsOf(refused)).toEqual(['steps.2.delayDays']);
    expect((await ctx.admin({ method: 'GET', url: `/api/strategies/${s.id}` })).json()).toMatchObject({ version: 3, name: 'B2B lento' });

    const audit = await auditOf(ctx.db, t.tenantId, s.id);
    expect(audit.map((a) => a.action)).toEqual(['strategy.created', 'strategy.updated', 'strategy.updated']);
    expect(audit[1]).toMatchObject({ before: { name: 'it-b2b' }, after: { name: 'B2B lento' }, actor_label: `user:${t.users.supervisor.email}` });
    const stepsAudit = audit[2]!;
    expect((stepsAudit.before as { steps: Step[] }).steps[0]!.delayDays).toBe(10);
    expect((stepsAudit.after as { steps: Step[] }).steps[0]!.delayDays).toBe(12);
  });

  it('activates one strategy per creditor, moving open claims and keeping their step number', async () => {
    const creditorId = await newCreditor();
    const debtor = await createTestDebtor(ctx.db, t, { kind: 'company', companyName: 'Acme S.r.l.', taxCode: undefined, firstName: undefined, lastName: undefined });
    const a = (await create({ creditorId, template: 'it-b2b' })).json();
    const b = (await create({ creditorId, template: 'ch', name: 'Svizzera' })).json();

    // The first activation: nothing was active, no claim follows a strategy yet.
    const unassigned = await createTestClaim(ctx.db, t, debtor.id, { creditorId, dueDate: '2025-01-31' });
    const first = await ctx.supervisor({ method: 'POST', url: `/api/strategies/${a.id}/activate`, payload: { version: 1 } });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ id: a.id, active: true, version: 2, previousStrategyId: null, claimsMoved: 0 });
    expect((await claimRow(unassigned.id)).strategy_id).toBeNull();

    // Claims where the engine left them on strategy A.
    const atFormal = await createTestClaim(ctx.db, t, debtor.id, { creditorId, dueDate: '2025-01-31', principal: '800.00' });
    const fresh = await createTestClaim(ctx.db, t, debtor.id, { creditorId, dueDate: '2025-02-28', principal: '200.00' });
    const held = await createTestClaim(ctx.db, t, debtor.id, { creditorId, dueDate: '2025-01-31', principal: '100.00' });
    const closed = await createTestClaim(ctx.db, t, debtor.id, { creditorId, dueDate: '2025-01-31' });
    await placeClaim(atFormal.id, { strategyId: a.id, stepNo: 2, stepKey: 'formal-1', stepOn: '2025-03-02', nextActionOn: '2025-03-17' });
    await placeClaim(fresh.id, { strategyId: a.id, stepNo: 0, stepKey: null, stepOn: null, nextActionOn: '2025-03-10' });
    await placeClaim(held.id, { strategyId: a.id, stepNo: 1, stepKey: 'soft-1', stepOn: '2025-02-10', nextActionOn: '2025-03-02', holdUntil: '2025-06-30' });
    await placeClaim(closed.id, { strategyId: a.id, stepNo: 1, stepKey: 'soft-1', stepOn: '2025-02-10', nextActionOn: '2025-03-02' });
    await ctx.db.updateTable('claims').set({ status: 'written_off' }).where('id', '=', closed.id).execute();
    const heldVersion = (await claimRow(held.id)).version;
    expect((await ctx.admin({ method: 'GET', url: `/api/strategies/${a.id}` })).json().openClaims).toBe(3);

    const stale = await ctx.admin({ method: 'POST', url: `/api/strategies/${b.id}/activate`, payload: { version: 7 } });
    expect(stale.statusCode).toBe(409);
    expect((await claimRow(atFormal.id)).strategy_id).toBe(a.id);

    const res = await ctx.admin({ method: 'POST', url: `/api/strategies/${b.id}/activate`, payload: { version: 1 } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: b.id, active: true, version: 2, previousStrategyId: a.id, claimsMoved: 3, openClaims: 3 });
    expect((await ctx.admin({ method: 'GET', url: `/api/strategies/${a.id}` })).json()).toMatchObject({ active: false, version: 3, openClaims: 0 });
    const active = await ctx.db.selectFrom('strategies').select('id').where('creditor_id', '=', creditorId).where('active', '=', true).execute();
    expect(active).toEqual([{ id: b.id }]);

    // Step 2 of A (formal-1) → step 2 of CH (mahnung-2); next: mahnung-3, due + 45 = 17 March.
    expect(await claimRow(atFormal.id)).toMatchObject({
      strategy_id: b.id,
      dunning_step_no: 2,
      dunning_step_key: 'mahnung-2',
      dunning_step_on: '2025-03-02',
      next_action_on: '2025-03-17',
    });
    // No step yet → CH's first step, due + 10.
    expect(await claimRow(fresh.id)).toMatchObject({ strategy_id: b.id, dunning_step_no: 0, dunning_step_key: null, next_action_on: '2025-03-10' });
    // mahnung-2 would be due + 30 = 2 March, but the hold runs to 30 June: the day after it.
    expect(await claimRow(held.id)).toMatchObject({ strategy_id: b.id, dunning_step_no: 1, dunning_step_key: 'mahnung-1', next_action_on: '2025-07-01', version: heldVersion + 1 });
    expect(await claimRow(closed.id)).toMatchObject({ strategy_id: a.id, dunning_step_key: 'soft-1' });
    expect((await claimRow(unassigned.id)).strategy_id).toBeNull();

    const claimAudit = await auditOf(ctx.db, t.tenantId, atFormal.id);
    expect(claimAudit.at(-1)).toMatchObject({
      action: 'claim.strategy_changed',
      debtor_id: debtor.id,
      creditor_id: creditorId,
      before: { strategyId: a.id, dunningStepKey: 'formal-1', nextActionOn: '2025-03-17' },
      after: { strategyId: b.id, dunningStepKey: 'mahnung-2', nextActionOn: '2025-03-17', dunningStepNo: 2 },
    });
    expect((await auditOf(ctx.db, t.tenantId, a.id)).map((e) => e.action)).toEqual(['strategy.created', 'strategy.activated', 'strategy.deactivated']);
    expect((await auditOf(ctx.db, t.tenantId, b.id)).at(-1)).toMatchObject({
      action: 'strategy.activated',
      before: { active: false },
      after: { active: true, replaces: a.id, claimsMoved: 3 },
    });

    // Activating the active one again changes nothing.
    const again = await ctx.admin({ method: 'POST', url: `/api/strategies/${b.id}/activate`, payload: {} });
    expect(again.json()).toMatchObject({ version: 2, claimsMoved: 0, previousStrategyId: null });
  });

  it('leaves exactly one active strategy when two are activated at once', async () => {
    const creditorId = await newCreditor();
    const [x, y] = [(await create({ creditorId, template: 'it-b2b' })).json(), (await create({ creditorId, template: 'it-b2c' })).json()];
    const results = await Promise.all([x, y].map((s) => ctx.admin({ method: 'POST', url: `/api/strategies/${s.id}/activate`, payload: {} })));
    expect(results.map((r) => r.statusCode)).toEqual([200, 200]);
    const active = await ctx.db.selectFrom('strategies').select('id').where('creditor_id', '=', creditorId).where('active', '=', true).execute();
    expect(active).toHaveLength(1);
    // The one activated second replaced the first.
    const second = results.find((r) => r.json().previousStrategyId !== null)!;
    expect(active[0]!.id).toBe(second.json().id);
  });

  it('skips a step whose conditions exclude the claim when recomputing, and recomputes after a step edit', async () => {
    const creditorId = await newCreditor('Comune');
    const debtor = await createTestDebtor(ctx.db, t, { lastName: 'Piccolo' });
    const a = (await create({ creditorId, template: 'it-b2c' })).json();
    const comune = (await create({ creditorId, template: 'comune' })).json();
    await ctx.admin({ method: 'POST', url: `/api/strategies/${a.id}/activate`, payload: {} });
    // 60 € open in all: the comune's instalment offers are only above 100 €, so after step 3 (sollecito)
    // comes the hand-off, 30 days after the sollecito.
    const small = await createTestClaim(ctx.db, t, debtor.id, { creditorId, principal: '60.00', dueDate: '2025-01-31' });
    await placeClaim(small.id, { strategyId: a.id, stepNo: 3, stepKey: 'formal-2', stepOn: '2025-04-01' });
    const moved = await ctx.admin({ method: 'POST', url: `/api/strategies/${comune.id}/activate`, payload: {} });
    expect(moved.json().claimsMoved).toBe(1);
    expect(await claimRow(small.id)).toMatchObject({ dunning_step_key: 'sollecito', next_action_on: '2025-05-01' });

    // The creditor waits longer before the hand-off: the claim's date follows.
    const steps = structuredClone(comune.steps) as Step[];
    steps[5]!.delayDays = 45;
    const edited = await ctx.admin({ method: 'PATCH', url: `/api/strategies/${comune.id}`, payload: { steps } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(await claimRow(small.id)).toMatchObject({ dunning_step_key: 'sollecito', next_action_on: '2025-05-16' });
    expect((await auditOf(ctx.db, t.tenantId, small.id)).at(-1)).toMatchObject({
      action: 'claim.next_action_recomputed',
      before: { nextActionOn: '2025-05-01' },
      after: { nextActionOn: '2025-05-16' },
    });

    // The step the claim stands at cannot be removed or renamed.
    const renamed = structuredClone(steps);
    renamed[2]!.key = 'sollecito-bis';
    const refused = await ctx.admin({ method: 'PATCH', url: `/api/strategies/${comune.id}`, payload: { steps: renamed } });
    expect(refused.statusCode).toBe(400);
    expect(messageFor(refused, 'steps')).toContain('"sollecito"');
    expect(messageFor(refused, 'steps')).toContain('1 pratiche');
    expect((await claimRow(small.id)).dunning_step_key).toBe('sollecito');
  });

  it('refuses to move a step where claims stand to an earlier position, and allows steps inserted before it', async () => {
    const creditorId = await newCreditor();
    const debtor = await createTestDebtor(ctx.db, t, { lastName: 'Posizionato' });
    const s = (await create({ creditorId, template: 'it-b2b' })).json();
    const c = await createTestClaim(ctx.db, t, debtor.id, { creditorId });
    await placeClaim(c.id, { strategyId: s.id, stepNo: 3, stepKey: 'formal-2', stepOn: '2025-03-17', nextActionOn: '2025-04-01' });

    // Without formal-1, formal-2 would be step 2: the claim's next step would reuse number 3.
    const without = (s.steps as Step[]).filter((x) => x.key !== 'formal-1');
    const refused = await ctx.admin({ method: 'PATCH', url: `/api/strategies/${s.id}`, payload: { steps: without } });
    expect(refused.statusCode).toBe(400);
    expect(messageFor(refused, 'steps')).toContain('Il passo "formal-2" è il n. 3 per 1 pratiche aperte: non può diventare il n. 2');

    const inserted = structuredClone(s.steps) as Step[];
    inserted.splice(2, 0, { ...inserted[1]!, key: 'formal-1b', delayDays: 40 });
    inserted[3]!.delayDays = 50;
    const ok = await ctx.admin({ method: 'PATCH', url: `/api/strategies/${s.id}`, payload: { steps: inserted } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().steps.map((x: Step) => x.key)).toEqual(['soft-1', 'formal-1', 'formal-1b', 'formal-2', 'negotiation-1', 'closure-1', 'legal-1']);
    // The claim stays at formal-2 (its number too); negotiation-1 still comes 15 days after it.
    expect(await claimRow(c.id)).toMatchObject({ dunning_step_no: 3, dunning_step_key: 'formal-2', next_action_on: '2025-04-01' });
  });

  it('deactivates a strategy; its claims keep their place', async () => {
    const creditorId = await newCreditor();
    const debtor = await createTestDebtor(ctx.db, t, { lastName: 'Sospeso' });
    const s = (await create({ creditorId, template: 'it-b2b' })).json();
    await ctx.admin({ method: 'POST', url: `/api/strategies/${s.id}/activate`, payload: {} });
    const c = await createTestClaim(ctx.db, t, debtor.id, { creditorId });
    await placeClaim(c.id, { strategyId: s.id, stepNo: 1, stepKey: 'soft-1', stepOn: '2025-02-10', nextActionOn: '2025-03-02' });

    const stale = await ctx.supervisor({ method: 'POST', url: `/api/strategies/${s.id}/deactivate`, payload: { version: 1 } });
    expect(stale.statusCode).toBe(409);
    const res = await ctx.supervisor({ method: 'POST', url: `/api/strategies/${s.id}/deactivate`, payload: { version: 2 } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ active: false, version: 3, openClaims: 1 });
    expect(await claimRow(c.id)).toMatchObject({ strategy_id: s.id, dunning_step_key: 'soft-1', next_action_on: '2025-03-02' });
    expect((await auditOf(ctx.db, t.tenantId, s.id)).at(-1)).toMatchObject({ action: 'strategy.deactivated', before: { active: true }, after: { active: false } });
    expect((await ctx.admin({ method: 'GET', url: `/api/strategies?creditorId=${creditorId}&active=true` })).json().items).toEqual([]);
  });
});
