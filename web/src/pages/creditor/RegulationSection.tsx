import { ActionIcon, Alert, Button, Card, Checkbox, Grid, Group, List, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { Creditor } from '../../api/types';
import type { RegulationValues } from './regulation';
import { enumOptions } from '../../components/forms';
import { useI18n } from '../../i18n';
import { NoticeCodesButton } from './NoticeCodesButton';

/*
 * A comune's regulation of its revenues (creditor.revenueRules) and its pagoPA set-up, edited inside the
 * creditor form. The law's parts (sanctions, c.803 charges) are shown with their source, not edited.
 */

const MONO = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };
const NOTICE_MODES = ['supplied', 'generated'] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the section reads and writes its own fields of the creditor form
type AnyForm = UseFormReturnType<any>;

export function RegulationSection({
  form,
  creditor,
  canWrite,
  onAdopt,
  adopting,
}: {
  form: AnyForm;
  creditor?: Creditor;
  canWrite: boolean;
  /** Gives a comune with no regulation of its own the law's defaults, to edit from there. */
  onAdopt: () => void;
  adopting: boolean;
}) {
  const { t, te, date, locale } = useI18n();
  const dec = (v: string) => (locale === 'en' ? v : v.replace('.', ','));
  const rules = creditor?.revenueRules ?? null;
  const order: string[] = (form.getValues() as RegulationValues).revenueRules.allocationOrder;
  const move = (i: number, by: -1 | 1) => {
    const next = [...order];
    const [item] = next.splice(i, 1);
    next.splice(i + by, 0, item!);
    form.setFieldValue('revenueRules.allocationOrder', next);
  };
  const col = { base: 12, sm: 6, md: 4 } as const;
  return (
    <>
      <Card withBorder padding="lg" radius="md" data-testid="regulation-section">
        <Title order={5}>{t('regulation.title')}</Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('regulation.subtitle')}
        </Text>
        <Grid gap="md">
          <Grid.Col span={col}>
            <TextInput
              label={t('regulation.cadastralCode')}
              description={t('regulation.cadastralCodeHint')}
              styles={MONO}
              maxLength={4}
              {...form.getInputProps('cadastralCode')}
              onChange={(e) => form.setFieldValue('cadastralCode', e.currentTarget.value.toUpperCase())}
              data-testid="cadastral-code"
            />
          </Grid.Col>
        </Grid>
        {!rules ? (
          <Alert color="gray" mt="md">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('regulation.defaults')}</Text>
              {creditor && canWrite && (
                <Button size="xs" variant="light" onClick={onAdopt} loading={adopting} data-testid="adopt-regulation">
                  {t('regulation.adopt')}
                </Button>
              )}
            </Stack>
          </Alert>
        ) : (
          <Stack gap="md" mt="md">
            <Grid gap="md">
              <Grid.Col span={col}>
                <TextInput
                  label={t('regulation.interestPoints')}
                  description={t('regulation.interestPointsHint')}
                  inputMode="decimal"
                  {...form.getInputProps('revenueRules.interestPoints')}
                  data-testid="interest-points"
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 8 }}>
                <Checkbox
                  mt="lg"
                  label={t('regulation.cdsSurcharge')}
                  description={t('regulation.cdsSurchargeHint')}
                  {...form.getInputProps('revenueRules.cdsSemesterSurcharge', { type: 'checkbox' })}
                  data-testid="cds-surcharge"
                />
              </Grid.Col>
            </Grid>
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('regulation.allocationOrder')}
              </Text>
              <Text size="xs" c="dimmed">
                {t('regulation.allocationOrderHint')}
              </Text>
              <Paper withBorder radius="sm" maw={520} data-testid="allocation-order">
                {order.map((part, i) => (
                  <Group key={part} justify="space-between" px="sm" py={4} style={{ borderTop: i ? '1px solid var(--mantine-color-gray-2)' : undefined }}>
                    <Text size="sm" data-testid="allocation-part">
                      {i + 1}. {te('part', part)}
                    </Text>
                    <Group gap={4}>
                      <ActionIcon
                        variant="subtle"
                        disabled={!canWrite || i === 0}
                        onClick={() => move(i, -1)}
                        aria-label={t('regulation.moveUp', { part: te('part', part) })}
                      >
                        ↑
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        disabled={!canWrite || i === order.length - 1}
                        onClick={() => move(i, 1)}
                        aria-label={t('regulation.moveDown', { part: te('part', part) })}
                      >
                        ↓
                      </ActionIcon>
                    </Group>
                  </Group>
                ))}
              </Paper>
              {form.errors['revenueRules.allocationOrder'] && (
                <Text size="xs" c="red">
                  {form.errors['revenueRules.allocationOrder']}
                </Text>
              )}
            </Stack>

            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('regulation.sanctions')}
              </Text>
              <Text size="xs" c="dimmed">
                {t('regulation.sanctionsHint')}
              </Text>
              <Table withTableBorder data-testid="sanction-regimes">
                <Table.Tbody>
                  {rules.sanctions.regimes.map((g) => (
                    <Table.Tr key={g.from}>
                      <Table.Td valign="top" w="35%">
                        <Text size="sm" fw={500}>
                          {g.to ? t('regulation.regimePeriod', { from: date(g.from), to: date(g.to) }) : t('regulation.regimeFrom', { from: date(g.from) })}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {te('basis', g.basis)}
                        </Text>
                      </Table.Td>
                      <Table.Td valign="top">
                        <Text size="sm">{t('regulation.regimeRate', { rate: dec(g.rate), half: g.halfWithinDays, daily: g.dailyWithinDays })}</Text>
                        <Text size="sm" mt={4}>
                          {t('regulation.ravvedimento')}:
                        </Text>
                        <List size="sm">
                          {g.ravvedimento.map((s) => (
                            <List.Item key={s.letter}>
                              {s.upTo === null
                                ? t('regulation.stepLater', { denominator: s.denominator, letter: s.letter })
                                : 'days' in s.upTo
                                  ? t('regulation.stepDays', { days: s.upTo.days, denominator: s.denominator, letter: s.letter })
                                  : s.upTo.years === 1
                                    ? t('regulation.stepOneYear', { denominator: s.denominator, letter: s.letter })
                                    : t('regulation.stepYears', { years: s.upTo.years, denominator: s.denominator, letter: s.letter })}
                            </List.Item>
                          ))}
                        </List>
                        <Text size="xs" c="dimmed" mt={4}>
                          {t('regulation.source')}: {g.source}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>

            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('regulation.charges')}
              </Text>
              <Text size="sm" data-testid="c803">
                {t('regulation.chargesText', {
                  early: dec(rules.collectionCharges.early.rate),
                  earlyCap: `${dec(rules.collectionCharges.early.cap)} €`,
                  days: rules.collectionCharges.withinDays,
                  late: dec(rules.collectionCharges.late.rate),
                  lateCap: `${dec(rules.collectionCharges.late.cap)} €`,
                })}
              </Text>
            </Stack>
          </Stack>
        )}
      </Card>

      <Card withBorder padding="lg" radius="md" data-testid="pagopa-section">
        <Title order={5} mb="sm">
          {t('pagopa.title')}
        </Title>
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Select
              label={t('pagopa.noticeMode')}
              placeholder={t('pagopa.notSet')}
              data={enumOptions(te, 'noticeMode', NOTICE_MODES)}
              clearable
              {...form.getInputProps('pagopa.noticeMode')}
              onChange={(v) => form.setFieldValue('pagopa.noticeMode', v ?? '')}
              data-testid="notice-mode"
            />
          </Grid.Col>
          <Grid.Col span={col}>
            <TextInput
              label={t('pagopa.segregationCode')}
              description={t('pagopa.segregationCodeHint')}
              styles={MONO}
              maxLength={2}
              {...form.getInputProps('pagopa.segregationCode')}
            />
          </Grid.Col>
          <Grid.Col span={col}>
            <TextInput label={t('pagopa.cbill')} styles={MONO} {...form.getInputProps('pagopa.cbill')} />
          </Grid.Col>
          <Grid.Col span={col}>
            <TextInput label={t('pagopa.postalAccount')} styles={MONO} inputMode="numeric" {...form.getInputProps('pagopa.postalAccount')} />
          </Grid.Col>
          <Grid.Col span={col}>
            <TextInput label={t('pagopa.postalHolder')} {...form.getInputProps('pagopa.postalHolder')} />
          </Grid.Col>
          <Grid.Col span={col}>
            <TextInput label={t('pagopa.postalAuthorization')} {...form.getInputProps('pagopa.postalAuthorization')} />
          </Grid.Col>
        </Grid>
        {/* Only once the generated mode is saved: the codes come from the comune's stored segregation code. */}
        {canWrite && creditor && creditor.pagopa?.noticeMode === 'generated' && <NoticeCodesButton creditorId={creditor.id} />}
      </Card>
    </>
  );
}
