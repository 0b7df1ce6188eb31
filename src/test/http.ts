import type { FastifyInstance, InjectOptions } from 'fastify';
import { loadConfig } from '../config.ts';
import type { Db } from '../db/connect.ts';
import { buildServer } from '../http/server.ts';
import { TEST_PASSWORD } from './factories.ts';

export async function buildTestApp(db: Db): Promise<FastifyInstance> {
  const app = await buildServer({ db, config: loadConfig({ PORT: '0' }) });
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
