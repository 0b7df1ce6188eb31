import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../../db/connect.ts';
import { STRATEGY_TEMPLATES, claimNumberFromReference, isValidRf, isValidQrr, type Strategy } from '../../domain/dunning/index.ts';
import { decodeQrBill, pdfText } from '../../integrations/letters/test-pdf-tools.ts';
import { decodeMessage, translate } from '../../domain/messages/index.ts';
import { money } from '../../domain/money.ts';
import { formatMoneyText } from '../../domain/money-format.ts';
import { openTestDatabase } from '../../test/db.ts';
import { createTestClaim, createTestDebtor, createTestTenant, snapshotCounts, type TestTenant } from '../../test/factories.ts';
import { renderPendingLetters } from './render-letters.ts';
import { runDunning } from './run-dunning.ts';

let database: Database;
let db: Db;

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
});

/** A tenant whose creditor has an address, an IBAN, reminder fees and the given strategy. */
async function setup(strategy: Strategy = STRATEGY_TEMPLATES['it-b2b'], creditor: Record<string, unknown> = {}) {
  const t = await createTestTenant(db);
  await db
    .updateTable('creditors')
    .set({
      address_line1: 'Via Roma 1',
      postal_code: '20121',
      city: 'Milano',
      province: 'MI',
      country: 'IT',
      email: 'crediti@mandante.example',
      iban: 'IT60X0542811101000000123456',
      reminder_fees: JSON.stringify(['5.00', '15.00', '25.00']),
      ...creditor,
    })
    .where('id', '=', t.creditor.id)
    .execute();
  await db
    .insertInto('strategies')
    .values({ tenant_id: t.tenantId, creditor_id: t.creditor.id, name: strategy.name, steps: JSON.stringify(strategy.steps), active: true })
    .execute();
  return t;
}

async function debtorWith(t: TestTenant, opts: { email?: string; emailConsent?: 'withdrawn'; thirdParty?: boolean; address?: boolean; kind?: 'company' | 'consumer'; language?: string } = {}) {
  const d = await createTestDebtor(db, t, opts.kind === 'company' ? { kind: 'company', companyName: 'Rossi Impianti S.r.l.', firstName: undefined, lastName: undefined, taxCode: undefined, vatNumber: '01234567897' } : {});
  if (opts.language) await db.updateTable('debtors').set({ language: opts.language }).where('id', '=', d.id).execute();
  if (opts.email) {
    await db
      .insertInto('contacts')
      .values({ tenant_id: t.tenantId, debtor_id: d.id, channel: 'email', value: opts.email, consent: opts.emailConsent ?? 'unknown', third_party: opts.thirdParty ?? false })
      .execute();
  }
  if (opts.address !== false) {
    await db
      .insertInto('addresses')
      .values({ tenant_id: t.tenantId, debtor_id: d.id, kind: 'residence', line1: 'Via Verdi 10', postal_code: '24100', city: 'Bergamo', province: 'BG', country: 'IT', source: 'test' })
      .execute();
  }
  return d;
}

const claimRow = (id: string) =>
  db.selectFrom('claims').select(['dunning_step_no', 'dunning_step_key', 'dunning_step_on', 'next_action_on', 'status', 'stage']).where('id', '=', id).executeTakeFirstOrThrow();
const commsOf = (debtorId: string) =>
  db.selectFrom('communications').selectAll().where('debtor_id', '=', debtorId).orderBy('created_at').orderBy('ref_no').execute();

const costsOf = (claimId: string) => db.selectFrom('claim_costs').select(['kind', 'amount', 'source_key']).where('claim_id', '=', claimId).orderBy('source_key').execute();
const linksOf = (claimId: string) =>
  db.selectFrom('communication_claims').select(['step_no', 'step_key', 'total_due', 'fee']).where('claim_id', '=', claimId).orderBy('step_no').execute();

describe('the dunning run', () => {
  it('sends one message per debtor bundling the due claims, once, never skips a step, charges a fee once per step', async () => {
    const t = await setup();
    const d = await debtorWith(t, { email: 'mario.rossi@example.it' });
    const a = await createTestClaim(db, t, d.id, { externalRef: 'FT-A', dueDate: '2026-09-01', principal: '1000.00' });
    const b = await createTestClaim(db, t, d.id, { externalRef: 'FT-B', dueDate: '2026-09-05', principal: '250.50' });

    // Due + 10 for A only: the friendly reminder goes out by e-mail for A (B is not due yet).
    const r1 = await runDunning(db, { date: '2026-09-11', tenantId: t.tenantId, time: '10:00' });
    expect(r1.communications).toBe(1);
    expect(r1.actions[0]).toMatchObject({ channel: 'email', recipient: 'mario.rossi@example.it', stepKey: 'soft-1', fees: '0.00', amount: '1000.00' });
    expect(r1.actions[0]!.claims.map((c) => c.reference)).toEqual(['FT-A']);
    expect(await claimRow(a.id)).toMatchObject({ dunning_step_no: 1, dunning_step_key: 'soft-1', dunning_step_on: '2026-09-11', next_action_on: '2026-10-01', status: 'in_collection', stage: 'soft' });
    const [mail] = await commsOf(d.id);
    expect(mail).toMatchObject({ channel: 'email', status: 'queued', tier: 'soft', pdf: null, message_id: `<${mail!.id}@incasso>` });
    expect(mail!.subject).toBe('Comunicazione amministrativa'); // neutral: nothing about a debt
    expect(mail!.body_text).toContain('FT-A');
    expect(await db.selectFrom('outbox').select('status').where('communication_id', '=', mail!.id).execute()).toEqual([{ status: 'pending' }]);
    expect(await db.selectFrom('contact_log').select(['channel', 'allowed', 'local_date']).where('debtor_id', '=', d.id).execute()).toEqual([
      { channel: 'email', allowed: true, local_date: '2026-09-11' },
    ]);

    // The same day again: nothing (a second tick, a retry).
    expect((await runDunning(db, { date: '2026-09-11', tenantId: t.tenantId, time: '15:00' })).communications).toBe(0);

    // Much later (day +100 for both): each claim moves exactly ONE step — B gets its friendly reminder,
    // A its first formal notice (not the final one, though its day has passed too) — in ONE message at
    // the highest step, with ONE fee (the creditor's 2nd reminder fee, on A).
    const r2 = await runDunning(db, { date: '2026-12-10', tenantId: t.tenantId, time: '10:00' });
    expect(r2.actions).toHaveLength(1);
    expect(r2.actions[0]).toMatchObject({ stepKey: 'formal-1', channel: 'registered_letter', fees: '15.00', amount: '1265.50' });
    expect(r2.actions[0]!.claims).toEqual([
      { id: a.id, reference: 'FT-A', stepNo: 2, totalDue: '1015.00', fee: '15.00' },
      { id: b.id, reference: 'FT-B', stepNo: 1, totalDue: '250.50', fee: null },
    ]);
    expect(await claimRow(a.id)).toMatchObject({ dunning_step_key: 'formal-1', stage: 'formal', next_action_on: '2026-12-11' });
    expect(await claimRow(b.id)).toMatchObject({ dunning_step_key: 'soft-1', next_action_on: '2026-12-11' });

    // The registered letter is recorded with its decided content; its PDF is rendered afterwards and
    // stored with its SHA-256, what it says readable by pdftotext.
    expect((await commsOf(d.id))[1]).toMatchObject({ pdf: null, sha256: null });
    expect(await renderPendingLetters(db)).toMatchObject({ failed: 0 });
    const letter = (await commsOf(d.id))[1]!;
    expect(createHash('sha256').update(letter.pdf!).digest('hex')).toBe(letter.sha256);
    expect(letter).toMatchObject({ channel: 'registered_letter', status: 'to_print', amount: '1265.50', fees: '15.00' });
    const text = await pdfText(letter.pdf!);
    expect(text).toContain('FT-A');
    expect(text).toContain('1.265,50');
    expect(text).toContain('1.015,00');
    expect(text).not.toMatch(/recupero crediti/i);
    expect(isValidRf(letter.payment_reference!)).toBe(true);
    expect(letter.letter).toMatchObject({ currency: 'EUR', payment: { referenceType: 'SCOR', reference: letter.payment_reference } });

    // Again the same day, and a rerun after that: the fee stays charged once.
    await runDunning(db, { date: '2026-12-10', tenantId: t.tenantId, time: '16:00' });
    expect(await costsOf(a.id)).toEqual([{ kind: 'reminder_fee', amount: '15.00', source_key: `reminder:${a.id}:2` }]);

    // Next day: A's final notice (interest charged, 3rd fee) and B's formal notice, again one message.
    const r3 = await runDunning(db, { date: '2026-12-11', tenantId: t.tenantId, time: '10:00' });
    expect(r3.actions).toHaveLength(1);
    expect(r3.actions[0]).toMatchObject({ stepKey: 'formal-2', fees: '25.00' });
    expect(await linksOf(a.id)).toMatchObject([{ step_key: 'soft-1' }, { step_key: 'formal-1', fee: '15.00' }, { step_key: 'formal-2', fee: '25.00' }]);
    expect(await linksOf(b.id)).toMatchObject([{ step_key: 'soft-1' }, { step_key: 'formal-1', fee: null }]);
    await renderPendingLetters(db);
    const final = (await commsOf(d.id))[2]!;
    const finalText = await pdfText(final.pdf!);
    // Charged interest: the statement of A (periods and rate) is printed, the total includes it.
    const aTotal = r3.actions[0]!.claims.find((c) => c.id === a.id)!.totalDue;
    expect(money(aTotal).gt('1040.00')).toBe(true); // 1000 + 15 + 25 fees + interest
    expect(finalText).toContain(formatMoneyText(aTotal, 'EUR', 'it').replace(/[^\d.,]/g, ''));
    expect(finalText).toMatch(/Calcolo degli interessi — FT-A/);
  });

  it('a dry run lists what would be sent, with amounts and fees, and writes nothing', async () => {
    const t = await setup();
    const d = await debtorWith(t, { email: 'anna@example.it' });
    await createTestClaim(db, t, d.id, { externalRef: 'FT-DRY', dueDate: '2026-01-10', principal: '80.00' });
    const before = await snapshotCounts(db, t.tenantId);
    const plan = await runDunning(db, { date: '2026-03-01', tenantId: t.tenantId, dryRun: true, time: '10:00' });
    expect(plan).toMatchObject({ dryRun: true, communications: 1, blocked: 0 });
    expect(plan.actions[0]).toMatchObject({ stepKey: 'soft-1', channel: 'email', recipient: 'anna@example.it', amount: '80.00', fees: '0.00', communicationId: null });
    expect(await snapshotCounts(db, t.tenantId)).toEqual(before);
    const rows = await db.selectFrom('claims').select(['strategy_id', 'dunning_step_no']).where('tenant_id', '=', t.tenantId).execute();
    expect(rows).toEqual([{ strategy_id: null, dunning_step_no: 0 }]);
    expect(await db.selectFrom('communications').select('id').where('tenant_id', '=', t.tenantId).execute()).toEqual([]);
  });

  it('does nothing on disputed, promised or held claims, and stops at payment', async () => {
    const t = await setup();
    const d = await debtorWith(t, { email: 'x@example.it' });
    const disputed = await createTestClaim(db, t, d.id, { externalRef: 'FT-DISP', dueDate: '2026-01-10' });
    const held = await createTestClaim(db, t, d.id, { externalRef: 'FT-HOLD', dueDate: '2026-01-10' });
    const paid = await createTestClaim(db, t, d.id, { externalRef: 'FT-PAID', dueDate: '2026-01-10' });
    await db.updateTable('claims').set({ status: 'disputed' }).where('id', '=', disputed.id).execute();
    await db.updateTable('claims').set({ hold_until: '2026-03-15', hold_reason: 'promessa telefonica' }).where('id', '=', held.id).execute();
    await db.updateTable('claims').set({ status: 'paid' }).where('id', '=', paid.id).execute();
    const r = await runDunning(db, { date: '2026-03-01', tenantId: t.tenantId, time: '10:00' });
    expect(r.communications).toBe(0);
    expect(await claimRow(held.id)).toMatchObject({ dunning_step_no: 0, next_action_on: '2026-03-16' });
    const after = await runDunning(db, { date: '2026-03-16', tenantId: t.tenantId, time: '10:00' });
    expect(after.actions.map((a) => a.claims.map((c) => c.reference))).toEqual([['FT-HOLD']]);
    expect(await claimRow(disputed.id)).toMatchObject({ dunning_step_no: 0 });
  });

  it('never writes to an opted-out or third-party address; blocked steps are logged with the reason, not charged, not skipped', async () => {
    const t = await setup();
    // Opted out of e-mail: the friendly reminder goes by letter instead.
    const optedOut = await debtorWith(t, { email: 'no@example.it', emailConsent: 'withdrawn' });
    await createTestClaim(db, t, optedOut.id, { externalRef: 'FT-OPT', dueDate: '2026-01-10' });
    // Only a third party's e-mail and no address: nothing can go out.
    const nowhere = await debtorWith(t, { email: 'sister@example.it', thirdParty: true, address: false });
    const stuck = await createTestClaim(db, t, nowhere.id, { externalRef: 'FT-STUCK', dueDate: '2026-01-10' });

    const r = await runDunning(db, { date: '2026-03-01', tenantId: t.tenantId, time: '10:00' });
    const byRef = (ref: string) => r.actions.find((a) => a.claims.some((c) => c.reference === ref))!;
    expect(byRef('FT-OPT')).toMatchObject({ channel: 'letter', blocked: null });
    expect(byRef('FT-STUCK')).toMatchObject({ channel: null, communicationId: null });
    expect(translate(byRef('FT-STUCK').blocked!, 'it')).toBe(
      'Nessun canale utilizzabile per il passo soft-1: e-mail: recapiti esclusi — di terzi; PEC: nessun recapito; lettera: nessun indirizzo postale',
    );
    expect(translate(byRef('FT-STUCK').blocked!, 'en')).toMatch(/e-mail: contacts excluded — a third party’s/);
    expect(await db.selectFrom('communications').select('recipient').where('tenant_id', '=', t.tenantId).execute()).toEqual([{ recipient: 'Via Verdi 10, 24100 Bergamo BG' }]);
    const log = await db.selectFrom('contact_log').select(['allowed', 'reason']).where('debtor_id', '=', nowhere.id).execute();
    expect(log).toHaveLength(1);
    expect(log[0]!.allowed).toBe(false);
    // Stored coded, worded where it is shown.
    expect(log[0]!.reason).toMatch(/^i18n:dunning\.no_usable_channel /);
    expect(translate(decodeMessage(log[0]!.reason!), 'de')).toMatch(/E-Mail: Kontakte ausgeschlossen — von Dritten/);
    // Not skipped: the claim stays at step 0 and is tried again tomorrow; nothing was charged.
    expect(await claimRow(stuck.id)).toMatchObject({ dunning_step_no: 0, next_action_on: '2026-03-02' });
    expect(await costsOf(stuck.id)).toEqual([]);
    // Once an address is known, the same step goes out.
    await db
      .insertInto('addresses')
      .values({ tenant_id: t.tenantId, debtor_id: nowhere.id, kind: 'residence', line1: 'Via Nuova 2', postal_code: '20100', city: 'Milano', country: 'IT', source: 'test' })
      .execute();
    const r2 = await runDunning(db, { date: '2026-03-02', tenantId: t.tenantId, time: '10:00' });
    expect(r2.actions.filter((a) => a.debtorId === nowhere.id)).toMatchObject([{ stepKey: 'soft-1', channel: 'letter', blocked: null }]);
  });

  it('writes no reminder to a deceased debtor, a ceased business or a debtor in reported hardship: blocked with the reason, nothing charged; cleared, the step goes out', async () => {
    const t = await setup();
    const flags = { deceased: { deceased: true }, ceased: { ceased: true }, hardship: { hardship: true } } as const;
    const ids: Record<string, { debtor: string; claim: string }> = {};
    for (const [k, set] of Object.entries(flags)) {
      const d = await debtorWith(t, { email: `${k}@example.it` });
      await db.updateTable('debtors').set(set).where('id', '=', d.id).execute();
      const c = await createTestClaim(db, t, d.id, { externalRef: `FT-${k.toUpperCase()}`, dueDate: '2026-01-10' });
      ids[k] = { debtor: d.id, claim: c.id };
    }
    const r = await runDunning(db, { date: '2026-03-01', tenantId: t.tenantId, time: '10:00' });
    const blockedOf = (k: string) => r.actions.find((a) => a.debtorId === ids[k]!.debtor)!;
    expect(translate(blockedOf('deceased').blocked!, 'it')).toBe('Debitore deceduto: nessun sollecito a suo nome; una persona decide se e come scrivere agli eredi');
    expect(blockedOf('ceased').blocked!.code).toBe('dunning.debtor_ceased');
    expect(blockedOf('hardship').blocked!.code).toBe('dunning.debtor_hardship');
    expect(await db.selectFrom('communications').select('id').where('tenant_id', '=', t.tenantId).execute()).toEqual([]);
    for (const k of Object.keys(flags)) {
      expect(await claimRow(ids[k]!.claim)).toMatchObject({ dunning_step_no: 0 });
      expect(await costsOf(ids[k]!.claim)).toEqual([]);
    }
    // The hardship is over (a person decided): the friendly step goes out.
    await db.updateTable('debtors').set({ hardship: false }).where('id', '=', ids.hardship!.debtor).execute();
    const r2 = await runDunning(db, { date: '2026-03-02', tenantId: t.tenantId, time: '10:00' });
    expect(r2.actions.filter((a) => a.debtorId === ids.hardship!.debtor)).toMatchObject([{ stepKey: 'soft-1', blocked: null }]);
  });

  it('works only claims under an active strategy, and one creditor when asked', async () => {
    const t = await setup();
    await db
      .insertInto('strategies')
      .values({ tenant_id: t.tenantId, creditor_id: t.otherCreditor.id, name: 'comune', steps: JSON.stringify(STRATEGY_TEMPLATES.comune.steps), active: true })
      .execute();
    await db.updateTable('creditors').set({ iban: 'IT60X0542811101000000123456', address_line1: 'Piazza Municipio 1', postal_code: '24020', city: 'Valdoria', province: 'BG' }).where('id', '=', t.otherCreditor.id).execute();
    const d = await debtorWith(t, { email: 'due@example.it' });
    await createTestClaim(db, t, d.id, { externalRef: 'FT-MINE', dueDate: '2026-01-10' });
    await createTestClaim(db, t, d.id, { externalRef: 'TARI-1', dueDate: '2026-01-10', creditorId: t.otherCreditor.id, kind: 'tari' });
    // One creditor only: the other's claim is neither assigned nor worked.
    const only = await runDunning(db, { date: '2026-03-01', tenantId: t.tenantId, creditorId: t.creditor.id, time: '10:00' });
    expect(only.actions.map((a) => a.claims.map((c) => c.reference))).toEqual([['FT-MINE']]);
    expect(await db.selectFrom('claims').select('strategy_id').where('external_ref', '=', 'TARI-1').where('tenant_id', '=', t.tenantId).executeTakeFirstOrThrow()).toEqual({ strategy_id: null });
    // A deactivated strategy stops its claims (the next day nothing goes out for them).
    await db.updateTable('strategies').set({ active: false }).where('creditor_id', '=', t.creditor.id).execute();
    const r = await runDunning(db, { date: '2026-04-30', tenantId: t.tenantId, time: '10:00' });
    expect(r.actions.map((a) => a.claims.map((c) => c.reference))).toEqual([['TARI-1']]);
  });

  it('a debtor whose letter cannot be made (invalid IBAN) fails alone, with the reason; the others go out', async () => {
    const t = await setup(STRATEGY_TEMPLATES['it-b2b'], { iban: 'IT00X0542811101000000123456' });
    // The tenant's other creditor is in order.
    await db
      .insertInto('strategies')
      .values({ tenant_id: t.tenantId, creditor_id: t.otherCreditor.id, name: 'it-b2b', steps: JSON.stringify(STRATEGY_TEMPLATES['it-b2b'].steps), active: true })
      .execute();
    await db.updateTable('creditors').set({ iban: 'IT60X0542811101000000123456', address_line1: 'Piazza Municipio 1', postal_code: '24020', city: 'Valdoria', province: 'BG' }).where('id', '=', t.otherCreditor.id).execute();
    const d = await debtorWith(t, { email: 'bad@example.it' });
    const bad = await createTestClaim(db, t, d.id, { externalRef: 'FT-IBAN', dueDate: '2026-01-10' });
    const g = await debtorWith(t, { email: 'good@example.it', kind: 'company' });
    await createTestClaim(db, t, g.id, { externalRef: 'FT-GOOD', dueDate: '2026-01-10', creditorId: t.otherCreditor.id });
    const r = await runDunning(db, { date: '2026-03-01', tenantId: t.tenantId, time: '10:00', batchSize: 10 });
    expect(r.failed).toEqual([{ debtorId: d.id, message: expect.objectContaining({ code: 'letters.creditor_iban' }) }]);
    expect(translate(r.failed[0]!.message, 'it')).toMatch(/IBAN non valido/);
    expect(r.actions.filter((a) => a.debtorId === g.id)).toMatchObject([{ channel: 'email', blocked: null }]);
    expect(await commsOf(d.id)).toEqual([]);
    expect(await claimRow(bad.id)).toMatchObject({ dunning_step_no: 0 });
  });

  it('a creditor IBAN of the wrong length for its country (stored before the check knew lengths) stops its letters, naming the length', async () => {
    const t = await setup(STRATEGY_TEMPLATES['it-b2b'], { iban: 'IT90X054281110100000012345' });
    const d = await debtorWith(t, { email: 'corto@example.it' });
    const c = await createTestClaim(db, t, d.id, { externalRef: 'FT-IBAN26', dueDate: '2026-01-10' });
    const r = await runDunning(db, { date: '2026-03-01', tenantId: t.tenantId, time: '10:00', batchSize: 10 });
    expect(r.failed.map((f) => [f.debtorId, translate(f.message, 'it')])).toEqual([[d.id, expect.stringMatching(/Lunghezza IBAN errata: 26 caratteri/)]]);
    expect(await commsOf(d.id)).toEqual([]);
    expect(await claimRow(c.id)).toMatchObject({ dunning_step_no: 0 });
  });

  it('CHF letters carry a Swiss QR-bill with a QR reference derived from the claim and the right amount', async () => {
    const t = await setup(STRATEGY_TEMPLATES.ch, {
      address_line1: 'Bahnhofstrasse 1',
      postal_code: '8001',
      city: 'Zürich',
      province: 'ZH',
      country: 'CH',
      iban: 'CH4431999123000889012',
      reminder_fees: JSON.stringify(['20.00', '30.00', '50.00']),
    });
    const d = await debtorWith(t, { language: 'de' });
    await db.updateTable('addresses').set({ line1: 'Marktgasse 5', postal_code: '3011', city: 'Bern', province: 'BE', country: 'CH' }).where('debtor_id', '=', d.id).execute();
    const c = await createTestClaim(db, t, d.id, { externalRef: 'RE-2026-17', dueDate: '2026-01-10', principal: '1234.55', currency: 'CHF', jurisdiction: 'CH' });
    const r = await runDunning(db, { date: '2026-01-20', tenantId: t.tenantId, time: '10:00' });
    expect(r.actions).toMatchObject([{ stepKey: 'mahnung-1', channel: 'letter', fees: '20.00', amount: '1254.55' }]);
    await renderPendingLetters(db);
    const [letter] = await commsOf(d.id);
    expect(letter!.language).toBe('de');
    expect(isValidQrr(letter!.payment_reference!)).toBe(true);
    const refNo = (await db.selectFrom('claims').select('ref_no').where('id', '=', c.id).executeTakeFirstOrThrow()).ref_no;
    expect(claimNumberFromReference(letter!.payment_reference!, '1')).toBe(refNo);
    const text = await pdfText(letter!.pdf!);
    expect(text).toContain('RE-2026-17');
    expect(text).toMatch(/CHF 1['’]254\.55/);
    const pages = (await pdfText(letter!.pdf!)).split('\f').filter((p) => p.trim()).length;
    const { payload, stderr } = await decodeQrBill(letter!.pdf!, pages);
    expect(stderr).toBe('');
    const lines = payload!.split(/\r?\n/);
    expect(lines[0]).toBe('SPC');
    expect(lines[3]).toBe('CH4431999123000889012');
    expect(payload).toContain('1254.55\nCHF');
    expect(lines).toContain('QRR');
    expect(lines).toContain(letter!.payment_reference);
  });
});
