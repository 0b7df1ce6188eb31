import type { Creditor } from '../../api/types';

/** The creditor form's fields of a comune: cadastral code, the editable part of its regulation, its pagoPA set-up. */
export interface RegulationValues {
  cadastralCode: string;
  revenueRules: { interestPoints: string; allocationOrder: string[]; cdsSemesterSurcharge: boolean };
  pagopa: { noticeMode: string; segregationCode: string; cbill: string; postalAccount: string; postalHolder: string; postalAuthorization: string };
}

export const EMPTY_REGULATION: RegulationValues = {
  cadastralCode: '',
  revenueRules: { interestPoints: '0', allocationOrder: [], cdsSemesterSurcharge: false },
  pagopa: { noticeMode: '', segregationCode: '', cbill: '', postalAccount: '', postalHolder: '', postalAuthorization: '' },
};

export function regulationValues(c: Creditor): RegulationValues {
  const r = c.revenueRules;
  const p = c.pagopa;
  return {
    cadastralCode: c.cadastralCode ?? '',
    revenueRules: r
      ? { interestPoints: r.interestPoints, allocationOrder: [...r.allocationOrder], cdsSemesterSurcharge: r.cdsSemesterSurcharge }
      : EMPTY_REGULATION.revenueRules,
    pagopa: {
      noticeMode: p?.noticeMode ?? '',
      segregationCode: p?.segregationCode ?? '',
      cbill: p?.cbill ?? '',
      postalAccount: p?.postalAccount ?? '',
      postalHolder: p?.postalHolder ?? '',
      postalAuthorization: p?.postalAuthorization ?? '',
    },
  };
}

const blank = (v: string) => (v.trim() === '' ? null : v.trim());

/**
 * The PATCH fields for what changed. The regulation is sent whole (the stored one with the edits over
 * it), so the parts this form does not edit (sanctions, charges, day count) keep their values.
 */
export function regulationBody(creditor: Creditor | undefined, changed: Partial<RegulationValues>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (changed.cadastralCode !== undefined) body.cadastralCode = blank(changed.cadastralCode)?.toUpperCase() ?? null;
  if (changed.revenueRules !== undefined) {
    const r = changed.revenueRules;
    body.revenueRules = {
      ...(creditor?.revenueRules ?? {}),
      interestPoints: r.interestPoints.trim().replace(',', '.'),
      ...(r.allocationOrder.length ? { allocationOrder: r.allocationOrder } : {}),
      cdsSemesterSurcharge: r.cdsSemesterSurcharge,
    };
  }
  if (changed.pagopa !== undefined) {
    const p = changed.pagopa;
    body.pagopa = p.noticeMode
      ? {
          noticeMode: p.noticeMode,
          segregationCode: blank(p.segregationCode),
          cbill: blank(p.cbill)?.toUpperCase() ?? null,
          postalAccount: blank(p.postalAccount),
          postalHolder: blank(p.postalHolder),
          postalAuthorization: blank(p.postalAuthorization),
        }
      : null;
  }
  return body;
}
