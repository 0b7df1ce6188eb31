import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { today as todayRome } from '../domain/dates.ts';
import { systemActor } from '../domain/policies.ts';
import { cliSandbox } from '../test/cli-sandbox.ts';
import { fakeCodiceFiscale, fakePartitaIva } from '../test/portfolio.ts';
import { createClaim } from '../usecases/claims/create-claim.ts';
import { createCreditor } from '../usecases/creditors/create-creditor.ts';
import { createDebtor } from '../usecases/debtors/create-debtor.ts';
import { recordPayment } from '../usecases/payments/record-payment.ts';

/** `incasso report discharge` writes the discharge report's file; the same data gives the same bytes; --issue seals it. */
const box = cliSandbox('report-discharge');

describe('incasso report discharge', () => {
  it('writes the CSV and the PDF of a comune’s mandate, the same bytes twice, and issues it sealed', { timeout: 240_000 }, async () => {
    expect(box.cli(['tenant', 'create', '--slug', 'agenzia', '--name', 'Agenzia Tributi', '--kind', 'agency']).status).toBe(0);
    const database = await box.open();
    try {
      const { id: tenantId } = await database.db.selectFrom('tenants').select('id').where('slug', '=', 'agenzia').executeTakeFirstOrThrow();
      await database.db.updateTable('tenants').set({ settings: JSON.stringify({ albo: { section: 'ordinary', number: '42', registeredOn: '2022-09-01' } }) }).where('id', '=', tenantId).execute();
      const actor = systemActor(tenantId, 'test');
      const comune = await createCreditor(database.db, actor, { name: 'Comune di Prova', code: 'PROVA', kind: 'public_entity', taxCode: fakePartitaIva(4243), cadastralCode: 'A124' });
      const debtor = await createDebtor(database.db, actor, { kind: 'consumer', firstName: 'Anna', lastName: 'Bianchi', taxCode: fakeCodiceFiscale(77) });
      const claim = await createClaim(database.db, actor, {
        creditorId: comune.id,
        debtorId: debtor.id,
        externalRef: 'IMU-2021-1',
        kind: 'imu',
        currency: 'EUR',
        dueDate: '2099-12-31',
        taxYear: 2021,
        components: [{ kind: 'tax', amount: '400.00' }, { kind: 'sanctions', amount: '120.00' }],
      });
      const today = todayRome().toString();
      await recordPayment(database.db, actor, { debtorId: debtor.id, creditorId: comune.id, amount: '150.00', currency: 'EUR', valueDate: today, method: 'pagopa', claimIds: [claim.id] });
    } finally {
      await database.close();
    }
    const csv = path.join(box.dir, 'scarico.csv');
    const run = box.cli(['report', 'discharge', '--creditor', 'PROVA', '--format', 'csv', '--out', csv]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('Relazione di scarico scritta in');
    const lines = fs.readFileSync(csv, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('reference,taxpayer,tax_id,revenue,tax_year,currency,final_state,reason,loaded,collected,annulled,residual,other_collected,call_attempts,right_party_contacts,letters,plans');
    expect(lines[1]).toMatch(/^IMU-2021-1,Bianchi Anna|^IMU-2021-1,Anna Bianchi/);
    expect(lines[1]).toContain(',imu,2021,EUR,paid_part,part_paid,520.00,150.00,0.00,370.00,');

    const pdf1 = path.join(box.dir, 'a.pdf');
    const pdf2 = path.join(box.dir, 'b.pdf');
    expect(box.cli(['report', 'discharge', '--creditor', 'PROVA', '--format', 'pdf', '--out', pdf1]).status).toBe(0);
    const issued = box.cli(['report', 'discharge', '--creditor', 'PROVA', '--format', 'pdf', '--out', pdf2, '--issue']);
    expect(issued.status, issued.stderr).toBe(0);
    const sha = createHash('sha256').update(fs.readFileSync(pdf1)).digest('hex');
    expect(createHash('sha256').update(fs.readFileSync(pdf2)).digest('hex')).toBe(sha);
    expect(issued.stderr).toContain(sha);
    const db = await box.open();
    try {
      const rows = await db.db.selectFrom('discharge_reports').select(['sha256', 'issued_by_label', 'positions']).execute();
      expect(rows).toEqual([{ sha256: sha, issued_by_label: 'system:cli', positions: 1 }]);
    } finally {
      await db.close();
    }
  });
});
