/** A calendar day with no time and no zone; month is 1–12. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

const DAY_MS = 24 * 3600 * 1000;

/** Date arithmetic on the proleptic calendar, done in UTC where days are always 24 h. */
function toUtcMidnight(date: CivilDate): number {
  return Date.UTC(date.year, date.month - 1, date.day);
}

function fromUtcMidnight(ms: number): CivilDate {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return fromUtcMidnight(toUtcMidnight(date) + days * DAY_MS);
}

/** The Monday on or before `date` (weeks run Monday–Sunday in Italy). */
export function mondayOf(date: CivilDate): CivilDate {
  const sundayZero = new Date(toUtcMidnight(date)).getUTCDay();
  return addDays(date, -((sundayZero + 6) % 7));
}

/** 'YYYY-MM-DD': a stable key for grouping by day. */
export function civilKey(date: CivilDate): string {
  return `${String(date.year)}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** Noon UTC of the day: a Date that shows the same day in any zone, for Intl day labels. */
export function civilNoon(date: CivilDate): Date {
  return new Date(toUtcMidnight(date) + DAY_MS / 2);
}
