import type { Trx } from '../../db/connect.ts';
import { fieldError, unprocessable } from '../../domain/errors.ts';
import { mandateAlboProblem } from '../../domain/municipal/settings.ts';

/**
 * Refuses (422) an active comune mandate while the agency has no albo registration (art. 53
 * D.Lgs. 446/1997; domain/municipal/settings.ts `mandateAlboProblem`). The tenant row is read on the
 * caller's transaction.
 */
export async function assertMandateAllowed(trx: Trx, tenantId: string, creditor: { kind: string; active: boolean }): Promise<void> {
  if (creditor.kind !== 'public_entity' || !creditor.active) return;
  // Shared lock: an administrator removing the registration at the same moment waits for this mandate (update-settings).
  const tenant = await trx.selectFrom('tenants').select(['kind', 'settings']).where('id', '=', tenantId).forShare().executeTakeFirstOrThrow();
  const problem = mandateAlboProblem(tenant, creditor);
  if (problem) throw unprocessable(problem, [fieldError('active', problem.code, problem.params)]);
}
