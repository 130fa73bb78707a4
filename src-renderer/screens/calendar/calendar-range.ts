import { addDays, addMonths, daysBetween, mondayOf, type CivilDate } from './civil-date';

export const calendarViews = ['day', 'week', 'month', 'agenda'] as const;
export type CalendarView = (typeof calendarViews)[number];

/** The days a view shows around `anchor`: a day, a Monday-to-Sunday week, or the whole weeks that hold the month. */
export function visibleDays(view: CalendarView, anchor: CivilDate): { first: CivilDate; count: number } {
  if (view === 'day') return { first: anchor, count: 1 };
  if (view === 'week' || view === 'agenda') return { first: mondayOf(anchor), count: 7 };
  const firstOfMonth = { ...anchor, day: 1 };
  const first = mondayOf(firstOfMonth);
  const lastOfMonth = addDays(addMonths(firstOfMonth, 1), -1);
  const end = addDays(mondayOf(lastOfMonth), 7);
  return { first, count: daysBetween(first, end) };
}

/** The anchor one step back (-1) or on (+1): a day, a week or a month. */
export function stepAnchor(view: CalendarView, anchor: CivilDate, direction: -1 | 1): CivilDate {
  if (view === 'day') return addDays(anchor, direction);
  if (view === 'month') return addMonths(anchor, direction);
  return addDays(anchor, 7 * direction);
}
