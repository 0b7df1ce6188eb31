import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { formatDate, formatDateTime, formatMoney, formatNumber } from '../format';
import { de } from './de';
import { en } from './en';
import { fr } from './fr';
import { it, type MessageKey, type Messages } from './it';

export type { MessageKey, Messages } from './it';

export const LOCALES = ['it', 'en', 'de', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'it';

const DICTIONARIES: Record<Locale, Messages> = { it, en, de, fr };
const STORAGE_KEY = 'incasso.locale';

/** Prefixes of keys that label a stored enum value, e.g. `claimStatus.open`. */
export type EnumPrefix = MessageKey extends `${infer P}.${string}` ? P : never;

export type Params = Record<string, string | number>;

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v);
}

function readStoredLocale(): Locale {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return isLocale(v) ? v : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

/** The language chosen in this browser (outside React, e.g. for the API's Accept-Language). */
export const currentLocale = (): Locale => readStoredLocale();

/** `{name}` placeholders filled from params; unknown placeholders are left as they are. */
export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** Translation outside React (e.g. in the API layer); follows the stored choice. */
export function translate(key: MessageKey, params?: Params, locale: Locale = readStoredLocale()): string {
  return interpolate(DICTIONARIES[locale][key], params);
}

export interface I18n {
  locale: Locale;
  setLocale: (l: Locale) => void;
  t: (key: MessageKey, params?: Params) => string;
  /** Label of an enum value (`te('claimStatus', 'open')`); an unknown value is shown as it is. */
  te: (prefix: EnumPrefix, value: string | null | undefined) => string;
  /** Whether a key exists, for values whose set may grow on the server. */
  has: (key: string) => key is MessageKey;
  money: (amount: string | null | undefined, currency: string) => string;
  date: (isoDate: string | null | undefined) => string;
  dateTime: (instant: string | null | undefined) => string;
  number: (n: number | string) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(readStoredLocale);

  const setLocale = useCallback((l: Locale) => {
    setLocaleState(l);
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const value = useMemo<I18n>(() => {
    const dict = DICTIONARIES[locale];
    const has = (key: string): key is MessageKey => Object.prototype.hasOwnProperty.call(dict, key);
    return {
      locale,
      setLocale,
      t: (key, params) => interpolate(dict[key], params),
      te: (prefix, value) => {
        if (value === null || value === undefined || value === '') return '—';
        const key = `${prefix}.${value}`;
        return has(key) ? dict[key] : value;
      },
      has,
      money: (amount, currency) => formatMoney(amount, currency, locale),
      date: (d) => formatDate(d, locale),
      dateTime: (i) => formatDateTime(i, locale),
      number: (n) => formatNumber(n, locale),
    };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
