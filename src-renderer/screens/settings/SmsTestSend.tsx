import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import type { ApiError } from '../../../src-main/contract/errors';
import { useApi } from '../../api/api-context';
import { toApiError } from '../../api/use-api-query';
import { useI18n } from '../../i18n/i18n-context';
import { ApiErrorAlert } from '../../shell/ApiErrorAlert';

/** Sends one SMS through the channel as it is now, to check it end to end. */
export function SmsTestSend() {
  const { t } = useI18n();
  const api = useApi();
  const [to, setTo] = useState('');
  const [text, setText] = useState(() => t('smsChannel.test.defaultText'));
  const [sending, setSending] = useState(false);
  const [result, setResult] = useState<{ references: string[] } | ApiError>();

  const send = async () => {
    setSending(true);
    setResult(undefined);
    try {
      setResult(await api['sms.test.send']({ to: to.replace(/[\s-]/g, ''), text }));
    } catch (reason) {
      setResult(toApiError(reason));
    } finally {
      setSending(false);
    }
  };

  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        {t('smsChannel.test.title')}
      </Text>
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <TextInput
          label={t('smsChannel.test.to')}
          placeholder="+39 333 123 4567"
          inputMode="tel"
          value={to}
          onChange={(event) => setTo(event.currentTarget.value)}
          error={result && 'code' in result && result.field === 'to' ? result.message.replace('to: ', '') : undefined}
          style={{ flex: '0 0 12rem' }}
        />
        <TextInput
          label={t('smsChannel.test.text')}
          value={text}
          maxLength={640}
          onChange={(event) => setText(event.currentTarget.value)}
          style={{ flex: 1 }}
        />
        <Button leftSection={<IconSend size={16} />} loading={sending} disabled={to.trim() === '' || text.trim() === ''} onClick={() => void send()}>
          {t('smsChannel.test.send')}
        </Button>
      </Group>
      {result && 'references' in result && (
        <Text size="sm" c="green" role="status">
          <IconCheck size={14} /> {t('smsChannel.test.sent', { references: result.references.join(', ') })}
        </Text>
      )}
      {result && 'code' in result && result.field !== 'to' && <ApiErrorAlert error={result} />}
    </Stack>
  );
}
