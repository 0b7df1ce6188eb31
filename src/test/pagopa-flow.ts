import { FLOW_NAMESPACE } from '../integrations/bank/pagopa-flow.ts';

/**
 * Writes a pagoPA reconciliation flow (FlussoRiversamento) for tests, in the element order of the
 * FdR schema. Values are escaped; nothing here is read by the product.
 */
export interface FlowPayment {
  iuv: string;
  iur?: string;
  index?: number;
  amount: string;
  outcome?: string;
  date?: string;
}
export interface FlowInput {
  flowId?: string;
  psp?: string;
  receiver?: string;
  regulationDate?: string;
  payments: FlowPayment[];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function pagopaFlowXml(f: FlowInput): string {
  const date = f.regulationDate ?? '2026-11-27';
  const psp = f.psp ?? 'BCITITMM';
  const total = f.payments.reduce((s, p) => s + Math.round(Number(p.amount) * 100), 0);
  const lines = f.payments
    .map(
      (p, i) => `  <datiSingoliPagamenti>
    <identificativoUnivocoVersamento>${esc(p.iuv)}</identificativoUnivocoVersamento>
    <identificativoUnivocoRiscossione>${esc(p.iur ?? `IUR${String(i + 1).padStart(8, '0')}`)}</identificativoUnivocoRiscossione>
    <indiceDatiSingoloPagamento>${p.index ?? 1}</indiceDatiSingoloPagamento>
    <singoloImportoPagato>${esc(p.amount)}</singoloImportoPagato>
    <codiceEsitoSingoloPagamento>${esc(p.outcome ?? '0')}</codiceEsitoSingoloPagamento>
    <dataEsitoSingoloPagamento>${esc(p.date ?? '2026-11-25')}</dataEsitoSingoloPagamento>
  </datiSingoliPagamenti>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<FlussoRiversamento xmlns="${FLOW_NAMESPACE}">
  <versioneOggetto>1.0</versioneOggetto>
  <identificativoFlusso>${esc(f.flowId ?? `${date}${psp}-S000000001`)}</identificativoFlusso>
  <dataOraFlusso>${date}T06:30:00</dataOraFlusso>
  <identificativoUnivocoRegolamento>SCT-${esc(psp)}-0001</identificativoUnivocoRegolamento>
  <dataRegolamento>${date}</dataRegolamento>
  <istitutoMittente>
    <identificativoUnivocoMittente>
      <tipoIdentificativoUnivoco>B</tipoIdentificativoUnivoco>
      <codiceIdentificativoUnivoco>${esc(psp)}</codiceIdentificativoUnivoco>
    </identificativoUnivocoMittente>
    <denominazioneMittente>Banca di prova</denominazioneMittente>
  </istitutoMittente>
  <istitutoRicevente>
    <identificativoUnivocoRicevente>
      <tipoIdentificativoUnivoco>G</tipoIdentificativoUnivoco>
      <codiceIdentificativoUnivoco>${esc(f.receiver ?? '00000000000')}</codiceIdentificativoUnivoco>
    </identificativoUnivocoRicevente>
    <denominazioneRicevente>Comune di Prova</denominazioneRicevente>
  </istitutoRicevente>
  <numeroTotalePagamenti>${f.payments.length}</numeroTotalePagamenti>
  <importoTotalePagamenti>${(total / 100).toFixed(2)}</importoTotalePagamenti>
${lines}
</FlussoRiversamento>
`;
}
