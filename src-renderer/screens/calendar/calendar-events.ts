import type { Calendar } from '@event-calendar/core';
import type { CalendarItem, Room, StaffMember } from '../../../src-main/contract/calendar-schemas';
import { officeWallIsoFormatter } from './office-time';

/** What the day view's columns are: one per room or one per staff member. */
export type ColumnMode = 'rooms' | 'staff';

/** The column for appointments with no room (or no staff member) in the day view. */
export const UNASSIGNED_COLUMN = 'none';

/** Past and cancelled appointments stay where they were: they are changed in the dialog, not by a stray drag. */
const FIXED_STATUSES = new Set<CalendarItem['status']>(['cancelled', 'done', 'no_show']);

function columnOf(mode: ColumnMode, item: CalendarItem): string {
  const ref = mode === 'rooms' ? item.room : item.staff;
  return ref ? `${mode}:${String(ref.id)}` : UNASSIGNED_COLUMN;
}

/**
 * The calendar's events. Times are given as the office's wall-clock times with no
 * offset ("floating"): the calendar shows them as written, whatever zone the
 * computer itself is set to.
 */
export function toCalendarEvents(
  items: readonly CalendarItem[],
  timeZone: string,
  mode: ColumnMode,
  staffColors: ReadonlyMap<number, string>,
): Calendar.EventInput[] {
  const wallIso = officeWallIsoFormatter(timeZone);
  return items.map((item) => {
    const staffColor = item.staff ? staffColors.get(item.staff.id) : undefined;
    return {
      id: String(item.id),
      start: wallIso(item.start),
      end: wallIso(item.end),
      resourceIds: [columnOf(mode, item)],
      title: item.client.name,
      editable: !FIXED_STATUSES.has(item.status),
      classNames: ['pm-event', `pm-status-${item.status}`],
      styles: staffColor ? [`--pm-staff-color: ${staffColor}`] : [],
      extendedProps: { item },
    };
  });
}

/** The item an event was made from. */
export function itemOfEvent(event: Calendar.Event): CalendarItem | undefined {
  return event.extendedProps.item as CalendarItem | undefined;
}

/** The day view's columns, in the office's order, plus "unassigned" when some appointment needs it. */
export function toResources(
  mode: ColumnMode,
  staff: readonly StaffMember[],
  rooms: readonly Room[],
  items: readonly CalendarItem[],
  unassignedTitle: string,
): Calendar.ResourceInput[] {
  const columns = (mode === 'rooms' ? rooms : staff).map((entry) => ({ id: `${mode}:${String(entry.id)}`, title: entry.name }));
  const listed = new Set(columns.map((column) => column.id));
  // An appointment with an inactive room or staff member keeps a column of its own, or it would vanish.
  for (const item of items) {
    const ref = mode === 'rooms' ? item.room : item.staff;
    const id = columnOf(mode, item);
    if (ref && !listed.has(id)) {
      columns.push({ id, title: ref.name });
      listed.add(id);
    }
  }
  if (columns.length === 0 || items.some((item) => columnOf(mode, item) === UNASSIGNED_COLUMN)) {
    columns.push({ id: UNASSIGNED_COLUMN, title: unassignedTitle });
  }
  return columns;
}

/** The room or staff member a day-view column stands for; null for the "unassigned" column. */
export function assignmentOfColumn(mode: ColumnMode, columnId: string): { roomId: number | null } | { staffId: number | null } {
  const id = columnId === UNASSIGNED_COLUMN ? null : Number(columnId.slice(columnId.indexOf(':') + 1));
  return mode === 'rooms' ? { roomId: id } : { staffId: id };
}

/** The id of the single active one, if there is exactly one: a one-dentist office need not pick him every time. */
export function onlyOne(entries: readonly { id: number }[] | undefined): number | null {
  return entries?.length === 1 && entries[0] ? entries[0].id : null;
}
