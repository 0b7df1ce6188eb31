import { sql, type Selectable } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { StrategiesTable } from '../../db/schema.ts';
import { recordAudits } from '../shared/audit.ts';
import { nextAction, parseStrategy, type Language, type RiskClass, type Step, type Strategy } from '../../domain/dunning/index.ts';
import { riskClassOf } from '../risk/risk-class-of.ts';
import { OPEN_STATUSES, type Currency, type DebtorKind } from '../../domain/model.ts';
import type { Actor } from '../../domain/policies.ts';

/**
 * Where a claim stands in a strategy, and its next action date, for the use cases that change which
 * strategy a claim follows or what the strategy says (activation, editing steps) or when it may act
 * again (releasing a hold).
 *
 * `next_action_on` is the day the claim's next step falls due by the strategy (after its hold, if
 * any). Pauses by status (dispute, promise to pay, plan) are not folded in: those statuses change
 * through update-claim without touching the date, so the engine checks them when it runs; a stored
 * date is therefore "look at the claim again on", never "send on".
 */

/**
 * Claims whose principal counts towards a debtor's open amount in step conditions: worked or paused by
 * the engine (a claim handed to a lawyer, 'legal', is no longer part of the dunning conversation).
 * The same set the engine sums (usecases/dunning/load-context.ts).
 */
const OWED_STATUSES = ['open', 'in_collection', 'partially_paid', 'promised', 'in_plan', 'disputed'] as const;

/** A strategy row as the domain's Strategy (the stored steps are validated again on the way in). */
export function strategyOf(row: Pick<Selectable<StrategiesTable>, 'name' | 'steps'>): Strategy {
  return parseStrategy({ name: row.name, steps: row.steps });
}

export interface ClaimStepRow {
  id: string;
  debtorId: string;
  creditorId: string;
  strategyId: string | null;
  dueDate: string;
  dunningStepNo: number;
  dunningStepKey: string | null;
  dunningStepOn: string | null;
  holdUntil: string | null;
  nextActionOn: string | null;
  currency: Currency;
  debtorKind: DebtorKind;
  language: Language;
  /** The debtor's open principal with the claim's creditor, in the claim's currency. */
  openPrincipalOfDebtor: string;
  /** The day the claim was loaded (Europe/Rome), for steps counted from the load. */
  loadedOn: string;
  /** The debtor's risk class with the claim's creditor (else over all its creditors); null: none stored. */
  riskClass: RiskClass | null;
}

/**
 * Open claims (locked FOR UPDATE) with what nextAction needs, narrowed by creditor and strategy (the
 * claims of one strategy, a creditor's claims on any strategy but one) or to one claim.
 */
export async function loadClaimSteps(
  trx: Db,
  actor: Actor,
  where: { creditorId?: string; strategyId?: string; notStrategyId?: string; onAnyStrategy?: boolean; claimId?: string },
): Promise<ClaimStepRow[]> {
  let q = trx
    .selectFrom('claims as c')
    .innerJoin('debtors as d', (j) => j.onRef('d.id', '=', 'c.debtor_id').onRef('d.tenant_id', '=', 'c.tenant_id'))
    .select([
      'c.id',
      'c.debtor_id as debtorId',
      'c.creditor_id as creditorId',
      'c.strategy_id as strategyId',
      'c.due_date as dueDate',
      'c.dunning_step_no as dunningStepNo',
      'c.dunning_step_key as dunningStepKey',
      'c.dunning_step_on as dunningStepOn',
      'c.hold_until as holdUntil',
      'c.next_action_on as nextActionOn',
      'c.currency',
      'd.kind as debtorKind',
      'd.language',
      sql<string>`to_char(c.created_at at time zone 'Europe/Rome', 'YYYY-MM-DD')`.as('loadedOn'),
      sql<string>`(
        select round(coalesce(sum(o.principal - o.principal_paid), 0), 2)::text from claims o
        where o.tenant_id = c.tenant_id and o.debtor_id = c.debtor_id and o.creditor_id = c.creditor_id
          and o.currency = c.currency and o.status in (${sql.join(OWED_STATUSES)})
      )`.as('openPrincipalOfDebtor'),
      riskClassOf('riskClass'),
    ])
    .where('c.tenant_id', '=', actor.tenantId)
    .where('c.status', 'in', [...OPEN_STATUSES]);
  if (actor.creditorId !== null) q = q.where('c.creditor_id', '=', actor.creditorId);
  if (where.creditorId) q = q.where('c.creditor_id', '=', where.creditorId);
  if (where.strategyId) q = q.where('c.strategy_id', '=', where.strategyId);
  if (where.notStrategyId) q = q.where('c.strategy_id', '!=', where.notStrategyId);
  if (where.onAnyStrategy) q = q.where('c.strategy_id', 'is not', null);
  if (where.claimId) q = q.where('c.id', '=', where.claimId);
  const rows = await q.orderBy('c.id').forUpdate('c').execute();
  return rows as ClaimStepRow[];
}

/**
 * The claim's next action date on a strategy, given the key of the last step it received there; after
 * its hold unless `holdUntil` says otherwise (null: as if not held).
 */
export function nextActionOn(strategy: Strategy, claim: ClaimStepRow, lastStepKey: string | null, holdUntil = claim.holdUntil): string | null {
  const done = lastStepKey !== null && claim.dunningStepOn !== null;
  const action = nextAction(strategy, {
    dueDate: claim.dueDate,
    lastStepKey: done ? lastStepKey : null,
    lastStepOn: done ? claim.dunningStepOn : null,
    holdUntil,
    paused: false,
    debtorKind: claim.debtorKind,
    currency: claim.currency,
    language: claim.language,
    riskClass: claim.riskClass,
    openPrincipalOfDebtor: claim.openPrincipalOfDebtor,
    loadedOn: claim.loadedOn,
    // Not known here (the contacts and calls): the condition is not checked, the run decides.
    reachableByPhone: null,
  });
  return action?.on ?? null;
}

/**
 * The step of another strategy a claim stands at when it moves there: the one at the same position
 * as its step number (the claims keep their number; keys differ between strategies). A number past
 * the end of a shorter strategy stands at its last step: nothing more to do there.
 */
export function stepAtPosition(steps: readonly Step[], stepNo: number): string | null {
  if (stepNo < 1) return null;
  return steps[Math.min(stepNo, steps.length) - 1]?.key ?? null;
}

export interface ClaimStepChange {
  claim: ClaimStepRow;
  strategyId: string | null;
  stepKey: string | null;
  nextActionOn: string | null;
}


/**
 * Writes the claims' new strategy, step key and next action date in one statement, and one audit
 * event per claim (so each debtor's history shows it), in the caller's transaction. Claims whose
 * values do not change are left alone.
 */
export async function applyClaimSteps(trx: Db, actor: Actor, action: string, changes: readonly ClaimStepChange[]): Promise<number> {
  const changed = changes.filter(
    (c) => c.strategyId !== c.claim.strategyId || c.stepKey !== c.claim.dunningStepKey || c.nextActionOn !== c.claim.nextActionOn,
  );
  if (changed.length === 0) return 0;
  await sql`
    update claims c set strategy_id = v.strategy_id, dunning_step_key = v.step_key, next_action_on = v.next_action_on,
      version = c.version + 1, updated_at = now()
    from unnest(${changed.map((c) => c.claim.id)}::uuid[], ${changed.map((c) => c.strategyId)}::uuid[],
                ${changed.map((c) => c.stepKey)}::text[], ${changed.map((c) => c.nextActionOn)}::date[])
      as v(id, strategy_id, step_key, next_action_on)
    where c.tenant_id = ${actor.tenantId} and c.id = v.id`.execute(trx);
  const view = (strategyId: string | null, stepKey: string | null, next: string | null) => ({
    strategyId,
    dunningStepKey: stepKey,
    nextActionOn: next,
  });
  await recordAudits(
    trx,
    actor,
    changed.map((c) => ({
      action,
      entityType: 'claim',
      entityId: c.claim.id,
      debtorId: c.claim.debtorId,
      creditorId: c.claim.creditorId,
      before: view(c.claim.strategyId, c.claim.dunningStepKey, c.claim.nextActionOn),
      after: { ...view(c.strategyId, c.stepKey, c.nextActionOn), dunningStepNo: c.claim.dunningStepNo },
    })),
  );
  return changed.length;
}
