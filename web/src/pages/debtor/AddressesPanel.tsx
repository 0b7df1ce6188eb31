import { Button, Grid, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useAddAddress, useUpdateAddress } from '../../api/hooks';
import { ADDRESS_KINDS, type Address } from '../../api/types';
import { useCan } from '../../auth/session';
import { applyServerErrors, blankToNull, changedFields, DateField, EnumSelect, notifySaved } from '../../components/forms';
import { DateText, ErrorAlert } from '../../components/ui';
import { useI18n } from '../../i18n';

interface AddressValues {
  kind: string;
  line1: string;
  line2: string;
  postalCode: string;
  city: string;
  province: string;
  country: string;
  validFrom: string;
  validTo: string;
}

const EMPTY: AddressValues = {
  kind: 'residence',
  line1: '',
  line2: '',
  postalCode: '',
  city: '',
  province: '',
  country: 'IT',
  validFrom: '',
  validTo: '',
};

const toValues = (a: Address): AddressValues => ({
  kind: a.kind,
  line1: a.line1,
  line2: a.line2 ?? '',
  postalCode: a.postalCode ?? '',
  city: a.city,
  province: a.province ?? '',
  country: a.country,
  validFrom: a.validFrom ?? '',
  validTo: a.validTo ?? '',
});

export function AddressesPanel({ debtorId, addresses }: { debtorId: string; addresses: Address[] }) {
  const { t, te } = useI18n();
  const canWrite = useCan('address');
  const [editing, setEditing] = useState<Address | 'new' | null>(null);

  return (
    <Stack gap="md">
      {canWrite && (
        <Group justify="flex-end">
          <Button size="sm" variant="light" onClick={() => setEditing('new')} data-testid="add-address">
            {t('address.add')}
          </Button>
        </Group>
      )}
      {addresses.length === 0 ? (
        <Text c="dimmed">{t('address.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped verticalSpacing="xs" data-testid="addresses-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('address.kind')}</Table.Th>
                <Table.Th>{t('address.line1')}</Table.Th>
                <Table.Th>{t('address.city')}</Table.Th>
                <Table.Th>{t('address.country')}</Table.Th>
                <Table.Th>{t('address.validFrom')}</Table.Th>
                <Table.Th>{t('address.validTo')}</Table.Th>
                {canWrite && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {addresses.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{te('addressKind', a.kind)}</Table.Td>
                  <Table.Td>
                    {a.line1}
                    {a.line2 && (
                      <Text size="xs" c="dimmed">
                        {a.line2}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {[a.postalCode, a.city, a.province ? `(${a.province})` : null].filter(Boolean).join(' ')}
                  </Table.Td>
                  <Table.Td>{a.country}</Table.Td>
                  <Table.Td>
                    <DateText value={a.validFrom} />
                  </Table.Td>
                  <Table.Td>
                    <DateText value={a.validTo} />
                  </Table.Td>
                  {canWrite && (
                    <Table.Td ta="right">
                      <Button size="xs" variant="subtle" onClick={() => setEditing(a)}>
                        {t('common.edit')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('address.add') : t('address.edit')}
        size="lg"
      >
        {editing !== null && (
          <AddressForm
            key={editing === 'new' ? 'new' : editing.id}
            debtorId={debtorId}
            address={editing === 'new' ? undefined : editing}
            onDone={() => setEditing(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}

function AddressForm({ debtorId, address, onDone }: { debtorId: string; address?: Address; onDone: () => void }) {
  const { t } = useI18n();
  const add = useAddAddress(debtorId);
  const update = useUpdateAddress(debtorId);
  const mutation = address ? update : add;
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const initial = address ? toValues(address) : EMPTY;
  const form = useForm<AddressValues>({
    initialValues: initial,
    validate: {
      line1: (v) => (v.trim() ? null : t('validation.required')),
      city: (v) => (v.trim() ? null : t('validation.required')),
      country: (v) => (/^[A-Za-z]{2}$/.test(v.trim()) ? null : t('validation.required')),
    },
  });

  const submit = form.onSubmit((values) => {
    setUnmatched([]);
    const changed = address ? changedFields(initial, values) : values;
    const body: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(changed)) {
      const s = blankToNull(v);
      if (s === null && !address) continue;
      body[k] = k === 'country' && s ? s.toUpperCase() : s;
    }
    const onError = (e: unknown) => setUnmatched(applyServerErrors(form, e));
    const onSuccess = () => {
      notifySaved(address ? t('common.saved') : t('address.added'));
      onDone();
    };
    if (address) update.mutate({ id: address.id, ...body, version: address.version }, { onSuccess, onError });
    else add.mutate(body, { onSuccess, onError });
  });

  return (
    <form onSubmit={submit} noValidate data-testid="address-form">
      <Stack gap="sm">
        {mutation.error && <ErrorAlert error={mutation.error} extra={unmatched} />}
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <EnumSelect label={t('address.kind')} prefix="addressKind" values={ADDRESS_KINDS} {...form.getInputProps('kind')} />
          </Grid.Col>
          <Grid.Col span={12}>
            <TextInput label={t('address.line1')} withAsterisk {...form.getInputProps('line1')} />
          </Grid.Col>
          <Grid.Col span={12}>
            <TextInput label={t('address.line2')} {...form.getInputProps('line2')} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>
            <TextInput label={t('address.postalCode')} {...form.getInputProps('postalCode')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 5 }}>
            <TextInput label={t('address.city')} withAsterisk {...form.getInputProps('city')} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 2 }}>
            <TextInput label={t('address.province')} maxLength={60} {...form.getInputProps('province')} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 2 }}>
            <TextInput label={t('address.country')} maxLength={2} withAsterisk {...form.getInputProps('country')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <DateField label={t('address.validFrom')} {...form.getInputProps('validFrom')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <DateField label={t('address.validTo')} {...form.getInputProps('validTo')} />
          </Grid.Col>
        </Grid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {address ? t('common.save') : t('common.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
