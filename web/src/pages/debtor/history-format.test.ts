import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney } from '../../format';
import { de } from '../../i18n/de';
import { en } from '../../i18n/en';
import { interpolate, type Locale, type MessageKey } from '../../i18n';
import { it as itDict } from '../../i18n/it';
import { describeChange, fieldLabel, type HistoryI18n } from './history-format';

function i18nFor(locale: Locale): HistoryI18n {
  const dict = { it: itDict, en, de, fr: en }[locale] as Record<string, string>;
  const has = (key: string): key is MessageKey => key in dict;
  return {
    locale,
    has,
    t: (key, params) => interpolate(dict[key]!, params),
    te: (prefix, value) => (value && has(`${prefix}.${value}`) ? dict[`${prefix}.${value}`]! : (value ?? '')),
    money: (amount, currency) => formatMoney(amount, currency, locale),
    date: (d) => formatDate(d, locale),
  };
}

describe('history tab wording', () => {
  it('names fields in the user’s language, never as raw keys', () => {
    const lines = describeChange(
      i18nFor('it'),
      'communication',
      { status: 'open' },
      { status: 'done', outcome: 'no_answer', note: 'richiamare', localDate: '2026-11-25', localTime: '08:30' },
    );
    expect(lines.join('\n')).not.toMatch(/\b(localDate|localTime|note|outcome):/);
    expect(lines).toContain('Data: — → 25/11/2026');
    expect(lines).toContain('Ora: — → 08:30');
    expect(lines).toContain('Esito: — → Nessuna risposta');
    expect(lines).toContain('Nota: — → richiamare');
  });

  it('writes dates, amounts and stored codes as the language does', () => {
    const change = describeChange(
      i18nFor('de'),
      'claim',
      { principal: '1245.00', currency: 'EUR', dueDate: '2026-03-31', interestRegime: 'it-commercial', dayCount: 'act365' },
      { principal: '1300.50', currency: 'EUR', dueDate: '2026-04-30', interestRegime: 'it-legal', dayCount: 'act360' },
    ).join('\n');
    expect(change).toContain('1.245,00');
    expect(change).toContain('1.300,50');
    expect(change).toContain('31.03.2026 → 30.04.2026');
    expect(change).not.toMatch(/it-commercial|act365|act360|interestRegime|dayCount/);
    expect(change).toContain(de['dayCount.act365']);
  });

  it('falls back to words for a field no dictionary names', () => {
    expect(fieldLabel(i18nFor('en'), 'claim', 'someNewField')).toBe('Some new field');
    expect(fieldLabel(i18nFor('en'), 'claim', 'principal')).toBe(en['claim.principal']);
  });
});
