/** A wall-clock time in some time zone; month is 1–12. */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Offsets are looked up per quarter hour and remembered: asking Intl costs some
 * microseconds, and a planning pass asks thousands of times. Zones change offset
 * only at whole quarter hours (every offset and every rule of the time zone
 * database is a multiple of 15 minutes, bar local mean times before 1900).
 */
const BUCKET_MS = 15 * 60_000;
const MAX_REMEMBERED = 100_000;
const offsets = new Map<string, Map<number, number>>();

function offsetFromIntl(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wallAsUtc = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return wallAsUtc - Math.floor(instant / 1000) * 1000;
}

/** How far `timeZone` is ahead of UTC at `instant`, in milliseconds (Rome: +1 h or +2 h). */
export function zoneOffsetAt(instant: number, timeZone: string): number {
  const bucket = Math.floor(instant / BUCKET_MS);
  let zone = offsets.get(timeZone);
  if (!zone) {
    zone = new Map();
    offsets.set(timeZone, zone);
  }
  let offset = zone.get(bucket);
  if (offset === undefined) {
    if (zone.size >= MAX_REMEMBERED) zone.clear();
    offset = offsetFromIntl(bucket * BUCKET_MS, timeZone);
    zone.set(bucket, offset);
  }
  return offset;
}

/** The wall-clock time in `timeZone` at a UTC instant. */
export function utcToZoned(instant: number, timeZone: string): LocalDateTime & { second: number } {
  const wall = new Date(instant + zoneOffsetAt(instant, timeZone));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
}

/**
 * The UTC instant of a wall-clock time in `timeZone`. The offset is looked up twice
 * because the first guess may fall on the other side of a DST change. A time that
 * does not exist (skipped at spring-forward) lands one hour later, as clocks do.
 */
export function zonedToUtc(local: LocalDateTime, timeZone: string): number {
  const wallAsUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  const first = wallAsUtc - zoneOffsetAt(wallAsUtc, timeZone);
  return wallAsUtc - zoneOffsetAt(first, timeZone);
}

/** The computer's own time zone, e.g. "Europe/Rome". */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
