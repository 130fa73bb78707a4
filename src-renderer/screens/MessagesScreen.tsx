import { Badge, Tabs, Text } from '@mantine/core';
import { IconInbox, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useApiEvent } from '../api/api-context';
import { useApiQuery } from '../api/use-api-query';
import { useI18n } from '../i18n/i18n-context';
import { ScreenTitle } from '../shell/ScreenTitle';
import { InboxTab } from './messages/InboxTab';
import { initialOutboxFilters, OutboxTab, type OutboxFilters } from './messages/OutboxTab';
import { TotalsStrip } from './messages/TotalsStrip';
import { useThrottledReload } from './messages/use-throttled-reload';

type MessagesTab = 'outbox' | 'inbox';

/**
 * Every SMS both ways: today's figures, the outbox and its history with each
 * message's timeline, and the replies to read. Tab and filters live here, so
 * switching tabs finds each as it was.
 */
export function MessagesScreen() {
  const { t } = useI18n();
  const [tab, setTab] = useState<MessagesTab>('outbox');
  const [filters, setFilters] = useState<OutboxFilters>(initialOutboxFilters);
  const [unhandledOnly, setUnhandledOnly] = useState(true);
  // The Replies tab shows how many wait, whichever tab is open.
  const unhandled = useApiQuery('inbox.list', { unhandledOnly: true, limit: 1 });
  const reloadUnhandled = useThrottledReload(unhandled.reload);
  useApiEvent('inbox.changed', reloadUnhandled);
  const waiting = unhandled.data?.total ?? 0;

  return (
    <>
      <ScreenTitle>{t('messages.title')}</ScreenTitle>
      <Text size="sm" c="dimmed" mb="sm">
        {t('messages.purpose')}
      </Text>
      <TotalsStrip
        onPickState={(state) => {
          setFilters({ ...initialOutboxFilters, state, period: 'today' });
          setTab('outbox');
        }}
        onPickReplies={() => {
          setUnhandledOnly(true);
          setTab('inbox');
        }}
      />
      <Tabs
        value={tab}
        onChange={(next) => {
          if (next === 'outbox' || next === 'inbox') setTab(next);
        }}
        keepMounted={false}
      >
        <Tabs.List mb="sm">
          <Tabs.Tab value="outbox" leftSection={<IconSend size={14} />}>
            {t('messages.tab.outbox')}
          </Tabs.Tab>
          <Tabs.Tab
            value="inbox"
            leftSection={<IconInbox size={14} />}
            rightSection={
              waiting > 0 ? (
                <Badge size="sm" circle={waiting < 10} color="orange" variant="filled" data-testid="inbox-waiting">
                  {waiting}
                </Badge>
              ) : undefined
            }
          >
            {t('messages.tab.inbox')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="outbox">
          <OutboxTab filters={filters} onChange={setFilters} />
        </Tabs.Panel>
        <Tabs.Panel value="inbox">
          <InboxTab unhandledOnly={unhandledOnly} onUnhandledOnlyChange={setUnhandledOnly} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
