import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { calculateStatement, termsOn, type ChargedLine, type PositionShare, type ReversedShare, type TermsVersion } from '../../domain/commission/calculate.ts';
import type { Component, MandateTerms } from '../../domain/commission/terms.ts';
import { SHIPPED_OUTCOMES } from '../../domain/desk/outcomes.ts';
import type { Actor } from '../../domain/policies.ts';
import type { StatementLineView, StatementView } from './schema.ts';

/** A creditor's terms versions, oldest first. */
export async function loadTermsVersions(db: Db, tenantId: string, creditorId: string): Promise<TermsVersion[]> {
  const rows = await db
    .selectFrom('mandate_terms')
    .select(['id', 'effective_from', 'terms'])
    .where('tenant_id', '=', tenantId)
    .where('creditor_id', '=', creditorId)
    .orderBy('effective_from')
    .execute();
  return rows.map((r) => ({ id: r.id, effectiveFrom: r.effective_from, terms: r.terms as MandateTerms }));
}

/** Right-party outcomes: a successful contact for the fee per contact (domain/desk/outcomes.ts). */
const RIGHT_PARTY = SHIPPED_OUTCOMES.filter((o) => o.level === 'right_party').map((o) => o.code);

interface ShareRow {
  payment_id: string;
  claim_id: string;
  kind: PositionShare['claimKind'];
  tax_year: number | null;
  due_date: string;
  principal: string;
  value_date: string;
  method: string;
  reversed_on: string | null;
  external_ref: string;
  display_name: string;
  component: string;
  amount: string;
}

/**
 * What a statement of `creditorId` for [from, to] in `currency` holds today: the payments collected
 * (value date in the period), the reversals made in it (Europe/Rome day), the successful contacts, and
 * the commission under the terms in force on each value date. `excludeStatementId`: a statement being
 * corrected, whose charged lines are not what a reversal credits back.
 */
export async function computeStatement(
  db: Db,
  actor: Actor,
  creditor: { id: string; name: string },
  period: { from: string; to: string; currency: string },
  opts: { excludeStatementId?: string } = {},
): Promise<Omit<StatementView, 'id' | 'number' | 'year' | 'issuedOn' | 'issuedAt' | 'language' | 'corrects' | 'correctedBy' | 'pdfSha256' | 'xlsxSha256'> & { versions: TermsVersion[] }> {
  const versions = await loadTermsVersions(db, actor.tenantId, creditor.id);
  const reversedOn = sql<string>`p.reversed_on::text`;
  const shares = (which: 'payments' | 'reversals') => {
    let q = db
      .selectFrom('payments as p')
      .innerJoin('payment_allocations as a', (j) => j.onRef('a.payment_id', '=', 'p.id').onRef('a.tenant_id', '=', 'p.tenant_id'))
      .innerJoin('claims as c', (j) => j.onRef('c.id', '=', 'a.claim_id').onRef('c.tenant_id', '=', 'a.tenant_id'))
      .innerJoin('debtors as d', (j) => j.onRef('d.id', '=', 'p.debtor_id').onRef('d.tenant_id', '=', 'p.tenant_id'))
      .select([
        'p.id as payment_id',
        'c.id as claim_id',
        'c.kind',
        'c.tax_year',
        'c.due_date',
        'c.principal',
        'p.value_date',
        'p.method',
        reversedOn.as('reversed_on'),
        'c.external_ref',
        'd.display_name',
        'a.component',
        sql<string>`sum(a.amount)::text`.as('amount'),
      ])
      .where('p.tenant_id', '=', actor.tenantId)
      .where('p.creditor_id', '=', creditor.id)
      .where('p.currency', '=', period.currency as 'EUR');
    q =
      which === 'payments'
        ? q.where('p.value_date', '>=', period.from).where('p.value_date', '<=', period.to)
        : q.where('p.reversed_on', '>=', period.from).where('p.reversed_on', '<=', period.to);
    return q
      .groupBy(['p.id', 'c.id', 'd.display_name', 'a.component'])
      .orderBy('p.value_date')
      .orderBy('p.created_at')
      .orderBy('p.id')
      .orderBy('c.due_date')
      .orderBy('c.id')
      .orderBy('a.component')
      .execute() as Promise<ShareRow[]>;
  };
  const group = (rows: ShareRow[]) => {
    const out = new Map<string, PositionShare & { claimRef: string; debtorName: string; reversedOn: string | null }>();
    for (const r of rows) {
      const key = `${r.payment_id}/${r.claim_id}`;
      let s = out.get(key);
      if (!s) {
        s = {
          paymentId: r.payment_id,
          claimId: r.claim_id,
          claimKind: r.kind,
          claimTaxYear: r.tax_year,
          claimDueDate: r.due_date,
          claimPrincipal: r.principal,
          valueDate: r.value_date,
          paidToCreditor: r.method === 'paid_to_creditor',
          parts: [],
          claimRef: r.external_ref,
          debtorName: r.display_name,
          reversedOn: r.reversed_on,
        };
        out.set(key, s);
      }
      s.parts.push({ component: r.component as Component, amount: r.amount });
    }
    return [...out.values()];
  };
  const payments = group(await shares('payments'));
  const reversedShares = group(await shares('reversals'));

  // What issued statements (the latest of each correction chain) charged for the reversed payments.
  const charged = new Map<string, ChargedLine>();
  if (reversedShares.length > 0) {
    let q = db
      .selectFrom('remittance_statement_lines as l')
      .innerJoin('remittance_statements as s', 's.id', 'l.statement_id')
      .select(['l.payment_id', 'l.claim_id', 'l.collected', 'l.base', 'l.percent', 'l.commission', 'l.reimbursed', 'l.terms_id'])
      .where('l.tenant_id', '=', actor.tenantId)
      .where('l.kind', '=', 'payment')
      .where('l.payment_id', 'in', [...new Set(reversedShares.map((r) => r.paymentId))])
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('remittance_statements as s2').select(sql`1`.as('one')).whereRef('s2.corrects_id', '=', 's.id'))));
    if (opts.excludeStatementId) q = q.where('s.id', '!=', opts.excludeStatementId);
    for (const l of await q.execute()) {
      charged.set(`${l.payment_id}/${l.claim_id}`, { collected: l.collected, base: l.base, percent: l.percent, commission: l.commission, reimbursed: l.reimbursed, termsId: l.terms_id });
    }
  }
  const reversals: (ReversedShare & { claimRef: string; debtorName: string })[] = reversedShares.map((r) => ({
    ...r,
    reversedOn: r.reversedOn!,
    charged: charged.get(`${r.paymentId}/${r.claimId}`) ?? null,
  }));

  const contactRow = await db
    .selectFrom('desk_calls as k')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('k.tenant_id', '=', actor.tenantId)
    .where('k.outcome', 'in', RIGHT_PARTY)
    .where(sql<string>`(k.ended_at at time zone 'Europe/Rome')::date`, '>=', period.from)
    .where(sql<string>`(k.ended_at at time zone 'Europe/Rome')::date`, '<=', period.to)
    .where(({ exists, selectFrom }) =>
      exists(selectFrom('claims as c').select(sql`1`.as('one')).whereRef('c.debtor_id', '=', 'k.debtor_id').where('c.tenant_id', '=', actor.tenantId).where('c.creditor_id', '=', creditor.id)),
    )
    .executeTakeFirstOrThrow();

  const result = calculateStatement({ versions, periodTo: period.to, payments, reversals, contacts: Number(contactRow.n) });
  const describe = new Map<string, { claimRef: string; debtorName: string }>();
  for (const s of [...payments, ...reversals]) describe.set(`${s.paymentId}/${s.claimId}`, { claimRef: s.claimRef, debtorName: s.debtorName });
  const lines: StatementLineView[] = result.lines.map((l) => ({ ...l, ...describe.get(`${l.paymentId}/${l.claimId}`)! }));
  return {
    creditorId: creditor.id,
    creditorName: creditor.name,
    currency: period.currency,
    periodFrom: period.from,
    periodTo: period.to,
    missingTermsOn: missingTermsOn(versions, period.from),
    lines,
    totals: result.totals,
    versions,
  };
}

/** The first day of the period with no terms in force (terms once in force stay until replaced: only its first day can lack them), or null. */
function missingTermsOn(versions: readonly TermsVersion[], from: string): string | null {
  return termsOn(versions, from) ? null : from;
}
