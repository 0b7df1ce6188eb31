import { Anchor, Code, Group, Text, Timeline } from '@mantine/core';
import { documentUrl } from '../../api/communication-hooks';
import { useDebtorHistory } from '../../api/hooks';
import type { HistoryEntry } from '../../api/types';
import { QueryState } from '../../components/ui';
import { useI18n, type I18n } from '../../i18n';
import { CommunicationStatusBadge } from '../communications/labels';
import { describeChange } from './history-format';

/** "claim.created" → "Pratica · Creato" in the UI language, the raw action when unknown. */
function actionLabel(i18n: Pick<I18n, 't' | 'te' | 'has'>, e: HistoryEntry): string {
  if (e.type === 'note') return i18n.t('history.note');
  if (e.type === 'communication' && e.communication) {
    return `${i18n.t('entity.communication')} · ${i18n.te('dunningChannel', e.communication.channel)}`;
  }
  const [entity, verb] = e.action.split('.');
  const entityKey = `entity.${entity ?? e.entityType}`;
  const verbKey = `audit.${verb ?? ''}`;
  const entityLabel = i18n.has(entityKey) ? i18n.t(entityKey) : (entity ?? e.entityType);
  const verbLabel = i18n.has(verbKey) ? i18n.t(verbKey) : (verb ?? e.action);
  return `${entityLabel} · ${verbLabel}`;
}

export function HistoryPanel({ debtorId }: { debtorId: string }) {
  const i18n = useI18n();
  const { t, dateTime } = i18n;
  const history = useDebtorHistory(debtorId);
  return (
    <QueryState query={history}>
      {(page) =>
        page.items.length === 0 ? (
          <Text c="dimmed">{t('history.none')}</Text>
        ) : (
          <Timeline bulletSize={14} lineWidth={2} data-testid="history">
            {page.items.map((e) => {
              const lines = e.type === 'audit' ? describeChange(i18n, e.entityType, e.before, e.after) : [];
              return (
                <Timeline.Item key={e.id} title={actionLabel(i18n, e)} color={e.type === 'note' ? 'yellow' : e.type === 'communication' ? 'grape' : 'blue'}>
                  <Text size="xs" c="dimmed">
                    {dateTime(e.at)} · {t('history.by', { actor: e.actor })}
                  </Text>
                  {e.body && (
                    <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                      {e.body}
                    </Text>
                  )}
                  {e.communication && <CommunicationLine c={e.communication} />}
                  {lines.length > 0 && e.before ? (
                    <Code block mt={4} fz="xs" style={{ whiteSpace: 'pre-wrap' }}>
                      {lines.join('\n')}
                    </Code>
                  ) : (
                    lines.map((l) => (
                      <Text key={l} size="sm" mt={2}>
                        {l}
                      </Text>
                    ))
                  )}
                </Timeline.Item>
              );
            })}
          </Timeline>
        )
      }
    </QueryState>
  );
}

/** A communication in the history: its status, amount, step, and its stored document. */
function CommunicationLine({ c }: { c: NonNullable<HistoryEntry['communication']> }) {
  const { t, te, money } = useI18n();
  return (
    <Group gap="xs" mt={4} data-testid="history-communication">
      <CommunicationStatusBadge status={c.status} />
      <Text size="sm">
        {c.recipient} · {money(c.amount, c.currency)} · {t('communication.stepValue', { tier: te('stage', c.tier), no: c.stepNo })}
      </Text>
      {c.documentType && (
        <Anchor href={documentUrl(c.id)} download size="sm">
          {t(`communication.download.${c.documentType}`)}
        </Anchor>
      )}
    </Group>
  );
}
