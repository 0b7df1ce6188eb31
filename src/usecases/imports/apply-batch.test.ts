import { sql, type RawBuilder } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/connect.ts';
import { openTestDatabase } from '../../test/db.ts';
import { createTestTenant } from '../../test/factories.ts';
import { claimsByNotice, claimsByRef, debtorsByTaxId } from './apply-batch.ts';

/** The plan PostgreSQL chooses for a query, as text (sequential scans discouraged, as on a big table). */
async function planOf(db: Db, query: RawBuilder<unknown>): Promise<string> {
  return db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    const { rows } = await sql<Record<string, string>>`explain ${query}`.execute(trx);
    return rows.map((r) => Object.values(r)[0]).join('\n');
  });
}

describe('import lookups of a batch', () => {
  // The trigram GIN indexes of migration 0013 serve `=` too, with an estimate far too low: a batch's
  // `external_ref in (…2,000 invoice numbers…)` read their posting lists (57 s a batch at 90k claims).
  it('find existing claims by one index probe per reference, never the trigram index', async () => {
    const { db } = await openTestDatabase();
    const t = await createTestTenant(db);
    const refs = Array.from({ length: 2000 }, (_, i) => `FT-2024-${String(i).padStart(7, '0')}`);
    const plan = await planOf(db, claimsByRef(t.tenantId, t.creditor.id, refs));
    expect(plan).toContain('Nested Loop');
    expect(plan).toMatch(/Index Scan using \w+ on claims/);
    expect(plan).not.toMatch(/trgm|Bitmap|Hash Join/);
  });

  it('find existing debtors by one index probe per tax id, never the trigram indexes', async () => {
    const { db } = await openTestDatabase();
    const t = await createTestTenant(db);
    const keys = Array.from({ length: 1500 }, (_, i) => `RSSMRA80A01H501${String.fromCharCode(65 + (i % 26))}${i}`);
    for (const column of ['tax_code', 'vat_number', 'ch_uid'] as const) {
      const plan = await planOf(db, debtorsByTaxId(t.tenantId, column, keys));
      expect(plan, column).toContain('Nested Loop');
      expect(plan, column).toMatch(/Index Scan using \w+ on debtors/);
      expect(plan, column).not.toMatch(/trgm|Bitmap|Hash Join/);
    }
  });

  it('find the claims holding a batch’s notice codes by one probe per code on the notice index', async () => {
    const { db } = await openTestDatabase();
    const t = await createTestTenant(db);
    const codes = Array.from({ length: 2000 }, (_, i) => `3120000000${String(i).padStart(6, '0')}00`);
    const plan = await planOf(db, claimsByNotice(t.tenantId, t.creditor.id, codes));
    expect(plan).toContain('Nested Loop');
    expect(plan).toMatch(/Index Scan using claims_notice_code on claims/);
    expect(plan).not.toMatch(/trgm|Bitmap|Hash Join/);
  });
});
