import { CLAIM_REFERENCE_PREFIX, claimNumberFromReference, COMMUNICATION_REFERENCE_PREFIX, isValidQrr, isValidRf, PLAN_INSTALMENT_REFERENCE_PREFIX } from '../dunning/references.ts';
import { parseNotice } from '../municipal/pagopa.ts';

/**
 * What an incoming payment says about the claim it pays (issue 15 item 4), strongest first:
 *
 * 1. a **structured reference** incasso gave out: the ISO 11649 RF creditor reference or the Swiss QR
 *    reference (QRR) of a claim (src/domain/dunning/references.ts: both carry the claim's number and
 *    check digits, so a typo never names another claim), or a pagoPA notice code (codice avviso, 18
 *    digits with its mod-93 check) or IUV. In free text too: banks often move the reference there.
 *    The pagoPA rules for a bank transfer to an ente write the IUV as `/RFB/<IUV>[/<amount>]` (and an
 *    RF reference as `/RFS/<RF>/…`) in the remittance (SACI, "causale del versamento");
 * 2. a **document number** (the invoice or act number the creditor gave, e.g. `FT-2024-0000123`) in
 *    the remittance text;
 * 3. nothing it can prove: the payer's IBAN and name with the amount are a *suggestion* a person
 *    confirms (never booked by itself).
 *
 * A structured reference or a document number found is a match even when the amount differs (a part
 * payment or an overpayment is allocated as any payment is).
 */
export type Clue =
  | { kind: 'claim_number'; value: string; via: 'rf' | 'qrr'; run?: Run }
  /** A letter about several claims: its communication's number (the communication lists them). */
  | { kind: 'communication_number'; value: string; via: 'rf' | 'qrr'; run?: Run }
  /** A plan's payment slip: its instalment's number (the plan lists its positions). */
  | { kind: 'instalment_number'; value: string; via: 'rf' | 'qrr'; run?: Run }
  | { kind: 'notice'; value: string }
  | { kind: 'iuv'; value: string };

/**
 * A clue read from an RF printed in groups in the text, where more than one run of its groups is a
 * valid reference of ours: which printed reference (`id`, per transaction) and which run (`rank` 0 the
 * longest). Only the longest run that names something counts ({@link resolveRuns}).
 */
export type Run = { id: number; rank: number };

export interface Clues {
  /** Structured references that are valid and can be looked up: claim numbers, notice codes, IUVs. */
  references: Clue[];
  /** Words of the remittance that could be a document number, as written, to look up as they are. */
  documents: string[];
}

/** The longest document number looked for (claims.external_ref is at most 100; most are < 35). */
const MAX_DOCUMENT = 60;
/** Words of the remittance looked up as document numbers, at most. */
const MAX_DOCUMENTS = 20;

/**
 * The clues in a transaction's structured references and remittance lines. Our RF and QR references
 * start with {@link CLAIM_REFERENCE_PREFIX}, {@link COMMUNICATION_REFERENCE_PREFIX} or
 * {@link PLAN_INSTALMENT_REFERENCE_PREFIX}; a valid
 * reference with another start is someone else's and names nothing.
 */
export function cluesOf(tx: { references: readonly string[]; text: readonly string[] }): Clues {
  const references: Clue[] = [];
  const seen = new Set<string>();
  const add = (c: Clue) => {
    const key = `${c.kind}:${c.value}`;
    if (!seen.has(key)) {
      seen.add(key);
      references.push(c);
    }
  };
  /** The clue a reference of ours gives (none for someone else's). */
  const ourClue = (ref: string, via: 'rf' | 'qrr'): Clue | null => {
    const claim = claimNumberFromReference(ref, CLAIM_REFERENCE_PREFIX);
    if (claim) return { kind: 'claim_number', value: claim, via };
    const communication = claimNumberFromReference(ref, COMMUNICATION_REFERENCE_PREFIX);
    if (communication) return { kind: 'communication_number', value: communication, via };
    const instalment = claimNumberFromReference(ref, PLAN_INSTALMENT_REFERENCE_PREFIX);
    return instalment ? { kind: 'instalment_number', value: instalment, via } : null;
  };
  const ours = (ref: string, via: 'rf' | 'qrr') => {
    const clue = ourClue(ref, via);
    if (clue) add(clue);
  };
  const structured = (raw: string): boolean => {
    const ref = raw.replace(/\s+/g, '').toUpperCase();
    if (ref.startsWith('RF') && isValidRf(ref)) {
      ours(ref, 'rf');
      return true;
    }
    if (/^\d{27}$/.test(ref) && isValidQrr(ref)) {
      ours(ref, 'qrr');
      return true;
    }
    if (/^\d{18}$/.test(ref) && parseNotice(ref).ok) {
      add({ kind: 'notice', value: ref });
      return true;
    }
    return false;
  };
  for (const r of tx.references) {
    if (!structured(r) && /^\d{15}$|^\d{17}$/.test(r.replace(/\s+/g, ''))) add({ kind: 'iuv', value: r.replace(/\s+/g, '') });
  }

  const documents: string[] = [];
  const text = tx.text.join(' ');
  // pagoPA's causale of a bank transfer: /RFB/<IUV>[/<amount>][/TXT/<text>], /RFS/<RF>[/<amount>].
  for (const m of text.matchAll(/\/RF[BS]\/([A-Z0-9 ]{15,35}?)(?=\/|$|\s{2})/gi)) {
    const ref = m[1]!.replace(/\s+/g, '');
    if (!structured(ref) && /^\d{15}$|^\d{17}$/.test(ref)) add({ kind: 'iuv', value: ref });
  }
  // A reference split by spaces as printed ("RF18 5390 0754 7034", "21 00000 00003 13947 14300 09017").
  // RF: the runs of groups after "RF" that are valid references (words after it are not part of it).
  // Not only the longest: a run that takes in the next word ("… 7034 ACCONTO", "… 7034 2025") passes
  // the mod-97 check by chance once in ~97, and would hide the reference. Nor every run alike: the
  // first groups of a longer reference pass it by chance as often ("RF14 1760 855" is claim 760855's;
  // "RF14 1760" is claim 760's), and would send the payment to a person. So each valid run of ours is
  // a clue marked with its rank, and the longest that names something counts (resolveRuns).
  let runs = 0;
  for (const m of text.toUpperCase().matchAll(/\bRF\d{2}(?: ?[A-Z0-9]){1,21}/g)) {
    const groups = m[0].split(' ');
    const valid: Clue[] = [];
    for (let k = groups.length; k >= 1; k--) {
      const ref = groups.slice(0, k).join('');
      if (ref.length < 5 || !isValidRf(ref)) continue;
      const clue = ourClue(ref, 'rf');
      if (clue) valid.push(clue);
    }
    const id = runs++;
    for (const [rank, clue] of valid.entries()) add(valid.length > 1 ? { ...clue, run: { id, rank } } as Clue : clue);
  }
  for (const m of text.matchAll(/\b\d{2}(?: ?\d{5}){5}\b/g)) structured(m[0]);
  for (const m of text.matchAll(/(?<![\d/])(?:\d[ ]?){18}(?![\d])/g)) structured(m[0].trim());

  // Document numbers: words with a digit, of at least four characters (a year or an amount alone is
  // no document number), as the creditor writes them (letters, digits, - / . _).
  for (const raw of text.split(/[\s,;:()'"«»]+/)) {
    const word = raw.replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
    if (word.length < 4 || word.length > MAX_DOCUMENT || !/\d/.test(word) || !/^[A-Za-z0-9][A-Za-z0-9\-/._]*$/.test(word)) continue;
    if (/^\d{1,4}$/.test(word) || /^\d+[.,]\d{2}$/.test(word) || /^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/.test(word)) continue;
    if (!documents.includes(word)) documents.push(word);
    if (documents.length >= MAX_DOCUMENTS) break;
  }
  return { references, documents };
}

/**
 * The clues that count once each has been looked up (`names`: it names a claim, letter or plan of
 * ours): of the runs of one RF printed in groups ({@link Run}), only the longest that names
 * something; when none does, all of them (they find nothing anyway). Other clues are kept as they are.
 */
export function resolveRuns<C extends Clue>(clues: readonly C[], names: (c: C) => boolean): C[] {
  const best = new Map<number, number>();
  for (const c of clues) {
    const run = 'run' in c ? c.run : undefined;
    if (run && names(c) && run.rank < (best.get(run.id) ?? Infinity)) best.set(run.id, run.rank);
  }
  return clues.filter((c) => {
    const run = 'run' in c ? c.run : undefined;
    return !run || !best.has(run.id) || best.get(run.id) === run.rank;
  });
}

/** A name compared for a suggestion: letters and digits only, upper-cased, accents dropped. */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}
