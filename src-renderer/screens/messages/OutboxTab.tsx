import { Button, Center, EmptyState, Group, Loader, SegmentedControl, Text } from '@mantine/core';
import { IconBell, IconChevronLeft, IconChevronRight, IconFilterOff, IconMessage } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useApiEvent } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { useI18n } from '../../i18n/i18n-context';
import { ApiErrorAlert } from '../../shell/ApiErrorAlert';
import { sectionHref } from '../../shell/hash-route';
import { useOffice } from '../../shell/office-context';
import { parseCivilKey } from '../calendar/civil-date';
import { useOfficeToday } from '../calendar/use-office-today';
import { ClientFilter, type PickedClient } from './ClientFilter';
import { MessageDrawer } from './MessageDrawer';
import { periodRange, type Period } from './office-day-range';
import { PeriodFilter } from './PeriodFilter';
import { OutboxTable } from './OutboxTable';
import { stateFilters, statesOf, type StateFilter } from './state-filter';

/** The outbox looks both ways: what went, and what is due. */
const outboxPeriods = ['all', 'today', 'tomorrow', 'yesterday', 'next7', 'last7', 'custom'] as const satisfies readonly Period[];
type OutboxPeriod = (typeof outboxPeriods)[number];
import { useThrottledReload } from './use-throttled-reload';

export const OUTBOX_PAGE_SIZE = 50;

/** What the outbox shows; kept by the screen so it survives a visit to the Replies tab. */
export interface OutboxFilters {
  state: StateFilter;
  period: OutboxPeriod;
  /** The days of a custom period, "YYYY-MM-DD" in the office's calendar. */
  first: string;
  last: string;
  client: PickedClient | null;
  offset: number;
}

export const initialOutboxFilters: OutboxFilters = { state: 'all', period: 'all', first: '', last: '', client: null, offset: 0 };

interface OutboxTabProps {
  filters: OutboxFilters;
  onChange: (filters: OutboxFilters) => void;
}

/** The outbox and history with its filters and pages; follows `messages.changed` live. */
export function OutboxTab({ filters, onChange }: OutboxTabProps) {
  const { t } = useI18n();
  const { timeZone } = useOffice().settings;
  const today = useOfficeToday(timeZone);
  const [openId, setOpenId] = useState<number>();

  const range = useMemo(() => {
    const first = parseCivilKey(filters.first);
    const last = parseCivilKey(filters.last);
    return periodRange(filters.period, today, timeZone, first && last ? { first, last } : undefined);
  }, [filters.period, filters.first, filters.last, today, timeZone]);

  const { data, error, loading, reload } = useApiQuery('messages.list', {
    states: statesOf(filters.state),
    clientId: filters.client?.id,
    from: range.from,
    to: range.to,
    offset: filters.offset,
    limit: OUTBOX_PAGE_SIZE,
  });
  const throttledReload = useThrottledReload(reload);
  useApiEvent('messages.changed', throttledReload);

  const change = (changes: Partial<OutboxFilters>) => {
    onChange({ ...filters, offset: 0, ...changes });
  };

  const total = data?.total ?? 0;
  const shown = data?.items.length ?? 0;
  const filtered = filters.state !== 'all' || filters.period !== 'all' || filters.client !== null;

  return (
    <>
      <Group gap="sm" mb="sm" align="flex-end" wrap="wrap">
        <div>
          <Text size="sm" fw={500} mb={2} id="outbox-state-label">
            {t('messages.filter.state')}
          </Text>
          <SegmentedControl
            aria-labelledby="outbox-state-label"
            data-testid="outbox-state-filter"
            data={stateFilters.map((value) => ({ value, label: t(`messages.filter.state.${value}`) }))}
            value={filters.state}
            onChange={(next) => {
              const state = stateFilters.find((candidate) => candidate === next);
              if (state) change({ state });
            }}
          />
        </div>
        <PeriodFilter
          periods={outboxPeriods}
          value={filters}
          onChange={change}
          today={today}
          texts={{
            label: t('messages.filter.period'),
            option: (period) => t(`messages.filter.period.${period}`),
            from: t('messages.filter.from'),
            to: t('messages.filter.to'),
            datePlaceholder: t('messages.filter.datePlaceholder'),
            datePicker: t('messages.filter.datePicker'),
          }}
        />
        <ClientFilter
          w={230}
          value={filters.client}
          onChange={(client) => {
            change({ client });
          }}
        />
        {total > 0 && (
          <Group gap="xs" ml="auto" wrap="nowrap">
            <Text size="sm" c="dimmed" className="tabular" data-testid="outbox-range">
              {t('messages.range', { from: filters.offset + 1, to: filters.offset + shown, total: total.toLocaleString() })}
            </Text>
            <Button.Group>
              <Button
                variant="default"
                leftSection={<IconChevronLeft size={14} />}
                disabled={filters.offset === 0}
                onClick={() => {
                  onChange({ ...filters, offset: Math.max(0, filters.offset - OUTBOX_PAGE_SIZE) });
                }}
              >
                {t('messages.previousPage')}
              </Button>
              <Button
                variant="default"
                rightSection={<IconChevronRight size={14} />}
                disabled={filters.offset + shown >= total}
                onClick={() => {
                  onChange({ ...filters, offset: filters.offset + OUTBOX_PAGE_SIZE });
                }}
              >
                {t('messages.nextPage')}
              </Button>
            </Button.Group>
          </Group>
        )}
      </Group>

      {error && <ApiErrorAlert error={error} onRetry={reload} />}
      {!data && loading && (
        <Center py="xl">
          <Loader size="sm" />
        </Center>
      )}
      {data && total === 0 && !filtered && (
        <EmptyState py="xl" withIndicatorBackground icon={<IconMessage size={28} stroke={1.5} />} title={t('messages.empty.title')} data-testid="outbox-empty">
          <EmptyState.Description maw={520}>{t('messages.empty.body')}</EmptyState.Description>
          <EmptyState.Actions>
            <Button component="a" href={sectionHref('reminders')} variant="default" leftSection={<IconBell size={14} />}>
              {t('messages.empty.openReminders')}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      )}
      {data && total === 0 && filtered && (
        <EmptyState py="xl" withIndicatorBackground icon={<IconFilterOff size={28} stroke={1.5} />} title={t('messages.noMatch.title')}>
          <EmptyState.Description maw={520}>{t('messages.noMatch.body')}</EmptyState.Description>
        </EmptyState>
      )}
      {data && total > 0 && (
        <div style={{ opacity: loading ? 0.85 : 1 }}>
          <OutboxTable
            messages={data.items}
            onOpen={(message) => {
              setOpenId(message.id);
            }}
          />
        </div>
      )}
      <MessageDrawer id={openId} onClose={() => setOpenId(undefined)} />
    </>
  );
}
