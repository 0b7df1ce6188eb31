import { fieldError, type FieldError } from './errors.ts';
import type { MessageCode } from './messages/index.ts';
import type { DebtorKind } from './model.ts';

/**
 * D.Lgs. 231/2002 covers transactions between businesses or with the public administration only:
 * a consumer's debt never accrues the commercial rate (the same holds for the German and French
 * business regimes). Returns why the regime cannot apply, or null.
 */
export function interestRegimeProblem(regime: string | null | undefined, debtorKind: DebtorKind): MessageCode | null {
  if (debtorKind !== 'consumer' || !regime) return null;
  if (regime === 'it-commercial') return 'interest.commercial_not_consumer';
  if (regime === 'de-business' || regime === 'fr-commercial') return 'interest.business_regime_not_consumer';
  return null;
}

export interface InterestTermsInput {
  interestRegime: string | null;
  interestRate: string | null;
  interestBase: string | null;
  interestSpread: string | null;
}

/**
 * A claim's interest terms must fit its regime: a contractual rate only (and always) for `fixed`, a
 * base regime and points only (and always) for `spread`. Terms that do not belong are refused rather
 * than kept unused, so what the claim shows is what the engine applies.
 */
export function interestTermsProblems(t: InterestTermsInput, debtorKind: DebtorKind): FieldError[] {
  const out: FieldError[] = [];
  const regimeProblem = interestRegimeProblem(t.interestRegime, debtorKind) ?? interestRegimeProblem(t.interestBase, debtorKind);
  if (regimeProblem) out.push(fieldError(t.interestRegime === 'spread' ? 'interestBase' : 'interestRegime', regimeProblem));
  if (t.interestRegime === 'fixed' && t.interestRate === null) {
    out.push(fieldError('interestRate', 'claim.fixed_needs_rate'));
  }
  if (t.interestRegime !== 'fixed' && t.interestRate !== null) {
    out.push(fieldError('interestRate', 'claim.rate_needs_fixed'));
  }
  if (t.interestRegime === 'spread') {
    if (t.interestBase === null || ['spread', 'none', 'fixed'].includes(t.interestBase)) {
      out.push(fieldError('interestBase', 'claim.spread_needs_base'));
    }
    if (t.interestSpread === null) {
      out.push(fieldError('interestSpread', 'claim.spread_needs_points'));
    }
  } else {
    if (t.interestBase !== null) {
      out.push(fieldError('interestBase', 'claim.base_needs_spread'));
    }
    if (t.interestSpread !== null) {
      out.push(fieldError('interestSpread', 'claim.points_need_spread'));
    }
  }
  return out;
}
