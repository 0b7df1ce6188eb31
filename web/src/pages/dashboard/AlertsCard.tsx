import { Anchor, Badge, Button, Card, Checkbox, Group, Modal, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useAlertSettings, useLatestAlertDigest, useSaveAlertSettings, type AlertSettings } from '../../api/alert-hooks';
import { notifyError, notifySaved } from '../../components/forms';
import { Money } from '../../components/ui';
import { useI18n } from '../../i18n';

const KINDS = ['overdue', 'promise_broken', 'plan_lapsed', 'dispute_opened', 'guarantee_expiring'] as const;

/**
 * The user's alerts on the dashboard (issue 17 item 6): yesterday's newly overdue invoices, broken
 * promises, lapsed plans and disputes of the claims it sees, from its latest daily digest, and the
 * choice of which alerts it wants and whether by e-mail.
 */
export function AlertsCard() {
  const i18n = useI18n();
  const { t, date } = i18n;
  const latest = useLatestAlertDigest();
  const settings = useAlertSettings();
  const [editing, setEditing] = useState(false);
  const digest = latest.data?.digest ?? null;
  return (
    <Card withBorder data-testid="alerts-card">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('alerts.title')}</Title>
        <Button variant="subtle" size="xs" onClick={() => setEditing(true)} data-testid="alerts-settings">
          {t('alerts.choose')}
        </Button>
      </Group>
      {settings.data && settings.data.kinds.length === 0 ? (
        <Text size="sm" c="dimmed">{t('alerts.off')}</Text>
      ) : digest === null ? (
        <Text size="sm" c="dimmed">{t('alerts.none')}</Text>
      ) : (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">{t('alerts.period', { from: date(digest.periodFrom), to: date(digest.periodTo) })}</Text>
          {digest.total === 0 ? <Text size="sm">{t('alerts.nothing')}</Text> : null}
          {digest.groups
            .filter((g) => g.count > 0)
            .map((g) => (
              <div key={g.kind}>
                <Group gap="xs">
                  <Text fw={600} size="sm">{t(`alerts.kind.${g.kind}`)}</Text>
                  <Badge variant="light">{g.count}</Badge>
                </Group>
                {g.items.slice(0, 5).map((i, n) => (
                  <Text size="sm" key={`${g.kind}-${n}`}>
                    {date(i.on)} · <Anchor component={Link} to={i.claimId ? `/claims/${i.claimId}` : `/debtors/${i.debtorId}`}>{i.debtorName}{i.claimRef ? ` (${i.claimRef})` : ''}</Anchor>: <Money amount={i.amount} currency={i.currency} />
                  </Text>
                ))}
              </div>
            ))}
        </Stack>
      )}
      {settings.data ? <AlertSettingsModal opened={editing} onClose={() => setEditing(false)} current={settings.data} onError={(e) => notifyError(i18n, e)} /> : null}
    </Card>
  );
}

function AlertSettingsModal({ opened, onClose, current, onError }: { opened: boolean; onClose: () => void; current: AlertSettings; onError: (e: unknown) => void }) {
  const { t } = useI18n();
  const save = useSaveAlertSettings();
  const [kinds, setKinds] = useState<string[]>(current.kinds);
  const [email, setEmail] = useState(current.email);
  return (
    <Modal opened={opened} onClose={onClose} title={t('alerts.choose')}>
      <Stack>
        <Checkbox.Group value={kinds} onChange={setKinds} label={t('alerts.kinds')}>
          <Stack gap="xs" mt="xs">
            {KINDS.map((k) => (
              <Checkbox key={k} value={k} label={t(`alerts.kind.${k}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Switch label={t('alerts.byEmail')} checked={email} onChange={(e) => setEmail(e.currentTarget.checked)} />
        <Text size="xs" c="dimmed">{t('alerts.when')}</Text>
        <Group justify="end">
          <Button
            loading={save.isPending}
            data-testid="alerts-save"
            onClick={() =>
              save.mutate(
                { kinds: kinds as (typeof KINDS)[number][], email },
                {
                  onSuccess: () => {
                    notifySaved(t('alerts.saved'));
                    onClose();
                  },
                  onError,
                },
              )
            }
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
