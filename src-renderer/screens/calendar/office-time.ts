// Pure time-zone arithmetic (Intl only), shared with the core so both read the office's clock alike.
import { utcToZoned, zonedToUtc, zoneOffsetAt } from '../../../src-main/domain/time-zone';
import type { CivilDate } from './civil-date';

/** The day it is in the office's zone at `instant` (not the computer's zone). */
export function officeDateAt(instant: number, timeZone: string): CivilDate {
  const { year, month, day } = utcToZoned(instant, timeZone);
  return { year, month, day };
}

/**
 * The UTC instant of a wall-clock time in the office's zone: `minuteOfDay` minutes
 * after the start of `date` on the office's clocks (past 1440 rolls into the next
 * day; a time skipped at spring-forward lands an hour later).
 */
export function officeInstant(date: CivilDate, minuteOfDay: number, timeZone: string): number {
  return zonedToUtc({ ...date, hour: 0, minute: minuteOfDay }, timeZone);
}

/** The UTC instant when `date` begins in the office's zone. */
export function officeMidnight(date: CivilDate, timeZone: string): number {
  return officeInstant(date, 0, timeZone);
}

/** A wall-clock time on the office's clocks. */
export interface OfficeWallTime {
  date: CivilDate;
  minuteOfDay: number;
}

export function officeWallTime(instant: number, timeZone: string): OfficeWallTime {
  const { year, month, day, hour, minute } = utcToZoned(instant, timeZone);
  return { date: { year, month, day }, minuteOfDay: hour * 60 + minute };
}

/** `instant` moved by `minutes` of the office's wall-clock time (a DST night still counts as 24 h). */
export function shiftOfficeTime(instant: number, minutes: number, timeZone: string): number {
  const wall = officeWallTime(instant, timeZone);
  return officeInstant(wall.date, wall.minuteOfDay + minutes, timeZone) + (instant % 60_000);
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

const QUARTER_HOUR_MS = 15 * 60_000;

/**
 * "2026-11-24T09:30:00" with no offset: the office's wall time, for a calendar that
 * shows times as given. Made for a week of appointments at once: the zone's offset
 * is looked up once per quarter hour (every zone changes offset on a quarter hour of
 * UTC), since Intl's lookup costs far more than the arithmetic.
 */
export function officeWallIsoFormatter(timeZone: string): (instant: number) => string {
  const offsets = new Map<number, number>();
  return (instant) => {
    const quarter = Math.floor(instant / QUARTER_HOUR_MS);
    let offset = offsets.get(quarter);
    if (offset === undefined) {
      offset = zoneOffsetAt(quarter * QUARTER_HOUR_MS, timeZone);
      offsets.set(quarter, offset);
    }
    const w = new Date(instant + offset);
    return `${String(w.getUTCFullYear())}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())}T${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}:${pad(w.getUTCSeconds())}`;
  };
}

/** The instant of an office wall time written "2026-11-24T09:30:00" (or "2026-11-24T09:30"). */
export function instantOfOfficeWallIso(text: string, timeZone: string): number {
  const [year = 1970, month = 1, day = 1, hour = 0, minute = 0] = (text.match(/\d+/g) ?? []).map(Number);
  return officeInstant({ year, month, day }, hour * 60 + minute, timeZone);
}

/** The office's UTC offset at `instant` as "+01:00" / "-05:00". */
export function officeOffsetLabel(instant: number, timeZone: string): string {
  const minutes = Math.round(zoneOffsetAt(instant, timeZone) / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
