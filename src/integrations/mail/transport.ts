import nodemailer from 'nodemailer';

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

/** SMTP through nodemailer (pooled connections), from SMTP_URL. */
export function smtpTransport(url: string, opts: { timeoutMs?: number } = {}): MailTransport {
  const timeout = opts.timeoutMs ?? 30_000;
  const t = nodemailer.createTransport(url, {
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  } as never);
  return {
    kind: 'smtp',
    async send(mail) {
      try {
        await t.sendMail({
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
