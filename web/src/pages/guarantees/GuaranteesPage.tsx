import { Button, Group, NumberInput, Select, Stack, Switch } from '@mantine/core';
import { useState } from 'react';
import { useGuarantees } from '../../api/guarantee-hooks';
import { useCan } from '../../auth/session';
import { PageHeader, QueryState } from '../../components/ui';
import { useI18n } from '../../i18n';
import { GUARANTEE_KINDS, GUARANTEE_STATES, GuaranteeForm, GuaranteeTable } from './GuaranteeParts';

/**
 * "Garanzie" (issue 17 item 3): the register of guarantees — filtered by state and kind, or only those
 * expiring within N days (30 by default) — with adding one (and its document), enforcing it (the demand
 * to the guarantor as PDF) and releasing it.
 */
export default function GuaranteesPage() {
  const { t, te } = useI18n();
  const canAdd = useCan('claim');
  const [state, setState] = useState<string | null>(null);
  const [kind, setKind] = useState<string | null>(null);
  const [expiring, setExpiring] = useState(false);
  const [days, setDays] = useState(30);
  const [adding, setAdding] = useState(false);
  const list = useGuarantees({
    ...(state ? { state: state as (typeof GUARANTEE_STATES)[number] } : {}),
    ...(kind ? { kind: kind as (typeof GUARANTEE_KINDS)[number] } : {}),
    ...(expiring ? { expiringWithinDays: days } : {}),
  });
  return (
    <>
      <PageHeader
        title={t('guarantees.title')}
        subtitle={t('guarantees.subtitle')}
        actions={canAdd && <Button onClick={() => setAdding((a) => !a)} data-testid="guarantee-add">{t('guarantees.add')}</Button>}
      />
      <Stack gap="md">
        {adding && <GuaranteeForm onDone={() => setAdding(false)} />}
        <Group align="end">
          <Select label={t('guarantees.state')} placeholder={t('guarantees.allStates')} data={GUARANTEE_STATES.map((s) => ({ value: s, label: te('guaranteeState', s) }))} value={state} onChange={setState} clearable w={200} data-testid="guarantees-state" />
          <Select label={t('guarantees.kind')} placeholder={t('guarantees.allKinds')} data={GUARANTEE_KINDS.map((k) => ({ value: k, label: te('guaranteeKind', k) }))} value={kind} onChange={setKind} clearable w={240} />
          <Switch label={t('guarantees.expiringSoon', { days })} checked={expiring} onChange={(e) => setExpiring(e.currentTarget.checked)} data-testid="guarantees-expiring" />
          <NumberInput label={t('guarantees.days')} value={days} min={0} max={3650} onChange={(v) => setDays(typeof v === 'number' ? v : 30)} w={100} disabled={!expiring} />
        </Group>
        <QueryState query={list}>{(data) => <GuaranteeTable items={data.items} />}</QueryState>
      </Stack>
    </>
  );
}
