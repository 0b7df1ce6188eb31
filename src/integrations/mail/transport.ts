import nodemailer, { type Transporter } from 'nodemailer';
import { parseConnectionUrl } from 'nodemailer/lib/shared';

/** One e-mail as it leaves: the Message-ID is ours and stable across retries. */
export interface OutgoingMail {
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  /** Files sent with it (a creditor's scheduled report: its PDF and XLSX). */
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

/**
 * Where e-mail goes. `send` resolves once the receiving server has accepted the message (SMTP 250)
 * and rejects otherwise; `permanent` on the error says retrying cannot help (5xx: no such mailbox,
 * refused), so the contact is marked invalid instead.
 */
export interface MailTransport {
  readonly kind: 'smtp' | 'local';
  send(mail: OutgoingMail): Promise<void>;
  close(): Promise<void>;
}

export class MailError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    /** The message may have been delivered all the same (the connection went silent or dropped after it was handed over). */
    readonly uncertain = false,
  ) {
    super(message);
    this.name = 'MailError';
  }
}

/**
 * How long a node holds an outbox message it is sending before another node may take it over
 * (usecases/dunning/deliver-outbox.ts). Every wait of the SMTP transport is derived from it and is
 * shorter, so a node gives up on a send before its lease lapses: otherwise a second node would take
 * the message over while the first is still talking to the server, and the debtor could get it twice.
 */
export const OUTBOX_LEASE_MS = 120_000;

/**
 * nodemailer's own options for SMTP_URL: the parsed URL plus pooling and timeouts, all derived from
 * the lease (at 120 s: DNS 10 s, connect 15 s, greeting 15 s, 30 s of silence, 60 s per message in
 * all). Ours win over anything the URL says. The pool never re-sends a message on its own after a
 * dropped connection (`maxRequeues: 0`): the connection may have dropped after the server took the
 * message, and whether to try again is the outbox's decision.
 */
export function smtpTransportOptions(url: string, leaseMs = OUTBOX_LEASE_MS) {
  return {
    ...parseConnectionUrl(url),
    pool: true as const,
    maxConnections: 3,
    maxMessages: 100,
    maxRequeues: 0,
    dnsTimeout: Math.floor(leaseMs / 12),
    connectionTimeout: Math.floor(leaseMs / 8),
    greetingTimeout: Math.floor(leaseMs / 8),
    socketTimeout: Math.floor(leaseMs / 4),
    // below the server's 5-minute idle limit (RFC 5321 4.5.3.2.7) and the lease
    idleTimeout: Math.floor(leaseMs / 4),
  };
}

/** The longest one message may take, start to end (an abort signal ends it): half the lease. */
export function smtpSendDeadlineMs(leaseMs = OUTBOX_LEASE_MS): number {
  return Math.floor(leaseMs / 2);
}

export interface SmtpTransport extends MailTransport {
  readonly kind: 'smtp';
  /** nodemailer's transporter, for tests that check what it was really given. */
  readonly mailer: Transporter;
}

/** SMTP through nodemailer (pooled connections), from SMTP_URL. */
export function smtpTransport(url: string, opts: { leaseMs?: number } = {}): SmtpTransport {
  const leaseMs = opts.leaseMs ?? OUTBOX_LEASE_MS;
  const t = nodemailer.createTransport(smtpTransportOptions(url, leaseMs));
  return {
    kind: 'smtp',
    mailer: t,
    async send(mail) {
      try {
        await t.sendMail({
          messageId: mail.messageId,
          from: mail.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          ...(mail.html ? { html: mail.html } : {}),
          ...(mail.attachments?.length ? { attachments: mail.attachments } : {}),
          // No tracking, no list headers: a personal notice, not a campaign.
          headers: { 'Auto-Submitted': 'auto-generated' },
          signal: AbortSignal.timeout(smtpSendDeadlineMs(leaseMs)),
        });
      } catch (err) {
        const e = err as { responseCode?: number; message?: string; code?: string; originalCode?: string; timeoutType?: string };
        const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600;
        throw new MailError(`${e.code ? `${e.code}: ` : ''}${e.message ?? String(err)}`, permanent, !notDelivered(e));
      }
    },
    async close() {
      t.close();
    },
  };
}

/**
 * True when the failure shows the server did not take the message: it answered with an error, or we
 * never got as far as a greeting. Anything else (silence, a dropped connection, our own deadline)
 * may have happened after the message's final dot, when the server may already have accepted it.
 */
function notDelivered(e: { responseCode?: number; code?: string; originalCode?: string; timeoutType?: string }): boolean {
  if (typeof e.responseCode === 'number') return true;
  if (e.timeoutType === 'CONNECT_TIMEOUT' || e.timeoutType === 'GREETING_TIMEOUT') return true;
  if (e.code === 'EDNS') return true;
  return ['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN'].includes(e.originalCode ?? '');
}
