import { money } from '../money.ts';

/**
 * The default instalment schedule of art. 1 c. 796 L. 160/2019, which applies where the comune's own
 * regulation sets none (legal-notes.md §6.3, VERIFIED — MEF Risoluzione 3/DF/2020): on request of a
 * debtor in temporary and objective difficulty, up to 72 monthly instalments by amount due. Data, so a
 * comune's regulation can replace it (issue 15 builds plans on it).
 */
export interface InstalmentTier {
  /** Amounts up to and including this (euro); null: no upper limit. */
  upTo: string | null;
  /** Fewest and most monthly instalments of the tier (0, 0: none). */
  min: number;
  max: number;
}

export const C796_SCHEDULE: readonly InstalmentTier[] = [
  { upTo: '100.00', min: 0, max: 0 },
  { upTo: '500.00', min: 1, max: 4 },
  { upTo: '3000.00', min: 5, max: 12 },
  { upTo: '6000.00', min: 13, max: 24 },
  { upTo: '20000.00', min: 25, max: 36 },
  { upTo: null, min: 37, max: 72 },
];

/** The tier an amount falls in (TV-IT-19: 100.00 none, 100.01 ≤ 4, 3,000.00 5–12, 6,000.01 25–36, 20,000.01 37–72). */
export function instalmentTier(amount: string, schedule: readonly InstalmentTier[] = C796_SCHEDULE): InstalmentTier {
  const a = money(amount);
  return schedule.find((t) => t.upTo === null || a.lte(t.upTo)) ?? schedule[schedule.length - 1]!;
}
