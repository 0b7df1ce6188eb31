import { sql, type Kysely } from 'kysely';

/**
 * Portfolio imports: a job per file (its states, counts and resume point), the file itself (so any
 * node can finish a job after a crash), the rows that could not be imported (kept with their line,
 * cells and reasons, correctable and re-importable), uncertain debtor matches to review, and saved
 * column mappings per creditor. Debtors gain the flags imports carry and a key for matching by name
 * and address when no tax id is known.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
alter table debtors
  add column deceased boolean not null default false,
  add column ceased boolean not null default false,
  add column external_ref text check (length(external_ref) between 1 and 100),
  add column match_key text;
create index debtors_tenant_match_key on debtors(tenant_id, match_key) where match_key is not null;
create index debtors_tenant_ch_uid on debtors(tenant_id, ch_uid) where ch_uid is not null;

create table import_mappings (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  creditor_id uuid not null,
  name text not null check (length(name) between 1 and 100),
  -- field → header name as it appears in the file
  mapping jsonb not null,
  options jsonb not null default '{}',
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (tenant_id, creditor_id) references creditors(tenant_id, id),
  unique (tenant_id, creditor_id, name)
);

create table import_jobs (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  creditor_id uuid not null,
  file_name text not null check (length(file_name) between 1 and 255),
  file_sha256 text not null check (file_sha256 ~ '^[0-9a-f]{64}$'),
  file_bytes bigint not null check (file_bytes >= 0),
  format text check (format in ('csv', 'xlsx')),
  encoding text,
  delimiter text,
  sheet text,
  headers jsonb,
  mapping jsonb,
  options jsonb not null default '{}',
  status text not null default 'uploaded' check (status in ('uploaded', 'validating', 'importing', 'done', 'failed')),
  rows_read integer not null default 0,
  imported integer not null default 0,
  updated integer not null default 0,
  unchanged integer not null default 0,
  rejected integer not null default 0,
  debtors_created integer not null default 0,
  debtors_matched integer not null default 0,
  -- Every row up to this line is committed: a re-run resumes after it.
  last_line integer not null default 0,
  error text,
  warnings jsonb not null default '[]',
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz,
  updated_at timestamptz not null default now(),
  foreign key (tenant_id, creditor_id) references creditors(tenant_id, id),
  unique (tenant_id, id)
);
create index import_jobs_tenant on import_jobs(tenant_id, created_at desc);
create index import_jobs_file on import_jobs(tenant_id, creditor_id, file_sha256);

-- The import that last created or changed a claim (its data-quality report lists what it brought).
alter table claims add column import_job_id uuid,
  add foreign key (tenant_id, import_job_id) references import_jobs(tenant_id, id);
create index claims_import_job on claims(import_job_id) where import_job_id is not null;

create table import_files (
  job_id uuid not null references import_jobs(id),
  seq integer not null,
  data bytea not null,
  primary key (job_id, seq)
);

create table import_rejects (
  tenant_id uuid not null references tenants(id),
  job_id uuid not null,
  line integer not null,
  -- header → cell text, as read
  cells jsonb not null,
  problems jsonb not null,
  status text not null default 'open' check (status in ('open', 'reimported', 'dismissed')),
  resolved_at timestamptz,
  primary key (job_id, line),
  foreign key (tenant_id, job_id) references import_jobs(tenant_id, id)
);
create index import_rejects_open on import_rejects(tenant_id, job_id) where status = 'open';

create table import_reviews (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  job_id uuid not null,
  line integer not null,
  debtor_id uuid not null,
  candidate_id uuid not null,
  reason text not null,
  status text not null default 'open' check (status in ('open', 'merged', 'kept_separate')),
  resolved_by uuid references users(id),
  resolved_at timestamptz,
  foreign key (tenant_id, job_id) references import_jobs(tenant_id, id),
  foreign key (tenant_id, debtor_id) references debtors(tenant_id, id),
  foreign key (tenant_id, candidate_id) references debtors(tenant_id, id),
  unique (job_id, line)
);
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
alter table claims drop column import_job_id;
drop table import_reviews;
drop table import_rejects;
drop table import_files;
drop table import_jobs;
drop table import_mappings;
alter table debtors drop column deceased, drop column ceased, drop column external_ref, drop column match_key;
`,
    )
    .execute(db);
}
