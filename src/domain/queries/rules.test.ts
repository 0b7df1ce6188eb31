import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../policies.ts';
import { answersFor, sideOf, statusAfterConfirmation, statusOnDispute, waitingAfterReply } from './rules.ts';

const actor = (role: Role, creditorId: string | null = role === 'viewer' ? 'c' : null): Actor => ({ tenantId: 't', userId: 'u', role, creditorId, label: role });

describe('query rules (issue 16 item 4)', () => {
  it('the creditor’s user writes for the creditor, everyone else for the agency; a reply hands the turn over', () => {
    expect(sideOf(actor('viewer'))).toBe('creditor');
    expect(sideOf(actor('supervisor'))).toBe('agency');
    expect(sideOf(actor('operator'))).toBe('agency');
    expect(waitingAfterReply('agency')).toBe('creditor');
    expect(waitingAfterReply('creditor')).toBe('agency');
  });
  it('answers: per kind, only while open, never an operator', () => {
    expect(answersFor(actor('viewer'), { kind: 'dispute', status: 'open' })).toEqual(['confirmed', 'corrected', 'annulled', 'already_paid']);
    expect(answersFor(actor('supervisor'), { kind: 'plan_approval', status: 'open' })).toEqual(['approved', 'rejected']);
    expect(answersFor(actor('viewer'), { kind: 'return', status: 'open' })).toEqual(['acknowledged']);
    expect(answersFor(actor('viewer'), { kind: 'question', status: 'open' })).toEqual([]);
    expect(answersFor(actor('operator'), { kind: 'dispute', status: 'open' })).toEqual([]);
    expect(answersFor(actor('viewer'), { kind: 'dispute', status: 'answered' })).toEqual([]);
    expect(answersFor(actor('viewer', null), { kind: 'dispute', status: 'open' })).toEqual([]);
  });
  it('a dispute pauses a position being worked; confirmation resumes it', () => {
    expect(statusOnDispute('in_collection')).toBe('disputed');
    expect(statusOnDispute('partially_paid')).toBe('disputed');
    expect(statusOnDispute('in_plan')).toBe('in_plan');
    expect(statusOnDispute('paid')).toBe('paid');
    expect(statusAfterConfirmation('disputed', { anyPayment: false })).toBe('in_collection');
    expect(statusAfterConfirmation('disputed', { anyPayment: true })).toBe('partially_paid');
    expect(statusAfterConfirmation('in_plan', { anyPayment: true })).toBe('in_plan');
  });
});
