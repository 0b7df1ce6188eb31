import { ActionIcon, Alert, Badge, Button, Card, Grid, Group, Paper, SegmentedControl, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useCreditor } from '../api/hooks';
import {
  useCreditorTemplates,
  useResetCreditorTemplate,
  useSaveCreditorTemplate,
  type CreditorTemplates,
  type TemplateLanguage,
} from '../api/web13-hooks';
import { useCan } from '../auth/session';
import { notifySaved } from '../components/forms';
import { ErrorAlert, PageHeader, QueryState } from '../components/ui';
import { useI18n } from '../i18n';
import { fillSample, fromEditor, sameText, toEditor, unknownVariables, type EditorParagraph, type EditorValues } from './creditor/templates';

type Template = CreditorTemplates['templates'][number];
type Version = Template['languages'][number];

const LANGUAGE_LABELS: Record<TemplateLanguage, string> = { it: 'Italiano', de: 'Deutsch', fr: 'Français', en: 'English' };

/**
 * A creditor's own wording of its letters and e-mails (issue 13: "templates stay editable per comune,
 * in Italian first — German for Alto Adige comuni"): pick a template and a language, edit the text,
 * see it filled with sample values, save or go back to the shipped text.
 */
export default function CreditorTemplatesPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const creditor = useCreditor(id);
  const templates = useCreditorTemplates(id);
  return (
    <>
      <PageHeader title={t('templates.title')} subtitle={creditor.data?.name} back={{ to: `/creditors/${id}/edit`, label: creditor.data?.name ?? t('creditors.title') }} />
      <QueryState query={templates}>{(data) => <TemplatesEditor creditorId={id} data={data} />}</QueryState>
    </>
  );
}

function TemplatesEditor({ creditorId, data }: { creditorId: string; data: CreditorTemplates }) {
  const { t } = useI18n();
  const [key, setKey] = useState(data.templates[0]?.key ?? '');
  const [language, setLanguage] = useState<TemplateLanguage>('it');
  const template = data.templates.find((x) => x.key === key);
  const version = template?.languages.find((l) => l.language === language);
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('templates.intro')}
      </Text>
      <Group align="flex-end" gap="md">
        <Select
          label={t('templates.template')}
          data={data.templates.map((x) => ({ value: x.key, label: x.description }))}
          value={key}
          onChange={(v) => v && setKey(v)}
          allowDeselect={false}
          w={420}
          data-testid="template-select"
        />
        <SegmentedControl
          value={language}
          onChange={(v) => setLanguage(v as TemplateLanguage)}
          data={template?.languages.map((l) => ({ value: l.language, label: `${LANGUAGE_LABELS[l.language]}${l.custom ? ' ✎' : ''}` })) ?? []}
          data-testid="template-language"
        />
      </Group>
      {template && version && (
        <VersionEditor key={`${key}|${language}|${version.updatedAt ?? ''}`} creditorId={creditorId} template={template} version={version} variables={data.variables} />
      )}
    </Stack>
  );
}

function VersionEditor({ creditorId, template, version, variables }: { creditorId: string; template: Template; version: Version; variables: string[] }) {
  const { t } = useI18n();
  const canWrite = useCan('creditor');
  const save = useSaveCreditorTemplate(creditorId);
  const reset = useResetCreditorTemplate(creditorId);
  const current = version.custom ?? version.shipped;
  const [values, setValues] = useState<EditorValues>(toEditor(current));
  const text = fromEditor(values);
  const unknown = unknownVariables(text, variables);
  const changed = !sameText(text, current);
  const setParagraph = (i: number, p: EditorParagraph) => setValues({ ...values, paragraphs: values.paragraphs.map((x, j) => (j === i ? p : x)) });
  const removeParagraph = (i: number) => setValues({ ...values, paragraphs: values.paragraphs.filter((_, j) => j !== i) });
  const lang = version.language as TemplateLanguage;

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Card withBorder padding="lg" radius="md" data-testid="template-editor">
          <Group justify="space-between" mb="sm">
            <Title order={5}>{t('templates.text')}</Title>
            <Badge color={version.custom ? 'blue' : 'gray'} variant="light" data-testid="template-state">
              {version.custom ? t('templates.own') : t('templates.shipped')}
            </Badge>
          </Group>
          <Stack gap="sm">
            <TextInput label={t('templates.subject')} value={version.subject} readOnly description={t('templates.subjectHint')} />
            <TextInput
              label={t('templates.salutation')}
              value={values.salutation}
              onChange={(e) => setValues({ ...values, salutation: e.currentTarget.value })}
              readOnly={!canWrite}
              data-testid="template-salutation"
            />
            {values.paragraphs.map((p, i) =>
              p.kind === 'text' ? (
                <Group key={i} align="flex-start" gap="xs" wrap="nowrap">
                  <Textarea
                    label={t('templates.paragraph', { n: i + 1 })}
                    value={p.text}
                    onChange={(e) => setParagraph(i, { kind: 'text', text: e.currentTarget.value })}
                    autosize
                    minRows={2}
                    readOnly={!canWrite}
                    style={{ flex: 1 }}
                    data-testid={`template-paragraph-${i}`}
                  />
                  {canWrite && (
                    <ActionIcon variant="subtle" color="red" mt={24} onClick={() => removeParagraph(i)} aria-label={t('templates.removeParagraph', { n: i + 1 })}>
                      ×
                    </ActionIcon>
                  )}
                </Group>
              ) : (
                <Paper key={i} withBorder p="sm" radius="sm">
                  <Text size="sm" fw={600} mb={4}>
                    {t('templates.interestParagraph')}
                  </Text>
                  <Textarea
                    label={t('templates.interestMention')}
                    value={p.mention}
                    onChange={(e) => setParagraph(i, { ...p, mention: e.currentTarget.value })}
                    autosize
                    readOnly={!canWrite}
                  />
                  <Textarea
                    label={t('templates.interestCharge')}
                    value={p.charge}
                    onChange={(e) => setParagraph(i, { ...p, charge: e.currentTarget.value })}
                    autosize
                    readOnly={!canWrite}
                    mt="xs"
                  />
                </Paper>
              ),
            )}
            {canWrite && (
              <Group>
                <Button variant="default" size="xs" onClick={() => setValues({ ...values, paragraphs: [...values.paragraphs, { kind: 'text', text: '' }] })} data-testid="template-add-paragraph">
                  {t('templates.addParagraph')}
                </Button>
              </Group>
            )}
            <Textarea
              label={t('templates.legalNotice')}
              description={t('templates.blocksHint')}
              value={values.legalNotice}
              onChange={(e) => setValues({ ...values, legalNotice: e.currentTarget.value })}
              autosize
              minRows={2}
              readOnly={!canWrite}
              data-testid="template-legal-notice"
            />
            <Textarea
              label={t('templates.closing')}
              description={t('templates.linesHint')}
              value={values.closing}
              onChange={(e) => setValues({ ...values, closing: e.currentTarget.value })}
              autosize
              minRows={2}
              readOnly={!canWrite}
              data-testid="template-closing"
            />
            <Text size="xs" c="dimmed" data-testid="template-variables">
              {t('templates.variables')} {variables.map((v) => `{${v}}`).join(' ')}
            </Text>
            {unknown.length > 0 && (
              <Alert color="orange" data-testid="template-unknown">
                {t('templates.unknown', { names: unknown.map((v) => `{${v}}`).join(', ') })}
              </Alert>
            )}
            {save.error && <ErrorAlert error={save.error} />}
            {reset.error && <ErrorAlert error={reset.error} />}
            {canWrite && (
              <Group justify="flex-end">
                {version.custom && (
                  <Button
                    variant="default"
                    loading={reset.isPending}
                    onClick={() => reset.mutate({ key: template.key, language: lang }, { onSuccess: () => notifySaved(t('templates.resetDone')) })}
                    data-testid="template-reset"
                  >
                    {t('templates.reset')}
                  </Button>
                )}
                <Button
                  disabled={!changed || unknown.length > 0}
                  loading={save.isPending}
                  onClick={() => save.mutate({ key: template.key, language: lang, text }, { onSuccess: () => notifySaved(t('templates.saved')) })}
                  data-testid="template-save"
                >
                  {t('common.save')}
                </Button>
              </Group>
            )}
          </Stack>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Card withBorder padding="lg" radius="md" data-testid="template-preview">
          <Title order={5} mb="xs">
            {t('templates.preview')}
          </Title>
          <Text size="xs" c="dimmed" mb="sm">
            {t('templates.previewHint')}
          </Text>
          <Stack gap="xs">
            <Text fw={600}>{fillSample(version.subject, version.sample)}</Text>
            <Text>{fillSample(text.salutation, version.sample)}</Text>
            {text.paragraphs.map((p, i) => (
              <Text key={i}>{fillSample(typeof p === 'string' ? p : p.mention, version.sample)}</Text>
            ))}
            {text.legalNotice.map((l, i) => (
              <Text key={i} size="sm" c="dimmed">
                {fillSample(l, version.sample)}
              </Text>
            ))}
            <Stack gap={0}>
              {text.closing.map((l, i) => (
                <Text key={i}>{fillSample(l, version.sample)}</Text>
              ))}
            </Stack>
          </Stack>
        </Card>
      </Grid.Col>
    </Grid>
  );
}
