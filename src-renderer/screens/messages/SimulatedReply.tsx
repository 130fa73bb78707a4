import { Button, Group, Popover, Stack, Text, TextInput } from '@mantine/core';
import { IconMessageReply } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../../src-main/contract/errors';
import { useApi } from '../../api/api-context';
import { toApiError } from '../../api/use-api-query';
import { useI18n } from '../../i18n/i18n-context';
import { useOffice } from '../../shell/office-context';

/**
 * On the simulator only: plays a reply "from a client's phone", so a new office can
 * try "Sì", "No" and "STOP" and see what Promemoria does, with no SMS network.
 */
export function SimulatedReply() {
  const { t } = useI18n();
  const api = useApi();
  const { appInfo } = useOffice();
  const [opened, setOpened] = useState(false);
  const [from, setFrom] = useState('');
  const [text, setText] = useState('Sì');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  if (appInfo.smsChannel.kind !== 'simulator') return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api['sms.simulator.reply']({ from: from.replace(/\s+/g, ''), text });
      setOpened(false);
    } catch (reason) {
      setError(toApiError(reason));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" withArrow trapFocus>
      <Popover.Target>
        <Button variant="default" size="xs" leftSection={<IconMessageReply size={14} />} onClick={() => setOpened((open) => !open)} data-testid="simulate-reply">
          {t('messages.inbox.simulate')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form onSubmit={(event) => void submit(event)}>
          <Stack gap="xs" w={280}>
            <Text size="xs" c="dimmed">
              {t('messages.inbox.simulate.hint')}
            </Text>
            <TextInput
              label={t('messages.inbox.simulate.from')}
              placeholder="+393331234567"
              value={from}
              onChange={(event) => setFrom(event.currentTarget.value)}
              error={error?.field === 'from' ? error.message : undefined}
              required
              data-autofocus
            />
            <TextInput
              label={t('messages.inbox.simulate.text')}
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              error={error && error.field !== 'from' ? error.message : undefined}
              required
            />
            <Group justify="flex-end">
              <Button type="submit" size="xs" loading={busy}>
                {t('messages.inbox.simulate.send')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
