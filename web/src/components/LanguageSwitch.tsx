import { Select } from '@mantine/core';
import { isLocale, LOCALES, useI18n } from '../i18n';

/** The UI language; the choice is remembered in this browser. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <Select
      aria-label={t('header.language')}
      data-testid="language-switch"
      size="xs"
      w={120}
      value={locale}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
      data={LOCALES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
      onChange={(v) => {
        if (isLocale(v)) setLocale(v);
      }}
    />
  );
}
