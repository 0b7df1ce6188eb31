import { z } from 'zod';
import { parseDate, Temporal } from '../dates.ts';
import { encodeMessage, msg, type Message } from '../messages/index.ts';
import type { Language } from './words.ts';

/**
 * Contact-compliance rules as data, and the checks the engine runs before every contact.
 *
 * Sources (see shared legal notes §6.7):
 * - Garante privacy, provvedimento generale 30/11/2005 "Liceità, correttezza e pertinenza
 *   nell'attività di recupero crediti" + vademecum 18/04/2016: no disclosure to third parties, no
 *   pre-recorded/automated calls, closed envelopes without revealing wording ("recupero crediti",
 *   "preavviso esecuzione notifica" …), no insistent calls. VERIFIED (secondary sources).
 * - UNIREC–consumer associations "Codice di condotta per i processi di gestione e tutela del
 *   credito" (2015, updated): calls Mon–Fri 08:30–21:00, Sat 08:30–15:00, never on holidays, at most
 *   1 effective conversation a day and 3 a week per debtor (unless agreed), e-mail/SMS not as the
 *   systematic first reminder. VERIFIED (secondary). Binding on signatories only, used as benchmark.
 *
 * Times are local wall-clock times ('HH:MM', Europe/Rome or Europe/Zurich) given by the caller; this
 * module never reads a clock. A window {from, to} includes `from` and excludes `to`: with 08:30–21:00
 * the last call may start at 20:59. Weeks are ISO weeks, Monday to Sunday.
 */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Local wall-clock interval 'HH:MM'–'HH:MM', `from` included, `to` excluded ('24:00' allowed as `to`). */
export interface TimeWindow {
  from: string;
  to: string;
}

// ---------------------------------------------------------------------------------------------
// Holiday calendars
// ---------------------------------------------------------------------------------------------

/**
 * One holiday: every year on a fixed day, every year at an offset from Easter Sunday (Gregorian), or
 * once on a date. `fromYear`/`toYear` (inclusive) bound a rule that a law introduced or abolished.
 */
export type HolidayRule =
  | { kind: 'fixed'; month: number; day: number; name: string; fromYear?: number; toYear?: number }
  | { kind: 'easter'; offset: number; name: string; fromYear?: number; toYear?: number }
  | { kind: 'date'; date: string; name: string };

export interface HolidayCalendar {
  id: string;
  name: string;
  rules: HolidayRule[];
}

const fixed = (month: number, day: number, name: string, years: { fromYear?: number; toYear?: number } = {}): HolidayRule => ({
  kind: 'fixed',
  month,
  day,
  name,
  ...years,
});
const easter = (offset: number, name: string): HolidayRule => ({ kind: 'easter', offset, name });

export const HOLIDAY_CALENDARS = {
  /**
   * Italian national holidays: L. 27/5/1949 n. 260 as amended (L. 54/1977, D.P.R. 792/1985 for the
   * Epiphany, L. 336/2000 for 2 June) plus Easter Sunday and Easter Monday — the list the brief gives.
   * 4 October (San Francesco d'Assisi) is a national holiday again from 2026: L. 151/2025 (GU n. 236
   * of 2025), in force 1/1/2026 — PARTIAL (ance.it notice of the GU publication; tgcom24 and
   * unionesarda.it on the final Senate vote of 1/10/2025). Patron saints of a comune are extra rules
   * added per tenant (see {@link withExtraHolidays}).
   */
  IT: {
    id: 'IT',
    name: 'Italia — festività nazionali',
    rules: [
      fixed(1, 1, 'Capodanno'),
      fixed(1, 6, 'Epifania'),
      easter(0, 'Pasqua'),
      easter(1, 'Lunedì dell’Angelo'),
      fixed(4, 25, 'Festa della Liberazione'),
      fixed(5, 1, 'Festa del Lavoro'),
      fixed(6, 2, 'Festa della Repubblica'),
      fixed(8, 15, 'Assunzione (Ferragosto)'),
      fixed(10, 4, 'San Francesco d’Assisi', { fromYear: 2026 }),
      fixed(11, 1, 'Ognissanti'),
      fixed(12, 8, 'Immacolata Concezione'),
      fixed(12, 25, 'Natale'),
      fixed(12, 26, 'Santo Stefano'),
    ],
  },
  /**
   * Canton of Zurich: § 1 Ruhetags- und Ladenöffnungsgesetz (LS 822.4) — Neujahr, Karfreitag,
   * Ostermontag, 1. Mai, Auffahrt, Pfingstmontag, 1. August (federal, Art. 110 Abs. 3 BV), Weihnachten,
   * Stephanstag. PARTIAL: one secondary source (arbeitsrecht-aktuell.ch, 2023/2024, quoting § 1);
   * the law text itself was not read. Berchtoldstag (2 Jan), Sechseläuten and Knabenschiessen are
   * local customs of the City of Zurich, not cantonal holidays — add them as extra rules if wanted.
   */
  'CH-ZH': {
    id: 'CH-ZH',
    name: 'Kanton Zürich — öffentliche Ruhetage',
    rules: [
      fixed(1, 1, 'Neujahr'),
      easter(-2, 'Karfreitag'),
      easter(1, 'Ostermontag'),
      fixed(5, 1, 'Tag der Arbeit'),
      easter(39, 'Auffahrt'),
      easter(50, 'Pfingstmontag'),
      fixed(8, 1, 'Bundesfeier'),
      fixed(12, 25, 'Weihnachten'),
      fixed(12, 26, 'Stephanstag'),
    ],
  },
  /**
   * Canton Ticino: art. 1 "Legge concernente i giorni festivi ufficiali nel Cantone Ticino" of
   * 15/12/2009 (RL 10.1.1.1.2, in force 9/2/2010), read on www3.ti.ch — VERIFIED: besides Sundays,
   * 15 days. Good Friday is not among them.
   */
  'CH-TI': {
    id: 'CH-TI',
    name: 'Cantone Ticino — giorni festivi ufficiali',
    rules: [
      fixed(1, 1, 'Capo d’anno'),
      fixed(1, 6, 'Epifania'),
      fixed(3, 19, 'San Giuseppe'),
      easter(1, 'Lunedì di Pasqua'),
      fixed(5, 1, 'Primo maggio'),
      easter(39, 'Ascensione'),
      easter(50, 'Lunedì di Pentecoste'),
      easter(60, 'Corpus Domini'),
      fixed(6, 29, 'San Pietro e Paolo'),
      fixed(8, 1, 'Festa nazionale'),
      fixed(8, 15, 'Assunzione'),
      fixed(11, 1, 'Ognissanti'),
      fixed(12, 8, 'Immacolata'),
      fixed(12, 25, 'Natale'),
      fixed(12, 26, 'Santo Stefano'),
    ],
  },
} as const satisfies Record<string, HolidayCalendar>;

/** A calendar with extra days (a comune's patron saint, a one-off closure). */
export function withExtraHolidays(calendar: HolidayCalendar, extra: readonly HolidayRule[], id = `${calendar.id}+`): HolidayCalendar {
  return { id, name: calendar.name, rules: [...calendar.rules, ...extra] };
}

/** Easter Sunday of a Gregorian year (anonymous Gregorian computus, Meeus/Jones/Butcher), ISO date. */
export function easterSunday(year: number): string {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) throw new RangeError(`invalid year: ${year}`);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return Temporal.PlainDate.from({ year, month, day }).toString();
}

const inYears = (r: { fromYear?: number; toYear?: number }, year: number) =>
  (r.fromYear === undefined || year >= r.fromYear) && (r.toYear === undefined || year <= r.toYear);

/** The holidays of a year, sorted by date (a day named by two rules appears once, first name wins). */
export function holidaysIn(year: number, calendar: HolidayCalendar): { date: string; name: string }[] {
  const easterDay = Temporal.PlainDate.from(easterSunday(year));
  const found = new Map<string, string>();
  for (const r of calendar.rules) {
    let date: string | null = null;
    if (r.kind === 'fixed') {
      if (inYears(r, year)) date = Temporal.PlainDate.from({ year, month: r.month, day: r.day }, { overflow: 'reject' }).toString();
    } else if (r.kind === 'easter') {
      if (inYears(r, year)) date = easterDay.add({ days: r.offset }).toString();
    } else if (r.date.startsWith(`${String(year).padStart(4, '0')}-`)) {
      date = r.date;
    }
    if (date && !found.has(date)) found.set(date, r.name);
  }
  return [...found].map(([date, name]) => ({ date, name })).sort((x, y) => x.date.localeCompare(y.date));
}

/** The holiday's name on that date, or null. Sundays are not holidays here: the weekly windows say them. */
export function holidayName(date: string, calendar: HolidayCalendar): string | null {
  // A plain 'YYYY-MM-DD' is its own canonical form: no date object needed to read its year.
  const plain = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const d = plain ? null : parseDate(date);
  const year = d ? d.year : Number(date.slice(0, 4));
  return holidaysOf(year, calendar).get(d ? d.toString() : date) ?? null;
}

/**
 * `holidaysIn` by date, worked out once per calendar and year: every call check asks it (several
 * times a call), and a calendar is data that is not changed once read (a change is a new object).
 */
const holidayCache = new WeakMap<HolidayCalendar, Map<number, Map<string, string>>>();
function holidaysOf(year: number, calendar: HolidayCalendar): Map<string, string> {
  let years = holidayCache.get(calendar);
  if (!years) holidayCache.set(calendar, (years = new Map()));
  let days = years.get(year);
  if (!days) years.set(year, (days = new Map(holidaysIn(year, calendar).map((h) => [h.date, h.name]))));
  return days;
}

export function isHoliday(date: string, calendar: HolidayCalendar): boolean {
  return holidayName(date, calendar) !== null;
}

// ---------------------------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------------------------

export interface ComplianceRules {
  /** Phone windows per weekday; an empty list means no calls that day. */
  phoneWindows: Record<Weekday, TimeWindow[]>;
  /** No phone calls (and no SMS, see `smsFollowsPhoneWindows`) on these days. */
  holidays: HolidayCalendar;
  /** Effective conversations (someone answered and spoke) per debtor per day / ISO week. */
  maxConversationsPerDay: number;
  maxConversationsPerWeek: number;
  /**
   * Call attempts (no conversation) per debtor per day; null = no limit. The Garante forbids insistent,
   * repeated calls without fixing a number: a tenant may set one.
   */
  maxAttemptsPerDay: number | null;
  /** Pre-recorded or automated voice calls. Must stay false in Italy (Garante 2005). */
  automatedVoice: boolean;
  /** Windows in which e-mails (and PEC) are not sent, e.g. 21:00–08:00; may wrap over midnight. */
  emailQuietHours: TimeWindow[];
  /** SMS reach a phone like a call: same windows and holidays. */
  smsFollowsPhoneWindows: boolean;
  /** Written messages (any channel) per debtor per ISO week; null = no limit. */
  maxWrittenPerWeek: number | null;
}

const WEEKDAY_WINDOW: TimeWindow[] = [{ from: '08:30', to: '21:00' }];

/** The UNIREC code's limits and the Garante's prohibitions, Italian national holidays. */
export const ITALIAN_DEFAULTS: ComplianceRules = {
  phoneWindows: {
    mon: WEEKDAY_WINDOW,
    tue: WEEKDAY_WINDOW,
    wed: WEEKDAY_WINDOW,
    thu: WEEKDAY_WINDOW,
    fri: WEEKDAY_WINDOW,
    sat: [{ from: '08:30', to: '15:00' }],
    sun: [],
  },
  holidays: HOLIDAY_CALENDARS.IT,
  maxConversationsPerDay: 1,
  maxConversationsPerWeek: 3,
  maxAttemptsPerDay: null,
  automatedVoice: false,
  emailQuietHours: [],
  smsFollowsPhoneWindows: true,
  maxWrittenPerWeek: null,
};

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const TIME_OR_24 = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

function minutes(time: string, allow24 = false): number {
  if (!(allow24 ? TIME_OR_24 : TIME).test(time)) throw new RangeError(`invalid time, HH:MM expected: ${time}`);
  const [h, m] = time.split(':');
  return Number(h) * 60 + Number(m);
}
const hhmm = (mins: number) => `${String(Math.floor(mins / 60)).padStart(2, '0')}:${String(mins % 60).padStart(2, '0')}`;

const timeSchema = z.string().regex(TIME, { message: encodeMessage(msg('dunning.time_format')) });
const windowSchema = z.object({ from: timeSchema, to: z.string().regex(TIME_OR_24, { message: encodeMessage(msg('dunning.time_format')) }) });
const dayWindowsSchema = z.array(
  windowSchema.refine((w) => !TIME.test(w.from) || !TIME_OR_24.test(w.to) || minutes(w.from) < minutes(w.to, true), {
    message: encodeMessage(msg('dunning.window_order')),
  }),
);
const holidayRuleSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('fixed'),
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
    name: z.string().min(1),
    fromYear: z.number().int().optional(),
    toYear: z.number().int().optional(),
  }),
  z.object({
    kind: z.literal('easter'),
    offset: z.number().int().min(-60).max(70),
    name: z.string().min(1),
    fromYear: z.number().int().optional(),
    toYear: z.number().int().optional(),
  }),
  z.object({ kind: z.literal('date'), date: z.iso.date(), name: z.string().min(1) }),
]);

/** A tenant's rules as configured (JSON): checked before use. */
export const complianceRulesSchema = z.object({
  phoneWindows: z.object({
    mon: dayWindowsSchema,
    tue: dayWindowsSchema,
    wed: dayWindowsSchema,
    thu: dayWindowsSchema,
    fri: dayWindowsSchema,
    sat: dayWindowsSchema,
    sun: dayWindowsSchema,
  }),
  holidays: z.object({ id: z.string().min(1), name: z.string(), rules: z.array(holidayRuleSchema) }),
  maxConversationsPerDay: z.number().int().min(0),
  maxConversationsPerWeek: z.number().int().min(0),
  maxAttemptsPerDay: z.number().int().min(0).nullable(),
  automatedVoice: z.boolean(),
  emailQuietHours: z.array(windowSchema),
  smsFollowsPhoneWindows: z.boolean(),
  maxWrittenPerWeek: z.number().int().min(0).nullable(),
}) satisfies z.ZodType<ComplianceRules>;

// ---------------------------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------------------------

export type ContactBlockCode =
  | 'automated_voice'
  | 'holiday'
  | 'closed_day'
  | 'outside_window'
  | 'daily_limit'
  | 'weekly_limit'
  | 'attempt_limit'
  | 'quiet_hours'
  | 'written_weekly_limit';

/** Why a contact is not allowed: a stable code and a coded message (worded where it is shown). */
export interface ContactBlock {
  code: ContactBlockCode;
  message: Message;
}
export type ComplianceResult = { allowed: true } | { allowed: false; reason: ContactBlock };

export interface ContactMoment {
  date: string;
  time: string;
}
export interface PhoneEvent extends ContactMoment {
  kind: 'conversation' | 'attempt';
}

const weekdayOf = (d: Temporal.PlainDate): Weekday => WEEKDAYS[d.dayOfWeek - 1] ?? 'mon';

/** Monday of the ISO week of a date. */
export function isoWeekStart(date: string): string {
  const d = parseDate(date);
  return d.subtract({ days: d.dayOfWeek - 1 }).toString();
}

/** The phone windows of a day, in order: none on a holiday or on a day without windows (Sunday). */
export function phoneWindowsOn(date: string, rules: ComplianceRules): TimeWindow[] {
  const d = parseDate(date);
  if (isHoliday(d.toString(), rules.holidays)) return [];
  return [...rules.phoneWindows[weekdayOf(d)]].sort((a, b) => minutes(a.from) - minutes(b.from));
}

const block = (code: ContactBlockCode, message: Message): ComplianceResult => ({ allowed: false, reason: { code, message } });

function inWindow(time: number, w: TimeWindow): boolean {
  const from = minutes(w.from);
  const to = minutes(w.to, true);
  return from <= to ? time >= from && time < to : time >= from || time < to;
}

/** Why the calendar allows no call on this day (holiday, weekday without windows), or null. */
function calendarBlock(rules: ComplianceRules, date: Temporal.PlainDate): ComplianceResult | null {
  const holiday = holidayName(date.toString(), rules.holidays);
  if (holiday) return block('holiday', msg('dunning.holiday_no_call', { holiday }));
  if (rules.phoneWindows[weekdayOf(date)].length === 0) return block('closed_day', msg('dunning.no_call_hours'));
  return null;
}

/** Why the debtor's call history allows no further call on this day (daily, weekly, attempt limits), or null. */
function limitBlock(rules: ComplianceRules, date: Temporal.PlainDate, history: readonly PhoneEvent[]): ComplianceResult | null {
  const conversations = history.filter((h) => h.kind === 'conversation');
  const today = conversations.filter((h) => parseDate(h.date).equals(date)).length;
  if (today >= rules.maxConversationsPerDay) {
    return block('daily_limit', msg('dunning.daily_conversations', { count: today, max: rules.maxConversationsPerDay }));
  }
  const week = isoWeekStart(date.toString());
  const thisWeek = conversations.filter((h) => isoWeekStart(h.date) === week).length;
  if (thisWeek >= rules.maxConversationsPerWeek) {
    return block('weekly_limit', msg('dunning.weekly_conversations', { count: thisWeek, max: rules.maxConversationsPerWeek }));
  }
  if (rules.maxAttemptsPerDay !== null) {
    const attempts = history.filter((h) => h.kind === 'attempt' && parseDate(h.date).equals(date)).length;
    if (attempts >= rules.maxAttemptsPerDay) {
      return block('attempt_limit', msg('dunning.daily_attempts', { count: attempts, max: rules.maxAttemptsPerDay }));
    }
  }
  return null;
}

/**
 * Whether a call to a debtor may start at `at`, given the debtor's call history (all the debtor's
 * numbers together; events of any day, the ones later on the same day count too). Checked in this
 * order: automated voice, holiday, day without windows, time window, conversations that day,
 * conversations that ISO week, attempts that day.
 */
export function checkPhoneContact(
  rules: ComplianceRules,
  at: ContactMoment & { automated?: boolean },
  history: readonly PhoneEvent[],
): ComplianceResult {
  if (at.automated && !rules.automatedVoice) {
    return block('automated_voice', msg('dunning.automated_voice'));
  }
  const date = parseDate(at.date);
  const time = minutes(at.time);
  const closed = calendarBlock(rules, date);
  if (closed) return closed;
  const windows = phoneWindowsOn(at.date, rules);
  if (!windows.some((w) => inWindow(time, w))) {
    const list = windows.map((w) => `${w.from}–${w.to}`).join(', ');
    return block('outside_window', msg('dunning.outside_call_hours', { windows: list }));
  }
  return limitBlock(rules, date, history) ?? { allowed: true };
}

/**
 * The first moment at or after `from` when {@link checkPhoneContact} allows an operator's call,
 * looking up to `horizonDays` days ahead; null when there is none (e.g. no windows configured).
 */
export function nextPhoneSlot(
  rules: ComplianceRules,
  from: ContactMoment,
  history: readonly PhoneEvent[],
  horizonDays = 400,
): ContactMoment | null {
  const start = parseDate(from.date);
  const startTime = minutes(from.time);
  for (let i = 0; i <= horizonDays; i++) {
    const date = start.add({ days: i });
    if (calendarBlock(rules, date) || limitBlock(rules, date, history)) continue;
    for (const w of phoneWindowsOn(date.toString(), rules)) {
      const begin = i === 0 ? Math.max(minutes(w.from), startTime) : minutes(w.from);
      if (begin < minutes(w.to, true)) return { date: date.toString(), time: hhmm(begin) };
    }
  }
  return null;
}

export type WrittenChannel = 'email' | 'pec' | 'letter' | 'registered_letter' | 'sms';

/**
 * Why no reminder may go to this debtor at all, whatever the channel, or null:
 * - deceased: the debt passes to the heirs (art. 752 c.c.; for taxes art. 65 DPR 600/1973, a notice to
 *   the heirs "impersonalmente e collettivamente" at the last domicile): a letter in the dead person's
 *   name is wrong, and whom to write to is a person's decision;
 * - ceased business: after cancellation from the register the claims are pursued against the partners
 *   or the liquidator (art. 2495 c.c.) — a person's decision, not the next step's;
 * - reported hardship: pressure pauses until a person decides (a plan, a pause, a settlement).
 * The creditor's own advice is not concerned.
 */
export function debtorProtection(debtor: { deceased: boolean; ceased: boolean; hardship: boolean }): Message | null {
  if (debtor.deceased) return msg('dunning.debtor_deceased');
  if (debtor.ceased) return msg('dunning.debtor_ceased');
  if (debtor.hardship) return msg('dunning.debtor_hardship');
  return null;
}

/**
 * Whether a written message may go out at `at` (`time` is needed for e-mail, PEC and SMS).
 * Letters: no time window (they are posted, not delivered at that moment). E-mail and PEC: the
 * tenant's quiet hours (none by default). SMS: the phone windows and holidays when
 * `smsFollowsPhoneWindows`. Every channel: at most `maxWrittenPerWeek` written messages per ISO week
 * when set, counting `history` (the debtor's earlier written messages).
 */
export function checkWrittenContact(
  rules: ComplianceRules,
  channel: WrittenChannel,
  at: { date: string; time?: string },
  history: readonly { date: string; channel: WrittenChannel }[] = [],
): ComplianceResult {
  const date = parseDate(at.date);
  const needsTime = channel === 'email' || channel === 'pec' || channel === 'sms';
  if (needsTime && at.time === undefined) throw new RangeError(`time required for ${channel}`);
  const time = at.time === undefined ? null : minutes(at.time);
  if (rules.maxWrittenPerWeek !== null) {
    const week = isoWeekStart(date.toString());
    const sent = history.filter((h) => isoWeekStart(h.date) === week).length;
    if (sent >= rules.maxWrittenPerWeek) {
      return block('written_weekly_limit', msg('dunning.written_weekly_limit', { count: sent, max: rules.maxWrittenPerWeek }));
    }
  }
  if (time === null || channel === 'letter' || channel === 'registered_letter') return { allowed: true };
  if (channel === 'sms') {
    if (!rules.smsFollowsPhoneWindows) return { allowed: true };
    const holiday = holidayName(date.toString(), rules.holidays);
    if (holiday) return block('holiday', msg('dunning.holiday_no_sms', { holiday }));
    const windows = phoneWindowsOn(date.toString(), rules);
    if (windows.length === 0) return block('closed_day', msg('dunning.no_contact_hours'));
    if (!windows.some((w) => inWindow(time, w))) return block('outside_window', msg('dunning.sms_outside_hours'));
    return { allowed: true };
  }
  const quiet = rules.emailQuietHours.find((w) => inWindow(time, w));
  if (quiet) return block('quiet_hours', msg('dunning.quiet_hours', { from: quiet.from, to: quiet.to }));
  return { allowed: true };
}

// ---------------------------------------------------------------------------------------------
// Wording visible from outside: subjects and envelopes
// ---------------------------------------------------------------------------------------------

/** What a message is, for its neutral subject. */
export type SubjectKind = 'reminder' | 'notice' | 'offer' | 'internal' | 'municipal';

const SUBJECTS: Record<Language, Record<SubjectKind, string>> = {
  it: {
    reminder: 'Comunicazione amministrativa',
    notice: 'Comunicazione importante – si prega di rispondere',
    offer: 'Proposta di accordo',
    internal: 'Aggiornamento sulla pratica',
    municipal: 'Comunicazione dell’Ente',
  },
  en: {
    reminder: 'Administrative information',
    notice: 'Important information – please reply',
    offer: 'Proposal for an agreement',
    internal: 'File update',
    municipal: 'Information from your municipality',
  },
  de: {
    reminder: 'Administrative Mitteilung',
    notice: 'Wichtige Mitteilung – Antwort erbeten',
    offer: 'Vorschlag für eine Vereinbarung',
    internal: 'Stand des Dossiers',
    municipal: 'Mitteilung Ihrer Gemeinde',
  },
  fr: {
    reminder: 'Information administrative',
    notice: 'Information importante – merci de répondre',
    offer: 'Proposition d’accord',
    internal: 'Point sur le dossier',
    municipal: 'Communication de votre commune',
  },
};

/**
 * A subject that says nothing about money owed: e-mail subjects show in previews and notifications,
 * and letter subjects may show through a window envelope.
 */
export function neutralSubject(language: Language, kind: SubjectKind): string {
  return SUBJECTS[language][kind];
}

/**
 * Words that reveal a debt or its collection, per language, as patterns on lower-case text without
 * accents. `word`: whole word; `start`: word beginning (compounds like "Schuldner"); `part`: anywhere
 * (German compounds like "Forderungsinkasso").
 */
const WORDING: Record<Language, [label: string, source: string, match: 'word' | 'start' | 'part'][]> = {
  it: [
    ['recupero crediti', 'recupero (dei |del )?credit[oi]', 'word'],
    ['sollecito', 'sollecit[oi]', 'word'],
    ['messa in mora', 'messa in mora', 'word'],
    ['costituzione in mora', 'costituzione in mora', 'word'],
    ['avviso di mora', 'avvis[oi] di mora', 'word'],
    ['diffida', 'diffid[ae]', 'word'],
    ['moroso', 'moros(o|a|i|e|ita)', 'word'],
    ['debito', 'debit(o|i|ore|ori|rice|rici)', 'word'],
    ['insoluto', 'insolut[oaie]', 'word'],
    ['preavviso di esecuzione', 'preavviso (di )?esecuzione', 'word'],
    ['pignoramento', 'pignorament[oi]', 'word'],
    ['decreto ingiuntivo', 'decret[oi] ingiuntiv[oi]', 'word'],
    ['ingiunzione', 'ingiunzion[ei]', 'word'],
    ['intimazione', 'intimazion[ei]', 'word'],
    ['precetto', 'precett[oi]', 'word'],
    ['ufficiale giudiziario', 'ufficial[ei] giudiziari[oi]', 'word'],
    ['contenzioso', 'contenzios[oi]', 'word'],
    ['mancato pagamento', 'mancat[oi] pagament[oi]', 'word'],
  ],
  en: [
    ['debt collection', 'debt collect', 'start'],
    ['debt', 'debts?', 'word'],
    ['debtor', 'debtors?', 'word'],
    ['collection agency', 'collection agenc', 'start'],
    ['overdue', 'overdue', 'word'],
    ['arrears', 'arrears', 'word'],
    ['unpaid', 'unpaid', 'word'],
    ['final demand', 'final demand', 'word'],
    ['payment reminder', 'payment reminders?', 'word'],
    ['late payment', 'late payments?', 'word'],
    ['default', 'default(ed)?', 'word'],
    ['bailiff', 'bailiffs?', 'word'],
    ['enforcement', 'enforcement', 'word'],
    ['legal action', 'legal action', 'word'],
  ],
  de: [
    ['Inkasso', 'inkasso', 'part'],
    ['Mahnung', 'mahn', 'part'],
    ['Zahlungserinnerung', 'zahlungserinnerung', 'part'],
    ['Betreibung', 'betreibung', 'part'],
    ['Zahlungsbefehl', 'zahlungsbefehl', 'part'],
    ['Schulden', 'schuld', 'start'],
    ['Verzug', 'verzug', 'part'],
    ['Pfändung', 'pfaendung|pfandung', 'part'],
    ['Vollstreckung', 'vollstreck', 'part'],
    ['Forderung', 'forderung', 'start'],
    ['Zahlungsrückstand', 'ruckstand|rueckstand', 'part'],
    ['offene Rechnung', 'offene rechnung', 'word'],
  ],
  fr: [
    ['recouvrement', 'recouvrement', 'start'],
    ['créance', 'creances?', 'word'],
    ['débiteur', 'debit(eur|eurs|rice|rices)', 'word'],
    ['dette', 'dettes?', 'word'],
    ['impayé', 'impaye', 'start'],
    ['mise en demeure', 'mise en demeure', 'word'],
    ['relance', 'relances?', 'word'],
    ['rappel de paiement', 'rappels? de paiement', 'word'],
    ['huissier', 'huissier', 'start'],
    ['injonction', 'injonction', 'start'],
    ['contentieux', 'contentieux', 'word'],
    ['commandement de payer', 'commandements? de payer', 'word'],
    ['poursuite', 'poursuites?', 'word'],
    ['sommation', 'sommation', 'start'],
    ['retard de paiement', 'retards? de paiement', 'word'],
    ['encaissement', 'encaissement', 'start'],
  ],
};

const PATTERNS: { label: string; re: RegExp }[] = Object.values(WORDING)
  .flat()
  .map(([label, source, match]) => ({
    label,
    re: new RegExp(match === 'part' ? `(?:${source})` : match === 'start' ? `(?<![a-z])(?:${source})` : `(?<![a-z])(?:${source})(?![a-z])`),
  }));

/** Lower case, no accents, ß as ss, typographic apostrophes plain: how {@link debtWordingIn} reads text. */
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[’`]/g, "'");

/** The debt-revealing words found in a text (in any of the four languages), e.g. ["Inkasso"]. */
export function debtWordingIn(text: string): string[] {
  const folded = fold(text);
  return [...new Set(PATTERNS.filter((p) => p.re.test(folded)).map((p) => p.label))];
}

/**
 * Whether a text that shows from outside (e-mail subject, envelope, sender line) reveals a debt:
 * "recupero crediti", "Inkasso", "recouvrement", "debt collection", "sollecito di pagamento" … The
 * engine refuses to send a message whose subject or envelope text fails this check.
 */
export function containsDebtWording(text: string): boolean {
  return debtWordingIn(text).length > 0;
}
