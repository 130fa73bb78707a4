import { ApiError } from '../../contract/errors';
import { MAX_OCCURRENCES, type Recurrence } from '../../contract/calendar-schemas';
import { addDays, addMonthsOnDay, compareCivil, instantOfWallTime, parseCivilDate, wallTimeAt } from './civil-date';

/**
 * The start of every appointment of a series, the first included. Occurrences are
 * laid out in the office's calendar and keep its wall-clock time, so a 09:00
 * weekly visit stays at 09:00 when the clocks change (its UTC instant moves).
 */
export function expandRecurrence(firstStart: number, rule: Recurrence, timeZone: string): number[] {
  const first = wallTimeAt(firstStart, timeZone);
  // Offsets are whole minutes: seconds given with the first start carry over unchanged.
  const subMinute = ((firstStart % 60_000) + 60_000) % 60_000;
  const until = rule.until === undefined ? undefined : parseCivilDate(rule.until);
  if (until && compareCivil(until, first.date) < 0) {
    throw new ApiError('VALIDATION', 'recurrence.until: before the first appointment', 'recurrence.until');
  }
  const wanted = rule.count ?? Number.POSITIVE_INFINITY;
  const starts: number[] = [];
  for (let index = 0; starts.length < wanted; index++) {
    const date =
      rule.frequency === 'weekly'
        ? addDays(first.date, 7 * rule.interval * index)
        : addMonthsOnDay(first.date, rule.interval * index, first.date.day);
    if (until && compareCivil(date, until) > 0) break;
    if (starts.length === MAX_OCCURRENCES) {
      throw new ApiError(
        'VALIDATION',
        `recurrence.until: a series has at most ${MAX_OCCURRENCES} appointments`,
        'recurrence.until',
      );
    }
    starts.push(index === 0 ? firstStart : instantOfWallTime({ date, minuteOfDay: first.minuteOfDay }, timeZone) + subMinute);
  }
  return starts;
}
