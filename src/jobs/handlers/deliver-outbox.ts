import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { smtpTransport, type MailTransport } from '../../integrations/mail/transport.ts';
import { deliverOutbox } from '../../usecases/dunning/deliver-outbox.ts';
import type { JobHandler } from '../port.ts';

/**
 * Every minute: e-mails waiting in the outbox are delivered (SMTP_URL, else the local mailbox).
 * Several nodes may run it at once: each message is taken by one of them.
 */
export function deliverOutboxJob(db: Db, config: Pick<Config, 'smtpUrl' | 'mailFrom'>): JobHandler {
  let transport: MailTransport | null | undefined;
  return {
    name: 'deliver-outbox',
    cron: '* * * * *',
    run: async () => {
      transport ??= config.smtpUrl ? smtpTransport(config.smtpUrl) : null;
      for (;;) {
        const r = await deliverOutbox(db, { transport, from: config.mailFrom, limit: 100 });
        if (r.sent + r.failed + r.retrying < 100) break;
      }
    },
  };
}
