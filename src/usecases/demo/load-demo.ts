import { refreshBalances } from '../claims/balances.ts';
import { refreshDebtorProfiles } from '../risk/refresh-debtor-profiles.ts';
import { insertComponents, insertPrincipalComponents } from '../claims/components.ts';
import { loadLedgers, refreshUnallocated, settleClaim } from '../claims/ledger.ts';
import { municipalActs, SEGREGATION, VALDORIA_POINTS } from './acts.ts';
import { randomUUID } from 'node:crypto';
import { sql, type Insertable } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { DB } from '../../db/schema.ts';
import { dateProblem, today as todayInRome } from '../../domain/dates.ts';
import { systemActor } from '../../domain/policies.ts';
import { hashPassword } from '../auth/login.ts';
import { recordAudit } from '../shared/audit.ts';
import { DEMO_ALBO, DEMO_PASSWORD, DEMO_TENANT, DEMO_USERS, VALDORIA_CADASTRAL, type CreditorKey } from './demo-data.ts';
import { buildDemoDataSet, type DemoPayment } from './generate.ts';
import { centsToString } from './random.ts';
import { STRATEGY_TEMPLATES, type StrategyTemplateKey } from '../../domain/dunning/index.ts';
import { settleDemo } from './settle.ts';
import { insertDemoGuarantee } from './demo-guarantee.ts';
import { addDemoHistories } from './demo-histories.ts';
import { insertDemoPhoneTasks } from './demo-phone-tasks.ts';
import { insertDemoDeskQueue } from './demo-desk.ts';
import { currentRateBook } from '../interest/rate-book.ts';

export interface DemoLogin {
  email: string;
  password: string;
  role: string;
  name: string;
  /** What the log-in is for, in Italian (printed at start). */
  note: string;
}

export interface LoadDemoResult {
  /** false when the demo tenant was already there: nothing was changed. */
  created: boolean;
  tenantId: string;
  logins: DemoLogin[];
  counts: { creditors: number; debtors: number; claims: number; payments: number };
}

/** Serialises concurrent loaders (two processes starting together): an arbitrary fixed key. */
const DEMO_LOCK_KEY = 4_711_000_042;
const BATCH = 400;
const ACTOR_LABEL = 'system:demo';

export const DEMO_LOGINS: readonly DemoLogin[] = DEMO_USERS.map((u) => ({
  email: u.email,
  password: DEMO_PASSWORD,
  role: u.role,
  name: u.name,
  note: u.note,
}));

type AuditRow = Insertable<DB['audit_events']>;

async function insertAll<T extends keyof DB & string>(trx: Db, table: T, rows: Insertable<DB[T]>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + BATCH) as never)
      .execute();
  }
}

async function countRows(trx: Db, tenantId: string): Promise<LoadDemoResult['counts']> {
  const { rows } = await sql<{ creditors: string; debtors: string; claims: string; payments: string }>`
    select (select count(*) from creditors where tenant_id = ${tenantId}) as creditors,
           (select count(*) from debtors where tenant_id = ${tenantId}) as debtors,
           (select count(*) from claims where tenant_id = ${tenantId}) as claims,
           (select count(*) from payments where tenant_id = ${tenantId}) as payments`.execute(trx);
  const r = rows[0]!;
  return { creditors: Number(r.creditors), debtors: Number(r.debtors), claims: Number(r.claims), payments: Number(r.payments) };
}

/**
 * Loads the demo data set once: an agency tenant ("demo") collecting for an Italian company (B2B and
 * B2C invoices), a Swiss company (CHF invoices) and a comune (TARI, IMU, CUP, traffic fines), with
 * about 300 debtors, 1,000 claims in every status over the last five years, payments, notes, users
 * and the audit trail. Idempotent and safe to call concurrently: when the tenant exists nothing changes.
 * Deterministic: the same `today` gives the same data (ids and timestamps of creation aside).
 */
/** An allocation's non-zero parts, in the engine's split (principal only if it was not split). */
function partsOf(a: DemoPayment['allocations'][number]): ['costs' | 'interest' | 'principal', string][] {
  const split = a.split ?? { costs: '0.00', interest: '0.00', principal: centsToString(a.amountCents) };
  return (['costs', 'interest', 'principal'] as const).filter((k) => split[k] !== '0.00').map((k) => [k, split[k]]);
}

export async function loadDemo(db: Db, opts: { today?: string } = {}): Promise<LoadDemoResult> {
  const today = opts.today ?? todayInRome().toString();
  const problem = dateProblem(today);
  if (problem) throw new RangeError(problem);
  const logins = DEMO_LOGINS.map((l) => ({ ...l }));

  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${DEMO_LOCK_KEY}::bigint)`.execute(trx);
    const existing = await trx.selectFrom('tenants').select('id').where('slug', '=', DEMO_TENANT.slug).executeTakeFirst();
    if (existing) {
      return { created: false, tenantId: existing.id, logins, counts: await countRows(trx, existing.id) };
    }

    const data = buildDemoDataSet(today);
    // Customers whose histories earn each class A–D, with advice to see (issue 17 item 8).
    addDemoHistories(data, today);
    const book = await currentRateBook(trx);
    municipalActs(data, book);
    settleDemo(data, book);
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const tenantId = randomUUID();
    const actor = systemActor(tenantId, 'demo');
    const audit: AuditRow[] = [];
    const event = (e: Omit<AuditRow, 'tenant_id' | 'actor_label' | 'actor_user_id'>, after: Record<string, unknown>) =>
      audit.push({ ...e, tenant_id: tenantId, actor_user_id: null, actor_label: ACTOR_LABEL, after: JSON.stringify(after) });

    await trx
      .insertInto('tenants')
      .values({
        id: tenantId,
        slug: DEMO_TENANT.slug,
        name: DEMO_TENANT.name,
        kind: DEMO_TENANT.kind,
        country: DEMO_TENANT.country,
        // Collecting a comune's revenues is reserved to the MEF albo (art. 53 D.Lgs. 446/1997): a demo registration.
        settings: JSON.stringify({ albo: DEMO_ALBO }),
      })
      .execute();
    event({ action: 'tenant.created', entity_type: 'tenant', entity_id: tenantId }, { ...DEMO_TENANT });

    // Creditors (mandanti).
    const creditorIds = new Map<CreditorKey, string>();
    const creditorNames = new Map<CreditorKey, string>();
    const creditorRows = data.creditors.map((c) => {
      const id = randomUUID();
      creditorIds.set(c.key, id);
      creditorNames.set(c.key, c.name);
      const { key: _key, ...fields } = c;
      event({ action: 'creditor.created', entity_type: 'creditor', entity_id: id, creditor_id: id }, { id, ...fields });
      return {
        id,
        tenant_id: tenantId,
        code: c.code,
        name: c.name,
        kind: c.kind,
        tax_code: c.taxCode,
        vat_number: c.vatNumber,
        ch_uid: c.chUid,
        country: c.country,
        address_line1: c.addressLine1,
        postal_code: c.postalCode,
        city: c.city,
        province: c.province,
        email: c.email,
        pec: c.pec,
        phone: c.phone,
        iban: c.iban,
        mandate_reference: c.mandateReference,
        mandate_signed_on: c.mandateSignedOn,
        mandate_starts_on: c.mandateStartsOn,
        mandate_ends_on: c.mandateEndsOn,
        commission_percent: c.commissionPercent,
        default_currency: c.defaultCurrency,
        default_jurisdiction: c.defaultJurisdiction,
        notes: c.notes,
        ...(c.kind === 'public_entity'
          ? {
              cadastral_code: VALDORIA_CADASTRAL,
              revenue_rules: JSON.stringify({ interestPoints: VALDORIA_POINTS }),
              // incasso generates the comune's notices as its technological partner (a plan's instalments get
              // their own), past the codes the demo's acts carry (acts.ts: 1,000,000 onwards).
              pagopa: JSON.stringify({ noticeMode: 'generated', segregationCode: SEGREGATION, cbill: 'AV0DR' }),
              pagopa_next_iuv: '2000000',
            }
          : {}),
      };
    });
    await insertAll(trx, 'creditors', creditorRows);

    // A collection strategy per creditor, from the shipped templates: the engine assigns it to the
    // open claims at its first run.
    const strategyFor: Record<CreditorKey, StrategyTemplateKey> = { ferramenta: 'it-b2b', alpenblick: 'ch', comune: 'comune' };
    const strategyRows = data.creditors.map((c) => {
      const id = randomUUID();
      const template = strategyFor[c.key];
      const strategy = STRATEGY_TEMPLATES[template];
      event({ action: 'strategy.created', entity_type: 'strategy', entity_id: id, creditor_id: creditorIds.get(c.key)! }, { id, template, name: strategy.name });
      return { id, tenant_id: tenantId, creditor_id: creditorIds.get(c.key)!, name: strategy.name, template, steps: JSON.stringify(strategy.steps), active: true };
    });
    await insertAll(trx, 'strategies', strategyRows);

    // Users: one password hash for all (argon2 is deliberately slow).
    const userIds = new Map<string, string>();
    const userRows = DEMO_USERS.map((u) => {
      const id = randomUUID();
      userIds.set(u.role, id);
      const creditorId = u.creditor ? creditorIds.get(u.creditor)! : null;
      event(
        { action: 'user.created', entity_type: 'user', entity_id: id, creditor_id: creditorId },
        { id, email: u.email, name: u.name, role: u.role, creditorId, locale: 'it', active: true },
      );
      return { id, tenant_id: tenantId, email: u.email, name: u.name, password_hash: passwordHash, role: u.role, creditor_id: creditorId, locale: 'it' };
    });
    await insertAll(trx, 'users', userRows);

    // Debtors with their address and contacts.
    const debtorIds = data.debtors.map(() => randomUUID());
    const debtorRows = data.debtors.map((d, i) => {
      const id = debtorIds[i]!;
      const row = {
        kind: d.kind,
        first_name: d.firstName,
        last_name: d.lastName,
        company_name: d.companyName,
        display_name: d.displayName,
        tax_code: d.taxCode,
        vat_number: d.vatNumber,
        ch_uid: d.chUid,
        birth_date: d.birthDate,
        language: d.language,
        hardship: d.hardship,
        hardship_note: d.hardshipNote,
        notes: d.notes,
      };
      event(
        { action: 'debtor.created', entity_type: 'debtor', entity_id: id, debtor_id: id },
        {
          id,
          kind: d.kind,
          firstName: d.firstName,
          lastName: d.lastName,
          companyName: d.companyName,
          displayName: d.displayName,
          taxCode: d.taxCode,
          vatNumber: d.vatNumber,
          chUid: d.chUid,
          birthDate: d.birthDate,
          language: d.language,
          hardship: d.hardship,
          hardshipNote: d.hardshipNote,
          notes: d.notes,
        },
      );
      return { id, tenant_id: tenantId, ...row };
    });
    await insertAll(trx, 'debtors', debtorRows);

    const addressRows = data.debtors.map((d, i) => {
      const id = randomUUID();
      const a = d.address;
      event(
        { action: 'address.created', entity_type: 'address', entity_id: id, debtor_id: debtorIds[i]! },
        { id, debtorId: debtorIds[i]!, ...a },
      );
      return {
        id,
        tenant_id: tenantId,
        debtor_id: debtorIds[i]!,
        kind: a.kind,
        line1: a.line1,
        line2: a.line2,
        postal_code: a.postalCode,
        city: a.city,
        province: a.province,
        country: a.country,
        source: a.source,
      };
    });
    await insertAll(trx, 'addresses', addressRows);

    const contactRows = data.debtors.flatMap((d, i) =>
      d.contacts.map((c) => {
        const id = randomUUID();
        event({ action: 'contact.created', entity_type: 'contact', entity_id: id, debtor_id: debtorIds[i]! }, { id, debtorId: debtorIds[i]!, ...c });
        return {
          id,
          tenant_id: tenantId,
          debtor_id: debtorIds[i]!,
          channel: c.channel,
          value: c.value,
          label: c.label,
          status: c.status,
          source: c.source,
          consent: c.consent,
          third_party: c.thirdParty,
          third_party_relation: c.thirdPartyRelation,
        };
      }),
    );
    await insertAll(trx, 'contacts', contactRows);

    // Claims, already carrying the amounts the payments below allocate to them.
    const claimIds = data.claims.map(() => randomUUID());
    const claimRows = data.claims.map((c, i) => {
      const id = claimIds[i]!;
      const creditorId = creditorIds.get(c.creditor)!;
      const debtorId = debtorIds[c.debtor]!;
      const row = {
        external_ref: c.externalRef,
        kind: c.kind,
        description: c.description,
        principal: centsToString(c.principalCents),
        currency: c.currency,
        issue_date: c.issueDate,
        due_date: c.dueDate,
        contract_date: c.contractDate,
        tax_year: c.taxYear,
        jurisdiction: c.jurisdiction,
        interest_regime: c.interestRegime,
        interest_base: c.interestBase ?? null,
        interest_spread: c.interestSpread ?? null,
        judicial_claim_date: c.judicialClaimDate,
        act_kind: c.act?.kind ?? null,
        act_number: c.act?.number ?? null,
        act_date: c.act?.date ?? null,
        act_notified_on: c.act?.notifiedOn ?? null,
        act_enforceable_on: c.act?.enforceableOn ?? null,
        notice_code: c.noticeCode ?? null,
        status: c.status,
        stage: c.stage,
        principal_paid: centsToString(c.paidCents),
        interest_paid: c.interestPaid ?? '0.00',
        costs_paid: c.costsPaid ?? '0.00',
        next_action_on: c.nextActionOn,
        closed_on: c.closedOn,
      };
      event(
        { action: 'claim.created', entity_type: 'claim', entity_id: id, debtor_id: debtorId, creditor_id: creditorId },
        {
          id,
          creditorId,
          creditorName: creditorNames.get(c.creditor)!,
          debtorId,
          debtorName: data.debtors[c.debtor]!.displayName,
          externalRef: c.externalRef,
          kind: c.kind,
          description: c.description,
          principal: row.principal,
          principalPaid: row.principal_paid,
          currency: c.currency,
          issueDate: c.issueDate,
          dueDate: c.dueDate,
          contractDate: c.contractDate,
          taxYear: c.taxYear,
          jurisdiction: c.jurisdiction,
          interestRegime: c.interestRegime,
          judicialClaimDate: c.judicialClaimDate,
          ...(c.act ? { act: c.act, noticeCode: c.noticeCode, components: c.components!.map((k) => ({ kind: k.kind, amount: centsToString(k.cents), tributeCode: k.tributeCode })) } : {}),
          status: c.status,
          stage: c.stage,
          nextActionOn: c.nextActionOn,
          closedOn: c.closedOn,
        },
      );
      return { id, tenant_id: tenantId, creditor_id: creditorId, debtor_id: debtorId, ...row };
    });
    await insertAll(trx, 'claims', claimRows);
    await insertPrincipalComponents(
      trx,
      tenantId,
      claimRows.filter((_, i) => !data.claims[i]!.components).map((r) => ({ id: r.id, principal: r.principal, paid: r.principal_paid })),
    );
    // A comune's act: its components (what its payments settled is split by the ledger below).
    const acts = data.claims.flatMap((c, i) => (c.components ? [{ id: claimIds[i]!, components: c.components }] : []));
    for (const a of acts) {
      await insertComponents(trx, tenantId, a.id, a.components.map((k) => ({ kind: k.kind, amount: centsToString(k.cents), tributeCode: k.tributeCode })));
    }
    const principalComponent = new Map(
      (await trx.selectFrom('claim_components').select(['claim_id', 'id']).where('tenant_id', '=', tenantId).where('kind', '=', 'principal').execute()).map((k) => [k.claim_id, k.id]),
    );

    // Payments and their allocations (principal only).
    const paymentRows: Insertable<DB['payments']>[] = [];
    const allocationRows: Insertable<DB['payment_allocations']>[] = [];
    const paymentIdOf = new Map<DemoPayment, string>();
    for (const p of data.payments) {
      const id = randomUUID();
      paymentIdOf.set(p, id);
      const creditorId = creditorIds.get(p.creditor)!;
      const debtorId = debtorIds[p.debtor]!;
      paymentRows.push({
        id,
        tenant_id: tenantId,
        creditor_id: creditorId,
        debtor_id: debtorId,
        amount: centsToString(p.amountCents),
        unallocated: centsToString(p.unallocatedCents),
        currency: p.currency,
        value_date: p.valueDate,
        method: p.method,
        reference: p.reference,
        payer_name: p.payerName,
        note: p.note,
      });
      for (const a of p.allocations) {
        if (data.claims[a.claim]!.components) continue;
        for (const [component, amount] of partsOf(a)) {
          const claimId = claimIds[a.claim]!;
          allocationRows.push({ tenant_id: tenantId, payment_id: id, claim_id: claimId, component, component_id: component === 'principal' ? principalComponent.get(claimId)! : null, amount });
        }
      }
      event(
        { action: 'payment.recorded', entity_type: 'payment', entity_id: id, debtor_id: debtorId, creditor_id: creditorId },
        {
          id,
          creditorId,
          debtorId,
          amount: centsToString(p.amountCents),
          unallocated: centsToString(p.unallocatedCents),
          currency: p.currency,
          valueDate: p.valueDate,
          method: p.method,
          reference: p.reference,
          payerName: p.payerName,
          note: p.note,
          allocations: p.allocations.flatMap((a) => partsOf(a).map(([component, amount]) => ({ claimId: claimIds[a.claim]!, component, amount }))),
        },
      );
    }
    await insertAll(trx, 'payments', paymentRows);
    await insertAll(trx, 'payment_allocations', allocationRows);
    // The comune's paid acts: their payments split over the components by the ledger, as a payment
    // recorded through the API is (one allocation row per component, the claim's sums and status).
    const paidActs = new Set(data.payments.flatMap((p) => p.allocations.filter((a) => data.claims[a.claim]!.components).map((a) => claimIds[a.claim]!)));
    if (paidActs.size) {
      const ledgers = await loadLedgers(trx, { tenantId }, [...paidActs]);
      const unallocated = new Set<string>();
      for (const l of ledgers.values()) {
        l.payments = data.payments.flatMap((p) =>
          p.allocations.filter((a) => claimIds[a.claim] === l.id).map((a) => ({ paymentId: paymentIdOf.get(p)!, date: p.valueDate, amount: centsToString(a.amountCents) })),
        );
        l.payments.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
        for (const id of (await settleClaim(trx, actor, book, l)).keys()) unallocated.add(id);
      }
      await refreshUnallocated(trx, actor, unallocated);
    }
    // What each claim owes today, stored as every write stores it.
    await refreshBalances(trx, tenantId, claimIds, today);

    // Operator notes, dated in the recent past.
    const noteRows = data.notes.map((n) => {
      const id = randomUUID();
      const authorId = userIds.get(n.author)!;
      const debtorId = debtorIds[n.debtor]!;
      const claimId = n.claim === null ? null : claimIds[n.claim]!;
      event(
        { action: 'note.created', entity_type: 'note', entity_id: id, debtor_id: debtorId },
        { id, debtorId, claimId, body: n.body, authorId },
      );
      return { id, tenant_id: tenantId, debtor_id: debtorId, claim_id: claimId, body: n.body, author_id: authorId, created_at: new Date(n.createdAt), updated_at: new Date(n.createdAt) };
    });
    await insertAll(trx, 'notes', noteRows);

    await insertAll(trx, 'audit_events', audit);
    // Phone tasks to work on the "Telefonate" page (after the audit rows above: their events follow).
    await insertDemoPhoneTasks(trx, actor, today);
    // The desk: the comune's work queue, worked by the operator (and the supervisor), filled — "Prossimo" works at once.
    await insertDemoDeskQueue(trx, actor, today, { creditorId: creditorIds.get('comune')!, operatorIds: [userIds.get('operator')!, userIds.get('supervisor')!] });
    // Every debtor's payment-behaviour profile and risk class as of the demo's day (issue 17 items 1–2).
    await refreshDebtorProfiles(trx, tenantId, debtorIds, today);
    // A bank guarantee of a company customer that expires next month (issue 17 item 3).
    await insertDemoGuarantee(trx, actor, today, data, { creditorId: creditorIds.get('ferramenta')!, debtorIds });
    const counts = {
      creditors: data.creditors.length,
      debtors: data.debtors.length,
      claims: data.claims.length,
      payments: data.payments.length,
    };
    await recordAudit(trx, actor, {
      action: 'demo.loaded',
      entityType: 'tenant',
      entityId: tenantId,
      after: { today, ...counts, notes: data.notes.length, users: DEMO_USERS.map((u) => u.email) },
    });
    return { created: true, tenantId, logins, counts };
  });
}
