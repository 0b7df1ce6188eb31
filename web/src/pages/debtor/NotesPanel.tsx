import { Anchor, Button, Card, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useAddNote, useNotes } from '../../api/hooks';
import { useCan } from '../../auth/session';
import { notifyError, notifySaved } from '../../components/forms';
import { QueryState } from '../../components/ui';
import { useI18n } from '../../i18n';

/** Notes of a debtor (all, or only those of one claim) and a box to add one. */
export function NotesPanel({ debtorId, claimId }: { debtorId: string; claimId?: string }) {
  const i18n = useI18n();
  const { t, dateTime } = i18n;
  const canWrite = useCan('note');
  const notes = useNotes(claimId ? { claimId, pageSize: 100 } : { debtorId, pageSize: 100, order: 'desc' });
  const add = useAddNote(debtorId);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);

  return (
    <Stack gap="md">
      {canWrite && (
        <Card withBorder padding="md" radius="md">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (!body.trim()) {
                setError(t('validation.required'));
                return;
              }
              add.mutate(
                { debtorId, ...(claimId ? { claimId } : {}), body: body.trim() },
                {
                  onSuccess: () => {
                    setBody('');
                    setError(null);
                    notifySaved(t('note.added'));
                  },
                  onError: (err) => notifyError(i18n, err),
                },
              );
            }}
          >
            <Stack gap="xs">
              <Textarea
                label={t('note.body')}
                autosize
                minRows={2}
                maxRows={10}
                value={body}
                error={error}
                onChange={(e) => {
                  setBody(e.currentTarget.value);
                  if (error) setError(null);
                }}
                data-testid="note-body"
              />
              <Group justify="flex-end">
                <Button type="submit" size="sm" loading={add.isPending} data-testid="add-note">
                  {t('note.add')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
      )}
      <QueryState query={notes}>
        {(page) =>
          page.items.length === 0 ? (
            <Text c="dimmed">{t('note.none')}</Text>
          ) : (
            <Stack gap="sm" data-testid="notes-list">
              {[...page.items]
                .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
                .map((n) => (
                  <Paper key={n.id} withBorder p="sm" radius="md">
                    <Group justify="space-between" mb={4} gap="xs">
                      <Text size="xs" c="dimmed">
                        {dateTime(n.createdAt)} · {n.authorName ?? '—'}
                      </Text>
                      {n.claimId && !claimId && (
                        <Anchor component={Link} to={`/claims/${n.claimId}`} size="xs">
                          {t('note.claim')}
                        </Anchor>
                      )}
                    </Group>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {n.body}
                    </Text>
                  </Paper>
                ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
