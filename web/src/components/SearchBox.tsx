import { CloseButton, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';

/** A search field that reports what was typed after a short pause. */
export function SearchBox({
  value,
  onSearch,
  label,
  placeholder,
  testId,
}: {
  value: string;
  onSearch: (q: string) => void;
  label: string;
  placeholder?: string;
  testId?: string;
}) {
  const [text, setText] = useState(value);
  const [debounced] = useDebouncedValue(text, 300);
  const last = useRef(value);

  // The URL changed from outside (filters cleared, back button): show it.
  useEffect(() => {
    if (value !== last.current) {
      last.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => {
    if (debounced.trim() !== last.current) {
      last.current = debounced.trim();
      onSearch(debounced);
    }
  }, [debounced, onSearch]);

  return (
    <TextInput
      type="search"
      label={label}
      placeholder={placeholder}
      value={text}
      onChange={(e) => setText(e.currentTarget.value)}
      data-testid={testId}
      miw={260}
      style={{ flex: 1 }}
      rightSection={text ? <CloseButton size="sm" aria-label="×" onClick={() => setText('')} /> : null}
    />
  );
}
