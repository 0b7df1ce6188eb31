import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { notFound } from '../../domain/errors.ts';
import { pagination, uuid } from '../../domain/fields.ts';
import { DEFAULT_LOCALE, type Locale } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { parseInput } from '../shared/input.ts';
import { offsetOf, type Page } from '../shared/paging.ts';
import { assertId } from '../shared/scope.ts';
import { fetchImportJob, importJobsQuery, jobView } from './import-query.ts';
import type { ImportJobView, ImportRejectView } from './schema.ts';
import { renderProblem } from './stored-messages.ts';

export const ListImportsQuery = pagination.extend({ creditorId: uuid.optional() });

/** Import jobs, newest first (a viewer sees its creditor's only); notes and errors in `locale`. */
export async function listImports(
  db: Db,
  actor: Actor,
  query: z.input<typeof ListImportsQuery>,
  locale: Locale = DEFAULT_LOCALE,
): Promise<Page<ImportJobView>> {
  authorize(actor, 'read', 'import');
  const p = parseInput(ListImportsQuery, query);
  let q = importJobsQuery(db, actor);
  if (p.creditorId) q = q.where('j.creditor_id', '=', p.creditorId);
  const rows = await q.orderBy('j.created_at', 'desc').orderBy('j.id').limit(p.pageSize).offset(offsetOf(p)).execute();
  let c = db.selectFrom('import_jobs').select((eb) => eb.fn.countAll<number>().as('n')).where('tenant_id', '=', actor.tenantId);
  if (actor.creditorId !== null) c = c.where('creditor_id', '=', actor.creditorId);
  if (p.creditorId) c = c.where('creditor_id', '=', p.creditorId);
  const count = await c.executeTakeFirstOrThrow();
  return { items: rows.map((r) => jobView(r, locale)), total: Number(count.n), page: p.page, pageSize: p.pageSize };
}

export async function getImport(db: Db, actor: Actor, id: string, locale: Locale = DEFAULT_LOCALE): Promise<ImportJobView> {
  authorize(actor, 'read', 'import');
  assertId(id, 'import');
  const job = await fetchImportJob(db, actor, id, locale);
  if (!job) throw notFound('import');
  return job;
}

export const ListRejectsQuery = pagination.extend({ status: z.enum(['open', 'reimported', 'dismissed', 'all']).default('open') });

/** The rows of a job that could not be imported, with their line, cells and reasons (in `locale`). */
export async function listImportRejects(
  db: Db,
  actor: Actor,
  id: string,
  query: z.input<typeof ListRejectsQuery>,
  locale: Locale = DEFAULT_LOCALE,
): Promise<Page<ImportRejectView>> {
  await getImport(db, actor, id);
  const p = parseInput(ListRejectsQuery, query);
  let q = db.selectFrom('import_rejects').where('tenant_id', '=', actor.tenantId).where('job_id', '=', id);
  if (p.status !== 'all') q = q.where('status', '=', p.status);
  const [rows, count] = await Promise.all([
    q.select(['line', 'cells', 'problems', 'status']).orderBy('line').limit(p.pageSize).offset(offsetOf(p)).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const items = rows.map((r) => ({ ...r, problems: r.problems.map((p) => renderProblem(p, locale)) }));
  return { items, total: Number(count.n), page: p.page, pageSize: p.pageSize };
}
