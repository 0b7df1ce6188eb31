import { cfMatchesName } from './cf-person.ts';

/**
 * Splitting a person's name written in one column. Italian lists write "COGNOME NOME"; exports of
 * other systems sometimes "Nome Cognome". The codice fiscale, when the row has a person's one,
 * decides: the split whose surname and first name give the code's first six letters wins, in
 * either order ("DE LUCA MARIA GRAZIA", "Mario Rossi", "ROSSI BIANCHI ANNA" all come out right).
 * Without it (or when no split fits the code): a comma separates "ROSSI, MARIO"; otherwise the
 * surname comes first, with its particles ("DE", "DI", "DELLA", "LO", "VAN", "VON"…) kept with it.
 * Case is kept as written.
 */
const PARTICLES = new Set([
  'DA', 'DAL', 'DALLA', 'DALLE', 'DE', "DE'", 'DEGLI', 'DEI', 'DEL', 'DELL', "DELL'", 'DELLA', 'DELLE', 'DELLO', 'DI', 'D', "D'",
  'LA', 'LE', 'LI', 'LO', 'SAN', 'SANTA', 'SANTO', 'VAN', 'VON', 'DER', 'DEN', 'TEN', 'TER', 'DOS', 'DAS', 'DU', 'DES', 'MAC', 'MC', 'ST',
]);

export interface SplitName {
  lastName: string;
  firstName: string | null;
  /** How the split was decided: by the codice fiscale, by a comma, or by the Italian convention. */
  by: 'tax_code' | 'comma' | 'convention';
}

export function splitFullName(full: string, personTaxCode: string | null): SplitName {
  const name = full.trim().replace(/\s+/g, ' ');
  const tokens = name.split(' ');
  if (personTaxCode && tokens.length >= 2) {
    const cf = personTaxCode.toUpperCase();
    const plain = name.replace(/,/g, ' ').replace(/\s+/g, ' ').trim().split(' ');
    for (let k = 1; k < plain.length; k++) {
      const last = plain.slice(0, k).join(' ');
      const first = plain.slice(k).join(' ');
      if (cfMatchesName(cf, last, first)) return { lastName: last, firstName: first, by: 'tax_code' };
    }
    for (let k = plain.length - 1; k >= 1; k--) {
      const first = plain.slice(0, k).join(' ');
      const last = plain.slice(k).join(' ');
      if (cfMatchesName(cf, last, first)) return { lastName: last, firstName: first, by: 'tax_code' };
    }
  }
  const comma = name.indexOf(',');
  if (comma > 0) {
    const last = name.slice(0, comma).trim();
    const first = name.slice(comma + 1).trim();
    if (last) return { lastName: last, firstName: first || null, by: 'comma' };
  }
  if (tokens.length === 1) return { lastName: tokens[0]!, firstName: null, by: 'convention' };
  let k = 0;
  while (k < tokens.length - 1 && PARTICLES.has(tokens[k]!.toUpperCase())) k++;
  // The surname is the particles and the word after them; what follows is the first name.
  const lastEnd = Math.min(k + 1, tokens.length);
  const lastName = tokens.slice(0, lastEnd).join(' ');
  const firstName = tokens.slice(lastEnd).join(' ');
  return { lastName, firstName: firstName || null, by: 'convention' };
}
