/**
 * Which kind of bank file the first bytes show (issue 15 items 4 and 5), so `incasso bank import FILE`
 * and POST /api/bank/files take any of them without being told:
 * - XML whose root is a pagoPA `FlussoRiversamento` → the reconciliation flow;
 * - any other XML → camt (its reader says clearly what it is not, and refuses a DOCTYPE);
 * - anything else → CSV (pagoPA receipts, or a bank's CSV export read with a saved mapping).
 * Only the head is looked at: the readers decide the rest.
 */
export type BankFileKind = 'camt' | 'pagopa_flow' | 'csv';

/** How much of the file is looked at (a flow's root comes after at most a declaration and comments). */
export const SNIFF_BYTES = 4096;

export function sniffBankFile(head: string): BankFileKind {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (!text.startsWith('<')) return 'csv';
  // The first element: after the declaration, comments and processing instructions (a DOCTYPE stops the
  // search: the camt reader refuses it by name).
  const withoutProlog = text.replace(/^(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*)*/, '');
  return /^<(?:[A-Za-z_][\w.-]*:)?FlussoRiversamento[\s>/]/.test(withoutProlog) ? 'pagopa_flow' : 'camt';
}
