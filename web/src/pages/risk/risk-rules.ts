import type { Settings } from '../../api/web13-hooks';

/** The risk-class thresholds as the API sends them (domain/risk/rules.ts `RiskRules`). */
export type RiskRules = Settings['riskRules'];
export type RiskClassLetter = RiskRules['noHistory'];
export const RISK_LETTERS = ['A', 'B', 'C', 'D'] as const;
/** The graded classes, worst first, as the rules list them. */
export const GRADED = ['D', 'C', 'B'] as const;
export type Graded = (typeof GRADED)[number];

/** The numeric criteria of one class, in the order the form shows them; `worsening` is a yes/no. */
export const CRITERIA = ['lateDays', 'lateOfRecent', 'onTimeBelow', 'plansLapsed', 'promisesBroken', 'overdueDays'] as const;
export type Criterion = (typeof CRITERIA)[number];

/** The form's values: numbers as typed (blank: the criterion does not apply), the exposure as typed. */
export interface RiskRulesValues {
  recent: string;
  worseningDays: string;
  noHistory: RiskClassLetter;
  classes: Record<Graded, Record<Criterion, string> & { worsening: boolean }>;
  highExposure: string;
  guaranteeClasses: RiskClassLetter[];
  closeClasses: RiskClassLetter[];
}

const text = (n: number | null) => (n === null ? '' : String(n));

export function riskRulesValues(r: RiskRules): RiskRulesValues {
  const cls = (g: Graded) => ({
    ...(Object.fromEntries(CRITERIA.map((c) => [c, text(r[g][c])])) as Record<Criterion, string>),
    worsening: r[g].worsening,
  });
  return {
    recent: String(r.recent),
    worseningDays: String(r.worseningDays),
    noHistory: r.noHistory,
    classes: { D: cls('D'), C: cls('C'), B: cls('B') },
    highExposure: r.advice.highExposure,
    guaranteeClasses: [...r.advice.guaranteeClasses],
    closeClasses: [...r.advice.closeClasses],
  };
}

/** A whole number as typed ("12", " 12 "), or null when blank; NaN when it is not one (the server names the field). */
function whole(raw: string): number | null {
  const s = raw.trim();
  if (s === '') return null;
  return /^\d{1,6}$/.test(s) ? Number(s) : Number.NaN;
}

/**
 * The rules to send, whole. A blank criterion is null (it does not apply); a value that is not a whole
 * number is sent as is, so the server's check names the field. The exposure goes through `parseMoney`
 * (the user's own decimal comma).
 */
export function riskRulesBody(v: RiskRulesValues, parseMoney: (raw: string) => string | null): RiskRules {
  const num = (raw: string) => {
    const n = whole(raw);
    return (Number.isNaN(n) ? raw : n) as number | null;
  };
  const cls = (g: Graded) => ({
    ...(Object.fromEntries(CRITERIA.map((c) => [c, num(v.classes[g][c])])) as Record<Criterion, number | null>),
    worsening: v.classes[g].worsening,
  });
  return {
    recent: num(v.recent) as number,
    worseningDays: num(v.worseningDays) as number,
    noHistory: v.noHistory,
    D: cls('D'),
    C: cls('C'),
    B: cls('B'),
    advice: {
      highExposure: parseMoney(v.highExposure) ?? v.highExposure,
      guaranteeClasses: RISK_LETTERS.filter((l) => v.guaranteeClasses.includes(l)),
      closeClasses: RISK_LETTERS.filter((l) => v.closeClasses.includes(l)),
    },
  };
}

/** Field problems the form can tell before sending: a number that is not whole, a required one left blank. */
export function riskRulesProblems(v: RiskRulesValues): Record<string, 'required' | 'whole'> {
  const out: Record<string, 'required' | 'whole'> = {};
  for (const k of ['recent', 'worseningDays'] as const) {
    const n = whole(v[k]);
    if (n === null) out[k] = 'required';
    else if (Number.isNaN(n)) out[k] = 'whole';
  }
  for (const g of GRADED) for (const c of CRITERIA) if (Number.isNaN(whole(v.classes[g][c]))) out[`classes.${g}.${c}`] = 'whole';
  return out;
}

/** Where a server field error on the rules (`riskRules.D.lateDays`, `riskRules.advice.highExposure`) sits in this form. */
export function formPathOf(serverPath: string): string | null {
  const p = serverPath.replace(/^riskRules\.?/, '');
  if (p === serverPath && !serverPath.startsWith('riskRules')) return null;
  const [head, rest] = [p.split('.')[0] ?? '', p.split('.').slice(1).join('.')];
  if (head === 'D' || head === 'C' || head === 'B') return rest ? `classes.${head}.${rest}` : null;
  if (head === 'advice') return rest.split('.')[0] || null;
  return head === 'recent' || head === 'worseningDays' || head === 'noHistory' ? head : null;
}
