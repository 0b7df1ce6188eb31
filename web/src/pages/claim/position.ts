import type { ClaimDetail } from '../../api/types';

/* Pure helpers of a comune's position page (PositionPanels.tsx). */

/** A decimal as the API gives it ("12.5") with the UI language's decimal sign ("12,5"); digits unchanged. */
export const decimalIn = (locale: string) => (v: string) => (locale === 'en' ? v : v.replace('.', ','));

/** A pagoPA notice code as printed: groups of four digits ("3012 0000 0000 0000 01"). */
export const groupNoticeCode = (code: string) => code.replace(/\s+/g, '').replace(/(\d{4})(?=\d)/g, '$1 ');

/** An API amount ("1234.50", "-3.10") in cents, exactly. */
const cents = (v: string): bigint => {
  const [whole = '0', frac = ''] = v.replace('-', '').split('.');
  const c = BigInt(whole) * 100n + BigInt((frac + '00').slice(0, 2));
  return v.startsWith('-') ? -c : c;
};
/** a − b as an API amount. */
const less = (a: string, b: string): string => {
  const d = cents(a) - cents(b);
  const abs = d < 0n ? -d : d;
  return `${d < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
};

export interface PartRow {
  key: string;
  kind: string;
  tributeCode: string | null;
  amount: string;
  paid: string;
  waived: string | null;
  due: string;
}

/** A part of the position as the API gives it: the claim's stored components or the statement's to a day. */
export interface PartFigures {
  id: string;
  kind: string;
  tributeCode: string | null;
  amount: string;
  paid: string;
  waived: string;
  due: string;
}

/** The accrued interest and the other costs, as both the stored balance and a statement to a day give them. */
export interface BalanceFigures {
  interest: string;
  interestDue: string;
  costs: string;
  costsDue: string;
}

/**
 * The statement per component: each part (amount, paid, waived, due), then the interest accrued after
 * the act and the claim's other costs. Fed with the stored balance (today) or with the statement the
 * API computes to a chosen day (GET /api/claims/:id/statement?asOf=…): the same engine, so the rows of
 * both agree on the day the balance was kept.
 */
export function componentStatementRows(components: readonly PartFigures[], b: BalanceFigures): PartRow[] {
  const rows: PartRow[] = components.map((c) => ({
    key: c.id,
    kind: c.kind,
    tributeCode: c.tributeCode,
    amount: c.amount,
    paid: c.paid,
    waived: c.waived,
    due: c.due,
  }));
  if (cents(b.interest) !== 0n) {
    rows.push({ key: 'accrued_interest', kind: 'accrued_interest', tributeCode: null, amount: b.interest, paid: less(b.interest, b.interestDue), waived: null, due: b.interestDue });
  }
  if (cents(b.costs) !== 0n) {
    rows.push({ key: 'costs', kind: 'other_costs', tributeCode: null, amount: b.costs, paid: less(b.costs, b.costsDue), waived: null, due: b.costsDue });
  }
  return rows;
}

/** Whether the ravvedimento comparison may apply: a comune's IMU or TARI with no act or only a reminder. */
export const mayHaveRavvedimento = (claim: Pick<ClaimDetail, 'kind' | 'act'>) =>
  (claim.kind === 'imu' || claim.kind === 'tari') && (!claim.act || claim.act.kind === 'bonario');
