import { Alert, Anchor, Badge, Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { DataTable } from 'mantine-datatable';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { usePhoneTasks, useRecordPhoneContact, type PhoneDay, type PhoneOutcome, type PhoneTask } from '../api/communication-hooks';
import { useCan } from '../auth/session';
import { notifySaved } from '../components/forms';
import { ErrorAlert, Money, PageHeader, QueryState } from '../components/ui';
import { useI18n, type I18n } from '../i18n';
import { callPermission, romeMoment, type Moment } from './phone/callWindow';
import { usePagerText } from '../components/pager';
import { CallScript } from './claim/CallScript';
import { RavvedimentoSummary } from './claim/PositionPanels';

const OUTCOMES: PhoneOutcome[] = ['conversation', 'no_answer', 'wrong_number', 'refused', 'asked_in_writing'];

/** Europe/Rome wall clock of this browser, read again every 15 seconds. */
function useRomeNow(): Moment {
  const [now, setNow] = useState(() => romeMoment(new Date()));
  useEffect(() => {
    const timer = setInterval(() => setNow(romeMoment(new Date())), 15_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

const windowsText = (d: PhoneDay) => d.windows.map((w) => `${w.from}–${w.to}`).join(', ');

/**
 * The open phone tasks. A call may be recorded only when the contact rules allow one now — the
 * tenant's calling windows (never on Sundays or holidays) and the debtor's daily and weekly limits —
 * decided here with this browser's clock in Europe/Rome; otherwise the next permitted moment is shown.
 * The server checks again when the call is recorded.
 */
export default function PhoneTasksPage() {
  const { t } = useI18n();
  const query = usePhoneTasks();
  return (
    <>
      <PageHeader title={t('phone.title')} subtitle={t('phone.subtitle')} />
      <QueryState query={query}>{(data) => <Tasks days={data.days} tasks={data.tasks} total={data.total} />}</QueryState>
    </>
  );
}

function Tasks({ days, tasks, total }: { days: PhoneDay[]; tasks: PhoneTask[]; total: number }) {
  const i18n = useI18n();
  const pager = usePagerText();
  const { t, date } = i18n;
  const canCall = useCan('communication');
  const now = useRomeNow();
  const [calling, setCalling] = useState<PhoneTask | null>(null);
  const today = days.find((d) => d.date === now.date);
  return (
    <Stack gap="md">
      <Alert color={today && today.windows.length ? 'blue' : 'gray'} data-testid="phone-today">
        <Text size="sm">
          {t('phone.now', { date: date(now.date), time: now.time })}{' '}
          {!today
            ? t('phone.todayUnknown')
            : today.windows.length
              ? t('phone.todayWindows', { windows: windowsText(today) })
              : today.holiday
                ? t('phone.todayHoliday', { name: today.holiday })
                : t('phone.todayClosed')}
        </Text>
      </Alert>
      <DataTable
        {...pager.empty}
        withTableBorder
        borderRadius="md"
        striped
        minHeight={160}
        data-testid="phone-tasks"
        records={tasks}
        noRecordsText={t('phone.none')}
        customRowAttributes={(task) => ({ 'data-testid': `phone-task-${task.id}` })}
        columns={[
          {
            accessor: 'debtorName',
            title: t('phone.debtor'),
            render: (task) => (
              <Anchor component={Link} to={`/debtors/${task.debtorId}?tab=communications`} size="sm">
                {task.debtorName}
              </Anchor>
            ),
          },
          { accessor: 'recipient', title: t('phone.number'), render: (task) => <Text size="sm" ff="monospace">{task.recipient}</Text> },
          { accessor: 'creditorName', title: t('phone.creditor') },
          {
            accessor: 'subject',
            title: t('phone.subject'),
            render: (task) => (
              <Stack gap={0}>
                <Text size="sm">{task.subject}</Text>
                <Text size="xs" c="dimmed">
                  {task.claims.map((c) => c.externalRef).join(', ')}
                </Text>
              </Stack>
            ),
          },
          { accessor: 'amount', title: t('phone.amount'), textAlign: 'right', render: (task) => <Money amount={task.amount} currency={task.currency} /> },
          {
            accessor: 'id',
            title: t('phone.call'),
            render: (task) => <CallCell task={task} days={days} now={now} canCall={canCall} onCall={() => setCalling(task)} i18n={i18n} />,
          },
        ]}
      />
      {total > tasks.length && (
        <Text size="sm" c="dimmed">
          {t('phone.more', { shown: tasks.length, total })}
        </Text>
      )}
      <RecordCallModal task={calling} onClose={() => setCalling(null)} />
    </Stack>
  );
}

function CallCell({ task, days, now, canCall, onCall, i18n }: { task: PhoneTask; days: PhoneDay[]; now: Moment; canCall: boolean; onCall: () => void; i18n: I18n }) {
  const { t, date } = i18n;
  const p = callPermission(now, days, task.blockedDays);
  if (p.permitted) {
    return canCall ? (
      <Button size="xs" onClick={onCall} data-testid="record-call">
        {t('phone.record')}
      </Button>
    ) : (
      <Badge color="green" variant="light">
        {t('phone.permittedNow')}
      </Badge>
    );
  }
  const today = days.find((d) => d.date === now.date);
  const limit = task.blockedDays.find((b) => b.date === now.date);
  const reason = !today
    ? t('phone.reason.unknown')
    : limit
      ? t(limit.code === 'weekly_limit' ? 'phone.reason.weekly' : limit.code === 'attempt_limit' ? 'phone.reason.attempts' : 'phone.reason.daily')
      : today.holiday
        ? t('phone.reason.holiday', { name: today.holiday })
        : today.windows.length === 0
          ? t('phone.reason.closed')
          : t('phone.reason.outside', { windows: windowsText(today) });
  // Beyond the days the server sent, its own answer (computed when the list was loaded) still holds.
  const next = p.nextSlot ?? (task.nextSlot && `${task.nextSlot.date} ${task.nextSlot.time}` > `${now.date} ${now.time}` ? task.nextSlot : null);
  return (
    <Stack gap={2}>
      <Text size="sm" data-testid="next-slot">
        {next ? t('phone.nextSlot', { date: date(next.date), time: next.time }) : t('phone.noSlot')}
      </Text>
      <Text size="xs" c="dimmed" data-testid="call-blocked-reason">
        {reason}
      </Text>
    </Stack>
  );
}

function RecordCallModal({ task, onClose }: { task: PhoneTask | null; onClose: () => void }) {
  const { t, te } = useI18n();
  const record = useRecordPhoneContact();
  const [outcome, setOutcome] = useState<PhoneOutcome>('conversation');
  const [note, setNote] = useState('');
  const close = () => {
    record.reset();
    setOutcome('conversation');
    setNote('');
    onClose();
  };
  return (
    <Modal opened={task !== null} onClose={close} title={t('phone.recordTitle', { name: task?.debtorName ?? '' })}>
      {task && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            record.mutate(
              { id: task.id, outcome, ...(note.trim() ? { note: note.trim() } : {}) },
              {
                onSuccess: (r) => {
                  notifySaved(r.outcome === 'wrong_number' ? t('phone.recordedWrongNumber') : r.task.status === 'task_done' ? t('phone.recordedDone') : t('phone.recorded'));
                  close();
                },
              },
            );
          }}
        >
          <Stack gap="sm">
            <Text size="sm">
              {task.recipient} · {task.subject}
            </Text>
            {task.claims[0] && <CallScript claimId={task.claims[0].claimId} externalRef={task.claims[0].externalRef} />}
            {task.claims.map((c) => (
              <RavvedimentoSummary key={c.claimId} claimId={c.claimId} externalRef={c.externalRef} currency={task.currency} />
            ))}
            {record.error && <ErrorAlert error={record.error} />}
            <Radio.Group label={t('phone.outcome')} value={outcome} onChange={(v) => setOutcome(v as PhoneOutcome)}>
              <Stack gap={6} mt={6}>
                {OUTCOMES.map((o) => (
                  <Radio key={o} value={o} label={te('phoneOutcome', o)} data-testid={`outcome-${o}`} />
                ))}
              </Stack>
            </Radio.Group>
            <Textarea label={t('phone.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={2000} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={record.isPending} data-testid="record-call-submit">
                {t('phone.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
