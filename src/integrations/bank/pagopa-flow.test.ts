import { describe, expect, it } from 'vitest';
import { noticeCodeAux3 } from '../../domain/municipal/pagopa.ts';
import { pagopaFlowXml } from '../../test/pagopa-flow.ts';
import { csvAmount, csvDate, delimiterOf } from './csv-rows.ts';
import { PagopaFlowError, readPagopaFlow, type PagopaFlowItem } from './pagopa-flow.ts';
import { readReceiptsCsv, type ReceiptsCsvItem } from './pagopa-receipts-csv.ts';
import { sniffBankFile } from './sniff.ts';

async function read(xml: string | (string | Uint8Array)[]): Promise<{ items: PagopaFlowItem[]; error: PagopaFlowError | null }> {
  const items: PagopaFlowItem[] = [];
  try {
    for await (const item of readPagopaFlow(Array.isArray(xml) ? xml : [xml])) items.push(item);
    return { items, error: null };
  } catch (e) {
    if (!(e instanceof PagopaFlowError)) throw e;
    return { items, error: e };
  }
}
const receipts = (items: PagopaFlowItem[]) => items.flatMap((i) => (i.kind === 'receipt' ? [i.receipt] : []));

const n1 = noticeCodeAux3('01', '0000000012345');
const n2 = noticeCodeAux3('01', '0000000012346');

describe('readPagopaFlow: the pagoPA reconciliation flow (FlussoRiversamento)', () => {
  const flow = pagopaFlowXml({
    flowId: '2026-11-27BCITITMM-S000000042',
    receiver: '80012345678',
    payments: [
      { iuv: n1.slice(1), iur: 'IUR-A', amount: '120.50', date: '2026-11-25' },
      { iuv: n2.slice(1), iur: 'IUR-B', index: 2, amount: '0.10', outcome: '9' },
      { iuv: n2.slice(1), iur: 'IUR-C', amount: '-30.00', outcome: '3' },
    ],
  });

  it('reads the header and every payment, amounts as written, split anywhere into byte chunks', async () => {
    const bytes = new TextEncoder().encode(flow);
    const chunks: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += 5) chunks.push(bytes.subarray(i, i + 5));
    const { items, error } = await read(chunks);
    expect(error).toBeNull();
    expect(items[0]).toEqual({
      kind: 'header',
      header: {
        flowId: '2026-11-27BCITITMM-S000000042',
        flowDateTime: '2026-11-27T06:30:00',
        regulationId: 'SCT-BCITITMM-0001',
        regulationDate: '2026-11-27',
        psp: 'BCITITMM',
        pspName: 'Banca di prova',
        receiver: '80012345678',
        receiverName: 'Comune di Prova',
        totalPayments: '3',
        totalAmount: '90.60',
      },
    });
    expect(receipts(items)).toEqual([
      { index: 1, iuv: n1.slice(1), iur: 'IUR-A', transferIndex: '1', amount: '120.50', outcome: '0', outcomeDate: '2026-11-25' },
      { index: 2, iuv: n2.slice(1), iur: 'IUR-B', transferIndex: '2', amount: '0.10', outcome: '9', outcomeDate: '2026-11-25' },
      { index: 3, iuv: n2.slice(1), iur: 'IUR-C', transferIndex: '1', amount: '30.00', outcome: '3', outcomeDate: '2026-11-25' },
    ]);
  });

  it('refuses a DOCTYPE (entities) before reading any payment', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>` + flow.replace(/^<\?xml[^>]*>/, '');
    const { items, error } = await read(laughs);
    expect(error?.problem.code).toBe('bank.xml_doctype');
    expect(receipts(items)).toEqual([]);
  });

  it('refuses another root or namespace, and text that is no XML', async () => {
    expect((await read(flow.replace(/xmlns="[^"]*"/, 'xmlns="urn:other"'))).error?.problem).toMatchObject({ code: 'bank.not_pagopa_flow', params: { namespace: 'urn:other' } });
    expect((await read('<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"/>')).error?.problem.code).toBe('bank.not_pagopa_flow');
    expect((await read('hello')).error?.problem.code).toBe('bank.not_pagopa_flow');
    expect((await read([new Uint8Array([0x3c, 0xff, 0xfe])])).error?.problem.code).toBe('bank.not_utf8');
  });

  it('a bad payment is a problem with its position; the others are read; a broken end keeps what came before', async () => {
    const bad = flow.replace('<singoloImportoPagato>0.10</singoloImportoPagato>', '<singoloImportoPagato>1e3</singoloImportoPagato>');
    const { items, error } = await read(bad);
    expect(error).toBeNull();
    expect(items.filter((i) => i.kind === 'problem')).toEqual([{ kind: 'problem', index: 2, message: { code: 'bank.bad_amount', params: { value: '1e3' } } }]);
    expect(receipts(items).map((r) => r.index)).toEqual([1, 3]);
    const cut = flow.slice(0, flow.indexOf('IUR-B')) + '<<';
    const r = await read(cut);
    expect(r.error?.problem.code).toBe('bank.xml_broken');
    expect(receipts(r.items).map((x) => x.iur)).toEqual(['IUR-A']);
  });

  it('a field longer than the limit makes its payment a problem, never memory', async () => {
    const long = flow.replace('IUR-A', 'X'.repeat(10_000));
    const { items } = await read(long);
    expect(items.find((i) => i.kind === 'problem')).toMatchObject({ index: 1, message: { code: 'bank.field_too_long' } });
  });
});

describe('readReceiptsCsv: pagoPA receipts as a CSV', () => {
  const readAll = async (text: string) => {
    const items: ReceiptsCsvItem[] = [];
    for await (const i of readReceiptsCsv([text])) items.push(i);
    return items;
  };

  it('reads IUV or notice code, Italian amounts and dates, payer and IUR; a bad row is a problem with its line', async () => {
    const items = await readAll(
      [
        'Codice Avviso;IUV;Importo;Data pagamento;Pagatore;IUR',
        `${n1};;"1.234,56";25/11/2026;Maria Rossi;IUR-1`,
        `;${n2.slice(1)};12,00;2026-11-26;;`,
        `${n2};;abc;2026-11-26;;`,
        `${n1.slice(0, 16)}${n1.endsWith('00') ? '01' : '00'};;1,00;2026-11-26;;`,
      ].join('\r\n'),
    );
    expect(items).toEqual([
      { kind: 'receipt', receipt: { index: 2, iuv: n1.slice(1), notice: n1, iur: 'IUR-1', transferIndex: '1', amount: '1234.56', negative: false, date: '2026-11-25', payer: 'Maria Rossi', outcome: null, ente: null } },
      { kind: 'receipt', receipt: { index: 3, iuv: n2.slice(1), notice: null, iur: null, transferIndex: '1', amount: '12.00', negative: false, date: '2026-11-26', payer: null, outcome: null, ente: null } },
      { kind: 'problem', index: 4, message: { code: 'bank.bad_amount', params: { value: 'abc' } } },
      { kind: 'problem', index: 5, message: expect.objectContaining({ code: 'bank.receipt_bad_notice' }) },
    ]);
  });

  it('a CSV without the receipt columns is refused by name', async () => {
    await expect(readAll('a,b,c\n1,2,3\n')).rejects.toMatchObject({ problem: { code: 'bank.receipts_columns' } });
  });

  it('amounts, dates and delimiters as exports write them', () => {
    expect(csvAmount('1.234,56')).toEqual({ amount: '1234.56', negative: false });
    expect(csvAmount('1,234.56')).toEqual({ amount: '1234.56', negative: false });
    expect(csvAmount('€ -50,00')).toEqual({ amount: '50.00', negative: true });
    expect(csvAmount('12.345')).toBeNull();
    expect(csvAmount('12.345,00')).toEqual({ amount: '12345.00', negative: false });
    expect(csvDate('2026-11-25T10:00:00')).toBe('2026-11-25');
    expect(csvDate('5.1.2026')).toBe('2026-01-05');
    expect(delimiterOf('a;b;c')).toBe(';');
    expect(delimiterOf('a,b,c')).toBe(',');
    expect(delimiterOf('a\tb\tc')).toBe('\t');
  });
});

describe('sniffBankFile', () => {
  it('tells a pagoPA flow, camt and CSV apart by content', () => {
    expect(sniffBankFile(pagopaFlowXml({ payments: [] }))).toBe('pagopa_flow');
    expect(sniffBankFile('\uFEFF<?xml version="1.0"?>\n<!-- x --><ns2:FlussoRiversamento xmlns:ns2="x">')).toBe('pagopa_flow');
    expect(sniffBankFile('<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">')).toBe('camt');
    expect(sniffBankFile('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "a">]><FlussoRiversamento>')).toBe('camt');
    expect(sniffBankFile('IUV;Importo;Data\n')).toBe('csv');
  });
});
