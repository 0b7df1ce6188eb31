import { describe, expect, it } from 'vitest';
import { claimInterestPauses } from './claim-pauses.ts';

describe('a claim’s own windows without interest', () => {
  const base = { dueDate: '2026-01-31', interestAfterNotice: false, noticeReceivedOn: null, interestWaived: false };
  it('none for a claim with an agreed due date', () => {
    expect(claimInterestPauses(base)).toEqual([]);
  });
  it('no agreed due date: nothing until the formal notice is received, then from the day after', () => {
    expect(claimInterestPauses({ ...base, interestAfterNotice: true })).toEqual([{ from: '2026-01-31', to: null, reason: 'formal_notice' }]);
    expect(claimInterestPauses({ ...base, interestAfterNotice: true, noticeReceivedOn: '2026-11-30' })).toEqual([{ from: '2026-01-31', to: '2026-11-30', reason: 'formal_notice' }]);
    // A notice received before the document's date changes nothing: interest from the day after it.
    expect(claimInterestPauses({ ...base, interestAfterNotice: true, noticeReceivedOn: '2026-01-10' })).toEqual([{ from: '2026-01-31', to: '2026-01-31', reason: 'formal_notice' }]);
  });
  it('a waiver removes all interest, whatever else', () => {
    expect(claimInterestPauses({ ...base, interestAfterNotice: true, noticeReceivedOn: '2026-11-30', interestWaived: true })).toEqual([{ from: '2026-01-31', to: null, reason: 'waiver' }]);
  });
});
