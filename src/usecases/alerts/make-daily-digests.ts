import { sql } from 'kysely';
import type { Db, Trx } from '../../db/connect.ts';
import { ALERT_KINDS, digestPeriod, groupAlerts, type AlertKind } from '../../domain/alerts/digest.ts';
import { plainDateOf, today } from '../../domain/dates.ts';
import { amountParam, dateParam, isLocale, msg, translate, type Locale } from '../../domain/messages/index.ts';
import { systemActor } from '../../domain/policies.ts';
import { recordAudit } from '../shared/audit.ts';
import { alertEvents } from './alert-events.ts';

/**
 * The daily alert digests (issue 17 item 6), made each morning for every active user who chose some
 * alerts: the events since the user's last digest (whole days up to yesterday, at most a week), stored
 * for the dashboard and — when the user wants e-mail and there is something to say — put in the outbox
 * in the same transaction. Each user in its own transaction, taken with `SKIP LOCKED`: several nodes may
 * run this, a crash redoes the user's digest, nothing is sent twice (one digest per user and day, one
 * mail per digest).
 */
export async function makeDailyDigests(db: Db, opts: { today?: string } = {}): Promise<{ digests: number; mails: number }> {
  const day = opts.today ?? today().toString();
  const yesterday = plainDateOf(day).subtract({ days: 1 }).toString();
  let digests = 0;
  let mails = 0;
  for (;;) {
    const r = await db.transaction().execute(async (trx) => {
      const s = await trx
        .selectFrom('alert_subscriptions')
        .selectAll()
        .where((eb) => eb.or([eb('last_digest_on', 'is', null), eb('last_digest_on', '<', yesterday)]))
        .where(sql<boolean>`cardinality(kinds) > 0`)
        .where(({ exists, selectFrom }) => exists(selectFrom('users as u').select(sql`1`.as('one')).whereRef('u.id', '=', 'alert_subscriptions.user_id').where('u.active', '=', true)))
        .orderBy('tenant_id')
        .orderBy('user_id')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!s) return null;
      return makeDigest(trx, s, day);
    });
    if (r === null) break;
    digests++;
    mails += r;
  }
  return { digests, mails };
}

async function makeDigest(trx: Trx, s: { tenant_id: string; user_id: string; kinds: string[]; email: boolean; last_digest_on: string | null }, day: string): Promise<number> {
  const period = digestPeriod(s.last_digest_on, day)!;
  const user = await trx.selectFrom('users').select(['id', 'name', 'email', 'locale', 'creditor_id']).where('tenant_id', '=', s.tenant_id).where('id', '=', s.user_id).executeTakeFirstOrThrow();
  const kinds = s.kinds.filter((k): k is AlertKind => (ALERT_KINDS as readonly string[]).includes(k));
  const items = await alertEvents(trx, { tenantId: s.tenant_id, creditorId: user.creditor_id }, period, kinds);
  const groups = groupAlerts(items, kinds);
  const total = groups.reduce((n, g) => n + g.count, 0);
  const digest = await trx
    .insertInto('alert_digests')
    .values({ tenant_id: s.tenant_id, user_id: user.id, digest_on: day, period_from: period.from, period_to: period.to, items: JSON.stringify(groups), total })
    .onConflict((oc) => oc.columns(['user_id', 'digest_on']).doNothing())
    .returning('id')
    .executeTakeFirst();
  await trx.updateTable('alert_subscriptions').set({ last_digest_on: period.to }).where('tenant_id', '=', s.tenant_id).where('user_id', '=', s.user_id).execute();
  if (!digest || !s.email || total === 0) return 0;
  const locale: Locale = isLocale(user.locale) ? user.locale : 'it';
  const t = (code: Parameters<typeof msg>[0], params?: Parameters<typeof msg>[1]) => translate(msg(code, params), locale);
  const range = { from: dateParam(period.from), to: dateParam(period.to) };
  const lines = [t('alerts.mail_intro', { name: user.name, ...range }), ''];
  for (const g of groups) {
    if (g.count === 0) continue;
    lines.push(t(`alerts.kind.${g.kind}`, { count: g.count }));
    for (const i of g.items) lines.push(t('alerts.item', { on: dateParam(i.on), debtor: i.debtorName, ref: i.claimRef ? ` (${i.claimRef})` : '', amount: amountParam(i.amount, i.currency) }));
    if (g.count > g.items.length) lines.push(t('alerts.more', { count: g.count - g.items.length }));
    lines.push('');
  }
  lines.push(t('alerts.mail_outro'));
  const mail = await trx
    .insertInto('report_mails')
    .values({ tenant_id: s.tenant_id, digest_id: digest.id, recipient: user.email, subject: t('alerts.mail_subject', { total, ...range }), body_text: lines.join('\n'), message_id: `<alerts-${digest.id}@incasso>` })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.insertInto('outbox').values({ tenant_id: s.tenant_id, report_mail_id: mail.id }).execute();
  await recordAudit(trx, systemActor(s.tenant_id, 'alerts'), { action: 'alerts.digest_sent', entityType: 'alert_digest', entityId: digest.id, creditorId: user.creditor_id, after: { userId: user.id, total, from: period.from, to: period.to } });
  return 1;
}
