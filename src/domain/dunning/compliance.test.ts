import { describe, expect, it } from 'vitest';
import {
  HOLIDAY_CALENDARS,
  ITALIAN_DEFAULTS,
  checkPhoneContact,
  checkWrittenContact,
  complianceRulesSchema,
  containsDebtWording,
  debtWordingIn,
  easterSunday,
  holidayName,
  holidaysIn,
  isHoliday,
  isoWeekStart,
  neutralSubject,
  nextPhoneSlot,
  phoneWindowsOn,
  withExtraHolidays,
  type ComplianceRules,
  type PhoneEvent,
  type SubjectKind,
} from './compliance.ts';
import { LANGUAGES } from './words.ts';
import { translate } from '../messages/index.ts';

const IT = HOLIDAY_CALENDARS.IT;
const rules = ITALIAN_DEFAULTS;

describe('Easter (Gregorian computus)', () => {
  it('matches published dates, including the earliest and latest possible', () => {
    const known: Record<number, string> = {
      1818: '1818-03-22',
      1943: '1943-04-25',
      2000: '2000-04-23',
      2008: '2008-03-23',
      2011: '2011-04-24',
      2019: '2019-04-21',
      2024: '2024-03-31',
      2025: '2025-04-20',
      2026: '2026-04-05',
      2027: '2027-03-28',
      2038: '2038-04-25',
      2285: '2285-03-22',
    };
    for (const [year, date] of Object.entries(known)) expect(easterSunday(Number(year))).toBe(date);
  });
  it('always falls on a Sunday between 22 March and 25 April', () => {
    for (let y = 1900; y <= 2200; y++) {
      const d = easterSunday(y);
      expect(new Date(`${d}T12:00:00Z`).getUTCDay()).toBe(0);
      expect(d.slice(5) >= '03-22' && d.slice(5) <= '04-25').toBe(true);
    }
  });
  it('refuses years outside the Gregorian calendar', () => {
    expect(() => easterSunday(1500)).toThrow(RangeError);
  });
});

describe('holiday calendars', () => {
  it('lists the Italian national holidays, with 4 October from 2026 (L. 151/2025)', () => {
    expect(holidaysIn(2025, IT).map((h) => h.date)).toEqual([
      '2025-01-01',
      '2025-01-06',
      '2025-04-20',
      '2025-04-21',
      '2025-04-25',
      '2025-05-01',
      '2025-06-02',
      '2025-08-15',
      '2025-11-01',
      '2025-12-08',
      '2025-12-25',
      '2025-12-26',
    ]);
    expect(holidaysIn(2026, IT)).toHaveLength(13);
    expect(holidayName('2026-10-04', IT)).toBe('San Francesco d’Assisi');
    expect(isHoliday('2025-10-04', IT)).toBe(false);
    expect(holidayName('2026-04-06', IT)).toBe('Lunedì dell’Angelo');
    expect(isHoliday('2026-04-03', IT)).toBe(false);
    expect(isHoliday('2026-03-03', IT)).toBe(false);
  });
  it('knows the cantonal differences of Zurich and Ticino', () => {
    const zh = HOLIDAY_CALENDARS['CH-ZH'];
    const ti = HOLIDAY_CALENDARS['CH-TI'];
    expect(isHoliday('2026-04-03', zh)).toBe(true); // Karfreitag
    expect(isHoliday('2026-04-03', ti)).toBe(false);
    expect(isHoliday('2026-05-14', zh)).toBe(true); // Auffahrt
    expect(isHoliday('2026-05-25', zh)).toBe(true); // Pfingstmontag
    expect(isHoliday('2026-01-02', zh)).toBe(false); // Berchtoldstag: local only
    expect(isHoliday('2026-03-19', ti)).toBe(true); // San Giuseppe
    expect(isHoliday('2026-06-04', ti)).toBe(true); // Corpus Domini
    expect(isHoliday('2026-06-29', ti)).toBe(true);
    expect(holidaysIn(2026, ti)).toHaveLength(15);
    expect(holidaysIn(2026, zh)).toHaveLength(9);
  });
  it('takes extra days: a patron saint every year, a one-off closure', () => {
    const milano = withExtraHolidays(IT, [
      { kind: 'fixed', month: 12, day: 7, name: 'Sant’Ambrogio' },
      { kind: 'date', date: '2026-11-02', name: 'Chiusura straordinaria' },
    ]);
    expect(holidayName('2027-12-07', milano)).toBe('Sant’Ambrogio');
    expect(isHoliday('2026-11-02', milano)).toBe(true);
    expect(isHoliday('2027-11-02', milano)).toBe(false);
    expect(isHoliday('2027-12-07', IT)).toBe(false);
  });
});

describe('phone windows', () => {
  it('gives the weekday windows, none on Sundays and holidays', () => {
    expect(phoneWindowsOn('2026-03-02', rules)).toEqual([{ from: '08:30', to: '21:00' }]); // Monday
    expect(phoneWindowsOn('2026-03-07', rules)).toEqual([{ from: '08:30', to: '15:00' }]); // Saturday
    expect(phoneWindowsOn('2026-03-08', rules)).toEqual([]); // Sunday
    expect(phoneWindowsOn('2026-04-06', rules)).toEqual([]); // Easter Monday
    expect(phoneWindowsOn('2026-06-02', rules)).toEqual([]); // Festa della Repubblica (Tuesday)
  });
  it('counts weeks from Monday to Sunday', () => {
    expect(isoWeekStart('2026-03-08')).toBe('2026-03-02');
    expect(isoWeekStart('2026-03-09')).toBe('2026-03-09');
    expect(isoWeekStart('2027-01-01')).toBe('2026-12-28');
  });
});

describe('checkPhoneContact', () => {
  const at = (date: string, time: string) => ({ date, time });
  it('allows calls inside the windows only: from included, to excluded', () => {
    expect(checkPhoneContact(rules, at('2026-03-02', '08:30'), [])).toEqual({ allowed: true });
    expect(checkPhoneContact(rules, at('2026-03-02', '20:59'), [])).toEqual({ allowed: true });
    expect(checkPhoneContact(rules, at('2026-03-07', '14:59'), [])).toEqual({ allowed: true });
    for (const [date, time] of [
      ['2026-03-02', '08:29'],
      ['2026-03-02', '21:00'],
      ['2026-03-07', '15:00'],
    ] as const) {
      const r = checkPhoneContact(rules, at(date, time), []);
      expect(r.allowed ? null : r.reason.code).toBe('outside_window');
    }
  });
  it('refuses Sundays, holidays and automated voices, with a coded reason worded in every language', () => {
    const sunday = checkPhoneContact(rules, at('2026-03-08', '10:00'), []);
    expect(sunday).toMatchObject({ allowed: false, reason: { code: 'closed_day' } });
    const holiday = checkPhoneContact(rules, at('2026-12-08', '10:00'), []);
    expect(holiday).toMatchObject({ allowed: false, reason: { code: 'holiday' } });
    expect(holiday.allowed ? null : holiday.reason.message).toEqual({ code: 'dunning.holiday_no_call', params: { holiday: 'Immacolata Concezione' } });
    expect(holiday.allowed ? '' : translate(holiday.reason.message, 'it')).toBe('Giorno festivo (Immacolata Concezione): nessun contatto telefonico');
    expect(holiday.allowed ? '' : translate(holiday.reason.message, 'de')).toBe('Feiertag (Immacolata Concezione): kein telefonischer Kontakt');
    const robot = checkPhoneContact(rules, { ...at('2026-03-02', '10:00'), automated: true }, []);
    expect(robot).toMatchObject({ allowed: false, reason: { code: 'automated_voice' } });
  });
  it('allows one conversation a day and three a week; unanswered attempts do not count', () => {
    const talked: PhoneEvent[] = [{ date: '2026-03-02', time: '09:00', kind: 'conversation' }];
    expect(checkPhoneContact(rules, at('2026-03-02', '18:00'), talked)).toMatchObject({ allowed: false, reason: { code: 'daily_limit' } });
    const attempts: PhoneEvent[] = [
      { date: '2026-03-02', time: '09:00', kind: 'attempt' },
      { date: '2026-03-02', time: '11:00', kind: 'attempt' },
    ];
    expect(checkPhoneContact(rules, at('2026-03-02', '18:00'), attempts)).toEqual({ allowed: true });
    const week: PhoneEvent[] = ['2026-03-02', '2026-03-03', '2026-03-04'].map((date) => ({ date, time: '10:00', kind: 'conversation' }));
    expect(checkPhoneContact(rules, at('2026-03-05', '10:00'), week)).toMatchObject({ allowed: false, reason: { code: 'weekly_limit' } });
    expect(checkPhoneContact(rules, at('2026-03-09', '10:00'), week)).toEqual({ allowed: true });
    const lastWeekend: PhoneEvent[] = ['2026-02-26', '2026-02-27', '2026-02-28'].map((date) => ({ date, time: '10:00', kind: 'conversation' }));
    expect(checkPhoneContact(rules, at('2026-03-02', '10:00'), lastWeekend)).toEqual({ allowed: true });
  });
  it('applies a tenant’s attempt limit', () => {
    const strict: ComplianceRules = { ...rules, maxAttemptsPerDay: 2 };
    const attempts: PhoneEvent[] = [
      { date: '2026-03-02', time: '09:00', kind: 'attempt' },
      { date: '2026-03-02', time: '11:00', kind: 'attempt' },
    ];
    expect(checkPhoneContact(strict, at('2026-03-02', '18:00'), attempts)).toMatchObject({ allowed: false, reason: { code: 'attempt_limit' } });
  });
  it('refuses malformed times and dates', () => {
    expect(() => checkPhoneContact(rules, at('2026-03-02', '8:30'), [])).toThrow(/HH:MM/);
    expect(() => checkPhoneContact(rules, at('2026-03-02', '24:00'), [])).toThrow(/HH:MM/);
    expect(() => checkPhoneContact(rules, at('2026-02-30', '10:00'), [])).toThrow(RangeError);
  });
});

describe('nextPhoneSlot', () => {
  it('skips evenings, Sundays and holidays', () => {
    expect(nextPhoneSlot(rules, { date: '2026-03-07', time: '16:00' }, [])).toEqual({ date: '2026-03-09', time: '08:30' });
    expect(nextPhoneSlot(rules, { date: '2026-03-02', time: '07:00' }, [])).toEqual({ date: '2026-03-02', time: '08:30' });
    expect(nextPhoneSlot(rules, { date: '2026-03-02', time: '12:17' }, [])).toEqual({ date: '2026-03-02', time: '12:17' });
    // Saturday afternoon before Easter: Sunday and Easter Monday are closed.
    expect(nextPhoneSlot(rules, { date: '2026-04-04', time: '15:30' }, [])).toEqual({ date: '2026-04-07', time: '08:30' });
  });
  it('waits for the next day after a conversation and for the next week after three', () => {
    const today: PhoneEvent[] = [{ date: '2026-03-02', time: '09:00', kind: 'conversation' }];
    expect(nextPhoneSlot(rules, { date: '2026-03-02', time: '10:00' }, today)).toEqual({ date: '2026-03-03', time: '08:30' });
    const week: PhoneEvent[] = ['2026-03-02', '2026-03-03', '2026-03-04'].map((date) => ({ date, time: '10:00', kind: 'conversation' }));
    expect(nextPhoneSlot(rules, { date: '2026-03-04', time: '11:00' }, week)).toEqual({ date: '2026-03-09', time: '08:30' });
  });
  it('returns a slot checkPhoneContact allows, or null when there is none', () => {
    const history: PhoneEvent[] = [{ date: '2026-12-23', time: '09:00', kind: 'conversation' }];
    for (let h = 0; h < 24; h += 5) {
      const from = { date: '2026-12-23', time: `${String(h).padStart(2, '0')}:10` };
      const slot = nextPhoneSlot(rules, from, history);
      expect(slot).not.toBeNull();
      if (slot) expect(checkPhoneContact(rules, slot, history)).toEqual({ allowed: true });
    }
    const closed: ComplianceRules = { ...rules, phoneWindows: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } };
    expect(nextPhoneSlot(closed, { date: '2026-03-02', time: '10:00' }, [], 30)).toBeNull();
  });
});

describe('checkWrittenContact', () => {
  it('sends letters any day and e-mails at any hour by default', () => {
    expect(checkWrittenContact(rules, 'letter', { date: '2026-03-08' })).toEqual({ allowed: true });
    expect(checkWrittenContact(rules, 'registered_letter', { date: '2026-12-25' })).toEqual({ allowed: true });
    expect(checkWrittenContact(rules, 'email', { date: '2026-03-08', time: '23:30' })).toEqual({ allowed: true });
    expect(() => checkWrittenContact(rules, 'email', { date: '2026-03-08' })).toThrow(/time/);
  });
  it('honours quiet hours, also over midnight', () => {
    const quiet: ComplianceRules = { ...rules, emailQuietHours: [{ from: '21:00', to: '08:00' }] };
    expect(checkWrittenContact(quiet, 'email', { date: '2026-03-02', time: '23:00' })).toMatchObject({ allowed: false, reason: { code: 'quiet_hours' } });
    expect(checkWrittenContact(quiet, 'pec', { date: '2026-03-02', time: '07:59' })).toMatchObject({ allowed: false, reason: { code: 'quiet_hours' } });
    expect(checkWrittenContact(quiet, 'email', { date: '2026-03-02', time: '08:00' })).toEqual({ allowed: true });
    expect(checkWrittenContact(quiet, 'letter', { date: '2026-03-02', time: '23:00' })).toEqual({ allowed: true });
  });
  it('sends SMS only in the phone windows', () => {
    expect(checkWrittenContact(rules, 'sms', { date: '2026-03-02', time: '10:00' })).toEqual({ allowed: true });
    expect(checkWrittenContact(rules, 'sms', { date: '2026-03-02', time: '22:00' })).toMatchObject({ allowed: false, reason: { code: 'outside_window' } });
    expect(checkWrittenContact(rules, 'sms', { date: '2026-03-08', time: '10:00' })).toMatchObject({ allowed: false, reason: { code: 'closed_day' } });
    expect(checkWrittenContact(rules, 'sms', { date: '2026-01-06', time: '10:00' })).toMatchObject({ allowed: false, reason: { code: 'holiday' } });
    expect(checkWrittenContact({ ...rules, smsFollowsPhoneWindows: false }, 'sms', { date: '2026-03-08', time: '22:00' })).toEqual({ allowed: true });
  });
  it('counts written messages per ISO week when a limit is set', () => {
    const weekly: ComplianceRules = { ...rules, maxWrittenPerWeek: 1 };
    const sent = [{ date: '2026-03-02', channel: 'letter' as const }];
    expect(checkWrittenContact(weekly, 'email', { date: '2026-03-08', time: '10:00' }, sent)).toMatchObject({
      allowed: false,
      reason: { code: 'written_weekly_limit' },
    });
    expect(checkWrittenContact(weekly, 'email', { date: '2026-03-09', time: '10:00' }, sent)).toEqual({ allowed: true });
  });
});

describe('complianceRulesSchema', () => {
  it('accepts the Italian defaults and the cantonal calendars', () => {
    expect(complianceRulesSchema.parse(ITALIAN_DEFAULTS)).toEqual(ITALIAN_DEFAULTS);
    expect(complianceRulesSchema.safeParse({ ...ITALIAN_DEFAULTS, holidays: HOLIDAY_CALENDARS['CH-TI'] }).success).toBe(true);
  });
  it('refuses inverted or malformed windows and bad limits', () => {
    const inverted = { ...ITALIAN_DEFAULTS, phoneWindows: { ...ITALIAN_DEFAULTS.phoneWindows, mon: [{ from: '21:00', to: '08:30' }] } };
    expect(complianceRulesSchema.safeParse(inverted).success).toBe(false);
    const malformed = { ...ITALIAN_DEFAULTS, phoneWindows: { ...ITALIAN_DEFAULTS.phoneWindows, sat: [{ from: '8:30', to: '15:00' }] } };
    expect(complianceRulesSchema.safeParse(malformed).success).toBe(false);
    expect(complianceRulesSchema.safeParse({ ...ITALIAN_DEFAULTS, maxConversationsPerDay: -1 }).success).toBe(false);
  });
});

describe('wording visible from outside', () => {
  it('flags debt wording in every language, whatever the case and accents', () => {
    for (const text of [
      'Sollecito di pagamento',
      'RECUPERO CREDITI SRL',
      'Ufficio recupero crediti',
      'Messa in mora',
      'Preavviso di esecuzione',
      'Inkasso AG',
      'Forderungsinkasso Muster GmbH',
      '2. Mahnung',
      'Betreibungsamt Zürich',
      'Ihre Schulden',
      'Société de recouvrement',
      'Débiteur',
      'Mise en demeure',
      'Debt collection notice',
      'Overdue invoice',
      'Final demand',
    ]) {
      expect(containsDebtWording(text), text).toBe(true);
    }
    expect(debtWordingIn('Inkasso – Mahnung')).toEqual(['Inkasso', 'Mahnung']);
  });
  it('does not flag ordinary words that merely contain a flagged one', () => {
    for (const text of [
      'Entschuldigung für die Verspätung',
      'Addebito SEPA',
      'Firmato debitamente',
      'Anforderung Unterlagen',
      'Fattura n. 12/2026',
      'Comunicazione amministrativa',
    ]) {
      expect(containsDebtWording(text), text).toBe(false);
    }
  });
  it('gives neutral subjects in every language', () => {
    const kinds: SubjectKind[] = ['reminder', 'notice', 'offer', 'internal', 'municipal'];
    for (const lang of LANGUAGES) {
      for (const kind of kinds) {
        const subject = neutralSubject(lang, kind);
        expect(subject.length).toBeGreaterThan(5);
        expect(containsDebtWording(subject), `${lang}/${kind}: ${subject}`).toBe(false);
      }
    }
  });
});
