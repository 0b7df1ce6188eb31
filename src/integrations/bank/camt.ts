import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { parseDate } from '../../domain/dates.ts';
import { msg, type Message } from '../../domain/messages/index.ts';

/**
 * ISO 20022 bank-to-customer cash management messages, read as a stream (issue 15 item 4):
 * camt.053 (BkToCstmrStmt, the account statement) and camt.054 (BkToCstmrDbtCdtNtfctn, the
 * debit/credit notification), versions .001.02 to .001.08. Only what reconciliation needs is read;
 * a file of any size is read in constant memory (one entry at a time), so a statement of 100,000
 * entries never becomes one object tree.
 *
 * Where the versions differ (ISO 20022 message definition reports; the Swiss Payment Standards and
 * the EPC implementation guidelines show the same elements):
 * - the entry status is `<Sts>BOOK</Sts>` up to .001.05 and `<Sts><Cd>BOOK</Cd></Sts>` from .001.06;
 * - a transaction's amount is `TxDtls/Amt` from .001.03 and `TxDtls/AmtDtls/TxAmt/Amt` in .001.02
 *   (both are read; the first wins);
 * - a related party's name is `RltdPties/Dbtr/Nm` up to .001.07 and `RltdPties/Dbtr/Pty/Nm` in .001.08.
 *
 * Hostile input is refused before anything is read: a DOCTYPE (entity expansion, external
 * entities), another message or namespace. A field longer than {@link MAX_TEXT} characters makes its
 * entry a problem, never memory; the good entries of a file with a bad one are kept.
 */

export const CAMT_VERSIONS = ['02', '03', '04', '05', '06', '07', '08'] as const;
/** The longest text read from one element; ISO 20022's longest (Ustrd) is 140, AddtlNtryInf 500. */
export const MAX_TEXT = 2_000;
/** Remittance lines and references kept per transaction. */
const MAX_LINES = 20;

export type CamtMessage = 'camt.053' | 'camt.054';

export interface CamtTransaction {
  /** As written, e.g. "1234.50"; the entry's when the transaction states none. */
  amount: string;
  currency: string;
  endToEndId: string | null;
  acctSvcrRef: string | null;
  /** Structured creditor references (RmtInf/Strd/CdtrRefInf/Ref): RF, QRR, IUV… */
  references: string[];
  /** Unstructured remittance lines (RmtInf/Ustrd). */
  text: string[];
  /** The payer (for a credit) or payee (for a debit), as the bank reports it. */
  partyName: string | null;
  partyIban: string | null;
  /** Why a payment came back (RtrInf/Rsn/Cd, e.g. AC04, MD06). */
  returnReason: string | null;
}

export interface CamtEntry {
  message: CamtMessage;
  version: string;
  /** The statement or notification (Stmt/Id, Ntfctn/Id). */
  statementId: string | null;
  /** The account's IBAN (or other id) and currency. */
  account: string;
  accountCurrency: string | null;
  /** Position of the entry in the file, from 1. */
  index: number;
  entryRef: string | null;
  /** The bank's own reference of the entry: with the account, the key that makes a re-import a no-op. */
  acctSvcrRef: string | null;
  amount: string;
  currency: string;
  direction: 'credit' | 'debit';
  /** RvslInd: this entry reverses an earlier one (a returned direct debit, a recalled transfer). */
  reversal: boolean;
  /** BOOK, PDNG, INFO. */
  status: string;
  bookingDate: string | null;
  valueDate: string | null;
  additionalInfo: string | null;
  transactions: CamtTransaction[];
}

export type CamtItem =
  | { kind: 'header'; message: CamtMessage; version: string; messageId: string | null; created: string | null }
  | { kind: 'entry'; entry: CamtEntry }
  | { kind: 'problem'; index: number; message: Message };

/** The whole file cannot be read: not camt, hostile, or broken XML (the entries before are kept). */
export class CamtError extends Error {
  constructor(readonly problem: Message) {
    super(problem.code);
  }
}

const ROOTS: Record<string, CamtMessage> = { BkToCstmrStmt: 'camt.053', BkToCstmrDbtCdtNtfctn: 'camt.054' };
const NAMESPACE = /^urn:iso:std:iso:20022:tech:xsd:(camt\.05[34])\.001\.(\d{2})$/;

interface TxDraft {
  amount: string | null;
  currency: string | null;
  txAmount: string | null;
  txCurrency: string | null;
  endToEndId: string | null;
  acctSvcrRef: string | null;
  references: string[];
  text: string[];
  partyName: string | null;
  partyIban: string | null;
  returnReason: string | null;
}

/** An element's name without its namespace prefix ("ns2:Ntry" → "Ntry"). */
const localName = (name: string) => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

/**
 * The namespace an element declares for its own name (`xmlns`, or `xmlns:p` for "p:Name"): read on the
 * root only, where a camt message names its message and version. Below it only local names matter,
 * so the parser resolves no namespaces (saxes `xmlns: false`: a tag is its name and attributes, not
 * a resolved name, prefix, URI and attribute objects — a third of the reader's time and most of its garbage).
 */
function namespaceOf(tag: SaxesTagPlain): string {
  const colon = tag.name.indexOf(':');
  return tag.attributes[colon < 0 ? 'xmlns' : `xmlns:${tag.name.slice(0, colon)}`] ?? '';
}

/**
 * Reads a camt.053 / camt.054 file from a stream of chunks (a file stream, or an array of strings
 * and buffers); yields the header, then each entry or the problem that made an entry unreadable.
 * Throws {@link CamtError} when the file as a whole is not a camt message it can read.
 */
export async function* readCamt(chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>): AsyncGenerator<CamtItem> {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const out: CamtItem[] = [];
  let depth = 0;
  let message: CamtMessage | null = null;
  let version = '';
  let header: { messageId: string | null; created: string | null } | null = { messageId: null, created: null };
  let statementId: string | null = null;
  let account: string | null = null;
  let accountCurrency: string | null = null;
  let index = 0;
  let entry: Record<string, string | null> | null = null;
  let entryProblem: Message | null = null;
  let txs: TxDraft[] = [];
  let tx: TxDraft | null = null;
  let text = '';
  let textTooLong = false;
  let fatal: Message | null = null;
  let amountCurrency: string | null = null;
  let rootNamespace = '';

  const fail = (m: Message) => {
    fatal ??= m;
  };

  parser.on('doctype', () => fail(msg('bank.xml_doctype')));
  parser.on('processinginstruction', () => undefined);
  // The open elements as one string ("/Document/BkToCstmrStmt/Stmt/Ntry/…") and where the entry and
  // the transaction begin in it: a path is compared as a string, never joined again per element.
  let full = '';
  let entryAt = -1;
  let txAt = -1;
  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (fatal) return;
    const local = localName(tag.name);
    if (depth === 0) {
      const uri = (rootNamespace = namespaceOf(tag));
      const ns = NAMESPACE.exec(uri);
      if (local !== 'Document' || !ns) return fail(msg('bank.not_camt', { root: local, namespace: uri || '—' }));
      version = ns[2]!;
      if (!(CAMT_VERSIONS as readonly string[]).includes(version)) return fail(msg('bank.camt_version', { version: `${ns[1]}.001.${version}` }));
      message = ns[1] as CamtMessage;
    } else if (depth === 1) {
      const root = ROOTS[local];
      if (root !== message) return fail(msg('bank.not_camt', { root: local, namespace: namespaceOf(tag) || rootNamespace }));
    }
    depth++;
    full += `/${local}`;
    text = '';
    textTooLong = false;
    if (local === 'Amt') {
      amountCurrency = tag.attributes.Ccy ?? null;
    }
    if (depth === 4 && local === 'Ntry') {
      index++;
      entry = {};
      entryProblem = null;
      txs = [];
      entryAt = full.length;
    } else if (entry && local === 'TxDtls') {
      tx = emptyTx();
      txAt = full.length;
    } else if (depth === 3 && (local === 'Stmt' || local === 'Ntfctn')) {
      statementId = null;
      account = null;
      accountCurrency = null;
    }
  });
  const addText = (t: string) => {
    if (fatal || depth === 0) return;
    if (text.length + t.length > MAX_TEXT) textTooLong = true;
    else text += t;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', (tag: SaxesTagPlain) => {
    if (fatal) return;
    const local = localName(tag.name);
    const value = text.trim();
    if (textTooLong && entry) entryProblem ??= msg('bank.field_too_long', { field: full.slice(entryAt + 1) || 'Ntry', max: MAX_TEXT });
    if (depth === 4 && header && full.endsWith('/GrpHdr/MsgId')) header.messageId = value;
    else if (depth === 4 && header && full.endsWith('/GrpHdr/CreDtTm')) header.created = value;
    else if (depth === 3 && header && message && local === 'GrpHdr') {
      out.push({ kind: 'header', message, version, messageId: header.messageId, created: header.created });
      header = null;
    } else if (entry && tx) {
      switch (full.slice(txAt)) {
        case '/Amt':
          tx.amount = value;
          tx.currency = amountCurrency;
          break;
        case '/AmtDtls/TxAmt/Amt':
          tx.txAmount = value;
          tx.txCurrency = amountCurrency;
          break;
        case '/Refs/EndToEndId':
          tx.endToEndId = value === 'NOTPROVIDED' ? null : value;
          break;
        case '/Refs/AcctSvcrRef':
          tx.acctSvcrRef = value;
          break;
        case '/RmtInf/Ustrd':
          if (value && tx.text.length < MAX_LINES) tx.text.push(value);
          break;
        case '/RmtInf/Strd/CdtrRefInf/Ref':
          if (value && tx.references.length < MAX_LINES) tx.references.push(value);
          break;
        // The payer of a credit, the payee of a debit: the first one named wins (Dbtr comes first).
        case '/RltdPties/Dbtr/Nm':
        case '/RltdPties/Dbtr/Pty/Nm':
        case '/RltdPties/Cdtr/Nm':
        case '/RltdPties/Cdtr/Pty/Nm':
          tx.partyName ??= value;
          break;
        case '/RltdPties/DbtrAcct/Id/IBAN':
        case '/RltdPties/CdtrAcct/Id/IBAN':
          tx.partyIban ??= value.replace(/\s+/g, '').toUpperCase();
          break;
        case '/RtrInf/Rsn/Cd':
          tx.returnReason = value;
          break;
        case '':
          txs.push(tx);
          tx = null;
          break;
      }
    } else if (entry) {
      switch (full.slice(entryAt)) {
        case '/Amt':
          entry.amount = value;
          entry.currency = amountCurrency;
          break;
        case '/CdtDbtInd':
          entry.direction = value;
          break;
        case '/RvslInd':
          entry.reversal = value;
          break;
        case '/Sts':
        case '/Sts/Cd':
          entry.status = value || entry.status || null;
          break;
        case '/BookgDt/Dt':
        case '/BookgDt/DtTm':
          entry.bookingDate = value.slice(0, 10);
          break;
        case '/ValDt/Dt':
        case '/ValDt/DtTm':
          entry.valueDate = value.slice(0, 10);
          break;
        case '/NtryRef':
          entry.entryRef = value;
          break;
        case '/AcctSvcrRef':
          entry.acctSvcrRef = value;
          break;
        case '/AddtlNtryInf':
          entry.additionalInfo = value.slice(0, 500);
          break;
        case '':
          out.push(finishEntry(entry, txs, entryProblem, { message: message!, version, statementId, account, accountCurrency, index }));
          entry = null;
          txs = [];
          break;
      }
    } else if (depth >= 4) {
      const rel = full.slice(full.indexOf('/', full.indexOf('/', full.indexOf('/', 1) + 1) + 1));
      if (rel === '/Id' && depth === 4) statementId = value;
      else if (rel === '/Acct/Id/IBAN' || rel === '/Acct/Id/Othr/Id') account ??= value.replace(/\s+/g, '').toUpperCase();
      else if (rel === '/Acct/Ccy') accountCurrency = value;
    }
    depth--;
    full = full.slice(0, full.length - local.length - 1);
    text = '';
  });
  // Before any element (an empty file, text or HTML junk) it is simply not camt.
  parser.on('error', (e) => fail(message ? msg('bank.xml_broken', { detail: e.message.slice(0, 200) }) : msg('bank.not_camt', { root: '—', namespace: '—' })));

  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of chunks) {
      parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
      if (fatal) break;
      yield* out.splice(0);
    }
    if (!fatal) parser.close();
  } catch (e) {
    if (e instanceof TypeError) fail(msg('bank.not_utf8'));
    else if (!fatal) fail(msg('bank.xml_broken', { detail: (e as Error).message.slice(0, 200) }));
  }
  if (!fatal && !message) fail(msg('bank.not_camt', { root: '—', namespace: '—' }));
  // What was read before a fatal problem stays good.
  yield* out.splice(0);
  if (fatal) throw new CamtError(fatal);
}

const AMOUNT = /^\d{1,15}(\.\d{1,5})?$/;
const CURRENCY = /^[A-Z]{3}$/;

function finishEntry(
  e: Record<string, string | null>,
  txs: TxDraft[],
  problem: Message | null,
  where: { message: CamtMessage; version: string; statementId: string | null; account: string | null; accountCurrency: string | null; index: number },
): CamtItem {
  const bad = (m: Message): CamtItem => ({ kind: 'problem', index: where.index, message: m });
  if (problem) return bad(problem);
  if (!where.account) return bad(msg('bank.no_account'));
  const amount = e.amount ?? '';
  if (!AMOUNT.test(amount)) return bad(msg('bank.bad_amount', { value: amount.slice(0, 40) }));
  const currency = e.currency ?? where.accountCurrency ?? '';
  if (!CURRENCY.test(currency)) return bad(msg('bank.bad_currency', { value: currency.slice(0, 10) }));
  if (e.direction !== 'CRDT' && e.direction !== 'DBIT') return bad(msg('bank.bad_direction', { value: (e.direction ?? '').slice(0, 10) }));
  for (const [field, value] of [
    ['BookgDt', e.bookingDate],
    ['ValDt', e.valueDate],
  ] as const) {
    if (value === null || value === undefined) continue;
    try {
      parseDate(value);
    } catch {
      return bad(msg('bank.bad_date', { field, value: value.slice(0, 20) }));
    }
  }
  const transactions: CamtTransaction[] = [];
  for (const t of txs.length ? txs : [emptyTx()]) {
    const txAmount = t.amount ?? t.txAmount ?? (txs.length <= 1 ? amount : null);
    if (txAmount === null || !AMOUNT.test(txAmount)) return bad(msg('bank.bad_amount', { value: (txAmount ?? '').slice(0, 40) }));
    transactions.push({
      amount: txAmount,
      currency: t.amount ? (t.currency ?? currency) : t.txAmount ? (t.txCurrency ?? currency) : currency,
      endToEndId: t.endToEndId,
      acctSvcrRef: t.acctSvcrRef,
      references: t.references,
      text: t.text,
      partyName: t.partyName,
      partyIban: t.partyIban,
      returnReason: t.returnReason,
    });
  }
  return {
    kind: 'entry',
    entry: {
      message: where.message,
      version: where.version,
      statementId: where.statementId,
      account: where.account,
      accountCurrency: where.accountCurrency,
      index: where.index,
      entryRef: e.entryRef ?? null,
      acctSvcrRef: e.acctSvcrRef ?? null,
      amount,
      currency,
      direction: e.direction === 'CRDT' ? 'credit' : 'debit',
      reversal: e.reversal === 'true',
      status: e.status ?? 'BOOK',
      bookingDate: e.bookingDate ?? null,
      valueDate: e.valueDate ?? null,
      additionalInfo: e.additionalInfo ?? null,
      transactions,
    },
  };
}

function emptyTx(): TxDraft {
  return { amount: null, currency: null, txAmount: null, txCurrency: null, endToEndId: null, acctSvcrRef: null, references: [], text: [], partyName: null, partyIban: null, returnReason: null };
}
