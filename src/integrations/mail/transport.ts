import nodemailer from 'nodemailer';
import { OUTBOX_LEASE_SECONDS, smtpTimeouts } from '../../domain/outbox.ts';

/** One e-mail as it leaves: the Message-ID is ours and stable across retries. */
export interface OutgoingMail {
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
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
  ) {
    super(message);
    this.name = 'MailError';
  }
}

/**
 * SMTP through nodemailer, pooled, from SMTP_URL. The options object carries the URL and the
 * limits (nodemailer reads a second argument as message defaults, not as transport options): every
 * wait and the whole send of one message end well inside the outbox lease (domain/outbox.ts), and a
 * send past its deadline is aborted, so a message is never still on its way when another node may
 * take it over.
 */
export function smtpTransport(url: string, opts: { leaseSeconds?: number } = {}): MailTransport & { readonly options: Readonly<Record<string, unknown>> } {
  const { sendDeadline, ...limits } = smtpTimeouts(opts.leaseSeconds ?? OUTBOX_LEASE_SECONDS);
  const t = nodemailer.createTransport({ url, pool: true, maxConnections: 2, maxMessages: 100, ...limits });
  const options = (t.transporter as unknown as { options: Record<string, unknown> }).options;
  return {
    kind: 'smtp',
    options,
    async send(mail) {
      try {
        await t.sendMail({
          signal: AbortSignal.timeout(sendDeadline),
          messageId: mail.messageId,
          from: mail.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          ...(mail.html ? { html: mail.html } : {}),
          // No tracking, no list headers: a personal notice, not a campaign.
          headers: { 'Auto-Submitted': 'auto-generated' },
        });
      } catch (err) {
        const e = err as { responseCode?: number; message?: string; code?: string };
        const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600;
        throw new MailError(`${e.code ? `${e.code}: ` : ''}${e.message ?? String(err)}`, permanent);
      }
    },
    async close() {
      t.close();
    },
  };
}
