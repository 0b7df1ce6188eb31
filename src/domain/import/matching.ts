import type { ImportedAddress, ImportedDebtor } from './validate-row.ts';

/**
 * Recognising a debtor already known: by tax id first, else by name and address. Names and
 * addresses are compared in a normalised form that ignores case, accents, punctuation, legal forms
 * and the usual street abbreviations.
 */

const LEGAL_FORM_PHRASES = [
  'SRL', 'SRLS', 'SRL SEMPLIFICATA', 'SOCIETA A RESPONSABILITA LIMITATA', 'SOCIETA A RESPONSABILITA LIMITATA SEMPLIFICATA',
  'SPA', 'SOCIETA PER AZIONI', 'SNC', 'SOCIETA IN NOME COLLETTIVO', 'SAS', 'SOCIETA IN ACCOMANDITA SEMPLICE', 'SAPA',
  'SCARL', 'SCRL', 'SCPA', 'SOC COOP', 'SOCIETA COOPERATIVA', 'COOP', 'SS', 'SOCIETA SEMPLICE', 'SAGL',
  'GMBH', 'AG', 'KG', 'OHG', 'UG', 'GBR', 'EV', 'EG', 'SA', 'SARL', 'SASU', 'EURL', 'SCI', 'LTD', 'LLC', 'INC', 'PLC', 'BV', 'NV',
  'ONLUS', 'ETS', 'APS', 'ODV', 'IN LIQUIDAZIONE', 'IN LIQ', 'IN FALLIMENTO', '& C', 'E C', '& CO', 'E CO', 'UND CO', 'ET CIE',
].map((p) => p.split(' '));
const LONGEST_FORM = Math.max(...LEGAL_FORM_PHRASES.map((p) => p.length));
const FORM_KEYS = new Set(LEGAL_FORM_PHRASES.map((p) => p.join(' ')));

function baseForm(s: string): string {
  return s
    .toUpperCase()
    .replace(/ß/g, 'SS')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/['’`´.]/g, '')
    .replace(/&/g, ' & ')
    .replace(/[^A-Z0-9&]+/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

/**
 * A name for matching: upper case, no accents, no punctuation ("D'Amico" → "DAMICO",
 * "S.R.L." → "SRL"), single spaces, and, unless `keepLegalForm`, without the legal forms and
 * qualifiers that end company names ("ROSSI COSTRUZIONI S.R.L. IN LIQUIDAZIONE" → "ROSSI
 * COSTRUZIONI", "Muster GmbH & Co. KG" → "MUSTER"); "&" reads as "E". A leading "DITTA" goes too.
 */
export function normaliseName(s: string, options: { keepLegalForm?: boolean } = {}): string {
  let tokens = baseForm(s).split(' ').filter(Boolean);
  if (!options.keepLegalForm) {
    if (tokens[0] === 'DITTA' && tokens.length > 1) tokens = tokens.slice(1);
    let stripped = true;
    while (stripped && tokens.length > 1) {
      stripped = false;
      for (let n = Math.min(LONGEST_FORM, tokens.length - 1); n >= 1; n--) {
        if (FORM_KEYS.has(tokens.slice(-n).join(' '))) {
          tokens = tokens.slice(0, -n);
          stripped = true;
          break;
        }
      }
    }
  }
  return tokens.map((t) => (t === '&' ? 'E' : t)).join(' ');
}

/** Street-type abbreviations at the start of an Italian, German or French address line. */
const STREET_PREFIXES: Record<string, string> = {
  V: 'VIA',
  VLE: 'VIALE',
  PZZA: 'PIAZZA',
  PZA: 'PIAZZA',
  PZ: 'PIAZZA',
  PTTA: 'PIAZZETTA',
  PLE: 'PIAZZALE',
  CSO: 'CORSO',
  LGO: 'LARGO',
  VLO: 'VICOLO',
  LOC: 'LOCALITA',
  FRAZ: 'FRAZIONE',
  CDA: 'CONTRADA',
  STR: 'STRADA',
  AV: 'AVENUE',
  AVE: 'AVENUE',
  BD: 'BOULEVARD',
  BLVD: 'BOULEVARD',
  CH: 'CHEMIN',
  RTE: 'ROUTE',
};

/**
 * An address for matching: "V.le Europa, 12/a" and "VIALE EUROPA 12A" are one address, as are
 * "Bahnhofstr. 5" and "Bahnhofstraße 5". Street types are written out (V./VIA, V.LE/VIALE,
 * P.ZZA/PIAZZA, C.SO/CORSO, L.GO/LARGO, STR./STRASSE — at the start of an Italian line, STRADA),
 * "n.", "n°", "nr." and "civico" before the house number are dropped, and the house number is kept
 * ("12/A" → "12A"). The postal code follows after a "|" without a country prefix ("CH-6900" → "6900").
 */
export function normaliseAddress(line1: string, postalCode: string | null): string {
  const upper = line1
    .toUpperCase()
    .replace(/ß/g, 'SS')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    // "n. 12", "nr.12", "N°12", "civico 12": the word before a house number goes.
    .replace(/\b(?:N|NR|NUM|NO|CIV|CIVICO)\s*[°º.]?\s*(?=\d)/g, ' ')
    .replace(/[,;:()"]/g, ' ');
  const tokens = upper.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  tokens.forEach((raw, i) => {
    if (i === 0) {
      const prefixed = streetPrefix(raw);
      if (prefixed) {
        out.push(...prefixed);
        return;
      }
    }
    const t = raw.replace(/[.'’`]/g, '');
    if (t === 'STR') out.push('STRASSE');
    else if (/^[A-Z]{3,}STR$/.test(t)) out.push(`${t}ASSE`);
    else if (t) out.push(t);
  });
  const line = out
    .join(' ')
    .replace(/[^A-Z0-9 ]+/g, ' ')
    // 12 / A, 12/A, 12 A → 12A (a house number and its letter)
    .replace(/\b(\d+)\s+([A-Z])\b/g, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();
  const cap = postalCode ? postalCode.toUpperCase().replace(/^(?:I|IT|CH|D|DE|F|FR)\s*-\s*/, '').replace(/[^A-Z0-9]/g, '') : '';
  return `${line}|${cap}`;
}

/** The first token as a written-out street type, also when glued to the name ("V.ROMA", "P.ZZA.DUOMO"). */
function streetPrefix(token: string): string[] | null {
  const whole = token.replace(/[.'’`]/g, '');
  if (STREET_PREFIXES[whole]) return [STREET_PREFIXES[whole]];
  for (let dot = token.lastIndexOf('.'); dot > 0; dot = token.lastIndexOf('.', dot - 1)) {
    const head = token.slice(0, dot).replace(/\./g, '');
    const rest = token.slice(dot + 1).replace(/[.'’`]/g, '');
    if (STREET_PREFIXES[head] && rest) return [STREET_PREFIXES[head], rest];
  }
  return null;
}

export interface DebtorKeys {
  /** 'CF:…', 'PIVA:…', 'UID:…'. An 11-digit number is one subject whether written as codice fiscale or partita IVA, so it gives both keys. */
  taxKeys: string[];
  /** nameKey and the normalised address, when the row has an address. */
  nameAddressKey: string | null;
  /** The normalised name: a person's "SURNAME FIRST NAME", an organisation's name without legal form. */
  nameKey: string;
}

const isPerson = (d: ImportedDebtor) => d.kind === 'consumer' || (d.kind === 'sole_trader' && !!d.lastName);

function nameKeyOf(d: ImportedDebtor): string {
  if (isPerson(d)) return normaliseName([d.lastName, d.firstName].filter(Boolean).join(' '), { keepLegalForm: true });
  return normaliseName(d.companyName ?? [d.lastName, d.firstName].filter(Boolean).join(' '));
}

export function debtorKeys(d: ImportedDebtor, a: ImportedAddress | null): DebtorKeys {
  const keys: string[] = [];
  const add = (k: string) => {
    if (!keys.includes(k)) keys.push(k);
  };
  if (d.taxCode) {
    add(`CF:${d.taxCode}`);
    if (/^\d{11}$/.test(d.taxCode)) add(`PIVA:${d.taxCode}`);
  }
  if (d.vatNumber) {
    add(`PIVA:${d.vatNumber}`);
    add(`CF:${d.vatNumber}`);
  }
  if (d.chUid) add(`UID:${d.chUid}`);
  const nameKey = nameKeyOf(d);
  return {
    taxKeys: keys,
    nameKey,
    nameAddressKey: a && nameKey ? `${nameKey}|${normaliseAddress(a.line1, a.postalCode)}` : null,
  };
}

export interface MatchSubject {
  debtor: ImportedDebtor;
  address: ImportedAddress | null;
}

/**
 * Whether two debtor records are the same subject:
 *
 * 1. **same** when they share a tax id (codice fiscale, partita IVA — an 11-digit number counts as
 *    both —, Swiss UID).
 * 2. **different** when both carry a tax id of the same sort and they differ: two personal codici
 *    fiscali, two partite IVA, two UIDs (a father and son both "ROSSI MARIO" at one address are
 *    two people). Also different: a person and an organisation, or two different birth dates.
 * 3. Otherwise, by name (normalised, legal forms ignored) and address (normalised street and
 *    house number; postal codes must agree when both are known):
 *    - same name, same address → **same**;
 *    - same name, another address or no address on either side → **uncertain** (a namesake, or
 *      someone who moved: a person decides);
 *    - similar names at the same address → **uncertain**: one letter of difference ("ROSSI" /
 *      "ROSSO", a typo or a relative) or the same words in another order ("MARIO ROSSI" /
 *      "ROSSI MARIO");
 *    - anything else → **different**.
 */
export function compareDebtors(a: MatchSubject, b: MatchSubject): 'same' | 'uncertain' | 'different' {
  const ka = debtorKeys(a.debtor, a.address);
  const kb = debtorKeys(b.debtor, b.address);
  if (ka.taxKeys.some((k) => kb.taxKeys.includes(k))) return 'same';

  const da = a.debtor;
  const db = b.debtor;
  const personCf = (d: ImportedDebtor) => (d.taxCode && d.taxCode.length === 16 ? d.taxCode : null);
  const both = <T>(x: T | null, y: T | null) => x !== null && y !== null && x !== y;
  if (both(personCf(da), personCf(db)) || both(da.vatNumber, db.vatNumber) || both(da.chUid, db.chUid)) return 'different';
  const organisation = (d: ImportedDebtor) => d.kind === 'company' || d.kind === 'public_administration';
  if (organisation(da) !== organisation(db)) return 'different';
  if (both(da.birthDate, db.birthDate)) return 'different';

  const sameAddress = sameAddressOf(a.address, b.address);
  if (ka.nameKey === '' || kb.nameKey === '') return 'different';
  if (ka.nameKey === kb.nameKey) return sameAddress ? 'same' : 'uncertain';
  if (sameAddress && similarNames(ka.nameKey, kb.nameKey)) return 'uncertain';
  return 'different';
}

function sameAddressOf(a: ImportedAddress | null, b: ImportedAddress | null): boolean {
  if (!a || !b) return false;
  const [lineA, capA] = normaliseAddress(a.line1, a.postalCode).split('|') as [string, string];
  const [lineB, capB] = normaliseAddress(b.line1, b.postalCode).split('|') as [string, string];
  if (lineA !== lineB || lineA === '') return false;
  if (capA && capB) return capA === capB;
  // Without both postal codes, the town must agree when both are known.
  return !a.city || !b.city || normaliseName(a.city, { keepLegalForm: true }) === normaliseName(b.city, { keepLegalForm: true });
}

/** One edit apart (insert, delete, replace, or swap of neighbours), or the same words in another order. */
export function similarNames(a: string, b: string): boolean {
  if ([...a.split(' ')].sort().join(' ') === [...b.split(' ')].sort().join(' ')) return true;
  return editDistanceAtMostOne(a, b);
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    // replace one, or swap two neighbours
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  return longer.slice(i + 1) === shorter.slice(i);
}
