import { Anchor, Badge, Button, Card, Group, Select, Stack, Switch, Table, TagsInput, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useCreditorOptions } from '../../api/hooks';
import { reportRunUrl, useCreateReportSchedule, useReportSchedules, useUpdateReportSchedule, type ReportSchedule } from '../../api/report-hooks';
import { useCan } from '../../auth/session';
import { notifyError, notifySaved } from '../../components/forms';
import { ErrorAlert, PageHeader, QueryState } from '../../components/ui';
import { useI18n } from '../../i18n';

const LANGUAGES = ['it', 'en', 'de', 'fr'] as const;

/**
 * Scheduled reports (issue 16 item 3): per creditor, a weekly (Mondays) or monthly (the 1st) report in
 * PDF and XLSX, e-mailed through the outbox to the addresses the creditor names; every report made,
 * with each e-mail's state and the files to download again. Administrators and supervisors set them;
 * the creditor's own user sees its reports.
 */
export default function ReportSchedulesPage() {
  const i18n = useI18n();
  const { t, date } = i18n;
  const canEdit = useCan('report_schedule');
  const creditors = useCreditorOptions();
  const options = (creditors.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));
  const [creditorId, setCreditorId] = useState<string | null>(null);
  useEffect(() => {
    if (creditorId === null && options.length === 1) setCreditorId(options[0]!.value);
  }, [creditorId, options]);
  const schedules = useReportSchedules(creditorId ?? undefined);
  const create = useCreateReportSchedule();
  const update = useUpdateReportSchedule();
  const [frequency, setFrequency] = useState<'weekly' | 'monthly'>('monthly');
  const [language, setLanguage] = useState<(typeof LANGUAGES)[number]>('it');
  const [recipients, setRecipients] = useState<string[]>([]);

  const toggle = (s: ReportSchedule, active: boolean) =>
    update.mutate({ id: s.id, version: s.version, active }, { onSuccess: () => notifySaved(t('schedules.saved')), onError: (e) => notifyError(i18n, e) });

  return (
    <>
      <PageHeader title={t('schedules.title')} subtitle={t('schedules.subtitle')} />
      <Stack gap="lg">
        <Select label={t('schedules.creditor')} data={options} value={creditorId} onChange={setCreditorId} searchable clearable w={320} data-testid="schedules-creditor" />
        {canEdit && creditorId ? (
          <Card withBorder>
            <Title order={5} mb="sm">{t('schedules.new')}</Title>
            <Group align="end">
              <Select
                label={t('schedules.frequency')}
                data={[
                  { value: 'weekly', label: t('schedules.weekly') },
                  { value: 'monthly', label: t('schedules.monthly') },
                ]}
                value={frequency}
                onChange={(v) => setFrequency((v as 'weekly' | 'monthly' | null) ?? 'monthly')}
                w={200}
                data-testid="schedules-frequency"
              />
              <Select label={t('schedules.language')} data={LANGUAGES.map((l) => ({ value: l, label: l.toUpperCase() }))} value={language} onChange={(v) => setLanguage((v as (typeof LANGUAGES)[number] | null) ?? 'it')} w={100} />
              <TagsInput label={t('schedules.recipients')} description={t('schedules.recipientsHint')} value={recipients} onChange={setRecipients} w={420} data-testid="schedules-recipients" />
              <Button
                loading={create.isPending}
                disabled={recipients.length === 0}
                data-testid="schedules-create"
                onClick={() =>
                  create.mutate(
                    { creditorId, frequency, language, recipients },
                    {
                      onSuccess: () => {
                        setRecipients([]);
                        notifySaved(t('schedules.saved'));
                      },
                      onError: (e) => notifyError(i18n, e),
                    },
                  )
                }
              >
                {t('schedules.create')}
              </Button>
            </Group>
          </Card>
        ) : null}
        {create.error ? <ErrorAlert error={create.error} /> : null}
        <QueryState query={schedules}>
          {(data) =>
            data.items.length === 0 ? (
              <Text c="dimmed">{t('schedules.none')}</Text>
            ) : (
              <Stack>
                {data.items.map((s) => (
                  <Card withBorder key={s.id} data-testid="schedule-card">
                    <Group justify="space-between" mb="xs">
                      <Group>
                        <Title order={5}>{s.creditorName}</Title>
                        <Badge variant="light">{s.frequency === 'weekly' ? t('schedules.weekly') : t('schedules.monthly')}</Badge>
                        <Badge variant="outline">{s.language.toUpperCase()}</Badge>
                      </Group>
                      <Switch label={t('schedules.active')} checked={s.active} disabled={!canEdit || update.isPending} onChange={(e) => toggle(s, e.currentTarget.checked)} />
                    </Group>
                    <Text size="sm">{t('schedules.to', { recipients: s.recipients.join(', ') })}</Text>
                    {s.active ? <Text size="sm" c="dimmed">{t('schedules.next', { date: date(s.nextRunOn) })}</Text> : null}
                    {s.runs.length > 0 ? (
                      <Table mt="sm">
                        <Table.Thead>
                          <Table.Tr>
                            <Table.Th>{t('schedules.period')}</Table.Th>
                            <Table.Th>{t('schedules.mails')}</Table.Th>
                            <Table.Th>{t('schedules.files')}</Table.Th>
                          </Table.Tr>
                        </Table.Thead>
                        <Table.Tbody>
                          {s.runs.map((r) => (
                            <Table.Tr key={r.id}>
                              <Table.Td>{date(r.periodFrom)} – {date(r.periodTo)}</Table.Td>
                              <Table.Td>
                                {r.mails.map((m) => (
                                  <Badge key={m.recipient} mr={4} color={m.status === 'sent' ? 'green' : m.status === 'failed' ? 'red' : 'gray'} variant="light" title={m.error ?? undefined}>
                                    {m.recipient}: {t(`schedules.mail.${m.status}`)}
                                  </Badge>
                                ))}
                              </Table.Td>
                              <Table.Td>
                                <Group gap="xs">
                                  <Anchor href={reportRunUrl(r.id, 'pdf')}>PDF</Anchor>
                                  <Anchor href={reportRunUrl(r.id, 'xlsx')}>XLSX</Anchor>
                                </Group>
                              </Table.Td>
                            </Table.Tr>
                          ))}
                        </Table.Tbody>
                      </Table>
                    ) : (
                      <Text size="sm" c="dimmed" mt="xs">{t('schedules.noRuns')}</Text>
                    )}
                  </Card>
                ))}
              </Stack>
            )
          }
        </QueryState>
      </Stack>
    </>
  );
}
