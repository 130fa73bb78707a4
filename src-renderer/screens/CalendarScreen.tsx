import { Alert, Text } from '@mantine/core';
import { useCallback, useMemo, useState } from 'react';
import { useApiEvent } from '../api/api-context';
import { useApiQuery } from '../api/use-api-query';
import { useI18n } from '../i18n/i18n-context';
import { ApiErrorAlert } from '../shell/ApiErrorAlert';
import { useOffice } from '../shell/office-context';
import { ScreenTitle } from '../shell/ScreenTitle';
import { AppointmentDialog, type AppointmentDialogTarget } from './calendar/AppointmentDialog';
import { CalendarEmptyState } from './calendar/CalendarEmptyState';
import { CalendarGrid } from './calendar/CalendarGrid';
import { calendarViews, stepAnchor, visibleDays, type CalendarView } from './calendar/calendar-range';
import { CalendarToolbar } from './calendar/CalendarToolbar';
import { addDays, type CivilDate } from './calendar/civil-date';
import { ConflictDialog } from './calendar/ConflictDialog';
import { groupByOfficeDay } from './calendar/group-by-day';
import { officeInstant, officeMidnight, officeWallTime } from './calendar/office-time';
import { useAppointmentMoves } from './calendar/use-appointment-moves';
import { useCalendarShortcuts } from './calendar/use-calendar-shortcuts';
import { useCalendarLabel } from './calendar/use-calendar-label';
import { useOfficeToday } from './calendar/use-office-today';
import { useStoredChoice } from './calendar/use-stored-choice';
import { WeekAgendaTable } from './calendar/WeekAgendaTable';
import { onlyOne, type ColumnMode } from './calendar/calendar-events';

const COLUMN_MODES = ['rooms', 'staff'] as const satisfies readonly ColumnMode[];
/** A new appointment from the button is half an hour long. */
const DEFAULT_MINUTES = 30;

/**
 * The calendar: a day with one column per room or staff member, a week, a month, or
 * the week as an agenda list. All times are the office's, whatever zone this computer is in.
 */
export function CalendarScreen() {
  const { t } = useI18n();
  const { timeZone } = useOffice().settings;
  const today = useOfficeToday(timeZone);
  const [view, setView] = useStoredChoice<CalendarView>('promemoria.calendar.view', calendarViews, 'week');
  const [columns, setColumns] = useStoredChoice<ColumnMode>('promemoria.calendar.columns', COLUMN_MODES, 'rooms');
  const [anchor, setAnchor] = useState(today);
  // Kept while the dialog fades out, so its content does not vanish under the user's eyes.
  const [dialog, setDialog] = useState<{ target: AppointmentDialogTarget; open: boolean }>();
  const openDialog = useCallback((target: AppointmentDialogTarget) => setDialog({ target, open: true }), []);
  const moves = useAppointmentMoves();

  const days = visibleDays(view, anchor);
  const range = { from: officeMidnight(days.first, timeZone), to: officeMidnight(addDays(days.first, days.count), timeZone) };
  const appointments = useApiQuery('appointments.list', range);
  const staff = useApiQuery('staff.list', { includeInactive: false });
  const rooms = useApiQuery('rooms.list', { includeInactive: false });
  const reloadAppointments = appointments.reload;
  useApiEvent('appointments.changed', reloadAppointments);

  const items = appointments.data?.items;
  const agendaDays = useMemo(() => (view === 'agenda' && items ? groupByOfficeDay(items, days.first, timeZone) : []), [view, items, days.first, timeZone]);
  const label = useCalendarLabel(view, anchor);

  const onlyStaff = onlyOne(staff.data?.items);
  const onlyRoom = onlyOne(rooms.data?.items);
  const openNew = useCallback(() => {
    // The next full hour on the shown day if it is today, 09:00 on another day.
    const now = officeWallTime(Date.now(), timeZone);
    const isToday = anchor.year === today.year && anchor.month === today.month && anchor.day === today.day;
    const minute = isToday ? Math.min(23 * 60, (Math.floor(now.minuteOfDay / 60) + 1) * 60) : 9 * 60;
    const start = officeInstant(anchor, minute, timeZone);
    openDialog({ kind: 'new', start, end: start + DEFAULT_MINUTES * 60_000, staffId: onlyStaff, roomId: onlyRoom });
  }, [anchor, today, timeZone, onlyStaff, onlyRoom, openDialog]);

  const openExisting = useCallback((id: number) => openDialog({ kind: 'edit', id }), [openDialog]);
  const openDay = useCallback(
    (date: CivilDate) => {
      setAnchor(date);
      setView('day');
    },
    [setView],
  );

  const dialogOpen = dialog?.open === true || moves.asking;
  const goToday = () => setAnchor(today);
  const showDay = () => setView('day');
  const showWeek = () => setView('week');
  useCalendarShortcuts(!dialogOpen, {
    t: goToday,
    o: goToday,
    ArrowLeft: () => setAnchor(stepAnchor(view, anchor, -1)),
    ArrowRight: () => setAnchor(stepAnchor(view, anchor, 1)),
    d: showDay,
    g: showDay,
    w: showWeek,
    s: showWeek,
    m: () => setView('month'),
    a: () => setView('agenda'),
    n: openNew,
    c: () => setColumns(columns === 'rooms' ? 'staff' : 'rooms'),
  });

  const empty = items !== undefined && items.length === 0;

  return (
    <>
      <ScreenTitle>{t('calendar.title')}</ScreenTitle>
      <CalendarToolbar
        view={view}
        columns={columns}
        anchor={anchor}
        label={label}
        onView={setView}
        onColumns={setColumns}
        onAnchor={setAnchor}
        onStep={(direction) => setAnchor(stepAnchor(view, anchor, direction))}
        onToday={goToday}
        onNew={openNew}
      />
      {appointments.error && <ApiErrorAlert error={appointments.error} onRetry={appointments.reload} />}
      {moves.error && (
        <Alert color="red" variant="light" withCloseButton onClose={moves.clearError} mb="xs" title={t(`errorCode.${moves.error.code}`)}>
          {moves.error.message}
        </Alert>
      )}
      {empty && (view === 'week' || view === 'agenda') && <CalendarEmptyState compact={view === 'week'} />}
      {view === 'agenda' ? (
        items && items.length > 0 && (
          <div style={{ opacity: appointments.loading ? 0.6 : 1 }}>
            <WeekAgendaTable days={agendaDays} today={today} onOpen={openExisting} />
          </div>
        )
      ) : (
        <CalendarGrid
          view={view}
          columns={columns}
          anchor={anchor}
          items={items}
          staff={staff.data?.items}
          rooms={rooms.data?.items}
          onSelectSlot={(slot) => openDialog({ kind: 'new', ...slot })}
          onOpen={openExisting}
          onOpenDay={openDay}
          onMove={(update, revert) => void moves.move(update, revert)}
        />
      )}
      <Text size="xs" c="dimmed" mt={4}>
        {t('calendar.shortcutsHint')}
      </Text>
      <AppointmentDialog
        target={dialog?.target}
        opened={dialog?.open === true}
        staff={staff.data?.items ?? []}
        rooms={rooms.data?.items ?? []}
        onClose={() => setDialog((current) => current && { ...current, open: false })}
      />
      <ConflictDialog opened={moves.asking} conflicts={moves.conflicts} busy={moves.saving} onConfirm={() => void moves.confirm()} onRevert={moves.revert} />
    </>
  );
}
