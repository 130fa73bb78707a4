import { Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import { messageReasonLabel } from './message-reason-label';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { KeyboardEvent } from 'react';
import type { MessageRow } from '../../../src-main/contract/messages-schemas';
import { useI18n } from '../../i18n/i18n-context';
import { MessageStateBadge } from './MessageStateBadge';
import { useNow } from './use-now';
import { useOfficeWhen } from './use-office-when';

interface OutboxTableProps {
  messages: readonly MessageRow[];
  onOpen: (message: MessageRow) => void;
}

/** The outbox and its history, one row per SMS; Enter or a click opens its timeline, the arrows move between rows. */
export function OutboxTable({ messages, onOpen }: OutboxTableProps) {
  const { t } = useI18n();
  const when = useOfficeWhen();
  const now = useNow();

  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, message: MessageRow) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen(message);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = event.key === 'ArrowDown' ? event.currentTarget.nextElementSibling : event.currentTarget.previousElementSibling;
      (next as HTMLElement | null)?.focus();
    }
  };

  return (
    <Table stickyHeader stickyHeaderOffset={48} layout="fixed" highlightOnHover striped data-testid="outbox-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={130}>{t('messages.column.due')}</Table.Th>
          <Table.Th w="15%">{t('messages.column.client')}</Table.Th>
          <Table.Th w={130}>{t('messages.column.phone')}</Table.Th>
          <Table.Th>{t('messages.column.text')}</Table.Th>
          <Table.Th w={116}>{t('messages.column.state')}</Table.Th>
          <Table.Th w={76} ta="right">
            {t('messages.column.attempts')}
          </Table.Th>
          <Table.Th w="14%">{t('messages.column.problem')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {messages.map((message) => (
          <Table.Tr
            key={message.id}
            tabIndex={0}
            style={{ cursor: 'pointer' }}
            data-message-id={message.id}
            data-state={message.state}
            onClick={() => {
              onOpen(message);
            }}
            onKeyDown={(event) => {
              onKeyDown(event, message);
            }}
          >
            <Table.Td className="tabular">{when.short(message.dueAt, now)}</Table.Td>
            <Table.Td className="truncate" title={message.clientName ?? undefined}>
              {message.clientName ?? (
                <Text span c="dimmed">
                  {t('messages.noClient')}
                </Text>
              )}
            </Table.Td>
            <Table.Td className="tabular">{message.toPhoneDisplay}</Table.Td>
            <Table.Td className="truncate" title={message.body}>
              {message.body}
            </Table.Td>
            <Table.Td>
              <Group gap={4} wrap="nowrap">
                <MessageStateBadge state={message.state} />
                {message.outcomeUncertain && (
                  <Tooltip label={t('messages.uncertain.badge')}>
                    <Badge size="sm" radius="sm" color="orange" variant="light" px={4} aria-label={t('messages.uncertain.badge')}>
                      <IconAlertTriangle size={12} style={{ display: 'block' }} />
                    </Badge>
                  </Tooltip>
                )}
              </Group>
            </Table.Td>
            <Table.Td ta="right" className="tabular">
              {message.attempts}
            </Table.Td>
            <Table.Td className="truncate" title={message.error === null ? undefined : messageReasonLabel(t, message.error)}>
              <Text span size="sm" c={message.state === 'failed' ? 'red' : 'dimmed'}>
                {message.error === null ? '' : messageReasonLabel(t, message.error)}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
