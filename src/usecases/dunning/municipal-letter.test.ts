import { describe, expect, it } from 'vitest';
import { STRATEGY_TEMPLATES } from '../../domain/dunning/strategy.ts';
import type { InterestMode } from '../../domain/dunning/index.ts';
import type { ClaimBalance } from '../../domain/interest/claim-ledger.ts';
import { noticeCodeAux3 } from '../../domain/municipal/pagopa.ts';
import { renderEmail, renderLetterPdf } from '../../integrations/letters/index.ts';
import { decodeDataMatrix, decodeQr, pageCount, pdfText } from '../../integrations/letters/test-pdf-tools.ts';
import { posteDataMatrixPayload } from '../../domain/municipal/poste.ts';
import type { ClaimLedger } from '../claims/ledger.ts';
import { shippedRateBook } from '../interest/rate-book.ts';
import type { DebtorPlan } from './decide.ts';
import { buildLetter, type LetterContext } from './letter-input.ts';
import type { DebtorContext } from './load-context.ts';

/*
 * Letters and e-mails about a comune's positions (issue 13 items 4–5): built from the records as the
 * dunning run reads them (buildLetter), rendered, and read back as a taxpayer would (pdftotext, and
 * the QR code decoded from the page image as a banking app does).
 */

const flat = (s: string) => s.replace(/\s+/g, ' ');
const CF_ENTE = '80012345678';
const NOTICE = noticeCodeAux3('01', '0000000012345');
/** Everything a bonario stage may say and an enforceable act's reminder must not. */
const BONARIO_WORDING = /evitare l’emissione|può evitare|potrà emettere l’avviso di accertamento/;

interface Component {
  kind: string;
  amount: string;
  paid?: string;
  tribute_code: string | null;
}

/** The engine's balance of the position: its components as principal, the interest accrued since the act. */
function balance(components: Component[], interest: string): ClaimBalance {
  const principal = components.reduce((a, c) => a + Math.round(Number(c.amount) * 100), 0);
  const p = (principal / 100).toFixed(2);
  const total = ((principal + Math.round(Number(interest) * 100)) / 100).toFixed(2);
  return {
    principal: p,
    principalPaid: '0.00',
    principalDue: p,
    interest,
    interestPaid: '0.00',
    interestDue: interest,
    costs: '0.00',
    costsPaid: '0.00',
    costsDue: '0.00',
    totalDue: total,
    regime: 'it-legal',
    asOf: '2025-03-15',
    ratesKnownUntil: null,
    problem: null,
  } as unknown as ClaimBalance;
}

function comuneLetter(opts: {
  stepKey: string;
  act: { kind: string | null; number?: string; date?: string; notified?: string; enforceable?: string };
  revenue: 'imu' | 'tari' | 'cds_fine';
  year: number;
  components: Component[];
  interest?: { mode: InterestMode; amount: string };
  creditorName?: string;
  albo?: boolean;
  language?: string;
  /** false: the agency writes on the comune's paper (no letterhead of its own). */
  letterhead?: false;
  /** The position's codice avviso (default NOTICE); null: none supplied yet. */
  notice?: string | null;
  /** The comune's pagoPA set-up (default: codes supplied, a CBILL, no postal account). */
  pagopa?: Record<string, unknown>;
  /** A second position of the same taxpayer in the same letter. */
  second?: { ref: string; revenue: 'imu' | 'tari'; year: number; act: { kind: string | null; number?: string }; components: Component[]; notice: string | null };
}) {
  const step = { ...STRATEGY_TEMPLATES.comune.steps.find((s) => s.key === opts.stepKey)!, ...(opts.interest ? { interest: opts.interest.mode } : {}) };
  const creditor = {
    id: 'cr1',
    kind: 'public_entity',
    name: opts.creditorName ?? 'Comune di Valdoria',
    address_line1: 'Piazza Municipio 1',
    postal_code: '38100',
    city: 'Valdoria',
    province: 'TN',
    country: 'IT',
    email: 'tributi@comune.valdoria.example',
    phone: null,
    vat_number: null,
    iban: null,
    tax_code: CF_ENTE,
    cadastral_code: 'L378',
    pagopa: opts.pagopa ?? { noticeMode: 'supplied', cbill: 'AB12C' },
  };
  const ctx = {
    tenant: {
      name: 'Riscossioni Alpine S.r.l.',
      kind: 'agency',
      settings: {
        ...(opts.letterhead === false
          ? {}
          : { letterhead: { name: 'Riscossioni Alpine S.r.l.', lines: ['Via Verdi 4', '38122 Trento TN'], country: 'IT', email: 'info@riscossioni.example', phone: '0461 123456' } }),
        ...(opts.albo === false ? {} : { albo: { section: 'ordinary', number: '187', registeredOn: '2023-05-10' } }),
      },
    },
    debtor: { id: 'd1', display_name: 'LUCIA FERRARI', tax_code: 'FRRLCU80A41L378X', language: opts.language ?? 'it' },
    address: { line1: 'Via dei Mille 12', line2: null, postal_code: '38100', city: 'Valdoria', province: 'TN', country: 'IT' },
    creditors: new Map([['cr1', creditor]]),
    claims: [],
    components: new Map([
      ['c1', opts.components.map((c, i) => ({ claim_id: 'c1', position: i + 1, paid: '0.00', waived: '0.00', ...c }))],
      ['c2', (opts.second?.components ?? []).map((c, i) => ({ claim_id: 'c2', position: i + 1, paid: '0.00', waived: '0.00', ...c }))],
    ]),
  } as unknown as DebtorContext;
  const planned = { claimId: 'c1', reference: 'IMU-2021-000058', refNo: '58', stepNo: 2, stepKey: opts.stepKey, step, received: 1, nextOn: null };
  const plan = { creditorId: 'cr1', audience: 'debtor', step, stepNo: 2, currency: 'EUR', channel: null, blocked: null, leadClaimId: 'c1', claims: [planned] } as unknown as DebtorPlan;
  const row = {
    id: 'c1',
    kind: opts.revenue,
    external_ref: 'IMU-2021-000058',
    description: null,
    issue_date: '2024-03-10',
    due_date: '2024-05-19',
    ref_no: '58',
    tax_year: opts.year,
    act_kind: opts.act.kind,
    act_number: opts.act.number ?? null,
    act_date: opts.act.date ?? null,
    act_notified_on: opts.act.notified ?? null,
    act_enforceable_on: opts.act.enforceable ?? null,
    notice_code: opts.notice === undefined ? NOTICE : opts.notice,
  };
  const ledger = { id: 'c1', externalRef: row.external_ref, terms: { principal: '0.00' }, payments: [], costs: [] } as unknown as ClaimLedger;
  const l: LetterContext = {
    ctx,
    plan,
    book: shippedRateBook(),
    date: '2025-03-15',
    interest: step.interest,
    claims: [{ claim: planned, row: row as never, ledger, balance: balance(opts.components, opts.interest?.amount ?? '0.00') }],
    communicationRefNo: '900',
    documentId: 'C-900',
  };
  if (opts.second) {
    const o = opts.second;
    const row2 = { ...row, id: 'c2', kind: o.revenue, external_ref: o.ref, tax_year: o.year, act_kind: o.act.kind, act_number: o.act.number ?? null, act_date: null, act_notified_on: null, act_enforceable_on: null, notice_code: o.notice };
    const planned2 = { ...planned, claimId: 'c2', reference: o.ref };
    l.claims.push({ claim: planned2 as never, row: row2 as never, ledger, balance: balance(o.components, '0.00') });
  }
  return buildLetter(l);
}

/** An IMU 2021 assessment, already enforceable: tax 3918, sanctions 3924, interest 3923, notification costs; interest accrued since. */
const accertamento = (creditorName?: string, pagopa?: Record<string, unknown>) =>
  comuneLetter({
    pagopa,
    stepKey: 'sollecito',
    act: { kind: 'accertamento_esecutivo', number: '2024/IMU/000123', date: '2024-03-10', notified: '2024-03-20', enforceable: '2024-05-19' },
    revenue: 'imu',
    year: 2021,
    components: [
      { kind: 'tax', amount: '800.00', tribute_code: '3918' },
      { kind: 'sanctions', amount: '240.00', tribute_code: '3924' },
      { kind: 'act_interest', amount: '35.50', tribute_code: '3923' },
      { kind: 'notification_costs', amount: '8.75', tribute_code: null },
    ],
    interest: { mode: 'charge', amount: '4.10' },
    creditorName,
  });

describe('a letter about an avviso di accertamento esecutivo (IMU)', () => {
  it('names the tax, year, act, agency and albo, shows the components, the notice code and the F24 lines, and no bonario wording', async () => {
    const letter = accertamento();
    const pdf = await renderLetterPdf(letter);
    const t = flat(await pdfText(pdf));
    expect(t).toContain('IMU (imposta municipale propria) – anno 2021 · IMU-2021-000058');
    expect(t).toContain('Avviso di accertamento esecutivo (art. 1 c. 792 L. 160/2019) n. 2024/IMU/000123 del 10/03/2024, notificato il 20/03/2024, titolo esecutivo dal 19/05/2024');
    expect(t).toContain('Riscossioni Alpine S.r.l. agisce per conto del Comune di Valdoria ed è iscritta all’albo dei soggetti abilitati');
    expect(t).toContain('(art. 53 D.Lgs. 446/1997), sezione dell’accertamento e della riscossione, al n. 187 dal 10/05/2023');
    expect(letter.creditorName).toBe('Comune di Valdoria');
    expect(t).not.toMatch(/Comune di Comune|entrate di Comune/);
    // Components: amount, paid, due; accrued interest; the total.
    expect(t).toMatch(/Imposta 3918 800,00 € 0,00 € 800,00 €/);
    expect(t).toMatch(/Sanzioni 3924 240,00 € 0,00 € 240,00 €/);
    expect(t).toMatch(/Interessi liquidati nell’atto 3923 35,50 € 0,00 € 35,50 €/);
    expect(t).toMatch(/Spese di notifica 8,75 € 0,00 € 8,75 €/);
    expect(t).toMatch(/Interessi maturati dopo l’atto 4,10 € 0,00 € 4,10 €/);
    expect(t).toMatch(/Totale dovuto 1\.088,35 €/);
    // pagoPA: the comune, its codice fiscale, the code in groups of four, amount, date, CBILL.
    expect(t).toContain('Pagamento con avviso pagoPA');
    expect(t).toMatch(/Codice fiscale ente 80012345678/);
    expect(t).toContain(`Codice avviso ${NOTICE.replace(/(\d{4})(?=\d)/g, '$1 ')}`);
    expect(t).toMatch(/Importo 1\.088,35 €/);
    expect(t).toContain('Da pagare entro il 30 marzo 2025');
    expect(t).toContain('Codice CBILL AB12C');
    // F24, section EL: tax with the notification costs, sanctions, interest (act's and accrued) under 3923.
    expect(t).toContain('Modello F24 – sezione «IMU e altri tributi locali»');
    expect(t).toMatch(/EL 3918 L378 2021 808,75 €/);
    expect(t).toMatch(/EL 3924 L378 2021 240,00 €/);
    expect(t).toMatch(/EL 3923 L378 2021 39,60 €/);
    // The wording of an enforcement title, never the bonario's; no bank transfer.
    expect(t).toContain('costituisce titolo esecutivo (art. 1, comma 792, L. 160/2019)');
    expect(t).toContain('art. 1, comma 803, L. 160/2019');
    expect(t).not.toMatch(BONARIO_WORDING);
    expect(t).not.toMatch(/IBAN|RF\d\d/);
    expect(letter.payment.amount).toBe('1088.35');
    expect(letter.payment.reference).toBe(NOTICE);
  });

  it('prints a pagoPA QR code that decodes to PAGOPA|002|<notice>|<cf ente>|<cents>', async () => {
    const pdf = await renderLetterPdf(accertamento());
    const pages = await pageCount(pdf);
    const found: string[] = [];
    for (let p = 1; p <= pages; p++) {
      const { payload, stderr } = await decodeQr(pdf, p);
      expect(stderr).toBe('');
      if (payload) found.push(payload);
    }
    expect(found).toEqual([`PAGOPA|002|${NOTICE}|${CF_ENTE}|108835`]);
  });

  it('carries the Bollettino Postale PA where the comune collects on a postal account: its Data Matrix decodes to the Poste payload', async () => {
    const postal = { noticeMode: 'supplied', cbill: 'AB12C', postalAccount: '1234567', postalHolder: 'Comune di Valdoria - Servizio Tributi', postalAuthorization: 'AUT. DB/SSIC/E 12345 DEL 01/02/2020' };
    const letter = accertamento(undefined, postal);
    const expected = posteDataMatrixPayload({
      notice: NOTICE,
      cfEnte: CF_ENTE,
      postalAccount: '1234567',
      amount: '1088.35',
      debtorTaxCode: 'FRRLCU80A41L378X',
      debtorName: 'LUCIA FERRARI',
      subject: 'IMU (imposta municipale propria) – anno 2021 - 2024/IMU/000123',
    });
    expect(letter.municipal!.positions[0]!.pagopa!.poste).toEqual({ account: '1234567', holder: postal.postalHolder, authorization: postal.postalAuthorization, payload: expected });
    expect(expected.slice(15, 33)).toBe(NOTICE);
    expect(expected.slice(49, 59)).toBe('0000108835');
    expect(expected.slice(66, 77)).toBe(CF_ENTE);
    const pdf = await renderLetterPdf(letter);
    const pages = await pageCount(pdf);
    const found: string[] = [];
    const qr: string[] = [];
    for (let p = 1; p <= pages; p++) {
      const dm = await decodeDataMatrix(pdf, p);
      expect(dm.stderr).toBe('');
      found.push(...dm.payloads);
      const q = await decodeQr(pdf, p);
      if (q.payload) qr.push(q.payload);
    }
    expect(found).toEqual([expected]);
    // The pagoPA QR code is still there and still reads.
    expect(qr).toEqual([`PAGOPA|002|${NOTICE}|${CF_ENTE}|108835`]);
    const t = flat(await pdfText(pdf));
    expect(t).toContain('Bollettino postale PA');
    expect(t).toContain('Conto corrente postale n. 1234567');
    expect(t).toContain('Intestato a Comune di Valdoria - Servizio Tributi');
    expect(t).toContain('AUT. DB/SSIC/E 12345 DEL 01/02/2020');
    // The e-mail gives the postal account too.
    const mail = flat(renderEmail(letter).text);
    expect(mail).toContain('Bollettino postale PA: Conto corrente postale n.: 1234567');
    expect(mail).toContain('Intestato a: Comune di Valdoria - Servizio Tributi');
  });

  it('without a postal account: no Bollettino Postale PA, no Data Matrix, the letter input as before', async () => {
    const letter = accertamento();
    expect(letter.municipal!.positions[0]!.pagopa).not.toHaveProperty('poste');
    const pdf = await renderLetterPdf(letter);
    expect((await decodeDataMatrix(pdf, 1)).payloads).toEqual([]);
    expect(flat(await pdfText(pdf))).not.toContain('Bollettino postale');
  });

  it('writes "Comune di" once, whether or not the creditor\'s name has it', async () => {
    const bare = accertamento('Valdoria');
    expect(bare.municipal!.positions[0]!.pagopa!.entity).toBe('Comune di Valdoria');
    expect(bare.municipal!.agency).toMatch(/^Riscossioni Alpine S\.r\.l\. agisce per conto del Comune di Valdoria /);
    expect(bare.creditorName).toBe('Comune di Valdoria');
  });

  it('sends the same by e-mail: the act, the notice code and amount, no bonario wording', () => {
    const mail = renderEmail(accertamento());
    const text = flat(mail.text);
    expect(text).toContain('Avviso di accertamento esecutivo (art. 1 c. 792 L. 160/2019) n. 2024/IMU/000123 del 10/03/2024');
    expect(text).toContain(`Codice avviso: ${NOTICE.replace(/(\d{4})(?=\d)/g, '$1 ')}`);
    expect(text).toContain('Codice fiscale ente: 80012345678');
    expect(text).toContain('Importo: 1.088,35 €');
    expect(text).toContain('EL 3918 L378 2021: 808,75 €');
    expect(text).toContain('al n. 187 dal 10/05/2023');
    expect(text).not.toMatch(BONARIO_WORDING);
    expect(text).not.toMatch(/IBAN/);
    expect(mail.html).toContain('Codice avviso');
    expect(mail.html).not.toMatch(/evitare l’emissione/);
  });
});

describe('a bonario reminder (TARI with TEFA)', () => {
  const bonario = (language = 'it') =>
    comuneLetter({
      stepKey: 'avviso-bonario',
      act: { kind: 'bonario', number: 'TARI-2023-0042', date: '2024-11-04' },
      revenue: 'tari',
      year: 2023,
      components: [
        { kind: 'tax', amount: '212.00', tribute_code: '3944' },
        { kind: 'tax', amount: '10.60', tribute_code: 'TEFA' },
      ],
      language,
    });

  it('says that paying now avoids the assessment, names the comune once, and carries pagoPA and F24 (TARI and TEFA)', async () => {
    const t = flat(await pdfText(await renderLetterPdf(bonario())));
    expect(t).toContain('dai controlli dell’ufficio entrate del Comune di Valdoria risulta');
    expect(t).toContain('può evitare l’emissione di un avviso di accertamento');
    expect(t).toContain('TARI (tassa sui rifiuti) – anno 2023');
    expect(t).toContain('Avviso bonario n. TARI-2023-0042 del 04/11/2024');
    expect(t).toMatch(/EL 3944 L378 2023 212,00 €/);
    expect(t).toMatch(/EL TEFA L378 2023 10,60 €/);
    expect(t).toMatch(/Importo 222,60 €/);
    expect(t).not.toMatch(/titolo esecutivo dal|pignoramento/);
  });

  it('is written in German for a German-speaking taxpayer (Alto Adige)', async () => {
    const t = flat(await pdfText(await renderLetterPdf(bonario('de'))));
    expect(t).toContain('TARI (Müllgebühr) – Jahr 2023');
    expect(t).toContain('Zahlung mit dem pagoPA-Zahlungshinweis');
    expect(t).toContain('im Auftrag von Comune di Valdoria');
  });
});

describe('a CdS fine', () => {
  it('calls the amount an administrative sanction, has no F24 and no assessment wording', () => {
    const letter = comuneLetter({
      stepKey: 'avviso-bonario',
      act: { kind: 'verbale_cds', number: 'V-2024-771', date: '2024-06-01', notified: '2024-06-20' },
      revenue: 'cds_fine',
      year: 2024,
      components: [
        { kind: 'tax', amount: '173.00', tribute_code: null },
        { kind: 'notification_costs', amount: '12.40', tribute_code: null },
      ],
    });
    const p = letter.municipal!.positions[0]!;
    expect(p.components.map((c) => c.label)).toEqual(['Sanzione amministrativa', 'Spese di notifica']);
    expect(p.f24).toBeNull();
    expect(p.pagopa!.qrPayload).toBe(`PAGOPA|002|${NOTICE}|${CF_ENTE}|18540`);
    const all = [...letter.paragraphs, ...letter.legalNotice].join(' ');
    expect(all).not.toMatch(BONARIO_WORDING);
    expect(all).not.toMatch(/imposta|tributo/i);
  });

  it('on the comune\'s own paper, the agency is named by its own name, and the comune is not "on behalf of" itself', () => {
    const letter = comuneLetter({ stepKey: 'sollecito', act: { kind: 'accertamento_esecutivo', number: '1' }, revenue: 'imu', year: 2021, components: [{ kind: 'tax', amount: '100.00', tribute_code: '3918' }], letterhead: false });
    expect(letter.sender.name).toBe('Comune di Valdoria');
    expect(letter.creditorName).toBeNull();
    expect(letter.municipal!.agency).toMatch(/^Riscossioni Alpine S\.r\.l\. agisce per conto del Comune di Valdoria ed è iscritta/);
  });

  it('without an albo registration the agency is still named as acting for the comune', () => {
    const letter = accertamentoWithoutAlbo();
    expect(letter.municipal!.agency).toBe('Riscossioni Alpine S.r.l. agisce per conto del Comune di Valdoria.');
  });
});

function accertamentoWithoutAlbo() {
  return comuneLetter({
    stepKey: 'sollecito',
    act: { kind: 'accertamento_esecutivo', number: '1' },
    revenue: 'imu',
    year: 2021,
    components: [{ kind: 'tax', amount: '100.00', tribute_code: '3918' }],
    albo: false,
  });
}

describe('a letter about several positions', () => {
  it('gives each position its own pagoPA notice and F24 lines, follows the strongest act, and asks for the sum', async () => {
    const second = noticeCodeAux3('01', '0000000012346');
    const letter = comuneLetter({
      stepKey: 'avviso-bonario',
      act: { kind: 'bonario', number: 'IMU-B-7' },
      revenue: 'imu',
      year: 2022,
      components: [{ kind: 'tax', amount: '300.00', tribute_code: '3918' }],
      second: {
        ref: 'TARI-2021-000031',
        revenue: 'tari',
        year: 2021,
        act: { kind: 'accertamento_esecutivo', number: '2024/TARI/9' },
        components: [
          { kind: 'tax', amount: '180.00', tribute_code: '3944' },
          { kind: 'sanctions', amount: '54.00', tribute_code: '3946' },
        ],
        notice: second,
      },
    });
    const [a, b] = letter.municipal!.positions;
    expect(a!.pagopa!.qrPayload).toBe(`PAGOPA|002|${NOTICE}|${CF_ENTE}|30000`);
    expect(b!.pagopa!.qrPayload).toBe(`PAGOPA|002|${second}|${CF_ENTE}|23400`);
    expect(b!.f24!.lines.map((l) => [l.tributeCode, l.amount])).toEqual([
      ['3944', '180.00'],
      ['3946', '54.00'],
    ]);
    expect(letter.payment.amount).toBe('534.00');
    // Two notices: no single payment reference.
    expect(letter.payment.reference).toBeNull();
    const t = flat(await pdfText(await renderLetterPdf(letter)));
    expect(t).not.toMatch(BONARIO_WORDING);
    expect(t).toContain('costituisce titolo esecutivo');
    expect(t).toContain('Pagamento con avviso pagoPA — IMU-2021-000058');
    expect(t).toContain('Pagamento con avviso pagoPA — TARI-2021-000031');
  });

  it('shows a position recorded before components as the revenue\'s own amount, without an F24 it cannot fill', () => {
    const letter = comuneLetter({ stepKey: 'avviso-bonario', act: { kind: null }, revenue: 'tari', year: 2023, components: [{ kind: 'principal', amount: '95.00', tribute_code: null }] });
    const p = letter.municipal!.positions[0]!;
    expect(p.components).toEqual([{ label: 'Imposta', tributeCode: null, amount: '95.00', paid: '0.00', due: '95.00' }]);
    expect(p.act).toEqual([]);
    expect(p.f24).toBeNull();
    expect(p.pagopa!.amount).toBe('95.00');
  });
});

describe('a comune position without a notice code yet', () => {
  it('is never paid by bank transfer: the letter and the e-mail say the pagoPA notice follows', async () => {
    const letter = comuneLetter({
      stepKey: 'avviso-bonario',
      act: { kind: 'verbale_cds', number: 'V-2024-772' },
      revenue: 'cds_fine',
      year: 2024,
      components: [{ kind: 'tax', amount: '173.00', tribute_code: null }],
      notice: null,
    });
    expect(letter.municipal!.positions[0]!.pagopa).toBeNull();
    expect(letter.payment).toMatchObject({ iban: '', reference: null, amount: '173.00' });
    const t = flat(await pdfText(await renderLetterPdf(letter)));
    expect(t).toContain('L’avviso di pagamento pagoPA di questa posizione Le sarà inviato a parte');
    expect(t).not.toMatch(/IBAN|RF\d\d|Codice avviso/);
    expect(flat(renderEmail(letter).text)).toContain('Le sarà inviato a parte');
  });
});
