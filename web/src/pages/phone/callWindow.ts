/**
 * Whether the operator may call now, decided in the browser with its own clock from what the server
 * sent: the tenant's calling windows of the next days (holidays and closed days without windows) and,
 * per task, the days the debtor's conversation limits close. The server checks again when the call
 * is recorded; this only keeps the button away when a call would be refused.
 */

/** A wall-clock moment in Europe/Rome: 'YYYY-MM-DD' and 'HH:MM'. */
export interface Moment {
  date: string;
  time: string;
}

export interface CallDay {
  date: string;
  holiday: string | null;
  /** 'HH:MM'–'HH:MM', from included, to excluded ('24:00' allowed as to). */
  windows: { from: string; to: string }[];
}

export const CALL_TIME_ZONE = 'Europe/Rome';

/** The moment `now` is in Europe/Rome, whatever the browser's own time zone. */
export function romeMoment(now: Date): Moment {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: CALL_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

export interface CallPermission {
  /** A call may start now. */
  permitted: boolean;
  /** The first permitted moment from now on within the days known, or null. */
  nextSlot: Moment | null;
  /** Today is among the days the server sent (else nothing can be said about now). */
  known: boolean;
}

/** 'HH:MM' strings of equal length compare as times. */
const inWindow = (time: string, w: { from: string; to: string }) => time >= w.from && time < w.to;

export function callPermission(now: Moment, days: readonly CallDay[], blockedDays: readonly { date: string }[]): CallPermission {
  const blocked = new Set(blockedDays.map((b) => b.date));
  const today = days.find((d) => d.date === now.date);
  const permitted = !!today && !blocked.has(today.date) && today.windows.some((w) => inWindow(now.time, w));
  let nextSlot: Moment | null = null;
  for (const d of [...days].sort((a, b) => a.date.localeCompare(b.date))) {
    if (d.date < now.date || blocked.has(d.date)) continue;
    const windows = [...d.windows].sort((a, b) => a.from.localeCompare(b.from));
    for (const w of windows) {
      const begin = d.date === now.date && now.time > w.from ? now.time : w.from;
      if (begin < w.to) {
        nextSlot = { date: d.date, time: begin };
        break;
      }
    }
    if (nextSlot) break;
  }
  return { permitted, nextSlot, known: !!today };
}
