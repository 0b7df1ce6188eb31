import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../domain/errors.ts';
import type { Actor } from '../domain/policies.ts';
import { resolveSession, type SessionUser } from '../usecases/auth/resolve-session.ts';
import type { Db } from '../db/connect.ts';
import { msg } from '../domain/messages/index.ts';

export const SESSION_COOKIE = 'incasso_session';

declare module 'fastify' {
  interface FastifyRequest {
    session: { actor: Actor; user: SessionUser; token: string } | null;
  }
}

/**
 * The only routes a law firm's user (role law_firm, issue 17 item 7) reaches: its session and the legal
 * dossiers handed to it. Everything else answers 403 before any use case runs — deny by default, so a
 * route added later cannot leak the agency's data to a firm by forgetting a check.
 */
const LAW_FIRM_ROUTES = /^(?:(?:GET|POST) \/api\/auth\/[a-z-]+|POST \/api\/users\/me\/password|GET \/api\/legal\/dossiers(?:\/:id(?:\/:file)?)?|POST \/api\/legal\/dossiers\/:id\/outcomes)$/;

/** Routes anyone may call; everything else under /api needs a session. */
const PUBLIC = new Set(['POST /api/auth/login', 'GET /api/health']);

/**
 * Whether a request reaches the API. Decided on the route the router matched (which decodes the path)
 * and on the decoded path, never on the raw URL: `/%61pi/auth/me` is routed to `/api/auth/me`, so it
 * must pass the same checks.
 */
function isApiRequest(req: FastifyRequest): boolean {
  const route = req.routeOptions.url;
  if (route !== undefined && (route === '/api' || route.startsWith('/api/'))) return true;
  const raw = req.url.split('?')[0] ?? '';
  let path = raw;
  try {
    path = decodeURIComponent(raw);
  } catch {
    // A malformed escape: the router answers 400 or 404; judge the raw path.
  }
  // Duplicate slashes and dot segments as a lenient proxy or router might fold them.
  path = path.replace(/\\/g, '/').replace(/\/{2,}/g, '/').replace(/\/\.(?=\/)/g, '');
  return path === '/api' || path.startsWith('/api/');
}

/**
 * Authenticates every /api request from the session cookie, and refuses cross-site writes:
 * the cookie is SameSite=Lax, and a state-changing request must carry JSON (which a cross-site
 * form cannot send) and, when the browser says where it comes from, come from our own origin.
 */
export function registerAuth(app: FastifyInstance, db: Db, opts: { idleMinutes: number }): void {
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (req: FastifyRequest, _reply: FastifyReply) => {
    if (!isApiRequest(req)) return;
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS') {
      const origin = req.headers.origin;
      if (origin && origin !== 'null') {
        let sameHost = false;
        try {
          // Compared as URLs, so "host" and "host:80" (default port) are the same; req.host is the
          // X-Forwarded-Host behind a trusted proxy.
          const from = new URL(origin);
          sameHost = from.host === new URL(`${from.protocol}//${req.host}`).host;
        } catch {
          sameHost = false;
        }
        if (!sameHost) throw new AppError('forbidden', msg('error.cross_origin'));
      } else if (origin === 'null') {
        throw new AppError('forbidden', msg('error.cross_origin'));
      }
    }
    const route = `${req.method} ${req.routeOptions.url ?? req.url.split('?')[0]}`;
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const resolved = await resolveSession(db, token, opts);
      if (resolved) {
        req.session = {
          actor: { ...resolved.actor, requestId: String(req.id), ip: req.ip },
          user: resolved.user,
          token,
        };
      }
    }
    if (!req.session && !PUBLIC.has(route)) {
      throw new AppError('unauthenticated', msg('error.auth_required'));
    }
    if (req.session?.actor.role === 'law_firm' && !LAW_FIRM_ROUTES.test(route)) {
      throw new AppError('forbidden', msg('error.forbidden'));
    }
  });
}

/** The authenticated actor of a request that passed the hook above. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.session) throw new AppError('unauthenticated', msg('error.auth_required'));
  return req.session.actor;
}
