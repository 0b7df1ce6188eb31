import { Alert, Anchor, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useHandOver, useLawFirmUsers, useLegalDossiers, useLegalSheet, legalDossierFileUrl, type LegalSheet } from '../../api/legal-hooks';
import type { ClaimDetail } from '../../api/types';
import { useCan } from '../../auth/session';
import { notifyError, notifySaved } from '../../components/forms';
import { Field, QueryState } from '../../components/ui';
import { useI18n } from '../../i18n';

/**
 * "Pratica legale" (issue 17 item 7): at the legal tier, the cost/benefit sheet, the hand-over to a law
 * firm, and once handed over the dossier's downloads and the firm's outcomes. Nothing before the legal tier.
 */
export function LegalPanel({ claim }: { claim: ClaimDetail }) {
  const { t } = useI18n();
  const dossiers = useLegalDossiers(claim.id);
  const atLegalTier = claim.stage === 'legal' || claim.status === 'legal';
  const current = dossiers.data?.items.find((d) => d.outcome !== 'withdrawn');
  if (!atLegalTier && !current) return null;
  return (
    <Card withBorder padding="lg" radius="md" mt="lg" data-testid="legal-panel">
      <Title order={5} mb="md">
        {t('legal.title')}
      </Title>
      <QueryState query={dossiers}>{() => (current ? <HandedOver dossier={current} /> : <Prepare claim={claim} />)}</QueryState>
    </Card>
  );
}

function HandedOver({ dossier }: { dossier: { id: string; firmName: string; handedOn: string; outcome: string | null; outcomeOn: string | null } }) {
  const { t, te, date } = useI18n();
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <Badge color="red" variant="light" tt="none">
          {t('legal.handedOver')}
        </Badge>
        <Text size="sm" data-testid="legal-handed-on">
          {t('legal.handedOn', { date: date(dossier.handedOn), firm: dossier.firmName })}
        </Text>
      </Group>
      <Text size="sm">
        {t('legal.outcome')}: {dossier.outcome ? `${te('legalOutcome', dossier.outcome)} (${date(dossier.outcomeOn)})` : t('legalOutcome.none')}
      </Text>
      <Group gap="md">
        <Anchor href={legalDossierFileUrl(dossier.id, 'zip')} data-testid="legal-zip">
          {t('legal.downloadZip')}
        </Anchor>
        <Anchor href={legalDossierFileUrl(dossier.id, 'index.pdf')} target="_blank">
          {t('legal.downloadIndex')}
        </Anchor>
      </Group>
    </Stack>
  );
}

function Prepare({ claim }: { claim: ClaimDetail }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [asked, setAsked] = useState(false);
  const sheet = useLegalSheet(claim.id, asked);
  if (!asked)
    return (
      <Button variant="light" onClick={() => setAsked(true)} data-testid="legal-prepare">
        {t('legal.prepare')}
      </Button>
    );
  return <QueryState query={sheet}>{(s) => <SheetView claim={claim} sheet={s} />}</QueryState>;
}

function SheetView({ claim, sheet }: { claim: ClaimDetail; sheet: LegalSheet }) {
  const i18n = useI18n();
  const { t, te, money } = i18n;
  const canHandOver = useCan('legal_dossier');
  const users = useLawFirmUsers(canHandOver);
  const handOver = useHandOver(claim.id);
  const [firmName, setFirmName] = useState('');
  const [firmUserId, setFirmUserId] = useState<string | null>(null);
  const m = (a: string) => money(a, sheet.currency);
  const fee = (f: { amount: string; status: string; source: string }) => `${m(f.amount)} · ${f.status}`;
  return (
    <Stack gap="md" data-testid="legal-sheet">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <Field label={t('legal.amountDue')}>
          {m(sheet.amountDue)} ({t('legal.interestDue')} {m(sheet.interestDue)}, {t('legal.costsDue')} {m(sheet.costsDue)})
        </Field>
        <Field label={t('legal.courtFee')}>
          <span title={sheet.courtFee.source}>{fee(sheet.courtFee)}</span>
        </Field>
        <Field label={t('legal.lawyerFee')}>
          <span title={sheet.lawyerFee.source}>{fee(sheet.lawyerFee)}</span>
        </Field>
        <Field label={t('legal.expectedCosts')}>{m(sheet.expectedCosts)}</Field>
        <Field label={t('legal.ratio', { min: sheet.minRatio })}>{sheet.ratio ?? '—'}</Field>
      </SimpleGrid>
      <Alert color={sheet.recommendation === 'proceed' ? 'green' : 'orange'} variant="light" title={te('legalRecommendation', sheet.recommendation)} data-testid="legal-recommendation">
        <Stack gap={2}>
          {sheet.reasons.map((r) => (
            <Text key={r.code} size="sm">
              {r.text}
            </Text>
          ))}
        </Stack>
      </Alert>
      {canHandOver && (
        <QueryState query={users}>
          {(list) =>
            list.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('legal.noFirmUsers')}
              </Text>
            ) : (
              <Group align="flex-end">
                <TextInput label={t('legal.firmName')} value={firmName} onChange={(e) => setFirmName(e.currentTarget.value)} data-testid="legal-firm-name" />
                <Select label={t('legal.firmUser')} data={list.map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }))} value={firmUserId} onChange={setFirmUserId} data-testid="legal-firm-user" />
                <Button
                  color="red"
                  disabled={!firmName.trim() || !firmUserId}
                  loading={handOver.isPending}
                  data-testid="legal-hand-over"
                  onClick={() =>
                    handOver.mutate({ firmName: firmName.trim(), firmUserId: firmUserId! }, { onSuccess: () => notifySaved(t('legal.handedOver')), onError: (e) => notifyError(i18n, e) })
                  }
                >
                  {t('legal.handOver')}
                </Button>
              </Group>
            )
          }
        </QueryState>
      )}
    </Stack>
  );
}
