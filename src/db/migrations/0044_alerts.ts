import { sql, type Kysely } from 'kysely';

/**
 * Alerts for a creditor's users (issue 17 item 6): a daily digest of newly overdue invoices, promises
 * broken, plans lapsed, disputes opened (guarantees expiring join when guarantees exist) — each user
 * chooses which, and whether by e-mail.
 * - `alert_subscriptions`: a user's choice, and the last day its digest covered.
 * - `alert_digests`: one per user and day, the items found (shown on the dashboard, e-mailed).
 * - `report_mails` (0043) also carries a digest's e-mail: a mail belongs to a report run or to a digest.
 * - Indexes so a day's events are found by range, not by scanning promises and plans.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
create table alert_subscriptions (
  tenant_id uuid not null references tenants(id),
  user_id uuid not null references users(id),
  kinds text[] not null,
  email boolean not null default true,
  last_digest_on date,
  updated_at timestamptz not null default now(),
  primary key (tenant_id, user_id)
);

create table alert_digests (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  user_id uuid not null references users(id),
  digest_on date not null,
  period_from date not null,
  period_to date not null,
  items jsonb not null,
  total integer not null,
  created_at timestamptz not null default now(),
  unique (tenant_id, id),
  unique (user_id, digest_on)
);
create index alert_digests_user on alert_digests (tenant_id, user_id, digest_on desc);

alter table report_mails alter column run_id drop not null;
alter table report_mails add column digest_id uuid;
alter table report_mails add constraint report_mails_digest foreign key (tenant_id, digest_id) references alert_digests (tenant_id, id);
alter table report_mails add constraint report_mails_one_source check (num_nonnulls(run_id, digest_id) = 1);
create unique index report_mails_digest_once on report_mails (digest_id) where digest_id is not null;

create index promises_broken on promises (tenant_id, judged_on) where state = 'broken';
create index plans_lapsed on plans (tenant_id, lapsed_on) where lapsed_on is not null;
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
drop index plans_lapsed; drop index promises_broken;
delete from outbox where report_mail_id in (select id from report_mails where digest_id is not null);
delete from report_mails where digest_id is not null;
drop index report_mails_digest_once;
alter table report_mails drop constraint report_mails_one_source;
alter table report_mails drop constraint report_mails_digest;
alter table report_mails drop column digest_id;
alter table report_mails alter column run_id set not null;
drop table alert_digests; drop table alert_subscriptions;
`,
    )
    .execute(db);
}
