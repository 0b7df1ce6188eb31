/**
 * Writes ISO 20022 camt.053 / camt.054 files for tests and benchmarks, in the shape of each version
 * (.001.02 – .001.08): the places where the versions differ are those the reader handles (entry
 * status plain or as `<Cd>`, transaction amount in `AmtDtls` or `Amt`, related party with or without
 * `Pty`). Values are escaped; nothing here is read by the product.
 */
export interface CamtTx {
  amount?: string;
  endToEndId?: string;
  reference?: string;
  text?: string[];
  name?: string;
  iban?: string;
  returnReason?: string;
}
export interface CamtEntryInput {
  amount: string;
  currency?: string;
  direction?: 'CRDT' | 'DBIT';
  reversal?: boolean;
  status?: 'BOOK' | 'PDNG' | 'INFO';
  bookingDate?: string;
  valueDate?: string;
  acctSvcrRef?: string;
  entryRef?: string;
  /** One or more transactions (a batch booking has several); default: one without details. */
  txs?: CamtTx[];
  /** Raw XML put inside the entry as it is (for hostile tests). */
  raw?: string;
}
export interface CamtInput {
  message?: 'camt.053' | 'camt.054';
  version?: '02' | '03' | '04' | '05' | '06' | '07' | '08';
  account?: string;
  currency?: string;
  statementId?: string;
  messageId?: string;
  entries: CamtEntryInput[];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function camtXml(input: CamtInput): string {
  const message = input.message ?? 'camt.053';
  const version = input.version ?? '08';
  const v = Number(version);
  const ccy = input.currency ?? 'EUR';
  const root = message === 'camt.053' ? 'BkToCstmrStmt' : 'BkToCstmrDbtCdtNtfctn';
  const inner = message === 'camt.053' ? 'Stmt' : 'Ntfctn';
  const party = (role: 'Dbtr' | 'Cdtr', name: string) => (v >= 8 ? `<${role}><Pty><Nm>${esc(name)}</Nm></Pty></${role}>` : `<${role}><Nm>${esc(name)}</Nm></${role}>`);
  const tx = (t: CamtTx, e: CamtEntryInput) => {
    const credit = (e.direction ?? 'CRDT') === 'CRDT';
    const amount = t.amount ? (v >= 3 ? `<Amt Ccy="${e.currency ?? ccy}">${t.amount}</Amt>` : `<AmtDtls><TxAmt><Amt Ccy="${e.currency ?? ccy}">${t.amount}</Amt></TxAmt></AmtDtls>`) : '';
    const parties =
      t.name || t.iban
        ? `<RltdPties>${t.name ? party(credit ? 'Dbtr' : 'Cdtr', t.name) : ''}${t.iban ? `<${credit ? 'DbtrAcct' : 'CdtrAcct'}><Id><IBAN>${esc(t.iban)}</IBAN></Id></${credit ? 'DbtrAcct' : 'CdtrAcct'}>` : ''}</RltdPties>`
        : '';
    const rmt =
      t.reference || t.text?.length
        ? `<RmtInf>${(t.text ?? []).map((l) => `<Ustrd>${esc(l)}</Ustrd>`).join('')}${t.reference ? `<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>${esc(t.reference)}</Ref></CdtrRefInf></Strd>` : ''}</RmtInf>`
        : '';
    const rtr = t.returnReason ? `<RtrInf><Rsn><Cd>${esc(t.returnReason)}</Cd></Rsn></RtrInf>` : '';
    return `<TxDtls><Refs><EndToEndId>${esc(t.endToEndId ?? 'NOTPROVIDED')}</EndToEndId></Refs>${amount}${parties}${rmt}${rtr}</TxDtls>`;
  };
  const entries = input.entries
    .map((e, i) => {
      const status = e.status ?? 'BOOK';
      const sts = v >= 6 ? `<Sts><Cd>${status}</Cd></Sts>` : `<Sts>${status}</Sts>`;
      return (
        `<Ntry>${e.entryRef ? `<NtryRef>${esc(e.entryRef)}</NtryRef>` : ''}<Amt Ccy="${e.currency ?? ccy}">${e.amount}</Amt><CdtDbtInd>${e.direction ?? 'CRDT'}</CdtDbtInd>` +
        `${e.reversal ? '<RvslInd>true</RvslInd>' : ''}${sts}<BookgDt><Dt>${e.bookingDate ?? '2026-11-30'}</Dt></BookgDt><ValDt><Dt>${e.valueDate ?? e.bookingDate ?? '2026-11-30'}</Dt></ValDt>` +
        `<AcctSvcrRef>${esc(e.acctSvcrRef ?? `REF-${i + 1}`)}</AcctSvcrRef><BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>` +
        `${e.raw ?? ''}${e.txs?.length ? `<NtryDtls>${e.txs.map((t) => tx(t, e)).join('')}</NtryDtls>` : ''}</Ntry>`
      );
    })
    .join('\n');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:${message}.001.${version}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n` +
    `<${root}><GrpHdr><MsgId>${esc(input.messageId ?? 'MSG-1')}</MsgId><CreDtTm>2026-12-01T06:00:00</CreDtTm></GrpHdr>\n` +
    `<${inner}><Id>${esc(input.statementId ?? 'STMT-1')}</Id><CreDtTm>2026-12-01T06:00:00</CreDtTm><Acct><Id><IBAN>${input.account ?? 'IT60X0542811101000000123456'}</IBAN></Id><Ccy>${ccy}</Ccy></Acct>\n` +
    `${entries}\n</${inner}></${root}></Document>\n`
  );
}
