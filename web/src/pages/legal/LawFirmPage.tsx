import { Anchor, Badge, Button, Card, Container, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useLogout } from '../../api/hooks';
import { legalDossierFileUrl, useLegalDossiers, useRecordLegalOutcome, type LegalDossierItem } from '../../api/legal-hooks';
import { DateField, MoneyField, notifyError, notifySaved, useMoneyStyle } from '../../components/forms';
import { QueryState } from '../../components/ui';
import { parseMoneyInput, todayIso } from '../../format';
import { useI18n } from '../../i18n';

const OUTCOMES = ['decree_issued', 'opposed', 'paid', 'enforcement', 'withdrawn'] as const;

/**
 * The only page a law firm's user sees (issue 17 item 7): the dossiers handed to it, their downloads,
 * and a form to record an outcome with its costs. It calls no other part of the API.
 */
export function LawFirmPage({ name }: { name: string }) {
  const { t } = useI18n();
  const dossiers = useLegalDossiers();
  const logout = useLogout();
  return (
    <Container size="md" py="lg">
      <Group justify="space-between" mb="lg">
        <Title order={3}>{t('legal.firmPage')}</Title>
        <Group gap="sm">
          <Text size="sm">{name}</Text>
          <Button variant="subtle" size="xs" onClick={() => logout.mutate()}>
            {t('legal.logout')}
          </Button>
        </Group>
      </Group>
      <QueryState query={dossiers}>
        {(d) =>
          d.items.length === 0 ? (
            <Text c="dimmed">{t('legal.noDossiers')}</Text>
          ) : (
            <Stack gap="md" data-testid="firm-dossiers">
              {d.items.map((x) => (
                <DossierCard key={x.id} dossier={x} />
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Container>
  );
}

function DossierCard({ dossier }: { dossier: LegalDossierItem }) {
  const i18n = useI18n();
  const { t, te, date } = i18n;
  const record = useRecordLegalOutcome(dossier.id);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [occurredOn, setOccurredOn] = useState(todayIso());
  const [note, setNote] = useState('');
  const [costLabel, setCostLabel] = useState('');
  const [costAmount, setCostAmount] = useState('');
  const style = useMoneyStyle();
  return (
    <Card withBorder padding="md" radius="md" data-testid="firm-dossier">
      <Group justify="space-between">
        <Text fw={600}>
          {dossier.externalRef} · {dossier.debtorName} · {dossier.creditorName}
        </Text>
        <Badge variant="light" tt="none">
          {dossier.outcome ? te('legalOutcome', dossier.outcome) : t('legalOutcome.none')}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {t('legal.handedOn', { date: date(dossier.handedOn), firm: dossier.firmName })} · {dossier.jurisdiction}
      </Text>
      <Group gap="md" mt="xs">
        <Anchor href={legalDossierFileUrl(dossier.id, 'zip')}>{t('legal.downloadZip')}</Anchor>
        <Anchor href={legalDossierFileUrl(dossier.id, 'index.pdf')} target="_blank">
          {t('legal.downloadIndex')}
        </Anchor>
      </Group>
      {dossier.outcome !== 'withdrawn' && (
        <Group align="flex-end" mt="md" wrap="wrap">
          <Select label={t('legal.outcome')} data={OUTCOMES.map((o) => ({ value: o, label: te('legalOutcome', o) }))} value={outcome} onChange={setOutcome} w={180} />
          <DateField label={t('legal.occurredOn')} value={occurredOn} onChange={setOccurredOn} w={150} />
          <TextInput label={t('legal.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <TextInput label={t('legal.costLabel')} value={costLabel} onChange={(e) => setCostLabel(e.currentTarget.value)} />
          <MoneyField label={t('legal.costAmount')} value={costAmount} onChange={(e) => setCostAmount(e.currentTarget.value)} w={130} />
          <Button
            disabled={!outcome || !occurredOn}
            loading={record.isPending}
            onClick={() =>
              record.mutate(
                {
                  outcome: outcome as (typeof OUTCOMES)[number],
                  occurredOn,
                  note: note.trim() || null,
                  costs: costLabel.trim() && costAmount.trim() ? [{ label: costLabel.trim(), amount: parseMoneyInput(costAmount, style) ?? costAmount.trim() }] : [],
                },
                { onSuccess: () => notifySaved(t('legal.record')), onError: (e) => notifyError(i18n, e) },
              )
            }
          >
            {t('legal.record')}
          </Button>
        </Group>
      )}
    </Card>
  );
}
