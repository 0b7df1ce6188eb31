import { SegmentedControl, VisuallyHidden } from '@mantine/core';

/** A small switch between a few plain values (e.g. currencies). */
export function EnumSelectInline({
  label,
  value,
  values,
  onChange,
}: {
  label: string;
  value: string;
  values: string[];
  onChange: (v: string) => void;
}) {
  return (
    <div role="group" aria-label={label}>
      <VisuallyHidden>{label}</VisuallyHidden>
      <SegmentedControl size="xs" value={value} data={values} onChange={onChange} />
    </div>
  );
}
