import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Role } from '../../domain/policies.ts';
import { insertCommunication, insertEmail, insertLetter, insertPhoneTask, sha256, testLetter } from '../../test/communications.ts';
import { auditOf, createTestClaim, createTestDebtor, createTestTenant, type TestTenant } from '../../test/factories.ts';
import { as, clientsFor, MALFORMED_IDS, openApiContext, UNKNOWN_ID, type ApiContext, type Client } from '../../test/http.ts';
import { pdfText } from '../../test/pdf.ts';
import { newSessionToken } from '../../usecases/auth/sessions.ts';
import { recordAudit } from '../../usecases/shared/audit.ts';

let ctx: ApiContext;
let t: TestTenant;

beforeAll(async () => {
  ctx = await openApiContext();
  t = ctx.t;
});
afterAll(async () => {
  vi.useRealTimers();
  await ctx.app.close();
});

const stored = (id: string) =>
  ctx.db.selectFrom('communications').select(['status', 'sha256', 'pdf', 'body_html', 'body_text', 'print_batch_id', 'sent_at']).where('id', '=', id).executeTakeFirstOrThrow();

/** A debtor owing to both creditors of the tenant, and the two claims. */
async function debtorOfBoth(tenant: TestTenant, lastName: string) {
  const d = await createTestDebtor(ctx.db, tenant, { lastName });
  const mine = await createTestClaim(ctx.db, tenant, d.id, { principal: '300.00' });
  const theirs = await createTestClaim(ctx.db, tenant, d.id, { principal: '80.00', creditorId: tenant.otherCreditor.id });
  return { d, mine, theirs };
}

describe('communications API', () => {
  it('should require authentication on every route', async () => {
    for (const [method, url] of [
      ['GET', `/api/debtors/${UNKNOWN_ID}/communications`],
      ['GET', `/api/communications/${UNKNOWN_ID}/document`],
      ['GET', '/api/mailbox'],
      ['GET', '/api/mailbox/1'],
      ['GET', '/api/phone-tasks'],
      ['POST', `/api/phone-tasks/${UNKNOWN_ID}/contacts`],
      ['GET', '/api/print-queue'],
      ['POST', '/api/print-batches'],
      ['GET', '/api/print-batches'],
      ['GET', `/api/print-batches/${UNKNOWN_ID}/pdf`],
      ['GET', `/api/print-batches/${UNKNOWN_ID}/manifest`],
    ] as const) {
      const res = await ctx.app.inject({ method, url, payload: method === 'POST' ? { outcome: 'conversation' } : undefined });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
  });

  it('lists a debtor’s communications newest first, with their claims, and only the viewer’s creditor’s to a viewer', async () => {
    const { d, mine, theirs } = await debtorOfBoth(t, 'Comunicazioni');
    const letter = await insertLetter(ctx.db, t, d.id, { status: 'printed', step_no: 1, step_key: 'soft-1', claims: [{ id: mine.id, totalDue: '300.00' }] });
    const email = await insertEmail(ctx.db, t, d.id, {
      step_no: 2,
      step_key: 'formal-1',
      tier: 'formal',
      amount: '312.40',
      fees: '10.00',
      sent_at: new Date('2026-11-23T09:00:00Z'),
      claims: [{ id: mine.id, stepNo: 2, totalDue: '312.40', fee: '10.00' }],
    });
    const phone = await insertPhoneTask(ctx.db, t, d.id, { creditor_id: t.otherCreditor.id, amount: '80.00', claims: [{ id: theirs.id, stepNo: 1 }] });

    const res = await ctx.operator({ method: 'GET', url: `/api/debtors/${d.id}/communications` });
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page).toMatchObject({ total: 3, page: 1, pageSize: 50 });
    expect(page.items.map((c: { id: string }) => c.id)).toEqual([phone.id, email.id, letter.id]);
    expect(page.items[1]).toEqual({
      id: email.id,
      refNo: email.refNo,
      debtorId: d.id,
      creditorId: t.creditor.id,
      creditorName: t.creditor.name,
      runDate: '2026-11-23',
      stepNo: 2,
      stepKey: 'formal-1',
      tier: 'formal',
      channel: 'email',
      recipient: 'mario.rossi@example.it',
      language: 'it',
      subject: email.mail.subject,
      currency: 'EUR',
      amount: '312.40',
      fees: '10.00',
      postage: '0.00',
      paymentReference: null,
      status: 'sent',
      sha256: sha256(email.mail.html),
      documentType: 'html',
      error: null,
      printBatchId: null,
      createdAt: expect.any(String),
      sentAt: '2026-11-23T09:00:00.000Z',
      claims: [{ claimId: mine.id, externalRef: mine.externalRef, stepNo: 2, stepKey: 'step-2', totalDue: '312.40', fee: '10.00', superseded: false }],
    });
    expect(page.items[2]).toMatchObject({ channel: 'letter', status: 'printed', documentType: 'pdf', sha256: sha256(letter.pdf!), paymentReference: 'RF18539007547034' });
    expect(page.items[0]).toMatchObject({ channel: 'phone_task', status: 'task_open', documentType: null, sha256: null, creditorName: t.otherCreditor.name });

    const viewer = await ctx.viewer({ method: 'GET', url: `/api/debtors/${d.id}/communications` });
    expect(viewer.json().total).toBe(2);
    expect(viewer.json().items.map((c: { id: string }) => c.id)).toEqual([email.id, letter.id]);
    const paged = await ctx.admin({ method: 'GET', url: `/api/debtors/${d.id}/communications?pageSize=1&page=2` });
    expect(paged.json()).toMatchObject({ total: 3, page: 2, pageSize: 1, items: [{ id: email.id }] });

    // A debtor owing nothing to the viewer's creditor, another tenant's debtor, ids that name nothing.
    const elsewhere = await createTestDebtor(ctx.db, t, { lastName: 'Altrove' });
    await createTestClaim(ctx.db, t, elsewhere.id, { creditorId: t.otherCreditor.id });
    expect((await ctx.viewer({ method: 'GET', url: `/api/debtors/${elsewhere.id}/communications` })).statusCode).toBe(404);
    expect((await ctx.outsider({ method: 'GET', url: `/api/debtors/${d.id}/communications` })).statusCode).toBe(404);
    for (const id of [UNKNOWN_ID, ...MALFORMED_IDS]) {
      expect((await ctx.admin({ method: 'GET', url: `/api/debtors/${id}/communications` })).statusCode, id).toBe(404);
    }
  });

  it('shows communications in the debtor’s history, in place of their creation event, filtered for a viewer', async () => {
    const { d, mine } = await debtorOfBoth(t, 'Cronologia');
    const email = await insertEmail(ctx.db, t, d.id, { claims: [{ id: mine.id }] });
    await recordAudit(ctx.db, t.users.operator.actor, {
      action: 'communication.created',
      entityType: 'communication',
      entityId: email.id,
      debtorId: d.id,
      creditorId: t.creditor.id,
      after: { channel: 'email' },
    });
    await recordAudit(ctx.db, t.users.operator.actor, {
      action: 'communication.sent',
      entityType: 'communication',
      entityId: email.id,
      debtorId: d.id,
      creditorId: t.creditor.id,
      after: { via: 'local' },
    });
    // Later by a second: PGlite's clock counts milliseconds, and rows of one millisecond tie.
    const phone = await insertPhoneTask(ctx.db, t, d.id, { creditor_id: t.otherCreditor.id, created_at: new Date(Date.now() + 1000) });

    const h = (await ctx.admin({ method: 'GET', url: `/api/debtors/${d.id}/history` })).json();
    expect(h.items.slice(0, 3).map((i: { type: string; action: string; entityId: string }) => [i.type, i.action, i.entityId])).toEqual([
      ['communication', 'communication.created', phone.id],
      ['audit', 'communication.sent', email.id],
      ['communication', 'communication.created', email.id],
    ]);
    expect(h.items.filter((i: { action: string }) => i.action === 'communication.created')).toHaveLength(2);
    const item = h.items[2];
    expect(item).toMatchObject({ id: `c${email.id}`, actor: `operator ${t.slug}`, body: email.mail.subject, before: null, after: null });
    expect(item.communication).toMatchObject({ id: email.id, channel: 'email', status: 'sent', sha256: sha256(email.mail.html), claims: [{ claimId: mine.id }] });
    expect(h.items[1].communication).toBeNull();
    expect(h.items[0]).toMatchObject({ actor: 'system', communication: { id: phone.id, channel: 'phone_task' } });

    const viewer = (await ctx.viewer({ method: 'GET', url: `/api/debtors/${d.id}/history` })).json();
    const ids = viewer.items.map((i: { entityId: string }) => i.entityId);
    expect(ids).toContain(email.id);
    expect(ids).not.toContain(phone.id);
  });

  it('downloads each stored document byte-identical, with its type, as an attachment, and the stored SHA-256', async () => {
    const { d } = await debtorOfBoth(t, 'Documenti');
    const letter = await insertLetter(ctx.db, t, d.id, { status: 'printed', letter: testLetter({ recipient: 'Niccolò Sàntoro', documentId: 'C-DOC-1' }) });
    const email = await insertEmail(ctx.db, t, d.id);
    const phone = await insertPhoneTask(ctx.db, t, d.id, { statement: true });
    for (const [c, type, ext] of [
      [letter, 'application/pdf', 'pdf'],
      [email, 'text/html; charset=utf-8', 'html'],
      [phone, 'application/pdf', 'pdf'],
    ] as const) {
      const res = await ctx.viewer({ method: 'GET', url: `/api/communications/${c.id}/document` });
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
      const row = await stored(c.id);
      const original = row.pdf ?? Buffer.from(row.body_html ?? '', 'utf8');
      expect(Buffer.compare(res.rawPayload, original), ext).toBe(0);
      expect(sha256(res.rawPayload)).toBe(row.sha256);
      expect(res.headers['x-content-sha256']).toBe(row.sha256);
      expect(res.headers['content-type']).toBe(type);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="comunicazione-${c.refNo}-${c.row.channel}.${ext}"`);
    }
    expect(pdfText((await ctx.admin({ method: 'GET', url: `/api/communications/${letter.id}/document` })).rawPayload)).toContain('Niccolò Sàntoro');

    // Another creditor's communication for a viewer, another tenant, ids that name nothing, no document.
    const theirs = await insertEmail(ctx.db, t, d.id, { creditor_id: t.otherCreditor.id });
    expect((await ctx.viewer({ method: 'GET', url: `/api/communications/${theirs.id}/document` })).statusCode).toBe(404);
    expect((await ctx.outsider({ method: 'GET', url: `/api/communications/${email.id}/document` })).statusCode).toBe(404);
    for (const id of [UNKNOWN_ID, ...MALFORMED_IDS]) {
      expect((await ctx.admin({ method: 'GET', url: `/api/communications/${id}/document` })).statusCode, id).toBe(404);
    }
    // Nothing stored (yet): a letter waiting for its PDF, a phone task with only its script.
    const unrendered = await insertLetter(ctx.db, t, d.id, { rendered: false });
    const script = await insertPhoneTask(ctx.db, t, d.id);
    for (const c of [unrendered, script]) {
      const none = await ctx.admin({ method: 'GET', url: `/api/communications/${c.id}/document` });
      expect(none.statusCode).toBe(404);
      expect(none.json().error.message).toContain('Documento');
    }
  });

  it('reads the local mailbox newest first, each message with its bodies, a viewer only its creditor’s', async () => {
    const { d } = await debtorOfBoth(t, 'Posta');
    const tag = `posta${Date.now()}`;
    const first = await insertEmail(ctx.db, t, d.id, { to: `${tag}.uno@example.it`, inMailbox: true });
    const second = await insertEmail(ctx.db, t, d.id, { to: `${tag}.due@example.it`, inMailbox: true, creditor_id: t.otherCreditor.id });
    await insertEmail(ctx.db, t, d.id, { to: `${tag}.non-consegnata@example.it`, status: 'queued' });

    const list = await ctx.operator({ method: 'GET', url: `/api/mailbox?q=${tag}` });
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(2);
    const items = list.json().items;
    expect(items.map((m: { to: string }) => m.to)).toEqual([`${tag}.due@example.it`, `${tag}.uno@example.it`]);
    expect(items[1]).toEqual({
      id: expect.stringMatching(/^\d+$/),
      messageId: first.messageId,
      to: `${tag}.uno@example.it`,
      subject: first.mail.subject,
      receivedAt: expect.any(String),
      hasHtml: true,
      communicationId: first.id,
      debtorId: d.id,
      debtorName: d.displayName,
    });
    const message = await ctx.operator({ method: 'GET', url: `/api/mailbox/${items[1].id}` });
    expect(message.statusCode).toBe(200);
    expect(message.json()).toEqual({ ...items[1], bodyText: first.mail.text, bodyHtml: first.mail.html });

    const viewerList = await ctx.viewer({ method: 'GET', url: `/api/mailbox?q=${tag}` });
    expect(viewerList.json().items.map((m: { communicationId: string }) => m.communicationId)).toEqual([first.id]);
    expect((await ctx.viewer({ method: 'GET', url: `/api/mailbox/${items[0].id}` })).statusCode).toBe(404);
    expect(items[0].communicationId).toBe(second.id);

    expect((await ctx.outsider({ method: 'GET', url: `/api/mailbox?q=${tag}` })).json().total).toBe(0);
    for (const id of [items[1].id, '999999999999', 'abc', '0', '1e3', ...MALFORMED_IDS]) {
      expect((await ctx.outsider({ method: 'GET', url: `/api/mailbox/${id}` })).statusCode, id).toBe(404);
    }
  });
});

describe('phone tasks', () => {
  let pt: TestTenant;
  beforeAll(async () => {
    pt = await createTestTenant(ctx.db);
  });

  /**
   * Runs requests as if it were `instant` (the route reads the real clock): the JS clock is moved —
   * and PGlite's with it, so each role gets a session opened by the database at that moment.
   */
  async function at<T>(instant: string, fn: (c: Record<Role, Client>) => Promise<T>): Promise<T> {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(instant));
    try {
      const clients = {} as Record<Role, Client>;
      for (const role of ['admin', 'supervisor', 'operator', 'viewer'] as const) {
        const { token, hash } = newSessionToken();
        await ctx.db
          .insertInto('sessions')
          .values({ token_hash: hash, user_id: pt.users[role].id, tenant_id: pt.tenantId, created_at: sql`now()`, expires_at: sql`now() + interval '1 day'` })
          .execute();
        clients[role] = as(ctx.app, `incasso_session=${token}`);
      }
      return await fn(clients);
    } finally {
      vi.useRealTimers();
    }
  }

  const logOf = (taskId: string) =>
    ctx.db
      .selectFrom('contact_log')
      .select(['kind', 'allowed', 'reason', 'local_date', 'local_time', 'channel', 'actor_label', 'communication_id'])
      .where('communication_id', '=', taskId)
      .orderBy('id')
      .execute();

  it('lists open tasks with whether a call is permitted now, the next slot and 14 days of windows', async () => {
    const { d, mine } = await debtorOfBoth(pt, 'Telefono');
    const task = await insertPhoneTask(ctx.db, pt, d.id, { claims: [{ id: mine.id }] });
    await insertPhoneTask(ctx.db, pt, d.id, { status: 'task_done', step_no: 5 });

    const sunday = await at('2026-11-29T10:00:00+01:00', (c) => c.viewer({ method: 'GET', url: `/api/phone-tasks?debtorId=${d.id}` }));
    expect(sunday.statusCode, sunday.body).toBe(200);
    const body = sunday.json();
    expect(body.now).toEqual({ date: '2026-11-29', time: '10:00' });
    expect(body.timeZone).toBe('Europe/Rome');
    expect(body.days).toHaveLength(14);
    expect(body.days[0]).toEqual({ date: '2026-11-29', holiday: null, windows: [] });
    expect(body.days[1]).toEqual({ date: '2026-11-30', holiday: null, windows: [{ from: '08:30', to: '21:00' }] });
    expect(body.days[6]).toEqual({ date: '2026-12-05', holiday: null, windows: [{ from: '08:30', to: '15:00' }] });
    expect(body.days[9]).toEqual({ date: '2026-12-08', holiday: 'Immacolata Concezione', windows: [] });
    expect(body.total).toBe(1);
    expect(body.tasks).toEqual([
      {
        id: task.id,
        refNo: task.refNo,
        debtorId: d.id,
        debtorName: d.displayName,
        creditorId: pt.creditor.id,
        creditorName: pt.creditor.name,
        recipient: '+393331234567',
        contactId: null,
        subject: 'Telefonata: proposta di accordo',
        tier: 'negotiation',
        stepNo: 4,
        runDate: '2026-11-23',
        currency: 'EUR',
        amount: '100.00',
        fees: '0.00',
        createdAt: expect.any(String),
        permittedNow: false,
        blockedNow: { code: 'closed_day', message: 'Nessuna fascia oraria per le telefonate in questo giorno' },
        nextSlot: { date: '2026-11-30', time: '08:30' },
        blockedDays: [],
        claims: [{ claimId: mine.id, externalRef: mine.externalRef }],
      },
    ]);

    const tuesday = await at('2026-11-24T10:00:00+01:00', (c) => c.operator({ method: 'GET', url: `/api/phone-tasks?debtorId=${d.id}` }));
    expect(tuesday.json().tasks[0]).toMatchObject({ permittedNow: true, blockedNow: null, nextSlot: { date: '2026-11-24', time: '10:00' } });
    const evening = await at('2026-11-24T21:00:00+01:00', (c) => c.operator({ method: 'GET', url: `/api/phone-tasks?debtorId=${d.id}` }));
    expect(evening.json().tasks[0]).toMatchObject({ permittedNow: false, blockedNow: { code: 'outside_window' }, nextSlot: { date: '2026-11-25', time: '08:30' } });

    // Outsiders see none of it; a viewer does not see another creditor's tasks.
    await insertPhoneTask(ctx.db, pt, d.id, { creditor_id: pt.otherCreditor.id, step_no: 6 });
    expect((await ctx.outsider({ method: 'GET', url: `/api/phone-tasks?debtorId=${d.id}` })).json().tasks).toEqual([]);
    const viewer = await at('2026-11-24T10:00:00+01:00', (c) => c.viewer({ method: 'GET', url: `/api/phone-tasks?debtorId=${d.id}` }));
    expect(viewer.json().tasks.map((x: { id: string }) => x.id)).toEqual([task.id]);
    const admin = await at('2026-11-24T10:00:00+01:00', (c) => c.admin({ method: 'GET', url: `/api/phone-tasks?debtorId=${d.id}` }));
    expect(admin.json().total).toBe(2);
  });

  it('refuses a call on a Sunday, on an Italian holiday and outside the hours with 422, logging each refused attempt', async () => {
    const { d } = await debtorOfBoth(pt, 'Rifiuti');
    const task = await insertPhoneTask(ctx.db, pt, d.id);
    const cases = [
      ['2026-11-29T10:00:00+01:00', 'closed_day', '2026-11-29', '10:00', 'Nessuna fascia oraria', '2026-11-30 08:30'],
      ['2026-12-08T10:00:00+01:00', 'holiday', '2026-12-08', '10:00', 'Immacolata Concezione', '2026-12-09 08:30'],
      ['2026-11-24T22:00:00+01:00', 'outside_window', '2026-11-24', '22:00', '08:30–21:00', '2026-11-25 08:30'],
      ['2026-11-24T08:29:00+01:00', 'outside_window', '2026-11-24', '08:29', '08:30–21:00', '2026-11-24 08:30'],
      ['2026-11-28T15:00:00+01:00', 'outside_window', '2026-11-28', '15:00', '08:30–15:00', '2026-11-30 08:30'],
      // Easter Monday: a holiday that moves.
      ['2027-03-29T11:00:00+02:00', 'holiday', '2027-03-29', '11:00', 'Lunedì dell’Angelo', '2027-03-30 08:30'],
    ] as const;
    for (const [instant, code, date, time, says, next] of cases) {
      const res = await at(instant, (c) => c.operator({ method: 'POST', url: `/api/phone-tasks/${task.id}/contacts`, payload: { outcome: 'conversation', note: 'ha risposto' } }));
      expect(res.statusCode, instant).toBe(422);
      expect(res.json().error).toMatchObject({ code: 'contact_refused', fields: [{ path: code }] });
      expect(res.json().error.message).toContain(says);
      expect(res.json().error.message).toContain(`. Prossima fascia consentita: ${next.replace(/^(\d{4})-(\d{2})-(\d{2})/, '$3/$2/$1')}.`);
      expect(res.json().error.messageCode).toBe('dunning.call_refused_next');
      const log = (await logOf(task.id)).at(-1);
      expect(log).toEqual({
        kind: 'phone_attempt',
        allowed: false,
        reason: expect.stringMatching(/^i18n:dunning\./),
        local_date: date,
        local_time: time,
        channel: 'phone_task',
        actor_label: `user:${pt.users.operator.email}`,
        communication_id: task.id,
      });
    }
    expect(await logOf(task.id)).toHaveLength(cases.length);
    expect((await stored(task.id)).status).toBe('task_open');
    const audit = await auditOf(ctx.db, pt.tenantId, task.id);
    expect(audit.map((a) => a.action)).toEqual(cases.map(() => 'communication.phone_contact_refused'));
    expect(audit[0]).toMatchObject({ debtor_id: d.id, creditor_id: pt.creditor.id, after: { code: 'closed_day', localDate: '2026-11-29', nextSlot: { date: '2026-11-30', time: '08:30' } } });
  });

  it('records an allowed call, closes the task on a conversation, and holds the debtor to one conversation a day', async () => {
    const { d } = await debtorOfBoth(pt, 'Limite');
    const first = await insertPhoneTask(ctx.db, pt, d.id);
    const second = await insertPhoneTask(ctx.db, pt, d.id, { creditor_id: pt.otherCreditor.id, step_no: 5 });

    // No answer: an attempt; the task stays open and a conversation is still allowed.
    const missed = await at('2026-11-24T09:15:00+01:00', (c) => c.operator({ method: 'POST', url: `/api/phone-tasks/${first.id}/contacts`, payload: { outcome: 'no_answer' } }));
    expect(missed.statusCode, missed.body).toBe(201);
    expect(missed.json()).toMatchObject({ outcome: 'no_answer', at: { date: '2026-11-24', time: '09:15' }, task: { id: first.id, status: 'task_open' } });

    const talk = await at('2026-11-24T10:00:00+01:00', (c) =>
      c.operator({ method: 'POST', url: `/api/phone-tasks/${first.id}/contacts`, payload: { outcome: 'conversation', note: 'Promette di pagare venerdì' } }),
    );
    expect(talk.statusCode, talk.body).toBe(201);
    expect(talk.json()).toMatchObject({ outcome: 'conversation', at: { date: '2026-11-24', time: '10:00' }, task: { id: first.id, status: 'task_done', debtorId: d.id } });
    const row = await stored(first.id);
    expect(row.status).toBe('task_done');
    expect(row.sent_at?.toISOString()).toBe('2026-11-24T09:00:00.000Z');
    expect((await logOf(first.id)).map((l) => [l.kind, l.allowed, l.reason, l.local_time])).toEqual([
      ['phone_attempt', true, null, '09:15'],
      ['conversation', true, null, '10:00'],
    ]);
    const audit = await auditOf(ctx.db, pt.tenantId, first.id);
    expect(audit.map((a) => a.action)).toEqual(['communication.phone_contact_recorded', 'communication.phone_contact_recorded']);
    expect(audit[1]).toMatchObject({
      debtor_id: d.id,
      before: { status: 'task_open' },
      after: { status: 'task_done', outcome: 'conversation', note: 'Promette di pagare venerdì', localDate: '2026-11-24', localTime: '10:00' },
    });

    // The same debtor, another task, the same day: the day's conversation has been had.
    const again = await at('2026-11-24T11:00:00+01:00', (c) => c.operator({ method: 'POST', url: `/api/phone-tasks/${second.id}/contacts`, payload: { outcome: 'conversation' } }));
    expect(again.statusCode).toBe(422);
    expect(again.json().error.message).toContain('Conversazioni oggi: 1 su un massimo di 1');
    expect(again.json().error.fields[0]).toMatchObject({ path: 'daily_limit', messageCode: 'dunning.daily_conversations', params: { count: 1, max: 1 } });
    expect(again.json().error.message).toContain('25/11/2026 08:30');
    expect((await logOf(second.id)).map((l) => [l.kind, l.allowed, l.reason?.split(' ')[0]])).toEqual([['phone_attempt', false, 'i18n:dunning.daily_conversations']]);
    const listed = await at('2026-11-24T11:00:00+01:00', (c) => c.admin({ method: 'GET', url: `/api/phone-tasks?debtorId=${d.id}` }));
    expect(listed.json().tasks).toMatchObject([
      { id: second.id, permittedNow: false, blockedNow: { code: 'daily_limit' }, nextSlot: { date: '2026-11-25', time: '08:30' }, blockedDays: [{ date: '2026-11-24', code: 'daily_limit' }] },
    ]);
    // The next day it is allowed again.
    const tomorrow = await at('2026-11-25T08:30:00+01:00', (c) => c.operator({ method: 'POST', url: `/api/phone-tasks/${second.id}/contacts`, payload: { outcome: 'refused' } }));
    expect(tomorrow.statusCode, tomorrow.body).toBe(201);
    expect(tomorrow.json().task.status).toBe('task_done');

    // A closed task takes no more calls.
    const closed = await at('2026-11-26T10:00:00+01:00', (c) => c.operator({ method: 'POST', url: `/api/phone-tasks/${first.id}/contacts`, payload: { outcome: 'conversation' } }));
    expect(closed.statusCode).toBe(409);
  });

  it('lets no viewer record a call, answers 404 to outsiders, and validates the outcome, logging nothing', async () => {
    const { d } = await debtorOfBoth(pt, 'Permessi');
    const task = await insertPhoneTask(ctx.db, pt, d.id);
    const theirs = await insertPhoneTask(ctx.db, pt, d.id, { creditor_id: pt.otherCreditor.id, step_no: 5 });
    await at('2026-11-24T10:00:00+01:00', async (c) => {
      const viewer = await c.viewer({ method: 'POST', url: `/api/phone-tasks/${task.id}/contacts`, payload: { outcome: 'conversation' } });
      expect(viewer.statusCode).toBe(403);
      expect((await c.viewer({ method: 'POST', url: `/api/phone-tasks/${theirs.id}/contacts`, payload: { outcome: 'conversation' } })).statusCode).toBe(404);
      const bad = await c.operator({ method: 'POST', url: `/api/phone-tasks/${task.id}/contacts`, payload: { outcome: 'voicemail' } });
      expect(bad.statusCode).toBe(400);
      const extra = await c.operator({ method: 'POST', url: `/api/phone-tasks/${task.id}/contacts`, payload: { outcome: 'conversation', at: '2026-11-24T10:00' } });
      expect(extra.statusCode).toBe(400);
      for (const id of [UNKNOWN_ID, ...MALFORMED_IDS]) {
        expect((await c.operator({ method: 'POST', url: `/api/phone-tasks/${id}/contacts`, payload: { outcome: 'conversation' } })).statusCode, id).toBe(404);
      }
      // A letter is not a phone task.
      const letter = await insertCommunication(ctx.db, pt, d.id, { status: 'to_print', step_no: 7 });
      expect((await c.operator({ method: 'POST', url: `/api/phone-tasks/${letter.id}/contacts`, payload: { outcome: 'conversation' } })).statusCode).toBe(404);
    });
    expect((await ctx.outsider({ method: 'POST', url: `/api/phone-tasks/${task.id}/contacts`, payload: { outcome: 'conversation' } })).statusCode).toBe(404);
    expect(await logOf(task.id)).toEqual([]);
    expect((await stored(task.id)).status).toBe('task_open');
  });

  /** A debtor with an open claim at the phone step, its phone numbers as contacts, and a task calling the first. */
  async function debtorToCall(lastName: string, numbers: string[]) {
    const { d, mine, theirs } = await debtorOfBoth(pt, lastName);
    await ctx.db.updateTable('claims').set({ dunning_step_no: 4, dunning_step_key: 'phone-1', next_action_on: '2026-12-10' }).where('id', 'in', [mine.id, theirs.id]).execute();
    const contacts = [];
    for (const value of numbers) {
      contacts.push(await ctx.db.insertInto('contacts').values({ tenant_id: pt.tenantId, debtor_id: d.id, channel: 'mobile', value, status: 'valid' }).returning('id').executeTakeFirstOrThrow());
    }
    const task = await insertPhoneTask(ctx.db, pt, d.id, { contact_id: contacts[0]!.id, recipient: numbers[0]!, claims: [{ id: mine.id }] });
    return { d, mine, theirs, contacts, task };
  }
  let ptOperator: Client | undefined;
  const skipTracing = async (debtorId: string) => {
    const operator = (ptOperator ??= (await clientsFor(ctx.app, pt)).operator);
    const res = await operator({ method: 'GET', url: '/api/skip-tracing?pageSize=100' });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { items: { debtorId: string }[] }).items.some((i) => i.debtorId === debtorId);
  };

  it('"Numero errato": the number becomes invalid, the debtor leaves the task list and, with no number left, joins the skip-tracing list', async () => {
    const { d, mine, theirs, contacts, task } = await debtorToCall('Sbagliato', ['+393331112233']);
    // The other creditor's task calls the same number: it goes too.
    const other = await insertPhoneTask(ctx.db, pt, d.id, { creditor_id: pt.otherCreditor.id, contact_id: contacts[0]!.id, recipient: '+393331112233', claims: [{ id: theirs.id }] });
    expect(await skipTracing(d.id)).toBe(false);

    const res = await at('2026-11-24T10:00:00+01:00', (c) =>
      c.operator({ method: 'POST', url: `/api/phone-tasks/${task.id}/contacts`, payload: { outcome: 'wrong_number', note: 'Risponde un negozio' } }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ outcome: 'wrong_number', task: { id: task.id, status: 'failed' }, contactInvalidated: contacts[0]!.id, tasksClosed: [task.id, other.id].sort() });

    const contact = await ctx.db.selectFrom('contacts').select(['status', 'valid_to', 'version']).where('id', '=', contacts[0]!.id).executeTakeFirstOrThrow();
    expect(contact).toEqual({ status: 'invalid', valid_to: '2026-11-24', version: 2 });
    const contactAudit = await auditOf(ctx.db, pt.tenantId, contacts[0]!.id);
    expect(contactAudit).toMatchObject([
      { action: 'contact.invalidated', debtor_id: d.id, before: { status: 'valid', validTo: null }, after: { status: 'invalid', validTo: '2026-11-24', reason: 'wrong_number', note: 'Risponde un negozio', communicationId: task.id } },
    ]);
    for (const id of [task.id, other.id]) expect((await stored(id)).status).toBe('failed');
    // The reason is stored coded and shown in the reader's language.
    const error = await ctx.db.selectFrom('communications').select('error').where('id', '=', task.id).executeTakeFirstOrThrow();
    expect(error.error).toBe('i18n:dunning.wrong_number');
    const shown = async (lang: string) =>
      (await at('2026-11-24T10:01:00+01:00', (c) => c.operator({ method: 'GET', url: `/api/debtors/${d.id}/communications`, headers: { 'accept-language': lang } })))
        .json()
        .items.find((i: { id: string }) => i.id === task.id)?.error;
    expect(await shown('it')).toBe('Numero errato');
    expect(await shown('de')).toBe('Falsche Nummer');
    expect((await auditOf(ctx.db, pt.tenantId, task.id)).map((a) => [a.action, a.after])).toEqual([
      ['communication.phone_contact_recorded', expect.objectContaining({ status: 'failed', outcome: 'wrong_number', localDate: '2026-11-24', localTime: '10:00' })],
    ]);
    expect((await logOf(task.id)).map((l) => [l.kind, l.allowed, l.local_time])).toEqual([['phone_attempt', true, '10:00']]);
    // The phone step no longer counts as done: the next tick takes the next usable channel.
    const claims = await ctx.db.selectFrom('claims').select(['id', 'dunning_step_no']).where('id', 'in', [mine.id, theirs.id]).orderBy('id').execute();
    expect(claims.every((c) => c.dunning_step_no === 0)).toBe(true);

    const listed = await at('2026-11-24T10:05:00+01:00', (c) => c.operator({ method: 'GET', url: `/api/phone-tasks?debtorId=${d.id}` }));
    expect(listed.json().tasks).toEqual([]);
    expect(await skipTracing(d.id)).toBe(true);
    // Closed: no second outcome.
    const again = await at('2026-11-24T10:10:00+01:00', (c) => c.operator({ method: 'POST', url: `/api/phone-tasks/${task.id}/contacts`, payload: { outcome: 'wrong_number' } }));
    expect(again.statusCode).toBe(409);
  });

  it('"Numero errato" with another number left: that one stays valid and the debtor is not on the skip-tracing list', async () => {
    const { d, contacts, task } = await debtorToCall('DueNumeri', ['+393334445566', '+41791234567']);
    const res = await at('2026-11-24T11:00:00+01:00', (c) => c.operator({ method: 'POST', url: `/api/phone-tasks/${task.id}/contacts`, payload: { outcome: 'wrong_number' } }));
    expect(res.statusCode, res.body).toBe(201);
    const rows = await ctx.db.selectFrom('contacts').select(['id', 'status']).where('debtor_id', '=', d.id).execute();
    expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual({ [contacts[0]!.id]: 'invalid', [contacts[1]!.id]: 'valid' });
    expect(await skipTracing(d.id)).toBe(false);
  });
});

describe('print batches', () => {
  let bt: TestTenant;
  let c: Record<Role, Client>;
  beforeAll(async () => {
    bt = await createTestTenant(ctx.db);
    c = await clientsFor(ctx.app, bt);
  });

  it('lays the waiting letters into one PDF with its manifest, marks them printed, and serves both byte-identical', async () => {
    const a = await debtorOfBoth(bt, 'Alfa');
    const b = await debtorOfBoth(bt, 'Beta');
    const la = await insertLetter(ctx.db, bt, a.d.id, { letter: testLetter({ recipient: 'Anna Alfa', documentId: 'C-PB-1' }) });
    const lb = await insertLetter(ctx.db, bt, b.d.id, { letter: testLetter({ recipient: 'Bruno Beta', documentId: 'C-PB-2' }), channel: 'registered_letter' });
    const other = await insertLetter(ctx.db, bt, a.d.id, { letter: testLetter({ recipient: 'Carla Gamma', documentId: 'C-PB-3', swiss: true }), creditor_id: bt.otherCreditor.id });
    const unprintable = await insertLetter(ctx.db, bt, b.d.id, { keepLetter: false });
    // Its PDF not rendered yet: the batch lays it out from the letter all the same.
    const unrendered = await insertLetter(ctx.db, bt, b.d.id, { letter: testLetter({ recipient: 'Dario Delta', documentId: 'C-PB-4' }), rendered: false, creditor_id: bt.otherCreditor.id });
    await insertLetter(ctx.db, bt, b.d.id, { status: 'printed' });

    const queue = await c.operator({ method: 'GET', url: '/api/print-queue' });
    expect(queue.statusCode).toBe(200);
    expect(queue.json().total).toBe(5);
    expect(queue.json().items.map((i: { id: string; printable: boolean }) => [i.id, i.printable])).toEqual([
      [la.id, true],
      [lb.id, true],
      [other.id, true],
      [unprintable.id, false],
      [unrendered.id, true],
    ]);
    expect(queue.json().items[1]).toMatchObject({ channel: 'registered_letter', debtorName: b.d.displayName, creditorName: bt.creditor.name, amount: '1234.56', currency: 'EUR' });
    expect((await c.viewer({ method: 'GET', url: '/api/print-queue' })).json().items.map((i: { id: string }) => i.id)).toEqual([la.id, lb.id, unprintable.id]);

    const denied = await c.viewer({ method: 'POST', url: '/api/print-batches', payload: {} });
    expect(denied.statusCode).toBe(403);

    const res = await c.operator({ method: 'POST', url: '/api/print-batches', payload: { creditorId: bt.creditor.id } });
    expect(res.statusCode, res.body).toBe(201);
    const batch = res.json();
    const pdf = await c.operator({ method: 'GET', url: `/api/print-batches/${batch.id}/pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe(`attachment; filename="lotto-stampa-${batch.refNo}.pdf"`);
    const text = pdfText(pdf.rawPayload);
    const pages = text.split('\f').filter((p) => p.trim() !== '').length;
    expect(batch).toEqual({
      id: expect.any(String),
      refNo: expect.stringMatching(/^\d+$/),
      letters: 2,
      pages,
      duplex: false,
      pdfSha256: sha256(pdf.rawPayload),
      pdfBytes: pdf.rawPayload.length,
      manifestSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      createdBy: `operator ${bt.slug}`,
      createdAt: expect.any(String),
    });
    expect(pdf.headers['x-content-sha256']).toBe(batch.pdfSha256);
    expect(text.indexOf('Anna Alfa')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('Bruno Beta')).toBeGreaterThan(text.indexOf('Anna Alfa'));
    expect(text).not.toContain('Carla Gamma');
    const stored0 = await ctx.db.selectFrom('print_batches').select(['pdf', 'manifest', 'manifest_sha256']).where('id', '=', batch.id).executeTakeFirstOrThrow();
    expect(Buffer.compare(pdf.rawPayload, stored0.pdf)).toBe(0);

    const manifest = await c.viewer({ method: 'GET', url: `/api/print-batches/${batch.id}/manifest` });
    expect(manifest.statusCode).toBe(200);
    expect(manifest.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(manifest.headers['x-content-sha256']).toBe(batch.manifestSha256);
    expect(sha256(manifest.rawPayload)).toBe(batch.manifestSha256);
    expect(manifest.rawPayload.toString('utf8')).toBe(stored0.manifest);
    const lines = stored0.manifest.trimEnd().split('\r\n');
    // The header row in the user's language (the test users are Italian), never internal field names.
    expect(lines[0]).toBe('Documento;Destinatario;Indirizzo;CAP;Località;Paese;Prima pagina;Pagine;Fogli;Valuta;Importo');
    expect(lines.slice(1).map((l) => l.split(';')[0])).toEqual(['C-PB-1', 'C-PB-2']);
    // The same letter twice: each has half the pages.
    const each = pages / 2;
    expect(lines.slice(1)).toEqual([
      `C-PB-1;Anna Alfa;"Via Sant’Agnese 7, Scala B, interno 12";10121;Torino TO;IT;1;${each};${each};EUR;1234.56`,
      `C-PB-2;Bruno Beta;"Via Sant’Agnese 7, Scala B, interno 12";10121;Torino TO;IT;${each + 1};${each};${each};EUR;1234.56`,
    ]);

    for (const [id, status, batchId] of [
      [la.id, 'printed', batch.id],
      [lb.id, 'printed', batch.id],
      [other.id, 'to_print', null],
      [unprintable.id, 'to_print', null],
      [unrendered.id, 'to_print', null],
    ] as const) {
      const row = await stored(id);
      expect([row.status, row.print_batch_id], id).toEqual([status, batchId]);
    }
    expect((await auditOf(ctx.db, bt.tenantId, batch.id)).map((e) => e.action)).toEqual(['print_batch.created']);
    expect(await auditOf(ctx.db, bt.tenantId, la.id)).toEqual([
      {
        action: 'communication.printed',
        entity_type: 'communication',
        debtor_id: a.d.id,
        creditor_id: bt.creditor.id,
        before: { status: 'to_print' },
        after: { status: 'printed', printBatchId: batch.id, printBatchRefNo: batch.refNo },
        actor_label: `user:${bt.users.operator.email}`,
      },
    ]);

    // Nothing left for that creditor; the rest, in duplex: every letter an even number of pages.
    const nothing = await c.operator({ method: 'POST', url: '/api/print-batches', payload: { creditorId: bt.creditor.id } });
    expect(nothing.statusCode).toBe(409);
    const duplex = await c.supervisor({ method: 'POST', url: '/api/print-batches', payload: { duplex: true } });
    expect(duplex.statusCode, duplex.body).toBe(201);
    expect(duplex.json()).toMatchObject({ letters: 2, duplex: true });
    expect(duplex.json().pages % 2).toBe(0);
    expect((await stored(other.id)).status).toBe('printed');
    expect(await stored(unrendered.id)).toMatchObject({ status: 'printed', print_batch_id: duplex.json().id, pdf: null, sha256: null });
    const duplexText = pdfText((await c.supervisor({ method: 'GET', url: `/api/print-batches/${duplex.json().id}/pdf` })).rawPayload);
    expect(duplexText).toContain('Carla Gamma');
    expect(duplexText).toContain('Dario Delta');

    const list = await c.admin({ method: 'GET', url: '/api/print-batches' });
    expect(list.json().items.map((x: { id: string }) => x.id)).toEqual([duplex.json().id, batch.id]);
    // A viewer sees only batches holding nothing but its creditor's letters.
    expect((await c.viewer({ method: 'GET', url: '/api/print-batches' })).json().items.map((x: { id: string }) => x.id)).toEqual([batch.id]);
    expect((await c.viewer({ method: 'GET', url: `/api/print-batches/${duplex.json().id}/pdf` })).statusCode).toBe(404);

    // Another tenant sees nothing and cannot take this tenant's letters.
    expect((await ctx.outsider({ method: 'GET', url: '/api/print-batches' })).json().items.map((x: { id: string }) => x.id)).not.toContain(batch.id);
    for (const file of ['pdf', 'manifest']) {
      expect((await ctx.outsider({ method: 'GET', url: `/api/print-batches/${batch.id}/${file}` })).statusCode).toBe(404);
      for (const id of [UNKNOWN_ID, ...MALFORMED_IDS]) expect((await c.admin({ method: 'GET', url: `/api/print-batches/${id}/${file}` })).statusCode, id).toBe(404);
    }
    const foreign = await ctx.outsider({ method: 'POST', url: '/api/print-batches', payload: { creditorId: bt.creditor.id } });
    expect(foreign.statusCode).toBe(404);
    expect((await stored(unprintable.id)).status).toBe('to_print');

    // The debtor's history shows the letter as printed.
    const history = (await c.operator({ method: 'GET', url: `/api/debtors/${a.d.id}/history` })).json();
    expect(history.items.find((i: { id: string }) => i.id === `c${la.id}`).communication).toMatchObject({ status: 'printed', printBatchId: batch.id });
  });

  it('refuses bad input', async () => {
    const res = await c.operator({ method: 'POST', url: '/api/print-batches', payload: { duplex: 'yes', limit: 0 } });
    expect(res.statusCode).toBe(400);
  });
});
