import { sql } from 'kysely';
import type { Trx } from '../../db/connect.ts';
import { OPEN_STATUSES } from '../../domain/model.ts';
import { generatedNoticeCode, pagopaSettingsSchema, type PagopaSettings } from '../../domain/municipal/settings.ts';

/*
 * Notice codes incasso generates as the comune's technological partner (issue 13 item 4;
 * municipal-notes.md §2.1, §2.3–2.4). The partner has its own segregation code from PagoPA S.p.A.
 * and generates IUVs with aux digit 3: "3" + segregation code (2) + IUV base (13) + check (2, mod 93).
 * SACI 1.3.1 Cap. 2 / Linee guida §7.1: the ente may delegate IUV generation "curando che ne sia
 * mantenuta l'univocità nel tempo" — so the IUV base is a per-comune counter (creditors.pagopa_next_iuv,
 * migration 0017) that only moves forward: a code once issued is never issued again, even if the
 * position it went to is later closed or changed.
 */

/** The comune's pagoPA set-up when incasso generates its notices, else null. */
export function generatingSettings(pagopa: unknown): PagopaSettings | null {
  const s = pagopaSettingsSchema.safeParse(pagopa);
  return s.success && s.data.noticeMode === 'generated' && s.data.segregationCode ? s.data : null;
}

/**
 * Reserves `n` consecutive IUV bases of a comune that generates its notices and returns their notice
 * codes, in order. Atomic under concurrency: one `update … set pagopa_next_iuv = pagopa_next_iuv + n
 * … returning` takes the row lock, so two transactions never receive the same counter values (the
 * second waits for the first to commit or roll back). A code some position already carries (one
 * typed in by hand with the same segregation code) is skipped and replaced by the next value.
 * Returns [] when the creditor does not generate its notices (not in this tenant, or `supplied`).
 */
export async function reserveNoticeCodes(trx: Trx, tenantId: string, creditorId: string, n: number): Promise<string[]> {
  if (!Number.isInteger(n) || n < 0) throw new Error(`reserveNoticeCodes: a count, not ${n}`);
  const codes: string[] = [];
  while (codes.length < n) {
    const want = n - codes.length;
    const row = await trx
      .updateTable('creditors')
      .set({ pagopa_next_iuv: sql<string>`pagopa_next_iuv + ${want}::bigint` })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', creditorId)
      .where(sql<boolean>`pagopa->>'noticeMode' = 'generated'`)
      .returning([sql<string>`pagopa_next_iuv - ${want}::bigint`.as('first'), 'pagopa'])
      .executeTakeFirst();
    const settings = row && generatingSettings(row.pagopa);
    if (!row || !settings) return [];
    const first = BigInt(row.first);
    const batch = Array.from({ length: want }, (_, i) => generatedNoticeCode(settings, first + BigInt(i)));
    const taken = new Set(
      (
        await trx
          .selectFrom('claims')
          .select('notice_code')
          .where('tenant_id', '=', tenantId)
          .where('creditor_id', '=', creditorId)
          .where('notice_code', 'in', batch)
          .execute()
      ).map((r) => r.notice_code),
    );
    codes.push(...batch.filter((c) => !taken.has(c)));
  }
  return codes;
}

/** How many positions are handled per statement when a whole portfolio gets its codes. */
export const NOTICE_BATCH = 2000;

export interface AssignedNoticeCodes {
  /** Positions that received a code. */
  count: number;
  /** The first and last code issued (null when none). */
  first: string | null;
  last: string | null;
}

/**
 * Gives every open position of a comune that generates its notices, and has no notice code yet, the
 * next generated code — batch by batch, on the caller's transaction (an import calls it at its end).
 * A position that already has a code (supplied with the list, or generated before) keeps it: codes
 * are never regenerated. A creditor in `supplied` mode (or not a comune) is left as it is: count 0.
 */
export async function assignMissingNoticeCodes(trx: Trx, tenantId: string, creditorId: string): Promise<AssignedNoticeCodes> {
  const result: AssignedNoticeCodes = { count: 0, first: null, last: null };
  const creditor = await trx
    .selectFrom('creditors')
    .select(['kind', 'pagopa'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', creditorId)
    .executeTakeFirst();
  if (!creditor || creditor.kind !== 'public_entity' || !generatingSettings(creditor.pagopa)) return result;
  for (;;) {
    // Locked, and re-checked after any wait (READ COMMITTED re-evaluates the condition of a locked
    // row), so a position that got a code meanwhile is skipped rather than given a second one.
    const rows = await trx
      .selectFrom('claims')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('creditor_id', '=', creditorId)
      .where('notice_code', 'is', null)
      .where('status', 'in', OPEN_STATUSES)
      .orderBy('id')
      .limit(NOTICE_BATCH)
      .forUpdate()
      .execute();
    if (rows.length === 0) return result;
    const codes = await reserveNoticeCodes(trx, tenantId, creditorId, rows.length);
    const values = sql.join(rows.map((r, i) => sql`(${r.id}::uuid, ${codes[i]!}::text)`));
    await sql`
      update claims c set notice_code = v.code, version = c.version + 1, updated_at = now()
      from (values ${values}) as v(id, code)
      where c.tenant_id = ${tenantId} and c.id = v.id and c.notice_code is null`.execute(trx);
    result.count += rows.length;
    result.first ??= codes[0]!;
    result.last = codes[codes.length - 1]!;
    if (rows.length < NOTICE_BATCH) return result;
  }
}
