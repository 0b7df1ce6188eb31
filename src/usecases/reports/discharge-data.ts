import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { today } from '../../domain/dates.ts';
import { assignCapital, buildDischargeReport, type ComponentInput, type DischargeReport, type PositionInput } from '../../domain/discharge/report.ts';
import { SHIPPED_OUTCOMES } from '../../domain/desk/outcomes.ts';
import { notFound, invalid, fieldError } from '../../domain/errors.ts';
import type { ClaimKind, ClaimStatus, ComponentKind } from '../../domain/model.ts';
import { money, toMoneyString, type Money } from '../../domain/money.ts';
import type { Actor } from '../../domain/policies.ts';

export interface DischargeScope {
  creditorId: string;
  creditorName: string;
  loadId: string | null;
  /** The load as printed: its file name. */
  loadLabel: string | null;
  asOf: string;
}

/**
 * The creditor (and load) of a report, scoped to the actor's tenant and, for a creditor's viewer, to
 * its own creditor: anything else is not found.
 */
export async function resolveDischargeScope(db: Db, actor: Actor, q: { creditorId: string; loadId?: string | undefined; asOf?: string | undefined }): Promise<DischargeScope> {
  if (actor.creditorId !== null && actor.creditorId !== q.creditorId) throw notFound('creditor');
  const creditor = await db.selectFrom('creditors').select(['id', 'name']).where('tenant_id', '=', actor.tenantId).where('id', '=', q.creditorId).executeTakeFirst();
  if (!creditor) throw notFound('creditor');
  let loadLabel: string | null = null;
  if (q.loadId) {
    const load = await db
      .selectFrom('import_jobs')
      .select(['id', 'file_name'])
      .where('tenant_id', '=', actor.tenantId)
      .where('creditor_id', '=', creditor.id)
      .where('id', '=', q.loadId)
      .executeTakeFirst();
    if (!load) throw notFound('import');
    loadLabel = load.file_name;
  }
  const now = today().toString();
  const asOf = q.asOf ?? now;
  if (asOf > now) throw invalid([fieldError('asOf', 'discharge.bad_as_of', { asOf })]);
  return { creditorId: creditor.id, creditorName: creditor.name, loadId: q.loadId ?? null, loadLabel, asOf };
}

const EFFECT = new Map(SHIPPED_OUTCOMES.map((o) => [o.code, o.effect]));

/**
 * Everything the report needs, in a fixed number of set-wise queries (no query per position): the
 * positions with their debtors, components, the ledger up to the as-of date, calls, letters, plans,
 * the debtors' callable numbers and how written-off positions were closed.
 */
export async function loadDischargeReport(db: Db, tenantId: string, scope: DischargeScope): Promise<DischargeReport> {
  const { asOf } = scope;
  const inScope = sql`c.tenant_id = ${tenantId} and c.creditor_id = ${scope.creditorId} ${scope.loadId ? sql`and c.import_job_id = ${scope.loadId}` : sql``} and (c.created_at at time zone 'Europe/Rome')::date <= ${asOf}::date`;
  const claimIds = sql`select c.id from claims c where ${inScope}`;
  const debtorIds = sql`select distinct c.debtor_id from claims c where ${inScope}`;

  const [claims, components, allocations, calls, outcomes, letters, plans, callable, writtenOff] = await Promise.all([
    sql<{
      id: string;
      external_ref: string;
      kind: ClaimKind;
      tax_year: number | null;
      currency: string;
      principal: string;
      principal_paid: string;
      status: ClaimStatus;
      debtor_id: string;
      display_name: string;
      tax_id: string | null;
      deceased: boolean;
      ceased: boolean;
      hardship: boolean;
    }>`select c.id, c.external_ref, c.kind, c.tax_year, c.currency, c.principal, c.principal_paid, c.status, c.debtor_id, d.display_name,
              coalesce(d.tax_code, d.vat_number, d.ch_uid) as tax_id, d.deceased, d.ceased, d.hardship
         from claims c join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
        where ${inScope}`.execute(db),
    sql<{ id: string; claim_id: string; kind: ComponentKind; amount: string; waived: string; accrues_interest: boolean }>`
       select cc.id, cc.claim_id, cc.kind, cc.amount, cc.waived, cc.accrues_interest
         from claim_components cc join claims c on c.tenant_id = cc.tenant_id and c.id = cc.claim_id
        where ${inScope} order by cc.claim_id, cc.position`.execute(db),
    sql<{ claim_id: string; component_id: string | null; component: string; amount: string }>`
       select pa.claim_id, pa.component_id, pa.component, sum(pa.amount)::text as amount
         from payment_allocations pa
         join payments p on p.tenant_id = pa.tenant_id and p.id = pa.payment_id
        where pa.tenant_id = ${tenantId} and pa.claim_id in (${claimIds})
          and p.value_date <= ${asOf}::date and p.reversed_at is null
        group by pa.claim_id, pa.component_id, pa.component`.execute(db),
    sql<{ debtor_id: string; attempts: number; right_party: number }>`
       select l.debtor_id, (count(*) filter (where l.kind in ('phone_attempt', 'conversation')))::int as attempts,
              (count(*) filter (where l.kind = 'conversation'))::int as right_party
         from contact_log l
        where l.tenant_id = ${tenantId} and l.debtor_id in (${debtorIds}) and l.local_date <= ${asOf}::date
        group by l.debtor_id`.execute(db),
    sql<{ debtor_id: string; outcome: string }>`
       select distinct on (l.debtor_id) l.debtor_id, coalesce(l.corrected_outcome, l.outcome) as outcome
         from contact_log l
        where l.tenant_id = ${tenantId} and l.debtor_id in (${debtorIds}) and l.local_date <= ${asOf}::date and l.outcome is not null
        order by l.debtor_id, l.created_at desc, l.id desc`.execute(db),
    sql<{ claim_id: string; letters: number }>`
       select k.claim_id, count(distinct k.communication_id)::int as letters
         from communication_claims k
         join communications m on m.tenant_id = k.tenant_id and m.id = k.communication_id
        where k.tenant_id = ${tenantId} and k.claim_id in (${claimIds})
          and m.channel <> 'phone_task' and m.status in ('sent', 'printed') and m.run_date <= ${asOf}::date
        group by k.claim_id`.execute(db),
    sql<{ claim_ids: string[]; running: boolean }>`
       select p.claim_ids,
              (p.state = 'active' or (p.state = 'lapsed' and p.lapsed_on > ${asOf}::date)
                or (p.state in ('paid', 'cancelled') and p.closed_on > ${asOf}::date)) as running
         from plans p
        where p.tenant_id = ${tenantId} and p.creditor_id = ${scope.creditorId} and p.started_on <= ${asOf}::date
          and p.state not in ('proposed', 'rejected')`.execute(db),
    sql<{ debtor_id: string }>`
       select distinct k.debtor_id from contacts k
        where k.tenant_id = ${tenantId} and k.debtor_id in (${debtorIds})
          and k.channel in ('phone', 'mobile') and k.status <> 'invalid' and k.third_party = false and k.consent <> 'withdrawn'
          and (k.valid_to is null or k.valid_to >= ${asOf}::date)`.execute(db),
    sql<{ entity_id: string }>`
       select distinct a.entity_id from audit_events a
        where a.tenant_id = ${tenantId} and a.entity_type = 'claim' and a.action = 'claim.written_off'
          and a.entity_id in (${claimIds})`.execute(db),
  ]);

  // On the carico: allocations to a component row, and capital stored without one (assignCapital).
  // Beyond it: interest accrued after the act, the claim's costs and the c.803 charges the engine derives.
  const collectedBy = new Map<string, Money>();
  const capitalBy = new Map<string, Money>();
  const otherBy = new Map<string, Money>();
  const plus = (m: Map<string, Money>, k: string, v: string) => m.set(k, (m.get(k) ?? money(0)).plus(v));
  for (const a of allocations.rows) {
    if (a.component_id !== null) plus(collectedBy, a.component_id, a.amount);
    else if (a.component === 'principal') plus(capitalBy, a.claim_id, a.amount);
    else plus(otherBy, a.claim_id, a.amount);
  }
  const compsBy = new Map<string, (ComponentInput & { accrues: boolean })[]>();
  for (const c of components.rows) {
    let list = compsBy.get(c.claim_id);
    if (!list) compsBy.set(c.claim_id, (list = []));
    list.push({ kind: c.kind, amount: c.amount, collected: toMoneyString(collectedBy.get(c.id) ?? money(0)), waived: c.waived, accrues: c.accrues_interest });
  }
  for (const [claimId, capital] of capitalBy) {
    const list = compsBy.get(claimId);
    if (!list) continue;
    assignCapital(list, toMoneyString(capital)).forEach((v, i) => (list[i]!.collected = v));
  }
  const callsBy = new Map(calls.rows.map((r) => [r.debtor_id, r]));
  const outcomeBy = new Map(outcomes.rows.map((r) => [r.debtor_id, r.outcome]));
  const lettersBy = new Map(letters.rows.map((r) => [r.claim_id, r.letters]));
  const planCount = new Map<string, number>();
  const planRunning = new Set<string>();
  for (const p of plans.rows) {
    for (const id of p.claim_ids) {
      planCount.set(id, (planCount.get(id) ?? 0) + 1);
      if (p.running) planRunning.add(id);
    }
  }
  const reachable = new Set(callable.rows.map((r) => r.debtor_id));
  const bySettlement = new Set(writtenOff.rows.map((r) => r.entity_id));

  const positions: PositionInput[] = claims.rows.map((c) => {
    const call = callsBy.get(c.debtor_id);
    const outcome = outcomeBy.get(c.debtor_id) ?? null;
    return {
      claimId: c.id,
      reference: c.external_ref,
      taxpayer: c.display_name,
      taxId: c.tax_id,
      revenue: c.kind,
      taxYear: c.tax_year,
      currency: c.currency,
      loaded: c.principal,
      storedPaid: c.principal_paid,
      status: c.status,
      writtenOffBy: c.status === 'written_off' ? (bySettlement.has(c.id) ? 'settlement' : 'creditor') : null,
      components: (compsBy.get(c.id) ?? []).map(({ kind, amount, collected, waived }) => ({ kind, amount, collected, waived })),
      otherCollected: toMoneyString(otherBy.get(c.id) ?? money(0)),
      debtor: { deceased: c.deceased, ceased: c.ceased, hardship: c.hardship, debtorId: c.debtor_id },
      activity: { attempts: call?.attempts ?? 0, rightParty: call?.right_party ?? 0, letters: lettersBy.get(c.id) ?? 0, plans: planCount.get(c.id) ?? 0 },
      planRunning: planRunning.has(c.id),
      noCallableContact: !reachable.has(c.debtor_id),
      lastOutcomeEffect: outcome === null ? null : (EFFECT.get(outcome) ?? null),
    };
  });
  return buildDischargeReport(asOf, positions, asOf >= today().toString());
}
