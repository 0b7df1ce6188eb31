import { beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../../db/connect.ts';
import { pdfText } from '../../integrations/letters/test-pdf-tools.ts';
import { openTestDatabase } from '../../test/db.ts';
import { createTestClaim, createTestDebtor, createTestTenant } from '../../test/factories.ts';
import { saveCreditorTemplate } from '../creditors/save-creditor-template.ts';
import { renderPendingLetters } from './render-letters.ts';
import { runDunning } from './run-dunning.ts';

/*
 * A comune words its own reminders (issue 13 item 5: "templates stay editable per comune, in Italian
 * first — German for Alto Adige comuni"): the dunning run's letter carries the comune's text in the
 * taxpayer's language, its variables filled; a taxpayer whose language the comune has not worded gets
 * the shipped text.
 */

let database: Database;
let db: Db;
beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
});

const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('a comune’s own wording in its letters', () => {
  it('writes the comune’s German text to a German-speaking taxpayer, the shipped Italian one to the others', async () => {
    const t = await createTestTenant(db);
    const comune = t.otherCreditor.id;
    await db
      .updateTable('tenants')
      .set({ settings: JSON.stringify({ albo: { section: 'ordinary', number: '187', registeredOn: '2023-05-10' } }) })
      .where('id', '=', t.tenantId)
      .execute();
    await db
      .updateTable('creditors')
      .set({ name: 'Comune di Sarentino', city: 'Sarentino', postal_code: '39058', province: 'BZ', tax_code: '00180500215', cadastral_code: 'I431', pagopa: JSON.stringify({ noticeMode: 'supplied' }) })
      .where('id', '=', comune)
      .execute();
    await db
      .insertInto('strategies')
      .values({
        tenant_id: t.tenantId,
        creditor_id: comune,
        name: 'Avviso bonario',
        active: true,
        steps: JSON.stringify([
          { key: 'avviso', tier: 'soft', delayDays: 10, delayFrom: 'due', channels: ['letter'], template: 'comune-avviso-bonario', conditions: {}, fee: 'none', interest: 'none' },
        ]),
      })
      .execute();
    await saveCreditorTemplate(db, t.users.supervisor.actor, comune, 'comune-avviso-bonario', 'de', {
      salutation: 'Sehr geehrte/r {debtorName},',
      paragraphs: ['die Steuerstelle {creditorOf} ersucht Sie, {totalDue} bis {payBy} zu überweisen (Positionen: {references}).', 'Auskünfte erteilt: {senderContact}.'],
      legalNotice: ['Diese Mitteilung ist kein Steuerbescheid.'],
      closing: ['Der Verantwortliche der Steuer', '{senderName}'],
    });
    const people = [
      { lang: 'de', firstName: 'Johann', lastName: 'Gruber', ref: 'TARI-2024-000101' },
      { lang: 'it', firstName: 'Maria', lastName: 'Rossi', ref: 'TARI-2024-000102' },
    ];
    const debtors = [];
    for (const p of people) {
      const d = await createTestDebtor(db, t, { firstName: p.firstName, lastName: p.lastName, language: p.lang });
      await db
        .insertInto('addresses')
        .values({ tenant_id: t.tenantId, debtor_id: d.id, kind: 'residence', line1: 'Dorfstraße 3', postal_code: '39058', city: 'Sarentino', province: 'BZ', country: 'IT', source: 'test' })
        .execute();
      await createTestClaim(db, t, d.id, { creditorId: comune, externalRef: p.ref, kind: 'tari', taxYear: 2024, principal: '312.40', dueDate: '2026-05-31' });
      debtors.push(d);
    }
    const run = await runDunning(db, { date: '2026-06-18', tenantId: t.tenantId, time: '10:00' });
    expect(run.actions.map((a) => a.channel)).toEqual(['letter', 'letter']);
    expect(await renderPendingLetters(db, { tenantId: t.tenantId })).toMatchObject({ rendered: 2, failed: 0 });
    const letterOf = async (debtorId: string) =>
      flat(await pdfText((await db.selectFrom('communications').select('pdf').where('debtor_id', '=', debtorId).executeTakeFirstOrThrow()).pdf!));

    const german = await letterOf(debtors[0]!.id);
    expect(german).toContain('Sehr geehrte/r Gruber Johann,');
    expect(german).toMatch(/die Steuerstelle von Comune di Sarentino ersucht Sie, 312,40 € bis 28\. Juni 2026 zu überweisen \(Positionen: TARI-2024-000101\)/);
    expect(german).toContain('Diese Mitteilung ist kein Steuerbescheid.');
    expect(german).toContain('Der Verantwortliche der Steuer');
    expect(german).not.toMatch(/\{\w+\}/);

    const italian = await letterOf(debtors[1]!.id);
    expect(italian).toContain('dai controlli dell’ufficio entrate');
    expect(italian).not.toContain('Steuerstelle');
  });
});
