import type { Db } from '../../db/connect.ts';
import type { GuaranteeCover } from '../../domain/legal/cost-benefit.ts';
import type { Actor } from '../../domain/policies.ts';

/**
 * HOOK for the guarantee register (issue 17 items 3–4, built in parallel under src/usecases/guarantees):
 * the guarantees in force that cover this claim or its debtor × creditor relationship. There is no
 * `guarantees` table on main yet, so this answers null — "not known" — and the sheet says so
 * (`legal.reason.guarantees_unknown`). When the table lands, read it here (scoped to the tenant) and
 * return each guarantee's kind, amount, currency and end of validity.
 */
export async function guaranteesForClaim(_db: Db, _actor: Actor, _claim: { id: string; debtorId: string; creditorId: string }): Promise<GuaranteeCover[] | null> {
  return null;
}
