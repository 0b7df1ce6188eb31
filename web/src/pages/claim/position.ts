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

/*
 * ADAPTER (web13) — the statement per component. The rows come from the claim's stored components
 * (ClaimDetail.components: amount, paid, waived, due per part, kept by the payments) plus the interest
 * accrued after the act and the claim's other costs from its balance. The `components` branch (merged
 * on main after this branch began) gives GET /api/claims/:id/statement `components` with the same
 * fields and `componentSplits` per payment: to show the statement's figures to a chosen day instead of
 * the stored ones, pass `statement.components` from useClaimStatement(claim.id, asOf) in place of
 * `claim.components` here (and `statement.statement.interest/interestDue` for the accrued-interest row).
 */
export function componentStatementRows(claim: ClaimDetail): PartRow[] {
  const b = claim.balance;
  const rows: PartRow[] = (claim.components ?? []).map((c) => ({
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
