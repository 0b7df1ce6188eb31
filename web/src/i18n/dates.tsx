import 'dayjs/locale/de';
import 'dayjs/locale/en-gb';
import 'dayjs/locale/fr';
import 'dayjs/locale/it';
import { DatesProvider } from '@mantine/dates';
import type { ReactNode } from 'react';
import { useI18n, type Locale } from './index';

const DAYJS_LOCALE: Record<Locale, string> = { it: 'it', en: 'en-gb', de: 'de', fr: 'fr' };

/** Month and weekday names of the date pickers in the UI language; weeks start on Monday. */
export function LocalizedDates({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  return <DatesProvider settings={{ locale: DAYJS_LOCALE[locale], firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}
