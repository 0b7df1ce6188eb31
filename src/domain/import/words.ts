import { ACT_KINDS, CLAIM_KINDS, DEBTOR_KINDS, type ActKind, type ClaimKind, type DebtorKind } from '../model.ts';
import { TRIBUTE_CODES } from '../municipal/f24.ts';

/**
 * The words people write in portfolio files for the model's values: claim kinds, debtor kinds,
 * currencies, countries and languages, in Italian, German, French and English.
 */

/** Lower case, no accents, punctuation as single spaces: "Società" → "societa", "S.R.L." → "s r l". */
export function normaliseWords(s: string): string {
  return s
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const compact = (s: string) => normaliseWords(s).replace(/ /g, '');

function table<T extends string>(entries: Record<T, readonly string[]>): Map<string, T> {
  const out = new Map<string, T>();
  for (const [value, words] of Object.entries(entries) as [T, readonly string[]][]) {
    out.set(compact(value), value);
    for (const w of words) out.set(compact(w), value);
  }
  return out;
}

const hasWord = (words: string, list: readonly string[]) => {
  const padded = ` ${words} `;
  return list.some((w) => padded.includes(` ${w} `));
};

// ---------------------------------------------------------------------------------------------
// Claim kinds

/**
 * F24 "codici tributo" a comune's list may carry instead of the tax's name: the codes of section EL
 * (src/domain/municipal/f24.ts, with their sources) — IMU's 39xx codes are IMU; TARI's 3944–3946, the
 * tariffa corrispettiva's 3950–3952 and TEFA's TEFA/TEFN/TEFZ are TARI (TEFA is collected with it).
 */
const F24_CODES: ReadonlyMap<string, ClaimKind> = new Map(TRIBUTE_CODES.map((t) => [t.code.toLowerCase(), t.family === 'imu' ? 'imu' : 'tari']));

/** The claim kind an F24 tribute code stands for ("3918" → imu, "TEFA" → tari), or null. */
export const kindOfTributeCode = (code: string): ClaimKind | null => F24_CODES.get(code.trim().toLowerCase()) ?? null;

const CLAIM_KIND_WORDS = table<ClaimKind>({
  invoice: ['fattura', 'fatture', 'fatt', 'ft', 'fattura elettronica', 'nota di debito', 'bolletta', 'rechnung', 'facture', 'invoice', 'bill'],
  imu: ['ici', 'imposta municipale unica', 'imposta municipale propria', 'imposta comunale sugli immobili'],
  tari: ['tares', 'tia', 'tarsu', 'tassa rifiuti', 'tassa sui rifiuti', 'tributo rifiuti', 'tariffa rifiuti'],
  cup: ['canone unico', 'canone unico patrimoniale', 'cosap', 'tosap', 'icp', 'canone pubblicita', 'occupazione suolo pubblico', 'passo carrabile'],
  cds_fine: [
    'cds', 'multa', 'multe', 'sanzione', 'sanzioni', 'sanzione cds', 'verbale', 'verbale cds', 'contravvenzione', 'codice della strada',
    'infrazione', 'bussgeld', 'busse', 'amende', 'contravention', 'fine', 'traffic fine', 'parking fine',
  ],
  other: ['altro', 'altri', 'varie', 'sonstige', 'sonstiges', 'autre', 'divers'],
});

/**
 * A claim kind from a cell: the model's values, the common words (fattura, Rechnung, facture →
 * invoice; IMU, ICI → imu; TARI, TARES, TIA, TARSU → tari; CUP, COSAP, TOSAP → cup; multa,
 * sanzione, CdS, verbale → cds_fine) and F24 tax codes. Inside a longer text the tax wins over
 * the word "sanzione": "Sanzione IMU 2021" is IMU. ICI (IMU's predecessor) and TOSAP/COSAP/ICP (the
 * levies the canone unico replaced) share the rules of their successor.
 */
export function parseClaimKind(raw: string): ClaimKind | null {
  const words = normaliseWords(raw);
  if (words === '') return null;
  const direct = CLAIM_KIND_WORDS.get(words.replace(/ /g, ''));
  if (direct) return direct;
  const code = F24_CODES.get(words.split(' ')[0]!);
  if (code) return code;
  if (hasWord(words, ['imu', 'ici', 'imposta municipale'])) return 'imu';
  if (hasWord(words, ['tari', 'tares', 'tia', 'tarsu', 'rifiuti'])) return 'tari';
  if (hasWord(words, ['cup', 'canone unico', 'cosap', 'tosap', 'icp', 'suolo pubblico', 'passo carrabile'])) return 'cup';
  if (
    hasWord(words, ['cds', 'multa', 'multe', 'verbale', 'contravvenzione', 'codice della strada', 'bussgeld', 'amende', 'sanzione', 'sanzioni']) ||
    /\bsanzion/.test(words)
  ) {
    return 'cds_fine';
  }
  if (hasWord(words, ['fattura', 'fatture', 'rechnung', 'facture', 'invoice', 'bolletta'])) return 'invoice';
  return null;
}

export const CLAIM_KIND_EXAMPLES = `${CLAIM_KINDS.join(', ')}, fattura, TARI, IMU, CUP, multa`;

// ---------------------------------------------------------------------------------------------
// Debtor kinds and legal forms

/** Legal-form words, compact ("s.r.l." → "srl"), as they end a company's name. */
export const LEGAL_FORMS = [
  'srl', 'srls', 'spa', 'snc', 'sas', 'sapa', 'scarl', 'scrl', 'sagl', 'ss', 'sc', 'soccoop', 'coop', 'scpa',
  'gmbh', 'ag', 'kg', 'ohg', 'ug', 'gbr', 'eg', 'ev', 'sa', 'sarl', 'sas', 'sasu', 'eurl', 'snc', 'sci', 'ltd', 'llc', 'inc', 'plc', 'bv', 'nv',
] as const;

const LEGAL_FORM_SET = new Set<string>(LEGAL_FORMS);

/** Whether a name ends with a company's legal form: "ROSSI COSTRUZIONI S.R.L.", "Muster AG". */
export function hasLegalForm(name: string): boolean {
  const tokens = name
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\./g, '')
    .split(/[^a-z0-9&]+/)
    .filter(Boolean);
  const last = tokens.at(-1) ?? '';
  const lastTwo = tokens.slice(-2).join('');
  const lastThree = tokens.slice(-3).join('');
  return (
    LEGAL_FORM_SET.has(last) ||
    (tokens.length > 2 && LEGAL_FORM_SET.has(lastTwo)) ||
    (tokens.length > 3 && LEGAL_FORM_SET.has(lastThree)) ||
    /\b(societa|cooperativa|consorzio|associazione|fondazione|onlus|gesellschaft|genossenschaft|verein|stiftung|societe|association)\b/.test(tokens.join(' '))
  );
}

/** Names of public bodies: a comune, a region, a ministry, a health authority, a school, a canton. */
const PUBLIC_BODY =
  /^(comune|regione|provincia|citta metropolitana|ministero|agenzia delle entrate|agenzia del demanio|prefettura|questura|asl|ausl|asp|ats|azienda sanitaria|azienda ospedaliera|azienda usl|universita|istituto comprensivo|camera di commercio|inps|inail|gemeinde|stadt|kanton|canton|commune|ville de|republique|departement)\b/;

export function looksLikePublicBody(name: string): boolean {
  return PUBLIC_BODY.test(normaliseWords(name));
}

const DEBTOR_KIND_WORDS = table<DebtorKind>({
  consumer: [
    'privato', 'privati', 'privata', 'consumatore', 'persona fisica', 'pf', 'p f', 'fisica', 'cittadino', 'residente', 'private', 'privatperson',
    'privatkunde', 'natuerliche person', 'naturliche person', 'particulier', 'personne physique', 'individual', 'person', 'b2c',
  ],
  sole_trader: [
    'ditta individuale', 'impresa individuale', 'libero professionista', 'professionista', 'lavoratore autonomo', 'autonomo',
    'einzelunternehmen', 'einzelfirma', 'einzelunternehmer', 'selbstandig', 'selbststandig', 'entreprise individuelle', 'independant',
    'auto entrepreneur', 'micro entrepreneur', 'sole trader', 'sole proprietor', 'freelancer', 'self employed',
  ],
  company: [
    'impresa', 'azienda', 'societa', 'ditta', 'persona giuridica', 'pg', 'p g', 'giuridica', 'company', 'business', 'b2b', 'firma',
    'unternehmen', 'gesellschaft', 'juristische person', 'entreprise', 'societe', 'personne morale', 'corporation', 'legal entity',
    ...LEGAL_FORMS.filter((f) => f !== 'ss' && f !== 'sc'),
  ],
  public_administration: [
    'ente', 'ente pubblico', 'enti pubblici', 'pa', 'p a', 'pubblica amministrazione', 'amministrazione pubblica', 'comune', 'public',
    'public administration', 'public body', 'government', 'behorde', 'offentliche verwaltung', 'offentliche hand', 'administration publique',
    'collectivite', 'collectivite publique',
  ],
});

/** A debtor kind from a cell: the model's values or the words for them (privato, ditta individuale, società, ente…). */
export function parseDebtorKind(raw: string): DebtorKind | null {
  const key = compact(raw);
  if (key === '') return null;
  return DEBTOR_KIND_WORDS.get(key) ?? null;
}

export const DEBTOR_KIND_EXAMPLES = `${DEBTOR_KINDS.join(', ')}, privato, ditta individuale, società, ente`;

// ---------------------------------------------------------------------------------------------
// Currency, country, language

const CURRENCY_WORDS = table<'EUR' | 'CHF'>({
  EUR: ['€', 'euro', 'eur', 'euros'],
  CHF: ['fr', 'sfr', 'chf', 'franchi', 'franchi svizzeri', 'franco svizzero', 'franken', 'schweizer franken', 'francs', 'francs suisses', 'franc suisse', 'swiss francs'],
});

export function parseCurrency(raw: string): 'EUR' | 'CHF' | null {
  const s = raw.trim();
  if (s === '€') return 'EUR';
  return CURRENCY_WORDS.get(compact(s)) ?? null;
}

export type CountryCode = 'IT' | 'CH' | 'DE' | 'FR';

const COUNTRY_WORDS = table<CountryCode>({
  IT: ['i', 'ita', 'italia', 'italy', 'italien', 'italie', 'repubblica italiana'],
  CH: ['che', 'svizzera', 'schweiz', 'suisse', 'switzerland', 'svizra', 'confederazione svizzera'],
  DE: ['d', 'deu', 'ger', 'germania', 'deutschland', 'allemagne', 'germany'],
  FR: ['f', 'fra', 'francia', 'frankreich', 'france'],
});

export function parseCountry(raw: string): CountryCode | null {
  return COUNTRY_WORDS.get(compact(raw)) ?? null;
}

export type LanguageCode = 'it' | 'de' | 'fr' | 'en';

const LANGUAGE_WORDS = table<LanguageCode>({
  it: ['ita', 'italiano', 'italiana', 'italian', 'italienisch', 'italien'],
  de: ['deu', 'ger', 'tedesco', 'tedesca', 'deutsch', 'german', 'allemand'],
  fr: ['fra', 'fre', 'francese', 'francais', 'franzosisch', 'french'],
  en: ['eng', 'inglese', 'english', 'englisch', 'anglais'],
});

/** A language from a cell: a code ("it", "de-CH", "fr_CH") or its name in one of the four languages. */
export function parseLanguage(raw: string): LanguageCode | null {
  const s = raw.trim().toLowerCase();
  const locale = /^([a-z]{2})[-_][a-z]{2}$/.exec(s);
  return LANGUAGE_WORDS.get(compact(locale ? locale[1]! : s)) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Act kinds

const ACT_KIND_WORDS = table<ActKind>({
  bonario: [
    'avviso bonario', 'sollecito', 'sollecito di pagamento', 'sollecito bonario', 'preavviso', 'invito al pagamento', 'avviso di pagamento',
    'lettera bonaria', 'comunicazione bonaria', 'mahnung', 'zahlungserinnerung', 'rappel', 'relance', 'reminder', 'friendly reminder',
  ],
  accertamento_esecutivo: [
    'avviso di accertamento esecutivo', 'accertamento esecutivo', 'avviso di accertamento', 'avviso accertamento', 'accertamento', 'atto di accertamento',
    'avviso di accertamento esecutivo c 792', 'acc', 'vollstreckbarer steuerbescheid', 'steuerbescheid', 'avis d imposition', 'assessment',
    'enforceable assessment', 'tax assessment',
  ],
  ingiunzione_fiscale: ['ingiunzione', 'ingiunzione fiscale', 'ingiunzione di pagamento', 'ingiunzione rd 639 1910', 'inj', 'injunction'],
  verbale_cds: [
    'verbale', 'verbale cds', 'verbale di contestazione', 'verbale codice della strada', 'verbale di accertamento di violazione', 'contravvenzione',
    'multa', 'sanzione cds', 'bussgeldbescheid', 'proces verbal', 'pv', 'traffic fine', 'fine',
  ],
  cup_notice: ['avviso cup', 'fattura cup', 'avviso canone', 'avviso canone unico', 'canone unico', 'cup'],
  other: ['altro', 'altri', 'sonstige', 'autre', 'other'],
});

/**
 * The act behind a comune's position from a cell: the model's values or their words (avviso
 * bonario, sollecito → bonario; avviso di accertamento (esecutivo) → accertamento_esecutivo;
 * ingiunzione → ingiunzione_fiscale; verbale, multa → verbale_cds; avviso CUP → cup_notice). Inside a
 * longer text the verbale wins over "accertamento" ("Verbale di accertamento n. 12" is a CdS verbale),
 * and "esecutivo" or "accertamento" make an assessment.
 */
export function parseActKind(raw: string): ActKind | null {
  const words = normaliseWords(raw);
  if (words === '') return null;
  const direct = ACT_KIND_WORDS.get(words.replace(/ /g, ''));
  if (direct) return direct;
  if (hasWord(words, ['verbale', 'contravvenzione', 'multa', 'cds'])) return 'verbale_cds';
  if (hasWord(words, ['ingiunzione'])) return 'ingiunzione_fiscale';
  if (hasWord(words, ['accertamento', 'esecutivo'])) return 'accertamento_esecutivo';
  if (hasWord(words, ['bonario', 'sollecito', 'preavviso'])) return 'bonario';
  if (hasWord(words, ['cup', 'canone'])) return 'cup_notice';
  return null;
}

export const ACT_KIND_EXAMPLES = `${ACT_KINDS.join(', ')}, avviso bonario, sollecito, avviso di accertamento esecutivo, ingiunzione, verbale`;
