import { addInCurrency, type CurrencyAmount } from '../money.ts';
import { SHIPPED_OUTCOMES } from './outcomes.ts';

/**
 * The supervisor's board (issue 14 item 6): per operator and per queue, what the desk did in a period.
 * The counts follow the outcome flags (outcomes.ts: attempt, contact, right party, worked) of the
 * outcome as it counts — a supervisor's correction instead of the operator's original.
 */

/*
 * "Collected after a contact": a payment received on the debtor's positions within the tenant's
 * attribution window after a right-party contact (settings.kpiAttributionDays, 30 days by default:
 * portal/agency-kpis.ts `attributionDaysOf`) is credited to that contact's operator and queue (the
 * latest such contact before the payment, so a payment counts once).
 */

export interface Figures {
  attempts: number;
  contacts: number;
  rightParty: number;
  worked: number;
  refused: number;
  promises: number;
  /** Amounts promised, per currency. */
  promised: CurrencyAmount[];
  promisesKept: number;
  kept: CurrencyAmount[];
  collected: CurrencyAmount[];
  outcomes: Record<string, number>;
}

export const emptyFigures = (): Figures => ({
  attempts: 0,
  contacts: 0,
  rightParty: 0,
  worked: 0,
  refused: 0,
  promises: 0,
  promised: [],
  promisesKept: 0,
  kept: [],
  collected: [],
  outcomes: {},
});

const FLAGS = new Map(SHIPPED_OUTCOMES.map((o) => [o.code, o]));

/** The codes that count as a right-party contact (for the SQL that credits payments to a contact). */
export const RIGHT_PARTY_CODES: readonly string[] = SHIPPED_OUTCOMES.filter((o) => o.rightParty).map((o) => o.code);

/** Adds `n` calls with this outcome (as it counts) to the figures; refused calls count only as refused. */
export function addCalls(f: Figures, outcome: string | null, allowed: boolean, n: number): void {
  if (!allowed) {
    f.refused += n;
    return;
  }
  const o = outcome ? FLAGS.get(outcome) : undefined;
  if (o?.attempt) f.attempts += n;
  if (o?.contact) f.contacts += n;
  if (o?.rightParty) f.rightParty += n;
  if (o?.worked) f.worked += n;
  const key = outcome ?? '—';
  f.outcomes[key] = (f.outcomes[key] ?? 0) + n;
}

export function addPromises(f: Figures, n: number, currency: string, amount: string): void {
  f.promises += n;
  addInCurrency(f.promised, currency, amount);
}

export function addKept(f: Figures, n: number, currency: string, amount: string): void {
  f.promisesKept += n;
  addInCurrency(f.kept, currency, amount);
}

export function addCollected(f: Figures, currency: string, amount: string): void {
  addInCurrency(f.collected, currency, amount);
}
