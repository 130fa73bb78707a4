import { Badge } from '@mantine/core';
import type { SmsChannelStatus } from '../../src-main/contract/schemas';
import { useI18n } from '../i18n/i18n-context';

/**
 * Always visible, because it answers the first question of a new user: do my
 * clicks send real SMS? The simulator says plainly that nothing leaves the PC.
 */
export function SmsChannelBadge({ channel }: { channel: SmsChannelStatus }) {
  const { t } = useI18n();
  if (!channel.sendsRealSms) {
    return (
      <Badge color="yellow" variant="filled" autoContrast title={channel.detail}>
        {t('header.sms.simulator')}
      </Badge>
    );
  }
  const name = t(`smsKind.${channel.kind}`);
  return (
    <Badge color={channel.healthy ? 'green' : 'red'} variant="light" title={channel.detail}>
      {channel.healthy ? t('header.sms.ready', { channel: name }) : t('header.sms.down', { channel: name })}
    </Badge>
  );
}
