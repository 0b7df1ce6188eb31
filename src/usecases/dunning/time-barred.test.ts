import { beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../../db/connect.ts';
import type { ActKind, ClaimKind } from '../../domain/model.ts';
import { termLapse } from '../../domain/municipal/terms.ts';
import { openTestDatabase } from '../../test/db.ts';
import { createTestClaim, createTestDebtor, createTestTenant } from '../../test/factories.ts';
import { lapseDateSql, pastTermSql } from './time-barred.ts';

let database: Database;
let db: Db;
beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
});

type Case = { kind: ClaimKind; act: ActKind | null; due: string; year: number | null; actDate?: string; notified?: string; enforceable?: string };
const CASES: Case[] = [
  { kind: 'imu', act: 'bonario', due: '2019-12-16', year: 2019 },
  { kind: 'imu', act: null, due: '2020-06-16', year: 2021 },
  { kind: 'tari', act: 'other', due: '2021-03-31', year: 2020 },
  { kind: 'imu', act: 'accertamento_esecutivo', due: '2021-01-31', year: 2016, notified: '2020-10-05', enforceable: '2020-12-04' },
  { kind: 'tari', act: 'accertamento_esecutivo', due: '2021-01-31', year: 2016, notified: '2020-10-05' },
  { kind: 'imu', act: 'ingiunzione_fiscale', due: '2021-01-31', year: 2016 },
  { kind: 'cup', act: 'cup_notice', due: '2021-04-30', year: 2021 },
  { kind: 'cup', act: 'ingiunzione_fiscale', due: '2021-04-30', year: 2021, enforceable: '2024-02-29' },
  { kind: 'cds_fine', act: 'verbale_cds', due: '2020-05-10', year: null, actDate: '2020-02-29' },
  { kind: 'cds_fine', act: null, due: '2020-05-10', year: null },
  { kind: 'invoice', act: null, due: '2010-01-31', year: null },
];

describe('the municipal terms in SQL', () => {
  it('give the same day as the domain for every line of the table', async () => {
    const t = await createTestTenant(db);
    const d = await createTestDebtor(db, t);
    const ids: string[] = [];
    for (const c of CASES) {
      const claim = await createTestClaim(db, t, d.id, { creditorId: c.kind === 'invoice' ? t.creditor.id : t.otherCreditor.id, kind: c.kind, dueDate: c.due, ...(c.year ? { taxYear: c.year } : {}) });
      await db
        .updateTable('claims')
        .set({ act_kind: c.act, act_date: c.actDate ?? null, act_notified_on: c.notified ?? null, act_enforceable_on: c.enforceable ?? null })
        .where('id', '=', claim.id)
        .execute();
      ids.push(claim.id);
    }
    const rows = await db
      .selectFrom('claims as c')
      .select(['c.id', lapseDateSql('c').as('lapsed_on'), pastTermSql('c', '2025-12-05').as('past')])
      .where('c.id', 'in', ids)
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const got = CASES.map((_, i) => byId.get(ids[i]!)!.lapsed_on);
    const want = CASES.map((c) =>
      termLapse({ kind: c.kind, actKind: c.act, dueDate: c.due, taxYear: c.year, actDate: c.actDate ?? null, actNotifiedOn: c.notified ?? null, actEnforceableOn: c.enforceable ?? null })?.lapsedOn ?? null,
    );
    expect(got).toEqual(want);
    expect(want).toEqual(['2025-01-01', '2027-01-01', '2027-01-01', '2025-12-05', '2025-12-05', null, '2026-05-01', '2029-03-01', '2025-03-01', '2025-05-11', null]);
    expect(CASES.map((_, i) => byId.get(ids[i]!)!.past)).toEqual([true, false, false, true, true, false, false, false, true, true, false]);
  });
});
