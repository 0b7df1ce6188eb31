import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { StoredMessage } from '../../db/schema.ts';
import { DEFAULT_LOCALE, type Locale } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import type { ImportJobView } from './schema.ts';
import { renderNote } from './stored-messages.ts';

const iso = (col: string) => sql<string | null>`to_char(${sql.ref(col)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Import jobs with their creditor's name, scoped to what the actor may see (a viewer: its creditor). */
export function importJobsQuery(db: Db, actor: Actor) {
  let q = db
    .selectFrom('import_jobs as j')
    .innerJoin('creditors as k', (jn) => jn.onRef('k.id', '=', 'j.creditor_id').onRef('k.tenant_id', '=', 'j.tenant_id'))
    .where('j.tenant_id', '=', actor.tenantId);
  if (actor.creditorId !== null) q = q.where('j.creditor_id', '=', actor.creditorId);
  return q.select([
    'j.id',
    'j.creditor_id as creditorId',
    'k.name as creditorName',
    'j.file_name as fileName',
    'j.file_sha256 as fileSha256',
    sql<number>`j.file_bytes::float8`.as('fileBytes'),
    'j.format',
    'j.encoding',
    'j.delimiter',
    'j.sheet',
    'j.headers',
    'j.mapping',
    'j.options',
    'j.status',
    'j.rows_read as rowsRead',
    'j.imported',
    'j.updated',
    'j.unchanged',
    'j.rejected',
    'j.debtors_created as debtorsCreated',
    'j.debtors_matched as debtorsMatched',
    'j.last_line as lastLine',
    'j.error',
    'j.warnings',
    iso('j.created_at').as('createdAt'),
    iso('j.started_at').as('startedAt'),
    iso('j.finished_at').as('finishedAt'),
  ]);
}

/** A job as the API shows it: its stored notes and error rendered in the reader's language. */
export function jobView(
  row: { warnings: StoredMessage[] | null; error: string | null; createdAt: string | null } & Record<string, unknown>,
  locale: Locale,
): ImportJobView {
  return {
    ...row,
    createdAt: row.createdAt!,
    warnings: (row.warnings ?? []).map((w) => renderNote(w, locale)),
    error: row.error === null ? null : renderNote(row.error, locale),
  } as ImportJobView;
}

export async function fetchImportJob(db: Db, actor: Actor, id: string, locale: Locale = DEFAULT_LOCALE): Promise<ImportJobView | undefined> {
  const row = await importJobsQuery(db, actor).where('j.id', '=', id).executeTakeFirst();
  return row ? jobView(row, locale) : undefined;
}
