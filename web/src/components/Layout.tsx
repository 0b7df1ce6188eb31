import { AppShell, Badge, Burger, Button, Group, NavLink, ScrollArea, Stack, Text, Tooltip } from '@mantine/core';
import { LawFirmPage } from '../pages/legal/LawFirmPage';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useRef } from 'react';
import { Navigate, NavLink as RouterNavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useLogout, useMe } from '../api/hooks';
import { useQueryCounts } from '../api/query-hooks';
import { canWrite, SessionProvider, type Resource } from '../auth/session';
import { useI18n, type MessageKey } from '../i18n';
import { ChangePasswordButton } from './ChangePasswordButton';
import { LanguageSwitch } from './LanguageSwitch';
import { ErrorAlert, Loading } from './ui';

const NAV: { to: string; label: MessageKey; end?: boolean; testId: string; resource?: Resource }[] = [
  { to: '/', label: 'nav.dashboard', end: true, testId: 'nav-dashboard' },
  { to: '/debtors', label: 'nav.debtors', testId: 'nav-debtors' },
  { to: '/claims', label: 'nav.claims', testId: 'nav-claims' },
  // Queries with the creditor (issue 16 item 4): a badge counts those waiting for the reader's side.
  { to: '/queries', label: 'nav.queries', testId: 'nav-queries' },
  // The creditor portal's figures (issue 16 items 3/5): the creditor's user and the agency.
  { to: '/portal', label: 'nav.portal', testId: 'nav-portal' },
  { to: '/creditors', label: 'nav.creditors', testId: 'nav-creditors' },
  { to: '/strategies', label: 'nav.strategies', testId: 'nav-strategies' },
  { to: '/dunning', label: 'nav.dunning', testId: 'nav-dunning' },
  // The phone desk: whoever may act on communications (operators, supervisors), not a creditor's viewer.
  { to: '/work', label: 'nav.workDesk', end: true, testId: 'nav-desk', resource: 'communication' },
  { to: '/phone-tasks', label: 'nav.phoneTasks', testId: 'nav-phone-tasks' },
  // The desk's queues and board: supervisors and administrators (policy resource 'supervision').
  { to: '/work/queues', label: 'nav.deskQueues', testId: 'nav-desk-queues', resource: 'supervision' },
  { to: '/work/board', label: 'nav.deskBoard', testId: 'nav-desk-board', resource: 'supervision' },
  { to: '/print', label: 'nav.print', testId: 'nav-print' },
  { to: '/mailbox', label: 'nav.mailbox', testId: 'nav-mailbox' },
  { to: '/imports', label: 'nav.imports', testId: 'nav-imports' },
  { to: '/payments', label: 'nav.payments', testId: 'nav-payments' },
  { to: '/guarantees', label: 'nav.guarantees', testId: 'nav-guarantees' },
  // How the agency is paid (terms, remittance statements): administrators and supervisors.
  { to: '/commission', label: 'nav.commission', testId: 'nav-commission', resource: 'commission' },
  { to: '/reports/discharge', label: 'nav.discharge', testId: 'nav-discharge' },
  // Reports e-mailed to the creditor on a schedule: set by administrators and supervisors, read by the creditor.
  { to: '/reports/scheduled', label: 'nav.reportSchedules', testId: 'nav-report-schedules' },
  { to: '/bank', label: 'nav.bank', testId: 'nav-bank' },
  { to: '/skip-tracing', label: 'nav.skipTracing', testId: 'nav-skip-tracing' },
  { to: '/reviews/time-barred', label: 'nav.timeBarred', testId: 'nav-time-barred' },
  { to: '/interest', label: 'nav.interest', testId: 'nav-interest' },
  { to: '/rates', label: 'nav.rates', testId: 'nav-rates' },
  // Offered to whoever the policy lets manage users (administrators).
  { to: '/users', label: 'nav.users', testId: 'nav-users', resource: 'user' },
  // The agency's letterhead and albo registration: an administrator's.
  { to: '/settings', label: 'nav.settings', testId: 'nav-settings', resource: 'settings' },
];

/** Every page behind login: checks the session, then draws header, navigation and the page. */
export function AuthenticatedLayout() {
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  const { t, te } = useI18n();
  const [opened, { toggle, close }] = useDisclosure();
  // After "log out" the next person starts from the dashboard, not from where this one left.
  const loggedOut = useRef(false);

  if (me.isPending) return <Loading />;
  if (me.error) return <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const next = location.pathname + location.search;
    const to = loggedOut.current || next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
    return <Navigate to={to} replace />;
  }
  const user = me.data;
  // A law firm's user (issue 17 item 7) has one page: its dossiers. No navigation, no other API.
  if (user.role === 'law_firm') return <SessionProvider user={user}><LawFirmPage name={user.name} /></SessionProvider>;

  return (
    <SessionProvider user={user}>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding="lg"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
              <Text fw={800} size="xl" c="blue.8" style={{ letterSpacing: -0.5 }}>
                incasso
              </Text>
              <Text size="sm" c="dimmed" visibleFrom="md" data-testid="tenant-name" title={t('header.tenant')}>
                {user.tenant.name}
              </Text>
            </Group>
            <Group gap="sm" wrap="nowrap">
              <Stack gap={0} align="flex-end" visibleFrom="sm">
                <Text size="sm" fw={600} data-testid="user-name">
                  {user.name}
                </Text>
                <Text size="xs" c="dimmed" data-testid="user-role">
                  {te('role', user.role)}
                </Text>
              </Stack>
              {user.role === 'viewer' && (
                <Tooltip label={t('common.readOnly')}>
                  <Badge color="gray" variant="light" visibleFrom="md">
                    {t('common.readOnly')}
                  </Badge>
                </Tooltip>
              )}
              <ChangePasswordButton />
              <LanguageSwitch />
              <Button
                variant="default"
                size="xs"
                loading={logout.isPending}
                onClick={() => {
                  loggedOut.current = true;
                  logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) });
                }}
                data-testid="logout"
              >
                {t('header.logout')}
              </Button>
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar p="sm" aria-label={t('nav.main')}>
          {/* The list scrolls on a short window: every entry stays reachable. */}
          <AppShell.Section grow component={ScrollArea} type="auto">
            <Stack gap={2}>
            {NAV.filter((item) => !item.resource || canWrite(user, item.resource)).map((item) => (
              <NavLink
                key={item.to}
                component={RouterNavLink}
                to={item.to}
                end={item.end}
                label={t(item.label)}
                rightSection={item.to === '/queries' ? <QueriesBadge /> : undefined}
                data-testid={item.testId}
                onClick={close}
                active={item.end ? location.pathname === item.to : location.pathname.startsWith(item.to)}
                variant="light"
                style={{ borderRadius: 6 }}
              />
            ))}
            </Stack>
          </AppShell.Section>
          <AppShell.Section>
            <Text size="xs" c="dimmed" mt="xs" hiddenFrom="md">
              {user.tenant.name}
            </Text>
          </AppShell.Section>
        </AppShell.Navbar>

        <AppShell.Main bg="gray.0">
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </AppShell.Main>
      </AppShell>
    </SessionProvider>
  );
}

/** How many queries wait for the reader's side (nothing when none). */
function QueriesBadge() {
  const counts = useQueryCounts();
  const n = counts.data?.mine ?? 0;
  if (n === 0) return null;
  return (
    <Badge size="sm" color="orange" variant="filled" circle={n < 10} data-testid="nav-queries-count">
      {n}
    </Badge>
  );
}
