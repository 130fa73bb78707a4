import { addMonthsOnDay, type CivilDate } from '../calendar/civil-date';
import { utcToZoned, zonedToUtc } from '../time-zone';

/** The office's calendar day at `instant`. */
export function officeDay(instant: number, timeZone: string): CivilDate {
  const local = utcToZoned(instant, timeZone);
  return { year: local.year, month: local.month, day: local.day };
}

/** "2026-11-24", as the schema stores legal holds: text order is date order. */
export function civilDateText(date: CivilDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/**
 * The first instant of the office day `months` calendar months before `today` (the
 * last day of that month when it is shorter). What was created before it is past a
 * period of `months`: on 24 November 2026, a 24-month period keeps what was created
 * from 24 November 2024 at 00:00, office time, on.
 */
export function periodCutoff(today: CivilDate, months: number, timeZone: string): number {
  const day = addMonthsOnDay(today, -months, today.day);
  return zonedToUtc({ ...day, hour: 0, minute: 0 }, timeZone);
}
