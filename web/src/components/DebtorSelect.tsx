import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useDebtors } from '../api/hooks';
import { useI18n } from '../i18n';

/** Picks a debtor by searching the server (name, tax code, VAT number) as the user types. */
export function DebtorSelect({
  value,
  onChange,
  initialLabel,
  ...props
}: Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  value: string;
  onChange: (id: string) => void;
  /** Name of the debtor already chosen (e.g. from the URL), shown before any search. */
  initialLabel?: string;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState(initialLabel ?? '');
  const [selected, setSelected] = useState<{ value: string; label: string } | null>(
    value && initialLabel ? { value, label: initialLabel } : null,
  );
  const [debounced] = useDebouncedValue(search, 250);
  const typed = selected && debounced === selected.label ? '' : debounced.trim();
  const debtors = useDebtors({ q: typed || undefined, pageSize: 20, sort: 'displayName', order: 'asc' });

  const options = (debtors.data?.items ?? []).map((d) => ({
    value: d.id,
    label: d.displayName,
  }));
  if (selected && !options.some((o) => o.value === selected.value)) options.unshift(selected);

  return (
    <Select
      searchable
      clearable
      placeholder={t('claims.searchDebtor')}
      nothingFoundMessage={debtors.isFetching ? t('common.loading') : t('common.noRecords')}
      data={options}
      // The server already filtered: show what it found.
      filter={({ options: o }) => o}
      value={value || null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id, option) => {
        setSelected(id && option ? { value: id, label: option.label } : null);
        onChange(id ?? '');
      }}
      {...props}
    />
  );
}
