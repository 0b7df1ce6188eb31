/**
 * A reference for rows of a list without a document-number column (a comune's "lista di carico" often
 * has none: the position is the taxpayer, the revenue, the year and the act). The import builds it
 * from the row's own values with a pattern, the import option `referencePattern`:
 *
 *   {taxCode}   the debtor's codice fiscale (else partita IVA, else Swiss UID)
 *   {revenue}   the revenue: IMU, TARI, CUP, CDS, FT (invoice), ALTRO
 *   {year}      the tax year (anno d'imposta)
 *   {act}       the act number, spaces removed ("ACC 118" → "ACC118")
 *   {notice}    the pagoPA notice code (codice avviso)
 *   {debtorRef} the taxpayer's code in the comune's records
 *
 * Default `{taxCode}-{revenue}-{year}-{act}` → "RSSMRA80A01H501U-IMU-2022-ACC118". The reference
 * identifies the claim for the creditor like a document number does: the same file again updates
 * nothing, and two rows building the same reference with different data are refused. Imports nothing:
 * the web UI reads it.
 */
export const REFERENCE_TOKENS = ['taxCode', 'revenue', 'year', 'act', 'notice', 'debtorRef'] as const;
export type ReferenceToken = (typeof REFERENCE_TOKENS)[number];

export const DEFAULT_REFERENCE_PATTERN = '{taxCode}-{revenue}-{year}-{act}';

/** The import field whose column a token needs (`revenue` needs none: it defaults to the claim kind). */
export const TOKEN_FIELD = {
  taxCode: 'taxCode',
  revenue: null,
  year: 'taxYear',
  act: 'actNumber',
  notice: 'noticeCode',
  debtorRef: 'debtorRef',
} as const satisfies Record<ReferenceToken, string | null>;

const TOKEN = /\{([A-Za-z]+)\}/g;

/** The tokens of a pattern in order, or null when it names an unknown one or none at all. */
export function referenceTokens(pattern: string): ReferenceToken[] | null {
  const found: ReferenceToken[] = [];
  for (const m of pattern.matchAll(TOKEN)) {
    if (!(REFERENCE_TOKENS as readonly string[]).includes(m[1]!)) return null;
    found.push(m[1] as ReferenceToken);
  }
  // Outside the tokens: letters, digits and the separators people use in references.
  if (!/^[A-Za-z0-9 _./-]*$/.test(pattern.replace(TOKEN, ''))) return null;
  return found.length ? found : null;
}

/** The revenue's short name in a built reference. */
export const REVENUE_LABELS: Readonly<Record<string, string>> = {
  imu: 'IMU',
  tari: 'TARI',
  cup: 'CUP',
  cds_fine: 'CDS',
  invoice: 'FT',
  other: 'ALTRO',
};

/** A pattern filled with a row's values; the first token without a value is named instead. */
export function buildReference(pattern: string, values: Partial<Record<ReferenceToken, string | null>>): { ref: string } | { missing: ReferenceToken } {
  for (const t of referenceTokens(pattern) ?? []) {
    const v = values[t];
    if (v === undefined || v === null || v.trim() === '') return { missing: t };
  }
  return { ref: pattern.replace(TOKEN, (_, t: ReferenceToken) => values[t]!.trim().replace(/\s+/g, '')) };
}
