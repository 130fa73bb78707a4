import type { WorkingHours } from '../../contract/calendar-schemas';
import { addDays, compareCivil, isoWeekday, wallTimeAt } from './civil-date';

function minutesOf(clock: string): number {
  const [hours = 0, minutes = 0] = clock.split(':').map(Number);
  return hours * 60 + minutes;
}

/**
 * True when [start, end) lies inside one working interval of the day it starts on,
 * in the office's time zone. No hours set means no limit: an office that never
 * filled them in is not warned about every appointment.
 */
export function fitsWorkingHours(start: number, end: number, hours: WorkingHours, timeZone: string): boolean {
  if (hours.length === 0) return true;
  const from = wallTimeAt(start, timeZone);
  const to = wallTimeAt(end, timeZone);
  let endMinute: number;
  if (compareCivil(to.date, from.date) === 0) endMinute = to.minuteOfDay;
  else if (compareCivil(to.date, addDays(from.date, 1)) === 0 && to.minuteOfDay === 0) endMinute = 1440;
  else return false;
  const weekday = isoWeekday(from.date);
  return hours.some(
    (interval) =>
      interval.weekday === weekday && minutesOf(interval.from) <= from.minuteOfDay && endMinute <= minutesOf(interval.to),
  );
}
