import type { ReminderSettings } from '../../contract/reminders-schemas';
import { addDays, instantOfWallTime, isoWeekday, wallTimeAt, type CivilDate } from '../calendar/civil-date';

export interface Period {
  start: number;
  end: number;
}

type QuietSettings = Pick<ReminderSettings, 'quietFrom' | 'quietTo' | 'quietSundays'>;

function minutesOf(clock: string): number {
  const [hours = 0, minutes = 0] = clock.split(':').map(Number);
  return hours * 60 + minutes;
}

function isQuietWallTime(minuteOfDay: number, weekday: number, settings: QuietSettings): boolean {
  if (settings.quietSundays && weekday === 7) return true;
  const from = minutesOf(settings.quietFrom);
  const to = minutesOf(settings.quietTo);
  return from < to ? minuteOfDay >= from && minuteOfDay < to : minuteOfDay >= from || minuteOfDay < to;
}

/** The quiet periods that start on `date`: the night (maybe across midnight) and, if asked, the whole Sunday. */
function periodsStartingOn(date: CivilDate, settings: QuietSettings, timeZone: string): Period[] {
  const from = minutesOf(settings.quietFrom);
  const to = minutesOf(settings.quietTo);
  const at = (minuteOfDay: number) => instantOfWallTime({ date, minuteOfDay }, timeZone);
  const periods = [{ start: at(from), end: at(to > from ? to : to + 1440) }];
  if (settings.quietSundays && isoWeekday(date) === 7) periods.push({ start: at(0), end: at(1440) });
  return periods;
}

/**
 * The quiet period that `instant` falls in, with touching or overlapping periods
 * merged (Saturday night, Sunday and Sunday night are one stretch), or undefined
 * when reminders may go out at `instant`.
 */
export function quietPeriodAt(instant: number, settings: QuietSettings, timeZone: string): Period | undefined {
  const { date: today, minuteOfDay } = wallTimeAt(instant, timeZone);
  // Most instants are plainly outside quiet hours: one look at the wall clock says so.
  if (!isQuietWallTime(minuteOfDay, isoWeekday(today), settings)) return undefined;
  const periods: Period[] = [];
  for (let offset = -3; offset <= 2; offset++) periods.push(...periodsStartingOn(addDays(today, offset), settings, timeZone));
  periods.sort((a, b) => a.start - b.start);
  const merged: Period[] = [];
  for (const period of periods) {
    const last = merged[merged.length - 1];
    if (last && period.start <= last.end) last.end = Math.max(last.end, period.end);
    else merged.push({ ...period });
  }
  return merged.find((period) => period.start <= instant && instant < period.end);
}
