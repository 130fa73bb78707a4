import type { WorkingHours } from '../../../src-main/contract/calendar-schemas';

/** A Monday (1 January 2024), for naming weekdays with Intl. */
const A_MONDAY = Date.UTC(2024, 0, 1, 12);

/** "lun", "mar"… (or "Mon", "Tue"…) for ISO weekdays 1–7. */
export function weekdayNames(locale: string, style: 'short' | 'long'): string[] {
  const format = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: style });
  return [0, 1, 2, 3, 4, 5, 6].map((offset) => format.format(A_MONDAY + offset * 86_400_000));
}

/** One weekday's intervals: "08:30–13:00, 14:00–18:30". */
function dayText(hours: WorkingHours, weekday: number): string {
  return hours
    .filter((interval) => interval.weekday === weekday)
    .sort((a, b) => a.from.localeCompare(b.from))
    .map((interval) => `${interval.from}–${interval.to}`)
    .join(', ');
}

/**
 * Working hours in a line, consecutive days with the same hours joined:
 * "lun–ven 08:30–13:00, 14:00–18:30 · sab 09:00–12:00". Empty when none are set.
 */
export function workingHoursText(hours: WorkingHours, locale: string): string {
  const names = weekdayNames(locale, 'short');
  const groups: { first: number; last: number; text: string }[] = [];
  for (let weekday = 1; weekday <= 7; weekday++) {
    const text = dayText(hours, weekday);
    const previous = groups.at(-1);
    if (text && previous && previous.text === text && previous.last === weekday - 1) previous.last = weekday;
    else if (text) groups.push({ first: weekday, last: weekday, text });
  }
  return groups
    .map(({ first, last, text }) => {
      const days = first === last ? names[first - 1] : `${names[first - 1] ?? ''}–${names[last - 1] ?? ''}`;
      return `${days ?? ''} ${text}`;
    })
    .join(' · ');
}
