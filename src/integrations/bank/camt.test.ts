import { describe, expect, it } from 'vitest';
import { camtXml } from '../../test/camt.ts';
import { CamtError, readCamt, type CamtEntry, type CamtItem } from './camt.ts';

async function read(xml: string | string[]): Promise<{ items: CamtItem[]; error: CamtError | null }> {
  const items: CamtItem[] = [];
  try {
    for await (const item of readCamt(Array.isArray(xml) ? xml : [xml])) items.push(item);
    return { items, error: null };
  } catch (e) {
    if (!(e instanceof CamtError)) throw e;
    return { items, error: e };
  }
}
const entries = (items: CamtItem[]) => items.flatMap((i) => (i.kind === 'entry' ? [i.entry] : []));

const sample = {
  account: 'IT60 X054 2811 1010 0000 0123 456',
  entries: [
    { amount: '1234.50', acctSvcrRef: 'A1', txs: [{ amount: '1234.50', reference: 'RF18 5390 0754 7034', name: 'Mario Rossi', iban: 'IT02A0301503200000003517230', text: ['Fattura FT-2024-0000123'] }] },
    { amount: '100.10', acctSvcrRef: 'A2', txs: [{ reference: '210000000003139471430009017' }] },
    { amount: '99.00', direction: 'DBIT' as const, reversal: true, acctSvcrRef: 'A3', txs: [{ amount: '99.00', returnReason: 'MD06', name: 'Anna Bianchi' }] },
    { amount: '300.00', acctSvcrRef: 'A4', txs: [{ amount: '100.00', text: ['rata 1'] }, { amount: '200.00', text: ['rata 2'] }] },
  ],
};

describe('readCamt: ISO 20022 camt.053 / camt.054, versions .001.02 to .001.08', () => {
  for (const message of ['camt.053', 'camt.054'] as const) {
    for (const version of ['02', '03', '04', '05', '06', '07', '08'] as const) {
      it(`reads ${message}.001.${version}: amounts as written, references, payer, returns, batch bookings`, async () => {
        const { items, error } = await read(camtXml({ ...sample, message, version }));
        expect(error).toBeNull();
        expect(items[0]).toMatchObject({ kind: 'header', message, version, messageId: 'MSG-1' });
        const [a, b, c, d] = entries(items) as [CamtEntry, CamtEntry, CamtEntry, CamtEntry];
        expect(a).toMatchObject({ message, account: 'IT60X0542811101000000123456', index: 1, acctSvcrRef: 'A1', amount: '1234.50', currency: 'EUR', direction: 'credit', reversal: false, status: 'BOOK', bookingDate: '2026-11-30' });
        expect(a.transactions).toEqual([
          {
            amount: '1234.50',
            currency: 'EUR',
            endToEndId: null,
            acctSvcrRef: null,
            references: ['RF18 5390 0754 7034'],
            text: ['Fattura FT-2024-0000123'],
            partyName: 'Mario Rossi',
            partyIban: 'IT02A0301503200000003517230',
            returnReason: null,
          },
        ]);
        // "100.10" stays "100.10"; a 27-digit QR reference stays digits (no number conversion anywhere).
        expect(b.amount).toBe('100.10');
        expect(b.transactions[0]).toMatchObject({ amount: '100.10', references: ['210000000003139471430009017'] });
        expect(c).toMatchObject({ direction: 'debit', reversal: true });
        expect(c.transactions[0]).toMatchObject({ returnReason: 'MD06', partyName: 'Anna Bianchi' });
        expect(d.transactions.map((t) => [t.amount, t.text])).toEqual([
          ['100.00', ['rata 1']],
          ['200.00', ['rata 2']],
        ]);
      });
    }
  }

  it('reads a file split anywhere into chunks, even inside a multi-byte character', async () => {
    const xml = camtXml({ entries: [{ amount: '5.00', txs: [{ name: 'Nicolò Cantù', text: ['Überweisung für Rechnung'] }] }] });
    const bytes = new TextEncoder().encode(xml);
    const chunks: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += 7) chunks.push(bytes.subarray(i, i + 7));
    const items: CamtItem[] = [];
    for await (const item of readCamt(chunks)) items.push(item);
    expect(entries(items)[0]!.transactions[0]).toMatchObject({ partyName: 'Nicolò Cantù', text: ['Überweisung für Rechnung'] });
  });

  it('refuses a DOCTYPE (billion laughs, external entities) before reading any entry', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>` + camtXml(sample).replace(/^<\?xml[^>]*>/, '');
    const { items, error } = await read(laughs);
    expect(error?.problem.code).toBe('bank.xml_doctype');
    expect(entries(items)).toEqual([]);
    const xxe = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>` + camtXml({ entries: [{ amount: '1.00', txs: [{ text: ['&x;'] }] }] }).replace(/^<\?xml[^>]*>/, '');
    expect((await read(xxe)).error?.problem.code).toBe('bank.xml_doctype');
  });

  it('refuses another message, another namespace or an unknown version, saying which', async () => {
    const pain = camtXml(sample).replace(/camt\.053\.001\.08/, 'pain.001.001.09');
    expect((await read(pain)).error?.problem).toMatchObject({ code: 'bank.not_camt', params: { namespace: 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.09' } });
    expect((await read(camtXml(sample).replace(/camt\.053\.001\.08/, 'camt.053.001.11'))).error?.problem).toMatchObject({ code: 'bank.camt_version', params: { version: 'camt.053.001.11' } });
    expect((await read('<html><body>hello</body></html>')).error?.problem.code).toBe('bank.not_camt');
    // A camt.054 body under camt.053's namespace is not trusted either.
    expect((await read(camtXml({ ...sample, message: 'camt.054' }).replace(/camt\.054\.001/, 'camt.053.001'))).error?.problem.code).toBe('bank.not_camt');
    expect((await read('')).error?.problem.code).toBe('bank.not_camt');
  });

  it('reads a message whose elements carry a namespace prefix, and refuses a prefixed root of another namespace', async () => {
    // Some banks write <ns2:Document xmlns:ns2="…camt.053.001.08"><ns2:BkToCstmrStmt>… instead of a default namespace.
    const plain = camtXml(sample);
    const prefixed = plain.replace(/<(\/?)([A-Za-z])/g, '<$1ns2:$2').replace('<ns2:Document xmlns=', '<ns2:Document xmlns:ns2=');
    expect(prefixed).toContain('<ns2:Ntry>');
    const a = await read(plain);
    const b = await read(prefixed);
    expect(b.error).toBeNull();
    expect(b.items).toEqual(a.items);
    // The prefix bound to another namespace (and a default namespace that is camt's does not count for it).
    const other = prefixed.replace('xmlns:ns2="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"', 'xmlns:ns2="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09" xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"');
    expect((await read(other)).error?.problem).toMatchObject({ code: 'bank.not_camt', params: { namespace: 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.09' } });
    // A prefix the root does not bind: no namespace at all.
    expect((await read(prefixed.replace(' xmlns:ns2=', ' xmlns:other='))).error?.problem).toMatchObject({ code: 'bank.not_camt', params: { namespace: '—' } });
  });

  it('keeps the good entries of a file with bad ones, each bad one a problem with its position', async () => {
    const xml = camtXml({
      entries: [
        { amount: '10.00' },
        { amount: '1,234.5' },
        { amount: '20.00', bookingDate: '2026-02-30' },
        { amount: '30.00', txs: [{ text: ['x'.repeat(5000)] }] },
        { amount: '40.00', currency: 'euro' },
        { amount: '50.00' },
      ],
    });
    const { items, error } = await read(xml);
    expect(error).toBeNull();
    expect(entries(items).map((e) => [e.index, e.amount])).toEqual([
      [1, '10.00'],
      [6, '50.00'],
    ]);
    expect(items.flatMap((i) => (i.kind === 'problem' ? [[i.index, i.message.code]] : []))).toEqual([
      [2, 'bank.bad_amount'],
      [3, 'bank.bad_date'],
      [4, 'bank.field_too_long'],
      [5, 'bank.bad_currency'],
    ]);
  });

  it('broken XML after good entries: those entries are kept, then a clear error', async () => {
    const xml = camtXml({ entries: [{ amount: '10.00' }, { amount: '20.00' }] });
    const cut = xml.slice(0, xml.lastIndexOf('<Ntry>') + 30) + '<<<';
    const { items, error } = await read(cut);
    expect(entries(items).map((e) => e.amount)).toEqual(['10.00']);
    expect(error?.problem.code).toBe('bank.xml_broken');
  });

  it('reads a statement of 5,000 entries one at a time', async () => {
    const many = Array.from({ length: 5_000 }, (_, i) => ({ amount: `${(i % 500) + 1}.${String(i % 100).padStart(2, '0')}`, acctSvcrRef: `R${i}`, txs: [{ reference: 'RF18539007547034', name: `Payer ${i}` }] }));
    const xml = camtXml({ entries: many });
    let n = 0;
    let last: CamtEntry | null = null;
    for await (const item of readCamt((function* () {
      for (let i = 0; i < xml.length; i += 65_536) yield xml.slice(i, i + 65_536);
    })())) {
      if (item.kind === 'entry') {
        n++;
        last = item.entry;
      }
    }
    expect(n).toBe(5_000);
    expect(last).toMatchObject({ index: 5_000, acctSvcrRef: 'R4999', amount: '500.99' });
  });
});
