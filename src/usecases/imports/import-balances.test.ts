import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connect.ts';
import { openTestDatabase } from '../../test/db.ts';
import { createTestTenant, type TestTenant } from '../../test/factories.ts';
import { consumerRows, portfolioCsv } from '../../test/portfolio.ts';
import { checkBalances } from '../claims/balances.ts';
import { runImport } from './run-import.ts';
import { uploadImport } from './upload-import.ts';

let db: Db;
let t: TestTenant;

beforeAll(async () => {
  db = (await openTestDatabase()).db;
  t = await createTestTenant(db);
});

async function importCsv(csv: string, fileName: string) {
  const actor = t.users.admin.actor;
  const job = await uploadImport(db, actor, { creditorId: t.creditor.id, fileName }, Readable.from([Buffer.from(csv)]));
  return runImport(db, actor, job.id, {}, { today: '2025-12-31', locale: 'it' });
}

/** The portfolio totals' delta rows of the creditor: one per statement that changed its claims' balances. */
const deltaRows = async () =>
  Number(
    (
      await db
        .selectFrom('claim_total_deltas')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('tenant_id', '=', t.tenantId)
        .where('creditor_id', '=', t.creditor.id)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('stored balances of imported claims', () => {
  it('writes each new claim’s balance once, as the engine computes it; updated claims are recomputed', async () => {
    const before = await deltaRows();
    // Overdue invoices (due in 2025): each already owes interest today.
    const summary = await importCsv(portfolioCsv(consumerRows(40)), 'crediti.csv');
    expect(summary).toMatchObject({ status: 'done', imported: 40 });
    // One batch: one insert of the balance rows, no second write (an update would add a delta row).
    expect((await deltaRows()) - before).toBe(1);
    const open = await db
      .selectFrom('claim_balances')
      .select(['balance_on', 'interest_due'])
      .where('tenant_id', '=', t.tenantId)
      .where('creditor_id', '=', t.creditor.id)
      .execute();
    expect(open).toHaveLength(40);
    expect(open.every((b) => b.balance_on !== null && Number(b.interest_due) > 0)).toBe(true);
    expect(await checkBalances(db, { tenantId: t.tenantId })).toMatchObject({ checked: 40, differences: [] });

    // The same file with ten amounts changed and ten new rows: updates and new claims in one batch.
    const rows = consumerRows(50).map((r, i) => (i < 10 ? { ...r, amount: '999,99' } : r));
    expect(await importCsv(portfolioCsv(rows), 'crediti-2.csv')).toMatchObject({ status: 'done', imported: 10, updated: 10, unchanged: 30 });
    expect(await checkBalances(db, { tenantId: t.tenantId })).toMatchObject({ checked: 50, differences: [] });
  });

  it('in batches of 3 read while the one before is written: every row once, each claim.created event with its facts, debtor and line', async () => {
    const actor = t.users.admin.actor;
    const rows = consumerRows(10, 'PB', 100); // debtors the first test has not created
    const job = await uploadImport(db, actor, { creditorId: t.creditor.id, fileName: 'a-lotti.csv' }, Readable.from([Buffer.from(portfolioCsv(rows))]));
    const progress: number[] = [];
    const summary = await runImport(db, actor, job.id, {}, { today: '2025-12-31', locale: 'it', batchSize: 3, onProgress: (p) => progress.push(p.lastLine) });
    expect(summary).toMatchObject({ status: 'done', rowsRead: 10, imported: 10, rejected: 0, debtorsCreated: 10 });
    // Committed in file order, one batch after the other (the header is line 1).
    expect(progress).toEqual([4, 7, 10, 11]);
    const events = await db
      .selectFrom('audit_events as a')
      .innerJoin('claims as c', 'c.id', 'a.entity_id')
      .select(['c.external_ref', 'c.debtor_id', 'a.debtor_id as event_debtor', 'a.after'])
      .where('a.tenant_id', '=', t.tenantId)
      .where('a.action', '=', 'claim.created')
      .where('c.external_ref', 'like', 'PB-%')
      .orderBy('c.external_ref')
      .execute();
    expect(events).toHaveLength(10);
    events.forEach((e, i) => {
      expect(e.event_debtor).toBe(e.debtor_id);
      expect(e.after).toMatchObject({
        externalRef: rows[i]!.ref,
        currency: 'EUR',
        debtorId: e.debtor_id,
        source: { importJobId: job.id, fileName: 'a-lotti.csv', line: i + 2 },
      });
      expect(e.after).not.toHaveProperty('components');
    });
    expect(await checkBalances(db, { tenantId: t.tenantId })).toMatchObject({ differences: [] });
  });
});
