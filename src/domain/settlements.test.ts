import { describe, expect, it } from 'vitest';
import { assessSettlement, DEFAULT_SETTLEMENT_RULES, settlementRulesOf, type SettlementOffer } from './settlements.ts';
import { amountParam, dateParam } from './messages/index.ts';

// EUR 10,000 principal, 1,126.16 interest and 40 costs owed (legal-notes TV-IT-04 to 2024-01-01).
const owed = [{ principalDue: '10000.00', interestDue: '1126.16', costsDue: '40.00', totalDue: '11166.16' }];
const offer = (amount: string, extra: Partial<SettlementOffer> = {}): SettlementOffer => ({
  amount,
  today: '2024-01-01',
  deadline: '2024-01-31',
  owed,
  creditorKind: 'company',
  claimKinds: ['invoice'],
  ...extra,
});

describe('a settlement offer against the creditor’s mandate', () => {
  it('is the operator’s up to 10 % of interest and costs (116.62 of 1,166.16), a supervisor’s beyond', () => {
    expect(assessSettlement(offer('11049.54'), DEFAULT_SETTLEMENT_RULES)).toEqual({ ok: true, owed: '11166.16', discount: '116.62', approvals: [] });
    expect(assessSettlement(offer('11049.53'), DEFAULT_SETTLEMENT_RULES)).toEqual({ ok: true, owed: '11166.16', discount: '116.63', approvals: ['settlement.beyond_operator'] });
  });

  it('asks a supervisor below the creditor’s minimum, even within the operator’s share', () => {
    const rules = settlementRulesOf({ operatorMaxDiscountPercent: '100', creditorMinPercent: '95' });
    // 95 % of 11,166.16 = 10,607.85.
    expect(assessSettlement(offer('10607.85'), rules)).toMatchObject({ ok: true, approvals: [] });
    expect(assessSettlement(offer('10607.84'), rules)).toMatchObject({ ok: true, approvals: ['settlement.below_creditor_minimum'] });
  });

  it('refuses what is no settlement: nothing, the whole debt or more, a past or too distant deadline', () => {
    expect(assessSettlement(offer('0'), DEFAULT_SETTLEMENT_RULES)).toMatchObject({ ok: false, problem: { field: 'amount' } });
    expect(assessSettlement(offer('11166.16'), DEFAULT_SETTLEMENT_RULES)).toMatchObject({ ok: false, problem: { field: 'amount', params: { owed: amountParam('11166.16') } } });
    expect(assessSettlement(offer('11000', { deadline: '2023-12-31' }), DEFAULT_SETTLEMENT_RULES)).toMatchObject({ ok: false, problem: { code: 'settlement.deadline_past' } });
    expect(assessSettlement(offer('11000', { deadline: '2024-02-01' }), DEFAULT_SETTLEMENT_RULES)).toMatchObject({ ok: false, problem: { code: 'settlement.deadline_too_far', params: { date: dateParam('2024-01-31') } } });
  });

  it('never settles a tax or a public entity’s revenue unless its regulation allows it', () => {
    expect(assessSettlement(offer('11000', { claimKinds: ['imu'] }), DEFAULT_SETTLEMENT_RULES)).toMatchObject({ ok: false, problem: { code: 'settlement.public_revenue' } });
    expect(assessSettlement(offer('11000', { creditorKind: 'public_entity', claimKinds: ['cds_fine'] }), DEFAULT_SETTLEMENT_RULES)).toMatchObject({ ok: false });
    expect(assessSettlement(offer('11000', { claimKinds: ['tari'] }), settlementRulesOf({ publicRevenues: true }))).toMatchObject({ ok: true });
  });

  it('reads stored rules over the defaults, and the defaults when they are broken', () => {
    expect(settlementRulesOf(null)).toEqual(DEFAULT_SETTLEMENT_RULES);
    expect(settlementRulesOf({ maxDays: 60 })).toEqual({ ...DEFAULT_SETTLEMENT_RULES, maxDays: 60 });
    expect(settlementRulesOf({ maxDays: 'x' })).toEqual(DEFAULT_SETTLEMENT_RULES);
  });
});
