import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connect.ts';
import { uuid7 } from '../../db/uuid7.ts';
import { OUTBOX_LEASE_MS, smtpSendDeadlineMs, smtpTransport } from '../../integrations/mail/transport.ts';
import { openTestDatabase } from '../../test/db.ts';
import { createTestDebtor, createTestTenant, type TestTenant } from '../../test/factories.ts';
import { startSilentFront, startSmtpServer } from '../../test/smtp.ts';
import { deliverOutbox } from './deliver-outbox.ts';

let database: Database;
let t: TestTenant;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeAll(async () => {
  database = await openTestDatabase();
  t = await createTestTenant(database.db);
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.close();
});

/** A queued e-mail communication with its outbox row, as a dunning step writes it. */
async function queueMail(to: string, subject: string) {
  const db = database.db;
  const debtor = await createTestDebtor(db, t);
  const contact = await db
    .insertInto('contacts')
    .values({ tenant_id: t.tenantId, debtor_id: debtor.id, channel: 'email', value: to })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = uuid7();
  const html = `<p>${subject}</p>`;
  await db
    .insertInto('communications')
    .values({
      id,
      tenant_id: t.tenantId,
      debtor_id: debtor.id,
      creditor_id: t.creditor.id,
      run_date: '2026-11-23',
      step_no: 1,
      step_key: 'soft-1',
      tier: 'soft',
      channel: 'email',
      contact_id: contact.id,
      recipient: to,
      language: 'it',
      subject,
      currency: 'EUR',
      amount: '100.00',
      status: 'queued',
      body_text: subject,
      body_html: html,
      sha256: createHash('sha256').update(html).digest('hex'),
      message_id: `<${id}@incasso>`,
    })
    .execute();
  await db.insertInto('outbox').values({ tenant_id: t.tenantId, communication_id: id }).execute();
  return { id, contactId: contact.id, messageId: `<${id}@incasso>` };
}

const mine = (ids: string[]) => smtp.received.filter((m) => ids.some((id) => m.messageId === `<${id}@incasso>` || m.messageId === `${id}@incasso`));

async function drain(opts: Parameters<typeof deliverOutbox>[1], rounds = 20) {
  for (let i = 0; i < rounds; i++) {
    const r = await deliverOutbox(database.db, opts);
    if (r.sent + r.retrying + r.failed === 0) return;
    await new Promise((res) => setTimeout(res, 30));
  }
}

describe('deliverOutbox over a real SMTP server', () => {
  it('delivers each message once, also when two deliverers run at the same moment', async () => {
    const queued = await Promise.all([1, 2, 3, 4, 5].map((i) => queueMail(`debitore${i}-${t.slug}@example.test`, `Comunicazione ${i}`)));
    const transport = smtpTransport(smtp.url);
    try {
      await Promise.all([deliverOutbox(database.db, { transport, from: 'incasso <noreply@example.test>' }), deliverOutbox(database.db, { transport, from: 'incasso <noreply@example.test>' })]);
      await drain({ transport, from: 'incasso <noreply@example.test>' });
    } finally {
      await transport.close();
    }
    const got = mine(queued.map((q) => q.id));
    expect(got).toHaveLength(5);
    expect(new Set(got.map((m) => m.messageId)).size).toBe(5);
    const rows = await database.db.selectFrom('communications').select(['status', 'sent_at']).where('id', 'in', queued.map((q) => q.id)).execute();
    expect(rows.every((r) => r.status === 'sent' && r.sent_at)).toBe(true);
  });

  it('a server that fails then recovers loses nothing and duplicates nothing', async () => {
    const queued = await Promise.all([1, 2, 3].map((i) => queueMail(`ritardo${i}-${t.slug}@example.test`, `Avviso ${i}`)));
    smtp.failNext(4, 451);
    const transport = smtpTransport(smtp.url);
    try {
      await drain({ transport, from: 'noreply@example.test', backoffMs: 1 }, 40);
    } finally {
      await transport.close();
    }
    const got = mine(queued.map((q) => q.id));
    expect(got.map((m) => m.subject).sort()).toEqual(['Avviso 1', 'Avviso 2', 'Avviso 3']);
    const outbox = await database.db.selectFrom('outbox').select(['status', 'attempts']).where('communication_id', 'in', queued.map((q) => q.id)).execute();
    expect(outbox.every((o) => o.status === 'sent')).toBe(true);
    expect(outbox.reduce((n, o) => n + o.attempts, 0)).toBe(3 + 4);
  });

  it('a refused address (550) marks the contact invalid and the communication failed, with an audit event', async () => {
    const q = await queueMail(`inesistente-${t.slug}@example.test`, 'Comunicazione');
    smtp.rejectRecipient(`inesistente-${t.slug}@example.test`);
    const transport = smtpTransport(smtp.url);
    try {
      await drain({ transport, from: 'noreply@example.test', backoffMs: 1 });
    } finally {
      await transport.close();
    }
    expect(mine([q.id])).toHaveLength(0);
    const c = await database.db.selectFrom('communications').select(['status', 'error']).where('id', '=', q.id).executeTakeFirstOrThrow();
    expect(c.status).toBe('failed');
    expect(c.error).toMatch(/550|mailbox/i);
    const contact = await database.db.selectFrom('contacts').select('status').where('id', '=', q.contactId).executeTakeFirstOrThrow();
    expect(contact.status).toBe('invalid');
    const audit = await database.db.selectFrom('audit_events').select('action').where('entity_id', '=', q.id).execute();
    expect(audit.map((a) => a.action)).toContain('communication.failed');
  });

  it('without SMTP the local mailbox receives each message once, even when delivery is retried after a lapsed lease', async () => {
    const q = await queueMail(`locale-${t.slug}@example.test`, 'Nella casella locale');
    await drain({ transport: null, from: 'noreply@example.test' });
    // A node that died after storing but before marking: the row is "sending" with a lapsed lease.
    await database.db.updateTable('outbox').set({ status: 'sending', lease_until: new Date(Date.now() - 1000) }).where('communication_id', '=', q.id).execute();
    await drain({ transport: null, from: 'noreply@example.test' });
    const box = await database.db.selectFrom('local_mailbox').select(['subject', 'to_address']).where('message_id', '=', q.messageId).execute();
    expect(box).toEqual([{ subject: 'Nella casella locale', to_address: `locale-${t.slug}@example.test` }]);
  });
});

describe('SMTP waits stay inside the outbox lease (a hung server cannot outlive it)', () => {
  it('the transport nodemailer builds is pooled and carries timeouts all shorter than the lease', async () => {
    const transport = smtpTransport(`${smtp.url}?socketTimeout=600000`);
    try {
      const options = (transport.mailer as unknown as { transporter: { options: Record<string, unknown> } }).transporter.options;
      expect(options).toMatchObject({
        host: '127.0.0.1',
        port: Number(new URL(smtp.url).port),
        pool: true,
        maxConnections: 3,
        maxRequeues: 0,
        dnsTimeout: 10_000,
        connectionTimeout: 15_000,
        greetingTimeout: 15_000,
        socketTimeout: 30_000,
      });
      expect(OUTBOX_LEASE_MS).toBe(120_000);
      for (const k of ['dnsTimeout', 'connectionTimeout', 'greetingTimeout', 'socketTimeout', 'idleTimeout'] as const) {
        expect(options[k] as number).toBeLessThan(OUTBOX_LEASE_MS);
      }
      expect(smtpSendDeadlineMs()).toBeLessThan(OUTBOX_LEASE_MS);
    } finally {
      await transport.close();
    }
  });

  // A short lease (a busy test machine still greets within its 375 ms); the timeouts scale with it.
  const leaseMs = 3000;
  const opts = (transport: ReturnType<typeof smtpTransport>) => ({ transport, from: 'noreply@example.test', leaseSeconds: leaseMs / 1000, backoffMs: 1 });

  it('a server that accepts and never greets: the send fails well before the lease, the retry sends it once', async () => {
    const q = await queueMail(`muto-${t.slug}@example.test`, 'Server muto');
    const front = await startSilentFront(smtp.url, 1);
    const transport = smtpTransport(front.url, { leaseMs });
    try {
      const started = Date.now();
      const first = await deliverOutbox(database.db, { ...opts(transport), tenantId: t.tenantId });
      expect(Date.now() - started).toBeLessThan(leaseMs);
      expect(first).toEqual({ sent: 0, retrying: 1, failed: 0 });
      const row = await database.db.selectFrom('outbox').select(['status', 'last_error']).where('communication_id', '=', q.id).executeTakeFirstOrThrow();
      expect(row.status).toBe('pending');
      expect(row.last_error).toMatch(/greeting/i);
      await new Promise((res) => setTimeout(res, 20));
      await drain({ ...opts(transport), tenantId: t.tenantId });
    } finally {
      await transport.close();
      await front.close();
    }
    expect(front.connections()).toBeGreaterThanOrEqual(2);
    expect(mine([q.id])).toHaveLength(1);
    const o = await database.db.selectFrom('outbox').select(['status', 'attempts']).where('communication_id', '=', q.id).executeTakeFirstOrThrow();
    expect(o.status).toBe('sent');
    expect(o.attempts).toBeGreaterThanOrEqual(2);
  });

  it('silence after the data (delivered or not?): no new attempt within the lease, then sent exactly once', async () => {
    const q = await queueMail(`silenzio-${t.slug}@example.test`, 'Dopo i dati');
    smtp.stallNext(1);
    const transport = smtpTransport(smtp.url, { leaseMs });
    try {
      const started = Date.now();
      const first = await deliverOutbox(database.db, { ...opts(transport), tenantId: t.tenantId });
      expect(Date.now() - started).toBeLessThan(leaseMs);
      expect(first).toEqual({ sent: 0, retrying: 1, failed: 0 });
      const failedAt = Date.now();
      // Other deliverers (another node, the next minute's job) find nothing to send within the lease.
      const during = await deliverOutbox(database.db, { ...opts(transport), tenantId: t.tenantId });
      expect(during).toEqual({ sent: 0, retrying: 0, failed: 0 });
      const row = await database.db.selectFrom('outbox').select(['status', 'next_attempt_at']).where('communication_id', '=', q.id).executeTakeFirstOrThrow();
      expect(row.status).toBe('pending');
      expect(new Date(row.next_attempt_at).getTime()).toBeGreaterThanOrEqual(failedAt + leaseMs - 500);
      expect(mine([q.id])).toHaveLength(0);
      await new Promise((res) => setTimeout(res, new Date(row.next_attempt_at).getTime() - Date.now() + 50));
      await drain({ ...opts(transport), tenantId: t.tenantId });
    } finally {
      await transport.close();
    }
    expect(mine([q.id])).toHaveLength(1);
    const o = await database.db.selectFrom('outbox').select(['status', 'attempts']).where('communication_id', '=', q.id).executeTakeFirstOrThrow();
    expect(o).toEqual({ status: 'sent', attempts: 2 });
  });

  it('a message another node took over while this one was busy with the batch is not sent again by this one', async () => {
    const [a, b] = [await queueMail(`primo-${t.slug}@example.test`, 'Primo'), await queueMail(`secondo-${t.slug}@example.test`, 'Secondo')];
    const real = smtpTransport(smtp.url, { leaseMs });
    // While the first message is sent, the batch's lease on the second is taken over by another node
    // (as when a send took long), which sends it itself.
    let first = true;
    const transport: typeof real = {
      ...real,
      async send(mail) {
        if (first) {
          first = false;
          await database.db.updateTable('outbox').set({ attempts: sql`attempts + 1`, lease_until: sql`now() + interval '1 minute'` }).where('communication_id', '=', b.id).execute();
          await real.send({ ...mail, messageId: b.messageId, to: `secondo-${t.slug}@example.test`, subject: 'Secondo' });
        }
        await real.send(mail);
      },
    };
    try {
      const r = await deliverOutbox(database.db, { transport, from: 'noreply@example.test', tenantId: t.tenantId, leaseSeconds: leaseMs / 1000 });
      expect(r).toEqual({ sent: 1, retrying: 0, failed: 0 });
    } finally {
      await real.close();
    }
    expect(mine([a.id]).map((m) => m.subject)).toEqual(['Primo']);
    expect(mine([b.id]).map((m) => m.subject)).toEqual(['Secondo']);
    const other = await database.db.selectFrom('outbox').select(['status', 'attempts']).where('communication_id', '=', b.id).executeTakeFirstOrThrow();
    expect(other).toEqual({ status: 'sending', attempts: 2 });
  });
});
