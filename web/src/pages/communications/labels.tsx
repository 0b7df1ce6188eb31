import { Badge } from '@mantine/core';
import { useI18n } from '../../i18n';

const STATUS_COLOR: Record<string, string> = {
  queued: 'blue',
  sent: 'green',
  failed: 'red',
  to_print: 'orange',
  printed: 'teal',
  task_open: 'orange',
  task_done: 'green',
  cancelled: 'gray',
};

/** Badges in table cells keep their whole label. */
const BADGE_STYLES = { root: { overflow: 'visible' }, label: { overflow: 'visible', whiteSpace: 'nowrap' } } as const;

export function CommunicationStatusBadge({ status }: { status: string }) {
  const { te } = useI18n();
  return (
    <Badge color={STATUS_COLOR[status] ?? 'gray'} variant="light" radius="sm" tt="none" styles={BADGE_STYLES} data-testid="communication-status">
      {te('commStatus', status)}
    </Badge>
  );
}

/** The first characters of a SHA-256, with the whole in the tooltip: enough to compare by eye. */
export function ShortHash({ hash }: { hash: string }) {
  return (
    <span title={hash} style={{ fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 }}>
      {hash.slice(0, 12)}…
    </span>
  );
}
