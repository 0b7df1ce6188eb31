import type { FieldError } from './errors.ts';
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
  if (regimeProblem) out.push({ path: t.interestRegime === 'spread' ? 'interestBase' : 'interestRegime', message: regimeProblem });
  if (t.interestRegime === 'fixed' && t.interestRate === null) {
    out.push({ path: 'interestRate', message: 'Il regime "fixed" richiede il tasso contrattuale, es. 8.5 (a fixed regime needs the contractual rate)' });
  }
  if (t.interestRegime !== 'fixed' && t.interestRate !== null) {
    out.push({ path: 'interestRate', message: 'Tasso contrattuale solo con il regime "fixed" (a contractual rate needs the fixed regime)' });
  }
  if (t.interestRegime === 'spread') {
    if (t.interestBase === null || ['spread', 'none', 'fixed'].includes(t.interestBase)) {
      out.push({ path: 'interestBase', message: 'Il regime "spread" richiede un regime legale di base, es. it-legal (a spread needs a statutory base regime)' });
    }
    if (t.interestSpread === null) {
      out.push({ path: 'interestSpread', message: 'Il regime "spread" richiede i punti di maggiorazione, es. 3 (a spread needs its points)' });
    }
  } else {
    if (t.interestBase !== null) {
      out.push({ path: 'interestBase', message: 'Regime base solo con il regime "spread" (a base regime needs the spread regime)' });
    }
    if (t.interestSpread !== null) {
      out.push({ path: 'interestSpread', message: 'Punti di maggiorazione solo con il regime "spread" (points need the spread regime)' });
    }
  }
  return out;
}
