import { Decimal } from 'decimal.js';

/**
 * Money is exact: decimal strings on the wire and in the database, Decimal in computation.
 * This clone never shares configuration with other users of decimal.js.
 */
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 });
export type Money = InstanceType<typeof Money>;

/** A positive or zero amount with at most two decimals and at most 13 integer digits, e.g. "1234.56". */
export const MONEY_PATTERN = /^\d{1,13}(\.\d{1,2})?$/;
export { CURRENCIES, type Currency } from './model.ts';

/**
 * The largest single amount incasso accepts — a claim's principal, a payment, a cost, a fee:
 * 999,999,999.99. No business has a single invoice, payment or charge near a billion; a larger figure
 * is a slip (cents keyed as units, a reference pasted into the amount column). The bound keeps every
 * figure built from accepted amounts readable: columns are numeric(15,2) (below 10^13), and sums over
 * many claims are computed as unbounded `numeric` in SQL and as Decimal in code, never cast back.
 */
export const MAX_AMOUNT = '999999999.99';

export function money(value: string | number | Money): Money {
  return new Money(value);
}

/** Canonical string form with exactly two decimals ("12.5" → "12.50"). */
export function toMoneyString(value: Money | string): string {
  return new Money(value).toFixed(2, Decimal.ROUND_HALF_UP);
}

/** Why an amount string is not acceptable, or null when it is. Specific, so users can fix it. */
export function moneyProblem(raw: string): string | null {
  const s = raw.trim();
  if (s === '') return 'Importo mancante (amount is required)';
  if (/e/i.test(s)) return 'Importo non valido: usare cifre, non la notazione esponenziale (no exponent notation like 1e3)';
  if (s.includes(',')) return 'Importo non valido: usare il punto come separatore decimale, es. 1234.56 (use a dot for decimals)';
  if (s.startsWith('-')) return 'L’importo deve essere positivo (amount must be positive)';
  if (/^\d+\.\d{3,}$/.test(s)) return 'Importo con più di due decimali (amount has more than two decimals)';
  if (!MONEY_PATTERN.test(s)) return 'Importo non valido, formato atteso 1234.56 (invalid amount, expected 1234.56)';
  return null;
}

/**
 * Why an amount entering incasso's records (a claim, payment, cost, fee — by API, CLI or import) is
 * not acceptable: `moneyProblem`, then the bound MAX_AMOUNT. The interest engine alone takes any
 * well-formed amount: it computes and stores nothing.
 */
export function amountProblem(raw: string): string | null {
  const problem = moneyProblem(raw);
  if (problem) return problem;
  if (new Money(raw.trim()).gt(MAX_AMOUNT)) {
    return 'Importo oltre il massimo ammesso di 999.999.999,99 (amount above the maximum of 999,999,999.99)';
  }
  return null;
}

export function sumMoney(values: Iterable<Money | string>): Money {
  let total = new Money(0);
  for (const v of values) total = total.plus(v);
  return total;
}
