// The day arithmetic is the core's own (pure) module; these are the calendar screen's additions.
import {
  addDays,
  addMonthsOnDay,
  DAY_MS,
  isoWeekday,
  toUtcMidnight,
  type CivilDate,
} from '../../../src-main/domain/calendar/civil-date';

export { addDays, isoWeekday, type CivilDate };

/** The Monday on or before `date` (weeks run Monday–Sunday in Italy). */
export function mondayOf(date: CivilDate): CivilDate {
  return addDays(date, 1 - isoWeekday(date));
}

/** 'YYYY-MM-DD': a stable key for grouping by day. */
export function civilKey(date: CivilDate): string {
  return `${String(date.year)}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** Noon UTC of the day: a Date that shows the same day in any zone, for Intl day labels. */
export function civilNoon(date: CivilDate): Date {
  return new Date(toUtcMidnight(date) + DAY_MS / 2);
}

/** The same day `months` later or earlier, or that month's last day if it is shorter. */
export function addMonths(date: CivilDate, months: number): CivilDate {
  return addMonthsOnDay(date, months, date.day);
}

/** Days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: CivilDate, b: CivilDate): number {
  return Math.round((toUtcMidnight(b) - toUtcMidnight(a)) / DAY_MS);
}

/** "2026-11-24" back to a date; undefined for anything else (an empty date input). */
export function parseCivilKey(text: string): CivilDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return civilKey(addDays(date, 0)) === text ? date : undefined;
}
