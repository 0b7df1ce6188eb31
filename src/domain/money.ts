import { Decimal } from 'decimal.js';
import { msg, translate, type Message } from './messages/index.ts';

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
export function moneyIssue(raw: string): Message | null {
  const s = raw.trim();
  if (s === '') return msg('money.required');
  if (/e/i.test(s)) return msg('money.exponent');
  if (s.includes(',')) return msg('money.comma');
  if (s.startsWith('-')) return msg('money.negative');
  if (/^\d+\.\d{3,}$/.test(s)) return msg('money.too_many_decimals', { max: 2 });
  if (!MONEY_PATTERN.test(s)) return msg('money.invalid');
  return null;
}

/**
 * Why an amount entering incasso's records (a claim, payment, cost, fee — by API, CLI or import) is
 * not acceptable: `moneyIssue`, then the bound MAX_AMOUNT. The interest engine alone takes any
 * well-formed amount: it computes and stores nothing.
 */
export function amountIssue(raw: string): Message | null {
  const m = moneyIssue(raw);
  if (m) return m;
  if (new Money(raw.trim()).gt(MAX_AMOUNT)) return msg('money.above_max');
  return null;
}

/** `amountIssue` as Italian text. */
export function amountProblem(raw: string): string | null {
  const m = amountIssue(raw);
  return m && translate(m, 'it');
}

/** `moneyIssue` as Italian text. */
export function moneyProblem(raw: string): string | null {
  const m = moneyIssue(raw);
  return m && translate(m, 'it');
}

export function sumMoney(values: Iterable<Money | string>): Money {
  let total = new Money(0);
  for (const v of values) total = total.plus(v);
  return total;
}

/** An amount in its currency (figures that add money of several creditors: never EUR and CHF together). */
export interface CurrencyAmount {
  currency: string;
  amount: string;
}

/** Adds `amount` to its currency's entry of `list` (created if missing; the list kept in currency order), exactly. */
export function addInCurrency(list: CurrencyAmount[], currency: string, amount: string): void {
  const had = list.find((c) => c.currency === currency);
  if (had) had.amount = toMoneyString(money(had.amount).plus(amount));
  else {
    list.push({ currency, amount: toMoneyString(amount) });
    list.sort((a, b) => a.currency.localeCompare(b.currency));
  }
}
