/**
 * Names imported in capitals ("MARIO ROSSI", from a management system or a bank file) written the
 * way a letter addresses a person: "Mario Rossi". Only where it is safe:
 * - a name with any lower-case letter is left as it is (someone wrote it deliberately: "McDonald",
 *   "de Gasperi", "Dell’Orto S.r.l.");
 * - a company name is left as it is when it carries a legal form (S.R.L., SPA, S.N.C., SAS, GMBH,
 *   AG, SA, SARL, LTD, …): its spelling is the registered one;
 * - so is a name with a word we cannot be sure about: digits ("3M"), a word without vowels
 *   ("BMW", "RTL"), dotted initials of more than one letter ("A.B.C.") — likely acronyms.
 * Words are cased after hyphens and apostrophes: "D'ANGELO" → "D'Angelo", "MÜLLER-SÀNTORO" →
 * "Müller-Sàntoro". Italian particles keep their capital, as Italian surnames are usually written
 * and registered ("DE LUCA" → "De Luca", "DI MAIO" → "Di Maio", "DELLA VALLE" → "Della Valle");
 * German and Dutch particles inside a name are written small ("LUDWIG VAN BEETHOVEN" → "Ludwig van
 * Beethoven", "OTTO VON BISMARCK" → "Otto von Bismarck"). Roman numerals stay in capitals (II, III, IV).
 */

const LEGAL_FORMS = new Set([
  'SRL', 'SRLS', 'SPA', 'SAPA', 'SNC', 'SAS', 'SS', 'SCARL', 'SCRL', 'SCPA', 'COOP', 'ONLUS',
  'GMBH', 'AG', 'KG', 'OHG', 'UG', 'EG', 'EV', 'GBR', 'KGAA', 'SE',
  'SA', 'SARL', 'SASU', 'EURL', 'SCI', 'SCS',
  'LTD', 'LLC', 'LLP', 'INC', 'PLC', 'CORP', 'CO', 'BV', 'NV',
]);
const LOWER_PARTICLES = new Set(['von', 'van', 'zu', 'der', 'den', 'ter', 'ten', 'vom', 'zum', 'zur']);
const ROMAN = /^(?=[IVXLC]+$)C{0,3}(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;
const VOWELS = /[AEIOUYÀÁÂÃÄÅÆÈÉÊËÌÍÎÏÒÓÔÕÖØÙÚÛÜÝ]/;

function capitalise(part: string): string {
  const lower = part.toLowerCase();
  const first = String.fromCodePoint(lower.codePointAt(0)!);
  return first.toUpperCase() + lower.slice(first.length);
}

/** One word: capitalised after each hyphen and apostrophe. */
function caseWord(word: string): string {
  return word
    .split(/([-'’])/)
    .map((p, i) => (i % 2 === 1 || p === '' ? p : capitalise(p)))
    .join('');
}

/** Whether a capitals word could be an acronym or code we must not touch. */
function uncertain(word: string): boolean {
  const letters = word.replace(/[-'’.,]/g, '');
  if (/\d/.test(letters)) return true;
  if (/^(\p{Lu}\.){2,}$/u.test(word)) return true;
  return letters.length > 1 && !VOWELS.test(letters);
}

/** The name in proper case where that is safe (see above), otherwise exactly as given. */
export function properCaseName(name: string): string {
  if (/\p{Ll}/u.test(name) || !/\p{Lu}/u.test(name)) return name;
  const words = name.trim().split(/\s+/);
  if (words.some((w) => LEGAL_FORMS.has(w.replace(/[.,&]/g, '')))) return name;
  // A legal form written with spaces or dots around it: "S. R. L.", "S.P.A".
  if (/\bS\.?\s*(R\.?\s*L|P\.?\s*A|N\.?\s*C|A\.?\s*S)\.?\s*$/u.test(name.trim())) return name;
  if (words.some((w) => uncertain(w) && !ROMAN.test(w.replace(/[.,]/g, '')))) return name;
  return words
    .map((w, i) => {
      if (ROMAN.test(w.replace(/[.,]/g, '')) && i > 0) return w;
      const lower = w.toLowerCase();
      if (i > 0 && i < words.length - 1 && LOWER_PARTICLES.has(lower)) return lower;
      return caseWord(w);
    })
    .join(' ');
}
