import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemActor } from '../domain/policies.ts';
import { comuneListCsv } from '../test/comune-list.ts';
import { cliSandbox } from '../test/cli-sandbox.ts';
import { fakePartitaIva } from '../test/portfolio.ts';
import { createCreditor } from '../usecases/creditors/create-creditor.ts';

/**
 * `incasso import` of a comune's list on a fresh data dir (or a fresh PostgreSQL database): every good
 * row lands with its components, act and notice code; a wrong mod-93 notice code and a total that is
 * not the components' sum are row errors with their reasons, in the operator's language.
 */
const box = cliSandbox('import-comune');
const cli = (args: string[], lang = 'it') => box.cli(args, { lang });
const open = () => box.open();

describe('incasso import of a comune’s list', () => {
  it('lands every good row with its components on a fresh data dir; bad rows are errors with their reasons', { timeout: 240_000 }, async () => {
    const tenant = cli(['tenant', 'create', '--slug', 'agenzia', '--name', 'Agenzia Tributi', '--kind', 'agency']);
    expect(tenant.status, tenant.stderr).toBe(0);
    const iban = 'IT40S0542811101000000123456';
    const database = await open();
    try {
      const { id: tenantId } = await database.db.selectFrom('tenants').select('id').where('slug', '=', 'agenzia').executeTakeFirstOrThrow();
      // A comune's mandate needs the agency's albo registration (art. 53 D.Lgs. 446/1997).
      const albo = { section: 'ordinary', number: '42', registeredOn: '2022-09-01' };
      await database.db.updateTable('tenants').set({ settings: JSON.stringify({ albo }) }).where('id', '=', tenantId).execute();
      await createCreditor(database.db, systemActor(tenantId, 'test'), {
        name: 'Comune di Prova',
        code: 'PROVA',
        kind: 'public_entity',
        taxCode: fakePartitaIva(4242),
        cadastralCode: 'A123',
        iban,
        revenueRules: { interestPoints: '0.5' },
      });
    } finally {
      await database.close();
    }

    const list = comuneListCsv({ cadastralCode: 'A123', iban, iuvBase: 7000 });
    const file = path.join(box.dir, 'lista-carico.csv');
    fs.writeFileSync(file, list.csv);
    const run = cli(['import', file, '--tenant', 'agenzia', '--creditor', 'PROVA']);
    expect(run.status, run.stderr + run.stdout).toBe(0);
    expect(run.stdout).toMatch(/^ {2}importate +4$/m);
    expect(run.stdout).toMatch(/^ {2}scartate +5/m);
    expect(run.stdout).toContain('riferimenti costruiti come {taxCode}-{revenue}-{year}-{act}');
    expect(run.stdout).toContain(`riga 6: Codice avviso: Codice avviso "${list.notices.bad}": Cifre di controllo del codice avviso errate: attese ${list.notices.expected}`);
    expect(run.stdout).toContain('riga 7: Totale dovuto: Il totale 700,00 non corrisponde alla somma delle componenti 650,00');

    const db = await open();
    try {
      const claims = await db.db.selectFrom('claims').select(['id', 'external_ref', 'principal', 'act_kind', 'notice_code', 'interest_spread']).orderBy('external_ref').execute();
      expect(claims).toHaveLength(4);
      const imu = claims.find((c) => c.external_ref === `${list.cf[0]}-IMU-2022-ACC118`)!;
      expect(imu).toMatchObject({ principal: '1395.50', act_kind: 'accertamento_esecutivo', notice_code: list.notices.good });
      expect(Number(imu.interest_spread)).toBe(0.5);
      const parts = await db.db.selectFrom('claim_components').select(['claim_id', 'kind', 'amount', 'tribute_code']).orderBy('claim_id').orderBy('position').execute();
      expect(parts.filter((p) => p.claim_id === imu.id).map((p) => [p.kind, p.amount, p.tribute_code])).toEqual([
        ['tax', '1000.00', '3918'],
        ['sanctions', '300.00', '3924'],
        ['act_interest', '85.50', '3923'],
        ['notification_costs', '10.00', null],
      ]);
      // Every claim's amount is the sum of its components.
      for (const c of claims) {
        const sum = parts.filter((p) => p.claim_id === c.id).reduce((s, p) => s + Math.round(Number(p.amount) * 100), 0);
        expect(sum, c.external_ref).toBe(Math.round(Number(c.principal) * 100));
      }
    } finally {
      await db.close();
    }
  });
});
