import { Alert, Badge, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useRates } from '../api/hooks';
import { PageHeader, QueryState } from '../components/ui';
import { formatRate } from '../format';
import { useI18n } from '../i18n';

/**
 * The statutory rate tables: what is known, and the periods the installation's operator entered
 * since the release, with every correction. Read-only for every tenant user: statutory rates change
 * every tenant's interest, so they are kept by whoever runs the installation (`incasso rates`).
 */
export default function RatesPage() {
  const { t, te, date, locale } = useI18n();
  const rates = useRates();
  return (
    <>
      <PageHeader title={t('rates.title')} subtitle={t('rates.subtitle')} />
      <QueryState query={rates}>
        {(data) => (
          <Stack gap="md">
            <Card withBorder padding="lg" radius="md" data-testid="rates-known">
              <Title order={5} mb="sm">
                {t('rates.known')}
              </Title>
              <Table.ScrollContainer minWidth={600}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('rates.serie')}</Table.Th>
                      <Table.Th>{t('rates.from')}</Table.Th>
                      <Table.Th>{t('rates.to')}</Table.Th>
                      <Table.Th ta="right">{t('rates.rate')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.series.map((s) => (
                      <Table.Tr key={s.series}>
                        <Table.Td>{te('rateSeries', s.series)}</Table.Td>
                        <Table.Td>{date(s.lastFrom)}</Table.Td>
                        <Table.Td>{s.lastTo ? date(s.lastTo) : t('rates.inForce')}</Table.Td>
                        <Table.Td ta="right">{formatRate(s.rate, locale)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Card>
            <Alert color="blue" variant="light" data-testid="rates-operator-note">
              {t('rates.operatorNote')}
            </Alert>
            <Card withBorder padding="lg" radius="md">
              <Title order={5} mb="sm">
                {t('rates.added')}
              </Title>
              {data.added.length === 0 ? (
                <Text c="dimmed" size="sm">
                  {t('rates.none')}
                </Text>
              ) : (
                <Table.ScrollContainer minWidth={700}>
                  <Table striped data-testid="rates-added">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('rates.serie')}</Table.Th>
                        <Table.Th>{t('rates.from')}</Table.Th>
                        <Table.Th>{t('rates.to')}</Table.Th>
                        <Table.Th ta="right">{t('rates.rate')}</Table.Th>
                        <Table.Th>{t('rates.source')}</Table.Th>
                        <Table.Th>{t('rates.version')}</Table.Th>
                        <Table.Th>{t('rates.enteredOn')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.added.map((a) => (
                        <Table.Tr key={`${a.series}-${a.from}-${a.version}`} c={a.current ? undefined : 'dimmed'}>
                          <Table.Td>{te('rateSeries', a.series)}</Table.Td>
                          <Table.Td>{date(a.from)}</Table.Td>
                          <Table.Td>{a.to ? date(a.to) : t('rates.inForce')}</Table.Td>
                          <Table.Td ta="right">
                            {formatRate(a.rate, locale)}
                            {a.rate2 ? ` / ${formatRate(a.rate2, locale)}` : ''}
                          </Table.Td>
                          <Table.Td>
                            {a.source}
                            {a.reason && (
                              <Text size="xs" c="dimmed">
                                {t('rates.correction')}: {a.reason}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>
                            {a.version}{' '}
                            {!a.current && (
                              <Badge size="xs" color="gray" variant="light">
                                {t('rates.superseded')}
                              </Badge>
                            )}
                          </Table.Td>
                          <Table.Td>{date(a.addedAt.slice(0, 10))}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Card>
          </Stack>
        )}
      </QueryState>
    </>
  );
}
