import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connect.ts';
import { CLAIM_REFERENCE_PREFIX, claimReferences, formatRf } from '../../domain/dunning/references.ts';
import { openTestDatabase } from '../../test/db.ts';
import { createTestClaim, createTestDebtor, createTestTenant, type TestTenant } from '../../test/factories.ts';
import { importBankFile } from './import-bank-file.ts';
import { listBankCsvMappings, saveBankCsvMapping } from './save-bank-csv-mapping.ts';

/** A bank's CSV export read with a mapping saved under a name (issue 15 item 4), through the same per-entry path. */
let database: Database;
let t: TestTenant;
let claim: { id: string; rf: string };
const TODAY = '2026-12-01';

beforeAll(async () => {
  database = await openTestDatabase();
  t = await createTestTenant(database.db);
  const d = await createTestDebtor(database.db, t, { lastName: 'Csv', firstName: 'Carla' });
  const c = await createTestClaim(database.db, t, d.id, { interestRegime: 'none', principal: '150.00', dueDate: '2026-03-31' });
  const row = await database.db.selectFrom('claims').select('ref_no').where('id', '=', c.id).executeTakeFirstOrThrow();
  claim = { id: c.id, rf: formatRf(claimReferences(String(row.ref_no), CLAIM_REFERENCE_PREFIX).rf) };
}, 120_000);
afterAll(async () => {
  await database?.close();
});

const csv = (rows: string[]) => ({ name: 'movimenti.csv', bytes: new TextEncoder().encode(['Data contabile;Data valuta;Dare;Avere;Descrizione;Ordinante', ...rows].join('\n')) });
const paymentsOf = (claimId: string) =>
  database.db.selectFrom('payment_allocations as a').innerJoin('payments as p', 'p.id', 'a.payment_id').select(['p.amount', 'p.value_date', 'p.payer_name']).where('a.claim_id', '=', claimId).execute();

describe('a bank CSV export with a saved mapping', () => {
  it('saves the mapping under a name (an admin; not an operator), refuses an unknown one, and imports through the per-entry path exactly once', async () => {
    await expect(saveBankCsvMapping(database.db, t.users.operator.actor, { name: 'x', mapping: { account: 'IT60X0542811101000000123456', date: 'Data', amount: 'Importo' } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(saveBankCsvMapping(database.db, t.users.admin.actor, { name: 'x', mapping: { account: 'IT60X0542811101000000123456', date: 'Data', amount: 'Importo', credit: 'Avere' } })).rejects.toMatchObject({ code: 'validation' });
    await saveBankCsvMapping(database.db, t.users.admin.actor, {
      name: 'Banca Locale',
      mapping: { account: 'IT60 X054 2811 1010 0000 0123 456', date: 'Data contabile', valueDate: 'Data valuta', credit: 'Avere', debit: 'Dare', remittance: ['Descrizione'], payer: 'Ordinante' },
    });
    expect(await listBankCsvMappings(database.db, t.users.operator.actor)).toMatchObject([{ name: 'Banca Locale', mapping: { account: 'IT60X0542811101000000123456', credit: 'Avere', currency: 'EUR' } }]);
    await expect(importBankFile(database.db, t.users.operator.actor, csv([]), { today: TODAY, mapping: 'Altra' })).rejects.toMatchObject({ code: 'validation' });

    const file = csv([
      `27/11/2026;26/11/2026;;"1.50,00";BONIFICO ${claim.rf} saldo;Carla Csv`,
      `27/11/2026;27/11/2026;;"100,25";BONIFICO ${claim.rf} acconto;Carla Csv`,
      `28/11/2026;28/11/2026;12,00;;COMMISSIONI;`,
      `28/11/2026;28/11/2026;;33,00;regalo;Ignoto`,
      `xx;28/11/2026;;1,00;x;`,
    ]);
    const first = await importBankFile(database.db, t.users.operator.actor, file, { today: TODAY, mapping: 'Banca Locale' });
    // "1.50,00" is no amount (its grouping is wrong): a problem with its line, the rest read.
    expect(first).toMatchObject({ status: 'done', entries: 3, matched: 1, toReconcile: 2, alreadyRecorded: 0 });
    expect(first.problems.map((p) => [p.index, p.message.code])).toEqual([
      [2, 'bank.bad_amount'],
      [6, 'bank.bad_date'],
    ]);
    expect(await paymentsOf(claim.id)).toEqual([{ amount: '100.25', value_date: '2026-11-27', payer_name: 'Carla Csv' }]);
    const rows = await database.db.selectFrom('bank_entries').select(['account', 'direction', 'state']).where('file_id', '=', first.fileId).orderBy('created_at').execute();
    expect(rows).toEqual([
      { account: 'IT60X0542811101000000123456', direction: 'credit', state: 'matched' },
      { account: 'IT60X0542811101000000123456', direction: 'debit', state: 'to_reconcile' },
      { account: 'IT60X0542811101000000123456', direction: 'credit', state: 'to_reconcile' },
    ]);
    const again = await importBankFile(database.db, t.users.operator.actor, file, { today: TODAY, mapping: 'Banca Locale' });
    expect(again).toMatchObject({ entries: 3, matched: 0, toReconcile: 0, alreadyRecorded: 3 });
    expect(await paymentsOf(claim.id)).toHaveLength(1);
  });

  it('a CSV without the mapped columns is refused by name', async () => {
    const r = await importBankFile(database.db, t.users.operator.actor, { name: 'altro.csv', bytes: new TextEncoder().encode('Data;Importo\n01/11/2026;5,00\n') }, { today: TODAY, mapping: 'Banca Locale' });
    expect(r).toMatchObject({ status: 'failed', entries: 0, error: { code: 'bank.csv_mapping_columns' } });
  });
});
