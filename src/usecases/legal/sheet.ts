import type { Db } from '../../db/connect.ts';
import { legalSheet, type Jurisdiction } from '../../domain/legal/cost-benefit.ts';
import { translate, type Locale } from '../../domain/messages/index.ts';
import { systemActor, type Actor } from '../../domain/policies.ts';
import { legalCostTable } from '../../integrations/legal/cost-table.ts';
import { getClaimStatement, type ClaimStatementView } from '../claims/get-claim-statement.ts';
import { guaranteesForClaim } from './guarantees-hook.ts';
import type { LegalSheetView } from './schema.ts';

/**
 * The reader inside the legal use cases once they have decided the actor may see this claim (a law
 * firm's user may not read claims as such, only the dossier handed to it): the tenant's system reader.
 */
export const dossierReader = (actor: Actor): Actor => ({ ...systemActor(actor.tenantId, 'legal-dossier'), label: actor.label, userId: actor.userId });

/**
 * The sheet of a claim to a day: the components as the stored balances and the engine give them (the
 * claim's statement to that day — the same figures as its balance), the expected costs of its
 * jurisdiction from the cost table, the debtor's flags, the guarantees.
 */
export async function sheetOf(db: Db, reader: Actor, claimId: string, day: string, locale: Locale): Promise<{ sheet: LegalSheetView; statement: ClaimStatementView }> {
  const claim = await db
    .selectFrom('claims as c')
    .innerJoin('debtors as d', (j) => j.onRef('d.id', '=', 'c.debtor_id').onRef('d.tenant_id', '=', 'c.tenant_id'))
    .select(['c.id', 'c.jurisdiction', 'c.currency', 'c.debtor_id', 'c.creditor_id', 'd.kind', 'd.deceased', 'd.ceased', 'd.hardship'])
    .where('c.tenant_id', '=', reader.tenantId)
    .where('c.id', '=', claimId)
    .executeTakeFirstOrThrow();
  const statement = await getClaimStatement(db, reader, claimId, { asOf: day });
  const jurisdiction = claim.jurisdiction as Jurisdiction;
  const s = legalSheet({
    jurisdiction,
    currency: claim.currency,
    components: statement.components.map((c) => ({ kind: c.kind, due: c.due })),
    interestDue: statement.statement.interestDue,
    costsDue: statement.statement.costsDue,
    costs: legalCostTable()[jurisdiction],
    // No insolvency flag exists on debtors yet: unknown.
    debtor: { kind: claim.kind, deceased: claim.deceased, ceased: claim.ceased, hardship: claim.hardship, insolvency: null },
    guarantees: await guaranteesForClaim(db, reader, { id: claim.id, debtorId: claim.debtor_id, creditorId: claim.creditor_id }),
    day,
  });
  return { sheet: { ...s, claimId, day, reasons: s.reasons.map((r) => ({ code: r.code, text: translate(r, locale) })) }, statement };
}
