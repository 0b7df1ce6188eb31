import { describe, expect, it } from 'vitest';
import { parseDate } from '../dates.ts';
import {
  bundleForDebtor,
  chooseChannel,
  feeFor,
  interestFor,
  isDue,
  isForCreditor,
  nextAction,
  reachableByPhone,
  postageFor,
  splitByAudience,
  stepApplies,
  UnknownStepError,
  type ClaimState,
  type ContactOption,
  type DueClaim,
} from './plan.ts';
import { STRATEGY_TEMPLATES, type Step, type Strategy } from './strategy.ts';
import { msg, translate } from '../messages/index.ts';

const B2B = STRATEGY_TEMPLATES['it-b2b'];
const CH = STRATEGY_TEMPLATES.ch;
const COMUNE = STRATEGY_TEMPLATES.comune;
const stepOf = (s: Strategy, key: string): Step => {
  const found = s.steps.find((x) => x.key === key);
  if (!found) throw new Error(key);
  return found;
};

const claim = (over: Partial<ClaimState> = {}): ClaimState => ({
  dueDate: '2026-01-31',
  lastStepKey: null,
  lastStepOn: null,
  holdUntil: null,
  paused: false,
  debtorKind: 'company',
  currency: 'EUR',
  language: 'it',
  riskClass: 'B',
  openPrincipalOfDebtor: '1200.00',
  ...over,
});
const plus = (iso: string, days: number) => parseDate(iso).add({ days }).toString();

describe('nextAction', () => {
  it('starts with the first step, counted from the due date', () => {
    expect(nextAction(B2B, claim())).toMatchObject({ index: 0, on: '2026-02-10', step: { key: 'soft-1' } });
  });
  it('never skips an overdue step: only the next one is due, however late', () => {
    const a = nextAction(B2B, claim({ dueDate: '2025-06-30' }));
    expect(a?.step.key).toBe('soft-1');
    expect(a && isDue(a, '2026-03-01')).toBe(true);
    // soft-1 done very late: formal-1 (due +30, long past) follows the next day, not the same day.
    expect(nextAction(B2B, claim({ dueDate: '2025-06-30', lastStepKey: 'soft-1', lastStepOn: '2026-03-01' }))).toMatchObject({
      step: { key: 'formal-1' },
      on: '2026-03-02',
    });
  });
  it('dates steps from the due date or from the previous step, never before the day after it', () => {
    expect(nextAction(B2B, claim({ lastStepKey: 'soft-1', lastStepOn: '2026-02-12' }))?.on).toBe('2026-03-02'); // due + 30
    expect(nextAction(B2B, claim({ lastStepKey: 'formal-1', lastStepOn: '2026-03-02' }))?.on).toBe('2026-03-17'); // due + 45
    expect(nextAction(B2B, claim({ lastStepKey: 'formal-2', lastStepOn: '2026-03-20' }))).toMatchObject({ step: { key: 'negotiation-1' }, on: '2026-04-04' });
    expect(nextAction(B2B, claim({ lastStepKey: 'negotiation-1', lastStepOn: '2026-04-04' }))).toMatchObject({ step: { key: 'closure-1' }, on: '2026-04-19' });
  });
  it('waits for the day after a hold', () => {
    expect(nextAction(B2B, claim({ holdUntil: '2026-02-20' }))?.on).toBe('2026-02-21');
    expect(nextAction(B2B, claim({ holdUntil: '2026-02-01' }))?.on).toBe('2026-02-10');
  });
  it('returns null when paused or finished', () => {
    expect(nextAction(B2B, claim({ paused: true }))).toBeNull();
    expect(nextAction(B2B, claim({ lastStepKey: 'legal-1', lastStepOn: '2026-05-01' }))).toBeNull();
  });
  it('skips only the steps whose conditions exclude the claim', () => {
    // Public administration: no closure advice; the legal hand-off counts from the last step done.
    const pa = claim({ debtorKind: 'public_administration', lastStepKey: 'negotiation-1', lastStepOn: '2026-04-04' });
    expect(nextAction(B2B, pa)).toMatchObject({ step: { key: 'legal-1' }, index: 5, on: '2026-04-19' });
    // Comune: no instalment offer up to €100.00 (L. 160/2019 c. 796).
    const small = claim({ debtorKind: 'consumer', lastStepKey: 'sollecito', lastStepOn: '2026-05-01', openPrincipalOfDebtor: '100.00', reachableByPhone: false });
    expect(nextAction(COMUNE, small)?.step.key).toBe('accertamento');
    expect(nextAction(COMUNE, { ...small, openPrincipalOfDebtor: '100.01' })?.step.key).toBe('rateizzazione');
    // A CHF claim skips the EUR-only instalment offer; when no later step applies, dunning is finished.
    expect(nextAction(COMUNE, claim({ currency: 'CHF', lastStepKey: 'sollecito', lastStepOn: '2026-05-01', reachableByPhone: false }))?.step.key).toBe('accertamento');
    const onlyHigh: Strategy = { name: 't', steps: [{ ...stepOf(B2B, 'soft-1'), conditions: { riskClasses: ['D'] } }] };
    expect(nextAction(onlyHigh, claim({ riskClass: 'A' }))).toBeNull();
  });
  it('comune, phone first: a call 5 days after the load; letters only to whom the phone cannot reach', () => {
    const loaded = claim({ dueDate: '2024-12-16', loadedOn: '2026-03-02', debtorKind: 'consumer' });
    // A usable number: the call, counted from the load (not from the due date).
    expect(nextAction(COMUNE, { ...loaded, reachableByPhone: true })).toMatchObject({ step: { key: 'telefonata' }, on: '2026-03-07' });
    // No usable number (or calls opted out): the avviso bonario at once (20 days after the due date, long past).
    expect(nextAction(COMUNE, { ...loaded, reachableByPhone: false })).toMatchObject({ step: { key: 'avviso-bonario' }, on: '2025-01-05' });
    // After the call: not reached → the letter 20 days later; reached → the instalment offer by phone.
    const called = { ...loaded, lastStepKey: 'telefonata', lastStepOn: '2026-03-07' };
    expect(nextAction(COMUNE, { ...called, reachableByPhone: false })).toMatchObject({ step: { key: 'avviso-bonario' }, on: '2026-03-27' });
    expect(nextAction(COMUNE, { ...called, reachableByPhone: true })).toMatchObject({ step: { key: 'rateizzazione-telefono' }, on: '2026-03-27' });
    // Reached, €100 or less: no instalments (c. 796), straight to the hand-off to the comune.
    expect(nextAction(COMUNE, { ...called, reachableByPhone: true, openPrincipalOfDebtor: '90.00' })).toMatchObject({ step: { key: 'accertamento' }, on: '2026-04-06' });
    // Without a load date, the due date stands in.
    expect(nextAction(COMUNE, { ...loaded, loadedOn: null, reachableByPhone: true })?.on).toBe('2024-12-21');
  });
  it('reachableByPhone: a usable number, and no call yet or one that ended in a conversation', () => {
    expect(reachableByPhone({ usablePhone: false, phoneTasks: 0, phoneTasksDone: 0 })).toBe(false);
    expect(reachableByPhone({ usablePhone: true, phoneTasks: 0, phoneTasksDone: 0 })).toBe(true);
    expect(reachableByPhone({ usablePhone: true, phoneTasks: 1, phoneTasksDone: 0 })).toBe(false);
    expect(reachableByPhone({ usablePhone: true, phoneTasks: 2, phoneTasksDone: 1 })).toBe(true);
  });
  it('counts a first applicable "previous" step from the due date', () => {
    const s: Strategy = {
      name: 't',
      steps: [
        { ...stepOf(B2B, 'soft-1'), conditions: { riskClasses: ['D'] } },
        { ...stepOf(B2B, 'negotiation-1') },
      ],
    };
    expect(nextAction(s, claim())).toMatchObject({ index: 1, on: '2026-02-15' });
    expect(nextAction(s, claim({ riskClass: 'D' }))?.index).toBe(0);
  });
  it('refuses a step key the strategy does not know, or half a last step', () => {
    expect(() => nextAction(B2B, claim({ lastStepKey: 'mahnung-1', lastStepOn: '2026-02-10' }))).toThrow(UnknownStepError);
    expect(() => nextAction(B2B, claim({ lastStepKey: 'mahnung-1', lastStepOn: '2026-02-10' }))).toThrow(/Il passo mahnung-1 non esiste nella strategia/);
    expect(() => nextAction(B2B, claim({ lastStepKey: 'soft-1' }))).toThrow(/go together/);
  });
});

describe('stepApplies', () => {
  const s = { ...stepOf(B2B, 'soft-1'), conditions: { minAmount: '100.00', maxAmount: '500.00', languages: ['it' as const], currencies: ['EUR' as const] } };
  it('checks every condition, amounts inclusive at both ends', () => {
    expect(stepApplies(s, claim({ openPrincipalOfDebtor: '100.00' }))).toBe(true);
    expect(stepApplies(s, claim({ openPrincipalOfDebtor: '500.00' }))).toBe(true);
    expect(stepApplies(s, claim({ openPrincipalOfDebtor: '99.99' }))).toBe(false);
    expect(stepApplies(s, claim({ openPrincipalOfDebtor: '500.01' }))).toBe(false);
    expect(stepApplies(s, claim({ openPrincipalOfDebtor: '200', language: 'de' }))).toBe(false);
    expect(stepApplies(s, claim({ openPrincipalOfDebtor: '200', currency: 'CHF' }))).toBe(false);
  });
  it('matches no risk condition when the risk class is unknown', () => {
    const risky = { ...s, conditions: { riskClasses: ['D' as const] } };
    expect(stepApplies(risky, claim({ riskClass: null }))).toBe(false);
    expect(stepApplies(risky, claim({ riskClass: 'D' }))).toBe(true);
  });
});

describe('bundleForDebtor', () => {
  const due = (claimId: string, key: string, over: Partial<DueClaim> = {}): DueClaim => {
    const index = B2B.steps.findIndex((s) => s.key === key);
    return { claimId, debtorId: 'd1', currency: 'EUR', step: stepOf(B2B, key), index, on: '2026-03-02', ...over };
  };
  it('sends one message at the highest step; the others stay at their own step', () => {
    const claims = [due('a', 'soft-1'), due('b', 'formal-2'), due('c', 'formal-1')];
    const b = bundleForDebtor(claims);
    expect(b.step.key).toBe('formal-2');
    expect(b.lead.claimId).toBe('b');
    expect(b.claims.map((c) => [c.claimId, c.step.key])).toEqual([
      ['a', 'soft-1'],
      ['b', 'formal-2'],
      ['c', 'formal-1'],
    ]);
    expect(b.behind.map((c) => c.claimId)).toEqual(['a', 'c']);
  });
  it('keeps the first of several claims at the same step as lead', () => {
    const b = bundleForDebtor([due('a', 'formal-1'), due('b', 'formal-1')]);
    expect(b.lead.claimId).toBe('a');
    expect(b.behind).toEqual([]);
  });
  it('ranks by tier first, then by position', () => {
    const other: Strategy = { name: 'o', steps: [stepOf(B2B, 'soft-1'), { ...stepOf(B2B, 'soft-1'), key: 'soft-2', delayDays: 20 }] };
    const late = { claimId: 'x', debtorId: 'd1', currency: 'EUR' as const, step: other.steps[1] as Step, index: 1, on: '2026-03-02' };
    expect(bundleForDebtor([late, due('y', 'soft-1')]).lead.claimId).toBe('x');
    expect(bundleForDebtor([late, due('z', 'formal-1')]).lead.claimId).toBe('z');
  });
  it('refuses mixed debtors, mixed currencies, creditor-facing steps and nothing', () => {
    expect(() => bundleForDebtor([])).toThrow(/no claims/);
    expect(() => bundleForDebtor([due('a', 'soft-1'), due('b', 'soft-1', { debtorId: 'd2' })])).toThrow(/different debtors/);
    expect(() => bundleForDebtor([due('a', 'soft-1'), due('b', 'soft-1', { currency: 'CHF' })])).toThrow(/different currencies/);
    expect(() => bundleForDebtor([due('a', 'closure-1')])).toThrow(/is for the creditor/);
    const split = splitByAudience([due('a', 'soft-1'), due('b', 'closure-1')]);
    expect(split.debtor.map((c) => c.claimId)).toEqual(['a']);
    expect(split.creditor.map((c) => c.claimId)).toEqual(['b']);
    expect(isForCreditor(stepOf(COMUNE, 'accertamento'))).toBe(true);
  });
  it('never lets a claim jump over a step it has not received (simulated daily runs)', () => {
    // Two invoices of one debtor, due five weeks apart; the engine runs every day for 200 days.
    const states = new Map<string, ClaimState>([
      ['old', claim({ dueDate: '2026-01-01' })],
      ['new', claim({ dueDate: '2026-02-05' })],
    ]);
    const recorded = new Map<string, string[]>([
      ['old', []],
      ['new', []],
    ]);
    const messages: string[] = [];
    for (let day = 0; day < 200; day++) {
      const today = plus('2026-01-01', day);
      const dueClaims: DueClaim[] = [];
      for (const [claimId, state] of states) {
        const a = nextAction(B2B, state);
        if (a && isDue(a, today)) dueClaims.push({ ...a, claimId, debtorId: 'd1', currency: 'EUR' });
      }
      const { debtor, creditor } = splitByAudience(dueClaims);
      const done = [...creditor];
      if (debtor.length > 0) {
        const b = bundleForDebtor(debtor);
        messages.push(`${today}:${b.step.key}:${b.claims.length}`);
        done.push(...b.claims);
      }
      for (const c of done) {
        const state = states.get(c.claimId);
        if (!state) throw new Error(c.claimId);
        states.set(c.claimId, { ...state, lastStepKey: c.step.key, lastStepOn: today });
        recorded.get(c.claimId)?.push(c.step.key);
      }
    }
    const all = B2B.steps.map((s) => s.key);
    expect(recorded.get('old')).toEqual(all);
    expect(recorded.get('new')).toEqual(all);
    // At most one message per day for the debtor, and some messages carried both claims.
    expect(new Set(messages.map((m) => m.split(':')[0])).size).toBe(messages.length);
    expect(messages.some((m) => m.endsWith(':2'))).toBe(true);
  });
});

describe('feeFor, interestFor, postageFor', () => {
  const formal = stepOf(B2B, 'formal-1');
  const fees = ['0', '30', '50.5'];
  it('takes the creditor’s fee for the reminder number; zero or missing means none', () => {
    expect(feeFor(formal, 1, fees, '1000.00', 'EUR')).toBeNull();
    expect(feeFor(formal, 2, fees, '1000.00', 'EUR')).toBe('30.00');
    expect(feeFor(formal, 3, fees, '1000.00', 'EUR')).toBe('50.50');
    expect(feeFor(formal, 4, fees, '1000.00', 'EUR')).toBeNull();
    expect(feeFor(stepOf(B2B, 'soft-1'), 1, ['10'], '1000.00', 'EUR')).toBeNull();
    expect(feeFor({ ...formal, fee: '25.00' }, 1, [], '1000.00', 'EUR')).toBe('25.00');
  });
  it('waives fees below waiveBelow', () => {
    const m2 = stepOf(CH, 'mahnung-2');
    expect(feeFor(m2, 2, ['0', '30'], '499.99', 'CHF')).toBeNull();
    expect(feeFor(m2, 2, ['0', '30'], '500.00', 'CHF')).toBe('30.00');
  });
  it('refuses nonsense', () => {
    expect(() => feeFor(formal, 0, fees, '1000', 'EUR')).toThrow(/reminder number/);
    expect(() => feeFor(formal, 2, ['3,5', '3,5'], '1000', 'EUR')).toThrow(/reminder fee/);
    expect(() => feeFor({ ...formal, waiveBelow: '10.00' }, 2, fees, 'lots', 'EUR')).toThrow(/total due/);
    expect(() => feeFor(stepOf(COMUNE, 'rateizzazione'), 1, [], '1000', 'CHF')).toThrow(/claims in CHF/);
  });
  it('turns charged interest into a mention below waiveBelow', () => {
    const m3 = stepOf(CH, 'mahnung-3');
    expect(interestFor(m3, '499.99')).toBe('mention');
    expect(interestFor(m3, '500.00')).toBe('charge');
    expect(interestFor(stepOf(B2B, 'formal-2'), '1.00')).toBe('charge');
    expect(interestFor(stepOf(B2B, 'soft-1'), '1.00')).toBe('none');
  });
  it('charges postage only when set, above zero and not waived', () => {
    expect(postageFor(formal, '100')).toBeNull();
    expect(postageFor({ ...formal, postage: '6.5' }, '100')).toBe('6.50');
    expect(postageFor({ ...formal, postage: '0' }, '100')).toBeNull();
    expect(postageFor({ ...formal, postage: '6.50', waiveBelow: '500' }, '100')).toBeNull();
  });
});

describe('chooseChannel', () => {
  const contact = (over: Partial<ContactOption>): ContactOption => ({
    channel: 'email',
    value: 'x@example.it',
    status: 'valid',
    optedOut: false,
    thirdParty: false,
    ...over,
  });
  const formal = stepOf(B2B, 'formal-1'); // pec, registered_letter
  const soft = stepOf(B2B, 'soft-1'); // email, pec, letter
  it('uses PEC for a company with PEC, else a registered letter', () => {
    const pec = contact({ channel: 'pec', value: 'alfa@pec.it' });
    expect(chooseChannel(formal, [contact({}), pec], true)).toEqual({ channel: 'pec', contact: pec });
    expect(chooseChannel(formal, [contact({})], true)).toEqual({ channel: 'registered_letter', contact: null });
  });
  it('never uses an invalid, opted-out or third-party contact', () => {
    const bad = [
      contact({ value: 'moglie@example.it', thirdParty: true }),
      contact({ value: 'no@example.it', optedOut: true }),
      contact({ value: 'old@example.it', status: 'invalid' }),
      contact({ channel: 'pec', value: 'x@pec.it', status: 'invalid' }),
    ];
    expect(chooseChannel(soft, bad, true)).toEqual({ channel: 'letter', contact: null });
    const blocked = chooseChannel(soft, bad, false);
    expect('blocked' in blocked && blocked.blocked.code).toBe('no_usable_channel');
    const why = 'blocked' in blocked ? blocked.blocked.message : msg('text', { text: '' });
    expect(why.code).toBe('dunning.no_usable_channel');
    expect(translate(why, 'it')).toBe(
      'Nessun canale utilizzabile per il passo soft-1: e-mail: recapiti esclusi — non valido, opposizione, di terzi; PEC: recapiti esclusi — non valido; lettera: nessun indirizzo postale',
    );
    expect(translate(why, 'en')).toMatch(/: e-mail: contacts excluded — invalid, opted out, a third party’s; PEC \(certified e-mail\): contacts excluded — invalid; letter: no postal address$/);
    expect(translate(why, 'de')).toMatch(/^Kein nutzbarer Kanal für den Schritt .*Brief: keine Postanschrift$/);
  });
  it('prefers a valid contact to an unverified one, and can require valid ones', () => {
    const unverified = contact({ value: 'maybe@example.it', status: 'unverified' });
    const valid = contact({ value: 'sure@example.it' });
    expect(chooseChannel(soft, [unverified, valid], false)).toEqual({ channel: 'email', contact: valid });
    expect(chooseChannel(soft, [unverified], false)).toEqual({ channel: 'email', contact: unverified });
    expect(chooseChannel(soft, [unverified], true, { requireValid: true })).toEqual({ channel: 'letter', contact: null });
  });
  it('calls mobiles before landlines and texts mobiles only', () => {
    const call: Step = { ...soft, channels: ['phone_task'] };
    const text: Step = { ...soft, channels: ['sms'] };
    const landline = contact({ channel: 'phone', value: '02 123' });
    const mobile = contact({ channel: 'mobile', value: '333 123' });
    expect(chooseChannel(call, [landline, mobile], false)).toEqual({ channel: 'phone_task', contact: mobile });
    expect(chooseChannel(call, [landline, { ...mobile, status: 'unverified' }], false)).toEqual({ channel: 'phone_task', contact: landline });
    expect(chooseChannel(text, [landline], false)).toMatchObject({ blocked: { code: 'no_usable_channel' } });
  });
  it('passes over a channel the installation cannot send on, saying so', () => {
    const textFirst: Step = { ...soft, channels: ['sms', 'letter'] };
    const mobile = contact({ channel: 'mobile', value: '333 123' });
    expect(chooseChannel(textFirst, [mobile], true, { unavailable: ['sms'] })).toEqual({ channel: 'letter', contact: null });
    const only: Step = { ...soft, channels: ['sms'] };
    const blocked = chooseChannel(only, [mobile], true, { unavailable: ['sms'] });
    expect('blocked' in blocked && translate(blocked.blocked.message, 'it')).toMatch(/SMS: canale non configurato/);
  });
});
