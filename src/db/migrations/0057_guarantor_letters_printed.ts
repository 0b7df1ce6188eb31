import { sql, type Kysely } from 'kysely';

/**
 * A guarantor's demand by post goes into the print batches with the dunning letters (issue 17 item 3):
 * a letter waiting `to_print` is taken by the next batch, becomes `printed` and names its batch — as a
 * dunning letter does — instead of waiting for ever with nothing to say it was posted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
alter table guarantor_letters drop constraint guarantor_letters_status_check;
alter table guarantor_letters add constraint guarantor_letters_status_check check (status in ('queued', 'to_print', 'printed', 'sent', 'failed'));
alter table guarantor_letters add column print_batch_id uuid;
alter table guarantor_letters add constraint guarantor_letters_print_batch_fk foreign key (tenant_id, print_batch_id) references print_batches(tenant_id, id);
alter table guarantor_letters add constraint guarantor_letters_printed check ((status = 'printed') = (print_batch_id is not null));
create index guarantor_letters_to_print on guarantor_letters (tenant_id, created_at) where status = 'to_print';
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
drop index guarantor_letters_to_print;
alter table guarantor_letters drop constraint guarantor_letters_printed;
alter table guarantor_letters drop column print_batch_id;
update guarantor_letters set status = 'to_print' where status = 'printed';
alter table guarantor_letters drop constraint guarantor_letters_status_check;
alter table guarantor_letters add constraint guarantor_letters_status_check check (status in ('queued', 'to_print', 'sent', 'failed'));
`,
    )
    .execute(db);
}
