import type { LetterLanguage, LetterParty } from './types.ts';

/**
 * Addresses arrive as printed lines (`LetterParty.lines`). The QR-bill (structured address, type S)
 * and the postal manifest need street, postal code and city apart: they are read back from the
 * lines here. The postal line is the last line starting with a 4–5 digit postal code, optionally
 * after a country prefix ("CH-8001 Zürich", "D-10115 Berlin"): the form used in IT, CH, DE, AT, FR, LI.
 */
const POSTAL_LINE = /^(?:[A-Z]{1,3}\s?-\s?)?(\d{4,5})\s+(\S.*)$/;

export interface SplitAddress {
  /** The lines before the postal line (street, building number, c/o, PO box), joined with ", ". */
  street: string;
  postalCode: string;
  city: string;
}

/** Street, postal code and city, or null when no line looks like "<postal code> <city>". */
export function splitAddress(party: LetterParty): SplitAddress | null {
  for (let i = party.lines.length - 1; i >= 0; i--) {
    const m = POSTAL_LINE.exec(party.lines[i]!.trim());
    if (!m) continue;
    const street = party.lines
      .slice(0, i)
      .map((l) => l.trim())
      .filter(Boolean)
      .join(', ');
    return { street, postalCode: m[1]!, city: m[2]!.trim() };
  }
  return null;
}

/**
 * The language the country line is written in: the sending country's (UPU convention: the post of
 * origin must read it), falling back to the letter's language, then English.
 */
function postLanguage(senderCountry: string, letterLanguage: LetterLanguage): LetterLanguage {
  const c = senderCountry.toUpperCase();
  if (['IT', 'SM', 'VA'].includes(c)) return 'it';
  if (['DE', 'AT', 'LI'].includes(c)) return 'de';
  if (['FR', 'MC', 'BE', 'LU'].includes(c)) return 'fr';
  // Switzerland has three postal languages: keep the reader's one when it is one of them.
  if (c === 'CH') return letterLanguage === 'en' ? 'de' : letterLanguage;
  return letterLanguage;
}

const regionNames = new Map<LetterLanguage, Intl.DisplayNames>();

/** "CH" → "SVIZZERA"; the code itself when ICU does not know it. */
export function countryName(code: string, language: LetterLanguage): string {
  let names = regionNames.get(language);
  if (!names) {
    names = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
    regionNames.set(language, names);
  }
  let name: string;
  try {
    name = names.of(code.toUpperCase()) ?? code;
  } catch {
    // Not a well-formed region code: print it as it came rather than fail the letter.
    name = code;
  }
  return name.toLocaleUpperCase(language);
}

/** The lines shown in the envelope window: name, address lines, and the country line when abroad. */
export function windowLines(recipient: LetterParty, senderCountry: string, language: LetterLanguage): string[] {
  const lines = recipient.lines.map((l) => l.trim()).filter(Boolean);
  if (recipient.country.toUpperCase() !== senderCountry.toUpperCase()) {
    lines.push(countryName(recipient.country, postLanguage(senderCountry, language)));
  }
  return lines;
}

/** One line for a return address or a payee: "Name, Via Roma 1, 20121 Milano MI". */
export function oneLine(party: LetterParty): string {
  return [party.name, ...party.lines].map((l) => l.trim()).filter(Boolean).join(', ');
}
