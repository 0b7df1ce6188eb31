import { Button, Group, Modal, Text, type ButtonProps } from '@mantine/core';
import { useState } from 'react';
import { useSetStrategyActive, type Strategy } from '../../api/dunning-hooks';
import { notifyError, notifySaved } from '../../components/forms';
import { useI18n } from '../../i18n';

/**
 * Activates an inactive strategy or deactivates the active one, after saying what follows: the
 * creditor's other strategy is switched off and its open claims move over, keeping their step number.
 */
export function SetActiveButton({ strategy, size }: { strategy: Strategy; size?: ButtonProps['size'] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [open, setOpen] = useState(false);
  const change = useSetStrategyActive();
  const activate = !strategy.active;
  const confirm = () =>
    change.mutate(
      { id: strategy.id, version: strategy.version, active: activate },
      {
        onSuccess: (r) => {
          setOpen(false);
          notifySaved('claimsMoved' in r ? t('strategies.activated', { count: r.claimsMoved }) : t('strategies.deactivated'));
        },
        onError: (e) => {
          setOpen(false);
          notifyError(i18n, e);
        },
      },
    );
  return (
    <>
      <Button
        size={size}
        variant={activate ? 'filled' : 'default'}
        color={activate ? 'green' : undefined}
        onClick={() => setOpen(true)}
        data-testid={activate ? 'activate-strategy' : 'deactivate-strategy'}
      >
        {activate ? t('strategies.activate') : t('strategies.deactivate')}
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={t(activate ? 'strategies.activateTitle' : 'strategies.deactivateTitle', { name: strategy.name })}
        centered
      >
        <Text size="sm" mb="lg">
          {t(activate ? 'strategies.activateText' : 'strategies.deactivateText')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </Button>
          <Button color={activate ? 'green' : 'red'} loading={change.isPending} onClick={confirm} data-testid="confirm-active">
            {activate ? t('strategies.activate') : t('strategies.deactivate')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
