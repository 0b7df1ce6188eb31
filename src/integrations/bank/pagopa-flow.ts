import { SaxesParser, type SaxesTagNS } from 'saxes';
import { parseDate } from '../../domain/dates.ts';
import { msg, type Message } from '../../domain/messages/index.ts';

/**
 * The pagoPA reconciliation flow (flusso di rendicontazione, FdR "FlussoRiversamento", issue 15
 * item 5), read as a stream like camt.ts. A PSP reports on D+2 the payments it collected on day D and
 * transferred in one SCT to the ente's account (SANP "Rendicontazione e accredito"; the ente fetches it
 * with nodoChiediFlussoRendicontazione, or GovPay's `GET /flussiRendicontazione/{idFlusso}` with
 * `Accept: application/xml` — municipal-notes.md §2.2). Elements, all in the namespace
 * `http://www.digitpa.gov.it/schemas/2011/Pagamenti/`:
 * - `identificativoFlusso`, `dataOraFlusso`, `identificativoUnivocoRegolamento` (the SCT's TRN),
 *   `dataRegolamento`;
 * - `istitutoMittente/identificativoUnivocoMittente/codiceIdentificativoUnivoco` (the PSP) and
 *   `istitutoRicevente/identificativoUnivocoRicevente/codiceIdentificativoUnivoco` (the ente's fiscal code);
 * - one `datiSingoliPagamenti` per payment: `identificativoUnivocoVersamento` (IUV),
 *   `identificativoUnivocoRiscossione` (IUR), `indiceDatiSingoloPagamento`, `singoloImportoPagato`,
 *   `codiceEsitoSingoloPagamento`, `dataEsitoSingoloPagamento`.
 *
 * Outcome codes (codiceEsitoSingoloPagamento): 0 paid; 3 revoked (the money went back to the payer);
 * 4 paid in stand-in; 8 stand-in without RPT; 9 paid without RPT (a positive receipt obtained after the
 * token expired — still money received). See {@link PAID_OUTCOMES}.
 *
 * Hostile input is refused as camt.ts refuses it: a DOCTYPE, another root or namespace, broken XML;
 * a field longer than {@link MAX_TEXT} makes its payment a problem, never memory. Amounts stay strings.
 */

export const FLOW_NAMESPACE = 'http://www.digitpa.gov.it/schemas/2011/Pagamenti/';
/** The longest text read from one element (the XSD's longest fields are 35 characters). */
export const MAX_TEXT = 500;
/** Outcomes that mean the payer's money reached the ente: paid (0), stand-in (4, 8), without RPT (9). */
export const PAID_OUTCOMES = ['0', '4', '8', '9'] as const;
export const REVOKED_OUTCOME = '3';

export interface PagopaFlowHeader {
  flowId: string | null;
  flowDateTime: string | null;
  /** The SCT that carried the money (identificativoUnivocoRegolamento). */
  regulationId: string | null;
  regulationDate: string | null;
  /** The PSP (istitutoMittente) and the ente (istitutoRicevente) identifiers. */
  psp: string | null;
  pspName: string | null;
  receiver: string | null;
  receiverName: string | null;
  totalPayments: string | null;
  totalAmount: string | null;
}

export interface PagopaReceipt {
  /** Position of the payment in the flow, from 1. */
  index: number;
  iuv: string;
  iur: string;
  /** indiceDatiSingoloPagamento (1 when absent). */
  transferIndex: string;
  /** As written, without a sign ("20.00"). */
  amount: string;
  /** codiceEsitoSingoloPagamento as written. */
  outcome: string;
  outcomeDate: string | null;
}

export type PagopaFlowItem = { kind: 'header'; header: PagopaFlowHeader } | { kind: 'receipt'; receipt: PagopaReceipt } | { kind: 'problem'; index: number; message: Message };

/** The whole flow cannot be read: not a FlussoRiversamento, hostile, or broken XML (what came before is kept). */
export class PagopaFlowError extends Error {
  constructor(readonly problem: Message) {
    super(problem.code);
  }
}

const HEADER_FIELDS: Record<string, keyof PagopaFlowHeader> = {
  '/identificativoFlusso': 'flowId',
  '/dataOraFlusso': 'flowDateTime',
  '/identificativoUnivocoRegolamento': 'regulationId',
  '/dataRegolamento': 'regulationDate',
  '/istitutoMittente/identificativoUnivocoMittente/codiceIdentificativoUnivoco': 'psp',
  '/istitutoMittente/denominazioneMittente': 'pspName',
  '/istitutoRicevente/identificativoUnivocoRicevente/codiceIdentificativoUnivoco': 'receiver',
  '/istitutoRicevente/denominazioneRicevente': 'receiverName',
  '/numeroTotalePagamenti': 'totalPayments',
  '/importoTotalePagamenti': 'totalAmount',
};

const RECEIPT_FIELDS: Record<string, string> = {
  identificativoUnivocoVersamento: 'iuv',
  identificativoUnivocoRiscossione: 'iur',
  indiceDatiSingoloPagamento: 'transferIndex',
  singoloImportoPagato: 'amount',
  codiceEsitoSingoloPagamento: 'outcome',
  dataEsitoSingoloPagamento: 'outcomeDate',
};

/**
 * Reads a FlussoRiversamento from a stream of chunks; yields the header (once, before the first
 * payment), then each payment or the problem that made it unreadable. Throws {@link PagopaFlowError}
 * when the file as a whole cannot be read.
 */
export async function* readPagopaFlow(chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>): AsyncGenerator<PagopaFlowItem> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const out: PagopaFlowItem[] = [];
  let depth = 0;
  let rooted = false;
  let path = '';
  let text = '';
  let tooLong = false;
  let fatal: Message | null = null;
  const header: PagopaFlowHeader = { flowId: null, flowDateTime: null, regulationId: null, regulationDate: null, psp: null, pspName: null, receiver: null, receiverName: null, totalPayments: null, totalAmount: null };
  let headerSent = false;
  let index = 0;
  let receipt: Record<string, string> | null = null;
  let receiptProblem: Message | null = null;
  const fail = (m: Message) => {
    fatal ??= m;
  };
  const sendHeader = () => {
    if (!headerSent) out.push({ kind: 'header', header: { ...header } });
    headerSent = true;
  };

  parser.on('doctype', () => fail(msg('bank.xml_doctype')));
  parser.on('opentag', (tag: SaxesTagNS) => {
    if (fatal) return;
    if (depth === 0) {
      if (tag.local !== 'FlussoRiversamento' || tag.uri !== FLOW_NAMESPACE) return fail(msg('bank.not_pagopa_flow', { root: tag.local, namespace: tag.uri || '—' }));
      rooted = true;
    } else if (tag.uri !== FLOW_NAMESPACE) {
      return fail(msg('bank.not_pagopa_flow', { root: tag.local, namespace: tag.uri || '—' }));
    }
    depth++;
    if (depth > 1) path += `/${tag.local}`;
    text = '';
    tooLong = false;
    if (depth === 2 && tag.local === 'datiSingoliPagamenti') {
      sendHeader();
      index++;
      receipt = {};
      receiptProblem = null;
    }
  });
  const addText = (t: string) => {
    if (fatal || depth === 0) return;
    if (text.length + t.length > MAX_TEXT) tooLong = true;
    else text += t;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', (tag: SaxesTagNS) => {
    if (fatal) return;
    const value = text.trim();
    if (receipt) {
      if (tooLong) receiptProblem ??= msg('bank.field_too_long', { field: tag.local, max: MAX_TEXT });
      if (depth === 3 && RECEIPT_FIELDS[tag.local]) receipt[RECEIPT_FIELDS[tag.local]!] = value;
      else if (depth === 2) {
        out.push(finishReceipt(receipt, receiptProblem, index));
        receipt = null;
      }
    } else if (depth >= 2) {
      const field = HEADER_FIELDS[path];
      if (field) header[field] = tooLong ? null : value.slice(0, 140);
    }
    depth--;
    path = path.slice(0, Math.max(0, path.length - tag.local.length - 1));
    text = '';
  });
  parser.on('error', (e) => fail(rooted ? msg('bank.xml_broken', { detail: e.message.slice(0, 200) }) : msg('bank.not_pagopa_flow', { root: '—', namespace: '—' })));

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
  if (!fatal && !rooted) fail(msg('bank.not_pagopa_flow', { root: '—', namespace: '—' }));
  if (!fatal) sendHeader();
  yield* out.splice(0);
  if (fatal) throw new PagopaFlowError(fatal);
}

/** An amount as the XSD's stImporto writes it: up to two decimals (a revoked payment may carry a minus). */
const AMOUNT = /^-?\d{1,15}(\.\d{1,2})?$/;
/** IUV and IUR are at most 35 characters (stText35). */
const ID35 = /^[^\s]{1,35}$/;

function finishReceipt(r: Record<string, string>, problem: Message | null, index: number): PagopaFlowItem {
  const bad = (m: Message): PagopaFlowItem => ({ kind: 'problem', index, message: m });
  if (problem) return bad(problem);
  const iuv = r.iuv ?? '';
  if (!ID35.test(iuv)) return bad(msg('bank.pagopa_bad_id', { field: 'identificativoUnivocoVersamento', value: iuv.slice(0, 40) }));
  const iur = r.iur ?? '';
  if (!ID35.test(iur)) return bad(msg('bank.pagopa_bad_id', { field: 'identificativoUnivocoRiscossione', value: iur.slice(0, 40) }));
  const transferIndex = r.transferIndex || '1';
  if (!/^\d{1,5}$/.test(transferIndex)) return bad(msg('bank.pagopa_bad_id', { field: 'indiceDatiSingoloPagamento', value: transferIndex.slice(0, 40) }));
  const amount = r.amount ?? '';
  if (!AMOUNT.test(amount)) return bad(msg('bank.bad_amount', { value: amount.slice(0, 40) }));
  const outcome = r.outcome ?? '';
  if (!/^\d{1,2}$/.test(outcome)) return bad(msg('bank.pagopa_bad_id', { field: 'codiceEsitoSingoloPagamento', value: outcome.slice(0, 40) }));
  const outcomeDate = r.outcomeDate ? r.outcomeDate.slice(0, 10) : null;
  if (outcomeDate) {
    try {
      parseDate(outcomeDate);
    } catch {
      return bad(msg('bank.bad_date', { field: 'dataEsitoSingoloPagamento', value: outcomeDate }));
    }
  }
  return { kind: 'receipt', receipt: { index, iuv, iur, transferIndex: String(Number(transferIndex)), amount: amount.replace(/^-/, ''), outcome, outcomeDate } };
}
