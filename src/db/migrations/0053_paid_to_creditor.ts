import { sql, type Kysely } from 'kysely';

/**
 * Payments reported as paid to the creditor directly (issue 16 item 2): their own payment method,
 * `paid_to_creditor` (a creditor's answer "already paid" to a dispute query books one), and a flag on
 * the remittance statements' lines, which list them apart from what the agency collected — money the
 * agency does not hold, so never part of what it remits. Down: such payments become `other` again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
alter table payments drop constraint payments_method_check;
alter table payments add constraint payments_method_check check (method in ('bank_transfer', 'sepa_direct_debit', 'card', 'cash', 'cheque', 'pagopa',
  'qr_bill', 'postal', 'paid_to_creditor', 'other'));
alter table remittance_statement_lines add column paid_to_creditor boolean not null default false;
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
alter table remittance_statement_lines drop column paid_to_creditor;
update payments set method = 'other' where method = 'paid_to_creditor';
alter table payments drop constraint payments_method_check;
alter table payments add constraint payments_method_check check (method in ('bank_transfer', 'sepa_direct_debit', 'card', 'cash', 'cheque', 'pagopa',
  'qr_bill', 'postal', 'other'));
`,
    )
    .execute(db);
}
