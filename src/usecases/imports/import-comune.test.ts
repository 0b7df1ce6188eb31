import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connect.ts';
import { noticeCodeAux3, parseNotice } from '../../domain/municipal/pagopa.ts';
import { comuneListCsv } from '../../test/comune-list.ts';
import { openTestDatabase } from '../../test/db.ts';
import { createTestDebtor, createTestTenant, uniq, uniqueCodiceFiscale, type TestTenant } from '../../test/factories.ts';
import { fakePartitaIva } from '../../test/portfolio.ts';
import { checkBalances } from '../claims/balances.ts';
import { createClaim } from '../claims/create-claim.ts';
import { createCreditor } from '../creditors/create-creditor.ts';
import { correctImportReject } from './correct-reject.ts';
import { listImportRejects } from './list-imports.ts';
import { runImport } from './run-import.ts';
import { uploadImport } from './upload-import.ts';

let db: Db;
let t: TestTenant;
let comuneId: string;
const IBAN = 'IT40S0542811101000000123456';

beforeAll(async () => {
  db = (await openTestDatabase()).db;
  t = await createTestTenant(db);
  const comune = await createCreditor(db, t.users.admin.actor, {
    name: `Comune di Liste ${uniq()}`,
    kind: 'public_entity',
    taxCode: fakePartitaIva(Date.now() % 100000),
    cadastralCode: 'A123',
    iban: IBAN,
    revenueRules: { interestPoints: '1' },
  });
  comuneId = comune.id;
});

async function importCsv(csv: string, fileName: string) {
  const actor = t.users.admin.actor;
  const job = await uploadImport(db, actor, { creditorId: comuneId, fileName }, Readable.from([Buffer.from(csv)]));
  const summary = await runImport(db, actor, job.id, {}, { today: '2025-06-30', locale: 'it' });
  return { job, summary };
}

const claimsOf = (jobId: string) =>
  db
    .selectFrom('claims')
    .selectAll()
    .where('tenant_id', '=', t.tenantId)
    .where('import_job_id', '=', jobId)
    .orderBy('external_ref')
    .execute();

describe('import of a comune’s list with components', () => {
  it('lands every good row with its components, act and notice code; bad rows are rejects with their reasons', async () => {
    // A position the comune already has, with a notice code the list repeats.
    const taken = noticeCodeAux3('12', String(900_000 + (Date.now() % 1000)).padStart(13, '0'));
    const debtor = await createTestDebtor(db, t);
    await createClaim(db, t.users.admin.actor, {
      creditorId: comuneId,
      debtorId: debtor.id,
      externalRef: `PREV-${uniq()}`,
      kind: 'imu',
      currency: 'EUR',
      dueDate: '2025-01-31',
      principal: '100.00',
      noticeCode: taken,
    });
    const iuvBase = 1_000_000 + Math.floor(Math.random() * 1_000_000) * 10;
    const list = comuneListCsv({ cadastralCode: 'A123', iban: IBAN, iuvBase, takenNotice: taken });
    const { job, summary } = await importCsv(list.csv, 'lista-carico-2025.csv');

    expect(summary).toMatchObject({ status: 'done', rowsRead: 10, imported: 4, rejected: 6 });
    expect(summary.warnings[0]).toBe(
      'Il file non ha una colonna del numero documento: riferimenti costruiti come {taxCode}-{revenue}-{year}-{act}',
    );
    expect(summary.warnings.join('\n')).toContain(`IBAN IT60X0542811101000000123456 diverso dal conto di incasso del mandante ${IBAN}`);

    const claims = await claimsOf(job.id);
    const [cf] = list.cf;
    expect(claims.map((c) => c.external_ref).sort()).toEqual(
      [`${cf}-IMU-2022-ACC118`, `${list.cf[1]}-TARI-2023-B2023/77`, `${list.cf[2]}-CDS-2024-V-5521`, `${list.cf[3]}-IMU-2021-S12`].sort(),
    );
    const byRef = new Map(claims.map((c) => [c.external_ref, c]));
    const imu = byRef.get(`${cf}-IMU-2022-ACC118`)!;
    expect(imu).toMatchObject({
      kind: 'imu',
      principal: '1395.50',
      tax_year: 2022,
      act_kind: 'accertamento_esecutivo',
      act_number: 'ACC 118',
      act_date: '2024-12-20',
      act_notified_on: '2025-01-08',
      act_enforceable_on: '2025-03-09',
      issue_date: '2024-12-20',
      notice_code: list.notices.good,
      interest_regime: 'spread',
      interest_base: 'it-legal',
    });
    expect(Number(imu.interest_spread)).toBe(1);
    const tari = byRef.get(`${list.cf[1]}-TARI-2023-B2023/77`)!;
    expect(tari).toMatchObject({ kind: 'tari', principal: '210.00', act_kind: 'bonario', notice_code: list.notices.tari, interest_regime: 'spread' });
    const cds = byRef.get(`${list.cf[2]}-CDS-2024-V-5521`)!;
    expect(cds).toMatchObject({ kind: 'cds_fine', principal: '173.00', act_kind: 'verbale_cds', act_notified_on: '2025-02-05', notice_code: list.notices.cds, interest_regime: null });
    const sollecito = byRef.get(`${list.cf[3]}-IMU-2021-S12`)!;
    expect(sollecito).toMatchObject({ principal: '450.00', act_kind: 'bonario', act_number: 'S12', notice_code: null });

    const parts = await db
      .selectFrom('claim_components')
      .select(['claim_id', 'position', 'kind', 'amount', 'accrues_interest', 'tribute_code'])
      .where('claim_id', 'in', claims.map((c) => c.id))
      .orderBy('claim_id')
      .orderBy('position')
      .execute();
    const of = (id: string) => parts.filter((p) => p.claim_id === id).map((p) => [p.kind, p.amount, p.accrues_interest, p.tribute_code]);
    expect(of(imu.id)).toEqual([
      ['tax', '1000.00', true, '3918'],
      ['sanctions', '300.00', false, '3924'],
      ['act_interest', '85.50', false, '3923'],
      ['notification_costs', '10.00', false, null],
    ]);
    expect(of(tari.id)).toEqual([
      ['tax', '200.00', true, '3944'],
      ['tax', '10.00', true, 'TEFA'],
    ]);
    expect(of(cds.id)).toEqual([['principal', '173.00', true, null]]);
    expect(of(sollecito.id)).toEqual([['principal', '450.00', true, null]]);
    // Their stored balances are the engine's on their components, the comune's terms and its regulation's order.
    expect((await checkBalances(db, { tenantId: t.tenantId })).differences).toEqual([]);

    // The reasons, coded, worded in the reader's language.
    for (const [locale, expected] of [
      [
        'it',
        [
          `Codice avviso "${list.notices.bad}": Cifre di controllo del codice avviso errate: attese ${list.notices.expected}`,
          'Il totale 700,00 non corrisponde alla somma delle componenti 650,00',
          `Codice avviso ${list.notices.good} già alla riga 2 del file`,
          'Codice catastale Z999 diverso da quello del comune mandante (A123)',
          'Data di notifica 08/01/2025 precedente alla data dell’atto 10/01/2025',
          `Codice avviso ${taken} già usato dalla posizione PREV-`,
        ],
      ],
      [
        'en',
        [
          `Notice code "${list.notices.bad}": Wrong check digits in the notice code: expected ${list.notices.expected}`,
          'The total 700.00 does not equal the sum of the components 650.00',
          `Notice code ${list.notices.good} already on line 2 of the file`,
          'Cadastral code Z999 differs from the creditor comune’s (A123)',
          'Notification date 08/01/2025 is before the act’s date 10/01/2025',
          `Notice code ${taken} already used by the comune’s position PREV-`,
        ],
      ],
    ] as const) {
      const rejects = await listImportRejects(db, t.users.admin.actor, job.id, {}, locale);
      expect(rejects.items.map((r) => r.line)).toEqual([6, 7, 8, 9, 10, 11]);
      rejects.items.forEach((r, i) => expect(r.problems.map((p) => p.message).join(' | '), `${locale} line ${r.line}`).toContain(expected[i]));
    }

    // The same list again: nothing changes (the built references find the same positions).
    const again = await importCsv(list.csv, 'lista-carico-2025.csv');
    expect(again.summary).toMatchObject({ status: 'done', imported: 0, updated: 0, unchanged: 4, rejected: 6 });

    // A rejected row corrected on screen is checked and applied as the file's rows: its reference built, its components kept.
    const fixed = await correctImportReject(db, t.users.admin.actor, job.id, 7, { cells: { 'Totale dovuto': '650,00' } });
    expect(fixed.status).toBe('reimported');
    const corrected = (await claimsOf(job.id)).find((c) => c.external_ref === `${list.cf[5]}-IMU-2022-ACC120`)!;
    expect(corrected).toMatchObject({ principal: '650.00', act_number: 'ACC 120', act_kind: 'accertamento_esecutivo', interest_regime: 'spread' });
    expect(await db.selectFrom('claim_components').select(['kind', 'amount']).where('claim_id', '=', corrected.id).orderBy('position').execute()).toEqual([
      { kind: 'tax', amount: '500.00' },
      { kind: 'sanctions', amount: '150.00' },
    ]);
    expect((await checkBalances(db, { tenantId: t.tenantId })).differences).toEqual([]);

    // A later list that changes an act's amounts is refused, not half applied: parts are corrected on the position.
    const later = [
      "Codice fiscale;Contribuente;Tributo;Anno d'imposta;Numero atto;Imposta;Sanzioni;Totale dovuto;Scadenza",
      `${cf};ROSSI MARIO;IMU;2022;ACC 118;;;1400,00;09/03/2025`,
      `${list.cf[5]};BRUNI CARLA;IMU;2022;ACC 120;550,00;150,00;700,00;09/03/2025`,
    ].join('\n');
    const changed = await importCsv(later, 'lista-rettifiche.csv');
    expect(changed.summary).toMatchObject({ imported: 0, updated: 0, rejected: 2 });
    const refused = await listImportRejects(db, t.users.admin.actor, changed.job.id, {}, 'en');
    expect(refused.items.map((r) => r.problems[0]!.message)).toEqual([
      `The components of position ${cf}-IMU-2022-ACC118 differ from those recorded: correct them on the position`,
      `The components of position ${list.cf[5]}-IMU-2022-ACC120 differ from those recorded: correct them on the position`,
    ]);
    expect((await db.selectFrom('claims').select('principal').where('id', '=', imu.id).executeTakeFirstOrThrow()).principal).toBe('1395.50');
  });
});

describe('import for a comune whose notices incasso generates', () => {
  it('gives every loaded position its notice code at the end of the job, from the comune’s counter', async () => {
    const partnerComune = await createCreditor(db, t.users.admin.actor, {
      name: `Comune di Partner ${uniq()}`,
      kind: 'public_entity',
      taxCode: fakePartitaIva((Date.now() + 7) % 100000),
      cadastralCode: 'B456',
      iban: IBAN,
      pagopa: { noticeMode: 'generated', segregationCode: '07' },
    });
    const cf = [uniqueCodiceFiscale(), uniqueCodiceFiscale()];
    const csv = [
      "Codice fiscale;Contribuente;Tributo;Anno d'imposta;Tipo atto;Numero atto;Imposta;Scadenza",
      `${cf[0]};ROSSI MARIO;IMU;2023;Avviso bonario;B-1;250,00;16/12/2023`,
      `${cf[1]};BIANCHI ANNA;TARI;2024;Avviso bonario;B-2;180,00;31/05/2024`,
    ].join('\n');
    const actor = t.users.admin.actor;
    const job = await uploadImport(db, actor, { creditorId: partnerComune.id, fileName: 'carico.csv' }, Readable.from([Buffer.from(csv)]));
    const summary = await runImport(db, actor, job.id, {}, { today: '2025-06-30', locale: 'it' });
    expect(summary).toMatchObject({ status: 'done', imported: 2 });
    const codes = (await claimsOf(job.id)).map((c) => c.notice_code);
    expect(codes.every((c) => c !== null && /^307\d{15}$/.test(c))).toBe(true);
    expect(new Set(codes).size).toBe(2);
    for (const c of codes) expect(parseNotice(c!)).toMatchObject({ ok: true });
    const audit = await db.selectFrom('audit_events').select(['action', 'after']).where('entity_id', '=', partnerComune.id).where('action', '=', 'creditor.notice_codes_generated').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ count: 2, importId: job.id });
  });
});
