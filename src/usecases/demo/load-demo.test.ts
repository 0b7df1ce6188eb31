import { createPglite } from '../../db/pglite.ts';
import { mandateAlboProblem } from '../../domain/municipal/settings.ts';
import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type Database } from '../../db/connect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { money } from '../../domain/money.ts';
import { CLAIM_STATUSES } from '../../domain/model.ts';
import { systemActor } from '../../domain/policies.ts';
import { balanceOf, loadLedgers } from '../claims/ledger.ts';
import { currentRateBook } from '../interest/rate-book.ts';
import { validateCodiceFiscale, validateIban, validatePartitaIva, validateSwissUid } from '../../domain/tax-ids.ts';
import { listTimeBarred } from '../reviews/list-time-barred.ts';
import { loadDemo, type LoadDemoResult } from './load-demo.ts';
import { expiringGuarantees } from '../guarantees/expiring-guarantees.ts';
import { getLegalSheet } from '../legal/get-legal-sheet.ts';
import { debtorRisk } from '../risk/get-debtor-risk.ts';
import { DEMO_HISTORY_NAMES } from './demo-histories.ts';

/**
 * The demo tenant has a fixed slug, so these tests never use the shared test database: each gets a
 * fresh embedded one (from the migrated snapshot when the db project provides it).
 */
async function freshDatabase(): Promise<Database> {
  let snapshot = '';
  try {
    snapshot = inject('pgliteSnapshot');
  } catch {
    snapshot = '';
  }
  const pglite = snapshot
    ? await createPglite(undefined, { loadDataDir: new Blob([fs.readFileSync(snapshot)]) })
    : await createPglite();
  const database = await openDatabase({ pglite });
  if (!snapshot) await migrateToLatest(database.db);
  const close = database.close;
  return { ...database, close: async () => { await close(); await pglite.close(); } };
}

const TODAY = '2026-03-15';

async function fingerprint(database: Database): Promise<string[]> {
  const { rows } = await sql<{ line: string }>`
    select concat_ws('|', cr.name, c.external_ref, c.kind, c.principal, c.principal_paid, c.currency, c.status, c.stage,
                     c.due_date, c.issue_date, c.tax_year, d.display_name, d.tax_code, d.vat_number, d.ch_uid) as line
    from claims c join creditors cr on cr.id = c.creditor_id join debtors d on d.id = c.debtor_id
    order by cr.name, c.external_ref`.execute(database.db);
  return rows.map((r) => r.line);
}

describe('loadDemo', () => {
  let database: Database;
  let first: LoadDemoResult;

  beforeAll(async () => {
    database = await freshDatabase();
    first = await loadDemo(database.db, { today: TODAY });
    // A whole demo on an embedded database: over a minute on a busy machine.
  }, 180_000);
  afterAll(async () => {
    await database?.close();
  });

  it('has a bank guarantee that expires next month, listed as expiring within 30 days (issue 17 item 3)', async () => {
    const rows = await database.db.selectFrom('guarantees').select(['kind', 'amount', 'valid_to', 'state', 'covers']).where('tenant_id', '=', first.tenantId).execute();
    expect(rows).toEqual([{ kind: 'bank_guarantee', amount: '15000.00', valid_to: '2026-04-01', state: 'active', covers: 'relationship' }]);
    const expiring = await expiringGuarantees(database.db, { tenantId: first.tenantId, creditorId: null }, { from: TODAY, to: '2026-04-14' });
    expect(expiring.map((r) => r.on)).toEqual(['2026-04-01']);
  });

  it('creates the demo tenant once, then changes nothing', async () => {
    expect(first.created).toBe(true);
    expect(first.counts.creditors).toBe(3);
    expect(first.counts.debtors).toBeGreaterThanOrEqual(280);
    expect(first.counts.debtors).toBeLessThanOrEqual(320);
    expect(first.counts.claims).toBeGreaterThanOrEqual(950);
    expect(first.counts.claims).toBeLessThanOrEqual(1050);
    expect(first.counts.payments).toBeGreaterThan(300);
    expect(first.logins.map((l) => l.role).sort()).toEqual(['admin', 'law_firm', 'operator', 'supervisor', 'viewer']);
    for (const l of first.logins) expect(l.password.length).toBeGreaterThanOrEqual(10);

    const auditBefore = await database.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const second = await loadDemo(database.db, { today: '2027-01-01' });
    expect(second.created).toBe(false);
    expect(second.tenantId).toBe(first.tenantId);
    expect(second.counts).toEqual(first.counts);
    expect(second.logins).toEqual(first.logins);
    const auditAfter = await database.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(auditAfter.n).toBe(auditBefore.n);
    const tenants = await database.db.selectFrom('tenants').select(['slug', 'kind']).execute();
    expect(tenants).toEqual([{ slug: 'demo', kind: 'agency' }]);
  });

  it('has an Italian company, a Swiss company in CHF and a comune', async () => {
    const creditors = await database.db.selectFrom('creditors').selectAll().orderBy('name').execute();
    const swiss = creditors.find((c) => c.country === 'CH')!;
    expect(swiss.default_currency).toBe('CHF');
    expect(swiss.default_jurisdiction).toBe('CH');
    expect(validateSwissUid(swiss.ch_uid!)).toEqual({ ok: true, value: swiss.ch_uid });
    const comune = creditors.find((c) => c.kind === 'public_entity')!;
    expect(comune.tax_code).toMatch(/^\d{11}$/);
    expect(validateCodiceFiscale(comune.tax_code!).ok).toBe(true);
    // The demo agency is in the MEF albo before Valdoria's mandate is active (art. 53 D.Lgs. 446/1997).
    const tenant = await database.db.selectFrom('tenants').select(['kind', 'settings']).where('id', '=', comune.tenant_id).executeTakeFirstOrThrow();
    expect(comune.active).toBe(true);
    expect(mandateAlboProblem(tenant, comune)).toBeNull();
    expect(Number(comune.commission_percent)).toBeGreaterThan(0);
    const italian = creditors.find((c) => c.kind === 'company' && c.country === 'IT')!;
    expect(validatePartitaIva(italian.vat_number!).ok).toBe(true);
    for (const c of creditors) expect(validateIban(c.iban!).ok).toBe(true);

    const chClaims = await database.db.selectFrom('claims').select(['currency', 'jurisdiction']).where('creditor_id', '=', swiss.id).distinct().execute();
    expect(chClaims).toEqual([{ currency: 'CHF', jurisdiction: 'CH' }]);
    const comuneKinds = await database.db.selectFrom('claims').select('kind').where('creditor_id', '=', comune.id).distinct().orderBy('kind').execute();
    expect(comuneKinds.map((k) => k.kind)).toEqual(['cds_fine', 'cup', 'imu', 'tari']);
    const viewer = await database.db.selectFrom('users').select(['creditor_id']).where('role', '=', 'viewer').executeTakeFirstOrThrow();
    expect(viewer.creditor_id).toBe(comune.id);
  });

  it('has a comune position past its decadenza on the comune’s review list', async () => {
    const comune = await database.db.selectFrom('creditors').select(['id', 'tenant_id']).where('kind', '=', 'public_entity').executeTakeFirstOrThrow();
    const actor = { ...systemActor(comune.tenant_id, 'test'), role: 'viewer' as const, creditorId: comune.id };
    const list = await listTimeBarred(database.db, actor, { asOf: TODAY });
    expect(list.total).toBeGreaterThanOrEqual(1);
    expect(list.items[0]).toMatchObject({ kind: 'tari', actKind: 'bonario', status: 'open', term: { key: 'decadenza-accertamento', law: 'art. 1 c. 161 L. 296/2006' } });
    expect(list.items[0]!.lapsedOn <= TODAY).toBe(true);
  });

  it('covers every status, with consistent stages and dates', async () => {
    const statuses = await database.db.selectFrom('claims').select('status').distinct().execute();
    expect(statuses.map((s) => s.status).sort()).toEqual([...CLAIM_STATUSES].sort());
    const claims = await database.db.selectFrom('claims').selectAll().execute();
    const years = new Set(claims.map((c) => c.due_date.slice(0, 4)));
    expect(years.size).toBeGreaterThanOrEqual(5);
    for (const c of claims) {
      if (c.status === 'legal') expect(c.stage).toBe('legal');
      if (c.stage === 'none') expect(c.status).toBe('open');
      if (c.closed_on) expect(c.closed_on <= TODAY).toBe(true);
      if (c.tax_year !== null) expect(['tari', 'imu', 'cup']).toContain(c.kind);
    }
    const refs = claims.map((c) => `${c.creditor_id}|${c.external_ref}`);
    expect(new Set(refs).size).toBe(refs.length);
    // The commercial rate never applies to consumers.
    const consumerCommercial = await database.db
      .selectFrom('claims')
      .innerJoin('debtors', 'debtors.id', 'claims.debtor_id')
      .select('claims.id')
      .where('debtors.kind', '=', 'consumer')
      .where('claims.interest_regime', '=', 'it-commercial')
      .execute();
    expect(consumerCommercial).toEqual([]);
  });

  it('shows every risk class A to D, with hand-built histories and their advice (issue 17 items 1–2 and 8)', async () => {
    const { rows } = await sql<{ risk_class: string; negotiating: boolean }>`
      select risk_class, (figures->>'negotiation')::int > 0 as negotiating from debtor_profiles p
       where p.creditor_id is null and p.tenant_id = ${first.tenantId}`.execute(database.db);
    expect(rows.length).toBeGreaterThan(200);
    expect(new Set(rows.map((r) => r.risk_class))).toEqual(new Set(['A', 'B', 'C', 'D']));
    expect(rows.filter((r) => r.negotiating).length).toBeGreaterThan(0);

    // The four customers of the hardware store: punctual, worsening, often late, bad — each in the negotiation tier.
    const actor = systemActor(first.tenantId, 'test');
    const seen = [];
    for (const name of DEMO_HISTORY_NAMES) {
      const debtor = await database.db.selectFrom('debtors').select('id').where('tenant_id', '=', first.tenantId).where('display_name', '=', name).executeTakeFirstOrThrow();
      const risk = (await debtorRisk(database.db, actor, debtor.id, 'it'))!;
      seen.push({ name, riskClass: risk.profile.riskClass, worsening: risk.profile.worsening, recommend: risk.advice?.recommend });
      expect(risk.profile.explanation, name).toMatch(/^[ABCD]/);
    }
    expect(seen).toEqual([
      { name: 'Officine Brambilla S.r.l.', riskClass: 'A', worsening: false, recommend: 'negotiate' },
      { name: 'Edilnova S.n.c.', riskClass: 'B', worsening: true, recommend: 'guarantee' },
      { name: 'Termoidraulica Ferrari S.a.s.', riskClass: 'C', worsening: true, recommend: 'guarantee' },
      { name: 'Costruzioni Rota S.r.l.', riskClass: 'D', worsening: false, recommend: 'close' },
    ]);
  });

  it('has an Italian claim at the legal tier ready for the dossier, not yet handed over (issue 17 item 7)', async () => {
    const claim = await database.db
      .selectFrom('claims')
      .innerJoin('debtors', 'debtors.id', 'claims.debtor_id')
      .select(['claims.id', 'claims.status', 'claims.stage', 'claims.jurisdiction'])
      .where('debtors.display_name', '=', DEMO_HISTORY_NAMES[3]!)
      .where('claims.status', '=', 'legal')
      .executeTakeFirstOrThrow();
    expect(claim).toMatchObject({ status: 'legal', stage: 'legal', jurisdiction: 'IT' });
    const handoffs = await database.db.selectFrom('legal_handoffs').select('id').where('claim_id', '=', claim.id).execute();
    expect(handoffs).toEqual([]);
    const sheet = await getLegalSheet(database.db, systemActor(first.tenantId, 'test'), claim.id, { day: TODAY });
    expect(money(sheet.amountDue).gt('7428.00')).toBe(true);
    expect(sheet.recommendation).toBe('proceed');
  });

  it('gives every debtor valid tax ids, and some debtors no usable contact', async () => {
    const debtors = await database.db.selectFrom('debtors').selectAll().execute();
    for (const d of debtors) {
      if (d.tax_code) expect(validateCodiceFiscale(d.tax_code), d.tax_code).toEqual({ ok: true, value: d.tax_code });
      if (d.vat_number) expect(validatePartitaIva(d.vat_number), d.vat_number).toEqual({ ok: true, value: d.vat_number });
      if (d.ch_uid) expect(validateSwissUid(d.ch_uid), d.ch_uid).toEqual({ ok: true, value: d.ch_uid });
      if (d.kind === 'consumer' && d.tax_code) expect(d.tax_code).toHaveLength(16);
    }
    expect(debtors.filter((d) => d.hardship && d.hardship_note).length).toBeGreaterThanOrEqual(10);
    expect(new Set(debtors.map((d) => d.language))).toEqual(new Set(['it', 'de', 'fr', 'en']));

    const { rows } = await sql<{ n: string }>`
      select count(*) as n from debtors d
      where not exists (select 1 from contacts c where c.debtor_id = d.id and c.status <> 'invalid')`.execute(database.db);
    const unreachable = Number(rows[0]!.n);
    expect(unreachable).toBeGreaterThanOrEqual(15);
    expect(unreachable).toBeLessThanOrEqual(20);
    const addresses = await database.db.selectFrom('addresses').select('debtor_id').execute();
    expect(addresses).toHaveLength(debtors.length);
    const thirdParty = await database.db.selectFrom('contacts').select('id').where('third_party', '=', true).execute();
    expect(thirdParty.length).toBeGreaterThan(0);

    const audited = await sql<{ n: string }>`
      select count(distinct debtor_id) as n from audit_events where action = 'debtor.created' and debtor_id is not null`.execute(database.db);
    expect(Number(audited.rows[0]!.n)).toBe(debtors.length);
  });

  it('keeps payments, allocations and claims consistent, split by the interest engine', async () => {
    const { rows: mismatched } = await sql<{ id: string }>`
      select c.id from claims c
      left join (select claim_id,
                        -- A comune's act: what its components (tax, sanctions …) received is its principal paid;
                        -- the c.803 charges the engine derives count with the costs.
                        sum(amount) filter (where component not in ('interest', 'costs') and not (component = 'collection_charges' and component_id is null)) as principal,
                        sum(amount) filter (where component = 'interest') as interest,
                        sum(amount) filter (where component = 'costs' or (component = 'collection_charges' and component_id is null)) as costs
                 from payment_allocations group by claim_id) a on a.claim_id = c.id
      where c.principal_paid <> coalesce(a.principal, 0) or c.interest_paid <> coalesce(a.interest, 0)
         or c.costs_paid <> coalesce(a.costs, 0)`.execute(database.db);
    expect(mismatched).toEqual([]);
    const { rows: unbalanced } = await sql<{ id: string }>`
      select p.id from payments p left join payment_allocations a on a.payment_id = p.id
      group by p.id, p.amount, p.unallocated having p.amount <> coalesce(sum(a.amount), 0) + p.unallocated`.execute(database.db);
    expect(unbalanced).toEqual([]);
    // The comune's enforceable accertamenti bear the c.803 charges, which its payments met first.
    const { rows: charged } = await sql<{ n: string }>`
      select count(*) as n from payment_allocations where component = 'collection_charges' and component_id is null`.execute(database.db);
    expect(Number(charged[0]!.n)).toBeGreaterThan(0);

    const claims = await database.db.selectFrom('claims').select(['status', 'principal', 'principal_paid', 'interest_paid', 'closed_on', 'id', 'tenant_id']).execute();
    const paid = claims.filter((x) => x.status === 'paid');
    // A paid claim received its whole total: principal, interest and costs; nothing is due on the day it closed.
    const actor = systemActor(paid[0]!.tenant_id, 'test');
    const ledgers = await loadLedgers(database.db, actor, paid.map((c) => c.id));
    const book = await currentRateBook(database.db);
    for (const c of paid) {
      expect(c.principal_paid).toBe(c.principal);
      expect(c.closed_on).not.toBeNull();
      expect(balanceOf(book, ledgers.get(c.id)!, c.closed_on!).totalDue).toBe('0.00');
    }
    expect(paid.filter((c) => money(c.interest_paid).gt(0)).length).toBeGreaterThan(paid.length / 2);
    for (const c of claims.filter((x) => x.status === 'partially_paid')) {
      expect(money(c.principal_paid).lt(c.principal)).toBe(true);
    }
    const { rows: lastPayments } = await sql<{ claim_id: string; last: string }>`
      select pa.claim_id, max(p.value_date) as last from payment_allocations pa join payments p on p.id = pa.payment_id
      group by pa.claim_id`.execute(database.db);
    const last = new Map(lastPayments.map((r) => [r.claim_id, r.last]));
    for (const c of claims.filter((x) => x.status === 'paid')) expect(c.closed_on).toBe(last.get(c.id));

    const { rows: twoPayments } = await sql<{ n: string }>`
      select count(*) as n from (select pa.claim_id from payment_allocations pa join claims c on c.id = pa.claim_id
      where c.status = 'paid' group by pa.claim_id having count(*) >= 2) x`.execute(database.db);
    expect(Number(twoPayments[0]!.n)).toBeGreaterThan(0);

    const payments = await database.db.selectFrom('payments').select(['value_date', 'amount', 'unallocated', 'currency']).execute();
    for (const p of payments) {
      expect(p.value_date <= TODAY).toBe(true);
      expect(money(p.unallocated).lte(p.amount)).toBe(true);
    }
  });

  it('is deterministic for a given day', async () => {
    const other = await freshDatabase();
    try {
      const again = await loadDemo(other.db, { today: TODAY });
      expect(again.created).toBe(true);
      expect(again.counts).toEqual(first.counts);
      expect(await fingerprint(other)).toEqual(await fingerprint(database));
    } finally {
      await other.close();
    }
    // A second whole demo on a fresh database.
  }, 90_000);
});
