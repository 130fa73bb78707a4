// Pure (Intl and Date.UTC only): the renderer's calendar uses this same module.
import { utcToZoned, zonedToUtc } from '../time-zone';

/** A day in the office's calendar, with no time and no zone; month is 1–12. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

export const DAY_MS = 24 * 3600 * 1000;

/** Date arithmetic runs on UTC midnights, where every day has 24 hours. */
export function toUtcMidnight(date: CivilDate): number {
  return Date.UTC(date.year, date.month - 1, date.day);
}

function fromUtcMidnight(ms: number): CivilDate {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return fromUtcMidnight(toUtcMidnight(date) + days * DAY_MS);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The month `months` after `date`, on `dayOfMonth` or that month's last day if it is shorter. */
export function addMonthsOnDay(date: CivilDate, months: number, dayOfMonth: number): CivilDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(dayOfMonth, daysInMonth(year, month)) };
}

/** 1 for Monday … 7 for Sunday. */
export function isoWeekday(date: CivilDate): number {
  return new Date(toUtcMidnight(date)).getUTCDay() || 7;
}

export function compareCivil(a: CivilDate, b: CivilDate): number {
  return toUtcMidnight(a) - toUtcMidnight(b);
}

/** "2026-11-24" (already validated by the contract). */
export function parseCivilDate(text: string): CivilDate {
  const [year = 0, month = 1, day = 1] = text.split('-').map(Number);
  return { year, month, day };
}

/** A wall-clock time in the office: its day and its minute of that day. */
export interface WallTime {
  date: CivilDate;
  minuteOfDay: number;
}

export function wallTimeAt(instant: number, timeZone: string): WallTime {
  const local = utcToZoned(instant, timeZone);
  return { date: { year: local.year, month: local.month, day: local.day }, minuteOfDay: local.hour * 60 + local.minute };
}

/** The instant of a wall time; minutes past 24:00 roll into the next day. */
export function instantOfWallTime(wall: WallTime, timeZone: string): number {
  const date = addDays(wall.date, Math.floor(wall.minuteOfDay / 1440));
  const minute = ((wall.minuteOfDay % 1440) + 1440) % 1440;
  return zonedToUtc({ ...date, hour: Math.floor(minute / 60), minute: minute % 60 }, timeZone);
}

/** How far apart two wall times are, in wall-clock minutes (a DST night still counts 24 h). */
export function wallMinutesBetween(from: WallTime, to: WallTime): number {
  return (compareCivil(to.date, from.date) / 60_000) + to.minuteOfDay - from.minuteOfDay;
}

/** `wall` moved by `minutes` of wall-clock time. */
export function shiftWallTime(wall: WallTime, minutes: number): WallTime {
  const total = wall.minuteOfDay + minutes;
  const days = Math.floor(total / 1440);
  return { date: addDays(wall.date, days), minuteOfDay: total - days * 1440 };
}
