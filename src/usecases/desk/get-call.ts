import type { Db } from '../../db/connect.ts';
import { parseDate } from '../../domain/dates.ts';
import { missingDetails, outcomesFor, type OutcomeSettings } from '../../domain/desk/outcomes.ts';
import { minimumPromise } from '../../domain/desk/promises.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { uuid } from '../../domain/fields.ts';
import { DEFAULT_LOCALE, isMessageCode, msg, translate, type Locale } from '../../domain/messages/index.ts';
import { money, toMoneyString } from '../../domain/money.ts';
import { OPEN_STATUSES } from '../../domain/model.ts';
import type { Actor } from '../../domain/policies.ts';
import { fetchClaimView } from '../claims/claim-query.ts';
import { getClaimCallScript } from '../claims/get-claim-call-script.ts';
import { localMoment } from '../communications/phone-compliance.ts';
import { authorize } from '../shared/authorize.ts';
import { promiseRulesFor } from './promise-rules.ts';
import type { CallView } from './schema.ts';
import { identityReference, identityView } from './verify-call-identity.ts';

/** History lines the screen shows (the latest first). */
const HISTORY = 30;
const NOTES = 20;

/**
 * The call screen (issue 14 item 3), keyed by the call the operator dialled: the debtor, its phone
 * numbers with validity and consent, the history of contacts and the outcomes the tenant offers.
 * Only after the right-party check of this call (verify-call-identity) does it disclose the debt:
 * every open position of the queue's creditor for this debtor with what each owes today per
 * component (the claim view's stored components and balance — the interest engine's figures, not
 * recomputed here) and its pagoPA notice code, the call script of each (get-claim-call-script),
 * earlier promises, notes and the creditor's promise rules. Until then the answer carries no amount,
 * no claim reference and no word about a debt, so nothing can be read out to a third party.
 * A call is its operator's: anyone else gets 404; a viewer may not use the desk.
 */
export async function getCall(db: Db, actor: Actor, callId: string, now: Date = new Date(), locale: Locale = DEFAULT_LOCALE): Promise<CallView> {
  authorize(actor, 'read', 'queue');
  authorize(actor, 'update', 'communication');
  if (!uuid.safeParse(callId).success || actor.userId === null) throw notFound(msg('desk.call_not_found'));
  const call = await db
    .selectFrom('desk_calls as c')
    .innerJoin('work_queues as q', (j) => j.onRef('q.id', '=', 'c.queue_id').onRef('q.tenant_id', '=', 'c.tenant_id'))
    .innerJoin('debtors as d', (j) => j.onRef('d.id', '=', 'c.debtor_id').onRef('d.tenant_id', '=', 'c.tenant_id'))
    .select([
      'c.id',
      'c.queue_id',
      'c.debtor_id',
      'c.contact_id',
      'c.started_at',
      'c.ended_at',
      'c.outcome',
      'c.identity_method',
      'c.identity_verified_at',
      'c.identity_failures',
      'q.name as queue_name',
      'q.creditor_id as queue_creditor_id',
      'd.display_name',
      'd.language',
    ])
    .where('c.tenant_id', '=', actor.tenantId)
    .where('c.id', '=', callId)
    .where('c.user_id', '=', actor.userId)
    .executeTakeFirst();
  if (!call) throw notFound(msg('desk.call_not_found'));
  const at = localMoment(now);
  const ref = await identityReference(db, actor, call.debtor_id);
  const identity = identityView(call, ref);
  const item = await db
    .selectFrom('desk_items')
    .select(['leased_by', 'leased_until', 'owed'])
    .where('tenant_id', '=', actor.tenantId)
    .where('queue_id', '=', call.queue_id)
    .where('debtor_id', '=', call.debtor_id)
    .executeTakeFirst();
  const holding = !!item && item.leased_by === actor.userId && item.leased_until !== null && item.leased_until > now;

  const phones = await db
    .selectFrom('contacts')
    .select(['id', 'channel', 'value', 'label', 'status', 'consent', 'third_party'])
    .where('tenant_id', '=', actor.tenantId)
    .where('debtor_id', '=', call.debtor_id)
    .where('channel', 'in', ['phone', 'mobile'])
    .orderBy('created_at')
    .execute();
  const log = await db
    .selectFrom('contact_log')
    .select(['local_date', 'local_time', 'channel', 'kind', 'allowed', 'outcome'])
    .where('tenant_id', '=', actor.tenantId)
    .where('debtor_id', '=', call.debtor_id)
    .orderBy('id', 'desc')
    .limit(HISTORY)
    .execute();
  const label = (code: string) => {
    const key = `desk.outcome.${code}`;
    return isMessageCode(key) ? translate(msg(key), locale) : code;
  };
  const tenant = await db.selectFrom('tenants').select('settings').where('id', '=', actor.tenantId).executeTakeFirstOrThrow();
  const outcomes = outcomesFor((tenant.settings as { outcomes?: OutcomeSettings }).outcomes).map((o) => ({
    code: o.code,
    label: label(o.code),
    level: o.level,
    effect: o.effect,
    rightParty: o.rightParty,
    needs: missingDetails(o, {}).map((m) => String(m.params?.field)),
  }));

  const view: CallView = {
    id: call.id,
    queueId: call.queue_id,
    contactId: call.contact_id,
    startedAt: call.started_at.toISOString(),
    endedAt: call.ended_at?.toISOString() ?? null,
    outcome: call.outcome,
    open: holding && call.ended_at === null,
    identity,
    debtor: { id: call.debtor_id, name: call.display_name, language: call.language },
    phones: phones.map((p) => ({
      id: p.id,
      channel: p.channel as 'phone' | 'mobile',
      value: p.value,
      label: p.label,
      status: p.status,
      consent: p.consent,
      thirdParty: p.third_party,
      callable: p.status !== 'invalid' && p.consent !== 'withdrawn' && !p.third_party,
    })),
    history: log.map((l) => ({
      date: l.local_date,
      time: l.local_time,
      channel: l.channel,
      kind: l.kind,
      allowed: l.allowed,
      outcome: identity.verified ? l.outcome : null,
      outcomeLabel: identity.verified && l.outcome ? label(l.outcome) : null,
    })),
    outcomes,
    disclosed: null,
  };
  if (!identity.verified) return view;

  const claims = await db
    .selectFrom('claims')
    .select(['id', 'creditor_id'])
    .where('tenant_id', '=', actor.tenantId)
    .where('debtor_id', '=', call.debtor_id)
    .where('status', 'in', [...OPEN_STATUSES])
    .$if(call.queue_creditor_id !== null, (q) => q.where('creditor_id', '=', call.queue_creditor_id!))
    .orderBy('due_date')
    .orderBy('id')
    .execute();
  const positions = [];
  for (const c of claims) {
    const claim = await fetchClaimView(db, actor, c.id, at.date, locale);
    if (!claim) continue;
    let script: { key: string; title: string; lines: string[] }[] = [];
    try {
      script = (await getClaimCallScript(db, actor, c.id, {}, at.date)).sections;
    } catch (e) {
      // Only a comune's positions have a script.
      if (!(e instanceof AppError && e.code === 'not_found')) throw e;
    }
    positions.push({
      id: claim.id,
      externalRef: claim.externalRef,
      creditorName: claim.creditorName,
      kind: claim.kind,
      taxYear: claim.taxYear,
      status: claim.status,
      currency: claim.currency,
      act: claim.act ? { kind: claim.act.kind, number: claim.act.number, date: claim.act.date } : null,
      noticeCode: claim.noticeCode,
      components: (claim.components ?? []).map((p) => ({ id: p.id, kind: p.kind, tributeCode: p.tributeCode, amount: p.amount, paid: p.paid, waived: p.waived, due: p.due })),
      balance: {
        interest: claim.balance.interest,
        interestDue: claim.balance.interestDue,
        costs: claim.balance.costs,
        costsDue: claim.balance.costsDue,
        principalDue: claim.balance.principalDue,
        totalDue: claim.balance.totalDue,
      },
      script,
    });
  }
  const rules = await promiseRulesFor(db, actor, call.queue_creditor_id, claims.map((c) => c.creditor_id));
  // What a promise is checked against when it is recorded (record-outcome: the queue item's figure).
  const owed = item ? item.owed : toMoneyString(positions.reduce((s, p) => s.plus(p.balance.totalDue), money('0')));
  const promises = await db
    .selectFrom('promises')
    .select(['id', 'amount', 'due_on', 'made_on', 'channel', 'state', 'paid'])
    .where('tenant_id', '=', actor.tenantId)
    .where('debtor_id', '=', call.debtor_id)
    .orderBy('created_at', 'desc')
    .limit(20)
    .execute();
  const notes = await db
    .selectFrom('notes')
    .select(['id', 'body', 'created_at'])
    .where('tenant_id', '=', actor.tenantId)
    .where('debtor_id', '=', call.debtor_id)
    .orderBy('created_at', 'desc')
    .limit(NOTES)
    .execute();
  view.disclosed = {
    queueName: call.queue_name,
    asOf: at.date,
    promiseRules: rules,
    minimumPromise: minimumPromise(rules, owed),
    latestPromiseDate: parseDate(at.date).add({ days: rules.maxDaysAhead }).toString(),
    owed,
    positions,
    promises: promises.map((p) => ({ id: p.id, amount: p.amount, dueOn: p.due_on, madeOn: p.made_on, channel: p.channel, state: p.state, paid: p.paid })),
    notes: notes.map((n) => ({ id: n.id, body: n.body, createdAt: n.created_at.toISOString() })),
  };
  return view;
}
