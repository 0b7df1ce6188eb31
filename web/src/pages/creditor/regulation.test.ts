import { describe, expect, it } from 'vitest';
import type { Creditor } from '../../api/types';
import { EMPTY_REGULATION, regulationBody, regulationValues } from './regulation';

const stored = {
  interestPoints: '1',
  dayCount: 'act365',
  collectionCharges: { withinDays: 60, early: { rate: '3', cap: '300.00' }, late: { rate: '6', cap: '600.00' }, excludedKinds: ['notification_costs'] },
  sanctions: { regimes: [{ from: '2024-09-01', to: null, rate: '20', halfWithinDays: 90, dailyWithinDays: 14, ravvedimento: [], basis: 'x', source: 'own regulation' }] },
  allocationOrder: ['notification_costs', 'tax'],
  cdsSemesterSurcharge: false,
};
const comune = { cadastralCode: 'H501', revenueRules: stored, pagopa: { noticeMode: 'supplied', segregationCode: null, cbill: 'AB12' } } as unknown as Creditor;

describe('the creditor form’s comune fields', () => {
  it('reads the stored regulation and pagoPA set-up into the form', () => {
    expect(regulationValues(comune)).toEqual({
      cadastralCode: 'H501',
      revenueRules: { interestPoints: '1', allocationOrder: ['notification_costs', 'tax'], cdsSemesterSurcharge: false },
      pagopa: { noticeMode: 'supplied', segregationCode: '', cbill: 'AB12', postalAccount: '', postalHolder: '', postalAuthorization: '' },
    });
    expect(regulationValues({ cadastralCode: null, revenueRules: null, pagopa: null } as unknown as Creditor)).toEqual(EMPTY_REGULATION);
  });

  it('sends the regulation whole, so what the form does not edit (sanctions, charges) keeps its stored values', () => {
    const body = regulationBody(comune, { revenueRules: { interestPoints: '1,5', allocationOrder: ['tax', 'notification_costs'], cdsSemesterSurcharge: true } });
    expect(body).toEqual({ revenueRules: { ...stored, interestPoints: '1.5', allocationOrder: ['tax', 'notification_costs'], cdsSemesterSurcharge: true } });
  });

  it('sends only what changed; no notice mode clears the pagoPA set-up; blanks are null', () => {
    expect(regulationBody(comune, {})).toEqual({});
    expect(regulationBody(comune, { cadastralCode: ' l219 ' })).toEqual({ cadastralCode: 'L219' });
    expect(regulationBody(comune, { pagopa: { ...EMPTY_REGULATION.pagopa } })).toEqual({ pagopa: null });
    expect(regulationBody(comune, { pagopa: { ...EMPTY_REGULATION.pagopa, noticeMode: 'generated', segregationCode: '12', cbill: 'ab1' } })).toEqual({
      pagopa: { noticeMode: 'generated', segregationCode: '12', cbill: 'AB1', postalAccount: null, postalHolder: null, postalAuthorization: null },
    });
  });
});
