import type { FastifyInstance, InjectOptions } from 'fastify';
import { loadConfig } from '../config.ts';
import type { Database, Db } from '../db/connect.ts';
import type { Role } from '../domain/policies.ts';
import { buildServer } from '../http/server.ts';
import { runBankFileJob } from '../jobs/handlers/run-bank-file.ts';
import { refreshRiskJob } from '../jobs/handlers/refresh-risk.ts';
import { runImportJob } from '../jobs/handlers/run-import.ts';
import { inProcessJobs, type InProcessJobs } from '../jobs/in-process.ts';
import type { JobQueue } from '../jobs/port.ts';
import { openTestDatabase } from './db.ts';
import { createTestTenant, TEST_PASSWORD, type TestTenant } from './factories.ts';

/** The app on `db`; work routes send (imports) goes to `jobs`, else to a queue of its own in this process. */
export async function buildTestApp(db: Db, jobs?: JobQueue, env: Record<string, string> = {}): Promise<FastifyInstance> {
  const app = await buildServer({ db, config: loadConfig({ PORT: '0', ...env }), ...(jobs ? { jobs } : {}) });
  await app.ready();
  return app;
}

/** Logs in through the API and returns the session cookie header value. */
export async function sessionCookie(app: FastifyInstance, email: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: TEST_PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`login failed for ${email}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'incasso_session');
  if (!cookie) throw new Error('no session cookie');
  return `incasso_session=${cookie.value}`;
}

/** An inject bound to one user's session. */
export function as(app: FastifyInstance, cookie: string) {
  return (opts: InjectOptions) => app.inject({ ...opts, headers: { ...(opts.headers ?? {}), cookie } });
}

/** A request function bound to one user's session (see `as`). */
export type Client = ReturnType<typeof as>;

/** Logs in every role of a tenant. */
export async function clientsFor(app: FastifyInstance, t: TestTenant): Promise<Record<Role, Client>> {
  const out = {} as Record<Role, Client>;
  for (const role of ['admin', 'supervisor', 'operator', 'viewer'] as const) {
    out[role] = as(app, await sessionCookie(app, t.users[role].email));
  }
  return out;
}

/** What most API test files need: a database, an app, a tenant with a client per role, and an outsider. */
export interface ApiContext {
  database: Database;
  db: Db;
  app: FastifyInstance;
  t: TestTenant;
  /** Another tenant, whose admin is `outsider`. */
  other: TestTenant;
  admin: Client;
  supervisor: Client;
  operator: Client;
  viewer: Client;
  outsider: Client;
  /** The app's job queue, in this process: `await jobs.idle()` to have every started import finished. */
  jobs: InProcessJobs;
}

export async function openApiContext(opts: { clock?: string } = {}): Promise<ApiContext> {
  const database = await openTestDatabase();
  const jobs = inProcessJobs();
  await jobs.start([runImportJob(database.db), runBankFileJob(database.db), refreshRiskJob(database.db)]);
  // `clock`: the server's desk clock starts there (INCASSO_CLOCK), as in a demo; the caller moves the
  // process's "today" with it (`applyClock`) when its use cases must see the same day.
  const app = await buildTestApp(database.db, jobs, opts.clock ? { INCASSO_CLOCK: opts.clock } : {});
  const t = await createTestTenant(database.db);
  const other = await createTestTenant(database.db);
  const clients = await clientsFor(app, t);
  const outsider = as(app, await sessionCookie(app, other.users.admin.email));
  return { database, db: database.db, app, t, other, ...clients, outsider, jobs };
}

interface ErrorReply {
  statusCode: number;
  json(): unknown;
}

/** The `error.fields` of an error answer. */
export function fieldsOf(res: ErrorReply): { path: string; message: string }[] {
  const body = res.json() as { error?: { fields?: { path: string; message: string }[] } };
  if (!body.error) throw new Error(`not an error answer (${res.statusCode}): ${JSON.stringify(body)}`);
  return body.error.fields ?? [];
}

/** The paths named in an error answer's `fields`. */
export const pathsOf = (res: ErrorReply) => fieldsOf(res).map((f) => f.path);

/** The message for one field path, or a failure listing what was there instead. */
export function messageFor(res: ErrorReply, path: string): string {
  const f = fieldsOf(res).find((x) => x.path === path);
  if (!f) throw new Error(`no field error for "${path}" in ${JSON.stringify(fieldsOf(res))}`);
  return f.message;
}

/** Ids that cannot name anything (not a UUID, too long for the route, a non-hex character): each answers 404. */
export const MALFORMED_IDS = ['not-a-uuid', 'x'.repeat(65), '00000000-0000-0000-0000-00000000000g'] as const;
/** A well-formed id that names nothing. */
export const UNKNOWN_ID = '6f1c1d3e-0000-4000-8000-000000000000';
