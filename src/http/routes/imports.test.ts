import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resumeImportsJob } from '../../jobs/handlers/resume-imports.ts';
import { auditOf, snapshotCounts, type TestTenant } from '../../test/factories.ts';
import { openApiContext, type ApiContext, type Client } from '../../test/http.ts';
import { resumeInterruptedImports } from '../../usecases/imports/resume-imports.ts';
import { RUN_IMPORT_JOB, startImport } from '../../usecases/imports/start-import.ts';
import { consumerRows, fakeCodiceFiscale, fakePartitaIva, portfolioCsv, type PortfolioRow } from '../../test/portfolio.ts';

let ctx: ApiContext;
let t: TestTenant;
let creditorId: string;

beforeAll(async () => {
  ctx = await openApiContext();
  t = ctx.t;
  // A creditor of its own, so counts are this file's only.
  creditorId = (await ctx.admin({ method: 'POST', url: '/api/creditors', payload: { name: `Import ${Date.now()}`, kind: 'company' } })).json().id;
});
afterAll(async () => {
  await ctx.app.close();
});

/** A multipart body as a browser sends it: the creditor field, then the file. */
function multipart(fields: Record<string, string>, file: { name: string; content: Buffer | string }) {
  const boundary = `----incasso${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`));
  parts.push(Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content));
  parts.push(Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(content: string | Buffer, name = 'crediti.csv', client: Client = ctx.supervisor, creditor = creditorId) {
  const body = multipart({ creditorId: creditor }, { name, content });
  return client({ method: 'POST', url: '/api/imports', payload: body.payload, headers: body.headers });
}

/** Uploads, starts and waits for the end of a real import. */
async function importFile(content: string | Buffer, name = 'crediti.csv', start: Record<string, unknown> = {}) {
  const up = await upload(content, name);
  expect(up.statusCode, up.body).toBe(201);
  const started = await ctx.supervisor({ method: 'POST', url: `/api/imports/${up.json().id}/start`, payload: start });
  expect(started.statusCode, started.body).toBe(202);
  for (let i = 0; i < 200; i++) {
    const job = (await ctx.supervisor({ method: 'GET', url: `/api/imports/${up.json().id}` })).json();
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

const claimsOf = async () =>
  ctx.db.selectFrom('claims').select(['external_ref', 'principal', 'due_date', 'debtor_id']).where('creditor_id', '=', creditorId).orderBy('external_ref').execute();

describe('portfolio import', () => {
  it('requires a session, a role that may import, and answers outsiders 404', async () => {
    const csv = portfolioCsv(consumerRows(2, 'AUTH'));
    const body = multipart({ creditorId }, { name: 'x.csv', content: csv });
    expect((await ctx.app.inject({ method: 'POST', url: '/api/imports', payload: body.payload, headers: body.headers })).statusCode).toBe(401);
    expect((await upload(csv, 'x.csv', ctx.operator)).statusCode).toBe(403);
    expect((await upload(csv, 'x.csv', ctx.viewer)).statusCode).toBe(403);
    const job = (await upload(csv, 'x.csv')).json();
    expect((await ctx.outsider({ method: 'GET', url: `/api/imports/${job.id}` })).statusCode).toBe(404);
    expect((await ctx.outsider({ method: 'POST', url: `/api/imports/${job.id}/start`, payload: {} })).statusCode).toBe(404);
    expect((await ctx.outsider({ method: 'GET', url: `/api/imports/${job.id}/rejects.csv` })).statusCode).toBe(404);
    // Another tenant's creditor is unknown here.
    expect((await upload(csv, 'x.csv', ctx.supervisor, ctx.other.creditor.id)).statusCode).toBe(400);
  });

  it('previews a file: format, encoding, delimiter, first rows and the mapping its headers suggest', async () => {
    const up = (await upload(portfolioCsv(consumerRows(3, 'PRE')))).json();
    expect(up).toMatchObject({ status: 'uploaded', fileName: 'crediti.csv', resumed: false });
    const p = (await ctx.supervisor({ method: 'GET', url: `/api/imports/${up.id}/preview` })).json();
    expect(p).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ';' });
    expect(p.rows).toHaveLength(3);
    expect(p.suggested).toMatchObject({
      externalRef: 'Numero fattura',
      companyName: 'Ragione sociale',
      lastName: 'Cognome',
      firstName: 'Nome',
      taxCode: 'Codice fiscale',
      vatNumber: 'Partita IVA',
      principal: 'Importo',
      dueDate: 'Scadenza',
      postalCode: 'CAP',
      city: 'Comune',
      email: 'Email',
      phone: 'Telefono',
    });
  });

  it('imports the good rows, keeps every bad one with its line and reason, and a second import changes nothing', async () => {
    const good = consumerRows(5, 'IMP');
    const bad: PortfolioRow[] = [
      { ...good[0]!, ref: 'IMP-BAD-1', amount: '12,345' },
      { ...good[0]!, ref: 'IMP-BAD-2', due: '30/02/2025' },
      { ...good[0]!, ref: 'IMP-BAD-3', taxCode: `${fakeCodiceFiscale(99).slice(0, 15)}${fakeCodiceFiscale(99).endsWith('A') ? 'B' : 'A'}` },
      { ...good[0]!, ref: '=HYPERLINK("http://x")', amount: '' },
    ];
    const csv = portfolioCsv([...good.slice(0, 2), ...bad, ...good.slice(2)]);
    const job = await importFile(csv);
    expect(job).toMatchObject({ status: 'done', rowsRead: 9, imported: 5, rejected: 4, updated: 0, unchanged: 0, debtorsCreated: 5 });
    const rejects = (await ctx.supervisor({ method: 'GET', url: `/api/imports/${job.id}/rejects` })).json();
    expect(rejects.items.map((r: { line: number }) => r.line)).toEqual([4, 5, 6, 7]);
    const messages = rejects.items.map((r: { problems: { column: string; message: string }[] }) => r.problems.map((p) => `${p.column}: ${p.message}`).join(' | '));
    expect(messages[0]).toMatch(/^Importo: .*decimal/);
    expect(messages[1]).toMatch(/^Scadenza: .*30\/02\/2025|2025-02-30/);
    expect(messages[2]).toMatch(/^Codice fiscale: /);
    expect(messages[3]).toMatch(/Importo/);
    const claims = await claimsOf();
    expect(claims.map((c) => c.external_ref)).toEqual(good.map((g) => g.ref).sort());
    // "1.234,56" became 1234.56 exactly.
    expect(claims.find((c) => c.external_ref === good[0]!.ref)!.principal).toBe(good[0]!.amount.replace('.', '').replace(',', '.'));

    // The rejected rows as CSV: a cell starting with = cannot run as a formula.
    const csvOut = await ctx.supervisor({ method: 'GET', url: `/api/imports/${job.id}/rejects.csv` });
    expect(csvOut.statusCode).toBe(200);
    expect(csvOut.headers['content-type']).toContain('text/csv');
    expect(csvOut.body).toContain(`'=HYPERLINK`);
    expect(csvOut.body).not.toMatch(/(^|;)=HYPERLINK/m);

    // The same file again: nothing new, nothing changed.
    const before = await snapshotCounts(ctx.db, t.tenantId, ['claims', 'debtors', 'contacts', 'addresses']);
    const again = await importFile(csv);
    expect(again).toMatchObject({ status: 'done', imported: 0, updated: 0, unchanged: 5, rejected: 4, debtorsCreated: 0, debtorsMatched: 5 });
    expect(await snapshotCounts(ctx.db, t.tenantId, ['claims', 'debtors', 'contacts', 'addresses'])).toEqual(before);
  });

  it('turns a changed amount or due date into an update recorded with the file it came from', async () => {
    const rows = consumerRows(3, 'UPD');
    await importFile(portfolioCsv(rows), 'mese-1.csv');
    const changed = rows.map((r, i) => (i === 1 ? { ...r, amount: '999,99', due: '15/12/2025' } : r));
    const job = await importFile(portfolioCsv(changed), 'mese-2.csv');
    expect(job).toMatchObject({ imported: 0, updated: 1, unchanged: 2 });
    const claim = await ctx.db.selectFrom('claims').select(['id', 'principal', 'due_date']).where('creditor_id', '=', creditorId).where('external_ref', '=', rows[1]!.ref).executeTakeFirstOrThrow();
    expect(claim).toMatchObject({ principal: '999.99', due_date: '2025-12-15' });
    const audit = await auditOf(ctx.db, t.tenantId, claim.id);
    const update = audit.find((a) => a.action === 'claim.updated')!;
    expect(update.before).toMatchObject({ dueDate: expect.any(String) });
    expect(update.after).toMatchObject({ principal: '999.99', dueDate: '2025-12-15', source: { fileName: 'mese-2.csv', line: 3, importJobId: job.id } });
  });

  it('matches one debtor across rows and files by tax id, merging contacts; same name elsewhere goes to review', async () => {
    const cf = fakeCodiceFiscale(4242);
    const piva = fakePartitaIva(77);
    const rows: PortfolioRow[] = [
      { ref: 'MAT-1', lastName: 'Bianchi', firstName: 'Anna', taxCode: cf, email: 'anna@example.it', amount: '100,00', due: '31/01/2025', address: 'Via Po 1', postalCode: '10100', city: 'Torino' },
      { ref: 'MAT-2', lastName: 'Bianchi', firstName: 'Anna', taxCode: cf, phone: '333 123 4567', amount: '200,00', due: '28/02/2025' },
      { ref: 'MAT-3', company: 'Alfa S.r.l.', vatNumber: piva, amount: '300,00', due: '31/03/2025', address: 'Corso Francia 10', postalCode: '10100', city: 'Torino' },
      { ref: 'MAT-4', company: 'Omega Trasporti', amount: '50,00', due: '31/03/2025', address: 'Via Nizza 5', postalCode: '10125', city: 'Torino' },
    ];
    const job = await importFile(portfolioCsv(rows), 'match.csv');
    expect(job).toMatchObject({ imported: 4, debtorsCreated: 3 });
    const anna = await ctx.db.selectFrom('debtors').select('id').where('tenant_id', '=', t.tenantId).where('tax_code', '=', cf).execute();
    expect(anna).toHaveLength(1);
    const contacts = await ctx.db.selectFrom('contacts').select(['channel', 'value']).where('debtor_id', '=', anna[0]!.id).orderBy('channel').execute();
    expect(contacts).toEqual([
      { channel: 'email', value: 'anna@example.it' },
      { channel: 'mobile', value: '+393331234567' },
    ]);
    // Next month: same people, one new e-mail; a same-named company at another address without a tax id.
    const next = await importFile(
      portfolioCsv([
        { ref: 'MAT-5', lastName: 'Bianchi', firstName: 'Anna', taxCode: cf, email: 'anna.b@example.it', amount: '10,00', due: '30/04/2025' },
        { ref: 'MAT-6', company: 'Omega Trasporti', amount: '70,00', due: '30/04/2025', address: 'Via Roma 99', postalCode: '10121', city: 'Torino' },
        { ref: 'MAT-7', company: 'Omega Trasporti', amount: '80,00', due: '30/04/2025', address: 'Via Nizza 5', postalCode: '10125', city: 'Torino' },
      ]),
      'match-2.csv',
    );
    expect(next).toMatchObject({ imported: 3, debtorsCreated: 1 });
    expect(await ctx.db.selectFrom('contacts').select('value').where('debtor_id', '=', anna[0]!.id).execute()).toHaveLength(3);
    const report = (await ctx.supervisor({ method: 'GET', url: `/api/imports/${next.id}/report` })).json();
    expect(report.reviews).toBe(1);
    const reviews = (await ctx.supervisor({ method: 'GET', url: `/api/imports/${next.id}/report/reviews` })).json();
    expect(reviews[0]).toMatchObject({ line: '3', debtor: 'Omega Trasporti', candidate: 'Omega Trasporti', status: 'open' });
    // The new debtor already has a history before anyone decides: a call logged, a promise, a place in a queue.
    const fresh = reviews[0].debtorId as string;
    const queue = await ctx.supervisor({ method: 'POST', url: '/api/work/queues', payload: { name: `Merge ${Date.now()}`, creditorId } });
    expect(queue.statusCode, queue.body).toBe(201);
    await ctx.db.insertInto('desk_items').values({ tenant_id: t.tenantId, queue_id: queue.json().id, debtor_id: fresh, priority: 5, owed: '70.00' }).onConflict((oc) => oc.doNothing()).execute();
    await ctx.db
      .insertInto('contact_log')
      .values({ tenant_id: t.tenantId, debtor_id: fresh, channel: 'desk', kind: 'phone_attempt', local_date: '2025-05-02', local_time: '10:00', allowed: true, actor_label: 'test', outcome: 'NON_RISPONDE' })
      .execute();
    await ctx.db
      .insertInto('promises')
      .values({ tenant_id: t.tenantId, debtor_id: fresh, amount: '70.00', currency: 'EUR', due_on: '2025-05-20', grace_days: 3, made_on: '2025-05-02', claim_ids: [] })
      .execute();
    // The supervisor decides they are one company: the new debtor's claim moves to the existing one.
    expect((await ctx.operator({ method: 'POST', url: `/api/imports/${next.id}/reviews/${reviews[0].reviewId}`, payload: { decision: 'merge' } })).statusCode).toBe(403);
    const merged = await ctx.supervisor({ method: 'POST', url: `/api/imports/${next.id}/reviews/${reviews[0].reviewId}`, payload: { decision: 'merge' } });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json()).toMatchObject({ status: 'merged', debtorId: reviews[0].candidateId });
    const omega = await ctx.db.selectFrom('claims').select(['external_ref', 'debtor_id']).where('creditor_id', '=', creditorId).where('external_ref', 'in', ['MAT-4', 'MAT-6', 'MAT-7']).execute();
    expect(new Set(omega.map((c) => c.debtor_id))).toEqual(new Set([reviews[0].candidateId]));
    expect(await ctx.db.selectFrom('debtors').select('id').where('id', '=', reviews[0].debtorId).execute()).toEqual([]);
    // Its history went with it.
    const into = reviews[0].candidateId as string;
    expect(await ctx.db.selectFrom('contact_log').select('debtor_id').where('tenant_id', '=', t.tenantId).where('actor_label', '=', 'test').execute()).toEqual([{ debtor_id: into }]);
    expect(await ctx.db.selectFrom('promises').select('debtor_id').where('tenant_id', '=', t.tenantId).where('amount', '=', '70.00').execute()).toEqual([{ debtor_id: into }]);
    expect(await ctx.db.selectFrom('desk_items').select('debtor_id').where('queue_id', '=', queue.json().id).where('debtor_id', 'in', [fresh, into]).execute()).toEqual([{ debtor_id: into }]);
    expect((await ctx.supervisor({ method: 'POST', url: `/api/imports/${next.id}/reviews/${reviews[0].reviewId}`, payload: { decision: 'keep_separate' } })).statusCode).toBe(409);
  });

  it('reports unreachable debtors for skip tracing, and a corrected reject is imported', async () => {
    const rows: PortfolioRow[] = [
      { ref: 'SKIP-1', lastName: 'Verdi', firstName: 'Luca', taxCode: fakeCodiceFiscale(5151), amount: '120,00', due: '31/01/2025' },
      { ref: 'SKIP-2', lastName: 'Neri', firstName: 'Sara', taxCode: fakeCodiceFiscale(5152), email: 'sara@example.it', amount: '80,00', due: '31/01/2025' },
      { ref: 'SKIP-3', lastName: 'Gialli', firstName: 'Ugo', taxCode: fakeCodiceFiscale(5153), amount: 'abc', due: '31/01/2025' },
    ];
    const job = await importFile(portfolioCsv(rows), 'skip.csv');
    expect(job).toMatchObject({ imported: 2, rejected: 1 });
    const report = (await ctx.supervisor({ method: 'GET', url: `/api/imports/${job.id}/report` })).json();
    expect(report).toMatchObject({ unreachable: 1, rejected: 1 });
    const list = (await ctx.operator({ method: 'GET', url: `/api/skip-tracing?importJobId=${job.id}` })).json();
    expect(list.items.map((d: { displayName: string }) => d.displayName)).toEqual(['Verdi Luca']);
    const csv = await ctx.supervisor({ method: 'GET', url: `/api/imports/${job.id}/report.csv?list=unreachable` });
    expect(csv.body).toContain('Verdi Luca');

    const wrong = await ctx.supervisor({ method: 'POST', url: `/api/imports/${job.id}/rejects/4`, payload: { cells: { Importo: '1,2,3' } } });
    expect(wrong.statusCode).toBe(400);
    const fixed = await ctx.supervisor({ method: 'POST', url: `/api/imports/${job.id}/rejects/4`, payload: { cells: { Importo: '45,00' } } });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json()).toMatchObject({ line: 4, status: 'reimported' });
    expect((await ctx.supervisor({ method: 'GET', url: `/api/imports/${job.id}` })).json()).toMatchObject({ imported: 3, rejected: 0 });
    expect((await claimsOf()).find((c) => c.external_ref === 'SKIP-3')).toMatchObject({ principal: '45.00' });
  });

  it('fails a file it cannot read with a clear message and writes nothing else', async () => {
    const before = await snapshotCounts(ctx.db, t.tenantId, ['claims', 'debtors']);
    const headersOnly = await importFile('Numero fattura;Cognome;Importo;Scadenza\r\n', 'vuoto.csv');
    expect(headersOnly).toMatchObject({ status: 'done', rowsRead: 0, imported: 0 });
    const noColumns = await importFile('Colonna A;Colonna B\r\n1;2\r\n', 'strano.csv');
    expect(noColumns.status).toBe('failed');
    expect(noColumns.error).toContain('Colonne obbligatorie');
    const junk = await importFile(Buffer.from([0, 1, 2, 3, 0, 255, 254, 0, 7, 8, 0, 0, 1]), 'junk.csv');
    expect(junk.status).toBe('failed');
    expect(junk.error).toBeTruthy();
    expect(await snapshotCounts(ctx.db, t.tenantId, ['claims', 'debtors'])).toEqual(before);
    const empty = await upload('', 'niente.csv');
    expect(empty.statusCode).toBe(400);
  });

  it('keeps the valid rows of a malformed file: broken quotes, Windows-1252 lines, a 10 MB field', async () => {
    const rows = consumerRows(4, 'MAL', 700);
    const lines = portfolioCsv(rows).trimEnd().split('\r\n');
    // Line 3: an unclosed quote; line 5: a 10 MB description-like cell in the surname column.
    lines[2] = lines[2]!.replace('Via Roma', '"Via Roma');
    lines[4] = lines[4]!.replace(/Rossi\d+/, 'x'.repeat(10 * 1024 * 1024));
    const utf8 = Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
    // One more row written by an old program in Windows-1252: "Società" with 0xE0.
    const cp1252 = Buffer.from(`MAL-CP;Società Nuova S.r.l.;;;;${fakePartitaIva(701)};;;;;;;150,00;31/01/2025;\r\n`, 'latin1');
    const job = await importFile(Buffer.concat([utf8, cp1252]), 'malformato.csv');
    expect(job.status).toBe('done');
    expect(job).toMatchObject({ imported: 3, rejected: 2 });
    const refs = (await claimsOf()).map((c) => c.external_ref).filter((r) => r.startsWith('MAL-'));
    expect(refs.sort()).toEqual([rows[0]!.ref, rows[2]!.ref, 'MAL-CP'].sort());
    const rejects = (await ctx.supervisor({ method: 'GET', url: `/api/imports/${job.id}/rejects` })).json();
    expect(rejects.items.map((r: { line: number }) => r.line)).toEqual([3, 5]);
    expect(rejects.items[0].problems[0].message).toMatch(/[Vv]irgolett/);
    const company = await ctx.db.selectFrom('debtors').select('display_name').where('vat_number', '=', fakePartitaIva(701)).executeTakeFirstOrThrow();
    expect(company.display_name).toBe('Società Nuova S.r.l.');
    expect(job.warnings.join(' ')).toMatch(/1252|Windows/);
  });

  it('refuses duplicated headers and reads an XLSX sheet like a CSV', async () => {
    const dup = await importFile('Numero fattura;Importo;Importo;Scadenza;Cognome\r\nX-1;1,00;2,00;31/01/2025;Rossi\r\n', 'doppie.csv');
    expect(dup.status).toBe('failed');
    expect(dup.error).toMatch(/Importo/);

    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Crediti');
    sheet.addRow(['Numero fattura', 'Ragione sociale', 'Partita IVA', 'Importo', 'Scadenza']);
    sheet.addRow(['XL-1', 'Beta S.p.A.', fakePartitaIva(801), 1234.5, new Date(Date.UTC(2025, 0, 31))]);
    sheet.addRow(['XL-2', 'Gamma S.r.l.', fakePartitaIva(802), 99.99, new Date(Date.UTC(2025, 1, 28))]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const job = await importFile(xlsx, 'crediti.xlsx', { options: { decimal: '.' } });
    expect(job).toMatchObject({ status: 'done', format: 'xlsx', sheet: 'Crediti', imported: 2, rejected: 0 });
    const claims = (await claimsOf()).filter((c) => c.external_ref.startsWith('XL-'));
    expect(claims.map((c) => [c.external_ref, c.principal, c.due_date])).toEqual([
      ['XL-1', '1234.50', '2025-01-31'],
      ['XL-2', '99.99', '2025-02-28'],
    ]);
  });

  it('finishes an import whose server died mid-way; a file with an unknown delimiter fails with its headers named', async () => {
    const up = (await upload(portfolioCsv(consumerRows(3, 'RES', 950)), 'ripresa.csv')).json();
    // As a killed node leaves it: importing, nothing committed for a while, the mapping chosen.
    await ctx.db
      .updateTable('import_jobs')
      .set({ status: 'importing', mapping: JSON.stringify({ externalRef: 'Numero fattura', principal: 'Importo', dueDate: 'Scadenza', lastName: 'Cognome', firstName: 'Nome', taxCode: 'Codice fiscale' }), updated_at: new Date(Date.now() - 10 * 60_000) })
      .where('id', '=', up.id)
      .execute();
    expect(await resumeInterruptedImports(ctx.db)).toContain(up.id);
    expect((await ctx.supervisor({ method: 'GET', url: `/api/imports/${up.id}` })).json()).toMatchObject({ status: 'done', imported: 3 });
    expect(await resumeInterruptedImports(ctx.db)).not.toContain(up.id);

    const piped = await importFile('Numero fattura|Cognome|Importo|Scadenza\r\nP-1|Rossi|1,00|31/01/2025\r\n', 'pipe.csv');
    expect(piped.status).toBe('failed');
    expect(piped.error).toContain('Numero fattura|Cognome|Importo|Scadenza');
  });

  it('a dry run counts everything and writes nothing', async () => {
    const up = (await upload(portfolioCsv(consumerRows(4, 'DRY', 900)), 'prova.csv')).json();
    const before = await snapshotCounts(ctx.db, t.tenantId, ['claims', 'debtors', 'contacts', 'audit_events']);
    // An explicit mapping names some fields only; an unknown column is refused, naming the field.
    const wrongColumn = await ctx.supervisor({
      method: 'POST',
      url: `/api/imports/${up.id}/start`,
      payload: { dryRun: true, mapping: { externalRef: 'Numero fattura', principal: 'Totale', dueDate: 'Scadenza', lastName: 'Cognome' } },
    });
    expect(wrongColumn.statusCode).toBe(400);
    expect(wrongColumn.json().error.fields).toMatchObject([{ path: 'mapping.principal', message: expect.stringContaining('Totale') }]);
    const mapping = { externalRef: 'Numero fattura', principal: 'Importo', dueDate: 'Scadenza', lastName: 'Cognome', firstName: 'Nome', taxCode: 'Codice fiscale' };
    const dry = await ctx.supervisor({ method: 'POST', url: `/api/imports/${up.id}/start`, payload: { dryRun: true, mapping, options: { decimal: ',' } } });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, rowsRead: 4, imported: 4, debtorsCreated: 4, rejected: 0 });
    expect(await snapshotCounts(ctx.db, t.tenantId, ['claims', 'debtors', 'contacts', 'audit_events'])).toEqual(before);
    expect((await ctx.supervisor({ method: 'GET', url: `/api/imports/${up.id}` })).json().status).toBe('uploaded');
  });
});

describe('import holes (issue 11)', () => {
  /** Uploads to a creditor of the test tenant and runs the import to its end. */
  async function importFor(creditor: string, content: string, name: string) {
    const up = await upload(content, name, ctx.supervisor, creditor);
    expect(up.statusCode, up.body).toBe(201);
    const started = await ctx.supervisor({ method: 'POST', url: `/api/imports/${up.json().id}/start`, payload: {} });
    expect(started.statusCode, started.body).toBe(202);
    for (let i = 0; i < 200; i++) {
      const job = (await ctx.supervisor({ method: 'GET', url: `/api/imports/${up.json().id}` })).json();
      if (job.status === 'done' || job.status === 'failed') return job;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('import did not finish');
  }

  it('answers a truncated multipart upload 400 with a clear message, not 500', async () => {
    const body = multipart({ creditorId }, { name: 'tronco.csv', content: portfolioCsv(consumerRows(50, 'TRUNC', 3000)) });
    const cut = body.payload.subarray(0, body.payload.length - 400);
    const res = await ctx.supervisor({ method: 'POST', url: '/api/imports', payload: cut, headers: body.headers });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error).toMatchObject({ messageCode: 'import.upload.truncated', message: expect.stringMatching(/^Caricamento incompleto/) });
    const inEnglish = await ctx.supervisor({ method: 'POST', url: '/api/imports', payload: cut, headers: { ...body.headers, 'accept-language': 'en' } });
    expect(inEnglish.json().error.message).toMatch(/^Incomplete upload: the file arrived cut short/);
    expect(await ctx.db.selectFrom('import_jobs').select('id').where('file_name', '=', 'tronco.csv').execute()).toEqual([]);
  });

  it('names the rejects download after the file without doubling .csv', async () => {
    const job = await importFile(portfolioCsv([{ ...consumerRows(1, 'NAME', 3100)[0]!, amount: 'dieci' }]), 'scarti del mese.csv');
    const res = await ctx.supervisor({ method: 'GET', url: `/api/imports/${job.id}/rejects.csv` });
    expect(res.headers['content-disposition']).toBe('attachment; filename="scarti-scarti_del_mese.csv"');
    const report = await ctx.supervisor({ method: 'GET', url: `/api/imports/${job.id}/report.csv?list=unreachable` });
    expect(report.headers['content-disposition']).toBe('attachment; filename="unreachable-scarti_del_mese.csv"');
  });

  it("shows a creditor's viewer no debtor of another mandate in its import's review list", async () => {
    const omega = (address: string, ref: string) =>
      portfolioCsv([{ ref, company: `Gamma Logistica ${t.slug}`, amount: '50,00', due: '31/03/2025', address, postalCode: '10125', city: 'Torino' }]);
    await importFor(t.otherCreditor.id, omega('Via Nizza 5', `VIEW-O-${t.slug}`), 'altro-mandato.csv');
    const mine = await importFor(t.creditor.id, omega('Via Roma 9', `VIEW-M-${t.slug}`), 'mio-mandato.csv');
    const asSupervisor = (await ctx.supervisor({ method: 'GET', url: `/api/imports/${mine.id}/report/reviews` })).json();
    expect(asSupervisor).toHaveLength(1);
    const asViewer = await ctx.viewer({ method: 'GET', url: `/api/imports/${mine.id}/report/reviews` });
    expect(asViewer.statusCode, asViewer.body).toBe(200);
    expect(asViewer.json()).toEqual([]);
    expect(asViewer.body).not.toContain(asSupervisor[0].candidateId);
    expect((await ctx.viewer({ method: 'GET', url: `/api/imports/${mine.id}/report` })).json().reviews).toBe(0);
  });

  it('lists the rows a dry run would reject, with their reasons', async () => {
    const rows = consumerRows(3, 'DRYREJ', 3200);
    const up = (await upload(portfolioCsv([rows[0]!, { ...rows[1]!, amount: '12,345' }, { ...rows[2]!, due: '30/02/2025' }]), 'prova-scarti.csv')).json();
    const dry = await ctx.supervisor({ method: 'POST', url: `/api/imports/${up.id}/start`, payload: { dryRun: true, options: { decimal: ',' } } });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, rowsRead: 3, imported: 1, rejected: 2 });
    const rejects = dry.json().rejects as { line: number; problems: { column: string; message: string }[] }[];
    expect(rejects.map((r) => r.line)).toEqual([3, 4]);
    expect(rejects[0]!.problems[0]).toMatchObject({ column: 'Importo' });
    expect(rejects[1]!.problems[0]).toMatchObject({ column: 'Scadenza' });
    expect((await ctx.supervisor({ method: 'GET', url: `/api/imports/${up.id}/rejects` })).json().total).toBe(0);
  });

  it('stores a rejected row’s reason as a code and shows it in the reader’s language', async () => {
    const [row] = consumerRows(1, 'LANG', 3300);
    const job = await importFile(portfolioCsv([{ ...row!, amount: '12,3456' }]), 'lingue.csv');
    expect(job).toMatchObject({ status: 'done', rejected: 1 });
    // Stored: the code and its params, no rendered text.
    const stored = await ctx.db.selectFrom('import_rejects').select('problems').where('job_id', '=', job.id).executeTakeFirstOrThrow();
    expect(stored.problems).toEqual([{ field: 'principal', column: 'Importo', code: 'import.amount.too_many_decimals', params: { value: '"12,3456"' } }]);
    // Read back in each language, from the same stored row.
    const reasonIn = async (language: string) =>
      (await ctx.supervisor({ method: 'GET', url: `/api/imports/${job.id}/rejects`, headers: { 'accept-language': language } })).json().items[0].problems[0];
    expect(await reasonIn('it-IT')).toEqual({ field: 'principal', column: 'Importo', message: 'Importo "12,3456" con più di due decimali' });
    expect((await reasonIn('en-GB,en;q=0.9')).message).toBe('Amount "12,3456" with more than two decimals');
    expect((await reasonIn('de-CH')).message).toBe('Betrag "12,3456" mit mehr als zwei Nachkommastellen');
    expect((await reasonIn('fr-CH')).message).toBe('Montant "12,3456" avec plus de deux décimales');
    // The CSV of rejects follows the language asked for (a link names it in ?lang=).
    const csvIn = async (query: string, language?: string) =>
      (
        await ctx.supervisor({
          method: 'GET',
          url: `/api/imports/${job.id}/rejects.csv${query}`,
          headers: language ? { 'accept-language': language } : {},
        })
      ).body;
    expect(await csvIn('')).toContain('riga;errori;');
    expect(await csvIn('')).toContain('Importo: Importo ""12,3456"" con più di due decimali');
    expect(await csvIn('?lang=de', 'en')).toContain('Zeile;Fehler;');
    expect(await csvIn('', 'fr')).toContain('Montant ""12,3456"" avec plus de deux décimales');
  });

  it('still shows reasons, notes and errors stored as text before codes existed', async () => {
    const [row] = consumerRows(1, 'OLD', 3400);
    const job = await importFile(portfolioCsv([{ ...row!, amount: 'dieci' }]), 'vecchio.csv');
    await ctx.db
      .updateTable('import_rejects')
      .set({ problems: JSON.stringify([{ field: 'principal', column: 'Importo', message: 'Importo "dieci" non valido (invalid amount)' }]) })
      .where('job_id', '=', job.id)
      .execute();
    await ctx.db
      .updateTable('import_jobs')
      .set({ warnings: JSON.stringify(['Riga 2, Email: E-mail "x" non valida: ignorata (invalid e-mail address, ignored)']), error: 'Vecchio errore (old error)' })
      .where('id', '=', job.id)
      .execute();
    const rejects = (await ctx.supervisor({ method: 'GET', url: `/api/imports/${job.id}/rejects`, headers: { 'accept-language': 'de' } })).json();
    expect(rejects.items[0].problems).toEqual([{ field: 'principal', column: 'Importo', message: 'Importo "dieci" non valido (invalid amount)' }]);
    const shown = (await ctx.supervisor({ method: 'GET', url: `/api/imports/${job.id}`, headers: { 'accept-language': 'fr' } })).json();
    expect(shown).toMatchObject({ warnings: ['Riga 2, Email: E-mail "x" non valida: ignorata (invalid e-mail address, ignored)'], error: 'Vecchio errore (old error)' });
  });

  it('shows a job’s notes and a failed job’s error in the reader’s language', async () => {
    const rows = consumerRows(2, 'NOTE', 3500);
    const job = await importFile(portfolioCsv([rows[0]!, { ...rows[1]!, email: 'non-una-mail' }]), 'note.csv');
    expect(job.warnings).toContain('Riga 3, Email: E-mail "non-una-mail" non valida: ignorata');
    const inGerman = (await ctx.supervisor({ method: 'GET', url: `/api/imports/${job.id}`, headers: { 'accept-language': 'de' } })).json();
    expect(inGerman.warnings).toContain('Zeile 3, Email: Ungültige E-Mail "non-una-mail": ignoriert');
    const failed = await importFile('Colonna;Altra\nx;y\n', 'senza-colonne.csv');
    expect(failed).toMatchObject({ status: 'failed', error: expect.stringMatching(/^Colonne obbligatorie non trovate: /) });
    const failedInFrench = (await ctx.supervisor({ method: 'GET', url: `/api/imports/${failed.id}`, headers: { 'accept-language': 'fr' } })).json();
    expect(failedInFrench.error).toMatch(/^Colonnes obligatoires introuvables : externalRef, principal, dueDate, debtorName ; en-têtes du fichier : Colonna \| Altra$/);
  });
});

describe('imports through the job queue (issue 12)', () => {
  const start = (id: string, payload: Record<string, unknown> = {}, client: Client = ctx.supervisor) =>
    client({ method: 'POST', url: `/api/imports/${id}/start`, payload });
  const jobOf = async (id: string, lang = 'it') => (await ctx.supervisor({ method: 'GET', url: `/api/imports/${id}`, headers: { 'accept-language': lang } })).json();
  /** The audit of a job after its upload. */
  const afterUpload = async (id: string) => (await auditOf(ctx.db, t.tenantId, id)).filter((e) => e.action !== 'import.uploaded');
  const actions = async (id: string) => (await afterUpload(id)).map((a) => a.action);

  it('answers a start 202 with the job queued; the queue runs it once, however often it is started', async () => {
    const up = (await upload(portfolioCsv(consumerRows(3, 'QUEUE', 4000)), 'coda.csv')).json();
    const [a, b] = await Promise.all([start(up.id), start(up.id)]);
    expect([a.statusCode, b.statusCode]).toEqual([202, 202]);
    // Queued — or already taken by the queue's worker by the time the answer is written.
    expect(a.json()).toMatchObject({ id: up.id, status: expect.stringMatching(/^(queued|validating|importing|done)$/) });
    await ctx.jobs.idle();
    expect(await jobOf(up.id)).toMatchObject({ status: 'done', rowsRead: 3, imported: 3 });
    const audit = await afterUpload(up.id);
    expect(audit.map((e) => e.action)).toEqual(['import.requested', 'import.completed']);
    // Run as the user who asked, who is named on both events.
    expect(audit.map((e) => e.actor_label)).toEqual([`user:${t.users.supervisor.email}`, `user:${t.users.supervisor.email}`]);
    expect(audit[0]!.after).toMatchObject({ status: 'queued', fileName: 'coda.csv' });

    // Started again once done: answered as before, nothing runs.
    const again = await start(up.id);
    expect(again.statusCode).toBe(202);
    expect(again.json()).toMatchObject({ status: 'done', imported: 3 });
    await ctx.jobs.idle();
    expect(await actions(up.id)).toEqual(['import.requested', 'import.completed']);
    expect(ctx.jobs.errors).toEqual([]);
  });

  it('fails a started job whose mapping names a column the file lacks, naming it (not resumed with other columns)', async () => {
    const up = (await upload(portfolioCsv(consumerRows(2, 'QMAP', 4100)), 'colonne.csv')).json();
    const mapping = { externalRef: 'Numero fattura', principal: 'Totale', dueDate: 'Scadenza', lastName: 'Cognome' };
    expect((await start(up.id, { mapping })).statusCode).toBe(202);
    await ctx.jobs.idle();
    expect(await jobOf(up.id)).toMatchObject({ status: 'failed', imported: 0, error: expect.stringContaining('Totale') });
  });

  it('fails the job, saying why, when its user was demoted or deactivated before a worker took it', async () => {
    const made = async (role: string) => {
      const res = await ctx.admin({ method: 'POST', url: '/api/users', payload: { email: `q-${role}-${Date.now()}@example.it`, name: 'Coda', role: 'supervisor' } });
      expect(res.statusCode, res.body).toBe(201);
      const u = res.json();
      return { id: u.id as string, actor: { tenantId: t.tenantId, userId: u.id as string, role: 'supervisor' as const, creditorId: null, label: `user:${u.email}` } };
    };
    const demoted = await made('demoted');
    const gone = await made('gone');
    const first = (await upload(portfolioCsv(consumerRows(2, 'QDEM', 4200)), 'retrocesso.csv')).json();
    const second = (await upload(portfolioCsv(consumerRows(2, 'QGONE', 4300)), 'disattivato.csv')).json();
    // Started (recorded as queued) while they could; the queue's worker comes after the change.
    await startImport(ctx.db, demoted.actor, first.id, {});
    await startImport(ctx.db, gone.actor, second.id, {});
    expect((await ctx.admin({ method: 'PATCH', url: `/api/users/${demoted.id}`, payload: { role: 'operator' } })).statusCode).toBe(200);
    expect((await ctx.admin({ method: 'POST', url: `/api/users/${gone.id}/deactivate` })).statusCode).toBe(200);
    for (const id of [first.id, second.id]) await ctx.jobs.enqueue(RUN_IMPORT_JOB, { importJobId: id }, { singletonKey: id });
    await ctx.jobs.idle();

    expect(await jobOf(first.id)).toMatchObject({ status: 'failed', imported: 0, error: expect.stringMatching(/non ha più il permesso di importare/) });
    expect((await jobOf(first.id, 'en')).error).toMatch(/^Import not run: the user who started it may no longer import/);
    expect(await jobOf(second.id)).toMatchObject({ status: 'failed', imported: 0, error: expect.stringMatching(/non è più attivo/) });
    expect((await jobOf(second.id, 'de')).error).toMatch(/^Import nicht ausgeführt: Der Benutzer, der ihn gestartet hat, ist nicht mehr aktiv/);
    expect((await claimsOf()).filter((c) => c.external_ref.startsWith('QDEM') || c.external_ref.startsWith('QGONE'))).toEqual([]);
  });

  it('runs a job whose queue message was lost, once it has waited a few minutes', async () => {
    const up = (await upload(portfolioCsv(consumerRows(2, 'QLOST', 4400)), 'perso.csv')).json();
    // Recorded as queued, but the node died before sending it to the queue.
    await startImport(ctx.db, t.users.supervisor.actor, up.id, { options: { decimal: ',' } });
    expect(await resumeInterruptedImports(ctx.db)).not.toContain(up.id);
    await ctx.db.updateTable('import_jobs').set({ updated_at: new Date(Date.now() - 10 * 60_000) }).where('id', '=', up.id).execute();
    // The resume job (as `incasso start` wires it) sends it to the queue again; the queue runs it.
    await resumeImportsJob(ctx.db, ctx.jobs).run({});
    await ctx.jobs.idle();
    expect(await jobOf(up.id)).toMatchObject({ status: 'done', imported: 2 });
    expect((await afterUpload(up.id)).map((e) => [e.action, e.actor_label])).toEqual([
      ['import.requested', `user:${t.users.supervisor.email}`],
      ['import.completed', `user:${t.users.supervisor.email}`],
    ]);
    // The message arriving late runs nothing.
    await ctx.jobs.enqueue(RUN_IMPORT_JOB, { importJobId: up.id }, { singletonKey: up.id });
    await ctx.jobs.idle();
    expect(await actions(up.id)).toEqual(['import.requested', 'import.completed']);
  });
});
