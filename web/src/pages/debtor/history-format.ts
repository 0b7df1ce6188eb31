/**
 * How an audit event's before/after reads in the history tab: field names as words of the UI
 * language (never raw keys like `localDate:`), values as the language writes them (dates, amounts,
 * stored enum values by their label). Pure, so it is unit-tested without a browser.
 */
import { formatMoneyInput, moneyStyle } from '../../format';
import type { EnumPrefix, I18n } from '../../i18n';

export type HistoryI18n = Pick<I18n, 't' | 'te' | 'has' | 'money' | 'date' | 'locale'>;

const HIDDEN = /(^id$|Id$|_id$|^version$|^(created|updated)(At|_at)$)/;

/** Which dictionary labels a field's value, per kind of record (then for any record). */
const ENUMS: Record<string, Record<string, EnumPrefix>> = {
  claim: { status: 'claimStatus', stage: 'stage', kind: 'claimKind' },
  payment: { method: 'paymentMethod' },
  contact: { status: 'contactStatus', channel: 'channel', consent: 'consent' },
  address: { kind: 'addressKind' },
  debtor: { kind: 'debtorKind' },
  communication: { channel: 'dunningChannel', status: 'commStatus', outcome: 'phoneOutcome' },
  claim_cost: { kind: 'costKind' },
  cost: { kind: 'costKind' },
  user: { role: 'role' },
  creditor: { kind: 'creditorKind' },
};
const ANY_ENUMS: Record<string, EnumPrefix> = {
  interestRegime: 'interestRegime',
  interestBase: 'interestRegime',
  dayCount: 'dayCount',
  jurisdiction: 'jurisdiction',
  language: 'language',
  riskClass: 'riskClass',
  role: 'role',
  outcome: 'phoneOutcome',
  method: 'paymentMethod',
  stage: 'stage',
};
const MONEY = new Set(['amount', 'principal', 'principalPaid', 'outstanding', 'costs', 'interest', 'excess', 'fee', 'postage', 'waiveBelow', 'minAmount', 'maxAmount', 'total']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** "localDate" → "local date": the last resort for a field no dictionary names yet. */
export function humanise(key: string): string {
  const words = key.replace(/_/g, ' ').replace(/([a-z\d])([A-Z])/g, '$1 $2').toLowerCase().trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A field's name in the UI language: `<entity>.<field>`, then `historyField.<field>`, then words. */
export function fieldLabel(i18n: Pick<HistoryI18n, 't' | 'has'>, entity: string, key: string): string {
  for (const k of [`${entity}.${key}`, `historyField.${key}`]) if (i18n.has(k)) return i18n.t(k);
  return humanise(key);
}

/** A value as the UI language writes it. */
export function fieldValue(i18n: HistoryI18n, entity: string, key: string, v: unknown, record: Record<string, unknown>): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return i18n.t(v ? 'common.yes' : 'common.no');
  if (Array.isArray(v)) return v.map((x) => fieldValue(i18n, entity, key, x, record)).join(', ');
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    // A date with its time ({ date, time }) reads as one.
    if (typeof o.date === 'string' && typeof o.time === 'string' && Object.keys(o).length === 2) return `${i18n.date(o.date)} ${o.time}`;
    return Object.entries(o)
      .filter(([k]) => !HIDDEN.test(k))
      .map(([k, x]) => `${fieldLabel(i18n, entity, k)}: ${fieldValue(i18n, entity, k, x, o)}`)
      .join(', ');
  }
  const text = String(v);
  if (MONEY.has(key) && /^-?\d+(\.\d+)?$/.test(text)) {
    const currency = typeof record.currency === 'string' ? record.currency : null;
    if (currency) return i18n.money(text, currency);
    const negative = text.startsWith('-');
    return (negative ? '-' : '') + formatMoneyInput(negative ? text.slice(1) : text, moneyStyle(i18n.locale));
  }
  if (ISO_DATE.test(text)) return i18n.date(text);
  if (INSTANT.test(text)) return i18n.date(text);
  const prefix = ENUMS[entity]?.[key] ?? ANY_ENUMS[key];
  return prefix ? i18n.te(prefix, text) : text;
}

/** Fields worth a line when something is created, in this order. */
const SUMMARY_KEYS = ['displayName', 'channel', 'value', 'line1', 'city', 'amount', 'principal', 'valueDate', 'dueDate', 'method', 'status', 'stage', 'outcome', 'note', 'reason'];

/**
 * What an audit event says: for a change, "Field: before → after" per field; for a creation, a
 * one-line summary of what was created.
 */
export function describeChange(i18n: HistoryI18n, entity: string, beforeRaw: unknown, afterRaw: unknown): string[] {
  const after = afterRaw && typeof afterRaw === 'object' ? (afterRaw as Record<string, unknown>) : null;
  if (!after) return [];
  if (!beforeRaw || typeof beforeRaw !== 'object') {
    const parts = SUMMARY_KEYS.filter((k) => after[k] !== undefined && after[k] !== null && after[k] !== '').map((k) =>
      fieldValue(i18n, entity, k, after[k], after),
    );
    return parts.length ? [parts.join(' · ')] : [];
  }
  const before = beforeRaw as Record<string, unknown>;
  return Object.keys(after)
    .filter((k) => !HIDDEN.test(k))
    .slice(0, 12)
    .map((k) => `${fieldLabel(i18n, entity, k)}: ${fieldValue(i18n, entity, k, before[k], before)} → ${fieldValue(i18n, entity, k, after[k], after)}`);
}
