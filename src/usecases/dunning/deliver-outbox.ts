import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { systemActor } from '../../domain/policies.ts';
import { MailError, OUTBOX_LEASE_MS, type MailTransport, type OutgoingMail } from '../../integrations/mail/transport.ts';
import { reportFileBase } from '../../domain/reports/schedule.ts';
import { recordAudit } from '../shared/audit.ts';
import { releaseStep } from './release-step.ts';

export interface DeliverOptions {
  /** null: no SMTP configured — messages go to the local mailbox (readable in the UI). */
  transport: MailTransport | null;
  from: string;
  /** Messages taken per call. */
  limit?: number;
  /**
   * How long a node holds a message it is sending before another may take it over (default
   * OUTBOX_LEASE_MS, from which the SMTP transport's timeouts are derived: keep the two together).
   */
  leaseSeconds?: number;
  /** First retry delay; doubles per attempt up to 6 hours. */
  backoffMs?: number;
  /** After this many failed attempts the message is given up (contact marked invalid, next channel). */
  maxAttempts?: number;
  /** Only this tenant's messages (a run started by a user delivers its own at once). */
  tenantId?: string;
}

export interface DeliverResult {
  sent: number;
  retrying: number;
  failed: number;
}

const SIX_HOURS = 6 * 3600 * 1000;

/**
 * Delivers what the dunning steps put in the outbox. Exactly once, also across nodes and crashes:
 * a message is taken with `FOR UPDATE SKIP LOCKED` under a lease; its Message-ID is fixed when the
 * step is written, so every attempt sends the same message. The local mailbox records a message and
 * marks it sent in one transaction (a message already there is never stored twice). Over SMTP the
 * message is marked sent right after the server's acceptance; a node dying in between leaves a
 * lapsed lease, and the retry re-sends the same Message-ID (which receiving servers de-duplicate).
 * Every SMTP wait is shorter than the lease, and each message's lease is renewed just before it is
 * sent, so no other node takes over a message while this one may still be sending it; a send whose
 * outcome is unknown (silence after the data) is not tried again before a lease has passed.
 * A temporary failure is retried with backoff; a permanent one (5xx), or too many attempts, marks
 * the contact invalid and releases the claims' step so the next tick sends it by the next channel.
 */
export async function deliverOutbox(db: Db, opts: DeliverOptions): Promise<DeliverResult> {
  const limit = opts.limit ?? 50;
  const lease = opts.leaseSeconds ?? OUTBOX_LEASE_MS / 1000;
  const result: DeliverResult = { sent: 0, retrying: 0, failed: 0 };

  const taken = await db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('outbox')
      .select(['id', 'tenant_id', 'communication_id', 'report_mail_id', 'guarantor_letter_id', 'attempts', 'status'])
      .where('status', 'in', ['pending', 'sending'])
      .$if(opts.tenantId !== undefined, (q) => q.where('tenant_id', '=', opts.tenantId!))
      .where('next_attempt_at', '<=', sql<Date>`now()`)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', sql<Date>`now()`)]))
      .orderBy('id')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (rows.length) {
      await trx
        .updateTable('outbox')
        .set({ status: 'sending', attempts: sql`attempts + 1`, lease_until: sql`now() + make_interval(secs => ${lease})` })
        .where('id', 'in', rows.map((r) => r.id))
        .execute();
    }
    return rows;
  });

  for (const o of taken) {
    // The batch's lease started when it was taken; each message gets a full lease of its own before
    // it is sent, unless another node has taken it over meanwhile (its attempt count moved on).
    const still = await db
      .updateTable('outbox')
      .set({ lease_until: sql`now() + make_interval(secs => ${lease})` })
      .where('id', '=', o.id)
      .where('status', '=', 'sending')
      .where('attempts', '=', o.attempts + 1)
      .returning('id')
      .executeTakeFirst();
    if (!still) continue;
    const m =
      o.communication_id !== null
        ? await communicationMessage(db, o.communication_id, opts.from)
        : o.guarantor_letter_id !== null
          ? await guarantorLetterMessage(db, o.guarantor_letter_id, opts.from)
          : await reportMessage(db, o.report_mail_id!, opts.from);
    const { mail } = m;
    try {
      if (!opts.transport) {
        await db.transaction().execute(async (trx) => {
          await trx
            .insertInto('local_mailbox')
            .values({ tenant_id: m.tenantId, message_id: mail.messageId, to_address: mail.to, subject: mail.subject, body_text: mail.text, body_html: mail.html })
            .onConflict((oc) => oc.column('message_id').doNothing())
            .execute();
          await markOutboxSent(trx, o.id);
          await m.sent(trx, 'local');
        });
      } else {
        await opts.transport.send(mail);
        await db.transaction().execute(async (trx) => {
          await markOutboxSent(trx, o.id);
          await m.sent(trx, 'smtp');
        });
      }
      result.sent++;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const permanent = (err instanceof MailError && err.permanent) || o.attempts + 1 >= (opts.maxAttempts ?? 10);
      if (!permanent) {
        let delay = Math.min(SIX_HOURS, (opts.backoffMs ?? 60_000) * 2 ** o.attempts);
        // The server went silent or dropped the line after it may have taken the message: no new
        // attempt before a full lease has passed, so a late acceptance is not followed by a resend.
        if (err instanceof MailError && err.uncertain) delay = Math.max(delay, lease * 1000);
        await db
          .updateTable('outbox')
          .set({ status: 'pending', lease_until: null, last_error: message.slice(0, 1000), next_attempt_at: sql`now() + make_interval(secs => ${delay / 1000})` })
          .where('id', '=', o.id)
          .execute();
        result.retrying++;
        continue;
      }
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('outbox').set({ status: 'failed', lease_until: null, last_error: message.slice(0, 1000) }).where('id', '=', o.id).execute();
        await m.failed(trx, message, o.attempts + 1);
      });
      result.failed++;
    }
  }
  return result;
}

async function markOutboxSent(trx: Db, outboxId: string) {
  await trx.updateTable('outbox').set({ status: 'sent', sent_at: sql`now()`, lease_until: null, last_error: null }).where('id', '=', outboxId).execute();
}

/** What the outbox sends for one row and what it records when that is sent or given up. */
interface OutboxMessage {
  tenantId: string;
  mail: OutgoingMail;
  sent(trx: Db, via: 'local' | 'smtp'): Promise<void>;
  failed(trx: Db, error: string, attempts: number): Promise<void>;
}

/** A letter or e-mail to a debtor: given up, its contact is marked invalid and the step goes by the next channel. */
async function communicationMessage(db: Db, communicationId: string, from: string): Promise<OutboxMessage> {
  const c = await db
    .selectFrom('communications as c')
    .select(['c.id', 'c.tenant_id', 'c.debtor_id', 'c.creditor_id', 'c.recipient', 'c.subject', 'c.body_text', 'c.body_html', 'c.message_id', 'c.contact_id', 'c.status'])
    .where('c.id', '=', communicationId)
    .executeTakeFirstOrThrow();
  const actor = systemActor(c.tenant_id, 'outbox');
  return {
    tenantId: c.tenant_id,
    mail: { messageId: c.message_id!, from, to: c.recipient, subject: c.subject, text: c.body_text ?? '', html: c.body_html },
    async sent(trx, via) {
      await trx.updateTable('communications').set({ status: 'sent', sent_at: sql`now()`, error: null }).where('id', '=', c.id).execute();
      await recordAudit(trx, actor, { action: 'communication.sent', entityType: 'communication', entityId: c.id, debtorId: c.debtor_id, after: { via } });
    },
    async failed(trx, message, attempts) {
      await trx.updateTable('communications').set({ status: 'failed', error: message.slice(0, 1000) }).where('id', '=', c.id).execute();
      if (c.contact_id) {
        await trx
          .updateTable('contacts')
          .set({ status: 'invalid', updated_at: sql`now()`, version: sql`version + 1` })
          .where('tenant_id', '=', c.tenant_id)
          .where('id', '=', c.contact_id)
          .execute();
      }
      await releaseStep(trx, c.tenant_id, c.id);
      await recordAudit(trx, actor, {
        action: 'communication.failed',
        entityType: 'communication',
        entityId: c.id,
        debtorId: c.debtor_id,
        creditorId: c.creditor_id,
        after: { error: message.slice(0, 500), contactMarkedInvalid: c.contact_id, attempts },
      });
    },
  };
}

/**
 * A guarantor's written demand (migration 0052): the letter's words as the text, its PDF attached —
 * nothing of the debtor beyond what the letter says. Given up, the letter is marked failed (and audited):
 * the guarantee stays enforced, the operator sends the stored PDF another way.
 */
async function guarantorLetterMessage(db: Db, letterId: string, from: string): Promise<OutboxMessage> {
  const l = await db
    .selectFrom('guarantor_letters as l')
    .innerJoin('guarantees as g', (j) => j.onRef('g.id', '=', 'l.guarantee_id').onRef('g.tenant_id', '=', 'l.tenant_id'))
    .select(['l.id', 'l.tenant_id', 'l.guarantee_id', 'l.recipient', 'l.subject', 'l.body_text', 'l.message_id', 'l.pdf', 'l.sent_on', 'g.debtor_id', 'g.creditor_id'])
    .where('l.id', '=', letterId)
    .executeTakeFirstOrThrow();
  const actor = systemActor(l.tenant_id, 'outbox');
  const entity = { entityType: 'guarantor_letter', entityId: l.id, debtorId: l.debtor_id, creditorId: l.creditor_id };
  return {
    tenantId: l.tenant_id,
    mail: {
      messageId: l.message_id!,
      from,
      to: l.recipient,
      subject: l.subject,
      text: l.body_text ?? '',
      html: null,
      attachments: [{ filename: `escussione-${l.sent_on}.pdf`, content: l.pdf, contentType: 'application/pdf' }],
    },
    async sent(trx, via) {
      await trx.updateTable('guarantor_letters').set({ status: 'sent', sent_at: sql`now()`, error: null }).where('id', '=', l.id).execute();
      await recordAudit(trx, actor, { action: 'guarantor_letter.sent', ...entity, after: { recipient: l.recipient, via } });
    },
    async failed(trx, message, attempts) {
      await trx.updateTable('guarantor_letters').set({ status: 'failed', error: message.slice(0, 1000) }).where('id', '=', l.id).execute();
      await recordAudit(trx, actor, { action: 'guarantor_letter.failed', ...entity, after: { recipient: l.recipient, error: message.slice(0, 500), attempts } });
    },
  };
}

/**
 * A mail to a creditor's side (migration 0043/0044): a scheduled report to a contact the creditor named,
 * with the run's PDF and XLSX attached, or a user's daily alert digest.
 */
async function reportMessage(db: Db, reportMailId: string, from: string): Promise<OutboxMessage> {
  const r = await db
    .selectFrom('report_mails as m')
    .leftJoin('report_runs as r', (j) => j.onRef('r.id', '=', 'm.run_id').onRef('r.tenant_id', '=', 'm.tenant_id'))
    .select(['m.id', 'm.tenant_id', 'm.recipient', 'm.subject', 'm.body_text', 'm.message_id', 'm.run_id', 'm.digest_id', 'r.creditor_id', 'r.pdf', 'r.xlsx', 'r.period_to'])
    .where('m.id', '=', reportMailId)
    .executeTakeFirstOrThrow();
  const actor = systemActor(r.tenant_id, 'outbox');
  const attachments =
    r.pdf && r.xlsx && r.period_to
      ? [
          { filename: `${reportFileBase(r.period_to)}.pdf`, content: r.pdf, contentType: 'application/pdf' },
          { filename: `${reportFileBase(r.period_to)}.xlsx`, content: r.xlsx, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
        ]
      : [];
  const entity = r.run_id ? { entityType: 'report_run', entityId: r.run_id } : { entityType: 'alert_digest', entityId: r.digest_id! };
  return {
    tenantId: r.tenant_id,
    mail: { messageId: r.message_id, from, to: r.recipient, subject: r.subject, text: r.body_text, html: null, attachments },
    async sent(trx, via) {
      await trx.updateTable('report_mails').set({ status: 'sent', sent_at: sql`now()`, error: null }).where('id', '=', r.id).execute();
      await recordAudit(trx, actor, { action: 'report.mail_sent', ...entity, creditorId: r.creditor_id, after: { recipient: r.recipient, via } });
    },
    async failed(trx, message, attempts) {
      await trx.updateTable('report_mails').set({ status: 'failed', error: message.slice(0, 1000) }).where('id', '=', r.id).execute();
      await recordAudit(trx, actor, { action: 'report.mail_failed', ...entity, creditorId: r.creditor_id, after: { recipient: r.recipient, error: message.slice(0, 500), attempts } });
    },
  };
}
