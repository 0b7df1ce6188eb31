import type { RateBook } from '../../domain/interest/regimes.ts';
import { loadRateBook } from '../../integrations/rates/load-rate-book.ts';

let cached: RateBook | undefined;

/** The statutory rate tables shipped in data/rates, read once per process. */
export function shippedRateBook(): RateBook {
  cached ??= loadRateBook();
  return cached;
}
