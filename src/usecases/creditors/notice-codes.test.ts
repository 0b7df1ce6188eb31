import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connect.ts';
import { noticeCodeAux3, parseNotice } from '../../domain/municipal/pagopa.ts';
import { openTestDatabase } from '../../test/db.ts';
import { createTestDebtor, createTestTenant, uniq, type TestTenant } from '../../test/factories.ts';
import { fakePartitaIva } from '../../test/portfolio.ts';
import { createClaim } from '../claims/create-claim.ts';
import { createCreditor } from './create-creditor.ts';
import { assignMissingNoticeCodes, reserveNoticeCodes } from './notice-codes.ts';

/*
 * Notice codes incasso generates as a comune's technological partner (aux digit 3, the comune's
 * segregation code, a per-comune counter of IUV bases, mod-93 check): consecutive, never twice, also
 * when two transactions ask at once (run with DATABASE_URL for real concurrency on PostgreSQL).
 */

let database: Database;
let t: TestTenant;
let debtorId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  t = await createTestTenant(database.db);
  debtorId = (await createTestDebtor(database.db, t)).id;
});

const comune = (pagopa: { noticeMode: 'supplied' | 'generated'; segregationCode?: string } | null) =>
  createCreditor(database.db, t.users.admin.actor, { name: `Comune di Avvisi ${uniq()}`, kind: 'public_entity', taxCode: fakePartitaIva(Number.parseInt(uniq(), 16) % 100000), ...(pagopa ? { pagopa } : {}) });

const position = (creditorId: string, over: Record<string, unknown> = {}) =>
  createClaim(database.db, t.users.admin.actor, {
    creditorId,
    debtorId,
    externalRef: `TARI-${uniq()}`,
    kind: 'tari',
    currency: 'EUR',
    dueDate: '2025-03-10',
    taxYear: 2023,
    components: [{ kind: 'tax', amount: '250.00', tributeCode: '3944' }],
    ...over,
  });

const counterOf = async (id: string) =>
  (await database.db.selectFrom('creditors').select('pagopa_next_iuv').where('id', '=', id).executeTakeFirstOrThrow()).pagopa_next_iuv;

describe('generated notice codes', () => {
  it('reserves consecutive IUV bases of the comune: "3" + segregation code + base + mod-93 check', async () => {
    const c = await comune({ noticeMode: 'generated', segregationCode: '07' });
    const codes = await database.db.transaction().execute((trx) => reserveNoticeCodes(trx, t.tenantId, c.id, 3));
    expect(codes).toEqual([noticeCodeAux3('07', '0000000000001'), noticeCodeAux3('07', '0000000000002'), noticeCodeAux3('07', '0000000000003')]);
    for (const code of codes) expect(parseNotice(code)).toMatchObject({ ok: true, value: { aux: 3, segregationCode: '07' } });
    expect(await counterOf(c.id)).toBe('4');
    // A rolled-back reservation gives its values back; nothing is issued for a comune whose codes are supplied.
    await database.db
      .transaction()
      .execute(async (trx) => {
        await reserveNoticeCodes(trx, t.tenantId, c.id, 5);
        throw new Error('rollback');
      })
      .catch(() => undefined);
    expect(await counterOf(c.id)).toBe('4');
    const supplied = await comune({ noticeMode: 'supplied' });
    expect(await database.db.transaction().execute((trx) => reserveNoticeCodes(trx, t.tenantId, supplied.id, 2))).toEqual([]);
    // Another tenant cannot draw on this comune's counter.
    expect(await database.db.transaction().execute((trx) => reserveNoticeCodes(trx, randomUUID(), c.id, 1))).toEqual([]);
  });

  it('never gives the same code to two transactions reserving at the same time', async () => {
    const c = await comune({ noticeMode: 'generated', segregationCode: '08' });
    const reserve = () =>
      database.db.transaction().execute(async (trx) => {
        const codes = await reserveNoticeCodes(trx, t.tenantId, c.id, 25);
        // Hold the transaction open a little, so the other one has to wait on the comune's row.
        await new Promise((r) => setTimeout(r, 50));
        return codes;
      });
    const runs = await Promise.all([reserve(), reserve(), reserve()]);
    const all = runs.flat();
    expect(all).toHaveLength(75);
    expect(new Set(all).size).toBe(75);
    expect(await counterOf(c.id)).toBe('76');
  });

  it('gives a new open position of a generating comune its code; a supplied code is kept; a supplying comune gets none', async () => {
    const c = await comune({ noticeMode: 'generated', segregationCode: '09' });
    const first = await position(c.id);
    expect(first.noticeCode).toBe(noticeCodeAux3('09', '0000000000001'));
    const typed = noticeCodeAux3('09', '0000000000777');
    expect((await position(c.id, { noticeCode: typed })).noticeCode).toBe(typed);
    expect((await position(c.id)).noticeCode).toBe(noticeCodeAux3('09', '0000000000002'));
    const supplied = await comune({ noticeMode: 'supplied' });
    expect((await position(supplied.id)).noticeCode).toBeNull();
  });

  it('fills in the missing codes of open positions only, never replacing one, skipping a code typed in by hand', async () => {
    const c = await comune({ noticeMode: 'supplied' });
    const open = [await position(c.id), await position(c.id), await position(c.id)];
    const paid = await position(c.id);
    await database.db.updateTable('claims').set({ status: 'paid' }).where('id', '=', paid.id).execute();
    const own = noticeCodeAux3('11', '0000000000002');
    const kept = await position(c.id, { noticeCode: own });
    await database.db.updateTable('creditors').set({ pagopa: JSON.stringify({ noticeMode: 'generated', segregationCode: '11' }) }).where('id', '=', c.id).execute();

    const result = await database.db.transaction().execute((trx) => assignMissingNoticeCodes(trx, t.tenantId, c.id));
    expect(result.count).toBe(3);
    const rows = await database.db.selectFrom('claims').select(['id', 'notice_code', 'version']).where('creditor_id', '=', c.id).execute();
    const codeOf = new Map(rows.map((r) => [r.id, r.notice_code]));
    // Base 2 is the hand-typed code of another position: skipped.
    expect(open.map((p) => codeOf.get(p.id)).sort()).toEqual([noticeCodeAux3('11', '0000000000001'), noticeCodeAux3('11', '0000000000003'), noticeCodeAux3('11', '0000000000004')].sort());
    expect(codeOf.get(kept.id)).toBe(own);
    expect(codeOf.get(paid.id)).toBeNull();
    expect(result).toMatchObject({ first: noticeCodeAux3('11', '0000000000001'), last: noticeCodeAux3('11', '0000000000004') });

    const again = await database.db.transaction().execute((trx) => assignMissingNoticeCodes(trx, t.tenantId, c.id));
    expect(again).toEqual({ count: 0, first: null, last: null });
    expect((await database.db.selectFrom('claims').select('notice_code').where('creditor_id', '=', c.id).execute()).map((r) => r.notice_code).sort()).toEqual(
      rows.map((r) => r.notice_code).sort(),
    );
  });
});
