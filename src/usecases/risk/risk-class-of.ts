import { sql } from 'kysely';
import type { RiskClass } from '../../domain/risk/rules.ts';

/**
 * A claim's risk class for strategy conditions, as a column of a query over `claims as c`: the
 * debtor's profile with the claim's creditor, else its profile over all creditors
 * (refresh-debtor-profiles.ts); null when none is stored.
 */
export const riskClassOf = <A extends string>(alias: A) =>
  sql<RiskClass | null>`coalesce(
    (select p.risk_class from debtor_profiles p where p.tenant_id = c.tenant_id and p.debtor_id = c.debtor_id and p.creditor_id = c.creditor_id),
    (select p.risk_class from debtor_profiles p where p.tenant_id = c.tenant_id and p.debtor_id = c.debtor_id and p.creditor_id is null))`.as(alias);
