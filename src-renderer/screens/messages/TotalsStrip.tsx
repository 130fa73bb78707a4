import { Group, Paper, Text, UnstyledButton } from '@mantine/core';
import { useApiEvent } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import type { MessageKey } from '../../i18n/messages-en';
import { useI18n } from '../../i18n/i18n-context';
import type { StateFilter } from './state-filter';
import { useThrottledReload } from './use-throttled-reload';

interface TotalsStripProps {
  /** Shows today's messages in that state. */
  onPickState: (filter: StateFilter) => void;
  onPickReplies: () => void;
}

/** Today's messages by state, and the replies waiting; each figure opens the list behind it. */
export function TotalsStrip({ onPickState, onPickReplies }: TotalsStripProps) {
  const { t } = useI18n();
  const { data, reload } = useApiQuery('messages.totals', {});
  const throttledReload = useThrottledReload(reload);
  useApiEvent('messages.changed', throttledReload);
  useApiEvent('inbox.changed', throttledReload);

  const figures: { key: string; label: MessageKey; value: number | undefined; color?: string; onClick: () => void }[] = [
    { key: 'queued', label: 'messages.totals.queued', value: data && data.queued + data.sending, color: 'blue', onClick: () => onPickState('queued') },
    { key: 'submitted', label: 'messages.totals.submitted', value: data?.submitted, color: 'teal', onClick: () => onPickState('sent') },
    { key: 'delivered', label: 'messages.totals.delivered', value: data?.delivered, color: 'green', onClick: () => onPickState('delivered') },
    { key: 'failed', label: 'messages.totals.failed', value: data?.failed, color: data && data.failed > 0 ? 'red' : undefined, onClick: () => onPickState('failed') },
    { key: 'closed', label: 'messages.totals.closed', value: data && data.cancelled + data.expired, onClick: () => onPickState('closed') },
    {
      key: 'replies',
      label: 'messages.totals.replies',
      value: data?.repliesToHandle,
      color: data && data.repliesToHandle > 0 ? 'orange' : undefined,
      onClick: onPickReplies,
    },
  ];

  return (
    <Group gap="xs" mb="md" wrap="wrap" align="stretch" data-testid="messages-totals" role="group" aria-label={t('messages.totals.label')}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" style={{ alignSelf: 'center' }} miw={48}>
        {t('messages.totals.label')}
      </Text>
      {figures.map((figure) => (
        <UnstyledButton key={figure.key} onClick={figure.onClick} data-total={figure.key}>
          <Paper withBorder px="sm" py={6} miw={104}>
            <Text size="lg" fw={700} lh={1.2} className="tabular" c={figure.value ? figure.color : 'dimmed'}>
              {figure.value ?? '…'}
            </Text>
            <Text size="xs" c="dimmed">
              {t(figure.label)}
            </Text>
          </Paper>
        </UnstyledButton>
      ))}
    </Group>
  );
}
