import { bulkInsert, type BulkColumn } from '../../db/bulk-insert.ts';
import type { Db } from '../../db/connect.ts';
import type { DB } from '../../db/schema.ts';
import { COMPONENT_ACCRUES_INTEREST, type ComponentKind } from '../../domain/model.ts';

const COLUMNS: BulkColumn<DB['claim_components']>[] = [
  { name: 'tenant_id', type: 'uuid' },
  { name: 'claim_id', type: 'uuid' },
  { name: 'position', type: 'integer' },
  { name: 'kind', type: 'text' },
  { name: 'amount', type: 'numeric' },
  { name: 'accrues_interest', type: 'boolean' },
  { name: 'paid', type: 'numeric' },
];

/**
 * The one component of a company's claim: its principal, accruing interest (src/domain/model.ts
 * COMPONENT_KINDS). One statement for any number of claims.
 */
export async function insertPrincipalComponents(trx: Db, tenantId: string, claims: readonly { id: string; principal: string; paid?: string }[]): Promise<void> {
  await bulkInsert(
    trx,
    'claim_components',
    COLUMNS,
    claims.map((c) => ({
      tenant_id: tenantId,
      claim_id: c.id,
      position: 1,
      kind: 'principal',
      amount: c.principal,
      accrues_interest: COMPONENT_ACCRUES_INTEREST.principal,
      paid: c.paid ?? '0',
    })),
  );
}

/** A claim's components as given (a comune's act), in order; each accrues interest as its kind does. */
export async function insertComponents(
  trx: Db,
  tenantId: string,
  claimId: string,
  components: readonly { kind: ComponentKind; amount: string; tributeCode?: string | null }[],
): Promise<void> {
  await trx
    .insertInto('claim_components')
    .values(
      components.map((c, i) => ({
        tenant_id: tenantId,
        claim_id: claimId,
        position: i + 1,
        kind: c.kind,
        amount: c.amount,
        accrues_interest: COMPONENT_ACCRUES_INTEREST[c.kind],
        tribute_code: c.tributeCode ?? null,
      })),
    )
    .execute();
}

/** A company claim's principal changed (the claim's terms were corrected): its component follows. */
export async function setPrincipalAmount(trx: Db, tenantId: string, claimId: string, amount: string): Promise<void> {
  await trx
    .updateTable('claim_components')
    .set({ amount })
    .where('tenant_id', '=', tenantId)
    .where('claim_id', '=', claimId)
    .where('kind', '=', 'principal')
    .where('position', '=', 1)
    .execute();
}
