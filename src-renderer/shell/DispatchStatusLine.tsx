import { Anchor, Badge, Button, Group, Text, Tooltip } from '@mantine/core';
import { IconMoon, IconPlayerPause, IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import type { DispatchStatus } from '../../src-main/contract/messages-schemas';
import { useApi, useApiEvent } from '../api/api-context';
import { toApiError, useApiQuery } from '../api/use-api-query';
import { useI18n } from '../i18n/i18n-context';
import { useNow } from '../screens/messages/use-now';
import { useOfficeWhen } from '../screens/messages/use-office-when';
import { sectionHref } from './hash-route';
import { useOffice } from './office-context';
import { SmsChannelBadge } from './SmsChannelBadge';

const DAY_MS = 24 * 3600_000;

/**
 * Always in the header: is SMS going out, how much is waiting and when the next
 * one goes, quiet hours, and a pause switch for the whole queue. Loaded once, then
 * kept current by the core's `dispatch.status` events.
 */
export function DispatchStatusLine() {
  const { t, tn } = useI18n();
  const api = useApi();
  const when = useOfficeWhen();
  const now = useNow();
  const { appInfo } = useOffice();
  const query = useApiQuery('dispatch.status', {});
  // Newer than the first load: what an event pushed or a pause/resume returned.
  const [latest, setLatest] = useState<DispatchStatus>();
  useApiEvent('dispatch.status', setLatest);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();

  const status = latest ?? query.data;
  // The channel as the office context keeps it, live through `sms.status`: one source for every screen.
  const channel = appInfo.smsChannel;

  const toggle = async () => {
    if (!status) return;
    setBusy(true);
    setFailure(undefined);
    try {
      setLatest(await (status.paused ? api['dispatch.resume']({}) : api['dispatch.pause']({})));
    } catch (reason) {
      setFailure(toApiError(reason).message);
    } finally {
      setBusy(false);
    }
  };

  const next = (instant: number) => {
    const short = when.short(instant, now);
    return short === when.time(instant) ? t('dispatch.nextAt', { time: short }) : t('dispatch.nextOn', { when: short });
  };

  return (
    <Group gap="xs" wrap="nowrap" miw={0} data-testid="dispatch-status" data-paused={status?.paused ? 'true' : 'false'} aria-label={t('dispatch.label')} role="group">
      <SmsChannelBadge channel={channel} />
      {query.error && !status && (
        <Text size="xs" c="red" truncate="end" maw={260} title={query.error.message}>
          {t('dispatch.unavailable', { message: query.error.message })}
        </Text>
      )}
      {status && (
        <>
          {status.sendingElsewhere !== null && (
            <Tooltip label={t('dispatch.elsewhere.hint', { who: status.sendingElsewhere })} multiline w={280}>
              <Badge color="gray" variant="light" data-testid="dispatch-elsewhere">
                {t('dispatch.elsewhere')}
              </Badge>
            </Tooltip>
          )}
          {status.paused && (
            <Tooltip label={t('dispatch.paused.hint')} multiline w={260}>
              <Badge color="orange" variant="filled" data-testid="dispatch-paused">
                {t('dispatch.paused')}
              </Badge>
            </Tooltip>
          )}
          <Anchor href={sectionHref('messages')} size="xs" c="dimmed" underline="hover" className="tabular" title={t('dispatch.queued.hint')} data-testid="dispatch-queued" style={{ whiteSpace: 'nowrap' }}>
            {tn('dispatch.queued', status.queued)}
            {status.inFlight > 0 && ` · ${t('dispatch.inFlight', { count: status.inFlight })}`}
          </Anchor>
          {status.nextSendAt !== null && status.queued > 0 && !status.paused && (
            <Text size="xs" c="dimmed" className="tabular" data-testid="dispatch-next" style={{ whiteSpace: 'nowrap' }}>
              {next(status.nextSendAt)}
            </Text>
          )}
          {status.quietUntil !== null && (
            <Group gap={4} wrap="nowrap" data-testid="dispatch-quiet">
              <IconMoon size={14} color="var(--mantine-color-dimmed)" aria-hidden />
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {status.quietUntil - now < DAY_MS
                  ? t('dispatch.quiet', { time: when.time(status.quietUntil) })
                  : t('dispatch.quietOn', { when: when.short(status.quietUntil, now) })}
              </Text>
            </Group>
          )}
          <Tooltip label={status.paused ? t('dispatch.resume.hint') : t('dispatch.pause.hint')} openDelay={400} multiline w={260}>
            <Button
              size="compact-xs"
              variant={status.paused ? 'filled' : 'default'}
              color={status.paused ? 'green' : undefined}
              leftSection={status.paused ? <IconPlayerPlay size={12} /> : <IconPlayerPause size={12} />}
              loading={busy}
              data-testid="dispatch-pause"
              onClick={() => void toggle()}
            >
              {status.paused ? t('dispatch.resume') : t('dispatch.pause')}
            </Button>
          </Tooltip>
          {failure && (
            <Text size="xs" c="red" role="alert" truncate="end" maw={220} title={failure}>
              {failure}
            </Text>
          )}
        </>
      )}
    </Group>
  );
}
