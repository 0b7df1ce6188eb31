import { Alert, Anchor, Badge, Button, Center, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../api/client';
import type { ClaimStatus, Outstanding } from '../api/types';
import { useI18n, type I18n } from '../i18n';

export function PageHeader({
  title,
  subtitle,
  back,
  actions,
  badges,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  back?: { to: string; label: string };
  actions?: ReactNode;
  badges?: ReactNode;
}) {
  return (
    <Stack gap={4} mb="lg">
      {back && (
        <Anchor component={Link} to={back.to} size="sm" c="dimmed">
          ← {back.label}
        </Anchor>
      )}
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Group gap="sm" align="center">
            <Title order={2} data-testid="page-title">
              {title}
            </Title>
            {badges}
          </Group>
          {subtitle && (
            <Text c="dimmed" size="sm">
              {subtitle}
            </Text>
          )}
        </Stack>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
    </Stack>
  );
}

export function Money({ amount, currency, strong }: { amount: string | null | undefined; currency: string; strong?: boolean }) {
  const { money } = useI18n();
  return (
    <Text span inherit fw={strong ? 600 : undefined} style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
      {money(amount, currency)}
    </Text>
  );
}

/** Amounts in several currencies, one per line (never added together). */
export function MoneyList({ items, empty = '—' }: { items: Outstanding[]; empty?: string }) {
  if (items.length === 0) return <>{empty}</>;
  return (
    <Stack gap={0}>
      {items.map((o) => (
        <Money key={o.currency} amount={o.amount} currency={o.currency} />
      ))}
    </Stack>
  );
}

export function DateText({ value }: { value: string | null | undefined }) {
  const { date } = useI18n();
  return <span style={{ whiteSpace: 'nowrap' }}>{date(value)}</span>;
}

const STATUS_COLOR: Record<ClaimStatus, string> = {
  open: 'blue',
  in_collection: 'indigo',
  promised: 'teal',
  in_plan: 'cyan',
  disputed: 'orange',
  paid: 'green',
  partially_paid: 'lime',
  written_off: 'gray',
  returned: 'gray',
  legal: 'red',
};

/** Badges in table cells keep their whole label instead of being cut to "PROMESSA DI P…". */
const BADGE_STYLES = { root: { overflow: 'visible' }, label: { overflow: 'visible', whiteSpace: 'nowrap' } } as const;

export function StatusBadge({ status }: { status: string }) {
  const { te } = useI18n();
  return (
    <Badge variant="light" color={STATUS_COLOR[status as ClaimStatus] ?? 'gray'} radius="sm" tt="none" styles={BADGE_STYLES}>
      {te('claimStatus', status)}
    </Badge>
  );
}

export function StageBadge({ stage }: { stage: string }) {
  const { te } = useI18n();
  return (
    <Badge variant="outline" color={stage === 'legal' ? 'red' : 'gray'} radius="sm" tt="none" styles={BADGE_STYLES}>
      {te('stage', stage)}
    </Badge>
  );
}

export function HardshipBadge() {
  const { t } = useI18n();
  return (
    <Badge color="grape" variant="filled" radius="sm" data-testid="hardship-badge">
      {t('debtor.hardshipBadge')}
    </Badge>
  );
}

/** Human text for an error from the API (or anything else thrown). */
export function describeError(i18n: Pick<I18n, 't' | 'has'>, error: unknown): { title: string; detail?: string } {
  if (isApiError(error)) {
    const key = `error.${error.code}`;
    const title = i18n.t(i18n.has(key) ? key : 'error.unknown');
    // Field errors are shown under their inputs; the server's summary would only repeat the title.
    if (error.code === 'validation' && error.fields.length > 0) return { title, detail: i18n.t('common.fixErrors') };
    return { title, detail: error.message && error.message !== title ? error.message : undefined };
  }
  return { title: i18n.t('error.unknown'), detail: error instanceof Error ? error.message : undefined };
}

export function ErrorAlert({ error, onRetry, extra }: { error: unknown; onRetry?: () => void; extra?: string[] }) {
  const i18n = useI18n();
  const { title, detail } = describeError(i18n, error);
  return (
    <Alert color="red" title={title} role="alert" data-testid="error-alert">
      <Stack gap="xs">
        {detail && <Text size="sm">{detail}</Text>}
        {extra && extra.length > 0 && (
          <List size="sm">
            {extra.map((m) => (
              <List.Item key={m}>{m}</List.Item>
            ))}
          </List>
        )}
        {onRetry && (
          <Group>
            <Button size="xs" variant="light" color="red" onClick={onRetry}>
              {i18n.t('common.retry')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <Center py="xl" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" />
        <Text c="dimmed">{t('common.loading')}</Text>
      </Group>
    </Center>
  );
}

/** Renders children once a query has data; a spinner or an error (with retry) meanwhile. */
export function QueryState<T>({
  query,
  children,
}: {
  query: { data: T | undefined; error: unknown; isPending: boolean; refetch: () => unknown };
  children: (data: T) => ReactNode;
}) {
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.error) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  return <Loading />;
}

/** A label/value pair in read-only detail views. */
export function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: 0.3 }}>
        {label}
      </Text>
      <Text size="sm" component="div" data-testid={testId}>
        {children === null || children === undefined || children === '' ? '—' : children}
      </Text>
    </Stack>
  );
}
