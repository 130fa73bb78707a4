import { civilNoon, type CivilDate } from './civil-date';

/**
 * "23–29 novembre 2026", "30 novembre – 6 dicembre 2026". Built by hand across
 * months because CLDR's Italian interval pattern zero-pads the day there ("06 dicembre").
 */
export function formatWeekRange(locale: string, first: CivilDate, last: CivilDate): string {
  // Civil dates are turned into noon UTC, so every formatter here works in UTC.
  const full = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
  if (first.year === last.year && first.month === last.month) {
    return full.formatRange(civilNoon(first), civilNoon(last));
  }
  const start =
    first.year === last.year
      ? new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'long' }).format(civilNoon(first))
      : full.format(civilNoon(first));
  return `${start} – ${full.format(civilNoon(last))}`;
}
