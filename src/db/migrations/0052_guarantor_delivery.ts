import { sql, type Kysely } from 'kysely';

/**
 * The guarantor's demand is sent, not only stored (issue 17 item 3): each `guarantor_letters` row gets
 * the channel it goes by (e-mail with the PDF attached, or a printed letter), its delivery state, the
 * fixed Message-ID an e-mail is sent under, the e-mail's text, and the strategy step that made it (null:
 * the enforce button). An e-mail demand is put in the `outbox` (new `guarantor_letter_id`) in the same
 * transaction as the letter, and delivered exactly once like the dunning e-mails (deliver-outbox.ts).
 * Letters stored before this migration were never sent by incasso: they are left `to_print`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
alter table guarantor_letters
  add column channel text not null default 'letter' check (channel in ('email', 'letter', 'registered_letter')),
  add column status text not null default 'to_print' check (status in ('queued', 'to_print', 'sent', 'failed')),
  add column message_id text unique,
  add column body_text text,
  add column sent_at timestamptz,
  add column error text check (length(error) <= 1000),
  add column step_key text check (length(step_key) between 1 and 40),
  add constraint guarantor_letters_tenant_id_key unique (tenant_id, id),
  add constraint guarantor_letters_email check ((channel = 'email') = (message_id is not null and body_text is not null));
alter table guarantor_letters alter column channel drop default;
alter table guarantor_letters alter column status drop default;

alter table outbox add column guarantor_letter_id uuid;
alter table outbox add constraint outbox_guarantor_letter_fk foreign key (tenant_id, guarantor_letter_id) references guarantor_letters(tenant_id, id);
alter table outbox drop constraint outbox_one_message;
alter table outbox add constraint outbox_one_message check (num_nonnulls(communication_id, report_mail_id, guarantor_letter_id) = 1);
create unique index outbox_guarantor_letter on outbox (guarantor_letter_id) where guarantor_letter_id is not null;
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
delete from outbox where guarantor_letter_id is not null;
drop index outbox_guarantor_letter;
alter table outbox drop constraint outbox_one_message;
alter table outbox add constraint outbox_one_message check (num_nonnulls(communication_id, report_mail_id) = 1);
alter table outbox drop constraint outbox_guarantor_letter_fk;
alter table outbox drop column guarantor_letter_id;

alter table guarantor_letters
  drop constraint guarantor_letters_email,
  drop constraint guarantor_letters_tenant_id_key,
  drop column step_key,
  drop column error,
  drop column sent_at,
  drop column body_text,
  drop column message_id,
  drop column status,
  drop column channel;
`,
    )
    .execute(db);
}
