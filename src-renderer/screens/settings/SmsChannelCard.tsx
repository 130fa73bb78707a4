import { Card, Divider, Loader, Stack, Text } from '@mantine/core';
import { useApiQuery } from '../../api/use-api-query';
import { useI18n } from '../../i18n/i18n-context';
import { ApiErrorAlert } from '../../shell/ApiErrorAlert';
import { SmsChannelForm } from './SmsChannelForm';
import { SmsChannelStatusLine } from './SmsChannelStatusLine';
import { SmsTestSend } from './SmsTestSend';

/** Settings → SMS channel: which channel, its setup, its live state, and a test send. */
export function SmsChannelCard() {
  const { t } = useI18n();
  const query = useApiQuery('sms.channel.get', {});
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Text fw={600}>{t('smsChannel.title')}</Text>
        <SmsChannelStatusLine />
        {query.error && <ApiErrorAlert error={query.error} onRetry={query.reload} />}
        {!query.data && !query.error && <Loader size="sm" />}
        {query.data && <SmsChannelForm settings={query.data} onSaved={query.reload} />}
        <Divider />
        <SmsTestSend />
      </Stack>
    </Card>
  );
}
