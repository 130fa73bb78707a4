import { Alert, Badge, Button, Center, Drawer, Group, Loader, Paper, Stack, Text, Timeline } from '@mantine/core';
import { messageReasonLabel } from './message-reason-label';
import { IconAlertTriangle, IconBan, IconRefresh, IconSend } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { ApiError } from '../../../src-main/contract/errors';
import type { MessageEvent, MessageRow } from '../../../src-main/contract/messages-schemas';
import type { MethodOutput } from '../../../src-main/contract/methods';
import { useApi, useApiEvent } from '../../api/api-context';
import { toApiError, useApiQuery } from '../../api/use-api-query';
import { useI18n } from '../../i18n/i18n-context';
import { ApiErrorAlert } from '../../shell/ApiErrorAlert';
import { MessageStateBadge } from './MessageStateBadge';
import { messageActions, stateColors } from './state-filter';
import { useNow } from './use-now';
import { useOfficeWhen } from './use-office-when';
import { useThrottledReload } from './use-throttled-reload';

const MINUTE_MS = 60_000;

interface MessageDrawerProps {
  /** The message to show; undefined keeps the drawer closed. */
  id: number | undefined;
  onClose: () => void;
}

/** One message: its text, what it costs, every state it went through, and what can be done with it now. */
export function MessageDrawer({ id, onClose }: MessageDrawerProps) {
  return id === undefined ? null : <MessageDetail key={id} id={id} onClose={onClose} />;
}

function MessageDetail({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useI18n();
  const { data, error, reload } = useApiQuery('messages.timeline', { id });
  const throttledReload = useThrottledReload(reload);
  useApiEvent('messages.changed', ({ ids }) => {
    if (ids.includes(id)) throttledReload();
  });

  const title = data ? t('messages.drawer.title', { name: data.message.clientName ?? data.message.toPhoneDisplay }) : t('messages.drawer.timeline');
  return (
    <Drawer opened onClose={onClose} position="right" size="lg" title={title} styles={{ title: { fontWeight: 600, fontSize: 'var(--mantine-font-size-lg)' } }}>
      {data ? (
        <MessageBody key={data.message.id} data={data} reload={reload} />
      ) : error ? (
        <ApiErrorAlert error={error} onRetry={reload} />
      ) : (
        <Center py="lg">
          <Loader size="sm" />
        </Center>
      )}
    </Drawer>
  );
}

function MessageBody({ data, reload }: { data: MethodOutput<'messages.timeline'>; reload: () => void }) {
  const { t, tn } = useI18n();
  const api = useApi();
  const when = useOfficeWhen();
  const [busy, setBusy] = useState<'sendNow' | 'cancel' | 'retry'>();
  const [actionError, setActionError] = useState<ApiError>();
  const { id } = data.message;

  const { message, events } = data;
  const act = async (action: 'sendNow' | 'cancel' | 'retry') => {
    setBusy(action);
    setActionError(undefined);
    try {
      await api[`messages.${action}`]({ id });
      reload();
    } catch (reason) {
      setActionError(toApiError(reason));
    } finally {
      setBusy(undefined);
    }
  };

  const actions = messageActions(message.state);
  const characters = [...message.body].length;

  return (
    <Stack gap="md" data-testid="message-detail" data-state={message.state}>
      <Group gap="xs">
        <MessageStateBadge state={message.state} />
        <Text size="sm" c="dimmed">
          {t(`messages.kind.${message.kind}`)}
        </Text>
      </Group>

      {message.outcomeUncertain && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title={t('messages.drawer.uncertain.title')} data-testid="message-uncertain">
          {t('messages.drawer.uncertain.body')}
        </Alert>
      )}

      {actions.length > 0 && (
        <Group gap="xs">
          {actions.includes('sendNow') && (
            <Button leftSection={<IconSend size={14} />} loading={busy === 'sendNow'} disabled={busy !== undefined} title={t('messages.action.sendNow.hint')} onClick={() => void act('sendNow')}>
              {t('messages.action.sendNow')}
            </Button>
          )}
          {actions.includes('cancel') && (
            <Button variant="default" color="red" leftSection={<IconBan size={14} />} loading={busy === 'cancel'} disabled={busy !== undefined} onClick={() => void act('cancel')}>
              {t('messages.action.cancel')}
            </Button>
          )}
          {actions.includes('retry') && (
            <Button leftSection={<IconRefresh size={14} />} loading={busy === 'retry'} disabled={busy !== undefined} onClick={() => void act('retry')}>
              {t('messages.action.retry')}
            </Button>
          )}
        </Group>
      )}
      {actionError && <ApiErrorAlert error={actionError} />}

      <Stack gap={6}>
        <Paper radius="lg" px="sm" py={8} bg="var(--mantine-color-gray-1)" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', borderEndStartRadius: 4 }} data-testid="message-body">
          <Text size="sm">{message.body}</Text>
        </Paper>
        <Group gap={6}>
          <Text size="xs" c="dimmed" className="tabular">
            {tn('reminders.preview.characters', characters)} · {tn('reminders.preview.segments', message.segments)} ·
          </Text>
          <Badge size="sm" radius="sm" variant="light" color={message.encoding === 'ucs2' ? 'yellow' : 'gray'}>
            {t(`reminders.preview.encoding.${message.encoding}`)}
          </Badge>
        </Group>
      </Stack>

      <Facts message={message} />

      <div>
        <Text size="sm" fw={600} mb="xs">
          {t('messages.drawer.timeline')}
        </Text>
        {events.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('messages.drawer.noEvents')}
          </Text>
        ) : (
          <Timeline active={events.length - 1} bulletSize={14} lineWidth={2} data-testid="message-timeline">
            {events.map((event, index) => (
              <Timeline.Item key={`${String(event.at)}-${String(index)}`} color={stateColors[event.toState]} title={<EventTitle event={event} />}>
                <Text size="xs" c="dimmed" className="tabular">
                  {when.full(event.at)}
                </Text>
                {event.detail && (
                  <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                    {messageReasonLabel(t, event.detail)}
                  </Text>
                )}
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </div>
    </Stack>
  );
}

function EventTitle({ event }: { event: MessageEvent }) {
  const { t } = useI18n();
  const to = t(`messages.state.${event.toState}`);
  return (
    <Text size="sm" fw={500}>
      {event.fromState === null ? t('messages.drawer.planned', { to }) : t('messages.drawer.transition', { from: t(`messages.state.${event.fromState}`), to })}
    </Text>
  );
}

function Facts({ message }: { message: MessageRow }) {
  const { t } = useI18n();
  const when = useOfficeWhen();
  const now = useNow();
  const rows: [string, ReactNode][] = [
    [t('messages.drawer.to'), <span className="tabular">{message.toPhoneDisplay}</span>],
  ];
  if (message.ruleName) rows.push([t('messages.drawer.rule'), message.ruleName]);
  if (message.appointmentStart !== null) rows.push([t('messages.drawer.appointment'), when.long(message.appointmentStart)]);
  rows.push([t('messages.drawer.due'), when.short(message.dueAt, now)]);
  // A retry waiting out its backoff: when it goes next.
  if (message.state === 'queued' && message.nextAttemptAt - message.dueAt >= MINUTE_MS) rows.push([t('messages.drawer.nextAttempt'), when.short(message.nextAttemptAt, now)]);
  rows.push([t('messages.drawer.attempts'), String(message.attempts)]);
  if (message.submittedAt !== null) rows.push([t('messages.drawer.submittedAt'), when.short(message.submittedAt, now)]);
  if (message.deliveredAt !== null) rows.push([t('messages.drawer.deliveredAt'), when.short(message.deliveredAt, now)]);
  if (message.error) rows.push([t('messages.drawer.problem'), <Text span size="sm" c={message.state === 'failed' ? 'red' : undefined}>{messageReasonLabel(t, message.error)}</Text>]);
  return (
    <Stack gap={4} data-testid="message-facts">
      {rows.map(([label, value]) => (
        <Group key={label} gap="sm" wrap="nowrap" align="flex-start">
          <Text size="sm" c="dimmed" w={140} style={{ flexShrink: 0 }}>
            {label}
          </Text>
          <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
            {value}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
