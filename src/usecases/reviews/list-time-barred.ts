import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { today as todayInRome } from '../../domain/dates.ts';
import { isoDate, pagination, uuid } from '../../domain/fields.ts';
import { ACT_KINDS, CLAIM_KINDS, OPEN_STATUSES, type ActKind, type ClaimKind } from '../../domain/model.ts';
import { termLapse } from '../../domain/municipal/terms.ts';
import type { Actor } from '../../domain/policies.ts';
import { pastTermSql } from '../dunning/time-barred.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { offsetOf, type Page } from '../shared/paging.ts';

export const ListTimeBarredQuery = pagination.extend({
  creditorId: uuid.optional(),
  /** The day the terms are checked on (default: today in Europe/Rome). */
  asOf: isoDate.optional(),
});

export const TimeBarredView = z.object({
  claimId: z.uuid(),
  externalRef: z.string(),
  debtorId: z.uuid(),
  debtorName: z.string(),
  creditorId: z.uuid(),
  creditorName: z.string(),
  kind: z.enum(CLAIM_KINDS),
  taxYear: z.number().nullable(),
  actKind: z.enum(ACT_KINDS).nullable(),
  actNumber: z.string().nullable(),
  dueDate: z.string(),
  currency: z.string(),
  /** The principal still open (tax or fine not paid). */
  openPrincipal: z.string(),
  status: z.string(),
  /** The term that lapsed: decadenza of the power to assess, or prescription of the claim. */
  term: z.object({
    key: z.string(),
    kind: z.enum(['decadenza', 'prescrizione']),
    years: z.number(),
    /** The law cited. */
    law: z.string(),
    /** false: a reading to be confirmed (the comune's regulation may set it otherwise). */
    verified: z.boolean(),
  }),
  /** The first day the position was past its term. */
  lapsedOn: z.string(),
});
export type TimeBarredView = z.infer<typeof TimeBarredView>;

export const TimeBarredPage = z.object({
  items: z.array(TimeBarredView),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  asOf: z.string(),
});

/**
 * The comune's review list: open positions past their decadenza or prescription term
 * (src/domain/municipal/terms.ts), which the dunning run and the call list leave alone. Each with the
 * term, the day it lapsed and the law cited, oldest lapse first; the comune decides (discharge as
 * uncollectable, or an interrupting act we do not know of). A user bound to a creditor (the comune's
 * own viewer) sees that creditor's positions only.
 */
export async function listTimeBarred(db: Db, actor: Actor, query: z.input<typeof ListTimeBarredQuery> = {}): Promise<Page<TimeBarredView> & { asOf: string }> {
  authorize(actor, 'read', 'claim');
  const p = parseInput(ListTimeBarredQuery, query);
  const asOf = p.asOf ?? todayInRome().toString();
  let q = db
    .selectFrom('claims as c')
    .innerJoin('debtors as d', (j) => j.onRef('d.id', '=', 'c.debtor_id').onRef('d.tenant_id', '=', 'c.tenant_id'))
    .innerJoin('creditors as k', (j) => j.onRef('k.id', '=', 'c.creditor_id').onRef('k.tenant_id', '=', 'c.tenant_id'))
    .where('c.tenant_id', '=', actor.tenantId)
    .where('c.status', 'in', [...OPEN_STATUSES])
    .where(pastTermSql('c', asOf));
  if (actor.creditorId !== null) q = q.where('c.creditor_id', '=', actor.creditorId);
  if (p.creditorId) q = q.where('c.creditor_id', '=', p.creditorId);
  const [rows, count] = await Promise.all([
    q
      .select([
        'c.id',
        'c.external_ref',
        'c.debtor_id',
        'd.display_name',
        'c.creditor_id',
        'k.name as creditor_name',
        'c.kind',
        'c.tax_year',
        'c.act_kind',
        'c.act_number',
        'c.act_date',
        'c.act_notified_on',
        'c.act_enforceable_on',
        'c.due_date',
        'c.currency',
        'c.status',
        sql<string>`round(c.principal - c.principal_paid, 2)::text`.as('open_principal'),
      ])
      .orderBy('c.due_date', p.order)
      .orderBy('c.external_ref')
      .limit(p.pageSize)
      .offset(offsetOf(p))
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const items = rows.map((r) => {
    const lapse = termLapse({
      kind: r.kind as ClaimKind,
      actKind: r.act_kind as ActKind | null,
      dueDate: r.due_date,
      taxYear: r.tax_year,
      actDate: r.act_date,
      actNotifiedOn: r.act_notified_on,
      actEnforceableOn: r.act_enforceable_on,
    })!;
    return {
      claimId: r.id,
      externalRef: r.external_ref,
      debtorId: r.debtor_id,
      debtorName: r.display_name,
      creditorId: r.creditor_id,
      creditorName: r.creditor_name,
      kind: r.kind,
      taxYear: r.tax_year,
      actKind: r.act_kind,
      actNumber: r.act_number,
      dueDate: r.due_date,
      currency: r.currency,
      openPrincipal: r.open_principal,
      status: r.status,
      term: { key: lapse.term.key, kind: lapse.term.kind, years: lapse.term.years, law: lapse.term.law, verified: lapse.term.verified },
      lapsedOn: lapse.lapsedOn,
    };
  });
  return { items, total: Number(count.n), page: p.page, pageSize: p.pageSize, asOf };
}
