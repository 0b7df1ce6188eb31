import { createHash } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { DB } from '../db/schema.ts';
import { uuid7 } from '../db/uuid7.ts';
import { renderEmail, renderLetterPdf, type LetterInput } from '../integrations/letters/index.ts';
import { italianLetter, swissGermanLetter } from '../integrations/letters/test-fixtures.ts';
import type { TestTenant } from './factories.ts';

/**
 * Communications as the dunning engine writes them, for tests of what is done with them afterwards
 * (history, downloads, mailbox, phone tasks, print batches). Documents come from the real renderers;
 * the SHA-256 is the engine's: of the PDF, else of the HTML e-mail as UTF-8, and none without either
 * (a letter not rendered yet — the table checks it).
 */

type Row = Insertable<DB['communications']>;
export type CommunicationOverrides = Partial<Omit<Row, 'tenant_id' | 'debtor_id'>> & {
  /** Claims the communication was for (linked at the communication's step unless `stepNo` says otherwise). */
  claims?: { id: string; stepNo?: number; totalDue?: string; fee?: string | null }[];
};

export const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** Inserts one communication (and its claim links) for a debtor of the tenant; returns its id and row. */
export async function insertCommunication(db: Db, t: TestTenant, debtorId: string, overrides: CommunicationOverrides = {}) {
  const { claims = [], ...fields } = overrides;
  const id = fields.id ?? uuid7();
  const document = fields.pdf ?? fields.body_html ?? null;
  const row: Row = {
    id,
    tenant_id: t.tenantId,
    debtor_id: debtorId,
    creditor_id: t.creditor.id,
    run_date: '2026-11-23',
    step_no: 1,
    step_key: 'soft-1',
    tier: 'soft',
    channel: 'letter',
    recipient: 'Mario Rossi, Via Roma 1, 00184 Roma RM',
    language: 'it',
    subject: 'Comunicazione amministrativa',
    currency: 'EUR',
    amount: '100.00',
    status: 'sent',
    sha256: document === null ? null : sha256(document),
    ...fields,
  };
  await db.insertInto('communications').values(row).execute();
  if (claims.length) {
    await db
      .insertInto('communication_claims')
      .values(
        claims.map((c) => ({
          tenant_id: t.tenantId,
          communication_id: id,
          claim_id: c.id,
          step_no: c.stepNo ?? row.step_no,
          step_key: `step-${c.stepNo ?? row.step_no}`,
          total_due: c.totalDue ?? row.amount,
          fee: c.fee ?? null,
        })),
      )
      .execute();
  }
  const stored = await db.selectFrom('communications').select(['ref_no']).where('id', '=', id).executeTakeFirstOrThrow();
  return { id, refNo: stored.ref_no, row };
}

/** A letter fixture addressed to someone else, with its own document id (so batches can tell letters apart). */
export function testLetter(opts: { recipient?: string; documentId?: string; swiss?: boolean } = {}): LetterInput {
  const letter = opts.swiss ? swissGermanLetter() : italianLetter();
  if (opts.recipient) letter.recipient = { ...letter.recipient, name: opts.recipient };
  if (opts.documentId) letter.documentId = opts.documentId;
  return letter;
}

/** A postal letter waiting to be printed: its rendered PDF (unless `rendered: false`) and the letter as decided (for print batches). */
export async function insertLetter(
  db: Db,
  t: TestTenant,
  debtorId: string,
  opts: { letter?: LetterInput; keepLetter?: boolean; rendered?: boolean } & Omit<CommunicationOverrides, 'letter'> = {},
) {
  const { letter = testLetter(), keepLetter = true, rendered = true, ...overrides } = opts;
  // Not rendered: as the tick leaves a letter until its PDF is made (no document, no SHA-256 yet).
  const pdf = rendered ? await renderLetterPdf(letter) : null;
  const result = await insertCommunication(db, t, debtorId, {
    channel: 'letter',
    status: 'to_print',
    tier: letter.tier,
    subject: letter.subject,
    recipient: [letter.recipient.name, ...letter.recipient.lines].join(', '),
    currency: letter.currency,
    amount: letter.payment.amount,
    payment_reference: letter.payment.reference,
    pdf,
    letter: keepLetter ? JSON.stringify(letter) : null,
    ...overrides,
  });
  return { ...result, pdf, letter };
}

/** An e-mail as sent, optionally also delivered to the local mailbox (no SMTP server configured). */
export async function insertEmail(
  db: Db,
  t: TestTenant,
  debtorId: string,
  opts: { letter?: LetterInput; to?: string; inMailbox?: boolean } & Omit<CommunicationOverrides, 'letter'> = {},
) {
  const { letter = testLetter(), to = 'mario.rossi@example.it', inMailbox = false, ...overrides } = opts;
  const mail = renderEmail(letter);
  const id = overrides.id ?? uuid7();
  const messageId = `<${id}@incasso>`;
  const result = await insertCommunication(db, t, debtorId, {
    id,
    channel: 'email',
    status: 'sent',
    recipient: to,
    subject: mail.subject,
    currency: letter.currency,
    amount: letter.payment.amount,
    body_text: mail.text,
    body_html: mail.html,
    message_id: messageId,
    ...overrides,
  });
  if (inMailbox) {
    await db
      .insertInto('local_mailbox')
      .values({ tenant_id: t.tenantId, message_id: messageId, to_address: to, subject: mail.subject, body_text: mail.text, body_html: mail.html })
      .execute();
  }
  return { ...result, mail, messageId };
}

/**
 * An open phone task: the number to call and the operator's script as text; with `statement`, also the
 * PDF the operator reads (as the engine renders it).
 */
export async function insertPhoneTask(db: Db, t: TestTenant, debtorId: string, overrides: CommunicationOverrides & { statement?: boolean } = {}) {
  const { statement = false, ...fields } = overrides;
  return insertCommunication(db, t, debtorId, {
    ...(statement ? { pdf: await renderLetterPdf(testLetter({ documentId: `T-${uuid7().slice(0, 8)}` })) } : {}),
    channel: 'phone_task',
    status: 'task_open',
    tier: 'negotiation',
    step_no: 4,
    step_key: 'phone-1',
    recipient: '+393331234567',
    subject: 'Telefonata: proposta di accordo',
    body_text: 'Chiamare il debitore e proporre un piano di rientro.',
    ...fields,
  });
}
