import type { CalendarItem, StaffMember } from '../../../src-main/contract/calendar-schemas';
import { isoWeekday } from './civil-date';
import { officeWallTime } from './office-time';

/** Shown when nobody has working hours yet: a usual office day. */
const DEFAULT_FIRST_HOUR = 8;
const DEFAULT_LAST_HOUR = 19;

function hourOf(clock: string, roundUp: boolean): number {
  const [hours = 0, minutes = 0] = clock.split(':').map(Number);
  return roundUp && minutes > 0 ? hours + 1 : hours;
}

function clock(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/**
 * The hours the time grid shows: from the earliest start to the latest end of
 * anyone's working hours, in whole hours. Appointments outside them still show:
 * the grid is told to stretch for them.
 */
export function gridHours(staff: readonly StaffMember[]): { min: string; max: string } {
  const intervals = staff.flatMap((member) => member.workingHours);
  if (intervals.length === 0) return { min: clock(DEFAULT_FIRST_HOUR), max: clock(DEFAULT_LAST_HOUR) };
  const first = Math.min(...intervals.map((interval) => hourOf(interval.from, false)));
  const last = Math.max(...intervals.map((interval) => hourOf(interval.to, true)));
  return { min: clock(first), max: clock(Math.min(24, last)) };
}

/**
 * The weekdays the week view leaves out (0 = Sunday, as the calendar counts): those
 * on which nobody works and nothing is booked. With no hours set, every day shows.
 */
export function hiddenWeekdays(staff: readonly StaffMember[], items: readonly CalendarItem[], timeZone: string): number[] {
  const intervals = staff.flatMap((member) => member.workingHours);
  if (intervals.length === 0) return [];
  const shown = new Set(intervals.map((interval) => interval.weekday));
  for (const item of items) shown.add(isoWeekday(officeWallTime(item.start, timeZone).date));
  return [1, 2, 3, 4, 5, 6, 7].filter((weekday) => !shown.has(weekday)).map((weekday) => weekday % 7);
}
