import type { LetterInput } from '../../integrations/letters/index.ts';

/** Who signs a letter: a party with its contacts (the letter layout's sender). */
export type LetterSender = LetterInput['sender'];

/** The creditor's columns a letter needs to name it as sender or payee. */
export interface CreditorAddressRow {
  name: string;
  address_line1: string | null;
  postal_code: string | null;
  city: string | null;
  province: string | null;
  country: string | null;
  email?: string | null;
  phone?: string | null;
  vat_number?: string | null;
}

/** A creditor as the sender of a letter: its name (as given: a comune's is shaped by the caller), address and contacts. */
export function creditorSender(creditor: CreditorAddressRow, name: string = creditor.name): LetterSender {
  return {
    name,
    lines: [creditor.address_line1, [creditor.postal_code, creditor.city, creditor.province].filter(Boolean).join(' ')].filter((x): x is string => Boolean(x && x.trim())),
    country: creditor.country ?? 'IT',
    email: creditor.email ?? null,
    phone: creditor.phone ?? null,
    vatNumber: creditor.vat_number ?? null,
  };
}

/**
 * An agency writing in its own name: tenants.settings.letterhead { name, lines, country, email, phone,
 * vatNumber } as the settings page stores it (src/usecases/settings/schema.ts); `vat_number` is read too,
 * for letterheads stored before the settings schema named it. Null when the agency has none.
 */
export function agencyLetterhead(settings: unknown): LetterSender | null {
  const lh = settings && typeof settings === 'object' ? (settings as { letterhead?: unknown }).letterhead : null;
  if (!lh || typeof lh !== 'object') return null;
  const o = lh as Record<string, unknown>;
  if (typeof o.name !== 'string' || !Array.isArray(o.lines)) return null;
  return {
    name: o.name,
    lines: o.lines.filter((x): x is string => typeof x === 'string'),
    country: typeof o.country === 'string' ? o.country : 'IT',
    email: typeof o.email === 'string' ? o.email : null,
    phone: typeof o.phone === 'string' ? o.phone : null,
    vatNumber: typeof o.vatNumber === 'string' ? o.vatNumber : typeof o.vat_number === 'string' ? o.vat_number : null,
  };
}
