// The office's days as instants: the outbox is filtered by the office's calendar, not the computer's.
import { zonedToUtc } from '../../../src-main/domain/time-zone';
import { addDays, compareCivil, type CivilDate } from '../../../src-main/domain/calendar/civil-date';

/** Every period a screen may offer; each screen lists the ones that make sense for it. */
export const periods = ['all', 'today', 'tomorrow', 'yesterday', 'next7', 'last7', 'last30', 'custom'] as const;
export type Period = (typeof periods)[number];

/** [from, to) in UTC epoch ms; a side left out is open. */
export interface InstantRange {
  from?: number;
  to?: number;
}

/** When `date` begins on the office's clocks (a DST day is 23 or 25 hours long). */
export function officeDayStart(date: CivilDate, timeZone: string): number {
  return zonedToUtc({ ...date, hour: 0, minute: 0 }, timeZone);
}

/** From the start of `first` to the start of the day after `last`, in the office's zone; the dates in either order. */
export function officeDaysRange(first: CivilDate, last: CivilDate, timeZone: string): Required<InstantRange> {
  const [a, b] = compareCivil(first, last) <= 0 ? [first, last] : [last, first];
  return { from: officeDayStart(a, timeZone), to: officeDayStart(addDays(b, 1), timeZone) };
}

/** The instants a period covers, counted from the office's `today`; `custom` uses the typed days. */
export function periodRange(period: Period, today: CivilDate, timeZone: string, custom?: { first: CivilDate; last: CivilDate }): InstantRange {
  switch (period) {
    case 'all':
      return {};
    case 'today':
      return officeDaysRange(today, today, timeZone);
    case 'tomorrow':
      return officeDaysRange(addDays(today, 1), addDays(today, 1), timeZone);
    case 'yesterday':
      return officeDaysRange(addDays(today, -1), addDays(today, -1), timeZone);
    case 'next7':
      return officeDaysRange(today, addDays(today, 6), timeZone);
    case 'last7':
      return officeDaysRange(addDays(today, -6), today, timeZone);
    case 'last30':
      return officeDaysRange(addDays(today, -29), today, timeZone);
    case 'custom':
      return custom ? officeDaysRange(custom.first, custom.last, timeZone) : {};
  }
}
