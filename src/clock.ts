/**
 * The server's "now" for the phone desk, where "next" and the calling windows depend on the hour.
 * Real time unless INCASSO_CLOCK sets a starting moment (demos and browser tests: a Monday morning,
 * 22:00, a Sunday): the clock then starts there when the server starts and flows on. Never set by
 * default, and not for a real installation — calls would be placed by a clock that is not the debtor's.
 */
import { moveProcessClock } from './domain/dates.ts';

export type Clock = () => Date;

/**
 * INCASSO_CLOCK for the whole process: "today" of every use case and job is the clock's day (the
 * desk's hours come from `serverClock`, started at the same moment). Called once by the commands that
 * honour it (`start`, `plans daily`); without INCASSO_CLOCK nothing moves.
 */
export function applyClock(start: Date | undefined, realNow: () => number = Date.now): void {
  moveProcessClock(start ? start.getTime() - realNow() : 0);
}

export function serverClock(start: Date | undefined, realNow: () => number = Date.now): Clock {
  if (!start) return () => new Date(realNow());
  const offset = start.getTime() - realNow();
  return () => new Date(realNow() + offset);
}

/** INCASSO_CLOCK: an ISO instant with its offset (2026-12-07T22:00:00+01:00 or …Z); anything else is refused. */
export function parseClock(raw: string | undefined): Date | undefined {
  const v = raw?.trim();
  if (!v) return undefined;
  const ok = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(v);
  const d = new Date(v);
  if (!ok || Number.isNaN(d.getTime())) throw new Error(`INCASSO_CLOCK must be an instant with its offset, e.g. 2026-12-07T22:00:00+01:00, got "${raw}"`);
  return d;
}
