import type { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { PROCEDURES_BY_JURISDICTION, proposeProcedure, type Jurisdiction } from '../../domain/mediation/rules.ts';
import { OPEN_STATUSES, type DebtorKind } from '../../domain/model.ts';
import { sumMoney, toMoneyString } from '../../domain/money.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { loadCreditor, loadDebtor } from '../shared/scope.ts';
import { MediationOptionsQuery, type MediationOptions } from './schema.ts';

/** What the rules propose for a debtor toward a creditor (on its open claims), and what else may be chosen there. */
export async function getMediationOptions(db: Db, actor: Actor, query: z.input<typeof MediationOptionsQuery>): Promise<MediationOptions> {
  const q = parseInput(MediationOptionsQuery, query);
  const creditor = await loadCreditor(db, actor, q.creditorId);
  const debtor = await loadDebtor(db, actor, q.debtorId);
  authorize(actor, 'read', 'claim');
  const claims = await db
    .selectFrom('claims as c')
    .leftJoin('claim_balances as b', 'b.claim_id', 'c.id')
    .select(['c.currency', 'b.total_due'])
    .where('c.tenant_id', '=', actor.tenantId)
    .where('c.debtor_id', '=', debtor.id)
    .where('c.creditor_id', '=', creditor.id)
    .where('c.status', 'in', OPEN_STATUSES)
    .execute();
  const currency = claims[0]?.currency ?? null;
  const amount = toMoneyString(sumMoney(claims.filter((c) => c.currency === currency).map((c) => c.total_due ?? '0')));
  const jurisdiction = creditor.default_jurisdiction as Jurisdiction;
  return {
    jurisdiction,
    debtorKind: debtor.kind,
    currency,
    amount,
    proposed: proposeProcedure(debtor.kind as DebtorKind, jurisdiction, amount),
    allowed: PROCEDURES_BY_JURISDICTION[jurisdiction].filter((p) => p !== 'conciliazione_paritetica' || debtor.kind === 'consumer'),
  };
}
