import { z } from 'zod';
import { isoDate } from '../../domain/fields.ts';

export const IssueInterestInvoiceInput = z.strictObject({
  /** The last day invoiced (default today); the first is the day after the previous invoice, or the first day of interest. */
  to: isoDate.optional(),
  language: z.enum(['it', 'en', 'de', 'fr']).default('it'),
});

export const InterestInvoiceView = z.object({
  id: z.string(),
  claimId: z.string(),
  number: z.number().int(),
  year: z.number().int(),
  issuedOn: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  amount: z.string(),
  currency: z.string(),
  language: z.string(),
  sha256: z.string(),
  issuedBy: z.string(),
});
export type InterestInvoiceView = z.infer<typeof InterestInvoiceView>;
export const InterestInvoiceList = z.object({ items: z.array(InterestInvoiceView) });
