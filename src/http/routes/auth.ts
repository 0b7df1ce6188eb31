import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../../domain/policies.ts';
import { login, LoginInput } from '../../usecases/auth/login.ts';
import { logout } from '../../usecases/auth/logout.ts';
import { SESSION_COOKIE } from '../auth.ts';
import { ErrorResponse } from '../schemas.ts';
import type { RouteDeps } from './deps.ts';

const SessionUser = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  locale: z.string(),
  creditorId: z.string().nullable(),
  tenant: z.object({ id: z.uuid(), name: z.string(), kind: z.string() }),
});
const UserResponse = z.object({ user: SessionUser });

export const authRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { db, config }) => {
  app.post(
    '/api/auth/login',
    {
      schema: { tags: ['auth'], body: LoginInput, response: { 200: UserResponse, 400: ErrorResponse, 401: ErrorResponse, 429: ErrorResponse } },
      // Throttled per address and per address + e-mail in the login use case (counted in the database,
      // so every node counts): 429 with Retry-After.
    },
    async (req, reply) => {
      const { token, user } = await login(db, req.body, {
        ip: req.ip,
        userAgent: req.headers['user-agent'],
        idleMinutes: config.sessionIdleMinutes,
      });
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.secureCookies,
      });
      return { user };
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'], response: { 204: z.null(), 401: ErrorResponse } } }, async (req, reply) => {
    if (req.session) await logout(db, req.session.token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/api/auth/me', { schema: { tags: ['auth'], response: { 200: UserResponse, 401: ErrorResponse } } }, async (req) => ({
    user: req.session!.user,
  }));
};
