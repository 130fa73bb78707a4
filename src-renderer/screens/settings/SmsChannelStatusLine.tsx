import { Badge, Group, Text } from '@mantine/core';
import { useI18n } from '../../i18n/i18n-context';
import { useOffice } from '../../shell/office-context';

const STATE_COLOURS = { up: 'green', connecting: 'blue', down: 'red', closed: 'gray' } as const;

/** The live state of the channel: connected or not, signal and operator, the last error. */
export function SmsChannelStatusLine() {
  const { t } = useI18n();
  const channel = useOffice().appInfo.smsChannel;
  return (
    <Group gap="xs" wrap="wrap" data-testid="sms-channel-status">
      <Text size="sm" c="dimmed">
        {t('smsChannel.status.label')}
      </Text>
      <Badge size="sm" radius="sm" variant="light" color={STATE_COLOURS[channel.state]}>
        {t(`smsChannel.status.${channel.state}`)}
      </Badge>
      {channel.signalBars !== undefined && <Text size="sm">{t('smsChannel.status.signal', { bars: channel.signalBars })}</Text>}
      {channel.operator && <Text size="sm">{channel.operator}</Text>}
      <Text size="sm" c="dimmed">
        {channel.detail}
        {channel.lastError && !channel.detail.includes(channel.lastError) ? ` — ${channel.lastError}` : ''}
      </Text>
    </Group>
  );
}
