import type { DebtorKind } from './model.ts';

/**
 * D.Lgs. 231/2002 covers transactions between businesses or with the public administration only:
 * a consumer's debt never accrues the commercial rate (the same holds for the German and French
 * business regimes). Returns why the regime cannot apply, or null.
 */
export function interestRegimeProblem(regime: string | null | undefined, debtorKind: DebtorKind): string | null {
  if (debtorKind !== 'consumer' || !regime) return null;
  if (regime === 'it-commercial') {
    return 'Il tasso commerciale (D.Lgs. 231/2002) non si applica a un consumatore (the commercial rate does not apply to a consumer)';
  }
  if (regime === 'de-business' || regime === 'fr-commercial') {
    return 'Regime per imprese non applicabile a un consumatore (a business regime does not apply to a consumer)';
  }
  return null;
}
