import { Code, Text, Timeline } from '@mantine/core';
import { useDebtorHistory } from '../../api/hooks';
import type { HistoryEntry } from '../../api/types';
import { QueryState } from '../../components/ui';
import { useI18n, type I18n } from '../../i18n';

/** "claim.created" → "Pratica · Creato" in the UI language, the raw action when unknown. */
function actionLabel(i18n: Pick<I18n, 't' | 'has'>, e: HistoryEntry): string {
  if (e.type === 'note') return i18n.t('history.note');
  const [entity, verb] = e.action.split('.');
  const entityKey = `entity.${entity ?? e.entityType}`;
  const verbKey = `audit.${verb ?? ''}`;
  const entityLabel = i18n.has(entityKey) ? i18n.t(entityKey) : (entity ?? e.entityType);
  const verbLabel = i18n.has(verbKey) ? i18n.t(verbKey) : (verb ?? e.action);
  return `${entityLabel} · ${verbLabel}`;
}

/** The fields changed by an audited update, as "field: before → after". */
function changes(e: HistoryEntry): string[] {
  const after = e.after && typeof e.after === 'object' ? (e.after as Record<string, unknown>) : null;
  if (!after) return [];
  const before = e.before && typeof e.before === 'object' ? (e.before as Record<string, unknown>) : {};
  const show = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  return Object.keys(after)
    .filter((k) => !['id', 'version', 'tenantId', 'tenant_id', 'createdAt', 'updatedAt', 'created_at', 'updated_at'].includes(k))
    .slice(0, 12)
    .map((k) => (e.before ? `${k}: ${show(before[k])} → ${show(after[k])}` : `${k}: ${show(after[k])}`));
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
              const lines = e.type === 'audit' ? changes(e) : [];
              return (
                <Timeline.Item key={e.id} title={actionLabel(i18n, e)} color={e.type === 'note' ? 'yellow' : 'blue'}>
                  <Text size="xs" c="dimmed">
                    {dateTime(e.at)} · {t('history.by', { actor: e.actor })}
                  </Text>
                  {e.body && (
                    <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                      {e.body}
                    </Text>
                  )}
                  {lines.length > 0 && (
                    <Code block mt={4} fz="xs" style={{ whiteSpace: 'pre-wrap' }}>
                      {lines.join('\n')}
                    </Code>
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
