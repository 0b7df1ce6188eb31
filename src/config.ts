import path from 'node:path';
import { parseClock } from './clock.ts';

/** Runtime configuration, read once from the environment. Nothing else reads process.env. */
export interface Config {
  /** postgres://… for a real PostgreSQL; undefined means the embedded PGlite database. */
  databaseUrl: string | undefined;
  /** Where the embedded database keeps its files (ignored with databaseUrl). */
  dataDir: string;
  port: number;
  /** Address to listen on: loopback unless HOST says otherwise (HOST=0.0.0.0 to serve a network). */
  host: string;
  /** Cookies get the Secure flag (set when served over HTTPS, directly or behind a proxy). */
  secureCookies: boolean;
  /** Idle timeout of a session in minutes; sessions also expire 7 days after login. */
  sessionIdleMinutes: number;
  logLevel: string;
  /** Trust X-Forwarded-* headers (behind a reverse proxy). */
  trustProxy: boolean;
  /**
   * smtp://user:pass@host:port or smtps://… for e-mail delivery; undefined: e-mails land in the local
   * mailbox (readable in the UI), as on the embedded demo.
   */
  smtpUrl: string | undefined;
  /** From address of outgoing e-mail. */
  mailFrom: string;
  /**
   * INCASSO_DEMO: '1' loads the demo data like `--demo`, '0' never; unset: only on the embedded
   * database (a PostgreSQL installation is a real one, and the demo's log-ins are published).
   */
  demo: boolean | undefined;
  /** INCASSO_CLOCK: the desk's clock starts at this moment and flows on (demos and tests; src/clock.ts). */
  clockStart?: Date | undefined;
}

/** True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) || h === '::ffff:127.0.0.1';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number between 0 and 65535, got "${env.PORT}"`);
  }
  const idle = Number(env.INCASSO_SESSION_IDLE_MINUTES ?? 480);
  if (!Number.isInteger(idle) || idle < 1) {
    throw new Error('INCASSO_SESSION_IDLE_MINUTES must be a positive whole number');
  }
  return {
    databaseUrl: env.DATABASE_URL?.trim() || undefined,
    dataDir: path.resolve(env.INCASSO_DATA_DIR ?? path.join(process.cwd(), 'data', 'db')),
    port,
    host: env.HOST?.trim() || '127.0.0.1',
    secureCookies: env.INCASSO_SECURE_COOKIES === '1' || env.INCASSO_SECURE_COOKIES === 'true',
    sessionIdleMinutes: idle,
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: env.INCASSO_TRUST_PROXY === '1' || env.INCASSO_TRUST_PROXY === 'true',
    smtpUrl: env.SMTP_URL?.trim() || undefined,
    mailFrom: env.INCASSO_MAIL_FROM?.trim() || 'incasso <noreply@incasso.localhost>',
    demo: parseDemo(env.INCASSO_DEMO),
    clockStart: parseClock(env.INCASSO_CLOCK),
  };
}

function parseDemo(v: string | undefined): boolean | undefined {
  const t = v?.trim().toLowerCase();
  if (!t) return undefined;
  if (['1', 'true', 'yes'].includes(t)) return true;
  if (['0', 'false', 'no'].includes(t)) return false;
  throw new Error(`INCASSO_DEMO must be 1 or 0, got "${v}"`);
}
