import { codiceFiscaleCheckChar, partitaIvaCheckDigit } from '../domain/tax-ids.ts';

/** A valid codice fiscale for a made-up person: surname/name letters, a birth date code and a town. */
export function fakeCodiceFiscale(n: number): string {
  const letters = 'BCDFGHLMNPRSTVZ';
  const pick = (k: number) => letters[k % letters.length]!;
  const months = 'ABCDEHLMPRST';
  const first15 = `${pick(n)}${pick(n >> 2)}${pick(n >> 4)}${pick(n >> 6)}${pick(n >> 8)}${pick(n >> 10)}${String(50 + (n % 45)).padStart(2, '0')}${months[n % 12]}${String(1 + (n % 28)).padStart(2, '0')}H501`;
  return first15 + codiceFiscaleCheckChar(first15);
}

export function fakePartitaIva(n: number): string {
  const first10 = String(1_000_000_000 + ((n * 7919) % 8_999_999_999)).slice(0, 10);
  return first10 + String(partitaIvaCheckDigit(first10));
}

export const PORTFOLIO_HEADER = [
  'Numero fattura',
  'Ragione sociale',
  'Cognome',
  'Nome',
  'Codice fiscale',
  'Partita IVA',
  'Indirizzo',
  'CAP',
  'Comune',
  'Provincia',
  'Email',
  'Telefono',
  'Importo',
  'Scadenza',
  'Data documento',
];

export interface PortfolioRow {
  ref: string;
  company?: string;
  lastName?: string;
  firstName?: string;
  taxCode?: string;
  vatNumber?: string;
  address?: string;
  postalCode?: string;
  city?: string;
  province?: string;
  email?: string;
  phone?: string;
  amount: string;
  due: string;
  issued?: string;
}

/** An Italian overdue-invoice export: `;` separated, decimal commas, dd/mm/yyyy dates. */
export function portfolioCsv(rows: PortfolioRow[], sep = ';'): string {
  const q = (v: string | undefined) => {
    const s = v ?? '';
    return s.includes(sep) || s.includes('"') || s.includes('\n') ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [PORTFOLIO_HEADER.join(sep)];
  for (const r of rows) {
    lines.push(
      [r.ref, r.company, r.lastName, r.firstName, r.taxCode, r.vatNumber, r.address, r.postalCode, r.city, r.province, r.email, r.phone, r.amount, r.due, r.issued]
        .map(q)
        .join(sep),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** `n` good consumer rows: each its own debtor with a valid codice fiscale and an e-mail. */
export function consumerRows(n: number, prefix = 'FT', start = 1): PortfolioRow[] {
  return Array.from({ length: n }, (_, i) => {
    const k = start + i;
    return {
      ref: `${prefix}-${String(k).padStart(6, '0')}`,
      lastName: `Rossi${k}`,
      firstName: 'Mario',
      taxCode: fakeCodiceFiscale(k),
      address: `Via Roma ${k}`,
      postalCode: '00100',
      city: 'Roma',
      province: 'RM',
      email: `mario.rossi${k}@example.it`,
      // "1.234,56" and "234,56": thousands dots and decimal commas, as Italian exports write them.
      amount: k % 2 ? `${1 + (k % 9)}.${String(100 + (k % 900)).padStart(3, '0')},${String(k % 100).padStart(2, '0')}` : `${100 + (k % 900)},${String(k % 100).padStart(2, '0')}`,
      due: `${String(1 + (k % 28)).padStart(2, '0')}/0${1 + (k % 9)}/2025`,
    };
  });
}
