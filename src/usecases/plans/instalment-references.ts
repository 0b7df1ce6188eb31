import { sql } from 'kysely';
import type { Trx } from '../../db/connect.ts';
import { reserveNoticeCodes } from '../creditors/notice-codes.ts';

/**
 * A running plan's instalments of a comune that generates its pagoPA notices each get a codice avviso
 * of their own (issue 15 item 1: "pagoPA notice per instalment"), reserved from the comune's counter
 * (`reserveNoticeCodes`: never issued twice). Instalments that have one keep it; called when a plan
 * becomes active (proposed within the rules, approved) and, for a plan that predates migration 0030
 * or an extension's new instalments, when its document is first printed. A creditor that is no comune,
 * or whose notices are supplied by the comune, gets none: its slips carry the RF / QR reference built
 * from the instalment's `ref_no`, which every instalment has from its insertion. Returns how many got one.
 */
export async function issueInstalmentNotices(trx: Trx, tenantId: string, planId: string): Promise<number> {
  const plan = await trx
    .selectFrom('plans as p')
    .innerJoin('creditors as c', (j) => j.onRef('c.id', '=', 'p.creditor_id').onRef('c.tenant_id', '=', 'p.tenant_id'))
    .select(['p.creditor_id', 'c.kind'])
    .where('p.tenant_id', '=', tenantId)
    .where('p.id', '=', planId)
    .executeTakeFirst();
  if (!plan || plan.kind !== 'public_entity') return 0;
  const missing = await trx
    .selectFrom('plan_instalments')
    .select('number')
    .where('tenant_id', '=', tenantId)
    .where('plan_id', '=', planId)
    .where('notice_code', 'is', null)
    .orderBy('number')
    .forUpdate()
    .execute();
  if (!missing.length) return 0;
  const codes = await reserveNoticeCodes(trx, tenantId, plan.creditor_id, missing.length);
  if (codes.length !== missing.length) return 0;
  const values = sql.join(missing.map((r, i) => sql`(${r.number}::int, ${codes[i]!}::text)`));
  await sql`
    update plan_instalments i set notice_code = v.code
    from (values ${values}) as v(number, code)
    where i.tenant_id = ${tenantId} and i.plan_id = ${planId} and i.number = v.number and i.notice_code is null`.execute(trx);
  return missing.length;
}
