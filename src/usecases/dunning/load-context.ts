import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import { loadCreditorTemplates } from '../shared/creditor-templates.ts';
import { riskClassOf } from '../risk/risk-class-of.ts';

/**
 * Everything the dunning decisions for a batch of debtors of one tenant need, read inside the
 * batch's transaction (the debtors' rows are locked), in one query per kind of record rather than one
 * per debtor: the debtors, their usable addresses and contacts, their claims with their strategies
 * (locked too), the creditors involved and each debtor's contact log of the last week.
 */
export async function loadDebtorContexts(trx: Db, actor: Actor, debtorIds: readonly string[], date: string, creditorId?: string): Promise<Map<string, DebtorContext>> {
  const out = new Map<string, DebtorContext>();
  if (debtorIds.length === 0) return out;
  const { tenant, debtors, addresses, contacts, claims, creditors, contactLog, components, templates } = await loadRows(trx, actor, debtorIds, date, creditorId);
  const creditorMap = new Map(creditors.map((c) => [c.id, c]));
  const by = <T extends { debtor_id: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(r.debtor_id, [...(m.get(r.debtor_id) ?? []), r]);
    return m;
  };
  const addressesOf = by(addresses);
  const contactsOf = by(contacts);
  const claimsOf = by(claims);
  const logOf = by(contactLog);
  for (const debtor of debtors) {
    const mine = addressesOf.get(debtor.id) ?? [];
    const address = mine[0] ?? null;
    out.set(debtor.id, {
      tenant,
      debtor,
      addresses: mine,
      address,
      debtorCountry: address?.country ?? 'IT',
      contacts: contactsOf.get(debtor.id) ?? [],
      claims: claimsOf.get(debtor.id) ?? [],
      creditors: creditorMap,
      contactLog: logOf.get(debtor.id) ?? [],
      components,
      templates,
    });
  }
  return out;
}

async function loadRows(trx: Db, actor: Actor, debtorIds: readonly string[], date: string, creditorId?: string) {
  const debtors = await trx
    .selectFrom('debtors')
    .select(['id', 'kind', 'display_name', 'first_name', 'last_name', 'company_name', 'tax_code', 'language', 'deceased', 'ceased', 'hardship'])
    .where('tenant_id', '=', actor.tenantId)
    .where('id', 'in', debtorIds)
    .execute();
  const addresses = await trx
    .selectFrom('addresses')
    .select(['debtor_id', 'id', 'kind', 'line1', 'line2', 'postal_code', 'city', 'province', 'country'])
    .where('tenant_id', '=', actor.tenantId)
    .where('debtor_id', 'in', debtorIds)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', date)]))
    .orderBy(sql`case kind when 'domicile' then 0 when 'residence' then 1 when 'registered_office' then 2 when 'billing' then 3 else 4 end`)
    .orderBy('created_at')
    .execute();
  const contacts = await trx
    .selectFrom('contacts')
    .select(['debtor_id', 'id', 'channel', 'value', 'status', 'consent', 'third_party'])
    .where('tenant_id', '=', actor.tenantId)
    .where('debtor_id', 'in', debtorIds)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', date)]))
    .orderBy('created_at')
    .execute();
  const claims = await trx
    .selectFrom('claims as c')
    .leftJoin('strategies as s', (j) => j.onRef('s.id', '=', 'c.strategy_id').onRef('s.tenant_id', '=', 'c.tenant_id'))
    .select([
      'c.id',
      'c.debtor_id',
      'c.creditor_id',
      'c.external_ref',
      'c.description',
      'c.issue_date',
      'c.due_date',
      'c.principal',
      'c.principal_paid',
      'c.ref_no',
      'c.currency',
      'c.status',
      'c.kind',
      'c.tax_year',
      'c.act_kind',
      'c.act_number',
      'c.act_date',
      'c.act_notified_on',
      'c.act_enforceable_on',
      'c.notice_code',
      'c.dunning_step_no',
      'c.dunning_step_key',
      'c.dunning_step_on',
      'c.hold_until',
      'c.next_action_on',
      'c.strategy_id',
      's.steps',
      's.name as strategy_name',
      's.active as strategy_active',
      (eb) =>
        eb
          .selectFrom('communication_claims as cc')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('cc.claim_id', '=', 'c.id')
          .where('cc.superseded', '=', false)
          .as('steps_received'),
      // The day the claim was loaded (Europe/Rome), for steps counted from the load.
      sql<string>`to_char(c.created_at at time zone 'Europe/Rome', 'YYYY-MM-DD')`.as('loaded_on'),
      riskClassOf('risk_class'),
      // The claim's phone tasks still counting as its steps, and those that ended in a conversation
      // (the reachableByPhone condition; a wrong number's task is superseded and the number invalid).
      sql<number>`(select count(*)::int from communication_claims cc join communications m on m.id = cc.communication_id
                    where cc.claim_id = c.id and not cc.superseded and m.channel = 'phone_task')`.as('phone_tasks'),
      sql<number>`(select count(*)::int from communication_claims cc join communications m on m.id = cc.communication_id
                    where cc.claim_id = c.id and not cc.superseded and m.channel = 'phone_task' and m.status = 'task_done')`.as('phone_tasks_done'),
    ])
    .where('c.tenant_id', '=', actor.tenantId)
    .where('c.debtor_id', 'in', debtorIds)
    .$if(creditorId !== undefined, (q) => q.where('c.creditor_id', '=', creditorId!))
    .where('c.status', 'in', ['open', 'in_collection', 'partially_paid', 'promised', 'in_plan', 'disputed'])
    .orderBy('c.due_date')
    .orderBy('c.external_ref')
    .forUpdate('c')
    .execute();
  const creditorIds = [...new Set(claims.map((c) => c.creditor_id))];
  const creditors = creditorIds.length
    ? await trx
        .selectFrom('creditors')
        .select(['id', 'kind', 'name', 'address_line1', 'postal_code', 'city', 'province', 'country', 'email', 'phone', 'iban', 'vat_number', 'reminder_fees', 'tax_code', 'cadastral_code', 'pagopa'])
        .where('tenant_id', '=', actor.tenantId)
        .where('id', 'in', creditorIds)
        .execute()
    : [];
  // A comune's positions are written about per component (tax, sanctions, …): read only for them.
  const publicEntities = new Set(creditors.filter((c) => c.kind === 'public_entity').map((c) => c.id));
  const comuneClaimIds = claims.filter((c) => publicEntities.has(c.creditor_id)).map((c) => c.id);
  const componentRows = comuneClaimIds.length
    ? await trx
        .selectFrom('claim_components')
        .select(['claim_id', 'position', 'kind', 'amount', 'paid', 'waived', 'tribute_code'])
        .where('tenant_id', '=', actor.tenantId)
        .where('claim_id', 'in', comuneClaimIds)
        .orderBy('claim_id')
        .orderBy('position')
        .execute()
    : [];
  const components = new Map<string, typeof componentRows>();
  for (const r of componentRows) components.set(r.claim_id, [...(components.get(r.claim_id) ?? []), r]);
  const since = sql<string>`${date}::date - 7`;
  const contactLog = await trx
    .selectFrom('contact_log')
    .select(['debtor_id', 'local_date', 'local_time', 'kind', 'channel', 'allowed'])
    .where('tenant_id', '=', actor.tenantId)
    .where('debtor_id', 'in', debtorIds)
    .where('local_date', '>', since)
    .execute();
  const tenant = await trx.selectFrom('tenants').select(['name', 'kind', 'settings', 'country']).where('id', '=', actor.tenantId).executeTakeFirstOrThrow();
  // The creditors' own wording of their letters, where they have one.
  const templates = await loadCreditorTemplates(trx, actor.tenantId, creditorIds);
  return { tenant, debtors, addresses, contacts, claims, creditors, contactLog, components, templates };
}

type Rows = Awaited<ReturnType<typeof loadRows>>;
export interface DebtorContext {
  tenant: Rows['tenant'];
  debtor: Rows['debtors'][number];
  addresses: Rows['addresses'];
  address: Rows['addresses'][number] | null;
  debtorCountry: string;
  contacts: Rows['contacts'];
  claims: Rows['claims'];
  creditors: Map<string, Rows['creditors'][number]>;
  contactLog: Rows['contactLog'];
  /** The components of the claims of comuni (public entities), by claim, in order; other claims have none here. */
  components?: Rows['components'];
  /** The creditors' own texts of templates (`templateSlot(creditor, key, language)`); absent: the shipped ones. */
  templates?: Rows['templates'];
}

