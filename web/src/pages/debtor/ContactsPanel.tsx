import { Badge, Button, Checkbox, Grid, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useAddContact, useUpdateContact } from '../../api/hooks';
import { CONSENTS, CONTACT_CHANNELS, CONTACT_STATUSES, type Contact } from '../../api/types';
import { useCan } from '../../auth/session';
import { applyServerErrors, blankToNull, changedFields, DateField, EnumSelect, notifySaved } from '../../components/forms';
import { DateText, ErrorAlert } from '../../components/ui';
import { useI18n } from '../../i18n';

interface ContactValues {
  channel: string;
  value: string;
  label: string;
  status: string;
  consent: string;
  thirdParty: boolean;
  thirdPartyRelation: string;
  validFrom: string;
  validTo: string;
}

const EMPTY: ContactValues = {
  channel: 'mobile',
  value: '',
  label: '',
  status: 'unverified',
  consent: 'unknown',
  thirdParty: false,
  thirdPartyRelation: '',
  validFrom: '',
  validTo: '',
};

const toValues = (c: Contact): ContactValues => ({
  channel: c.channel,
  value: c.value,
  label: c.label ?? '',
  status: c.status,
  consent: c.consent,
  thirdParty: c.thirdParty,
  thirdPartyRelation: c.thirdPartyRelation ?? '',
  validFrom: c.validFrom ?? '',
  validTo: c.validTo ?? '',
});

const STATUS_COLOR = { unverified: 'gray', valid: 'green', invalid: 'red' } as const;

export function ContactsPanel({ debtorId, contacts }: { debtorId: string; contacts: Contact[] }) {
  const { t, te } = useI18n();
  const canWrite = useCan('contact');
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);

  return (
    <Stack gap="md">
      {canWrite && (
        <Group justify="flex-end">
          <Button size="sm" variant="light" onClick={() => setEditing('new')} data-testid="add-contact">
            {t('contact.add')}
          </Button>
        </Group>
      )}
      {contacts.length === 0 ? (
        <Text c="dimmed">{t('contact.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped verticalSpacing="xs" data-testid="contacts-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('contact.channel')}</Table.Th>
                <Table.Th>{t('contact.value')}</Table.Th>
                <Table.Th>{t('contact.status')}</Table.Th>
                <Table.Th>{t('contact.consent')}</Table.Th>
                <Table.Th>{t('contact.thirdParty')}</Table.Th>
                <Table.Th>{t('contact.validTo')}</Table.Th>
                {canWrite && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {contacts.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{te('channel', c.channel)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace" style={{ textDecoration: c.status === 'invalid' ? 'line-through' : undefined }}>
                      {c.value}
                    </Text>
                    {c.label && (
                      <Text size="xs" c="dimmed">
                        {c.label}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={STATUS_COLOR[c.status] ?? 'gray'}>
                      {te('contactStatus', c.status)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{te('consent', c.consent)}</Table.Td>
                  <Table.Td>
                    {c.thirdParty ? (
                      <Badge variant="outline" color="orange">
                        {c.thirdPartyRelation || t('common.yes')}
                      </Badge>
                    ) : (
                      t('common.no')
                    )}
                  </Table.Td>
                  <Table.Td>
                    <DateText value={c.validTo} />
                  </Table.Td>
                  {canWrite && (
                    <Table.Td ta="right">
                      <Button size="xs" variant="subtle" onClick={() => setEditing(c)}>
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
        title={editing === 'new' ? t('contact.add') : t('contact.edit')}
        size="lg"
      >
        {editing !== null && (
          <ContactForm
            key={editing === 'new' ? 'new' : editing.id}
            debtorId={debtorId}
            contact={editing === 'new' ? undefined : editing}
            onDone={() => setEditing(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}

function ContactForm({ debtorId, contact, onDone }: { debtorId: string; contact?: Contact; onDone: () => void }) {
  const { t } = useI18n();
  const add = useAddContact(debtorId);
  const update = useUpdateContact(debtorId);
  const mutation = contact ? update : add;
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const initial = contact ? toValues(contact) : EMPTY;
  const form = useForm<ContactValues>({
    initialValues: initial,
    validate: {
      value: (v) => (v.trim() ? null : t('validation.required')),
      validTo: (v, values) => (v && values.validFrom && v < values.validFrom ? t('validation.date') : null),
    },
  });

  const submit = form.onSubmit((values) => {
    setUnmatched([]);
    const changed = contact ? changedFields(initial, values) : values;
    const body: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(changed)) {
      if (typeof v === 'string') {
        const s = blankToNull(v);
        if (s === null && !contact) continue;
        body[k] = s;
      } else body[k] = v;
    }
    if (!values.thirdParty && !contact) delete body.thirdPartyRelation;
    const onError = (e: unknown) => setUnmatched(applyServerErrors(form, e));
    const onSuccess = () => {
      notifySaved(contact ? t('common.saved') : t('contact.added'));
      onDone();
    };
    if (contact) update.mutate({ id: contact.id, ...body, version: contact.version }, { onSuccess, onError });
    else add.mutate(body, { onSuccess, onError });
  });

  return (
    <form onSubmit={submit} noValidate data-testid="contact-form">
      <Stack gap="sm">
        {mutation.error && <ErrorAlert error={mutation.error} extra={unmatched} />}
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <EnumSelect label={t('contact.channel')} prefix="channel" values={CONTACT_CHANNELS} {...form.getInputProps('channel')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <TextInput label={t('contact.value')} withAsterisk autoComplete="off" {...form.getInputProps('value')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput label={t('contact.label')} {...form.getInputProps('label')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <EnumSelect label={t('contact.status')} prefix="contactStatus" values={CONTACT_STATUSES} {...form.getInputProps('status')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <EnumSelect label={t('contact.consent')} prefix="consent" values={CONSENTS} {...form.getInputProps('consent')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }} pt="xl">
            <Checkbox label={t('contact.thirdParty')} {...form.getInputProps('thirdParty', { type: 'checkbox' })} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <TextInput
              label={t('contact.thirdPartyRelation')}
              disabled={!form.values.thirdParty}
              {...form.getInputProps('thirdPartyRelation')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <DateField label={t('contact.validFrom')} {...form.getInputProps('validFrom')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <DateField label={t('contact.validTo')} {...form.getInputProps('validTo')} />
          </Grid.Col>
        </Grid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {contact ? t('common.save') : t('common.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
