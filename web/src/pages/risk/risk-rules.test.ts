import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_RULES } from '../../../../src/domain/risk/rules';
import { formPathOf, riskRulesBody, riskRulesProblems, riskRulesValues, type RiskRules } from './risk-rules';

// The shipped defaults, as the API sends them when nothing is set.
const rules: RiskRules = DEFAULT_RISK_RULES;
const italianMoney = (raw: string) => (/^\d+(,\d{1,2})?$/.test(raw.replace(/\./g, '')) ? raw.replace(/\./g, '').replace(',', '.') : null);

describe('the risk thresholds form', () => {
  it('round-trips the rules: blank criteria stay null, classes keep their order', () => {
    const v = riskRulesValues(rules);
    expect(v.classes.D.onTimeBelow).toBe('');
    expect(v.classes.B.worsening).toBe(true);
    expect(riskRulesBody(v, (s) => s)).toEqual(rules);
  });

  it('sends what the user typed: a cleared criterion no longer applies, the exposure in the user’s writing, classes in A–D order', () => {
    const v = riskRulesValues(rules);
    v.classes.D.lateDays = ' 120 ';
    v.classes.C.plansLapsed = '';
    v.highExposure = '2.500,50';
    v.closeClasses = ['D', 'C'];
    const body = riskRulesBody(v, italianMoney);
    expect(body.D.lateDays).toBe(120);
    expect(body.C.plansLapsed).toBeNull();
    expect(body.advice).toEqual({ highExposure: '2500.50', guaranteeClasses: ['C'], closeClasses: ['C', 'D'] });
  });

  it('names what is not a whole number or missing before sending', () => {
    const v = riskRulesValues(rules);
    v.recent = '';
    v.classes.B.overdueDays = '30,5';
    expect(riskRulesProblems(v)).toEqual({ recent: 'required', 'classes.B.overdueDays': 'whole' });
    expect(riskRulesProblems(riskRulesValues(rules))).toEqual({});
  });
});

describe('server errors on the rules', () => {
  it('land under the matching input', () => {
    expect(formPathOf('riskRules.C.lateOfRecent')).toBe('classes.C.lateOfRecent');
    expect(formPathOf('riskRules.advice.highExposure')).toBe('highExposure');
    expect(formPathOf('riskRules.advice.closeClasses.1')).toBe('closeClasses');
    expect(formPathOf('riskRules.recent')).toBe('recent');
    expect(formPathOf('riskRules')).toBeNull();
    expect(formPathOf('version')).toBeNull();
  });
});
