import { Badge, Button, Center, EmptyState, Group, Loader, Stack, Switch, Table, Text } from '@mantine/core';
import { IconCheck, IconInbox, IconRotate } from '@tabler/icons-react';
import { useState } from 'react';
import type { ApiError } from '../../../src-main/contract/errors';
import type { InboundRow } from '../../../src-main/contract/messages-schemas';
import { useApi, useApiEvent } from '../../api/api-context';
import { toApiError, useApiQuery } from '../../api/use-api-query';
import { useI18n } from '../../i18n/i18n-context';
import { ApiErrorAlert } from '../../shell/ApiErrorAlert';
import { statusColors } from '../calendar/status-colors';
import { SimulatedReply } from './SimulatedReply';
import { useNow } from './use-now';
import { useOfficeWhen } from './use-office-when';
import { useThrottledReload } from './use-throttled-reload';

const INBOX_PAGE_SIZE = 100;

const MEANING_COLORS: Record<InboundRow['interpretation'], string> = { confirm: 'green', cancel: 'orange', opt_out: 'gray', other: 'blue' };

interface InboxTabProps {
  unhandledOnly: boolean;
  onUnhandledOnlyChange: (value: boolean) => void;
}

/** The replies: what Promemoria made of each, the appointment it concerns, and "handled" to clear it. */
export function InboxTab({ unhandledOnly, onUnhandledOnlyChange }: InboxTabProps) {
  const { t } = useI18n();
  const api = useApi();
  const when = useOfficeWhen();
  const now = useNow();
  const { data, error, loading, reload } = useApiQuery('inbox.list', { unhandledOnly, limit: INBOX_PAGE_SIZE });
  const throttledReload = useThrottledReload(reload);
  useApiEvent('inbox.changed', throttledReload);
  const [busyId, setBusyId] = useState<number>();
  const [actionError, setActionError] = useState<ApiError>();

  const mark = async (row: InboundRow, handled: boolean) => {
    setBusyId(row.id);
    setActionError(undefined);
    try {
      await api['inbox.markHandled']({ id: row.id, handled });
      reload();
    } catch (reason) {
      setActionError(toApiError(reason));
    } finally {
      setBusyId(undefined);
    }
  };

  const items = data?.items ?? [];
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Switch
          label={t('messages.inbox.unhandledOnly')}
          checked={unhandledOnly}
          onChange={(event) => {
            onUnhandledOnlyChange(event.currentTarget.checked);
          }}
        />
        <Group gap="sm">
          {data && data.total > items.length && (
            <Text size="sm" c="dimmed" className="tabular">
              {t('messages.range', { from: 1, to: items.length, total: data.total.toLocaleString() })}
            </Text>
          )}
          <SimulatedReply />
        </Group>
      </Group>
      {error && <ApiErrorAlert error={error} onRetry={reload} />}
      {actionError && <ApiErrorAlert error={actionError} />}
      {!data && loading && (
        <Center py="xl">
          <Loader size="sm" />
        </Center>
      )}
      {data && items.length === 0 && (
        <EmptyState
          py="xl"
          withIndicatorBackground
          icon={<IconInbox size={28} stroke={1.5} />}
          title={unhandledOnly ? t('messages.inbox.empty.title') : t('messages.inbox.emptyAll.title')}
          data-testid="inbox-empty"
        >
          <EmptyState.Description maw={560}>{t('messages.inbox.empty.body')}</EmptyState.Description>
        </EmptyState>
      )}
      {items.length > 0 && (
        <Table layout="fixed" striped data-testid="inbox-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={150}>{t('messages.inbox.column.received')}</Table.Th>
              <Table.Th w="18%">{t('messages.inbox.column.from')}</Table.Th>
              <Table.Th>{t('messages.inbox.column.text')}</Table.Th>
              <Table.Th w={170}>{t('messages.inbox.column.meaning')}</Table.Th>
              <Table.Th w={240}>{t('messages.inbox.column.appointment')}</Table.Th>
              <Table.Th w={170} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((row) => (
              <Table.Tr key={row.id} data-inbound-id={row.id}>
                <Table.Td className="tabular">{when.short(row.receivedAt, now)}</Table.Td>
                <Table.Td className="truncate" title={row.clientName ?? row.fromPhoneDisplay}>
                  {row.clientName ?? <span className="tabular">{row.fromPhoneDisplay}</span>}
                  {row.clientName && (
                    <Text size="xs" c="dimmed" className="tabular">
                      {row.fromPhoneDisplay}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{row.body}</Table.Td>
                <Table.Td>
                  <Badge size="sm" radius="sm" variant="light" color={MEANING_COLORS[row.interpretation]}>
                    {t(`messages.inbox.meaning.${row.interpretation}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {row.appointmentStart !== null ? (
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" className="tabular">
                        {when.short(row.appointmentStart, now)}
                      </Text>
                      {row.appointmentStatus && (
                        <Badge size="sm" radius="sm" variant="light" color={statusColors[row.appointmentStatus]}>
                          {t(`status.${row.appointmentStatus}`)}
                        </Badge>
                      )}
                    </Group>
                  ) : (
                    <Text span c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {row.handledAt === null ? (
                    <Button variant="default" leftSection={<IconCheck size={14} />} loading={busyId === row.id} onClick={() => void mark(row, true)}>
                      {t('messages.inbox.markHandled')}
                    </Button>
                  ) : (
                    <Stack gap={2} align="flex-end">
                      <Text size="xs" c="dimmed">
                        {t('messages.inbox.handledAt', { when: when.short(row.handledAt, now) })}
                      </Text>
                      <Button size="compact-xs" variant="subtle" leftSection={<IconRotate size={12} />} loading={busyId === row.id} onClick={() => void mark(row, false)}>
                        {t('messages.inbox.markUnhandled')}
                      </Button>
                    </Stack>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
