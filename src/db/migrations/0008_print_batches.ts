import { sql, type Kysely } from 'kysely';

/**
 * Letters for print. A communication sent by post keeps the fully decided letter (`letter`, the
 * renderer's input as JSON): the tick writes it, `renderPendingLetters` renders the PDF from it
 * afterwards (pdf and sha256 are empty until then), and a print batch lays many letters into one
 * file for a print-and-post service. A print batch is that merged PDF with its CSV manifest and the
 * SHA-256 of both; its letters move from `to_print` to `printed` in the same transaction.
 *
 * Claims get a number (`ref_no`, from one sequence for the installation) that their payment
 * references are built from — RF (ISO 11649) or Swiss QRR — so that an incoming payment's reference
 * names its claim (domain/dunning/references.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
create sequence claim_ref_no;
alter table claims add column ref_no bigint not null default nextval('claim_ref_no');
create unique index claims_ref_no on claims(ref_no);

alter table communications add column letter jsonb;
-- A letter's PDF is rendered after the tick (renderPendingLetters): until then pdf and sha256 are empty.
alter table communications alter column sha256 drop not null;
alter table communications add constraint communications_rendered
  check ((sha256 is null) = (pdf is null and body_html is null));
create index communications_to_render on communications(created_at) where pdf is null and letter is not null and status <> 'failed';

create table print_batches (
  id uuid primary key,
  tenant_id uuid not null references tenants(id),
  ref_no bigint generated always as identity unique,
  letters integer not null check (letters > 0),
  pages integer not null check (pages > 0),
  duplex boolean not null default false,
  pdf bytea not null,
  pdf_sha256 text not null check (pdf_sha256 ~ '^[0-9a-f]{64}$'),
  manifest text not null,
  manifest_sha256 text not null check (manifest_sha256 ~ '^[0-9a-f]{64}$'),
  created_by uuid references users(id),
  actor_label text not null,
  created_at timestamptz not null default now(),
  unique (tenant_id, id)
);
create index print_batches_tenant on print_batches(tenant_id, created_at desc);

alter table communications
  add column print_batch_id uuid,
  add foreign key (tenant_id, print_batch_id) references print_batches(tenant_id, id);
create index communications_to_print on communications(tenant_id, created_at) where status = 'to_print';
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
drop index if exists communications_to_print;
drop index if exists communications_to_render;
alter table communications drop constraint if exists communications_rendered;
alter table communications drop column if exists print_batch_id;
drop table if exists print_batches;
alter table communications drop column if exists letter;
alter table claims drop column if exists ref_no;
drop sequence if exists claim_ref_no;
`,
    )
    .execute(db);
}
