import { Badge, Button, Card, Group, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useClaims, useDebtor } from '../api/hooks';
import type { DebtorDetail } from '../api/types';
import { useCan } from '../auth/session';
import { ClaimsTable } from '../components/ClaimsTable';
import { DateText, ErrorAlert, Field, HardshipBadge, Money, PageHeader, QueryState } from '../components/ui';
import { useI18n } from '../i18n';
import { AddressesPanel } from './debtor/AddressesPanel';
import { CommunicationsPanel } from './debtor/CommunicationsPanel';
import { ContactsPanel } from './debtor/ContactsPanel';
import { HistoryPanel } from './debtor/HistoryPanel';
import { NotesPanel } from './debtor/NotesPanel';
import { RiskBadge, RiskPanel } from './debtor/RiskPanel';
import { DebtorPlans, DebtorProposePlan } from './plan/DebtorPlans';
import { GuaranteesMediationPanel } from './debtor/GuaranteesMediationPanel';

const TABS = ['claims', 'risk', 'plans', 'contacts', 'addresses', 'communications', 'history', 'notes'] as const;
type Tab = (typeof TABS)[number];

export default function DebtorPage() {
  const { id = '' } = useParams();
  const debtor = useDebtor(id);
  return <QueryState query={debtor}>{(d) => <DebtorView debtor={d} />}</QueryState>;
}

function DebtorView({ debtor }: { debtor: DebtorDetail }) {
  const { t, te } = useI18n();
  const canEdit = useCan('debtor');
  const canAddClaim = useCan('claim');
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const tab: Tab = (TABS as readonly string[]).includes(tabParam ?? '') ? (tabParam as Tab) : 'claims';
  const taxIds = [
    debtor.taxCode && `${t('debtor.taxCode')}: ${debtor.taxCode}`,
    debtor.vatNumber && `${t('debtor.vatNumber')}: ${debtor.vatNumber}`,
    debtor.chUid && `${t('debtor.chUid')}: ${debtor.chUid}`,
  ].filter(Boolean);

  return (
    <>
      <PageHeader
        title={<span data-testid="debtor-name">{debtor.displayName}</span>}
        subtitle={taxIds.length ? <span data-testid="debtor-tax-ids">{taxIds.join(' · ')}</span> : undefined}
        back={{ to: '/debtors', label: t('debtors.title') }}
        badges={
          <>
            <Badge variant="light" color="gray" radius="sm" data-testid="debtor-kind">
              {te('debtorKind', debtor.kind)}
            </Badge>
            {debtor.hardship && <HardshipBadge />}
            <RiskBadge riskClass={debtor.riskClass} />
          </>
        }
        actions={
          <>
            {canAddClaim && <DebtorProposePlan debtorId={debtor.id} />}
            {canAddClaim && (
              <Button variant="light" component={Link} to={`/claims/new?debtorId=${debtor.id}`} data-testid="debtor-new-claim">
                {t('debtor.newClaim')}
              </Button>
            )}
            {canEdit && (
              <Button component={Link} to={`/debtors/${debtor.id}/edit`} data-testid="edit-debtor">
                {t('common.edit')}
              </Button>
            )}
          </>
        }
      />

      <SimpleGrid cols={{ base: 1, md: 3 }} mb="lg">
        <Card withBorder padding="md" radius="md">
          <Text size="xs" c="dimmed" tt="uppercase" fw={700} mb={6}>
            {t('debtor.claimTotals')}
          </Text>
          {debtor.outstanding.length === 0 ? (
            <Text c="dimmed">{t('claims.none')}</Text>
          ) : (
            <Stack gap={4} data-testid="debtor-outstanding">
              {debtor.outstanding.map((o) => (
                <Group key={o.currency} justify="space-between">
                  <Text size="sm" c="dimmed">
                    {t('debtors.claimsCount')}: {o.count}
                  </Text>
                  <Text fw={700} size="lg">
                    <Money amount={o.amount} currency={o.currency} />
                  </Text>
                </Group>
              ))}
            </Stack>
          )}
        </Card>
        <Card withBorder padding="md" radius="md">
          <SimpleGrid cols={2} spacing="sm">
            {debtor.kind === 'consumer' || debtor.kind === 'sole_trader' ? (
              <Field label={t('debtor.birthDate')}>
                <DateText value={debtor.birthDate} />
              </Field>
            ) : (
              <Field label={t('debtor.companyName')}>{debtor.companyName}</Field>
            )}
            <Field label={t('debtor.language')}>{te('language', debtor.language)}</Field>
            <Field label={t('common.createdAt')}>
              <DateText value={debtor.createdAt} />
            </Field>
            <Field label={t('common.updatedAt')}>
              <DateText value={debtor.updatedAt} />
            </Field>
          </SimpleGrid>
        </Card>
        <Card withBorder padding="md" radius="md">
          <Stack gap="sm">
            {debtor.hardship && (
              <Field label={t('debtor.hardshipNote')}>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {debtor.hardshipNote || '—'}
                </Text>
              </Field>
            )}
            <Field label={t('debtor.notes')}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={6}>
                {debtor.notes || '—'}
              </Text>
            </Field>
          </Stack>
        </Card>
      </SimpleGrid>

      <Tabs
        value={tab}
        onChange={(v) =>
          setParams(
            (prev) => {
              const next = new URLSearchParams(prev);
              if (!v || v === 'claims') next.delete('tab');
              else next.set('tab', v);
              return next;
            },
            { replace: true },
          )
        }
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="claims" data-testid="tab-claims">
            {t('debtor.tab.claims')}
          </Tabs.Tab>
          <Tabs.Tab value="risk" data-testid="tab-risk">
            {t('risk.tab')}
          </Tabs.Tab>
          <Tabs.Tab value="plans" data-testid="tab-plans">
            {t('plan.tab')}
          </Tabs.Tab>
          <Tabs.Tab value="contacts" data-testid="tab-contacts">
            {t('debtor.tab.contacts')} ({debtor.contacts.length})
          </Tabs.Tab>
          <Tabs.Tab value="addresses" data-testid="tab-addresses">
            {t('debtor.tab.addresses')} ({debtor.addresses.length})
          </Tabs.Tab>
          <Tabs.Tab value="communications" data-testid="tab-communications">
            {t('debtor.tab.communications')}
          </Tabs.Tab>
          <Tabs.Tab value="history" data-testid="tab-history">
            {t('debtor.tab.history')}
          </Tabs.Tab>
          <Tabs.Tab value="notes" data-testid="tab-notes">
            {t('debtor.tab.notes')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="claims">
          <DebtorClaims debtorId={debtor.id} />
        </Tabs.Panel>
        <Tabs.Panel value="risk">
          <RiskPanel debtor={debtor} />
        </Tabs.Panel>
        <Tabs.Panel value="plans">
          <DebtorPlans debtorId={debtor.id} />
        </Tabs.Panel>
        <Tabs.Panel value="contacts">
          <ContactsPanel debtorId={debtor.id} contacts={debtor.contacts} />
        </Tabs.Panel>
        <Tabs.Panel value="addresses">
          <AddressesPanel debtorId={debtor.id} addresses={debtor.addresses} />
        </Tabs.Panel>
        <Tabs.Panel value="communications">
          <CommunicationsPanel debtorId={debtor.id} />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <HistoryPanel debtorId={debtor.id} />
        </Tabs.Panel>
        <Tabs.Panel value="notes">
          <NotesPanel debtorId={debtor.id} />
        </Tabs.Panel>
      </Tabs>
      <GuaranteesMediationPanel debtorId={debtor.id} />
    </>
  );
}

function DebtorClaims({ debtorId }: { debtorId: string }) {
  const [state, setState] = useState({ page: 1, pageSize: 25, sort: 'dueDate', order: 'asc' as 'asc' | 'desc' });
  const claims = useClaims({ debtorId, ...state });
  if (claims.error && !claims.data) return <ErrorAlert error={claims.error} onRetry={() => void claims.refetch()} />;
  return (
    <ClaimsTable
      testId="debtor-claims"
      data={claims.data}
      fetching={claims.isFetching}
      {...state}
      showCreditor
      onPage={(page) => setState((s) => ({ ...s, page }))}
      onPageSize={(pageSize) => setState((s) => ({ ...s, pageSize, page: 1 }))}
      onSort={(sort, order) => setState((s) => ({ ...s, sort, order, page: 1 }))}
    />
  );
}
