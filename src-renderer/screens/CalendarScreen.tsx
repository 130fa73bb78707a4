import { Badge, Button, Center, Group, Loader, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useApiQuery } from '../api/use-api-query';
import { useI18n } from '../i18n/i18n-context';
import { ApiErrorAlert } from '../shell/ApiErrorAlert';
import { useOffice } from '../shell/office-context';
import { ScreenTitle } from '../shell/ScreenTitle';
import { CalendarEmptyState } from './calendar/CalendarEmptyState';
import { addDays, mondayOf } from './calendar/civil-date';
import { groupByOfficeDay } from './calendar/group-by-day';
import { officeMidnight } from './calendar/office-time';
import { useOfficeToday } from './calendar/use-office-today';
import { WeekAgendaTable } from './calendar/WeekAgendaTable';
import { formatWeekRange } from './calendar/week-label';

/** This week's appointments (Monday–Sunday in the office's zone), as an agenda grouped by day. */
export function CalendarScreen() {
  const { t, tn, locale } = useI18n();
  const { timeZone } = useOffice().settings;
  const today = useOfficeToday(timeZone);
  const [weekStart, setWeekStart] = useState(() => mondayOf(today));

  const range = { from: officeMidnight(weekStart, timeZone), to: officeMidnight(addDays(weekStart, 7), timeZone) };
  const { data, error, loading, reload } = useApiQuery('appointments.list', range);
  const days = useMemo(() => (data ? groupByOfficeDay(data.items, weekStart, timeZone) : []), [data, weekStart, timeZone]);

  const weekLabel = formatWeekRange(locale, weekStart, addDays(weekStart, 6));

  return (
    <>
      <ScreenTitle
        actions={
          <Group gap="xs">
            {data && data.items.length > 0 && <Badge variant="default">{tn('calendar.weekCount', data.items.length)}</Badge>}
            <Text size="sm" fw={500} miw={190} ta="center" data-testid="week-label">
              {weekLabel}
            </Text>
            <Button.Group>
              <Button
                variant="default"
                leftSection={<IconChevronLeft size={14} />}
                onClick={() => {
                  setWeekStart(addDays(weekStart, -7));
                }}
              >
                {t('calendar.previousWeek')}
              </Button>
              <Button
                variant="default"
                onClick={() => {
                  setWeekStart(mondayOf(today));
                }}
              >
                {t('calendar.today')}
              </Button>
              <Button
                variant="default"
                rightSection={<IconChevronRight size={14} />}
                onClick={() => {
                  setWeekStart(addDays(weekStart, 7));
                }}
              >
                {t('calendar.nextWeek')}
              </Button>
            </Button.Group>
          </Group>
        }
      >
        {t('calendar.title')}
      </ScreenTitle>

      {error && <ApiErrorAlert error={error} onRetry={reload} />}
      {!data && loading && (
        <Center py="xl">
          <Loader size="sm" />
        </Center>
      )}
      {data && data.items.length === 0 && <CalendarEmptyState />}
      {data && data.items.length > 0 && (
        // A previous week's rows stay visible, dimmed, until the new week arrives.
        <div style={{ opacity: loading ? 0.6 : 1 }}>
          <WeekAgendaTable days={days} today={today} />
        </div>
      )}
    </>
  );
}
