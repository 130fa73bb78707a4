import type { Calendar } from '@event-calendar/core';
import { Alert } from '@mantine/core';
import { useEffect, useMemo, useRef } from 'react';
import type { CalendarItem, Room, StaffMember } from '../../../src-main/contract/calendar-schemas';
import type { MethodInput } from '../../../src-main/contract/methods';
import { useI18n } from '../../i18n/i18n-context';
import { useOffice } from '../../shell/office-context';
import { assignmentOfColumn, itemOfEvent, onlyOne, toCalendarEvents, toResources, type ColumnMode } from './calendar-events';
import type { CalendarView } from './calendar-range';
import { civilKey, parseCivilKey, type CivilDate } from './civil-date';
import { EventCalendar } from './EventCalendar';
import { renderEventContent } from './event-content';
import { gridHours, hiddenWeekdays } from './grid-hours';
import { instantOfOfficeWallIso, shiftOfficeTime } from './office-time';
import { useOfficeOffset } from './use-office-offset';

type GridView = Exclude<CalendarView, 'agenda'>;

const EC_VIEWS: Record<GridView, string> = { day: 'resourceTimeGridDay', week: 'timeGridWeek', month: 'dayGridMonth' };
const NO_ITEMS: CalendarItem[] = [];
const NO_STAFF: StaffMember[] = [];
const NO_ROOMS: Room[] = [];
const HEADER_TOOLBAR = { start: '', center: '', end: '' };
const CLOCK_FORMAT: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
const MONTH_HEADER_FORMAT: Intl.DateTimeFormatOptions = { weekday: 'short' };
const DAY_HEADER_FORMAT: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' };
/** The app bar, the title, the toolbar and the shortcut hint above and below the grid. */
const GRID_HEIGHT = 'calc(100dvh - 172px)';

export interface NewSlot {
  start: number;
  end: number;
  staffId: number | null;
  roomId: number | null;
}

export interface CalendarGridProps {
  view: GridView;
  columns: ColumnMode;
  anchor: CivilDate;
  items: readonly CalendarItem[] | undefined;
  staff: readonly StaffMember[] | undefined;
  rooms: readonly Room[] | undefined;
  onSelectSlot: (slot: NewSlot) => void;
  onOpen: (id: number) => void;
  onMove: (update: MethodInput<'appointments.update'>, revert: () => void) => void;
  /** Month view: a click on a day opens that day. */
  onOpenDay: (date: CivilDate) => void;
}

/** Minutes of wall-clock time in a calendar duration (time grids move by days and seconds). */
function minutesOf(duration: Calendar.Duration): number {
  return duration.days * 1440 + Math.round(duration.seconds / 60);
}

/**
 * The day, week and month views on @event-calendar/core. The calendar is fed the
 * office's wall-clock times ("floating", no offset) and every time it hands back is
 * turned into an instant in the office's zone, so an office in Rome looks right on a
 * computer set to any zone.
 */
export function CalendarGrid(props: CalendarGridProps) {
  const { t, locale } = useI18n();
  const { timeZone } = useOffice().settings;
  const items = props.items ?? NO_ITEMS;
  const staff = props.staff ?? NO_STAFF;
  const rooms = props.rooms ?? NO_ROOMS;
  const { view, columns } = props;
  const offset = useOfficeOffset(timeZone);

  // The calendar calls back long after a render: it reads the latest props through a ref.
  const latest = useRef({ props, timeZone, staff, rooms });
  useEffect(() => {
    latest.current = { props, timeZone, staff, rooms };
  });

  const callbacks = useMemo<Calendar.Options>(
    () => ({
      select: (info) => {
        const { props: current, timeZone: zone, staff: people, rooms: places } = latest.current;
        const assignment = info.resource ? assignmentOfColumn(current.columns, String(info.resource.id)) : {};
        current.onSelectSlot({
          start: instantOfOfficeWallIso(info.startStr, zone),
          end: instantOfOfficeWallIso(info.endStr, zone),
          staffId: onlyOne(people),
          roomId: onlyOne(places),
          ...assignment,
        });
      },
      dateClick: (info) => {
        const date = parseCivilKey(info.dateStr.slice(0, 10));
        if (date && latest.current.props.view === 'month') latest.current.props.onOpenDay(date);
      },
      eventClick: (info) => {
        const item = itemOfEvent(info.event);
        if (item) latest.current.props.onOpen(item.id);
      },
      eventDrop: (info) => {
        const item = itemOfEvent(info.oldEvent);
        if (!item) return;
        const { props: current, timeZone: zone } = latest.current;
        const start = shiftOfficeTime(item.start, minutesOf(info.delta), zone);
        const assignment = info.newResource ? assignmentOfColumn(current.columns, String(info.newResource.id)) : {};
        current.onMove({ id: item.id, changes: { start, end: start + (item.end - item.start), ...assignment } }, info.revert);
      },
      eventResize: (info) => {
        const item = itemOfEvent(info.oldEvent);
        if (!item) return;
        const { props: current, timeZone: zone } = latest.current;
        current.onMove({ id: item.id, changes: { end: shiftOfficeTime(item.end, minutesOf(info.endDelta), zone) } }, info.revert);
      },
    }),
    [],
  );

  const staffColors = useMemo(() => new Map(staff.map((member) => [member.id, member.color])), [staff]);
  const events = useMemo(() => toCalendarEvents(items, timeZone, columns, staffColors), [items, timeZone, columns, staffColors]);
  const unassigned = columns === 'rooms' ? t('calendar.columns.noRoom') : t('calendar.columns.noStaff');
  // Fresh data usually leaves the columns as they were: the calendar is handed a new list only when they change.
  const columnKey = JSON.stringify(toResources(columns, staff, rooms, items, unassigned));
  const resources = useMemo(() => JSON.parse(columnKey) as Calendar.ResourceInput[], [columnKey]);
  const hours = useMemo(() => gridHours(staff), [staff]);
  const hiddenDays = useMemo(() => (view === 'week' ? hiddenWeekdays(staff, items, timeZone) : []), [view, staff, items, timeZone]);
  const hiddenKey = hiddenDays.join(',');
  const stableHiddenDays = useMemo(() => (hiddenKey ? hiddenKey.split(',').map(Number) : []), [hiddenKey]) as Calendar.dayOfWeek[];

  const eventContent = useMemo(() => {
    const options = {
      showRoom: !(view === 'day' && columns === 'rooms'),
      showStaff: !(view === 'day' && columns === 'staff'),
      seriesMark: '↻',
      statusLabel: (status: string) => t(`status.${status}` as 'status.booked'),
    };
    return (info: Calendar.EventContentInfo) => renderEventContent(info, options);
  }, [view, columns, t]);
  const moreLinkContent = useMemo(() => (info: Calendar.MoreLinkInfo) => t('calendar.more', { count: info.num }), [t]);

  const options = useMemo<Calendar.Options>(
    () => ({
      ...callbacks,
      view: EC_VIEWS[view],
      date: civilKey(props.anchor),
      events,
      resources,
      hiddenDays: stableHiddenDays,
      slotMinTime: hours.min,
      slotMaxTime: hours.max,
      scrollTime: hours.min,
      flexibleSlotTimeLimits: true,
      locale,
      // "Today" and the now line follow the office's clock, not this computer's.
      timeZone: offset,
      eventContent,
      moreLinkContent,
      headerToolbar: HEADER_TOOLBAR,
      height: GRID_HEIGHT,
      firstDay: 1,
      allDaySlot: false,
      nowIndicator: true,
      slotEventOverlap: false,
      selectable: view !== 'month',
      editable: true,
      dayMaxEvents: true,
      slotDuration: '00:15',
      slotLabelInterval: '01:00',
      slotHeight: 18,
      slotLabelFormat: CLOCK_FORMAT,
      eventTimeFormat: CLOCK_FORMAT,
      dayHeaderFormat: view === 'month' ? MONTH_HEADER_FORMAT : DAY_HEADER_FORMAT,
      eventDragMinDistance: 4,
    }),
    [callbacks, view, props.anchor, events, resources, stableHiddenDays, hours, locale, offset, eventContent, moreLinkContent],
  );

  return (
    <EventCalendar
      options={options}
      failed={
        <Alert color="red" variant="light" title={t('errorCode.INTERNAL')}>
          {t('calendar.gridFailed')}
        </Alert>
      }
    />
  );
}
