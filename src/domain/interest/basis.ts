/**
 * The legal basis of a statement, as codes with parameters, and its wording in each language a
 * statement or letter is printed in. Imports nothing: the web UI uses it too, so screen, PDF and CLI
 * say the same thing.
 */
export type BasisCode =
  | 'it-1284-1'
  | 'it-1284-4'
  | 'it-1284-4-not-applicable'
  | 'it-231-5'
  | 'it-231-6'
  | 'ch-104'
  | 'ch-105'
  | 'de-288-1'
  | 'de-288-2'
  | 'de-288-5'
  | 'de-289'
  | 'fr-l313-2-private'
  | 'fr-l313-2-other'
  | 'fr-l441-10'
  | 'fr-d441-5'
  | 'contract-rate'
  | 'spread'
  | 'no-interest';

export interface BasisLine {
  code: BasisCode;
  /** date: ISO date; points: percentage points; rate: percent; old: "true" for pre-reform contracts. */
  params?: Record<string, string>;
}

export type BasisLanguage = 'it' | 'en' | 'de' | 'fr';

type Texts = Record<BasisLanguage, (p: Record<string, string>) => string>;

const dmy = (iso: string | undefined, sep = '/') => (iso ? iso.split('-').reverse().join(sep) : '');
const num = (v: string | undefined, lang: BasisLanguage) => (v === undefined ? '' : lang === 'en' ? v : v.replace('.', ','));

const TEXTS: Record<BasisCode, Texts> = {
  'it-1284-1': {
    it: () => 'Art. 1284 c.1 c.c. — saggio degli interessi legali',
    en: () => 'Art. 1284(1) Italian Civil Code — statutory interest rate',
    de: () => 'Art. 1284 Abs. 1 ital. ZGB — gesetzlicher Zinssatz',
    fr: () => 'Art. 1284 al. 1 c.c. italien — taux d’intérêt légal',
  },
  'it-1284-4': {
    it: (p) => `Art. 1284 c.4 c.c. — dalla domanda giudiziale del ${dmy(p.date)}: saggio del D.Lgs. 231/2002`,
    en: (p) => `Art. 1284(4) Italian Civil Code — from the judicial claim of ${dmy(p.date)}: the late-payment rate of Legislative Decree 231/2002`,
    de: (p) => `Art. 1284 Abs. 4 ital. ZGB — ab Klageerhebung am ${dmy(p.date, '.')}: Verzugszinssatz nach D.Lgs. 231/2002`,
    fr: (p) => `Art. 1284 al. 4 c.c. italien — à compter de la demande en justice du ${dmy(p.date)} : taux du D.Lgs. 231/2002`,
  },
  'it-1284-4-not-applicable': {
    it: (p) => `Art. 1284 c.4 c.c. non applicabile: domanda giudiziale del ${dmy(p.date)}, anteriore all’11/12/2014 (art. 17 D.L. 132/2014)`,
    en: (p) => `Art. 1284(4) not applicable: judicial claim of ${dmy(p.date)}, before 11/12/2014 (art. 17 Decree-Law 132/2014)`,
    de: (p) => `Art. 1284 Abs. 4 nicht anwendbar: Klage vom ${dmy(p.date, '.')}, vor dem 11.12.2014 (Art. 17 D.L. 132/2014)`,
    fr: (p) => `Art. 1284 al. 4 non applicable : demande du ${dmy(p.date)}, antérieure au 11/12/2014 (art. 17 D.L. 132/2014)`,
  },
  'it-231-5': {
    it: (p) => `Art. 5 D.Lgs. 231/2002 — tasso BCE di riferimento + ${p.points} punti${p.old === 'true' ? ' (contratto anteriore al 2013)' : ''}`,
    en: (p) => `Art. 5 Legislative Decree 231/2002 — ECB reference rate + ${p.points} points${p.old === 'true' ? ' (contract before 2013)' : ''}`,
    de: (p) => `Art. 5 D.Lgs. 231/2002 — EZB-Referenzzinssatz + ${p.points} Prozentpunkte${p.old === 'true' ? ' (Vertrag vor 2013)' : ''}`,
    fr: (p) => `Art. 5 D.Lgs. 231/2002 — taux de référence BCE + ${p.points} points${p.old === 'true' ? ' (contrat antérieur à 2013)' : ''}`,
  },
  'it-231-6': {
    it: () => 'Art. 6 D.Lgs. 231/2002 — 40 € forfettari per i costi di recupero',
    en: () => 'Art. 6 Legislative Decree 231/2002 — EUR 40 flat compensation for recovery costs',
    de: () => 'Art. 6 D.Lgs. 231/2002 — Pauschale von 40 € für Beitreibungskosten',
    fr: () => 'Art. 6 D.Lgs. 231/2002 — indemnité forfaitaire de 40 € pour frais de recouvrement',
  },
  'ch-104': {
    it: () => 'Art. 104 cpv. 1 CO — interesse di mora del 5% annuo',
    en: () => 'Art. 104(1) Swiss Code of Obligations — default interest of 5% a year',
    de: () => 'Art. 104 Abs. 1 OR — Verzugszins von 5 % im Jahr',
    fr: () => 'Art. 104 al. 1 CO — intérêt moratoire de 5 % l’an',
  },
  'ch-105': {
    it: () => 'Art. 105 cpv. 3 CO — nessun interesse sugli interessi',
    en: () => 'Art. 105(3) Swiss Code of Obligations — no interest on interest',
    de: () => 'Art. 105 Abs. 3 OR — keine Verzugszinse von Zinsen',
    fr: () => 'Art. 105 al. 3 CO — pas d’intérêts moratoires sur les intérêts',
  },
  'de-288-1': {
    it: () => '§ 288 c.1 BGB — tasso di base + 5 punti',
    en: () => '§ 288(1) German Civil Code — base rate + 5 points',
    de: () => '§ 288 Abs. 1 BGB — Basiszinssatz + 5 Prozentpunkte',
    fr: () => '§ 288 al. 1 BGB — taux de base + 5 points',
  },
  'de-288-2': {
    it: (p) => `§ 288 c.2 BGB — tasso di base + ${p.points} punti${p.old === 'true' ? ' (art. 229 § 34 EGBGB)' : ''}`,
    en: (p) => `§ 288(2) German Civil Code — base rate + ${p.points} points${p.old === 'true' ? ' (art. 229 § 34 EGBGB)' : ''}`,
    de: (p) => `§ 288 Abs. 2 BGB — Basiszinssatz + ${p.points} Prozentpunkte${p.old === 'true' ? ' (Art. 229 § 34 EGBGB)' : ''}`,
    fr: (p) => `§ 288 al. 2 BGB — taux de base + ${p.points} points${p.old === 'true' ? ' (art. 229 § 34 EGBGB)' : ''}`,
  },
  'de-288-5': {
    it: () => '§ 288 c.5 BGB — forfait di 40 €',
    en: () => '§ 288(5) German Civil Code — EUR 40 flat fee',
    de: () => '§ 288 Abs. 5 BGB — Pauschale von 40 €',
    fr: () => '§ 288 al. 5 BGB — forfait de 40 €',
  },
  'de-289': {
    it: () => '§ 289 BGB — nessun interesse sugli interessi',
    en: () => '§ 289 German Civil Code — no interest on interest',
    de: () => '§ 289 BGB — keine Zinseszinsen',
    fr: () => '§ 289 BGB — pas d’intérêts sur les intérêts',
  },
  'fr-l313-2-private': {
    it: () => 'Art. L313-2 CMF — tasso legale francese (creditore persona fisica)',
    en: () => 'Art. L313-2 French Monetary and Financial Code — legal rate (creditor a private individual)',
    de: () => 'Art. L313-2 CMF — französischer gesetzlicher Zinssatz (Gläubiger natürliche Person)',
    fr: () => 'Art. L313-2 CMF — taux de l’intérêt légal (créancier personne physique)',
  },
  'fr-l313-2-other': {
    it: () => 'Art. L313-2 CMF — tasso legale francese (altri casi)',
    en: () => 'Art. L313-2 French Monetary and Financial Code — legal rate (all other cases)',
    de: () => 'Art. L313-2 CMF — französischer gesetzlicher Zinssatz (übrige Fälle)',
    fr: () => 'Art. L313-2 CMF — taux de l’intérêt légal (autres cas)',
  },
  'fr-l441-10': {
    it: () => 'Art. L441-10 II C. com. — tasso BCE in vigore il 1° gennaio / 1° luglio del semestre + 10 punti',
    en: () => 'Art. L441-10 II French Commercial Code — ECB rate in force on 1 January / 1 July of the half-year + 10 points',
    de: () => 'Art. L441-10 II C. com. — EZB-Zinssatz am 1. Januar / 1. Juli des Halbjahres + 10 Prozentpunkte',
    fr: () => 'Art. L441-10 II C. com. — taux BCE en vigueur au 1er janvier / 1er juillet du semestre + 10 points',
  },
  'fr-d441-5': {
    it: () => 'Art. D441-5 C. com. — indennità forfettaria di 40 €',
    en: () => 'Art. D441-5 French Commercial Code — EUR 40 flat indemnity',
    de: () => 'Art. D441-5 C. com. — Pauschalentschädigung von 40 €',
    fr: () => 'Art. D441-5 C. com. — indemnité forfaitaire de 40 €',
  },
  'contract-rate': {
    it: (p) => `Tasso contrattuale ${num(p.rate, 'it')}% annuo`,
    en: (p) => `Contractual rate ${p.rate}% a year`,
    de: (p) => `Vertraglicher Zinssatz ${num(p.rate, 'de')} % p. a.`,
    fr: (p) => `Taux contractuel de ${num(p.rate, 'fr')} % l’an`,
  },
  spread: {
    it: (p) => `maggiorato di ${num(p.points, 'it')} punti`,
    en: (p) => `plus ${p.points} points`,
    de: (p) => `zuzüglich ${num(p.points, 'de')} Prozentpunkte`,
    fr: (p) => `majoré de ${num(p.points, 'fr')} points`,
  },
  'no-interest': {
    it: () => 'Nessun interesse',
    en: () => 'No interest',
    de: () => 'Keine Zinsen',
    fr: () => 'Pas d’intérêts',
  },
};

/** A basis line in one language. */
export function basisText(line: BasisLine, lang: BasisLanguage): string {
  return TEXTS[line.code][lang](line.params ?? {});
}

/** Italian first, the English in brackets: how the CLI and the JSON answers print a basis line. */
export function basisTextItEn(line: BasisLine): string {
  return `${basisText(line, 'it')} (${basisText(line, 'en')})`;
}

/** Labels of the cost items the engine adds itself, per language. */
export const FLAT_COMPENSATION_LABEL: Record<BasisLanguage, string> = {
  it: 'Risarcimento forfettario dei costi di recupero',
  en: 'Flat compensation for recovery costs',
  de: 'Pauschale für Beitreibungskosten',
  fr: 'Indemnité forfaitaire pour frais de recouvrement',
};
