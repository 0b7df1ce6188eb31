import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connect.ts';
import { smtpTransport } from '../../integrations/mail/transport.ts';
import { openTestDatabase } from '../../test/db.ts';
import { createTestClaim, createTestDebtor, createTestTenant, type TestTenant } from '../../test/factories.ts';
import { pdfText } from '../../test/pdf.ts';
import { startSmtpServer } from '../../test/smtp.ts';
import { deliverOutbox } from '../dunning/deliver-outbox.ts';
import { recordPayment } from '../payments/record-payment.ts';
import { reversePayment } from '../payments/reverse-payment.ts';
import { createReportSchedule } from './create-report-schedule.ts';
import { getReportRunFile } from './get-report-run-file.ts';
import { listReportSchedules } from './list-report-schedules.ts';
import { makeDueReports } from './make-due-reports.ts';
import { updateReportSchedule } from './update-report-schedule.ts';

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

describe('scheduled reports to a creditor', () => {
  it('makes the monthly report for the month just ended, sends it with its PDF and XLSX once, and never twice', async () => {
    const db = database.db;
    const admin = t.users.admin.actor;
    // November 2026: €300.00 collected on a TARI 2023 position; a €200.00 October payment on an
    // invoice reversed on 12 November (credited back in November); a December payment (not reported).
    const d1 = await createTestDebtor(db, t);
    const d2 = await createTestDebtor(db, t);
    const tari = await createTestClaim(db, t, d1.id, { kind: 'tari', taxYear: 2023, principal: '1000.00', dueDate: '2026-06-30' });
    const inv = await createTestClaim(db, t, d2.id, { principal: '500.00', dueDate: '2026-06-30' });
    await recordPayment(db, admin, { debtorId: d1.id, creditorId: t.creditor.id, amount: '300.00', currency: 'EUR', valueDate: '2026-11-10', method: 'bank_transfer', claimIds: [tari.id] });
    const oct = await recordPayment(db, admin, { debtorId: d2.id, creditorId: t.creditor.id, amount: '200.00', currency: 'EUR', valueDate: '2026-10-20', method: 'bank_transfer', claimIds: [inv.id] });
    await reversePayment(db, admin, oct.id, { reason: 'RID insoluto', on: '2026-11-12' });
    await recordPayment(db, admin, { debtorId: d2.id, creditorId: t.creditor.id, amount: '100.00', currency: 'EUR', valueDate: '2026-12-02', method: 'bank_transfer', claimIds: [inv.id] });

    const schedule = await createReportSchedule(db, t.users.supervisor.actor, {
      creditorId: t.creditor.id,
      frequency: 'monthly',
      recipients: ['Tributi@Comune.test', 'ragioneria@comune.test', 'tributi@comune.test'],
    });
    expect(schedule.recipients).toEqual(['tributi@comune.test', 'ragioneria@comune.test']);
    // Due on the 1st of the next month; moved back to 1 December to make November's report now.
    await db.updateTable('report_schedules').set({ next_run_on: '2026-12-01' }).where('id', '=', schedule.id).execute();

    expect(await makeDueReports(db, { today: '2026-12-01' })).toEqual({ made: 1, mails: 2 });
    expect(await makeDueReports(db, { today: '2026-12-01' })).toEqual({ made: 0, mails: 0 });

    const transport = smtpTransport(smtp.url);
    try {
      const r = await deliverOutbox(db, { transport, from: 'incasso@agenzia.test', tenantId: t.tenantId });
      expect(r).toEqual({ sent: 2, retrying: 0, failed: 0 });
      expect((await deliverOutbox(db, { transport, from: 'incasso@agenzia.test', tenantId: t.tenantId })).sent).toBe(0);
    } finally {
      await transport.close();
    }
    const mails = smtp.received.filter((m) => m.subject.includes(t.creditor.name));
    expect(mails.map((m) => m.to).sort()).toEqual(['ragioneria@comune.test', 'tributi@comune.test']);
    const mail = mails[0]!;
    expect(mail.subject).toBe(`Rapporto mensile ${t.creditor.name}: 01/11/2026 – 30/11/2026`);
    expect(mail.attachments.map((a) => a.filename)).toEqual(['rapporto-2026-11-30.pdf', 'rapporto-2026-11-30.xlsx']);

    const text = pdfText(mail.attachments[0]!.content);
    expect(text).toContain('Rapporto periodico mensile');
    expect(text).toMatch(/pagata in parte\s+EUR\s+2\s+1\.500,00 €/);
    expect(text).toMatch(/INVOICE\s+n\.d\.\s+0\s+0,00 €\s+200,00 €\s+-200,00 €/);
    expect(text).toMatch(/TARI\s+2023\s+1\s+300,00 €\s+0,00 €\s+300,00 €/);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(mail.attachments[1]!.content as unknown as ArrayBuffer);
    const rows = wb.getWorksheet('Riscosso')!.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));
    expect(rows).toEqual([
      ['invoice', undefined, 'EUR', 0, 0, 200, -200],
      ['tari', 2023, 'EUR', 1, 300, 0, 300],
    ]);

    // Stored as sent, with its seal; the creditor's viewer downloads it, another creditor's does not see it.
    const [listed] = (await listReportSchedules(db, t.users.viewer.actor)).items;
    expect(listed!.nextRunOn).toBe('2027-01-01');
    expect(listed!.runs).toHaveLength(1);
    expect(listed!.runs[0]!.mails.map((m) => m.status)).toEqual(['sent', 'sent']);
    const file = await getReportRunFile(db, t.users.viewer.actor, listed!.runs[0]!.id, { format: 'pdf' });
    expect(createHash('sha256').update(file.content).digest('hex')).toBe(file.sha256);
    expect(file.content.equals(mail.attachments[0]!.content)).toBe(true);
    const outsider = { ...t.users.viewer.actor, creditorId: t.otherCreditor.id };
    await expect(getReportRunFile(db, outsider, listed!.runs[0]!.id, { format: 'pdf' })).rejects.toMatchObject({ code: 'not_found' });
    expect((await listReportSchedules(db, outsider)).items).toEqual([]);
  });

  it('only an administrator or supervisor sets a schedule; the creditor reads it', async () => {
    const db = database.db;
    await expect(createReportSchedule(db, t.users.operator.actor, { creditorId: t.creditor.id, frequency: 'weekly', recipients: ['a@b.test'] })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(createReportSchedule(db, t.users.viewer.actor, { creditorId: t.creditor.id, frequency: 'weekly', recipients: ['a@b.test'] })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(createReportSchedule(db, t.users.admin.actor, { creditorId: t.creditor.id, frequency: 'weekly', recipients: ['not an address'] })).rejects.toMatchObject({ code: 'validation' });
    const s = await createReportSchedule(db, t.users.admin.actor, { creditorId: t.creditor.id, frequency: 'weekly', language: 'de', recipients: ['buchhaltung@firma.test'] });
    expect(s.nextRunOn > '2026-01-01').toBe(true);
    await expect(updateReportSchedule(db, t.users.viewer.actor, s.id, { version: s.version, active: false })).rejects.toMatchObject({ code: 'forbidden' });
    const paused = await updateReportSchedule(db, t.users.supervisor.actor, s.id, { version: s.version, active: false });
    expect(paused.active).toBe(false);
    await expect(updateReportSchedule(db, t.users.supervisor.actor, s.id, { version: s.version, active: true })).rejects.toMatchObject({ code: 'conflict' });
    // A paused schedule makes nothing even when its day has come.
    await db.updateTable('report_schedules').set({ next_run_on: '2026-11-30' }).where('id', '=', s.id).execute();
    expect((await makeDueReports(db, { today: '2026-12-07' })).made).toBe(0);
  });
});
