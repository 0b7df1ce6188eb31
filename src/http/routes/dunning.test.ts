import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STRATEGY_TEMPLATES } from '../../domain/dunning/index.ts';
import { auditOf, createTestClaim, createTestDebtor, snapshotCounts, uniq, type TestTenant } from '../../test/factories.ts';
import { openApiContext, pathsOf, UNKNOWN_ID, type ApiContext } from '../../test/http.ts';
import { pdfText } from '../../test/pdf.ts';

let ctx: ApiContext;
let t: TestTenant;

beforeAll(async () => {
  ctx = await openApiContext();
  t = ctx.t;
});
afterAll(async () => {
  await ctx.app.close();
});

/** A Tuesday, well after the claims' due date (+10 days: the friendly reminder of it-b2b). */
const RUN_DATE = '2026-03-03';
const run = (payload: Record<string, unknown>, client = ctx.supervisor) => client({ method: 'POST', url: '/api/dunning/runs', payload });

/**
 * A creditor of its own (so a test sees only its claims), with what a letter needs (address, IBAN)
 * and an active it-b2b strategy, inserted as the engine's own tests do.
 */
async function creditorWithStrategy(name: string) {
  const res = await ctx.admin({
    method: 'POST',
    url: '/api/creditors',
    payload: {
      name: `${name} ${uniq()}`,
      kind: 'company',
      addressLine1: 'Via Roma 1',
      postalCode: '20121',
      city: 'Milano',
      province: 'MI',
      country: 'IT',
      iban: 'IT60X0542811101000000123456',
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  const strategy = STRATEGY_TEMPLATES['it-b2b'];
  await ctx.db
    .insertInto('strategies')
    .values({ tenant_id: t.tenantId, creditor_id: id, name: strategy.name, steps: JSON.stringify(strategy.steps), active: true })
    .execute();
  return id;
}

/** A debtor with a postal address and, when given, an e-mail address (the first step's first channel). */
async function debtorWith(lastName: string, email?: string) {
  const d = await createTestDebtor(ctx.db, t, { lastName });
  await ctx.db
    .insertInto('addresses')
    .values({ tenant_id: t.tenantId, debtor_id: d.id, kind: 'residence', line1: 'Via Verdi 10', postal_code: '24100', city: 'Bergamo', province: 'BG', country: 'IT', source: 'test' })
    .execute();
  if (email) await ctx.db.insertInto('contacts').values({ tenant_id: t.tenantId, debtor_id: d.id, channel: 'email', value: email }).execute();
  return d;
}

const countOf = async (table: 'communications' | 'contact_log' | 'outbox' | 'claim_costs' | 'communication_claims') =>
  Number(
    (
      await ctx.db
        .selectFrom(table as 'communications')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('tenant_id', '=', t.tenantId)
        .executeTakeFirstOrThrow()
    ).n,
  );
/** Everything a run can write for the tenant. */
const writes = async () => ({
  ...(await snapshotCounts(ctx.db, t.tenantId, ['claims', 'audit_events'])),
  communications: await countOf('communications'),
  communicationClaims: await countOf('communication_claims'),
  contactLog: await countOf('contact_log'),
  outbox: await countOf('outbox'),
  claimCosts: await countOf('claim_costs'),
});

const claimState = (id: string) =>
  ctx.db
    .selectFrom('claims')
    .select(['strategy_id', 'dunning_step_no', 'dunning_step_key', 'dunning_step_on', 'next_action_on', 'status', 'version'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

describe('dunning run API', () => {
  it('should require authentication', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/dunning/runs', payload: { date: RUN_DATE, dryRun: true } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });

  it('lets only admins and supervisors run, dry or not; operators and viewers get 403 and nothing is written', async () => {
    const creditorId = await creditorWithStrategy('Vietato');
    const d = await debtorWith('Vietato', 'vietato@example.it');
    const c = await createTestClaim(ctx.db, t, d.id, { creditorId, dueDate: '2026-01-10' });
    const before = await writes();
    for (const client of [ctx.operator, ctx.viewer]) {
      for (const dryRun of [true, false]) {
        const res = await run({ date: RUN_DATE, dryRun, creditorId }, client);
        expect(res.statusCode, res.body).toBe(403);
        expect(res.json().error.code).toBe('forbidden');
      }
    }
    expect(await writes()).toEqual(before);
    expect(await claimState(c.id)).toMatchObject({ strategy_id: null, dunning_step_no: 0, next_action_on: null });
  });

  it('answers 404 for another tenant’s creditor or an unknown one, 400 for a malformed id', async () => {
    const res = await run({ date: RUN_DATE, dryRun: true, creditorId: ctx.other.creditor.id });
    expect(res.statusCode, res.body).toBe(404);
    expect(res.json().error.code).toBe('not_found');
    expect((await run({ date: RUN_DATE, dryRun: false, creditorId: ctx.other.creditor.id })).statusCode).toBe(404);
    expect((await run({ date: RUN_DATE, dryRun: true, creditorId: UNKNOWN_ID })).statusCode).toBe(404);
    const malformed = await run({ date: RUN_DATE, dryRun: true, creditorId: 'not-a-uuid' });
    expect(malformed.statusCode).toBe(400);
    expect(pathsOf(malformed)).toEqual(['creditorId']);
    // The outsider cannot run for this tenant's creditor either.
    expect((await run({ date: RUN_DATE, dryRun: true, creditorId: t.creditor.id }, ctx.outsider)).statusCode).toBe(404);
  });

  it('refuses a bad date with a validation error on the field', async () => {
    for (const date of ['2026-02-30', '03/03/2026', '', 20260303]) {
      const res = await run({ date, dryRun: true });
      expect(res.statusCode, String(date)).toBe(400);
      expect(res.json().error.code).toBe('validation');
      expect(pathsOf(res)).toEqual(['date']);
    }
    const missing = await run({ dryRun: true });
    expect(missing.statusCode).toBe(400);
    expect(pathsOf(missing)).toEqual(['date']);
  });

  it('a dry run lists what would go out and writes nothing', async () => {
    const creditorId = await creditorWithStrategy('Simulato');
    const d = await debtorWith('Simulato', 'simulato@example.it');
    const c = await createTestClaim(ctx.db, t, d.id, { creditorId, externalRef: 'FT-DRY', dueDate: '2026-01-10', principal: '420.00' });
    const claimBefore = await claimState(c.id);
    const before = await writes();

    const res = await run({ date: RUN_DATE, dryRun: true, creditorId });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ date: RUN_DATE, dryRun: true, debtors: 1, communications: 1, blocked: 0, claimsAssigned: 1, delivered: null, rendered: null, failed: [] });
    expect(body.actions).toEqual([
      {
        debtorId: d.id,
        debtorName: 'Simulato Mario',
        creditorId,
        creditorName: expect.stringMatching(/^Simulato /),
        audience: 'debtor',
        stepKey: 'soft-1',
        stepNo: 1,
        tier: 'soft',
        channel: 'email',
        recipient: 'simulato@example.it',
        claims: [{ id: c.id, reference: 'FT-DRY', stepNo: 1, totalDue: '420.00', fee: null }],
        currency: 'EUR',
        amount: '420.00',
        fees: '0.00',
        postage: '0.00',
        blocked: null,
        skipped: null,
        records: [],
        // Nothing was created, so nothing to point at.
        communicationId: null,
      },
    ]);
    // Nothing kept: no communication, log, outbox, fee or audit; the claim did not even get its strategy.
    expect(await writes()).toEqual(before);
    expect(await claimState(c.id)).toEqual(claimBefore);
    expect(claimBefore).toMatchObject({ strategy_id: null, dunning_step_no: 0 });

    // The same dry run again gives the same answer: it really left everything as it was.
    expect((await run({ date: RUN_DATE, dryRun: true, creditorId })).json()).toEqual(body);
  });

  it('a run for one creditor acts only on that creditor’s claims, renders its letters and delivers its e-mails', async () => {
    const mine = await creditorWithStrategy('Scelto');
    const theirs = await creditorWithStrategy('Escluso');
    // Owes to both: only the chosen creditor's claim moves.
    const both = await debtorWith('Entrambi', 'entrambi@example.it');
    const mineByEmail = await createTestClaim(ctx.db, t, both.id, { creditorId: mine, externalRef: 'FT-MAIL', dueDate: '2026-01-10', principal: '300.00' });
    const theirsOfBoth = await createTestClaim(ctx.db, t, both.id, { creditorId: theirs, externalRef: 'FT-ALTRO-1', dueDate: '2026-01-10', principal: '90.00' });
    // No e-mail: the friendly reminder goes by letter.
    const byPost = await debtorWith('Posta');
    const mineByLetter = await createTestClaim(ctx.db, t, byPost.id, { creditorId: mine, externalRef: 'FT-POSTA', dueDate: '2026-01-20', principal: '1234.56' });
    // Only the other creditor's claim: not touched at all.
    const other = await debtorWith('Altro', 'altro@example.it');
    const theirsOnly = await createTestClaim(ctx.db, t, other.id, { creditorId: theirs, externalRef: 'FT-ALTRO-2', dueDate: '2026-01-10' });
    const untouched = await Promise.all([theirsOfBoth, theirsOnly].map((c) => claimState(c.id)));
    const before = await writes();

    const res = await run({ date: RUN_DATE, dryRun: false, creditorId: mine });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ date: RUN_DATE, dryRun: false, debtors: 2, communications: 2, blocked: 0, claimsAssigned: 2, failed: [] });
    const byDebtor = new Map(body.actions.map((a: { debtorId: string }) => [a.debtorId, a]));
    expect(byDebtor.size).toBe(2);
    expect(byDebtor.get(both.id)).toMatchObject({ creditorId: mine, stepKey: 'soft-1', channel: 'email', recipient: 'entrambi@example.it', amount: '300.00', blocked: null });
    expect(byDebtor.get(byPost.id)).toMatchObject({ creditorId: mine, stepKey: 'soft-1', channel: 'letter', recipient: 'Via Verdi 10, 24100 Bergamo BG', amount: '1234.56', blocked: null });

    // Exactly the two communications, both for the chosen creditor, each linked to its claim.
    const comms = await ctx.db
      .selectFrom('communications')
      .select(['id', 'debtor_id', 'creditor_id', 'channel', 'status', 'pdf', 'sha256', 'amount'])
      .where('tenant_id', '=', t.tenantId)
      .where('debtor_id', 'in', [both.id, byPost.id, other.id])
      .execute();
    expect(comms.map((c) => [c.debtor_id, c.creditor_id, c.channel]).sort()).toEqual(
      [
        [both.id, mine, 'email'],
        [byPost.id, mine, 'letter'],
      ].sort(),
    );
    const after = await writes();
    expect(after.communications - before.communications!).toBe(2);
    expect(after.communicationClaims - before.communicationClaims!).toBe(2);
    expect(after.outbox - before.outbox!).toBe(1);
    expect(after.claims).toBe(before.claims);
    const links = await ctx.db.selectFrom('communication_claims').select(['communication_id', 'claim_id', 'step_key']).where('communication_id', 'in', comms.map((c) => c.id)).execute();
    expect(links.map((l) => l.claim_id).sort()).toEqual([mineByEmail.id, mineByLetter.id].sort());
    expect(links.every((l) => l.step_key === 'soft-1')).toBe(true);

    for (const id of [mineByEmail.id, mineByLetter.id]) {
      expect(await claimState(id)).toMatchObject({ dunning_step_no: 1, dunning_step_key: 'soft-1', dunning_step_on: RUN_DATE, status: 'in_collection' });
    }
    expect(await Promise.all([theirsOfBoth, theirsOnly].map((c) => claimState(c.id)))).toEqual(untouched);

    // The letter's PDF is rendered in the same request, its SHA-256 stored, and it reads right.
    const letter = comms.find((c) => c.channel === 'letter')!;
    expect(letter.status).toBe('to_print');
    expect(letter.pdf).not.toBeNull();
    expect(createHash('sha256').update(letter.pdf!).digest('hex')).toBe(letter.sha256);
    const text = pdfText(letter.pdf!);
    expect(text).toContain('FT-POSTA');
    expect(text).toContain('1.234,56');
    // The e-mail went to the local mailbox (no SMTP configured), marked sent.
    const mail = comms.find((c) => c.channel === 'email')!;
    expect(mail.status).toBe('sent');
    expect(await ctx.db.selectFrom('outbox').select('status').where('communication_id', '=', mail.id).execute()).toEqual([{ status: 'sent' }]);
    expect(await ctx.db.selectFrom('local_mailbox').select('to_address').where('tenant_id', '=', t.tenantId).where('message_id', '=', `<${mail.id}@incasso>`).execute()).toEqual([
      { to_address: 'entrambi@example.it' },
    ]);
    // The summary counts what was rendered and delivered. This file's PGlite holds only its own rows;
    // on a shared PostgreSQL other test files' letters and e-mails may be done by this call too.
    expect(body.rendered.failed).toBe(0);
    expect(body.delivered).toMatchObject({ retrying: 0, failed: 0 });
    if (!process.env.DATABASE_URL) {
      expect(body.rendered).toEqual({ rendered: 1, failed: 0 });
      expect(body.delivered).toEqual({ sent: 1, retrying: 0, failed: 0 });
    }

    // Audited under the supervisor's name.
    const audit = await auditOf(ctx.db, t.tenantId, letter.id);
    expect(audit).toEqual([
      expect.objectContaining({ action: 'communication.created', debtor_id: byPost.id, creditor_id: mine, actor_label: `user:${t.users.supervisor.email}` }),
    ]);

    // Run again the same day: nothing more (no step twice).
    const again = (await run({ date: RUN_DATE, dryRun: false, creditorId: mine })).json();
    expect(again).toMatchObject({ debtors: 0, communications: 0, claimsAssigned: 0, actions: [], delivered: null, rendered: null });
    expect((await writes()).communications).toBe(after.communications);
  });

  it('reports a debtor whose step cannot be done in `failed`, with the reason, and writes nothing for it', async () => {
    const creditorId = await creditorWithStrategy('Iban');
    // An IBAN the API would refuse, as old data may hold: the letter's payment slip cannot be made.
    await ctx.db.updateTable('creditors').set({ iban: 'IT00X0542811101000000123456' }).where('id', '=', creditorId).execute();
    const d = await debtorWith('Iban', 'iban@example.it');
    const c = await createTestClaim(ctx.db, t, d.id, { creditorId, externalRef: 'FT-IBAN', dueDate: '2026-01-10' });
    const before = await writes();
    const res = await run({ date: RUN_DATE, dryRun: false, creditorId });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ communications: 0, actions: [], rendered: null, delivered: null, failed: [{ debtorId: d.id, message: expect.stringMatching(/IBAN non valido/) }] });
    expect((await writes()).communications).toBe(before.communications);
    expect(await claimState(c.id)).toMatchObject({ dunning_step_no: 0, dunning_step_key: null });
  });
});
