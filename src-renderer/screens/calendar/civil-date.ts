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

/** The same day `months` later or earlier, or that month's last day if it is shorter. */
export function addMonths(date: CivilDate, months: number): CivilDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { year, month, day: Math.min(date.day, lastDay) };
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

/** 1 for Monday … 7 for Sunday. */
export function isoWeekday(date: CivilDate): number {
  return new Date(toUtcMidnight(date)).getUTCDay() || 7;
}
