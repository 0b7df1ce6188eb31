import { beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../../db/connect.ts';
import { STRATEGY_TEMPLATES } from '../../domain/dunning/index.ts';
import { noticeCodeAux3 } from '../../domain/municipal/pagopa.ts';
import { pdfText } from '../../integrations/letters/test-pdf-tools.ts';
import { openTestDatabase } from '../../test/db.ts';
import { createTestClaim, createTestDebtor, createTestTenant, type TestTenant } from '../../test/factories.ts';
import { renderPendingLetters } from './render-letters.ts';
import { runDunning } from './run-dunning.ts';

/*
 * The dunning run for a comune's position (issue 13 items 4–5), from the records: an IMU assessment
 * already notified (avviso di accertamento esecutivo) with its components, the comune's codice fiscale,
 * cadastral code and pagoPA set-up, the agency's albo registration in the tenant's settings. The
 * shipped comune strategy's first step is the bonario reminder: for this act the letter must say the
 * act is already a title, never that paying avoids it, and be payable by pagoPA and F24 only.
 */

let database: Database;
let db: Db;
beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
});

const CF_ENTE = '80012345678';
const NOTICE = noticeCodeAux3('07', '0000000004711');
const flat = (s: string) => s.replace(/\s+/g, ' ');

async function comunePosition(t: TestTenant, contact: { email?: string; address?: false }) {
  await db
    .updateTable('tenants')
    .set({
      settings: JSON.stringify({
        letterhead: { name: 'Riscossioni Alpine S.r.l.', lines: ['Via Verdi 4', '38122 Trento TN'], country: 'IT', email: 'info@riscossioni.example', phone: '0461 123456' },
        albo: { section: 'ordinary', number: '187', registeredOn: '2023-05-10' },
      }),
    })
    .where('id', '=', t.tenantId)
    .execute();
  await db
    .updateTable('creditors')
    .set({
      name: 'Valdoria',
      address_line1: 'Piazza Municipio 1',
      postal_code: '38100',
      city: 'Valdoria',
      country: 'IT',
      tax_code: CF_ENTE,
      cadastral_code: 'L378',
      pagopa: JSON.stringify({ noticeMode: 'supplied', cbill: 'AB12C' }),
      iban: null,
    })
    .where('id', '=', t.otherCreditor.id)
    .execute();
  const comune = STRATEGY_TEMPLATES.comune;
  await db
    .insertInto('strategies')
    .values({ tenant_id: t.tenantId, creditor_id: t.otherCreditor.id, name: comune.name, steps: JSON.stringify(comune.steps), active: true })
    .execute();
  const d = await createTestDebtor(db, t);
  if (contact.address !== false) {
    await db
      .insertInto('addresses')
      .values({ tenant_id: t.tenantId, debtor_id: d.id, kind: 'residence', line1: 'Via dei Mille 12', postal_code: '38100', city: 'Valdoria', province: 'TN', country: 'IT', source: 'test' })
      .execute();
  }
  if (contact.email) {
    await db.insertInto('contacts').values({ tenant_id: t.tenantId, debtor_id: d.id, channel: 'email', value: contact.email, consent: 'unknown', third_party: false }).execute();
  }
  const claim = await createTestClaim(db, t, d.id, { creditorId: t.otherCreditor.id, externalRef: 'IMU-2021-000058', kind: 'imu', taxYear: 2021, principal: '1084.25', dueDate: '2026-05-19' });
  await db
    .updateTable('claims')
    .set({ act_kind: 'accertamento_esecutivo', act_number: '2026/IMU/000123', act_date: '2026-03-10', act_notified_on: '2026-03-20', act_enforceable_on: '2026-05-19', notice_code: NOTICE })
    .where('id', '=', claim.id)
    .execute();
  await db.deleteFrom('claim_components').where('claim_id', '=', claim.id).execute();
  const parts = [
    ['tax', '800.00', '3918'],
    ['sanctions', '240.00', '3924'],
    ['act_interest', '35.50', '3923'],
    ['notification_costs', '8.75', null],
  ] as const;
  await db
    .insertInto('claim_components')
    .values(parts.map(([kind, amount, code], i) => ({ tenant_id: t.tenantId, claim_id: claim.id, position: i + 1, kind, amount, accrues_interest: kind === 'tax', tribute_code: code })))
    .execute();
  return { debtor: d, claim };
}

describe('dunning a comune position with an avviso di accertamento esecutivo', () => {
  it('writes a letter naming the act, the agency with its albo number, the components and the pagoPA notice — no bonario wording', async () => {
    const t = await createTestTenant(db);
    const { debtor } = await comunePosition(t, {});
    const run = await runDunning(db, { date: '2026-06-18', tenantId: t.tenantId, time: '10:00' });
    expect(run.actions).toHaveLength(1);
    expect(run.actions[0]).toMatchObject({ stepKey: 'avviso-bonario', channel: 'letter', amount: '1084.25' });
    expect(await renderPendingLetters(db, { tenantId: t.tenantId })).toMatchObject({ rendered: 1, failed: 0 });
    const comm = await db.selectFrom('communications').selectAll().where('debtor_id', '=', debtor.id).executeTakeFirstOrThrow();
    expect(comm.payment_reference).toBe(NOTICE);
    const text = flat(await pdfText(comm.pdf!));
    expect(text).toContain('IMU (imposta municipale propria) – anno 2021');
    expect(text).toContain('n. 2026/IMU/000123 del 10/03/2026, notificato il 20/03/2026');
    expect(text).toContain('Riscossioni Alpine S.r.l. agisce per conto del Comune di Valdoria');
    expect(text).toContain('al n. 187 dal 10/05/2023');
    expect(text).toMatch(/Sanzioni 3924 240,00 €/);
    expect(text).toContain(NOTICE.replace(/(\d{4})(?=\d)/g, '$1 '));
    expect(text).toContain('costituisce titolo esecutivo');
    expect(text).not.toMatch(/evitare l’emissione|può evitare|potrà emettere l’avviso di accertamento|IBAN/);
    // Day 30 after enforceability: the c.803 charges, 3 % of 1,075.50 (32.265 → 32.27), are owed too.
    expect(text).toMatch(/Oneri di riscossione 32,27 €/);
    // The charges have no F24 tribute code (f24.ts): the position is paid through pagoPA, for its whole total.
    expect(text).not.toMatch(/EL 3918 L378 2021/);
    // The QR code's payload (decoded from the page image in municipal-letter.test.ts).
    expect(comm.letter).toMatchObject({ municipal: { positions: [{ pagopa: { qrPayload: `PAGOPA|002|${NOTICE}|${CF_ENTE}|111652` } }] } });
  });

  it('sends the e-mail with the notice code and amount in its text, and the same wording rules', async () => {
    const t = await createTestTenant(db);
    const { debtor } = await comunePosition(t, { email: 'lucia.ferrari@example.it', address: false });
    const run = await runDunning(db, { date: '2026-06-18', tenantId: t.tenantId, time: '10:00' });
    expect(run.actions[0]).toMatchObject({ channel: 'email' });
    const mail = await db.selectFrom('communications').selectAll().where('debtor_id', '=', debtor.id).executeTakeFirstOrThrow();
    const text = flat(mail.body_text!);
    expect(text).toContain(`Codice avviso: ${NOTICE.replace(/(\d{4})(?=\d)/g, '$1 ')}`);
    expect(text).toContain('Importo: 1.116,52 €');
    expect(text).toContain('Codice fiscale ente: 80012345678');
    expect(text).toContain('costituisce titolo esecutivo');
    expect(text).not.toMatch(/evitare l’emissione|IBAN/);
  });
});
