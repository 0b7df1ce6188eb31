import { dateIssue } from '../dates.ts';

/**
 * The right-party check of a desk call (issue 14 item 3; municipal-notes §8.3): before a debt, an
 * amount or a tax is named, the person on the phone says something only the debtor knows — the
 * codice fiscale or the date of birth — and the server compares it with the records. The secret
 * stays on the server: the operator's screen never shows it, so the check cannot be read out.
 * Privacy (GDPR art. 5(1)(f); Garante privacy, provvedimento generale of 30 November 2005 on debt
 * collection: nothing about the debt disclosed to third parties) is why a wrong answer reveals nothing and a few wrong tries lock the check for that call.
 */
export const IDENTITY_METHODS = ['tax_id', 'birth_date'] as const;
export type IdentityMethod = (typeof IDENTITY_METHODS)[number];

/** Wrong answers on one call before the check locks (a new call starts again). */
export const MAX_IDENTITY_TRIES = 3;

/** A codice fiscale (or partita IVA) as said on the phone: case and spaces, dots and dashes do not matter. */
export function normaliseTaxId(raw: string): string {
  return raw.toUpperCase().replace(/[\s.\-/]+/g, '');
}

/**
 * A date of birth as typed: ISO (1970-03-21) or Italian day first (21/03/1970, 21-3-1970, 21.03.1970,
 * 21 03 1970); null when it is no date.
 */
export function normaliseBirthDate(raw: string): string | null {
  const v = raw.trim();
  let y: string, m: string, d: string;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
  const dayFirst = /^(\d{1,2})[\s/.-]+(\d{1,2})[\s/.-]+(\d{4})$/.exec(v);
  if (iso) [, y, m, d] = iso as unknown as [string, string, string, string];
  else if (dayFirst) [, d, m, y] = dayFirst as unknown as [string, string, string, string];
  else return null;
  const out = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return dateIssue(out) ? null : out;
}

/** What the records hold to check against (the debtor's codice fiscale / partita IVA, date of birth). */
export interface IdentityReference {
  taxIds: readonly (string | null)[];
  birthDate: string | null;
}

/** Which methods the records allow for this debtor. */
export function identityMethodsFor(ref: IdentityReference): IdentityMethod[] {
  const out: IdentityMethod[] = [];
  if (ref.taxIds.some((t) => t && normaliseTaxId(t).length > 0)) out.push('tax_id');
  if (ref.birthDate) out.push('birth_date');
  return out;
}

/** Whether the answer given matches the records; `null` when the records have nothing to check it against. */
export function identityMatches(ref: IdentityReference, method: IdentityMethod, given: string): boolean | null {
  if (method === 'tax_id') {
    const known = ref.taxIds.filter((t): t is string => !!t).map(normaliseTaxId).filter((t) => t.length > 0);
    if (!known.length) return null;
    const g = normaliseTaxId(given);
    return g.length > 0 && known.includes(g);
  }
  if (!ref.birthDate) return null;
  return normaliseBirthDate(given) === ref.birthDate;
}
